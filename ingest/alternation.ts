/**
 * One regular expression for many literal names. A flat `a|b|c|…` alternation makes the engine
 * try every name at every position of the text, so its cost grows with the number of names (a
 * folder of 10,000 notes knows thousands of name forms); a trie reads each character once.
 */
import { escapeRegExp } from './names.js';

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * A regular-expression source matching any of `forms`, the longest where several start at the
 * same place, white space inside a form matching any run of white space. It finds exactly what
 * the flat alternation of the same forms sorted longest first finds, lookarounds after it
 * included: of the forms that match at one place each is a prefix of the longer ones, and the
 * trie tries the longer continuation before falling back to the shorter form.
 */
export function longestFirstAlternation(forms: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const form of forms) {
    let node = root;
    for (const ch of form.replace(/\s+/g, ' ')) {
      const token = ch === ' ' ? '\\s+' : escapeRegExp(ch);
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([token, child]) => token + emit(child));
    if (branches.length === 0) return '';
    const group = `(?:${branches.join('|')})`;
    // Greedy optional: the longer form is tried first, the shorter one is the fallback.
    return node.end ? `${group}?` : branches.length === 1 ? branches[0] : group;
  };
  return emit(root);
}

/**
 * A scan for many forms that tries their pattern only where a form can begin, not at every
 * position of the text: `starts` finds a place (the `start` lookbehind, then a first character of
 * some form), `at` is the whole pattern tried there alone (sticky).
 */
export interface FormScan {
  starts: RegExp;
  at: RegExp;
}

/**
 * The scan of `forms` whose whole pattern is `source` (which begins with the `start` lookbehind
 * itself); `moreFirsts` adds to the characters a match may begin with (a character-class body)
 * when the pattern has alternatives besides the forms.
 */
export function formScan(forms: string[], start: string, source: string, moreFirsts = ''): FormScan {
  if (forms.length === 0) return { starts: /(?!)/g, at: /(?!)/y };
  const firsts = [...new Set(forms.map((f) => String.fromCodePoint(f.codePointAt(0)!)))].map((c) => c.replace(/[\\\]\[^-]/g, '\\$&'));
  return { starts: new RegExp(`${start}[${firsts.join('')}${moreFirsts}]`, 'gu'), at: new RegExp(source, 'uy') };
}

/** The matches of a scan in `text`, in order and without overlaps, as `matchAll` over its whole pattern would give them. */
export function scanMatches({ starts, at }: FormScan, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  starts.lastIndex = 0;
  for (let start = starts.exec(text); start; start = starts.exec(text)) {
    at.lastIndex = start.index;
    const m = at.exec(text);
    if (!m) continue;
    out.push(m);
    // Like matchAll, go on after the match (a form is never empty).
    if (m[0] !== '') starts.lastIndex = m.index + m[0].length;
  }
  return out;
}
