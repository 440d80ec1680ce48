/**
 * Topics: a few normalised noun phrases per discussion (lower case, singular, no stop words).
 * `compromise` is costly over every word of a folder, so it reads only what names the topic best:
 * the heading (or, for a note without item headings, the opening sentence).
 */
import nlp from 'compromise';
import type { Evidence } from '../src/domain.js';
import type { Sentence } from './text.js';

/** Most topics kept per discussion. */
export const TOPICS_PER_DISCUSSION = 4;

const STOP = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'all', 'each', 'every', 'other', 'another', 'more', 'most',
  'lot', 'lots', 'thing', 'things', 'stuff', 'way', 'ways', 'bit', 'kind', 'sort', 'part', 'time', 'week', 'today', 'people',
  'someone', 'something', 'anyone', 'anything', 'everyone', 'everything', 'it', 'they', 'we', 'he', 'she', 'you', 'i', 'them',
  'us', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'aob', 'update', 'updates', 'status', 'progress', 'notes', 'discussion',
  'question', 'questions', 'point', 'idea', 'one', 'two', 'few', 'many', 'much', 'number', 'end', 'start', 'next', 'other business',
]);

/** Normalises a noun phrase already made singular: lower case, determiners and stop words at the edges removed. */
export function normaliseTopic(phrase: string): string | null {
  const cleaned = phrase
    .toLowerCase()
    .replace(/[`*_"“”'’()[\]{}!?.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned.split(' ').filter(Boolean);
  while (words.length && STOP.has(words[0])) words.shift();
  while (words.length && STOP.has(words[words.length - 1])) words.pop();
  if (!words.length || words.length > 4) return null;
  const topic = words.join(' ');
  if (topic.length < 3 || STOP.has(topic) || /^\d/.test(topic) || /^[^a-z]+$/.test(topic)) return null;
  return topic;
}

const singulars = new Map<string, string>();

/** The singular of a plural noun, from compromise's inflector (cached: a folder repeats its words). */
function singular(word: string): string {
  let s = singulars.get(word);
  if (s === undefined) {
    s = (nlp(word).nouns().toSingular().text() || word).toLowerCase();
    singulars.set(word, s);
  }
  return s;
}

/**
 * Words whose singulars are looked up per compromise call (see `learnSingulars`): enough to
 * amortise the call's set-up, few enough that inflecting a word, which edits the document, stays
 * cheap (2,000 per call was slower than one call per word).
 */
const WORDS_PER_PASS = 50;

/** What `learnSingulars` uses of a compromise view beyond its typed API. */
interface PointedView {
  fullPointer: Array<[number, number, number]>;
  update(pointers: Array<[number, number, number]>): { text(): string };
}

/**
 * The singulars of many words at once, into the cache `singular` reads. One `nouns()` call costs
 * a few milliseconds whatever its input (it compiles its match patterns each time), so the words
 * go in one document, a word per line, and each line's result is read as `singular` would read
 * a document of that word alone; a line the sentence splitter did not keep to itself sends its
 * pass back to one word at a time.
 */
function learnSingulars(words: string[]): void {
  const missing = [...new Set(words)].filter((w) => !singulars.has(w) && !/\s/.test(w));
  for (let i = 0; i < missing.length; i += WORDS_PER_PASS) {
    const chunk = missing.slice(i, i + WORDS_PER_PASS);
    const doc = nlp(chunk.join('\n'));
    const lines = doc.sentences().out('array') as string[];
    if (lines.length !== chunk.length || lines.some((line, j) => line.trim() !== chunk[j])) {
      for (const w of chunk) singular(w);
      continue;
    }
    const nouns = doc.nouns().toSingular() as unknown as PointedView;
    const byLine = new Map<number, Array<[number, number, number]>>();
    for (const pointer of nouns.fullPointer) byLine.set(pointer[0], [...(byLine.get(pointer[0]) ?? []), pointer]);
    chunk.forEach((w, j) => {
      const pointers = byLine.get(j);
      singulars.set(w, ((pointers ? nouns.update(pointers).text() : '') || w).toLowerCase());
    });
  }
}

interface TaggedTerm {
  text: string;
  tags: string[];
}

/** Noun phrases of one tagged sentence: runs of adjectives and nouns that end in a noun. */
function nounPhrases(terms: TaggedTerm[]): string[] {
  const out: string[] = [];
  let run: TaggedTerm[] = [];
  const flush = () => {
    while (run.length && !run[run.length - 1].tags.includes('Noun')) run.pop();
    while (run.length && !run[0].tags.some((t) => t === 'Noun' || t === 'Adjective')) run.shift();
    if (run.length) {
      const words = run.map((t) => t.text.toLowerCase());
      const last = run[run.length - 1];
      if (last.tags.includes('Plural')) words[words.length - 1] = singular(words[words.length - 1]);
      out.push(words.join(' '));
    }
    run = [];
  };
  for (const t of terms) {
    const phrasal = t.tags.some((tag) => tag === 'Noun' || tag === 'Adjective') && !t.tags.some((tag) => tag === 'Pronoun' || tag === 'Determiner' || tag === 'Person');
    if (phrasal && /[\p{L}\p{N}]/u.test(t.text)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

/** Lines tagged per compromise call: large enough to amortise its set-up, small enough to bound memory. */
const LINES_PER_PASS = 2000;

/**
 * Characters of a heading (or opening sentence) that are tagged. Real headings are far shorter;
 * a pasted megabyte is not tagged whole, because compromise's tokenizer takes time quadratic in
 * the length of some lines (a 256 KiB run of `a.` costs minutes), and so would the clean-up
 * patterns below on a run of unclosed parentheses. The cut falls before the word it would split.
 */
export const MAX_TOPIC_TEXT = 1000;

function capped(text: string): string {
  return text.length <= MAX_TOPIC_TEXT ? text : text.slice(0, MAX_TOPIC_TEXT).replace(/\S*$/, '');
}

/**
 * Topics of many texts (headings, mostly): each distinct text is tagged once, in a few large
 * `compromise` passes (one line per text) rather than a pass per discussion — a folder repeats
 * its headings ("Quality and test", "AoB") and compromise's per-call set-up dominates short texts.
 */
export function topicsOfTexts(texts: string[]): string[][] {
  const clean = (t: string) => capped(t).replace(/`[^`]*`/g, ' ').replace(/\([^)]*\)\s*$/, '').replace(/[.!?;:]+(?=\s|$)/g, ',').replace(/\s+/g, ' ').trim();
  const distinct = [...new Set(texts.map(clean).filter(Boolean))].filter((t) => !topicCache.has(t));
  const byText = topicCache;
  for (let i = 0; i < distinct.length; i += LINES_PER_PASS) {
    const chunk = distinct.slice(i, i + LINES_PER_PASS);
    const tagged = nlp(chunk.map((t) => `${t}.`).join('\n')).json({ terms: { text: true, tags: true } }) as Array<{ terms: TaggedTerm[] }>;
    if (tagged.length === chunk.length) {
      learnSingulars(tagged.flatMap((sentence) => sentence.terms.filter((t) => t.tags.includes('Plural')).map((t) => t.text.toLowerCase())));
      chunk.forEach((t, j) => byText.set(t, topicsOf(tagged[j].terms)));
    }
    else for (const t of chunk) byText.set(t, topicsOf((nlp(`${t}.`).json({ terms: { text: true, tags: true } }) as Array<{ terms: TaggedTerm[] }>).flatMap((s) => s.terms)));
  }
  const result = texts.map((t) => byText.get(clean(t)) ?? []);
  while (topicCache.size > TOPIC_CACHE_SIZE) topicCache.delete(topicCache.keys().next().value!);
  return result;
}

/** Topics of texts already tagged in this process: re-ingests tag only new headings. */
const topicCache = new Map<string, string[]>();
const TOPIC_CACHE_SIZE = 50_000;

function topicsOf(terms: TaggedTerm[]): string[] {
  const out: string[] = [];
  for (const phrase of nounPhrases(terms)) {
    const topic = normaliseTopic(phrase);
    if (topic && !out.includes(topic)) out.push(topic);
    if (out.length >= TOPICS_PER_DISCUSSION) break;
  }
  return out;
}
