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
/** Opening sentences read besides the heading. */
const SENTENCES_READ = 0;

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

export interface TopicSource {
  /** Heading and opening sentence of one discussion. */
  texts: Array<{ text: string; line: number; display: string }>;
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

/**
 * Topics of many discussions from one `compromise` tagging pass (one document, one line per
 * text) — far cheaper than asking compromise for noun phrases discussion by discussion.
 */
export function extractTopicsBatch(sources: TopicSource[], file: string): Array<Map<string, Evidence>> {
  const lines: Array<{ source: number; text: { text: string; line: number; display: string } }> = [];
  sources.forEach((s, i) => {
    for (const t of s.texts.slice(0, 1 + SENTENCES_READ)) if (t.text.trim()) lines.push({ source: i, text: t });
  });
  const out = sources.map(() => new Map<string, Evidence>());
  if (!lines.length) return out;
  const clean = (t: string) => t.replace(/`[^`]*`/g, ' ').replace(/\([^)]*\)\s*$/, '').replace(/[.!?;:]+(?=\s|$)/g, ',').trim();
  const doc = nlp(lines.map((l) => clean(l.text.text) + '.').join('\n'));
  const sentences = doc.json({ terms: { text: true, tags: true } }) as Array<{ terms: TaggedTerm[] }>;
  // One line must stay one sentence; when the splitter disagrees, read each line alone.
  if (sentences.length !== lines.length && sources.length > 1) {
    return sources.map((s) => extractTopicsBatch([s], file)[0]);
  }
  sentences.forEach((sentence, i) => {
    const l = lines[i];
    if (!l) return;
    const topics = out[l.source];
    for (const phrase of nounPhrases(sentence.terms)) {
      if (topics.size >= TOPICS_PER_DISCUSSION) break;
      const topic = normaliseTopic(phrase);
      if (topic && !topics.has(topic)) topics.set(topic, { file, line: l.text.line, sentence: l.text.display.slice(0, 400) });
    }
  });
  return out;
}
