import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { StoreError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/index.js';
import { serializeSnapshot, SNAPSHOT_FILE_NAME } from '../../src/store/snapshot-file.js';
import { SNAPSHOT_INDEX_FILE_NAME } from '../../src/store/snapshot-index.js';
import type { GraphStore } from '../../src/store/types.js';
import type { MeetingGraph } from '../../src/domain.js';
import { smallGraph } from '../fixtures/small-graph.js';
import { itemsOfMeetings } from '../fixtures/meeting-items.js';
import { describeGraphStoreContract } from './contract.js';

/** Counts the store's reads of its snapshot file; `failNext` makes the next one fail. */
const snapshotReads = vi.hoisted(() => ({ count: 0, failNext: null as Error | null }));
vi.mock('../../src/store/snapshot-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/store/snapshot-file.js')>();
  return {
    ...actual,
    readSnapshotFile: async (...args: Parameters<typeof actual.readSnapshotFile>) => {
      snapshotReads.count += 1;
      const failure = snapshotReads.failNext;
      snapshotReads.failNext = null;
      if (failure) throw failure;
      return actual.readSnapshotFile(...args);
    },
  };
});

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'meetgraph-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describeGraphStoreContract('embedded', { openEmpty: async () => EmbeddedStore.open(await tempDir()) });

/** A store holding the small graph in a new data folder, and that graph with Alice renamed (an entity change, no meeting change). */
async function storeLoadedWithRenameAhead() {
  const dir = await tempDir();
  const file = path.join(dir, SNAPSHOT_FILE_NAME);
  const store = await EmbeddedStore.open(dir);
  await store.load(smallGraph());
  const renamed = smallGraph();
  renamed.people = renamed.people.map((p) => (p.id === 'alice' ? { ...p, name: 'Alice Renamed' } : p));
  return { dir, file, store, renamed };
}

/** Every named query with a few parameters, to compare two stores' answers. */
async function answers(store: GraphStore) {
  return {
    discussions: await store.discussions({}),
    byPerson: await store.discussions({ person: 'carol', from: '2024-01-01' }),
    meetings: await store.meetings({}),
    attendees: await store.attendees('2024-02-06'),
    person: await store.person('alice'),
    project: await store.project('mirage'),
    actions: await store.actions({ status: 'todo' }),
    neighbourhood: await store.neighbourhood({ limit: 5 }),
    coAttendance: await store.coAttendance({}),
    stats: await store.stats(),
    snapshot: await store.snapshot(),
  };
}

describe('embedded store persistence', () => {
  it('starts empty when the data folder has no store yet', async () => {
    const store = await EmbeddedStore.open(path.join(await tempDir(), 'not-yet-created'));
    expect((await store.stats()).meetings).toBe(0);
    expect(await store.discussions({})).toEqual([]);
  });

  it('gives the same answers after reopening', async () => {
    const dir = await tempDir();
    const first = await EmbeddedStore.open(dir);
    await first.load(smallGraph());
    const before = await answers(first);
    await first.close();
    // Its index describes the snapshot, so the reopened store reads it at the first query.
    const reopened = await EmbeddedStore.open(dir);
    expect(await answers(reopened)).toEqual(before);
    // The reopened store knows what it holds: loading the same graph writes nothing.
    expect(await reopened.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
  });

  it('writes the file atomically and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const store = await EmbeddedStore.open(dir);
    await store.load(smallGraph());
    await store.close();
    expect((await readdir(dir)).sort()).toEqual([SNAPSHOT_INDEX_FILE_NAME, SNAPSHOT_FILE_NAME]);
    const saved = JSON.parse(await readFile(path.join(dir, SNAPSHOT_FILE_NAME), 'utf8'));
    expect(saved.graph.meetings).toHaveLength(4);
  });

  it('does not rewrite the file when nothing changed', async () => {
    const dir = await tempDir();
    const file = path.join(dir, SNAPSHOT_FILE_NAME);
    const store = await EmbeddedStore.open(dir);
    await store.load(smallGraph());
    const before = await stat(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.load(smallGraph());
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('does not rewrite the file when nothing changed since it was read back, whatever the order of the warnings\' fields', async () => {
    // As extraction writes an ambiguous mention: the message after the candidates, which is not the file's order.
    const graph = () => ({
      ...smallGraph(),
      warnings: [{ kind: 'ambiguous' as const, file: '2024-02-06.md', line: 9, mention: 'Sam', candidates: ['Sam A', 'Sam B'], message: '"Sam" could be Sam A or Sam B' }],
    });
    const { dir, file } = await savedStore(graph());
    // Without the snapshot's index, the store reads the file back and compares with what it read.
    await rm(path.join(dir, SNAPSHOT_INDEX_FILE_NAME));
    const before = await stat(file);
    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.load(graph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
    await reopened.close();
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('rewrites the file when only an entity changed (no meeting did)', async () => {
    const { dir, store, renamed } = await storeLoadedWithRenameAhead();
    expect(await store.load(renamed)).toEqual({ written: 0, removed: 0, unchanged: 4 });
    await store.close();
    const reopened = await EmbeddedStore.open(dir);
    expect((await reopened.person('alice'))?.name).toBe('Alice Renamed');
  });

  it('writes the file on the next load when the last write failed, even if that load changes nothing', async () => {
    const { dir, file, store, renamed } = await storeLoadedWithRenameAhead();
    // A directory where the file should go: the atomic rename fails.
    await rm(file);
    await mkdir(file);
    await expect(store.load(renamed)).rejects.toThrow();
    await rm(file, { recursive: true });
    // Memory already holds this graph; only the file is behind.
    expect(await store.load(renamed)).toEqual({ written: 0, removed: 0, unchanged: 4 });
    await store.close();
    const reopened = await EmbeddedStore.open(dir);
    expect((await reopened.person('alice'))?.name).toBe('Alice Renamed');
  });

  it('with persistLater, answers from the new graph before its file is written, and persisted() waits for the file', async () => {
    const { file, store, renamed } = await storeLoadedWithRenameAhead();
    const before = await readFile(file, 'utf8');

    expect(await store.load(renamed, { persistLater: true })).toEqual({ written: 0, removed: 0, unchanged: 4 });
    expect((await store.person('alice'))?.name).toBe('Alice Renamed');
    expect(await readFile(file, 'utf8')).toBe(before);
    await store.persisted();
    expect(await readFile(file, 'utf8')).toContain('Alice Renamed');
    // Written piece by piece, it is the same text as written at once.
    expect(await readFile(file, 'utf8')).toBe(serializeSnapshot(await store.snapshot()));
  });

  it('with warmQueries, builds its lookup tables right after the load instead of at the first query', async () => {
    const { store, renamed } = await storeLoadedWithRenameAhead();
    const tables = () => (store as unknown as { queryIndex: unknown }).queryIndex;
    expect(tables()).toBeNull();
    await store.load(renamed, { persistLater: true, warmQueries: true });
    expect(tables()).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tables()).not.toBeNull();
    expect((await store.person('alice'))?.name).toBe('Alice Renamed');
    await store.close();
  });

  it('with persistLater, a failed write rejects persisted() and the next load writes the file', async () => {
    const { dir, file, store, renamed } = await storeLoadedWithRenameAhead();
    await rm(file);
    await mkdir(file);
    await store.load(renamed, { persistLater: true });
    await expect(store.persisted()).rejects.toThrow(/cannot write the graph store/);
    await rm(file, { recursive: true });
    await store.load(renamed, { persistLater: true });
    await store.persisted();
    await store.close();
    expect((await (await EmbeddedStore.open(dir)).person('alice'))?.name).toBe('Alice Renamed');
  });

  it('with persistLater, an aborted signal abandons the write: the file stays, persisted() says so, the next load writes', async () => {
    const { dir, file, store, renamed } = await storeLoadedWithRenameAhead();
    const before = await readFile(file, 'utf8');
    const abort = new AbortController();
    abort.abort();
    await store.load(renamed, { persistLater: true, signal: abort.signal });
    await expect(store.persisted()).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual([SNAPSHOT_INDEX_FILE_NAME, SNAPSHOT_FILE_NAME]);
    expect((await store.person('alice'))?.name).toBe('Alice Renamed');
    await store.load(renamed);
    expect(await readFile(file, 'utf8')).toContain('Alice Renamed');
  });

  it('takes the changes since the graph it last loaded: cuts only the meetings listed, and ends where a whole load does', async () => {
    const before = smallGraph();
    const after = smallGraph();
    after.discussions.find((d) => d.meetingId === '2024-02-06')!.heading = 'A new heading';
    const whole = await EmbeddedStore.open(await tempDir());
    await whole.load(before);
    expect(await whole.load(after)).toEqual({ written: 1, removed: 0, unchanged: 3 });

    const hinted = await EmbeddedStore.open(await tempDir());
    await hinted.load(before);
    expect(await hinted.load(after, { changes: { since: before, meetings: new Set(['2024-02-06']) } })).toEqual({ written: 1, removed: 0, unchanged: 3 });
    expect(await answers(hinted)).toEqual(await answers(whole));
    // With the listed meetings' items at hand, read from there: the same end.
    const withItems = await EmbeddedStore.open(await tempDir());
    await withItems.load(before);
    const changes = { since: before, meetings: new Set(['2024-02-06']), items: itemsOfMeetings(after, ['2024-02-06']) };
    expect(await withItems.load(after, { changes })).toEqual({ written: 1, removed: 0, unchanged: 3 });
    expect(await answers(withItems)).toEqual(await answers(whole));
    expect(await withItems.snapshot()).toEqual(await whole.snapshot());
    await withItems.close();

    // Taken at their word: a meeting not listed keeps its stored part.
    const trusting = await EmbeddedStore.open(await tempDir());
    await trusting.load(before);
    expect(await trusting.load(after, { changes: { since: before, meetings: new Set() } })).toEqual({ written: 0, removed: 0, unchanged: 4 });
    // Relative to a graph the store does not hold (an equal one is not the same): every meeting is compared.
    const untrusting = await EmbeddedStore.open(await tempDir());
    await untrusting.load(before);
    expect(await untrusting.load(after, { changes: { since: smallGraph(), meetings: new Set() } })).toEqual({ written: 1, removed: 0, unchanged: 3 });
    await Promise.all([whole, hinted, trusting, untrusting].map((s) => s.close()));
  });

  it('takes a reference list handed over again as the one it holds, and checks citations against it', async () => {
    const before = smallGraph();
    const b = before.references[1].id;
    // A changed 2024-02-06 cites the first reference instead of the second; the list is the same array.
    const edited = { ...before, cites: before.cites.map((c) => (c.referenceId === b ? { ...c, referenceId: before.references[0].id } : c)) };
    const meetings = new Set(['2024-02-06']);
    const whole = await EmbeddedStore.open(await tempDir());
    await whole.load(before);
    await whole.load(edited);
    const store = await EmbeddedStore.open(await tempDir());
    await store.load(before);
    expect(await store.load(edited, { changes: { since: before, meetings, items: itemsOfMeetings(edited, [...meetings]) } })).toEqual({ written: 1, removed: 0, unchanged: 3 });
    expect(await store.snapshot()).toEqual(await whole.snapshot());
    expect((await store.snapshot()).references.map((r) => r.id)).toEqual([before.references[0].id]);

    // The store now holds fewer references than that list: citing the dropped one again is not
    // refused for want of it (the list is read again), and a reference the list lacks still is.
    const back = { ...edited, cites: before.cites };
    expect(await store.load(back, { changes: { since: edited, meetings, items: itemsOfMeetings(back, [...meetings]) } })).toEqual({ written: 1, removed: 0, unchanged: 3 });
    expect(await store.snapshot()).toEqual(await (async () => {
      const other = await EmbeddedStore.open(await tempDir());
      await other.load(before);
      return other.snapshot();
    })());
    const unknown = { ...back, cites: back.cites.map((c) => (c.referenceId === b ? { ...c, referenceId: 'https://example.org/none' } : c)) };
    const load = store.load(unknown, { changes: { since: back, meetings, items: itemsOfMeetings(unknown, [...meetings]) } });
    await expect(load).rejects.toThrow('unknown reference "https://example.org/none"');
    await Promise.all([whole, store].map((s) => s.close()));
  });

  it.each([
    ['the changes', false],
    ['the changes and the listed meetings\' items', true],
  ])('still refuses a changed meeting whose ids collide with a kept meeting\'s when given %s', async (_name, withItems) => {
    const before = smallGraph();
    const after = smallGraph();
    const taken = after.discussions.find((d) => d.meetingId === '2024-01-09')!.id;
    const moved = after.discussions.find((d) => d.meetingId === '2024-02-06' && !after.actionItems.some((a) => a.discussionId === d.id))!;
    for (const e of [...after.discussed, ...after.about, ...after.cites]) if (e.discussionId === moved.id) e.discussionId = taken;
    moved.id = taken;
    const store = await EmbeddedStore.open(await tempDir());
    await store.load(before);
    const meetings = new Set(['2024-02-06']);
    const load = store.load(after, { changes: { since: before, meetings, items: withItems ? itemsOfMeetings(after, [...meetings]) : undefined } });
    await expect(load).rejects.toThrow(`discussion id "${taken}" appears twice`);
    expect(await store.snapshot()).toEqual((await (async () => {
      const other = await EmbeddedStore.open(await tempDir());
      await other.load(before);
      return other.snapshot();
    })()));
    await store.close();
  });

  it('answers after a load as a new store does, though its lookup tables reuse what they made of unchanged meetings', async () => {
    const fresh = async (graph: ReturnType<typeof smallGraph>) => {
      const store = await EmbeddedStore.open(await tempDir());
      await store.load(graph);
      return answers(store);
    };
    const { store, renamed } = await storeLoadedWithRenameAhead();
    await answers(store);
    // A name changed: rows of unchanged meetings name Alice anew.
    await store.load(renamed);
    const afterRename = await answers(store);
    expect(afterRename).toEqual(await fresh(renamed));
    expect(JSON.stringify(afterRename.discussions)).toContain('Alice Renamed');
    // One meeting changed.
    const edited = smallGraph();
    edited.people = renamed.people;
    edited.discussions.find((d) => d.meetingId === '2024-02-06')!.heading = 'A new heading';
    await store.load(edited);
    expect(await answers(store)).toEqual(await fresh(edited));
    await store.close();
  });

  it('serialises concurrent loads', async () => {
    const store = await EmbeddedStore.open(await tempDir());
    const [first, second] = await Promise.all([store.load(smallGraph()), store.load(smallGraph())]);
    expect(first).toEqual({ written: 4, removed: 0, unchanged: 0 });
    expect(second).toEqual({ written: 0, removed: 0, unchanged: 4 });
  });
});

/** A data folder whose store was loaded with `graph` and closed, and that store's answers. */
async function savedStore(graph: MeetingGraph = smallGraph()) {
  const dir = await tempDir();
  const store = await EmbeddedStore.open(dir);
  await store.load(graph);
  const expected = await answers(store);
  await store.close();
  return { dir, file: path.join(dir, SNAPSHOT_FILE_NAME), expected };
}

describe('embedded store: the snapshot\'s index', () => {
  it('is written beside every snapshot, and a store opened over both plans a load from it without reading the snapshot', async () => {
    const { dir, expected } = await savedStore();
    expect((await readdir(dir)).sort()).toEqual([SNAPSHOT_INDEX_FILE_NAME, SNAPSHOT_FILE_NAME]);

    snapshotReads.count = 0;
    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
    expect(await answers(reopened)).toEqual(expected);
    await reopened.close();
    expect(snapshotReads.count).toBe(0);
    // Without the index, the same open reads it.
    await rm(path.join(dir, SNAPSHOT_INDEX_FILE_NAME));
    await (await EmbeddedStore.open(dir)).close();
    expect(snapshotReads.count).toBe(1);
  });

  it('plans a changed graph as a store that read the snapshot does, and the file ends the same', async () => {
    const after = smallGraph();
    after.discussions.find((d) => d.meetingId === '2024-02-06')!.heading = 'A new heading';
    after.meetings = after.meetings.filter((m) => m.id !== '2024-01-09');
    const keptDiscussions = new Set(after.discussions.filter((d) => d.meetingId !== '2024-01-09').map((d) => d.id));
    after.discussions = after.discussions.filter((d) => keptDiscussions.has(d.id));
    after.attendance = after.attendance.filter((a) => a.meetingId !== '2024-01-09');
    after.discussed = after.discussed.filter((d) => keptDiscussions.has(d.discussionId));
    after.about = after.about.filter((a) => keptDiscussions.has(a.discussionId));
    after.cites = after.cites.filter((c) => keptDiscussions.has(c.discussionId));
    after.actionItems = after.actionItems.filter((a) => keptDiscussions.has(a.discussionId));

    const results = [];
    for (const withIndex of [true, false]) {
      const { dir } = await savedStore();
      if (!withIndex) await rm(path.join(dir, SNAPSHOT_INDEX_FILE_NAME));
      const reopened = await EmbeddedStore.open(dir);
      const result = await reopened.load(after);
      results.push({ result, answers: await answers(reopened), file: await readFile(path.join(dir, SNAPSHOT_FILE_NAME), 'utf8') });
      await reopened.close();
    }
    expect(results[0].result).toEqual({ written: 1, removed: 1, unchanged: 2 });
    expect(results[0]).toEqual(results[1]);
  });

  it('tells an entity change (no meeting changed) from no change, and rewrites the file for it', async () => {
    const { dir, file, store, renamed } = await storeLoadedWithRenameAhead();
    await store.close();
    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.load(renamed)).toEqual({ written: 0, removed: 0, unchanged: 4 });
    await reopened.close();
    expect(await readFile(file, 'utf8')).toContain('Alice Renamed');
    // And the index now describes the rewritten file: the same graph again writes nothing.
    const before = await stat(file);
    const again = await EmbeddedStore.open(dir);
    await again.load(renamed);
    await again.close();
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('is ignored once the snapshot was replaced after it: the store reads the file and reports it corrupt', async () => {
    const { dir, file } = await savedStore();
    await writeFile(file, '{"format":"meetgraph-graph-store","version":1,"graph":{"meet');
    const err = await EmbeddedStore.open(dir).catch((e: unknown) => e);
    expect((err as StoreError).reason).toBe('corrupt');
  });

  it('is ignored for a snapshot changed in place, even with its size and modification time put back', async () => {
    const { dir, file } = await savedStore();
    const before = await stat(file);
    await writeFile(file, '#'.repeat(before.size));
    await utimes(file, before.atime, before.mtime);
    const err = await EmbeddedStore.open(dir).catch((e: unknown) => e);
    expect((err as StoreError).reason).toBe('corrupt');
  });

  it('a snapshot that its index vouched for but that cannot be read fails the first query, and the next load rewrites it', async () => {
    const { dir } = await savedStore();
    const reopened = await EmbeddedStore.open(dir);
    snapshotReads.failNext = new StoreError('cannot read the graph store: EIO', 'io');
    await expect(reopened.stats()).rejects.toMatchObject({ reason: 'io' });
    // The index is no longer trusted: the load writes every meeting and the file again.
    expect(await reopened.load(smallGraph())).toEqual({ written: 4, removed: 0, unchanged: 0 });
    expect((await reopened.stats()).meetings).toBe(4);
    await reopened.close();
    expect((await (await EmbeddedStore.open(dir)).stats()).meetings).toBe(4);
  });

  it('is written for a snapshot that had none once a load finds the snapshot current', async () => {
    const { dir } = await savedStore();
    await rm(path.join(dir, SNAPSHOT_INDEX_FILE_NAME));
    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
    await reopened.close();
    expect((await readdir(dir)).sort()).toEqual([SNAPSHOT_INDEX_FILE_NAME, SNAPSHOT_FILE_NAME]);
  });
});

describe('embedded store: corrupt snapshot file', () => {
  const corruptions: Array<[string, string]> = [
    ['truncated JSON', '{"format":"meetgraph-graph-store","version":1,"graph":{"meet'],
    ['a different shape', '{"format":"meetgraph-graph-store","version":1,"graph":{"meetings":"none"}}'],
    ['another file format', '[1, 2, 3]'],
  ];
  for (const [what, content] of corruptions) {
    it(`reports ${what} as a corrupt store naming the file`, async () => {
      const dir = await tempDir();
      await writeFile(path.join(dir, SNAPSHOT_FILE_NAME), content);
      const err = await EmbeddedStore.open(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).name).toBe('StoreError');
      expect((err as StoreError).reason).toBe('corrupt');
      expect((err as StoreError).message).toContain('corrupt');
      expect((err as StoreError).message).toContain(path.join(dir, SNAPSHOT_FILE_NAME));
      expect((err as StoreError).message).not.toContain('\n');
    });
  }

  it('reports a well-formed file whose graph contradicts itself as corrupt', async () => {
    const dir = await tempDir();
    const store = await EmbeddedStore.open(dir);
    await store.load(smallGraph());
    const file = path.join(dir, SNAPSHOT_FILE_NAME);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.graph.people = [];
    await writeFile(file, JSON.stringify(saved));
    const err = await EmbeddedStore.open(dir).catch((e: unknown) => e);
    expect((err as StoreError).reason).toBe('corrupt');
  });

  it('can start empty instead, and the next load replaces the file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, SNAPSHOT_FILE_NAME), 'not json');
    const store = await openStore({ dataDir: dir, neo4j: null, discardCorruptSnapshot: true });
    expect(store.kind).toBe('embedded');
    expect((await store.stats()).meetings).toBe(0);
    await store.load(smallGraph());
    await store.close();
    const reopened = await openStore({ dataDir: dir, neo4j: null });
    expect((await reopened.stats()).meetings).toBe(4);
  });
});

describe('openStore', () => {
  it('opens the embedded store when Neo4j is not configured', async () => {
    const store = await openStore({ dataDir: await tempDir(), neo4j: null });
    expect(store.kind).toBe('embedded');
  });
});
