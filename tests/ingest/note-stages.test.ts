/**
 * The order notes are extracted in: by date, then id. The people directory
 * is built in this order, so every pipeline (one thread, workers, a re-ingest from the memo)
 * must give the same one.
 */
import { describe, expect, it } from 'vitest';
import { inMeetingOrder, type MeetingKey } from '../../ingest/note-stages.js';

describe('inMeetingOrder', () => {
  it('orders by date, then id (an undated note by its id alone), and keeps the items themselves', () => {
    const items: Array<{ name: string; key: MeetingKey }> = [
      { name: 'b-late', key: { date: '2014-06-10', id: 'team-b/2014-06-10' } },
      { name: 'undated', key: { date: null, id: 'notes/misc' } },
      { name: 'a-late', key: { date: '2014-06-10', id: 'team-a/2014-06-10' } },
      { name: 'early', key: { date: '2013-04-16', id: 'team-b/2013-04-16' } },
    ];
    const ordered = inMeetingOrder(items, (i) => i.key);
    expect(ordered.map((i) => i.name)).toEqual(['early', 'a-late', 'b-late', 'undated']);
    expect(ordered[3]).toBe(items[1]);
    // The input is left as it was.
    expect(items.map((i) => i.name)).toEqual(['b-late', 'undated', 'a-late', 'early']);
  });
});
