import { describe, expect, it } from 'vitest';
import { dateBound, expandDate, isCalendarDate, wholeNumber } from '../../src/server/api/inputs.js';
import { everyMonth } from '../../src/server/api/people.js';

describe('API inputs', () => {
  it('accepts real dates, months and years only', () => {
    for (const ok of ['2024', '2024-02', '2024-02-29', '2023-12-31']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2023-02-29', '2024-13', '2024-00', '2024-04-31', '24-01-01', '2024-1-1', 'today']) expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('expands months and years to their first or last day', () => {
    expect(expandDate('2024-02', 'from')).toBe('2024-02-01');
    expect(expandDate('2024-02', 'to')).toBe('2024-02-29');
    expect(expandDate('2015', 'to')).toBe('2015-12-31');
    expect(dateBound('to', '').parse('2023-02')).toBe('2023-02-28');
    expect(dateBound('from', '').safeParse('2023-02-30').success).toBe(false);
  });

  it('parses whole numbers within bounds, with a default', () => {
    const n = wholeNumber(1, 10, 5, 'n');
    expect(n.parse(undefined)).toBe(5);
    expect(n.parse('7')).toBe(7);
    for (const bad of ['0', '11', '-1', '1.5', 'abc', '']) expect(n.safeParse(bad).success, bad).toBe(false);
  });

  it('lists every month of a span', () => {
    expect(everyMonth(['2014-11', '2015-02'])).toEqual(['2014-11', '2014-12', '2015-01', '2015-02']);
    expect(everyMonth([])).toEqual([]);
  });
});
