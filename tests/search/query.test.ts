import { describe, expect, it } from 'vitest';
import { isFilterOnly, parseQuery, parsePartialDate, QueryError } from '../../src/search/query.js';

describe('parseQuery', () => {
  it('splits free words, phrases and exclusions', () => {
    const q = parseQuery('irmin  "merge   queue" -docker -"release notes" sync');
    expect(q.words).toEqual(['irmin', 'sync']);
    expect(q.phrases).toEqual(['merge queue']);
    expect(q.excludedWords).toEqual(['docker']);
    expect(q.excludedPhrases).toEqual(['release notes']);
    expect(isFilterOnly(q)).toBe(false);
  });

  it('reads operators with bare and quoted values, any case of operator name', () => {
    const q = parseQuery('person:ThomasG Person:"Thomas Gazagnaire" project:irmin topic:"release" meeting:2015-05-20 meeting:team/retro');
    expect(q.people).toEqual(['ThomasG', 'Thomas Gazagnaire']);
    expect(q.projects).toEqual(['irmin']);
    expect(q.topics).toEqual(['release']);
    expect(q.meetings).toEqual(['2015-05-20', 'team/retro']);
    expect(isFilterOnly(q)).toBe(true);
  });

  it('expands partial dates and intersects ranges', () => {
    expect(parseQuery('after:2015-01').range).toEqual({ from: '2015-01-01' });
    expect(parseQuery('before:2015-06').range).toEqual({ to: '2015-06-30' });
    expect(parseQuery('before:2016-02').range).toEqual({ to: '2016-02-29' });
    expect(parseQuery('before:2015-02').range).toEqual({ to: '2015-02-28' });
    expect(parseQuery('in:2015').range).toEqual({ from: '2015-01-01', to: '2015-12-31' });
    expect(parseQuery('in:2015-03').range).toEqual({ from: '2015-03-01', to: '2015-03-31' });
    expect(parseQuery('in:2015 after:2015-03-15 before:2016-01').range).toEqual({ from: '2015-03-15', to: '2015-12-31' });
  });

  it('keeps URLs and times as words', () => {
    const q = parseQuery('http://example.org 12:30');
    expect(q.words).toEqual(['http://example.org', '12:30']);
  });

  it('rejects unknown operators naming them', () => {
    try {
      parseQuery('irmin author:anil');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QueryError);
      expect((e as QueryError).name).toBe('QueryError');
      expect((e as QueryError).field).toBe('author');
      expect((e as QueryError).message).toContain('author:');
    }
  });

  it.each([
    ['after:2015-13', 'after'],
    ['before:2015-02-30', 'before'],
    ['in:15', 'in'],
    ['meeting:2015-02-31', 'meeting'],
    ['after:yesterday', 'after'],
  ])('rejects the bad date in %s', (text, field) => {
    expect(() => parseQuery(text)).toThrow(QueryError);
    try {
      parseQuery(text);
    } catch (e) {
      expect((e as QueryError).field).toBe(field);
      expect((e as QueryError).message).toContain(text.split(':')[1]);
    }
  });

  it('rejects empty and negated operators', () => {
    expect(() => parseQuery('person:')).not.toThrow(); // `person:` alone is a word, not an operator
    expect(() => parseQuery('person:""')).toThrow(/needs a value/);
    expect(() => parseQuery('-person:anil')).toThrow(QueryError);
  });

  it('treats an unclosed quote as running to the end', () => {
    expect(parseQuery('"open phrase').phrases).toEqual(['open phrase']);
  });

  it('parsePartialDate covers leap years', () => {
    expect(parsePartialDate('2016-02-29', 'in')).toEqual({ first: '2016-02-29', last: '2016-02-29' });
    expect(() => parsePartialDate('2015-02-29', 'in')).toThrow(QueryError);
  });
});
