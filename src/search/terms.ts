/**
 * How text becomes index terms. The same functions run on documents and on queries, so a word
 * typed in any case, with or without diacritics, possessive or plural, meets its indexed form.
 */

/** Common English words that carry no meaning in a search (kept small on purpose: names survive). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had has ' +
    'have having he her here hers herself him himself his how i if in into is it its itself just me more ' +
    'most my myself no nor not now of off on once only or other our ours ourselves out over own same she ' +
    'should so some such than that the their theirs them themselves then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours yourself yourselves'
  ).split(' '),
);

/** Splits on whitespace and punctuation (as MiniSearch does by default), keeping letters and digits. */
export const SPLIT_TERMS = /[\n\r\p{Z}\p{P}\p{S}]+/u;

/** Words of a text; a possessive `'s` goes with its word (`Ada's` → `Ada`) rather than standing alone. */
export function tokenize(text: string): string[] {
  return text
    .replace(/(\p{L})['’]s(?![\p{L}\p{N}])/gu, '$1')
    .split(SPLIT_TERMS)
    .filter(Boolean);
}

/** Lower case, no diacritics (`Bünzli` → `bunzli`). */
export function fold(text: string): string {
  // Plain ASCII has nothing to decompose: skip the Unicode pass (most notes are ASCII throughout).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Very light plural folding: `discussions` → `discussion`, `libraries` → `library`. Short words and
 * endings that are rarely plurals (`css`, `status`, `process`, `macos`, `analysis`) are left alone.
 */
export function singular(term: string): string {
  if (term.length < 4 || !term.endsWith('s')) return term;
  if (/(ss|us|is|os|as|ys)$/.test(term)) return term;
  if (term.length > 4 && term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(term)) return term.slice(0, -2);
  return term.slice(0, -1);
}

const processed = new Map<string, string | null>();

/** The term as indexed: folded, possessive `'s` removed, plural folded; stop words dropped (null). */
export function processTerm(term: string): string | null {
  let known = processed.get(term);
  if (known === undefined) {
    // a text's vocabulary is small: remember each word's form (bounded, for long-running servers)
    if (processed.size > 100_000) processed.clear();
    known = computeTerm(term);
    processed.set(term, known);
  }
  return known;
}

function computeTerm(term: string): string | null {
  let t = fold(term);
  t = t.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (!t || STOP_WORDS.has(t)) return null;
  return singular(t);
}

/** The indexed terms of a piece of query text, in order (stop words dropped). */
export function queryTerms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((t): t is string => !!t);
}

/** Collapses whitespace and folds case and diacritics, for phrase containment tests. */
export function normaliseForPhrase(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}
