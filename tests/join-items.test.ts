/**
 * Joining the items of many meetings into one list per kind: in order, every item once, an item
 * that is itself an array kept whole, and more meetings than one `concat` call takes.
 */
import { describe, expect, it } from 'vitest';
import { concatAll, joinItems, type MeetingItems } from '../src/domain.js';

describe('concatAll', () => {
  it('joins the arrays in order and keeps array items whole', () => {
    expect(concatAll<unknown>([[1, 2], [], [[3, 4]], [5]])).toEqual([1, 2, [3, 4], 5]);
    expect(concatAll([])).toEqual([]);
  });

  it('joins more arrays than one call takes as arguments', () => {
    // 200,000 arguments overflow the stack; 300,000 arrays go through in pieces.
    const arrays = Array.from({ length: 300_000 }, (_, i) => (i % 3 === 0 ? [] : [i, -i]));
    const joined = concatAll(arrays);
    expect(joined.length).toBe(400_000);
    expect(joined).toEqual(arrays.flat());
  });
});

describe('joinItems', () => {
  it('gives each kind of item of every meeting, meeting by meeting', () => {
    const part = (m: number, n: number) =>
      Object.fromEntries(['discussions', 'actionItems', 'attendance', 'discussed', 'about', 'cites'].map((kind) => [kind, Array.from({ length: n }, (_, i) => ({ kind, m, i }))])) as unknown as MeetingItems;
    const parts = [part(0, 2), part(1, 0), part(2, 3)];
    const joined = joinItems(parts);
    for (const [kind, items] of Object.entries(joined)) {
      expect(items).toEqual(parts.flatMap((p) => p[kind as keyof MeetingItems] as unknown[]));
      expect(items.map((x: { kind: string }) => x.kind).every((k: string) => k === kind)).toBe(true);
    }
    expect(joined.cites[2]).toBe(parts[2].cites[0]);
  });
});
