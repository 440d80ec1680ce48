/**
 * Project-like names that no registry lists, found in the notes themselves: package-like code
 * spans, the repository of an `owner/repo#N` reference, mixed-case tool names (DataHub,
 * KubeCtl) and capitalised words that are not English words. Without a projects registry the
 * names seen in several meetings become projects; the rest are reported as candidates for a
 * user to promote. Person names and handles, English words, acronyms and the names of events
 * and organisations are left out.
 */
import nlp from './nlp.js';
import type { Sentence } from './text.js';
import { codeSpans, withoutCode } from './text.js';
import { foldName } from './names.js';
import { EVENT_NOUNS } from './name-use.js';
import type { ProjectDirectory } from './projects.js';

/** Why a name was taken for a project's: the evidence differs in strength. */
export type DiscoveryKind = 'code' | 'repository' | 'mixed-case' | 'capitalised';

export interface DiscoveredName {
  name: string;
  sentence: Sentence;
  kind: DiscoveryKind;
}

// `owner/repo#N`. A failed attempt consumes the rest of its word run (second alternative, no
// groups): every later start in that run would fail the same way, and retrying each one costs
// time quadratic in the length of a long run such as `a.a.a…`.
const REPO_REF = /\b(?:([\w.-]+)\/([\w.-]+)#(\d+)\b|[\w.-]+)/g;

/** Words of code that are the language's own, not a package's name. */
const CODE_KEYWORDS = new Set(['true', 'false', 'null', 'none', 'make', 'sudo', 'let', 'open', 'module', 'val', 'type', 'fun', 'then', 'else', 'begin', 'end', 'match', 'with', 'struct', 'sig', 'functor', 'include']);
/** Month and day names: capitalised, never projects. */
const CALENDAR_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/;
/** Words of compromise's lexicon: an ordinary English word, or a known person's or place's name. */
const lexicon: Record<string, unknown> = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, unknown> } } } }).world().model.one.lexicon;

function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  return lexicon[w] !== undefined || CALENDAR_WORDS.test(w) || (/[^s]s$/.test(w) && lexicon[w.slice(0, -1)] !== undefined);
}

/**
 * Mixed-case words that are not product names: plurals of acronyms ("VMs", "PRs"), acronyms with
 * a small word inside ("GSoC", "AoB", "IoT"), words run together from function words ("ToDo"),
 * and the names of events and organisations ("FooSummit", "FooProject").
 */
function isMixedCaseNonName(word: string): boolean {
  if (/[A-Z]{2,}s$/.test(word) || /^[A-Z]+(?:o|of|n|and)[A-Z][A-Za-z]?$/.test(word) || word.length <= 3) return true;
  const parts = word.match(/[A-Z][a-z]*|[a-z]+/g) ?? [];
  if (parts.every((p) => p.length <= 3 && isEnglishWord(p))) return true;
  const last = parts[parts.length - 1].toLowerCase();
  return parts.length > 1 && (EVENT_NOUNS.includes(last) || last === 'project' || last === 'team');
}

// The look-behind comes after the capital so that it runs at capitals only: at every position of
// a long run of spaces it would scan the run back to its start (time quadratic in its length).
const CAPITALISED = /[A-Z](?<=[\p{L}\p{N},;)]\s+[A-Z])[a-z]{2,}(?![\p{L}\p{N}_'’-])/gu;
const TITLE_WORD_BEFORE = /[A-Z][\p{L}]*\s+$/u;
const TITLE_WORD_AFTER = /^\s+[A-Z][a-z]/;

/**
 * Project-like names in a sentence that no registry form covers: code spans that look like a
 * package name, the repository of an `owner/repo#N` reference, mixed-case tool names (DataHub,
 * KubeCtl), and capitalised words inside a sentence that are not English words. A capitalised word
 * next to another ("Jane Street", "Computer Lab") is part of a longer proper name, usually a
 * person's, place's or organisation's, and is left out; whether a capitalised word is a name at
 * all is settled over the whole folder (see NameCaseEvidence).
 */
export function discoverProjectNames(sentence: Sentence, known: ProjectDirectory, rawLine?: string): DiscoveredName[] {
  const out: DiscoveredName[] = [];
  const push = (name: string, kind: DiscoveryKind) => {
    if (known.lookupLoose(name).length === 0) out.push({ name, sentence, kind });
  };
  for (const span of codeSpans(sentence.text)) {
    const inner = span.inner.trim();
    // ML-style constructors and module types (`Not_found`, `FLOW`) are code, not packages.
    if (!/^[a-z][\w-]{2,30}$/i.test(inner) || /^[A-Z][A-Za-z0-9]*_|^[A-Z0-9_]+$/.test(inner)) continue;
    if (!CODE_KEYWORDS.has(inner) && !isEnglishWord(inner)) push(inner, 'code');
  }
  const refText = rawLine ?? sentence.text;
  // Every word matches REPO_REF's second branch: a text without `#` holds no reference to look for.
  if (refText.includes('#')) for (const m of refText.matchAll(REPO_REF)) if (m[2] !== undefined) push(m[2], 'repository');
  const prose = withoutCode(sentence.text);
  // Mixed-case words (DataHub, KubeCtl) are rarely anything but a product name.
  for (const m of prose.matchAll(/(?<![\p{L}\p{N}_])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*)(?![\p{L}\p{N}_])/gu)) {
    if (!isMixedCaseNonName(m[0])) push(m[0], 'mixed-case');
  }
  for (const m of prose.matchAll(CAPITALISED)) {
    const before = prose.slice(Math.max(0, m.index! - 30), m.index!);
    const after = prose.slice(m.index! + m[0].length, m.index! + m[0].length + 4);
    if (TITLE_WORD_BEFORE.test(before) || TITLE_WORD_AFTER.test(after) || isEnglishWord(m[0]) || EVENT_NOUNS.includes(m[0].toLowerCase())) continue;
    push(m[0], 'capitalised');
  }
  return out;
}

/**
 * True for a mixed-case word built on a known person's first name or surname: a handle such as
 * "ThomasG" or "DSmith" names the person, not a product.
 */
export function isPersonHandle(word: string, people: ReadonlyArray<{ first: string | null; last: string | null }>): boolean {
  const parts = (word.match(/[A-Z][a-z]+/g) ?? []).map(foldName).filter((p) => p.length >= 3);
  if (parts.length === 0 || parts.length > 2) return false;
  let cached = personNameParts.get(people);
  // A directory can grow between ingests: the cache is valid only for the size it was built at.
  if (!cached || cached.size !== people.length) {
    cached = { size: people.length, names: new Set(people.flatMap((p) => [p.first, p.last]).filter((n): n is string => !!n).map(foldName)) };
    personNameParts.set(people, cached);
  }
  const names = cached.names;
  return parts.some((p) => names.has(p));
}
const personNameParts = new WeakMap<object, { size: number; names: Set<string> }>();

/**
 * How a folder writes its words: a capitalised word inside a sentence is a name only if the folder
 * does not also write it in lower case as an ordinary word ("Entropy" in a title, "entropy" in
 * the text). The test is proportional, so lower-case slips ("acme live-migration") do not undo a
 * name the folder mostly capitalises.
 */
export class NameCaseEvidence {
  private lower = new Map<string, number>();
  private capitalised = new Map<string, number>();

  /** Counts the words of `text`; `by` -1 takes back what adding it counted. */
  add(text: string, by: 1 | -1 = 1): void {
    for (const m of withoutCode(text).matchAll(/(?<![\p{L}\p{N}_'’/.-])[\p{L}][\p{Ll}]+(?![\p{L}\p{N}_/-])/gu)) {
      const w = m[0];
      const map = w === w.toLowerCase() ? this.lower : this.capitalised;
      const key = w.toLowerCase();
      const count = (map.get(key) ?? 0) + by;
      if (count === 0) map.delete(key);
      else map.set(key, count);
    }
  }

  /**
   * True when the folder writes the word capitalised at least twice as often as in lower case.
   * Names of software are often lower-cased too ("postgres"), so the bar is a majority, not purity.
   */
  isName(word: string): boolean {
    const key = word.toLowerCase();
    return (this.capitalised.get(key) ?? 0) >= 2 * (this.lower.get(key) ?? 0);
  }
}
