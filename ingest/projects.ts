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
  /** Named with a version number ("X 2.0", "X v1"): a release, never a passing mention. */
  versioned: boolean;
}

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
      if (code) this.codeForms.set(code[1], rec.key);
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

  private pattern(): RegExp {
    if (!this.prosePattern) {
      const forms = [...this.proseForms.keys()].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      this.prosePattern = forms.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}_@/.-])(?:${forms.map((f) => escapeRegExp(f).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_]|[-/.][\\p{L}\\p{N}])`,
            'gu',
          )
        : /(?!)/g;
    }
    return this.prosePattern;
  }

  /** Every registry project a sentence names. */
  findInSentence(sentence: Sentence): ProjectMention[] {
    const out: ProjectMention[] = [];
    const text = sentence.text.replace(/`/g, ' ');
    for (const m of text.matchAll(this.pattern())) {
      const key = this.proseForms.get(m[0].replace(/\s+/g, ' '));
      if (key === undefined) continue;
      const versioned = /^\s+v?\d+(\.\d+)*\b/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 12));
      out.push({ key, text: m[0], sentence, versioned });
    }
    for (const span of codeSpans(sentence.text)) {
      const inner = span.inner.trim();
      const key = this.codeForms.get(inner) ?? this.codeForms.get(inner.split(/\s+/)[0]);
      if (key !== undefined) out.push({ key, text: `\`${inner}\``, sentence, versioned: false });
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
