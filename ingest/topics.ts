/**
 * Topics: a few normalised noun phrases per discussion (lower case, singular, no stop words).
 * `compromise` is costly over every word of a folder, so it reads only what names the topic best:
 * the heading (or, for a note without item headings, the opening sentence).
 */
import nlp from './nlp.js';
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

/** What `singular` uses of compromise's world beyond its typed API. */
interface InflectingWorld {
  model: unknown;
  methods: { two: { transform: { noun: { toSingular: (word: string, model: unknown) => string } } } };
}
const world = nlp.world() as unknown as InflectingWorld;

const singulars = new Map<string, string>();

/**
 * The singular of a word the tagger read as a plural noun in its sentence, from compromise's
 * inflector (its irregular plurals, then its suffix rules). The word is not tagged again alone:
 * out of its sentence "packages" or "posts" reads as a verb, and a `nouns()` pass costs a few
 * milliseconds whatever its input. Cached: a folder repeats its words.
 */
function singular(word: string): string {
  let s = singulars.get(word);
  if (s === undefined) {
    s = (world.methods.two.transform.noun.toSingular(word, world.model) || word).toLowerCase();
    singulars.set(word, s);
  }
  return s;
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
