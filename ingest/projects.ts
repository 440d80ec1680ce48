/**
 * Projects: the registry's names and aliases (an alias in backticks counts only inside a code
 * span), matched case-sensitively on word boundaries, each mention with how the name is used
 * there; and the judgement of which sections only name a project in passing. Names no registry
 * lists are found by `project-discovery.ts`.
 */
import type { RegistryEntry } from './registry.js';
import type { Sentence } from './text.js';
import { codeSpans, withoutCode } from './text.js';
import { formScan, longestFirstAlternation, scanMatches, type FormScan } from './alternation.js';
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
 * of names are judged; any other project named anywhere in a section counts. Both are containers
 * of other work, so "in X" ("an interface in X", "written in X") places that work rather than
 * discussing X.
 *
 * - The folder's umbrella name also stands for the team, its channels and events, as a modifier
 *   ("the X list", "X hackers", "an X tutorial"): a section is about it only where the name is a
 *   noun of its own ("runs on X", "X is ready"), other than "in X", or a release ("X 2.0").
 * - A programming language is the medium of most work ("X bindings"): a section is about it only
 *   when its heading or a version names it, when it names the language's own implementation ("the
 *   X runtime", "an X backend"), or when it makes the language a noun of its own, other than "in
 *   X", more than once.
 */
export function namedInPassing(salience: ProjectSalience, kind: PassingKind): boolean {
  if (kind === 'other' || salience.versioned) return false;
  const asSubject = salience.uses.filter((m) => m.use === 'noun' && !CONTAINER_BEFORE.test(m.sentence.text.slice(Math.max(0, m.start - 20), m.start)));
  if (kind === 'umbrella') return asSubject.length === 0;
  if (salience.inHeading) return false;
  if (salience.uses.some((m) => m.use === 'modifier' && m.modifies !== null && LANGUAGE_IMPLEMENTATION.has(m.modifies))) return false;
  return asSubject.length < 2;
}

/** "in X", "in pure X": X as the place where other work lives. */
const CONTAINER_BEFORE = /\bin\s+(?:pure\s+)?$/i;

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
  /**
   * A bare one-word code span matched by a code-only form (`x`): the program. When the text calls
   * that span something else ("the `x` package", "the tag is `x`"), this is the kind it names.
   */
  codeWordKind?: { word: string; kind: string | null };
}

/**
 * English prefixes a name may be hyphenated to ("pre-X 1.0", "non-X builds") and still be the
 * name. Any other word joined by a hyphen makes a compound of its own ("foo-X" is another package).
 */
const HYPHEN_PREFIXES = new Set(['pre', 'post', 'non', 'anti', 'pro', 'multi', 'cross', 'co', 're', 'un', 'semi', 'ex', 'sub']);

/** A form that is a host name ("x.org", "site.example.com"). */
const HOST_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
// A host-name label is at most 63 characters (RFC 1035). The bound also keeps a long run of
// hyphens linear: unbounded, each of its positions would scan the rest of the run.
const SUBDOMAINS = '(?:[A-Za-z0-9-]{1,63}\\.)+';

/** Leading words of a command line that are not the program it runs (`sudo x run`, `$ x build`). */
const COMMAND_PREFIX = /^(?:(?:\$|sudo|env|time|nohup|exec)\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/;

/**
 * Kinds of thing a bare code word can be besides the program a code-only form names: the package
 * that ships it, a tag or label with its name, a branch, a module. Written next to the span
 * ("the `x` package", "package `x`", "the tag is `x`").
 */
const OTHER_KINDS = 'package|tag|label|branch|switch|module|directory|folder';
const KIND_AFTER = new RegExp(`^\\s+(${OTHER_KINDS})s?\\b`, 'i');
const KIND_BEFORE = new RegExp(`\\b(${OTHER_KINDS})s?\\s+(?:(?:is|was|called|named)\\s+)?$`, 'i');

/** The kind a sentence gives the code span at `start`…`end`, or null. */
function kindNamedAround(text: string, start: number, end: number): string | null {
  const kind = KIND_AFTER.exec(text.slice(end, end + 20))?.[1] ?? KIND_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  return kind ? kind.toLowerCase() : null;
}

/** Where a prose form may begin: not inside a word, a handle or a host name. */
const PROSE_START = '(?<![\\p{L}\\p{N}_@.])';

export class ProjectDirectory {
  readonly records: ProjectRecord[] = [];
  private proseForms = new Map<string, number>();
  private codeForms = new Map<string, number>();
  private prosePattern: FormScan | null = null;
  private looseIndex: Map<string, number[]> | null = null;

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
    this.looseIndex = null;
    return rec;
  }

  /** Projects named by a form in any case (for search operators and questions). */
  lookupLoose(form: string): ProjectRecord[] {
    if (!this.looseIndex) {
      this.looseIndex = new Map();
      for (const [k, v] of [...this.proseForms, ...this.codeForms]) {
        const key = k.toLowerCase();
        this.looseIndex.set(key, [...new Set([...(this.looseIndex.get(key) ?? []), v])]);
      }
    }
    return (this.looseIndex.get(form.toLowerCase().replace(/^`|`$/g, '').trim()) ?? []).map((k) => this.records[k]);
  }

  /**
   * Every prose form, longest first, on word boundaries. A slash does not end a word here: "A/B"
   * names both, and a visible `owner/repo` path or `owner/repo#12` reference names the repository
   * (URLs and link targets are already blanked from the sentence). A dot or hyphen followed by a
   * letter does continue the word ("x.org", "X-based"); a hyphen before the name is checked by
   * the caller. A host name also matches below it ("docs.x.org" is x.org's site) unless the
   * longer host is a form of its own.
   */
  private pattern(): FormScan {
    if (!this.prosePattern) {
      const forms = [...this.proseForms.keys()].filter(Boolean);
      const hosts = forms.filter((f) => HOST_NAME.test(f));
      const alternatives = [longestFirstAlternation(forms), ...(hosts.length ? [SUBDOMAINS + longestFirstAlternation(hosts)] : [])];
      // A subdomain may come before a host-name form: any host-name character can begin a match.
      this.prosePattern = formScan(
        forms,
        PROSE_START,
        `${PROSE_START}(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_]|[-.][\\p{L}\\p{N}])`,
        hosts.length ? 'A-Za-z0-9\\-' : '',
      );
    }
    return this.prosePattern;
  }

  /** Prose forms in a stretch of text, with how each is used there. */
  private findProse(text: string, offset: number, sentence: Sentence, out: ProjectMention[]): void {
    for (const m of scanMatches(this.pattern(), text)) {
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
      if (key === undefined) this.findProse(words[0], start, sentence, out);
      else {
        const codeWordKind = words.length === 1 ? { word: command, kind: kindNamedAround(sentence.text, span.start, span.end) } : undefined;
        out.push({ key, text: `\`${command}\``, sentence, start, use: 'noun', modifies: null, versioned: false, codeWordKind });
      }
    }
    return out;
  }
}

/**
 * The mentions of one section without the bare code words that the section says are something
 * other than the program (one sense per discourse): where a note says "the now-dummy `x` package",
 * its other bare `x` spans in that item name the package too, not the `x` tool.
 */
export function withoutOtherKinds(mentions: ProjectMention[]): ProjectMention[] {
  const otherKind = new Set(mentions.filter((m) => m.codeWordKind?.kind).map((m) => `${m.key}\u0000${m.codeWordKind!.word}`));
  if (otherKind.size === 0) return mentions;
  return mentions.filter((m) => !m.codeWordKind || !otherKind.has(`${m.key}\u0000${m.codeWordKind.word}`));
}
