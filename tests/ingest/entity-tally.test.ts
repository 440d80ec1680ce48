/**
 * The entities a memo's tally says the slices use: after any sequence of folders, what a fresh
 * tally of the same slices says, whatever their order; and the rules for references and topics.
 */
import { describe, expect, it } from 'vitest';
import { EntityTally, type MeetingSlice } from '../../ingest/assemble.js';

/** Just what the tally reads of a slice. */
const slice = (people: number[], projects: number[], topics: Array<[string, string]>, references: string[]) =>
  ({ personKeys: people, projectKeys: projects, topics, cites: references.map((referenceId) => ({ referenceId })) }) as unknown as MeetingSlice;

describe('EntityTally', () => {
  const a = slice([1, 2], [7], [['topic:release', 'release']], ['https://a.example', 'x/y#1']);
  const b = slice([2, 3], [], [['topic:release', 'Release'], ['topic:tls', 'tls']], ['https://a.example']);
  const c = slice([4], [7, 8], [['topic:release', 'Release']], ['https://c.example', 'https://b.example']);
  const d = slice([], [], [], []);

  it('gives what a fresh tally gives as slices come, go and change order', () => {
    const tally = new EntityTally();
    const folders = [[a, b], [a, b, c], [c, a], [b, d], [a, b, c, d], [], [c], [d, c, b, a]];
    const seen = new Set<string>();
    for (const folder of folders) {
      const got = tally.sync(folder);
      expect(got).toEqual(new EntityTally().sync(folder));
      expect(got).toEqual(new EntityTally().sync([...folder].reverse()));
      seen.add(JSON.stringify(got));
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it('lists each used entity once: people and projects by key, references by id', () => {
    const used = new EntityTally().sync([c, a, b]);
    expect(used.personKeys).toEqual([1, 2, 3, 4]);
    expect(used.projectKeys).toEqual([7, 8]);
    expect(used.references.map((r) => r.id)).toEqual(['https://a.example', 'https://b.example', 'https://c.example', 'x/y#1']);
    expect(used.references[0]).toEqual({ id: 'https://a.example', url: 'https://a.example' });
    expect(used.topics.map((t) => t.id)).toEqual(['topic:release', 'topic:tls']);
  });

  it('names a topic by the spelling most of its edges use, the least by code unit on a tie', () => {
    expect(new EntityTally().sync([a, b]).topics[0].name).toBe('Release');
    expect(new EntityTally().sync([a, b, c]).topics[0].name).toBe('Release');
    const lower = slice([], [], [['topic:release', 'release']], []);
    expect(new EntityTally().sync([a, lower, b]).topics[0].name).toBe('release');
  });

  it('hands back the same reference list while no reference comes or goes', () => {
    const tally = new EntityTally();
    const first = tally.sync([a, b]).references;
    expect(tally.sync([b, a, d]).references).toBe(first);
    const grown = tally.sync([a, b, c]).references;
    expect(grown).not.toBe(first);
    expect(grown.map((r) => r.id)).toEqual(['https://a.example', 'https://b.example', 'https://c.example', 'x/y#1']);
    expect(tally.sync([a, b]).references.map((r) => r.id)).toEqual(first.map((r) => r.id));
  });

  it('keeps the reference list when a changed meeting cites what it cited before', () => {
    const tally = new EntityTally();
    const list = tally.sync([a, b, c]).references;
    const aChanged = slice([1], [7], [['topic:tls', 'tls']], ['x/y#1', 'https://a.example']);
    expect(tally.sync([aChanged, b, c]).references).toBe(list);
    const cChanged = slice([4], [8], [], ['https://c.example']);
    expect(tally.sync([aChanged, b, cChanged]).references.map((r) => r.id)).toEqual(['https://a.example', 'https://c.example', 'x/y#1']);
  });
});
