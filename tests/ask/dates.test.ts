import { describe, expect, it } from 'vitest';
import { describeRange, readTime } from '../../src/ask/dates.js';

const range = (q: string) => readTime(q).range;

describe('readTime', () => {
  it('reads single days in several spellings as a meeting date', () => {
    for (const q of [
      'Who attended the meeting on 2014-06-10?',
      'Who was at the 10 June 2014 call?',
      'Who was at the 10th of June, 2014 call?',
      'Who joined the June 10th 2014 call?',
      'Who joined the call of June 10, 2014?',
      'attendees 2014/06/10',
      'Who attended on 10/06/2014?',
      'What was discussed on 10.06.2014?',
    ]) {
      const t = readTime(q);
      expect(t.day, q).toBe('2014-06-10');
      expect(t.range).toEqual({ from: '2014-06-10', to: '2014-06-10' });
    }
  });

  it('reads years, months, quarters and halves', () => {
    expect(range('Irmin discussions in 2014')).toEqual({ from: '2014-01-01', to: '2014-12-31' });
    expect(range('during March 2015')).toEqual({ from: '2015-03-01', to: '2015-03-31' });
    expect(range('in Feb 2016')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(range('in Q2 2015')).toEqual({ from: '2015-04-01', to: '2015-06-30' });
    expect(range('in the second half of 2014')).toEqual({ from: '2014-07-01', to: '2014-12-31' });
    expect(readTime('in 2014').day).toBeUndefined();
  });

  it('reads ranges, completing the first bound from the second', () => {
    expect(range('opam discussions between March and June 2014')).toEqual({ from: '2014-03-01', to: '2014-06-30' });
    expect(range('from October 2014 to January 2015')).toEqual({ from: '2014-10-01', to: '2015-01-31' });
    expect(range('from November to February 2015')).toEqual({ from: '2014-11-01', to: '2015-02-28' });
    expect(range('between 2014 and 2015')).toEqual({ from: '2014-01-01', to: '2015-12-31' });
    expect(range('between 2015-01-01 and 2015-06-30')).toEqual({ from: '2015-01-01', to: '2015-06-30' });
    expect(readTime('between 2015-01-01 and 2015-06-30').day).toBeUndefined();
  });

  it('reads open bounds', () => {
    expect(range('since May 2015')).toEqual({ from: '2015-05-01' });
    expect(range('after 2014')).toEqual({ from: '2015-01-01' });
    expect(range('before 2014')).toEqual({ to: '2013-12-31' });
    expect(range('before March 2015')).toEqual({ to: '2015-02-28' });
    expect(range('until June 2015')).toEqual({ to: '2015-06-30' });
    expect(range('from 2015 onwards')).toEqual({ from: '2015-01-01' });
    expect(range('the discussions from 2014')).toEqual({ from: '2014-01-01', to: '2014-12-31' });
  });

  it('ignores numbers and words that are not dates', () => {
    expect(readTime('How many meetings did Anil attend?').mentioned).toBe(false);
    expect(readTime('What may Anil take on?').mentioned).toBe(false);
    expect(readTime('Mirage 2.5 release with 1000 users').mentioned).toBe(false);
  });

  it('reports dates that do not exist', () => {
    expect(readTime('Who attended on 2015-13-01?').invalid).toEqual(['2015-13-01']);
    expect(readTime('Who attended on 31 June 2014?').invalid).toEqual(['31 June 2014']);
  });

  it('reports dates without a year that nothing completes', () => {
    expect(readTime('Who attended the call on 10 June?').incomplete).toEqual([{ text: '10 June', month: 6, day: 10 }]);
    expect(readTime('Irmin discussions in March').incomplete).toEqual([{ text: 'March', month: 3, day: undefined }]);
    expect(readTime('Irmin discussions in March 2015').incomplete).toEqual([]);
  });

  it('marks the spans it read', () => {
    const q = 'Irmin discussions between March and June 2014';
    const [[s, e]] = readTime(q).spans;
    expect(q.slice(s, e)).toBe('between March and June 2014');
  });

  it('describes ranges in words', () => {
    expect(describeRange({ from: '2014-01-01', to: '2014-12-31' })).toBe('in 2014');
    expect(describeRange({ from: '2014-03-01', to: '2014-03-31' })).toBe('in March 2014');
    expect(describeRange({ from: '2014-06-10', to: '2014-06-10' })).toBe('on 2014-06-10');
    expect(describeRange({ from: '2014-03-01', to: '2014-06-30' })).toBe('between 2014-03-01 and 2014-06-30');
    expect(describeRange({ from: '2015-01-01' })).toBe('from 2015-01-01 on');
    expect(describeRange({})).toBe('');
  });
});
