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
import { readNameUse, type NameUse } from './name-use.js';

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

/** Parts of a language's own implementation: "the X runtime", "an X backend" are about the language itself. */
const LANGUAGE_IMPLEMENTATION = new Set(['runtime', 'runtimes', 'compiler', 'compilers', 'backend', 'backends', 'toolchain', 'interpreter']);

/** How one section names one project. */
export interface ProjectSalience {
  /** Mentions, the heading's included. */
  mentions: number;
  /** Named at least once with a release number. */
  versioned: boolean;
  /** Named in the section's heading. */
  inHeading: boolean;
  /** Every mention, in order, with how the name is used there. */
  uses: ProjectMention[];
}

/** Which judgement of passing mentions applies to a project. */
export type PassingKind = 'umbrella' | 'language' | 'other';

/**
 * Whether a section names a project only in passing, so that it is not about it. Only two kinds
 * of names are judged; any other project named anywhere in a section counts.
 *
 * - The folder's umbrella name stands for the team, its channels and events as a modifier ("the
 *   X list", "X hackers", "an X tutorial"): a section is about it only where the name is a noun of
 *   its own ("runs on X", "X is ready") or a release ("X 2.0").
 * - A programming language is the medium of most work ("X bindings", "written in X"): a section is
 *   about it only when its heading or a version names it, when it names the language's own
 *   implementation ("the X runtime", "an X backend"), or when it makes the language a noun of its
 *   own more than once, not counting "in X" (the medium again).
 */
export function namedInPassing(salience: ProjectSalience, kind: PassingKind): boolean {
  if (kind === 'other' || salience.versioned) return false;
  if (kind === 'umbrella') return salience.uses.every((m) => m.use === 'modifier');
  if (salience.inHeading) return false;
  if (salience.uses.some((m) => m.use === 'modifier' && m.modifies !== null && LANGUAGE_IMPLEMENTATION.has(m.modifies))) return false;
  return salience.uses.filter((m) => m.use === 'noun' && !/\bin\s+(?:pure\s+)?$/i.test(m.sentence.text.slice(0, m.start))).length < 2;
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
  /** Offset of the name in the sentence's text. */
  start: number;
  /** How the name is used where it stands: its own noun, a modifier of the next noun, or with a release number. */
  use: NameUse;
  /** For a modifier, the lower-case word it modifies ("list" in "the X list"). */
  modifies: string | null;
  /** Named with a version number ("X 2.0", "X v1"): a release, never a passing mention. */
  versioned: boolean;
}

/**
 * English prefixes a name may be hyphenated to ("pre-X 1.0", "non-X builds") and still be the
 * name. Any other word joined by a hyphen makes a compound of its own ("foo-X" is another package).
 */
const HYPHEN_PREFIXES = new Set(['pre', 'post', 'non', 'anti', 'pro', 'multi', 'cross', 'co', 're', 'un', 'semi', 'ex', 'sub']);

/** A form that is a host name ("x.org", "site.example.com"). */
const HOST_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const SUBDOMAINS = '(?:[a-z0-9-]+\\.)*';

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
   * the caller. A host name also matches below it ("docs.x.org" is x.org's site) unless the
   * longer host is a form of its own.
   */
  private pattern(): RegExp {
    if (!this.prosePattern) {
      const forms = [...this.proseForms.keys()].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      this.prosePattern = forms.length
        ? new RegExp(
            `(?<![\\p{L}\\p{N}_@.])(?:${forms.map((f) => (HOST_NAME.test(f) ? SUBDOMAINS : '') + escapeRegExp(f).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_]|[-.][\\p{L}\\p{N}])`,
            'gu',
          )
        : /(?!)/g;
    }
    return this.prosePattern;
  }

  /** Prose forms in a stretch of text, with how each is used there. */
  private findProse(text: string, offset: number, sentence: Sentence, out: ProjectMention[]): void {
    for (const m of text.matchAll(this.pattern())) {
      const start = m.index!;
      if (text[start - 1] === '-' && !HYPHEN_PREFIXES.has(/([\p{L}]+)-$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase() ?? '')) continue;
      const form = m[0].replace(/\s+/g, ' ');
      let key = this.proseForms.get(form);
      for (let host = form; key === undefined && host.includes('.'); ) {
        host = host.slice(host.indexOf('.') + 1);
        key = this.proseForms.get(host);
      }
      if (key === undefined) continue;
      const { use, modifies } = readNameUse(text, start + m[0].length);
      if (use === 'event') continue;
      out.push({ key, text: m[0], sentence, start: offset + start, use, modifies, versioned: use === 'versioned' });
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
    this.findProse(withoutCode(sentence.text), 0, sentence, out);
    for (const span of codeSpans(sentence.text)) {
      const inner = span.inner.trim();
      const command = inner.replace(COMMAND_PREFIX, '');
      const start = span.start + 1 + (span.inner.length - span.inner.trimStart().length) + (inner.length - command.length);
      const words = command.split(/\s+/);
      let key: number | undefined;
      for (let n = words.length; n > 0 && key === undefined; n--) key = this.codeForms.get(words.slice(0, n).join(' '));
      if (key !== undefined) out.push({ key, text: `\`${command}\``, sentence, start, use: 'noun', modifies: null, versioned: false });
      else this.findProse(words[0], start, sentence, out);
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
