/**
 * Projects: the registry's names and aliases (an alias in backticks counts only inside a code
 * span), matched case-sensitively on word boundaries; plus discovery of project-like names no
 * registry lists — code spans, `owner/repo#N` references, CamelCase tool names — reported as
 * candidates so a user can promote them.
 */
import type { RegistryEntry } from './registry.js';
import type { Sentence } from './text.js';
import { codeSpans, withoutCode } from './text.js';
import { escapeRegExp } from './names.js';
import { nameUseAt, type NameUse } from './name-use.js';

/**
 * Programming languages are named in passing far more often than discussed ("written in X",
 * "X bindings"); language knowledge, like the first-name table, not a team's configuration.
 */
const PROGRAMMING_LANGUAGES = new Set(
  ['c', 'c++', 'c#', 'go', 'golang', 'java', 'javascript', 'js', 'typescript', 'python', 'ruby', 'rust', 'ocaml', 'haskell', 'erlang', 'elixir', 'scala', 'kotlin', 'swift', 'php', 'perl', 'lua', 'r', 'julia', 'clojure', 'f#', 'coq', 'sml', 'lisp', 'scheme', 'racket', 'bash', 'shell'],
);

export function isProgrammingLanguage(name: string): boolean {
  return PROGRAMMING_LANGUAGES.has(name.toLowerCase());
}

export interface ProjectRecord {
  key: number;
  name: string;
  aliases: string[];
  origin: 'registry' | 'discovered';
}

export interface ProjectMention {
  key: number;
  text: string;
  sentence: Sentence;
  /** How the name is used where it stands: its own noun, a modifier of the next noun, or with a release number. */
  use: NameUse;
  /** Named with a version number ("X 2.0", "X v1"): a release, never a passing mention. */
  versioned: boolean;
}

/**
 * English prefixes a name may be hyphenated to ("pre-X 1.0", "non-X builds") and still be the
 * name. Any other word joined by a hyphen makes a compound of its own ("foo-X" is another package).
 */
const HYPHEN_PREFIXES = new Set(['pre', 'post', 'non', 'anti', 'pro', 'multi', 'cross', 'co', 're', 'un', 'semi', 'ex', 'sub']);

/** Leading words of a command line that are not the program it runs (`sudo x run`, `$ x build`). */
const COMMAND_PREFIX = /^(?:(?:\$|sudo|env|time|nohup|exec)\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/;

export class ProjectDirectory {
  readonly records: ProjectRecord[] = [];
  private proseForms = new Map<string, number>();
  private codeForms = new Map<string, number>();
  private prosePattern: RegExp | null = null;

  constructor(registry: RegistryEntry[] | null) {
    for (const entry of registry ?? []) this.add(entry.name, entry.aliases, 'registry');
  }

  add(name: string, aliases: string[], origin: ProjectRecord['origin']): ProjectRecord {
    const rec: ProjectRecord = { key: this.records.length, name, aliases: aliases.filter((a) => a !== name), origin };
    this.records.push(rec);
    for (const form of [name, ...aliases]) {
      const code = /^`(.+)`$/.exec(form.trim());
      if (code) this.codeForms.set(code[1].replace(/\s+/g, ' ').trim(), rec.key);
      else if (!this.proseForms.has(form)) this.proseForms.set(form.replace(/\s+/g, ' ').trim(), rec.key);
    }
    this.prosePattern = null;
    return rec;
  }

  /** Projects named by a form in any case (for search operators and questions). */
  lookupLoose(form: string): ProjectRecord[] {
    const f = form.toLowerCase().replace(/^`|`$/g, '').trim();
    const hits = new Set<number>();
    for (const [k, v] of this.proseForms) if (k.toLowerCase() === f) hits.add(v);
    for (const [k, v] of this.codeForms) if (k.toLowerCase() === f) hits.add(v);
    return [...hits].map((k) => this.records[k]);
  }

  /**
   * Every prose form, longest first, on word boundaries. A slash does not end a word here: "A/B"
   * names both, and a visible `owner/repo` path or `owner/repo#12` reference names the repository
   * (URLs and link targets are already blanked from the sentence). A dot or hyphen followed by a
   * letter does continue the word ("x.org", "X-based"); a hyphen before the name is checked by
   * the caller.
   */
  private pattern(): RegExp {
    if (!this.prosePattern) {
      const forms = [...this.proseForms.keys()].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      this.prosePattern = forms.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}_@.])(?:${forms.map((f) => escapeRegExp(f).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_]|[-.][\\p{L}\\p{N}])`,
            'gu',
          )
        : /(?!)/g;
    }
    return this.prosePattern;
  }

  /** Prose forms in a stretch of text, with how each is used there. */
  private findProse(text: string, sentence: Sentence, out: ProjectMention[]): void {
    for (const m of text.matchAll(this.pattern())) {
      const start = m.index!;
      if (text[start - 1] === '-' && !HYPHEN_PREFIXES.has(/([\p{L}]+)-$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase() ?? '')) continue;
      const key = this.proseForms.get(m[0].replace(/\s+/g, ' '));
      if (key === undefined) continue;
      const use = nameUseAt(text, start + m[0].length);
      if (use === 'event') continue;
      out.push({ key, text: m[0], sentence, use, versioned: use === 'versioned' });
    }
  }

  /**
   * Every registry project a sentence names. Prose forms count in the prose; inside a code span
   * only the program of a command line counts (`git bisect` runs git: "bisect" there is an
   * argument, not a project), matched by a code-only form (`x run`, the longest that starts the
   * command) or else by a prose form.
   */
  findInSentence(sentence: Sentence): ProjectMention[] {
    const out: ProjectMention[] = [];
    this.findProse(withoutCode(sentence.text), sentence, out);
    for (const span of codeSpans(sentence.text)) {
      const command = span.inner.trim().replace(COMMAND_PREFIX, '');
      const words = command.split(/\s+/);
      let key: number | undefined;
      for (let n = words.length; n > 0 && key === undefined; n--) key = this.codeForms.get(words.slice(0, n).join(' '));
      if (key !== undefined) out.push({ key, text: `\`${command}\``, sentence, use: 'noun', versioned: false });
      else this.findProse(words[0], sentence, out);
    }
    return out;
  }
}

export interface DiscoveredName {
  name: string;
  sentence: Sentence;
}

const REPO_REF = /\b([\w.-]+)\/([\w.-]+)#(\d+)\b/g;

/**
 * Project-like names in a sentence that no registry form covers: code spans that look like a
 * package name, the repository of an `owner/repo#N` reference, CamelCase or hyphenated tool names.
 */
export function discoverProjectNames(sentence: Sentence, known: ProjectDirectory, rawLine?: string): DiscoveredName[] {
  const out: DiscoveredName[] = [];
  const push = (name: string) => {
    if (known.lookupLoose(name).length === 0) out.push({ name, sentence });
  };
  for (const span of codeSpans(sentence.text)) {
    const inner = span.inner.trim();
    if (/^[a-z][\w-]{2,30}$/i.test(inner) && !/^(true|false|null|none|make|sudo|let|open|module|val|type|fun)$/.test(inner)) push(inner);
  }
  for (const m of (rawLine ?? sentence.text).matchAll(REPO_REF)) push(m[2]);
  const prose = withoutCode(sentence.text);
  // Mixed-case words (CueKeeper, OCamlot) are rarely anything but a product name.
  for (const m of prose.matchAll(/(?<![\p{L}\p{N}_])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*)(?![\p{L}\p{N}_])/gu)) push(m[0]);
  return out;
}
