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
