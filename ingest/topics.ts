/**
 * Topics: a few normalised noun phrases per discussion (lower case, singular, no stop words).
 * `compromise` is costly over every word of a folder, so it reads only what names the topic best:
 * the heading and the opening sentences.
 */
import nlp from 'compromise';
import type { Evidence } from '../src/domain.js';
import type { Sentence } from './text.js';

/** Most topics kept per discussion. */
export const TOPICS_PER_DISCUSSION = 4;
/** Opening sentences read besides the heading. */
const SENTENCES_READ = 2;

const STOP = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'all', 'each', 'every', 'other', 'another', 'more', 'most',
  'lot', 'lots', 'thing', 'things', 'stuff', 'way', 'ways', 'bit', 'kind', 'sort', 'part', 'time', 'week', 'today', 'people',
  'someone', 'something', 'anyone', 'anything', 'everyone', 'everything', 'it', 'they', 'we', 'he', 'she', 'you', 'i', 'them',
  'us', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'aob', 'update', 'updates', 'status', 'progress', 'notes', 'discussion',
  'question', 'questions', 'point', 'idea', 'one', 'two', 'few', 'many', 'much', 'number', 'end', 'start', 'next', 'other business',
]);

/** Normalises a noun phrase: lower case, determiners and stop words at the edges removed, last word singular. */
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
  const last = words[words.length - 1];
  const singular = nlp(last).nouns().toSingular().text() || last;
  words[words.length - 1] = singular.toLowerCase();
  const topic = words.join(' ');
  if (topic.length < 3 || STOP.has(topic) || /^\d/.test(topic) || /^[^a-z]+$/.test(topic)) return null;
  return topic;
}

/** The discussion's topics with the sentence each came from, heading phrases first. */
export function extractTopics(heading: string, sentences: Sentence[], file: string): Map<string, Evidence> {
  const topics = new Map<string, Evidence>();
  const read = [
    ...(heading ? [{ text: heading, line: sentences[0]?.line ?? 0, display: heading }] : []),
    ...sentences.slice(0, SENTENCES_READ),
  ];
  for (const s of read) {
    const text = s.text.replace(/`[^`]*`/g, ' ').replace(/\([^)]*\)\s*$/, '');
    for (const phrase of nlp(text).nouns().out('array') as string[]) {
      const topic = normaliseTopic(phrase);
      if (topic && !topics.has(topic)) topics.set(topic, { file, line: s.line, sentence: s.display.slice(0, 400) });
      if (topics.size >= TOPICS_PER_DISCUSSION) return topics;
    }
  }
  return topics;
}
