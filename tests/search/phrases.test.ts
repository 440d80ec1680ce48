import { describe, expect, it } from 'vitest';
import { holdsPhrase, PhraseIndex } from '../../src/search/phrases.js';
import { normaliseForPhrase, STOP_WORDS } from '../../src/search/terms.js';
import { plainText } from '../../src/search/snippet.js';
import { ingestFolder } from '../../ingest/index.js';
import { corpus, corpusAvailable } from '../fixtures/corpus.js';

const isStopWord = (w: string) => STOP_WORDS.has(w);

/** The documents holding a phrase by the index, confirmed where the index says it must be. */
function found(index: PhraseIndex, texts: string[], phrase: string): number[] {
  const { ids, exact } = index.candidates(phrase);
  const candidates = ids ?? texts.map((_, i) => i);
  return exact ? candidates : candidates.filter((id) => holdsPhrase(texts[id], phrase));
}

describe('holdsPhrase', () => {
  it('matches whole words only, with what separates them as written', () => {
    expect(holdsPhrase('the merge queue is long', 'merge queue')).toBe(true);
    expect(holdsPhrase('a submerge queues b', 'merge queue')).toBe(false);
    expect(holdsPhrase('submerge queue, merge queue', 'merge queue')).toBe(true); // a later occurrence counts
    expect(holdsPhrase('api design, and more', 'design, and')).toBe(true);
    expect(holdsPhrase('api design and more', 'design, and')).toBe(false);
    expect(holdsPhrase('see (tls) now', '(tls)')).toBe(true);
    expect(holdsPhrase('anything', '')).toBe(true);
  });
});

describe('PhraseIndex', () => {
  const texts = ['the merge queue is long', 'a submerge queues b', 'api design, and more', 'who is it', 'merge queue merge'];
  const index = new PhraseIndex(isStopWord);
  texts.forEach((t, i) => index.add(i, t));

  it('answers pairs of words and stop words from its postings alone', () => {
    expect(index.candidates('merge queue')).toEqual({ ids: [0, 4], exact: true });
    expect(index.candidates('design, and')).toEqual({ ids: [2], exact: true });
    expect(index.candidates('the')).toEqual({ ids: [0], exact: true });
    expect(index.candidates('never seen')).toEqual({ ids: [], exact: true });
  });

  it('narrows longer phrases to documents holding every pair, to be confirmed', () => {
    expect(index.candidates('the merge queue')).toEqual({ ids: [0], exact: false });
    expect(index.candidates('merge queue merge')).toEqual({ ids: [4], exact: false });
    // A word that is not a stop word is left to the term index.
    expect(index.candidates('queue')).toEqual({ ids: null, exact: false });
  });

  it.skipIf(!corpusAvailable)('finds what reading every document finds, for phrases taken from the corpus', async () => {
    const graph = await ingestFolder(corpus.notes, { peopleFile: corpus.people, projectsFile: corpus.projects });
    const haystacks = graph.discussions.map((d) => normaliseForPhrase(`${d.heading} ${plainText(d.text)}`));
    const big = new PhraseIndex(isStopWord);
    haystacks.forEach((h, i) => big.add(i, h));
    const phrases = new Set<string>();
    haystacks.forEach((h, i) => {
      const words = h.split(' ');
      const at = (i * 31) % Math.max(1, words.length - 3);
      phrases.add(words.slice(at, at + 2).join(' '));
      phrases.add(words.slice(at, at + 3).join(' '));
      phrases.add(words[at].slice(1)); // part of a word
      phrases.add(`${words[at]} ${words[at + 1] ?? ''}`.slice(0, -1)); // the second word cut short
    });
    for (const w of ['the', 'and', 'who']) phrases.add(w);
    let held = 0;
    for (const phrase of phrases) {
      const expected = haystacks.flatMap((h, i) => (holdsPhrase(h, phrase) ? [i] : []));
      expect(found(big, haystacks, phrase), phrase).toEqual(expected);
      if (expected.length) held++;
    }
    expect(held).toBeGreaterThan(300);
  });
});
