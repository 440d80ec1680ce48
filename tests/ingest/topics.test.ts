/**
 * Topics of headings: noun phrases, lower case, their last noun made singular as the sentence
 * reads it, stop words dropped at the edges.
 */
import { describe, expect, it } from 'vitest';
import { normaliseTopic, topicsOfTexts } from '../../ingest/topics.js';

describe('topicsOfTexts', () => {
  it('makes the last noun of a phrase singular, by rule and by irregular plural', () => {
    const [libraries, unikernels, animals, analyses] = topicsOfTexts([
      'Release candidates for the libraries',
      'Children of the unikernels',
      'Mice and geese',
      'The analyses of crashes',
    ]);
    expect(libraries).toEqual(['candidate', 'library']);
    expect(unikernels).toEqual(['child', 'unikernel']);
    expect(animals).toEqual(['mouse', 'goose']);
    expect(analyses).toEqual(['analysis', 'crash']);
  });

  it('reads a plural as its heading uses it, not as the word alone would be tagged', () => {
    // Alone, "packages" and "posts" read as verbs ("she packages", "he posts").
    const [binary, blog, upgrades] = topicsOfTexts(['Binary packages', 'Blog posts', 'Atlas dependency upgrades']);
    expect(binary).toEqual(['binary package']);
    expect(blog).toEqual(['blog post']);
    expect(upgrades).toEqual(['atlas dependency upgrade']);
  });

  it('gives the same topic to the singular and the plural heading', () => {
    const [one, many] = topicsOfTexts(['The blog post', 'Blog posts']);
    expect(one).toEqual(many);
  });

  it('drops a phrase that is a stop word once singular', () => {
    expect(topicsOfTexts(['Times'])[0]).toEqual([]);
  });
});

describe('normaliseTopic', () => {
  it('lower-cases and trims determiners and stop words at the edges', () => {
    expect(normaliseTopic('The TLS release')).toBe('tls release');
    expect(normaliseTopic('some updates')).toBeNull();
  });
});
