/**
 * The Neo4j store against a real server: the shared contract, plus what only Neo4j can show
 * (nothing rewritten for unchanged notes, integer properties, schema, error messages).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { ManagedTransaction, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Neo4jConfig } from '../../src/config.js';
import type { MeetingGraph } from '../../src/domain.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { StoreError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/index.js';
import { cypher, explained } from '../../src/store/cypher.js';
import { LOAD_STATEMENTS, loadParameters, Neo4jStore, SCHEMA_VERSION } from '../../src/store/neo4j.js';
import { neo4jStatement, statement, type Statement } from '../../src/store/neo4j-statements.js';
import { smallGraph } from '../fixtures/small-graph.js';
import type { LoadResult } from '../../src/store/types.js';
import { changesBetween, itemsOfMeetings } from '../fixtures/meeting-items.js';
import { describeGraphStoreContract, withoutMeeting } from './contract.js';
import { describeNeo4j, neo4jTestConfig, openTestDriver } from '../support/neo4j.js';
import { emptyNeo4j } from './empty-neo4j.js';
import { monthIndex } from '../../src/store/neighbourhood-weights.js';
import { emptyGraph, UNDATED } from '../../src/domain.js';

/** The part of an EXPLAIN plan the tests read. */
interface Plan {
  operatorType: string;
  arguments: { Details?: string };
  children: Plan[];
}

/** Runs `load`, failing if it made the store load the whole graph (compare every meeting, write every entity). */
async function withoutWholeLoads<T>(load: () => Promise<T>): Promise<T> {
  const whole = vi.spyOn(Neo4jStore.prototype as unknown as { loadWhole: () => Promise<LoadResult> }, 'loadWhole');
  try {
    const result = await load();
    expect(whole).not.toHaveBeenCalled();
    return result;
  } finally {
    whole.mockRestore();
  }
}

describeNeo4j('neo4j store', () => {
  describeGraphStoreContract('neo4j', {
    openEmpty: async () => {
      await emptyNeo4j();
      return Neo4jStore.open(neo4jTestConfig());
    },
  });

  describe('neo4j specifics', () => {
    let config: Neo4jConfig | undefined;
    let driver: Driver | undefined;
    let store: Neo4jStore;
    const elementIds = async (label: 'Meeting' | 'Discussion') => {
      const { records } = await driver!.executeQuery(`MATCH (n:${label}) RETURN n.id AS id, elementId(n) AS element ORDER BY id`, {}, {
        database: config!.database,
      });
      return Object.fromEntries(records.map((r) => [r.get('id'), r.get('element')]));
    };

    /** Every person's and project's stored neighbourhood weights (`load-person-weights.cypher`, `load-project-weights.cypher`). */
    const storedWeights = async () => {
      const { records } = await driver!.executeQuery(
        `MATCH (n) WHERE n:Person OR n:Project
         RETURN labels(n)[0] AS label, n.id AS id, n.weightTotal AS total, n.weightLinked AS linked, n.pairIds AS pairIds, n.pairWeights AS pairWeights,
                n.relatedIds AS relatedIds, n.relatedWeights AS relatedWeights,
                n.monthsFrom AS monthsFrom, n.runningTotals AS runningTotals, n.runningLinked AS runningLinked,
                n.undatedTotal AS undatedTotal, n.undatedLinked AS undatedLinked
         ORDER BY label, id`,
        {},
        { database: config!.database },
      );
      return records.map((r) => r.toObject());
    };
    /** The action item totals per status a load stores (action-totals.cypher). */
    const storedActionTotals = async () => {
      const { records } = await driver!.executeQuery(
        "MATCH (i:IngestInfo {key: 'ingest'}) RETURN i.todoActions AS todo, i.ongoingActions AS ongoing, i.doneActions AS done",
        {},
        { database: config!.database },
      );
      return records.map((r) => r.toObject())[0] ?? null;
    };
    /** Each action item's stored place in the order of `actions` (action-order-keys.cypher), by id. */
    const storedOrderKeys = async () => {
      const { records } = await driver!.executeQuery('MATCH (a:ActionItem) RETURN a.id AS id, a.orderKey AS key ORDER BY id', {}, { database: config!.database });
      return records.map((r) => r.toObject());
    };

    /**
     * Takes away the mark of the open-time upkeep (schema-version.cypher), as a database written by
     * a version before the mark existed lacks it: the next open runs the upkeep.
     */
    const asWrittenBeforeTheMark = async () => {
      await driver!.executeQuery('MATCH (s:SchemaVersion) DELETE s', {}, { database: config!.database });
    };
    const schemaMark = async () => {
      const { records } = await driver!.executeQuery('MATCH (s:SchemaVersion) RETURN s.key AS key, s.version AS version', {}, { database: config!.database });
      return records.map((r) => r.toObject());
    };

    beforeAll(async () => {
      config = neo4jTestConfig();
      driver = openTestDriver(config);
      await emptyNeo4j(config);
      store = await Neo4jStore.open(config);
    });
    afterAll(async () => {
      await store?.close();
      await driver?.close();
    });

    it('opens through openStore when configured', async () => {
      const opened = await openStore({ dataDir: '/nonexistent', neo4j: config! });
      expect(opened.kind).toBe('neo4j');
      await opened.close();
    });

    it('has every statement of a load planned by the server when it opens, with parameters of the types a load sends', async () => {
      const session = driver!.session({ database: config!.database });
      try {
        for (const name of LOAD_STATEMENTS) {
          const query = explained(name);
          // One map, whatever the load: the server's plan for it does not depend on list sizes.
          expect(query.parameters, name).toEqual(['load']);
          const result = await session.run(query.text, loadParameters(query));
          expect(result.summary.plan, name).toBeTruthy();
        }
      } finally {
        await session.close();
      }
    });

    it('creates the uniqueness constraints and the meeting date index', async () => {
      const { records } = await driver!.executeQuery('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name', {}, { database: config!.database });
      const online = records.filter((r) => r.get('state') === 'ONLINE').map((r) => r.get('name'));
      expect(online).toEqual(expect.arrayContaining(['meeting_id', 'discussion_id', 'person_id', 'project_id', 'meeting_date']));
    });

    it('runs the statements of a change once after it opens, in a transaction it rolls back: nothing of it stays', async () => {
      await emptyNeo4j(config);
      const before = smallGraph();
      await store.load(before);
      const stored = { snapshot: await store.snapshot(), weights: await storedWeights(), totals: await storedActionTotals() };
      const nodes = async () => (await driver!.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: config!.database })).records[0].get('n');
      const count = await nodes();
      // What `open` starts in the background, run again and awaited: it must not fail (a failure
      // there is swallowed, so this is where it shows).
      await (store as unknown as { warmChanges(): Promise<void> }).warmChanges();
      expect(await nodes()).toBe(count);
      expect({ snapshot: await store.snapshot(), weights: await storedWeights(), totals: await storedActionTotals() }).toEqual(stored);
      // The store still knows what it holds: the next change is loaded as a change.
      const after = smallGraph();
      after.discussions[0] = { ...after.discussions[0], text: 'The release is out.' };
      after.meetings[0] = { ...after.meetings[0], contentHash: 'hash-1b' };
      expect(await withoutWholeLoads(() => store.load(after, { changes: changesBetween(before, after) }))).toEqual({ written: 1, removed: 0, unchanged: 3 });
    });

    it('runs every statement a change runs in that warm-up', async () => {
      // What a transaction ran, named by its file (any other statement stays as its text).
      const nameOf = new Map(LOAD_STATEMENTS.map((name) => [cypher(name).text, name]));
      const run = vi.spyOn(ManagedTransaction.prototype, 'run');
      const ranSinceLast = () => {
        const names = new Set(run.mock.calls.map(([text]) => nameOf.get(String(text)) ?? String(text)));
        run.mockClear();
        return names;
      };
      try {
        await emptyNeo4j(config);
        const before = smallGraph();
        await store.load(before);
        // A change with every part a change can have: a discussion's text, an action item's
        // status (the totals move), a person who now takes part in it (the weights move), a new
        // warning.
        const after = smallGraph();
        after.warnings = [...after.warnings, { kind: 'unresolved', file: '2024-01-09.md', line: 3, message: 'nobody known as "Quill"', mention: 'Quill' }];
        const discussion = after.discussions[0];
        after.meetings = after.meetings.map((m) => (m.id === discussion.meetingId ? { ...m, contentHash: `${m.contentHash}-b` } : m));
        after.discussions[0] = { ...discussion, text: 'The release is out.' };
        const action = after.actionItems.findIndex((a) => a.discussionId === discussion.id);
        after.actionItems[action] = { ...after.actionItems[action], status: after.actionItems[action].status === 'done' ? 'todo' : 'done' };
        const newcomer = after.people.find((p) => !after.discussed.some((d) => d.discussionId === discussion.id && d.personId === p.id))!;
        after.discussed.push({ personId: newcomer.id, discussionId: discussion.id, evidence: after.discussed[0].evidence });
        ranSinceLast();
        await withoutWholeLoads(() => store.load(after, { changes: changesBetween(before, after) }));
        const change = ranSinceLast();
        expect([...change]).toEqual(
          expect.arrayContaining(['claim-load', 'meeting-holders', 'delete-meeting', 'add-action-totals', 'delete-orphans-among', 'weights-of', 'load-ingest-info']),
        );
        await (store as unknown as { warmChanges(): Promise<void> }).warmChanges();
        const warmUp = ranSinceLast();
        expect([...change].filter((name) => !warmUp.has(name))).toEqual([]);
      } finally {
        run.mockRestore();
      }
    });

    it('runs a change\'s statements after it opens only for a caller that will load changes', async () => {
      const warm = vi.spyOn(Neo4jStore.prototype as unknown as { warmChanges: () => Promise<void> }, 'warmChanges');
      try {
        // close() waits for what open started in the background.
        await (await Neo4jStore.open(config!)).close();
        expect(warm).not.toHaveBeenCalled();
        await (await Neo4jStore.open(config!, { warmChanges: true })).close();
        expect(warm).toHaveBeenCalledTimes(1);
      } finally {
        warm.mockRestore();
      }
    });

    it('plans and runs a change\'s statements again after a whole load that wrote meetings, for a caller that will load changes', async () => {
      type Internals = { planLoadStatements: () => Promise<void>; warmChanges: () => Promise<void> };
      const plan = vi.spyOn(Neo4jStore.prototype as unknown as Internals, 'planLoadStatements');
      const warm = vi.spyOn(Neo4jStore.prototype as unknown as Internals, 'warmChanges');
      const calls = () => ({ plan: plan.mock.calls.length, warm: warm.mock.calls.length });
      try {
        await emptyNeo4j(config);
        const watching = await Neo4jStore.open(config!, { warmChanges: true });
        try {
          await (watching as unknown as { planning: Promise<void> }).planning;
          expect(calls()).toEqual({ plan: 1, warm: 1 });
          // A load waits for the one before it, and for what that one left running.
          expect(await watching.load(smallGraph())).toEqual({ written: 4, removed: 0, unchanged: 0 });
          const before = smallGraph();
          expect(await watching.load(before)).toEqual({ written: 0, removed: 0, unchanged: 4 });
          // Again after the load that wrote; not after the one that wrote nothing.
          expect(calls()).toEqual({ plan: 2, warm: 2 });
          const after = smallGraph();
          after.meetings[0] = { ...after.meetings[0], contentHash: 'hash-1b' };
          after.discussions[0] = { ...after.discussions[0], text: 'The release is out.' };
          // The warm-up left the store knowing what it holds, and a change is not followed by one.
          expect(await withoutWholeLoads(() => watching.load(after, { changes: changesBetween(before, after) }))).toEqual({ written: 1, removed: 0, unchanged: 3 });
        } finally {
          await watching.close();
        }
        expect(calls()).toEqual({ plan: 2, warm: 2 });

        await emptyNeo4j(config);
        const oneShot = await Neo4jStore.open(config!);
        await oneShot.load(smallGraph());
        await oneShot.close();
        expect(calls()).toEqual({ plan: 3, warm: 2 });
      } finally {
        plan.mockRestore();
        warm.mockRestore();
      }
    });

    it('runs each read a server makes once, with values from the database, after its first load and after whole loads that wrote meetings', async () => {
      type Internals = { runStatement: (s: Statement) => Promise<unknown[]>; warmingReads: Promise<void> };
      const run = vi.spyOn(Neo4jStore.prototype as unknown as Internals, 'runStatement');
      // The statements the store ran since the last call, once what a load left running is done.
      const ranSince = async (s: Neo4jStore) => {
        await (s as unknown as Internals).warmingReads;
        const ran = run.mock.calls.map(([st]) => st);
        run.mockClear();
        return ran;
      };
      const graph = smallGraph();
      try {
        await emptyNeo4j(config);
        const serving = await Neo4jStore.open(config!);
        try {
          // An empty database: the values are looked for, nothing else is run.
          await serving.load(emptyGraph(), { warmQueries: true });
          expect((await ranSince(serving)).map((st) => st.name)).toEqual(['warm-up-values']);

          expect(await serving.load(graph, { warmQueries: true })).toEqual({ written: 4, removed: 0, unchanged: 0 });
          const ran = await ranSince(serving);
          const names = new Set(ran.map((st) => st.name));
          for (const name of [
            'stats', 'discussions', 'discussions-by-meeting', 'discussions-by-person', 'discussions-by-topic', 'discussions-by-projects',
            'meetings', 'meetings-by-attendee', 'attendees', 'actions', 'actions-by-person', 'actions-by-project', 'actions-by-discussion-project',
            'person', 'person-actions', 'person-discussions', 'co-attendance-by-person', 'project', 'project-links', 'project-actions', 'project-discussions',
            'neighbourhood-all-strongest', 'neighbourhood-all-star', 'meeting-span',
          ]) expect(names, name).toContain(name);
          // Real ids and a real year: the plans kept for values that match nothing are not the ones real values use.
          const parameters = (name: string) => ran.find((st) => st.name === name)!.parameters;
          expect(graph.meetings.map((m) => m.id)).toContain(parameters('discussions-by-meeting').meeting);
          expect(graph.people.map((p) => p.id)).toContain(parameters('person').id);
          expect(graph.projects.map((p) => p.id)).toContain(parameters('project').id);
          expect(graph.topics.map((t) => t.id)).toContain(parameters('discussions-by-topic').topic);
          expect(parameters('discussions')).toMatchObject({ from: null, to: null });
          expect(ran.filter((st) => st.name === 'discussions').map((st) => [st.parameters.from, st.parameters.to])).toContainEqual(['2024-01-01', '2024-12-31']);

          // Not after a load that wrote nothing, nor after a change.
          const before = smallGraph();
          expect(await serving.load(before, { warmQueries: true })).toEqual({ written: 0, removed: 0, unchanged: 4 });
          expect(await ranSince(serving)).toEqual([]);
          const after = smallGraph();
          after.meetings[0] = { ...after.meetings[0], contentHash: 'hash-1b' };
          after.discussions[0] = { ...after.discussions[0], text: 'The release is out.' };
          await withoutWholeLoads(() => serving.load(after, { changes: changesBetween(before, after), warmQueries: true }));
          expect(await ranSince(serving)).toEqual([]);
        } finally {
          await serving.close();
        }

        // A caller that does not answer queries (`meetgraph ingest`) runs none.
        await emptyNeo4j(config);
        const oneShot = await Neo4jStore.open(config!);
        await oneShot.load(graph);
        await oneShot.close();
        expect(run).not.toHaveBeenCalled();
      } finally {
        run.mockRestore();
      }
    });

    it('lets a load that comes during the reads\' warm-up run before the reads still to come', async () => {
      type Internals = { runStatement: (s: Statement) => Promise<unknown[]>; warmingReads: Promise<void> };
      const proto = Neo4jStore.prototype as unknown as Internals;
      const original = proto.runStatement;
      const events: string[] = [];
      // The warm-up's first statement answers only once the change below has been asked for.
      let release!: () => void;
      const changeAsked = new Promise<void>((resolve) => (release = resolve));
      const run = vi.spyOn(proto, 'runStatement').mockImplementation(async function (this: Internals, st: Statement) {
        const rows = await original.call(this, st);
        if (st.name === 'warm-up-values') await changeAsked;
        else events.push(`read ${st.name}`);
        return rows;
      });
      try {
        await emptyNeo4j(config);
        const serving = await Neo4jStore.open(config!);
        try {
          const before = smallGraph();
          expect(await serving.load(before, { warmQueries: true })).toEqual({ written: 4, removed: 0, unchanged: 0 });
          const after = smallGraph();
          after.meetings[0] = { ...after.meetings[0], contentHash: 'hash-1b' };
          after.discussions[0] = { ...after.discussions[0], text: 'The release is out.' };
          events.push('change asked');
          const change = serving.load(after, { changes: changesBetween(before, after), warmQueries: true }).then((result) => {
            events.push('change loaded');
            return result;
          });
          release();
          expect(await change).toEqual({ written: 1, removed: 0, unchanged: 3 });
          await (serving as unknown as Internals).warmingReads;
          // The warm-up went on after the change (more than ten reads), and no read ran while the change was being loaded.
          const reads = events.filter((e) => e.startsWith('read '));
          expect(reads.length).toBeGreaterThan(10);
          expect(events.slice(0, 2)).toEqual(['change asked', 'change loaded']);
        } finally {
          await serving.close();
        }
      } finally {
        run.mockRestore();
      }
    });

    it('plans no load statement for a caller that only reads', async () => {
      const plan = vi.spyOn(Neo4jStore.prototype as unknown as { planLoadStatements: () => Promise<void> }, 'planLoadStatements');
      try {
        const reader = await openStore({ dataDir: '', neo4j: config!, readOnly: true });
        await reader.close();
        expect(plan).not.toHaveBeenCalled();
        await (await Neo4jStore.open(config!)).close();
        expect(plan).toHaveBeenCalledTimes(1);
      } finally {
        plan.mockRestore();
      }
    });

    it('touches no node of an unchanged note and replaces only the changed one', async () => {
      await store.load(smallGraph());
      const meetingsBefore = await elementIds('Meeting');
      const discussionsBefore = await elementIds('Discussion');
      expect(await store.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
      expect(await elementIds('Meeting')).toEqual(meetingsBefore);
      expect(await elementIds('Discussion')).toEqual(discussionsBefore);

      const changed = smallGraph();
      changed.meetings[2].contentHash = 'hash-3b';
      expect(await store.load(changed)).toEqual({ written: 1, removed: 0, unchanged: 3 });
      const meetingsAfter = await elementIds('Meeting');
      expect(meetingsAfter['2024-02-20']).not.toBe(meetingsBefore['2024-02-20']);
      for (const id of ['2024-01-09', '2024-02-06', 'team/2024-02-20-retro']) expect(meetingsAfter[id]).toBe(meetingsBefore[id]);
    });

    // The load deletes whatever stored meeting holds an id it is about to write, then CREATEs
    // (queries/delete-meeting.cypher): a discussion or action item whose id is now in another
    // meeting must neither survive twice nor be deleted with its old meeting after it was written.
    describe('writes ids that moved to another meeting as a load into an empty store does', () => {
      const M1 = '2024-01-09';
      const M4 = 'team/2024-02-20-retro';
      /** The note of `from` renamed to `to`: discussion and action ids follow the meeting id unless `keepIds`. */
      const renamed = (graph: MeetingGraph, from: string, to: string, keepIds: boolean): MeetingGraph => {
        const id = (x: string) => (!keepIds && x.startsWith(`${from}#`) ? to + x.slice(from.length) : x);
        return {
          ...graph,
          meetings: graph.meetings.map((m) => (m.id === from ? { ...m, id: to, source: `${to}.md` } : m)),
          discussions: graph.discussions.map((d) => ({ ...d, id: id(d.id), meetingId: d.meetingId === from ? to : d.meetingId })),
          actionItems: graph.actionItems.map((a) => ({ ...a, id: id(a.id), discussionId: id(a.discussionId) })),
          attendance: graph.attendance.map((a) => (a.meetingId === from ? { ...a, meetingId: to } : a)),
          discussed: graph.discussed.map((d) => ({ ...d, discussionId: id(d.discussionId) })),
          about: graph.about.map((a) => ({ ...a, discussionId: id(a.discussionId) })),
          cites: graph.cites.map((c) => ({ ...c, discussionId: id(c.discussionId) })),
        };
      };
      /** The small graph and 30 meetings dated March, so that a load writes more than one batch of 25. */
      const padded = (hash: string): MeetingGraph => {
        const graph = smallGraph();
        for (let n = 1; n <= 30; n += 1) {
          const id = `2024-03-${String(n).padStart(2, '0')}`;
          graph.meetings.push({ id, date: '2024-03-01', title: `Filler ${n}`, description: '', source: `${id}.md`, contentHash: `${hash}-${n}` });
          graph.attendance.push({ personId: 'alice', meetingId: id, role: 'attendee', evidence: { file: `${id}.md`, line: 1, sentence: 'Alice.' } });
        }
        return graph;
      };
      const dirs: string[] = [];
      afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

      /** Loads `before` then `after`; the snapshot must be that of `after` loaded into an empty Neo4j and into the embedded store. */
      async function expectIncrementalAsFresh(before: MeetingGraph, after: MeetingGraph) {
        await emptyNeo4j(config);
        await store.load(before);
        await store.load(after);
        const incremental = await store.snapshot();
        const incrementalKeys = await storedOrderKeys();
        const incrementalWeights = await storedWeights();
        const incrementalTotals = await storedActionTotals();
        await emptyNeo4j(config);
        await store.load(after);
        expect(incremental).toEqual(await store.snapshot());
        expect(incrementalKeys).toEqual(await storedOrderKeys());
        expect(incrementalWeights).toEqual(await storedWeights());
        expect(incrementalTotals).toEqual(await storedActionTotals());
        const dir = await mkdtemp(path.join(tmpdir(), 'meetgraph-neo4j-moved-'));
        dirs.push(dir);
        const embedded = await EmbeddedStore.open(dir);
        await embedded.load(after);
        expect(incremental).toEqual(await embedded.snapshot());
        await embedded.close();
        // Given the changes, writing only the meetings listed: the same end.
        await emptyNeo4j(config);
        await store.load(before);
        await withoutWholeLoads(() => store.load(after, { changes: changesBetween(before, after) }));
        expect(await store.snapshot()).toEqual(incremental);
        return incremental;
      }

      it('a renamed note whose discussion and action ids follow the meeting id', async () => {
        const after = renamed(smallGraph(), M4, 'team/retro', false);
        const snapshot = await expectIncrementalAsFresh(smallGraph(), after);
        expect(snapshot.discussions.filter((d) => d.meetingId === 'team/retro').map((d) => d.id)).toEqual(['team/retro#0']);
      });

      it('a renamed note whose discussion and action ids stay the same (the old meeting is removed after the new one is written)', async () => {
        const after = renamed(smallGraph(), M4, 'team/retro', true);
        const snapshot = await expectIncrementalAsFresh(smallGraph(), after);
        expect(snapshot.discussions.filter((d) => d.meetingId === 'team/retro').map((d) => d.id)).toEqual([`${M4}#0`]);
        expect(snapshot.actionItems.map((a) => a.id)).toContain(`${M4}#0/a1`);
      });

      it('a discussion, with its action item, moved to a meeting written in an earlier batch', async () => {
        const after = padded('changed');
        const moved = after.discussions.find((d) => d.id === `${M4}#0`)!;
        moved.meetingId = M1;
        moved.order = 2;
        after.meetings.find((m) => m.id === M4)!.contentHash = 'hash-4b';
        after.meetings.find((m) => m.id === M1)!.contentHash = 'hash-1b';
        const snapshot = await expectIncrementalAsFresh(padded('before'), after);
        expect(snapshot.discussions.find((d) => d.id === `${M4}#0`)?.meetingId).toBe(M1);
        expect(snapshot.actionItems.map((a) => a.id)).toContain(`${M4}#0/a1`);
      });
    });

    it('marks a database once its open-time upkeep is done, and runs that upkeep again only on a database without the mark', async () => {
      await emptyNeo4j(config);
      // An empty database is marked at once: what a load writes into it has the current shape.
      await (await Neo4jStore.open(config!)).close();
      expect(await schemaMark()).toEqual([{ key: 'meetgraph', version: SCHEMA_VERSION }]);
      await store.load(smallGraph());
      const written = await storedOrderKeys();
      expect(written.every((k) => k.key !== null)).toBe(true);
      await driver!.executeQuery('MATCH (a:ActionItem) REMOVE a.orderKey', {}, { database: config!.database });
      // Marked: the open leaves the items as they are.
      await (await Neo4jStore.open(config!)).close();
      expect((await storedOrderKeys()).filter((k) => k.key !== null)).toEqual([]);
      // Marked with an older version, or not at all: the open gives them their keys, and marks it.
      await driver!.executeQuery('MATCH (s:SchemaVersion) SET s.version = $older', { older: SCHEMA_VERSION - 1 }, { database: config!.database });
      await (await Neo4jStore.open(config!)).close();
      expect(await storedOrderKeys()).toEqual(written);
      expect(await schemaMark()).toEqual([{ key: 'meetgraph', version: SCHEMA_VERSION }]);
      await driver!.executeQuery('MATCH (a:ActionItem) REMOVE a.orderKey', {}, { database: config!.database });
      await asWrittenBeforeTheMark();
      await (await Neo4jStore.open(config!)).close();
      expect(await storedOrderKeys()).toEqual(written);
      expect(await schemaMark()).toEqual([{ key: 'meetgraph', version: SCHEMA_VERSION }]);
    });

    it('gives a database written without the neighbourhood weights, the discussions\' dates or the action items\' order keys what a load writes, when it opens', async () => {
      await emptyNeo4j(config);
      await store.load(smallGraph());
      const written = await storedWeights();
      const writtenKeys = await storedOrderKeys();
      const bob = await store.person('bob');
      const mirage = await store.project('mirage');
      const topicPage = await store.discussionPage({ topic: 'release' }, { offset: 0, limit: 10 });
      expect(topicPage.total).toBeGreaterThan(0);
      await driver!.executeQuery(
        'MATCH (n) WHERE n:Person OR n:Project REMOVE n.weightTotal, n.weightLinked, n.pairIds, n.pairWeights, n.relatedIds, n.relatedWeights, n.monthsFrom, n.runningTotals, n.runningLinked, n.undatedTotal, n.undatedLinked',
        {},
        { database: config!.database },
      );
      await driver!.executeQuery('MATCH (d:Discussion) REMOVE d.date, d.meetingId', {}, { database: config!.database });
      await driver!.executeQuery('MATCH (a:ActionItem) REMOVE a.orderKey', {}, { database: config!.database });
      const writtenTotals = await storedActionTotals();
      const byStatus = (status: string) => smallGraph().actionItems.filter((a) => a.status === status).length;
      expect(writtenTotals).toEqual({ todo: byStatus('todo'), ongoing: byStatus('ongoing'), done: byStatus('done') });
      const todoPage = await store.actionPage({ status: 'todo' }, { offset: 0, limit: 10 });
      await driver!.executeQuery("MATCH (i:IngestInfo) REMOVE i.todoActions, i.ongoingActions, i.doneActions", {}, { database: config!.database });
      // Without stored totals, a status's list adds up the meetings' counts.
      expect(await store.actionPage({ status: 'todo' }, { offset: 0, limit: 10 })).toEqual(todoPage);
      expect((await storedOrderKeys()).filter((k) => k.key !== null)).toEqual([]);
      expect((await storedWeights()).filter((w) => w.total !== null)).toEqual([]);
      expect((await store.discussionPage({ topic: 'release' }, { offset: 0, limit: 10 })).rows[0].meeting).toBeNull();
      await asWrittenBeforeTheMark();
      const reopened = await Neo4jStore.open(config!);
      try {
        expect(await storedWeights()).toEqual(written);
        expect(await storedOrderKeys()).toEqual(writtenKeys);
        expect(await storedActionTotals()).toEqual(writtenTotals);
        expect(writtenKeys.find((k) => k.id === '2024-01-09#1/a1')?.key).toBe('2024-01-09\u00002024-01-09\u0000000001\u00002024-01-09#1/a1');
        expect(await reopened.person('bob')).toEqual(bob);
        expect(await reopened.project('mirage')).toEqual(mirage);
        expect(await reopened.discussionPage({ topic: 'release' }, { offset: 0, limit: 10 })).toEqual(topicPage);
        expect(written.find((w) => w.id === 'bob' && w.label === 'Person')).toMatchObject({ total: 3, linked: 3, pairIds: ['irmin', 'mirage', 'xen'] });
        expect(written.find((w) => w.id === 'mirage' && w.label === 'Project')).toMatchObject({ relatedIds: ['ocaml-tls', 'xen'], relatedWeights: [1, 1] });
      } finally {
        await reopened.close();
      }
    });

    it('gives the list of one status without dates the total a load stores, and any other list its counted total', async () => {
      await emptyNeo4j(config);
      await store.load(smallGraph());
      const statuses = ['todo', 'ongoing', 'done'] as const;
      const pages = await Promise.all(statuses.map((status) => store.actionPage({ status }, { offset: 0, limit: 1 })));
      expect(await storedActionTotals()).toEqual(Object.fromEntries(statuses.map((s, i) => [s, pages[i].total])));
      // Read, not counted: a total set by hand is what the page says, for that status and no other list.
      await driver!.executeQuery("MATCH (i:IngestInfo {key: 'ingest'}) SET i.todoActions = 999", {}, { database: config!.database });
      expect((await store.actionPage({ status: 'todo' }, { offset: 0, limit: 1 })).total).toBe(999);
      expect((await store.actionPage({ status: 'todo', from: '2000-01-01' }, { offset: 0, limit: 1 })).total).toBe(pages[0].total);
      expect((await store.actionPage({ status: 'ongoing' }, { offset: 0, limit: 1 })).total).toBe(pages[1].total);
      // The next load writes the totals from its graph.
      const changed = smallGraph();
      changed.meetings[0].contentHash = 'changed';
      await store.load(changed);
      expect((await store.actionPage({ status: 'todo' }, { offset: 0, limit: 1 })).total).toBe(pages[0].total);
    });

    it('takes a meeting an older ingest dated past its month\'s end (2024-02-30) away from that month when it is loaded again', async () => {
      await emptyNeo4j(config);
      const before = smallGraph();
      await store.load(before);
      // As an older ingest wrote it, with the sums counted from the stored dates at open.
      await driver!.executeQuery("MATCH (m:Meeting {id: '2024-02-20'}) SET m.date = '2024-02-30'", {}, { database: config!.database });
      await driver!.executeQuery('MATCH (n) WHERE n:Person OR n:Project REMOVE n.runningTotals', {}, { database: config!.database });
      await asWrittenBeforeTheMark();
      const reopened = await Neo4jStore.open(config!);
      try {
        const after = smallGraph();
        after.meetings.find((m) => m.id === '2024-02-20')!.contentHash = 'redated';
        const meetings = new Set(['2024-02-20']);
        await reopened.load(before);
        await reopened.load(after, { changes: { since: before, meetings, items: itemsOfMeetings(after, meetings) } });
        const reloaded = await storedWeights();
        await emptyNeo4j(config);
        await reopened.load(after);
        expect(reloaded).toEqual(await storedWeights());
      } finally {
        await reopened.close();
      }
    });

    it('gives the people and projects of a database written before they kept month running sums those sums, when it opens', async () => {
      const graph = smallGraph();
      // A meeting two months after the others: Alice's sums run through the month between.
      graph.meetings.push({ id: '2024-04-02', date: '2024-04-02', title: 'April', description: '', source: '2024-04-02.md', contentHash: 'april' });
      graph.discussions.push({ id: '2024-04-02#0', meetingId: '2024-04-02', heading: '### Xen', text: 'Xen.', order: 0, line: 5 });
      graph.discussed.push({ personId: 'alice', discussionId: '2024-04-02#0', evidence: { file: '2024-04-02.md', line: 5, sentence: 'Xen.' } });
      graph.about.push({ discussionId: '2024-04-02#0', targetId: 'xen', target: 'project', evidence: { file: '2024-04-02.md', line: 5, sentence: 'Xen.' } });
      // And an undated meeting, which is in no month.
      graph.meetings.push({ id: 'undated', date: UNDATED, title: 'Undated', description: '', source: 'undated.md', contentHash: 'undated' });
      graph.discussions.push({ id: 'undated#0', meetingId: 'undated', heading: '### Irmin', text: 'Irmin.', order: 0, line: 5 });
      graph.discussed.push({ personId: 'bob', discussionId: 'undated#0', evidence: { file: 'undated.md', line: 5, sentence: 'Irmin.' } });
      graph.about.push({ discussionId: 'undated#0', targetId: 'irmin', target: 'project', evidence: { file: 'undated.md', line: 5, sentence: 'Irmin.' } });
      await emptyNeo4j(config);
      await store.load(graph);
      const written = await storedWeights();
      const spring = await store.neighbourhood({ from: '2024-02-01', to: '2024-04-30', limit: 100 });
      const untilApril = await store.neighbourhood({ to: '2024-04-30', limit: 100 });
      expect(untilApril.edges).toContainEqual({ source: 'bob', target: 'irmin', weight: 2 });
      await driver!.executeQuery('MATCH (n) WHERE n:Person OR n:Project REMOVE n.monthsFrom, n.runningTotals, n.runningLinked, n.undatedTotal, n.undatedLinked', {}, {
        database: config!.database,
      });
      await asWrittenBeforeTheMark();
      const reopened = await Neo4jStore.open(config!);
      try {
        expect(await storedWeights()).toEqual(written);
        expect(written.find((w) => w.id === 'bob' && w.label === 'Person')).toMatchObject({ undatedTotal: 1, undatedLinked: 1 });
        expect(await reopened.neighbourhood({ from: '2024-02-01', to: '2024-04-30', limit: 100 })).toEqual(spring);
        expect(await reopened.neighbourhood({ to: '2024-04-30', limit: 100 })).toEqual(untilApril);
        const january = monthIndex('2024-01-09')!;
        const alice = written.find((w) => w.id === 'alice' && w.label === 'Person');
        expect(alice).toMatchObject({ monthsFrom: january });
        expect(alice!.runningTotals).toHaveLength(4);
        expect(alice!.runningTotals.at(-1)).toBe(alice!.total);
        expect(alice).toMatchObject({ undatedTotal: 0, undatedLinked: 0 });
        // March holds nothing: its sum repeats February's.
        expect(alice!.runningTotals[2]).toBe(alice!.runningTotals[1]);
        const sumsOf = (w: (typeof written)[number]) => [(w.runningTotals.at(-1) ?? 0) + w.undatedTotal, (w.runningLinked.at(-1) ?? 0) + w.undatedLinked];
        expect(written.filter((w) => w.total > 0).every((w) => sumsOf(w)[0] === w.total && sumsOf(w)[1] === w.linked)).toBe(true);
      } finally {
        await reopened.close();
      }
    });

    it('gives the projects of a database written before they kept their related projects those weights, when it opens', async () => {
      await emptyNeo4j(config);
      await store.load(smallGraph());
      const written = await storedWeights();
      const mirage = await store.project('mirage');
      await driver!.executeQuery('MATCH (j:Project) REMOVE j.relatedIds, j.relatedWeights', {}, { database: config!.database });
      await asWrittenBeforeTheMark();
      const reopened = await Neo4jStore.open(config!);
      try {
        expect(await storedWeights()).toEqual(written);
        expect(await reopened.project('mirage')).toEqual(mirage);
      } finally {
        await reopened.close();
      }
    });

    describe('given the changes since the graph it last loaded', () => {
      const M2 = '2024-02-06';
      const M4 = 'team/2024-02-20-retro';
      /**
       * Loads the graphs in turn into an empty database, each after the first given the changes
       * since the one before and without a whole load; then the same graphs without the changes.
       * Both must report the same and end in the same snapshot.
       */
      async function expectHintedAsWhole(...graphs: MeetingGraph[]): Promise<LoadResult[]> {
        await emptyNeo4j(config);
        await store.load(graphs[0]);
        const hinted: LoadResult[] = [];
        for (let i = 1; i < graphs.length; i += 1) {
          const changes = changesBetween(graphs[i - 1], graphs[i]);
          hinted.push(await withoutWholeLoads(() => store.load(graphs[i], { changes })));
        }
        const snapshot = await store.snapshot();
        const weights = await storedWeights();
        const totals = await storedActionTotals();
        await emptyNeo4j(config);
        const whole: LoadResult[] = [];
        for (const graph of graphs) whole.push(await store.load(graph));
        expect(hinted).toEqual(whole.slice(1));
        expect(snapshot).toEqual(await store.snapshot());
        // The neighbourhood weights and action totals the changes kept up to date are those a whole load counts.
        expect(weights).toEqual(await storedWeights());
        expect(totals).toEqual(await storedActionTotals());
        expect(weights.length).toBeGreaterThan(0);
        return hinted;
      }

      it('a heading edited and a note removed', async () => {
        const after = withoutMeeting(smallGraph(), M4);
        after.discussions.find((d) => d.id === `${M2}#1`)!.heading = '### TCP';
        expect(await expectHintedAsWhole(smallGraph(), after)).toEqual([{ written: 1, removed: 1, unchanged: 2 }]);
        expect((await store.person('dave'))?.actions).toEqual([]);
      });

      it('a person renamed while no meeting changed', async () => {
        const renamed = smallGraph();
        renamed.people[1] = { id: 'bob', name: 'Robert Brown', aliases: ['Bob', 'Rob'] };
        expect(await expectHintedAsWhole(smallGraph(), renamed)).toEqual([{ written: 0, removed: 0, unchanged: 4 }]);
        expect((await store.person('bob'))?.name).toBe('Robert Brown');
      });

      it('a person dropped for want of an edge, then named in a changed meeting', async () => {
        const after = smallGraph();
        after.discussed.push({ personId: 'frank', discussionId: `${M2}#1`, evidence: { file: 'b.md', line: 16, sentence: 'Frank too.' } });
        await expectHintedAsWhole(smallGraph(), after);
        expect((await store.discussions({ person: 'frank' })).map((d) => d.heading)).toEqual(['### Network stack']);
      });

      it('a reference dropped for want of a citation, then cited again, the reference list the same array throughout', async () => {
        const before = smallGraph();
        const [a, b] = before.references.map((r) => r.id);
        const edited = { ...before, cites: before.cites.map((c) => (c.referenceId === b ? { ...c, referenceId: a } : c)) };
        const back = { ...edited, cites: before.cites };
        await expectHintedAsWhole(before, edited, back);
        expect((await store.snapshot()).references.map((r) => r.id)).toEqual([a, b]);
      });

      it('new ingest warnings and project candidates', async () => {
        const after = smallGraph();
        after.warnings = [];
        after.projectCandidates = [{ name: 'Jitsu', count: 2, evidence: [] }];
        await expectHintedAsWhole(smallGraph(), after);
      });

      it('takes the changes at their word: a meeting not listed stays as stored', async () => {
        await emptyNeo4j(config);
        const before = smallGraph();
        await store.load(before);
        const after = smallGraph();
        after.discussions.find((d) => d.id === `${M2}#1`)!.heading = '### TCP';
        expect(await store.load(after, { changes: { since: before, meetings: new Set() } })).toEqual({ written: 0, removed: 0, unchanged: 4 });
        expect((await store.discussions({ meeting: M2 })).map((d) => d.heading)).toEqual(['### Irmin storage', '### Network stack']);
      });

      it('compares every meeting when another load wrote since, or the changes are since another graph', async () => {
        await emptyNeo4j(config);
        const before = smallGraph();
        await store.load(before);
        // Another process loads a graph in which 2024-02-06 reads differently.
        const other = await Neo4jStore.open(config!);
        const edited = smallGraph();
        edited.discussions.find((d) => d.id === `${M2}#1`)!.heading = '### TCP';
        await other.load(edited);
        await other.close();
        const again = smallGraph();
        expect(await store.load(again, { changes: { since: before, meetings: new Set() } })).toEqual({ written: 1, removed: 0, unchanged: 3 });
        expect((await store.discussions({ meeting: M2 })).map((d) => d.heading)).toEqual(['### Irmin storage', '### Network stack']);

        await store.load(edited);
        expect(await store.load(smallGraph(), { changes: { since: smallGraph(), meetings: new Set() } })).toEqual({ written: 1, removed: 0, unchanged: 3 });
      });

      it("refuses a changed meeting whose ids collide with a kept meeting's, writing nothing", async () => {
        await emptyNeo4j(config);
        const before = smallGraph();
        await store.load(before);
        const stored = await store.snapshot();
        const after = smallGraph();
        const taken = after.discussions.find((d) => d.meetingId === '2024-01-09')!.id;
        const moved = after.discussions.find((d) => d.id === `${M2}#1`)!;
        for (const e of [...after.discussed, ...after.about, ...after.cites]) if (e.discussionId === moved.id) e.discussionId = taken;
        moved.id = taken;
        const meetings = new Set([M2]);
        await expect(store.load(after, { changes: { since: before, meetings, items: itemsOfMeetings(after, meetings) } })).rejects.toThrow(
          `discussion id "${taken}" appears twice`,
        );
        expect(await store.snapshot()).toEqual(stored);
        // Nothing was written, so the store still knows what it holds.
        const renamed = smallGraph();
        renamed.people[1] = { id: 'bob', name: 'Robert Brown', aliases: ['Bob'] };
        await withoutWholeLoads(() => store.load(renamed, { changes: { since: before, meetings: new Set() } }));
        expect((await store.person('bob'))?.name).toBe('Robert Brown');
      });
    });

    it('answers a date range that holds every meeting from the weights, and any other range from its paths, as the embedded store does', async () => {
      const graph = smallGraph();
      // A person and a project that share an id, so that a center names both.
      graph.people.push({ id: 'irmin', name: 'Irmin Person', aliases: [] });
      graph.discussed.push({ personId: 'irmin', discussionId: '2024-02-06#0', evidence: { file: '2024-02-06.md', line: 9, sentence: 'Irmin Person on Irmin.' } });
      // Dave and Frank take part in two discussions about no project, and a project is discussed
      // by nobody: strong nodes without an edge, which a range must leave out before the limit.
      const noEdge = (meetingId: string, order: number) => ({ id: `${meetingId}#${order}`, meetingId, heading: '### Lunch', text: 'Lunch.', order, line: 30 + order });
      graph.discussions.push(noEdge('2024-02-06', 2), noEdge('2024-02-20', 1), noEdge('2024-02-06', 3));
      for (const personId of ['dave', 'frank']) {
        for (const discussionId of ['2024-02-06#2', '2024-02-20#1']) graph.discussed.push({ personId, discussionId, evidence: { file: 'x.md', line: 30, sentence: 'Lunch.' } });
      }
      graph.projects.push({ id: 'jitsu', name: 'Jitsu', aliases: [], origin: 'registry' });
      graph.about.push({ discussionId: '2024-02-06#3', targetId: 'jitsu', target: 'project', evidence: { file: '2024-02-06.md', line: 33, sentence: 'Jitsu.' } });
      // An undated meeting: before every date, so in every range without a lower bound.
      graph.meetings.push({ id: 'undated', date: UNDATED, title: 'Undated', description: '', source: 'undated.md', contentHash: 'undated' });
      graph.discussions.push({ id: 'undated#0', meetingId: 'undated', heading: '### Xen', text: 'Xen.', order: 0, line: 5 });
      for (const personId of ['carol', 'frank']) graph.discussed.push({ personId, discussionId: 'undated#0', evidence: { file: 'undated.md', line: 5, sentence: 'Xen.' } });
      graph.about.push({ discussionId: 'undated#0', targetId: 'xen', target: 'project', evidence: { file: 'undated.md', line: 5, sentence: 'Xen.' } });
      await emptyNeo4j(config);
      await store.load(graph);
      // The embedded store adds up the range's paths whatever the range: the reference.
      const dir = await mkdtemp(path.join(tmpdir(), 'meetgraph-neo4j-ranges-'));
      onTestFinished(() => rm(dir, { recursive: true, force: true }));
      const embedded = await EmbeddedStore.open(dir);
      await embedded.load(graph);
      // Ranges of whole months (read from the running sums), of days only, and of both.
      const ranges = [
        { from: '2024-01-09' },
        { to: '2024-02-20' },
        { from: '2000-01-01', to: '2099-12-31' },
        { from: '2024-01-10' },
        { to: '2024-02-19' },
        { from: '2024-02-01', to: '2024-02-29' },
        { from: '2024-01-01', to: '2024-01-31' },
        { from: '2023-12-15', to: '2024-02-10' },
        { from: '2024-01-10', to: '2024-02-19' },
        { from: '2024-02-07', to: '2024-03-31' },
      ];
      const centers = [{}, { center: 'xen' }, { center: 'alice' }, { center: 'irmin' }, { center: 'bob' }, { center: 'nobody' }];
      let nonEmpty = 0;
      for (const range of ranges) {
        for (const center of centers) {
          for (const limit of [100, 3, 1, 0]) {
            const ranged = { ...range, ...center, limit };
            const expected = await embedded.neighbourhood(ranged);
            if (expected.edges.length) nonEmpty++;
            expect(await store.neighbourhood(ranged), JSON.stringify(ranged)).toEqual(expected);
          }
        }
      }
      await embedded.close();
      expect(nonEmpty).toBeGreaterThan(40);
      // A day short of either end is a range like any other, and leaves out that end's meetings.
      const everyDate = await store.neighbourhood({ limit: 100 });
      expect(await store.neighbourhood({ from: '2024-01-10', limit: 100 })).not.toEqual(everyDate);
      expect(await store.neighbourhood({ to: '2024-02-19', limit: 100 })).not.toEqual(everyDate);
      // The store reads the edges from the people kept or from the range's meetings, whichever
      // reads fewer paths: both give the same edges.
      const edgeRows = async (name: string, params: Record<string, unknown>) => {
        const s = statement(name, params);
        const { records } = await driver!.executeQuery(s.text, s.parameters, { database: config!.database });
        return records.map((r) => `${r.get('source')} ${r.get('target')} ${r.get('weight')}`).sort();
      };
      const everyone = { people: graph.people.map((p) => p.id), projects: graph.projects.map((j) => j.id) };
      let compared = 0;
      for (const range of ranges) {
        for (const ends of [everyone, { people: ['alice', 'irmin'], projects: ['xen', 'irmin'] }, { people: ['bob'], projects: ['mirage'] }]) {
          const fromPeople = await edgeRows('neighbourhood-edges', { ...range, ...ends });
          expect(await edgeRows('neighbourhood-edges-by-date', { ...range, ...ends }), JSON.stringify({ range, ends })).toEqual(fromPeople);
          if (fromPeople.length) compared++;
        }
      }
      expect(compared).toBeGreaterThan(15);
    });

    it('sends, for whole months and a limit, only the linked nodes that can be kept: those at least as heavy as the limit-th, ties included', async () => {
      await emptyNeo4j(config);
      await store.load(smallGraph());
      type Row = { id: string; kind: string; weight: number; links: number; everyDate: number; paths: number };
      const rowsOf = async (name: string, params: Record<string, unknown>) => {
        const s = statement(name, params);
        const sent = Object.fromEntries(Object.entries(s.parameters).map(([k, v]) => [k, typeof v === 'number' ? neo4j.int(v) : v]));
        const { records } = await driver!.executeQuery(s.text, sent, { database: config!.database });
        return records.map((r) => r.toObject() as Row);
      };
      const key = (r: Row) => `${r.kind} ${r.id} ${r.weight} ${r.everyDate}`;
      let cutInTies = 0;
      for (const months of [{ first: monthIndex('2024-01-09'), last: monthIndex('2024-02-20') }, { first: monthIndex('2024-02-06'), last: null }, { first: null, last: monthIndex('2024-01-09') }]) {
        // The reference: every node with a weight in the months, ranked here.
        const every = await rowsOf('neighbourhood-months', months);
        const linked = every.filter((r) => r.links > 0).sort((a, b) => b.weight - a.weight);
        const paths = every.filter((r) => r.kind === 'person').reduce((sum, r) => sum + r.weight, 0);
        expect(linked.length).toBeGreaterThan(2);
        for (let top = 0; top <= linked.length + 1; top++) {
          const lightest = top === 0 ? Infinity : (linked[top - 1]?.weight ?? 1);
          const expected = linked.filter((r) => r.weight >= lightest).map(key).sort();
          const sent = await rowsOf('neighbourhood-months-strongest', { ...months, top });
          expect(sent.map(key).sort(), JSON.stringify({ months, top })).toEqual(expected);
          for (const row of sent) expect(row.paths).toBe(paths);
          if (top > 0 && sent.length > top) cutInTies++;
        }
      }
      expect(cutInTies).toBeGreaterThan(0);
    });

    it('stores order and line as integers', async () => {
      await store.load(smallGraph());
      const { records } = await driver!.executeQuery(
        `MATCH (:Person)-[r:ATTENDED]->(:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
         RETURN DISTINCT valueType(d.order) AS order, valueType(d.line) AS line, valueType(r.line) AS evidenceLine`,
        {},
        { database: config!.database },
      );
      expect(records.map((r) => r.toObject())).toEqual([
        { order: 'INTEGER NOT NULL', line: 'INTEGER NOT NULL', evidenceLine: 'INTEGER NOT NULL' },
      ]);
    });

    it("keeps per-meeting counts that total the unanchored lists, and sets them at open on meetings that lack them", async () => {
      await store.load(smallGraph());
      const counts = async () => {
        const { records } = await driver!.executeQuery(
          `MATCH (m:Meeting) RETURN m.id AS id, [m.discussionCount, m.todoActionCount, m.ongoingActionCount, m.doneActionCount] AS counts ORDER BY id`,
          {},
          { database: config!.database },
        );
        return records.map((r) => r.toObject());
      };
      const totals = async () => ({
        discussions: (await store.discussionPage({}, { offset: 0, limit: 1 })).total,
        recent: (await store.discussionPage({ from: '2024-02-01' }, { offset: 0, limit: 1 })).total,
        early: (await store.discussionPage({ to: '2024-02-06' }, { offset: 0, limit: 1 })).total,
        actions: (await store.actionPage({}, { offset: 0, limit: 1 })).total,
        earlyActions: (await store.actionPage({ to: '2024-02-06' }, { offset: 0, limit: 1 })).total,
        todo: (await store.actionPage({ status: 'todo' }, { offset: 0, limit: 1 })).total,
        done: (await store.actionPage({ status: 'done' }, { offset: 0, limit: 1 })).total,
      });
      const written = await counts();
      expect(written.every((m) => (m.counts as unknown[]).every((n) => typeof n === 'number'))).toBe(true);
      const expected = {
        discussions: (await store.discussions({})).length,
        recent: (await store.discussions({ from: '2024-02-01' })).length,
        early: (await store.discussions({ to: '2024-02-06' })).length,
        actions: (await store.actions({})).length,
        earlyActions: (await store.actions({ to: '2024-02-06' })).length,
        todo: (await store.actions({ status: 'todo' })).length,
        done: (await store.actions({ status: 'done' })).length,
      };
      expect(expected.actions).toBeGreaterThan(expected.todo);
      expect(expected.early).toBeGreaterThan(0);
      expect(expected.early).toBeLessThan(expected.discussions);
      expect(expected.earlyActions).toBeLessThan(expected.actions);
      expect(await totals()).toEqual(expected);

      // A database written before the counts existed: the next open sets them as a load would have.
      await driver!.executeQuery('MATCH (m:Meeting) REMOVE m.discussionCount, m.todoActionCount, m.ongoingActionCount, m.doneActionCount', {}, {
        database: config!.database,
      });
      await asWrittenBeforeTheMark();
      const reopened = await Neo4jStore.open(config!);
      try {
        expect(await counts()).toEqual(written);
        expect((await reopened.actionPage({ status: 'todo' }, { offset: 0, limit: 1 })).total).toBe(expected.todo);
      } finally {
        await reopened.close();
      }
    });

    // What the anchored variants are for (src/store/neo4j-statements.ts): the plan must start at the
    // named node through its unique id index, not scan a label. The first operator is the leftmost
    // leaf (the left-hand side of every join or apply) that reads the graph: the unanchored lists
    // guard their date-range count with a parameter test (a Projection of a constant), and read
    // the count the database keeps for a label (NodeCountFromCountStore) when given no range, and
    // the neighbourhood's edges unwind their list of people (Unwind) before seeking each one.
    it('starts each anchored query with a unique-index seek on its anchor, and date ranges with a meeting_date seek', async () => {
      await store.load(smallGraph());
      const firstOperator = async ({ text, parameters }: Statement) => {
        const { summary } = await driver!.executeQuery(`EXPLAIN ${text}`, parameters, { database: config!.database });
        // Leaves that read no graph: projections, the label counts, the one :IngestInfo node.
        const reading = (plan: Plan): Plan[] =>
          plan.children.length
            ? plan.children.flatMap(reading)
            : /^(Projection|NodeCountFromCountStore|Unwind)@/.test(plan.operatorType) || /:IngestInfo\(key\)/.test(String(plan.arguments.Details ?? ''))
              ? []
              : [plan];
        const [plan] = reading(summary.plan as unknown as Plan);
        return `${plan.operatorType.replace(/@.*/, '')} ${plan.arguments.Details ?? ''}`;
      };
      const seek = (label: string, parameter: string) =>
        new RegExp(`^NodeUniqueIndexSeek UNIQUE \\w+:${label}\\(id\\) WHERE id (= \\$${parameter}\\b|IN \\$${parameter}\\b|= \\$${parameter}\\[0\\])`);
      const dateSeek = /^NodeIndexSeekByRange RANGE INDEX \w+:Meeting\(date\) WHERE date >= coalesce\(\$from, \$\w+\) AND date <= coalesce\(\$to, \$\w+\)/;
      const cases: Array<[Statement, RegExp]> = [
        [neo4jStatement('discussions', { meeting: '2024-02-06', person: 'alice', topic: 'network', project: 'mirage', from: '2024-01-01' }), seek('Meeting', 'meeting')],
        [neo4jStatement('discussions', { person: 'alice', project: ['mirage', 'xen'], to: '2024-12-31' }), seek('Person', 'person')],
        [neo4jStatement('discussions', { topic: 'network', project: 'mirage', from: '2024-01-01' }), seek('Topic', 'topic')],
        [neo4jStatement('discussions', { project: ['xen', 'irmin'], from: '2024-01-01' }), seek('Project', 'projects')],
        [neo4jStatement('discussions', { project: 'xen' }), seek('Project', 'projects')],
        [neo4jStatement('meetings', { attendee: 'dave', from: '2024-01-01' }), seek('Person', 'attendee')],
        [neo4jStatement('attendees', { meeting: '2024-02-06' }), seek('Meeting', 'meeting')],
        [neo4jStatement('actions', { person: 'bob', project: 'mirage', status: 'todo', to: '2024-12-31' }), seek('Person', 'person')],
        [neo4jStatement('actions', { project: 'mirage', status: 'ongoing', from: '2024-01-01' }), seek('Project', 'project')],
        [neo4jStatement('actions', { discussionProject: 'mirage', status: 'todo', to: '2024-12-31' }), seek('Project', 'discussionProject')],
        [neo4jStatement('coAttendance', { person: 'dave' }), seek('Person', 'person')],
        [statement('person-actions', { id: 'bob', limit: 100 }), seek('Person', 'id')],
        [statement('project-actions', { id: 'mirage', limit: 100 }), seek('Project', 'id')],
        [statement('person-discussions', { id: 'bob', limit: 100 }), seek('Person', 'id')],
        [statement('project-discussions', { id: 'mirage', limit: 100 }), seek('Project', 'id')],
        [statement('person', { id: 'alice' }), seek('Person', 'id')],
        ...['project', 'project-links'].map((name): [Statement, RegExp] => [
          statement(name, { id: 'mirage' }),
          seek('Project', 'id'),
        ]),
        [neo4jStatement('discussions', { from: '2024-02-01', to: '2024-02-29' }), dateSeek],
        [neo4jStatement('meetings', { from: '2024-02-01' }), dateSeek],
        [neo4jStatement('actions', { status: 'todo', from: '2024-02-01' }), dateSeek],
        [statement('neighbourhood-nodes', { from: '2024-02-01' }), dateSeek],
        // The edges among the nodes kept start from those people or projects, the neighbours from the center.
        // (Either end may come first: the planner starts from the shorter list by its statistics.)
        [
          statement('neighbourhood-edges', { from: '2024-02-01', people: ['alice', 'bob'], projects: ['mirage'] }),
          /^NodeUniqueIndexSeek UNIQUE \w+:(Person\(id\) WHERE id = personId\b|Project\(id\) WHERE id (IN \$projects\b|= \$projects\[0\]))/,
        ],
        [statement('neighbourhood-around', { from: '2024-02-01', center: 'alice' }), seek('Person', 'center')],
        [statement('neighbourhood-edges-by-date', { from: '2024-02-01', to: '2024-02-29', people: ['alice', 'bob'], projects: ['mirage'] }), dateSeek],
      ];
      for (const [s, expected] of cases) expect(await firstOperator(s), s.name).toMatch(expected);

      // The first operator of a paged list query is its count's; the page's own MATCH must seek too.
      // No leaf of their plans may scan a label (leaves are seeks, or the arguments of subqueries).
      // (The seek of the one :IngestInfo node, which holds the action totals, is not one of those.)
      const leaves = (plan: Plan): string[] =>
        plan.children.length
          ? plan.children.flatMap(leaves)
          : /:IngestInfo\(key\)/.test(String(plan.arguments.Details ?? ''))
            ? []
            : [plan.operatorType.replace(/@.*/, '')];
      for (const [s] of cases) {
        if (!/^(discussions|meetings|actions)/.test(s.name)) continue;
        const { summary } = await driver!.executeQuery(`EXPLAIN ${s.text}`, s.parameters, { database: config!.database });
        const operators = leaves(summary.plan as unknown as Plan);
        expect(operators.filter((op) => /Seek/.test(op)).length, s.name).toBeGreaterThanOrEqual(2);
        expect(operators.filter((op) => !/Seek|^(Argument|Projection|NodeCountFromCountStore)$/.test(op)), s.name).toEqual([]);
      }
    });

    it('pages the unanchored lists in the meeting_date index\'s order, stopping after the page instead of sorting every row', async () => {
      await store.load(smallGraph());
      const operators = (plan: Plan): string[] => [plan.operatorType.replace(/@.*/, ''), ...plan.children.flatMap(operators)];
      const page = { offset: 0, limit: 100 };
      const statements = [
        neo4jStatement('actions', {}, page),
        neo4jStatement('actions', { status: 'todo' }, page),
        neo4jStatement('actions', { status: 'done', from: '2024-01-01' }, page),
        neo4jStatement('discussions', {}, page),
        neo4jStatement('meetings', {}, page),
      ];
      for (const s of statements) {
        const { summary } = await driver!.executeQuery(`EXPLAIN ${s.text}`, s.parameters, { database: config!.database });
        const ordering = operators(summary.plan as unknown as Plan).filter((op) => /Top$/.test(op));
        expect(ordering, `${s.name} ${JSON.stringify(s.parameters)}`).toEqual(['PartialTop']);
      }
    });

    // The loads of 60 meetings below change the server's statistics: they come after the plan
    // checks, which are meant for the small graph's.
    /** The small graph and 56 meetings more: a load writes them in three batches. */
    const sixtyMeetings = () => {
      const graph = smallGraph();
      for (let i = 0; i < 56; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        graph.meetings.push({ id: `extra/${i}`, date: `2023-0${1 + (i % 9)}-${day}`, title: `Extra ${i}`, description: '', source: `extra/${i}.md`, contentHash: `extra-${i}` });
      }
      return graph;
    };

    it('writes two batches at once into an empty database, and one at a time into one that holds meetings', async () => {
      const target = store as unknown as { write: (work: unknown) => Promise<unknown> };
      const write = target.write.bind(store);
      let running = 0;
      let most = 0;
      const spy = vi.spyOn(target, 'write').mockImplementation(async (work) => {
        most = Math.max(most, ++running);
        try {
          return await write(work);
        } finally {
          running--;
        }
      });
      try {
        await emptyNeo4j(config);
        await store.load(sixtyMeetings());
        expect(most).toBe(2);
        const fresh = await store.snapshot();
        // Every meeting changed: each is deleted and written again.
        const changed = sixtyMeetings();
        changed.meetings = changed.meetings.map((m) => ({ ...m, contentHash: `${m.contentHash}-changed` }));
        most = 0;
        await store.load(changed);
        expect(most).toBe(1);
        const hashes = (meetings: Array<{ id: string; contentHash: string }>) => meetings.map((m) => `${m.id} ${m.contentHash}`).sort();
        expect(hashes(fresh.meetings)).toEqual(hashes(sixtyMeetings().meetings));
        expect(hashes((await store.snapshot()).meetings)).toEqual(hashes(changed.meetings));
      } finally {
        spy.mockRestore();
      }
      await emptyNeo4j(config);
    });

    it('ends a load into an empty database that fails in one batch only once the other running batch has ended', async () => {
      await emptyNeo4j(config);
      // 60 meetings: the load writes three batches, two of them at once.
      const graph = sixtyMeetings();
      const events: string[] = [];
      const target = store as unknown as { write: (work: unknown) => Promise<unknown> };
      const write = target.write.bind(store);
      let calls = 0;
      const spy = vi.spyOn(target, 'write').mockImplementation(async (work) => {
        calls++;
        // The first call claims the load and writes the entities; the next two are the first batches.
        if (calls === 2) {
          events.push('first batch failed');
          throw new Error('batch failed');
        }
        if (calls === 3) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          const written = await write(work);
          events.push('second batch committed');
          return written;
        }
        return write(work);
      });
      try {
        await expect(store.load(graph)).rejects.toThrow('batch failed');
        events.push('load failed');
      } finally {
        spy.mockRestore();
      }
      expect(events).toEqual(['first batch failed', 'second batch committed', 'load failed']);
      expect(calls).toBe(3);
      await emptyNeo4j(config);
    });

    it('fails with a one-line StoreError naming the URI for a wrong password (when the server checks passwords)', async (ctx) => {
      const wrong = { ...config!, password: `${config!.password}-wrong` };
      const err = await Neo4jStore.open(wrong).then(
        async (opened) => {
          await opened.close();
          return null;
        },
        (e: unknown) => e,
      );
      if (err === null) ctx.skip(); // authentication is off on this server (the local test server's default)
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).reason).toBe('unauthorized');
      expect((err as StoreError).message).toContain(config!.uri);
      expect((err as StoreError).message).not.toContain('\n');
    });

    it('fails with a one-line StoreError naming the URI for a database that does not exist', async () => {
      const err = await Neo4jStore.open({ ...config!, database: 'nosuchdb' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).message).toContain(config!.uri);
      expect((err as StoreError).message).toContain('nosuchdb');
      expect((err as StoreError).message).not.toContain('\n');
    });
  });
});
