import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../web/js/lib/latest.js';

/** A list API over `rows` (oldest first) that pages as the server does, recording what was asked. */
function listApi(rows: number[]) {
  const asked: Array<{ offset?: number; limit: number }> = [];
  const fetchPage = async (_path: string, params: { offset?: number; limit: number }) => {
    asked.push(params);
    const offset = params.offset ?? 0;
    return { total: rows.length, items: rows.slice(offset, offset + params.limit) };
  };
  return { fetchPage, asked };
}

describe('newestFirst', () => {
  it('lists the newest rows first when there are more than it shows', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => i);
    const api = listApi(rows);
    const { items, total } = await newestFirst(api.fetchPage, '/meetings', 1000);
    expect(total).toBe(2500);
    expect(items).toHaveLength(1000);
    expect(items[0]).toBe(2499);
    expect(items.at(-1)).toBe(1500);
    expect(api.asked).toEqual([{ limit: 0 }, { offset: 1500, limit: 1000 }]);
  });

  it('lists every row, newest first, when they all fit', async () => {
    const api = listApi([1, 2, 3]);
    expect(await newestFirst(api.fetchPage, '/meetings', 1000)).toEqual({ items: [3, 2, 1], total: 3 });
    expect(await newestFirst(listApi([]).fetchPage, '/meetings', 1000)).toEqual({ items: [], total: 0 });
  });

  it('asks again when the list grew between its two requests', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => i);
    const asked: Array<{ offset?: number; limit: number }> = [];
    const fetchPage = async (_path: string, params: { offset?: number; limit: number }) => {
      asked.push(params);
      // A note is added right after the total was asked for.
      if (asked.length === 1) {
        const total = rows.length;
        rows.push(1500, 1501);
        return { total, items: [] };
      }
      const offset = params.offset ?? 0;
      return { total: rows.length, items: rows.slice(offset, offset + params.limit) };
    };
    const { items, total } = await newestFirst(fetchPage, '/meetings', 1000);
    expect(total).toBe(1502);
    expect(items[0]).toBe(1501);
    expect(items).toHaveLength(1000);
    expect(asked).toEqual([{ limit: 0 }, { offset: 500, limit: 1000 }, { offset: 502, limit: 1000 }]);
  });
});
