/**
 * What every GraphStore must do, as a suite both adapters run (embedded.test.ts, neo4j.test.ts).
 * The expected rows are worked out by hand from tests/fixtures/small-graph.ts.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { ActionItem, MeetingGraph } from '../../src/domain.js';
import { StoreError } from '../../src/store/errors.js';
import { canonicalGraph, partitionGraph } from '../../src/store/meeting-parts.js';
import type { ActionRow, ActionsParams, DiscussionsParams, GraphStore, MeetingsParams, PageParams, RowPage } from '../../src/store/types.js';
import { DETAIL_ACTIONS, DETAIL_DISCUSSIONS } from '../../src/store/types.js';
import { smallGraph } from '../fixtures/small-graph.js';

export interface StoreHarness {
  /** A store over empty storage (a fresh directory, an emptied database). */
  openEmpty(): Promise<GraphStore>;
}

const M1 = '2024-01-09';
const M2 = '2024-02-06';
const M3 = '2024-02-20';
const M4 = 'team/2024-02-20-retro';

const ACTION_BOB: ActionRow = {
  actionId: `${M1}#0/a1`,
  personId: 'bob',
  person: 'Bob Brown',
  task: 'Tag the release',
  status: 'done',
  meetingId: M1,
  meeting: '2024-01-09',
  discussionId: `${M1}#0`,
  heading: '### MirageOS release',
  projects: ['MirageOS'],
};
const ACTION_CAROL: ActionRow = {
  actionId: `${M1}#1/a1`,
  personId: 'carol',
  person: 'Carol Chen',
  task: 'Test on Xen 4.4',
  status: 'todo',
  meetingId: M1,
  meeting: '2024-01-09',
  discussionId: `${M1}#1`,
  heading: '### Xen support',
  projects: ['Xen'],
};
const ACTION_EMILE: ActionRow = {
  actionId: `${M2}#0/a1`,
  personId: 'emile',
  person: 'Émile Roux',
  task: 'Write the Irmin docs',
  status: 'ongoing',
  meetingId: M2,
  meeting: '2024-02-06',
  discussionId: `${M2}#0`,
  heading: '### Irmin storage',
  projects: ['Irmin', 'MirageOS'],
};
const ACTION_ALICE: ActionRow = {
  actionId: `${M3}#0/a1`,
  personId: 'alice',
  person: 'Alice Archer',
  task: 'Review the TLS patch',
  status: 'todo',
  meetingId: M3,
  meeting: '2024-02-20',
  discussionId: `${M3}#0`,
  heading: '### TLS',
  projects: ['ocaml-tls'],
};
const ACTION_DAVE: ActionRow = {
  actionId: `${M4}#0/a1`,
  personId: 'dave',
  person: 'Dave Dunn',
  task: 'Book the room',
  status: 'done',
  meetingId: M4,
  meeting: '2024-02-20',
  discussionId: `${M4}#0`,
  heading: '',
  projects: [],
};

const ids = (rows: Array<{ discussionId: string }>) => rows.map((r) => r.discussionId);

export function describeGraphStoreContract(label: string, harness: StoreHarness): void {
  describe(`${label}: named queries over the small graph`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await harness.openEmpty();
      expect(await store.load(smallGraph())).toEqual({ written: 4, removed: 0, unchanged: 0 });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists every discussion by date, meeting id and order, with sorted names and a collapsed snippet', async () => {
      expect(await store.discussions({})).toEqual([
        {
          discussionId: `${M1}#0`,
          meetingId: M1,
          meeting: '2024-01-09',
          heading: '### MirageOS release',
          snippet: 'The MirageOS 2.0 release is ready.',
          people: ['Alice Archer', 'Bob Brown'],
          projects: ['MirageOS'],
        },
        {
          discussionId: `${M1}#1`,
          meetingId: M1,
          meeting: '2024-01-09',
          heading: '### Xen support',
          snippet: `Carol reports on Xen. ${'x'.repeat(178)}`,
          people: ['Carol Chen'],
          projects: ['MirageOS', 'Xen'],
        },
        {
          discussionId: `${M2}#0`,
          meetingId: M2,
          meeting: '2024-02-06',
          heading: '### Irmin storage',
          snippet: 'Irmin as a store.',
          people: ['Bob Brown', 'Émile Roux'],
          projects: ['Irmin'],
        },
        {
          discussionId: `${M2}#1`,
          meetingId: M2,
          meeting: '2024-02-06',
          heading: '### Network stack',
          snippet: 'TCP fixes.',
          people: ['Alice Archer'],
          projects: ['MirageOS'],
        },
        {
          discussionId: `${M3}#0`,
          meetingId: M3,
          meeting: '2024-02-20',
          heading: '### TLS',
          snippet: 'The TLS stack works.',
          people: ['Alice Archer', 'Carol Chen'],
          projects: ['MirageOS', 'ocaml-tls'],
        },
        {
          discussionId: `${M4}#0`,
          meetingId: M4,
          meeting: '2024-02-20',
          heading: '',
          snippet: 'Xen went well.',
          people: ['Bob Brown'],
          projects: ['Xen'],
        },
      ]);
    });

    it('filters discussions by person, project(s), topic, meeting and dates, ANDed', async () => {
      expect(ids(await store.discussions({ person: 'alice' }))).toEqual([`${M1}#0`, `${M2}#1`, `${M3}#0`]);
      expect(ids(await store.discussions({ person: 'alice', project: 'mirage' }))).toEqual([`${M1}#0`, `${M2}#1`, `${M3}#0`]);
      expect(ids(await store.discussions({ person: 'alice', project: 'xen' }))).toEqual([]);
      expect(ids(await store.discussions({ project: ['xen', 'irmin'] }))).toEqual([`${M1}#1`, `${M2}#0`, `${M4}#0`]);
      expect(ids(await store.discussions({ project: [] }))).toEqual([]);
      expect(ids(await store.discussions({ topic: 'release' }))).toEqual([`${M1}#0`]);
      expect(ids(await store.discussions({ topic: 'network', person: 'alice' }))).toEqual([`${M2}#1`]);
      expect(ids(await store.discussions({ meeting: M4 }))).toEqual([`${M4}#0`]);
      expect(ids(await store.discussions({ from: '2024-02-06', to: '2024-02-06' }))).toEqual([`${M2}#0`, `${M2}#1`]);
      expect(ids(await store.discussions({ from: '2024-02-20' }))).toEqual([`${M3}#0`, `${M4}#0`]);
      expect(ids(await store.discussions({ to: '2024-01-31' }))).toEqual([`${M1}#0`, `${M1}#1`]);
      expect(ids(await store.discussions({ person: 'bob', from: '2024-02-01' }))).toEqual([`${M2}#0`, `${M4}#0`]);
      expect(ids(await store.discussions({ person: 'nobody' }))).toEqual([]);
      expect(ids(await store.discussions({ meeting: M1, project: 'xen' }))).toEqual([`${M1}#1`]);
    });

    it('lists meetings by date then id, by attendee (once each) and range', async () => {
      expect(await store.meetings({})).toEqual([
        { meetingId: M1, meeting: '2024-01-09', title: 'Weekly call: 9 January 2024' },
        { meetingId: M2, meeting: '2024-02-06', title: 'Weekly call: 6 February 2024' },
        { meetingId: M3, meeting: '2024-02-20', title: 'Weekly call: 20 February 2024' },
        { meetingId: M4, meeting: '2024-02-20', title: 'Team retro' },
      ]);
      expect((await store.meetings({ attendee: 'dave' })).map((m) => m.meetingId)).toEqual([M2, M3]);
      expect(await store.meetings({ attendee: 'emile' })).toEqual([]);
      expect((await store.meetings({ from: '2024-02-01', to: '2024-02-19' })).map((m) => m.meetingId)).toEqual([M2]);
      expect((await store.meetings({ attendee: 'carol', from: '2024-02-20' })).map((m) => m.meetingId)).toEqual([M3, M4]);
    });

    it('pages every list query: each page is the slice of the whole list, with its total', async () => {
      const lists: Array<[string, (page?: PageParams) => Promise<RowPage<unknown>>]> = [];
      const discussionParams: DiscussionsParams[] = [{}, { from: '2024-02-01' }, { person: 'alice' }, { person: 'nobody' }, { project: ['xen', 'irmin'] }, { topic: 'network' }, { meeting: M1 }];
      for (const params of discussionParams) {
        lists.push([`discussions ${JSON.stringify(params)}`, async (page) => (page ? store.discussionPage(params, page) : wholePage(await store.discussions(params)))]);
      }
      const meetingParams: MeetingsParams[] = [{}, { to: '2024-02-06' }, { attendee: 'carol' }];
      for (const params of meetingParams) {
        lists.push([`meetings ${JSON.stringify(params)}`, async (page) => (page ? store.meetingPage(params, page) : wholePage(await store.meetings(params)))]);
      }
      const actionParams: ActionsParams[] = [{}, { status: 'todo' }, { status: 'done', from: '2024-02-01' }, { person: 'bob' }, { project: 'mirage' }, { discussionProject: 'mirage' }];
      for (const params of actionParams) {
        lists.push([`actions ${JSON.stringify(params)}`, async (page) => (page ? store.actionPage(params, page) : wholePage(await store.actions(params)))]);
      }
      let nonEmpty = 0;
      for (const [name, list] of lists) {
        const whole = await list();
        if (whole.total > 1) nonEmpty += 1;
        for (const [offset, limit] of [[0, 1], [1, 2], [0, 100], [2, 3], [0, 0], [1, 0], [whole.total, 5], [whole.total + 10, 1]]) {
          expect(await list({ offset, limit }), `${name} offset ${offset} limit ${limit}`).toEqual({
            total: whole.total,
            rows: whole.rows.slice(offset, offset + limit),
          });
        }
      }
      // The fixture gives most lists several rows, so that the pages cut somewhere.
      expect(nonEmpty).toBeGreaterThanOrEqual(9);
    });

    it('lists the attendees of a meeting by name, with one row per role', async () => {
      expect(await store.attendees(M2)).toEqual([
        { personId: 'alice', name: 'Alice Archer', role: 'attendee' },
        { personId: 'bob', name: 'Bob Brown', role: 'attendee' },
        { personId: 'dave', name: 'Dave Dunn', role: 'attendee' },
        { personId: 'dave', name: 'Dave Dunn', role: 'author' },
      ]);
      expect(await store.attendees('no-such-meeting')).toEqual([]);
    });

    it('describes a person: meetings, projects by discussions, actions, first and last seen', async () => {
      expect(await store.person('alice')).toEqual({
        id: 'alice',
        name: 'Alice Archer',
        aliases: ['Alice', 'AA'],
        meetings: [
          { meetingId: M1, meeting: '2024-01-09', title: 'Weekly call: 9 January 2024' },
          { meetingId: M2, meeting: '2024-02-06', title: 'Weekly call: 6 February 2024' },
          { meetingId: M3, meeting: '2024-02-20', title: 'Weekly call: 20 February 2024' },
        ],
        projects: [
          { id: 'mirage', name: 'MirageOS', count: 3 },
          { id: 'ocaml-tls', name: 'ocaml-tls', count: 1 },
        ],
        actions: [ACTION_ALICE],
        actionCount: 1,
        discussions: await store.discussions({ person: 'alice' }),
        discussionCount: 3,
        perMonth: [
          { period: '2024-01', value: 1 },
          { period: '2024-02', value: 2 },
        ],
        firstSeen: '2024-01-09',
        lastSeen: '2024-02-20',
      });
      // Seen only in a discussion, never in an attendee list.
      expect(await store.person('emile')).toEqual({
        id: 'emile',
        name: 'Émile Roux',
        aliases: ['Emile'],
        meetings: [],
        projects: [{ id: 'irmin', name: 'Irmin', count: 1 }],
        actions: [ACTION_EMILE],
        actionCount: 1,
        discussions: await store.discussions({ person: 'emile' }),
        discussionCount: 1,
        perMonth: [{ period: '2024-02', value: 1 }],
        firstSeen: '2024-02-06',
        lastSeen: '2024-02-06',
      });
      const dave = await store.person('dave');
      expect(dave?.meetings.map((m) => m.meetingId)).toEqual([M2, M3]);
      expect(dave?.projects).toEqual([]);
      expect([dave?.discussions, dave?.discussionCount, dave?.perMonth]).toEqual([[], 0, []]);
      expect(dave?.actions).toEqual([ACTION_DAVE]);
      expect([dave?.firstSeen, dave?.lastSeen]).toEqual(['2024-02-06', '2024-02-20']);
    });

    it('has no person without any edge, nor an unknown one', async () => {
      expect(await store.person('frank')).toBeNull();
      expect(await store.person('nobody')).toBeNull();
    });

    it('describes a project: per month, people, actions, related projects by code-unit name order', async () => {
      expect(await store.project('mirage')).toEqual({
        id: 'mirage',
        name: 'MirageOS',
        aliases: ['Mirage'],
        origin: 'registry',
        perMonth: [
          { period: '2024-01', value: 2 },
          { period: '2024-02', value: 2 },
        ],
        people: [
          { id: 'alice', name: 'Alice Archer', count: 3 },
          { id: 'carol', name: 'Carol Chen', count: 2 },
          { id: 'bob', name: 'Bob Brown', count: 1 },
        ],
        actions: [ACTION_BOB, ACTION_EMILE],
        actionCount: 2,
        discussions: await store.discussions({ project: 'mirage' }),
        discussionCount: 4,
        related: [
          { id: 'xen', name: 'Xen', count: 1 },
          { id: 'ocaml-tls', name: 'ocaml-tls', count: 1 },
        ],
        firstDiscussed: '2024-01-09',
        lastDiscussed: '2024-02-20',
      });
      expect(await store.project('irmin')).toEqual({
        id: 'irmin',
        name: 'Irmin',
        aliases: [],
        origin: 'registry',
        perMonth: [{ period: '2024-02', value: 1 }],
        people: [
          { id: 'bob', name: 'Bob Brown', count: 1 },
          { id: 'emile', name: 'Émile Roux', count: 1 },
        ],
        actions: [ACTION_EMILE],
        actionCount: 1,
        discussions: await store.discussions({ project: 'irmin' }),
        discussionCount: 1,
        related: [],
        firstDiscussed: '2024-02-06',
        lastDiscussed: '2024-02-06',
      });
      const tls = await store.project('ocaml-tls');
      expect(tls?.origin).toBe('discovered');
      expect(tls?.related).toEqual([{ id: 'mirage', name: 'MirageOS', count: 1 }]);
      expect(await store.project('nope')).toBeNull();
    });

    it('lists actions by meeting date, meeting id and discussion order, with filters', async () => {
      expect(await store.actions({})).toEqual([ACTION_BOB, ACTION_CAROL, ACTION_EMILE, ACTION_ALICE, ACTION_DAVE]);
      expect(await store.actions({ status: 'todo' })).toEqual([ACTION_CAROL, ACTION_ALICE]);
      expect(await store.actions({ status: 'done', from: '2024-02-01' })).toEqual([ACTION_DAVE]);
      expect(await store.actions({ project: 'mirage', status: 'ongoing' })).toEqual([ACTION_EMILE]);
      expect(await store.actions({ person: 'bob' })).toEqual([ACTION_BOB]);
      expect(await store.actions({ to: '2024-01-31' })).toEqual([ACTION_BOB, ACTION_CAROL]);
      expect(await store.actions({ person: 'alice', project: 'mirage' })).toEqual([]);
    });

    it('lists the actions raised in the discussions about a project, whether or not they concern it', async () => {
      expect(await store.actions({ discussionProject: 'mirage' })).toEqual([ACTION_BOB, ACTION_CAROL, ACTION_ALICE]);
      expect(await store.actions({ discussionProject: 'xen' })).toEqual([ACTION_CAROL, ACTION_DAVE]);
      // Carol's item concerns Xen, in a discussion about MirageOS too.
      expect(await store.actions({ person: 'carol', discussionProject: 'mirage' })).toEqual([ACTION_CAROL]);
      expect(await store.actions({ person: 'carol', project: 'mirage' })).toEqual([]);
      // Émile's item concerns MirageOS, in a discussion about Irmin only.
      expect(await store.actions({ project: 'mirage', discussionProject: 'irmin' })).toEqual([ACTION_EMILE]);
      expect(await store.actions({ project: 'mirage', discussionProject: 'mirage' })).toEqual([ACTION_BOB]);
      expect(await store.actions({ discussionProject: 'mirage', status: 'todo', from: '2024-02-01' })).toEqual([ACTION_ALICE]);
      expect(await store.actions({ discussionProject: 'nope' })).toEqual([]);
    });

    it('builds the people↔project neighbourhood with weights, ties by code-unit name', async () => {
      expect(await store.neighbourhood({ limit: 100 })).toEqual({
        nodes: [
          { id: 'mirage', name: 'MirageOS', kind: 'project', weight: 4 },
          { id: 'alice', name: 'Alice Archer', kind: 'person', weight: 3 },
          { id: 'bob', name: 'Bob Brown', kind: 'person', weight: 3 },
          { id: 'carol', name: 'Carol Chen', kind: 'person', weight: 2 },
          { id: 'xen', name: 'Xen', kind: 'project', weight: 2 },
          { id: 'irmin', name: 'Irmin', kind: 'project', weight: 1 },
          { id: 'ocaml-tls', name: 'ocaml-tls', kind: 'project', weight: 1 },
          { id: 'emile', name: 'Émile Roux', kind: 'person', weight: 1 },
        ],
        edges: [
          { source: 'alice', target: 'mirage', weight: 3 },
          { source: 'carol', target: 'mirage', weight: 2 },
          { source: 'alice', target: 'ocaml-tls', weight: 1 },
          { source: 'bob', target: 'irmin', weight: 1 },
          { source: 'bob', target: 'mirage', weight: 1 },
          { source: 'bob', target: 'xen', weight: 1 },
          { source: 'carol', target: 'ocaml-tls', weight: 1 },
          { source: 'carol', target: 'xen', weight: 1 },
          { source: 'emile', target: 'irmin', weight: 1 },
        ],
      });
    });

    it('keeps the strongest nodes and only the edges between them', async () => {
      expect(await store.neighbourhood({ limit: 3 })).toEqual({
        nodes: [
          { id: 'mirage', name: 'MirageOS', kind: 'project', weight: 4 },
          { id: 'alice', name: 'Alice Archer', kind: 'person', weight: 3 },
          { id: 'bob', name: 'Bob Brown', kind: 'person', weight: 3 },
        ],
        edges: [
          { source: 'alice', target: 'mirage', weight: 3 },
          { source: 'bob', target: 'mirage', weight: 1 },
        ],
      });
      expect(await store.neighbourhood({ limit: 0 })).toEqual({ nodes: [], edges: [] });
    });

    it('centers the neighbourhood on a project or a person, keeping the center first', async () => {
      expect(await store.neighbourhood({ center: 'xen', limit: 10 })).toEqual({
        nodes: [
          { id: 'bob', name: 'Bob Brown', kind: 'person', weight: 3 },
          { id: 'carol', name: 'Carol Chen', kind: 'person', weight: 2 },
          { id: 'xen', name: 'Xen', kind: 'project', weight: 2 },
        ],
        edges: [
          { source: 'bob', target: 'xen', weight: 1 },
          { source: 'carol', target: 'xen', weight: 1 },
        ],
      });
      // The center is kept even when weaker than a neighbour left out.
      expect(await store.neighbourhood({ center: 'xen', limit: 2 })).toEqual({
        nodes: [
          { id: 'bob', name: 'Bob Brown', kind: 'person', weight: 3 },
          { id: 'xen', name: 'Xen', kind: 'project', weight: 2 },
        ],
        edges: [{ source: 'bob', target: 'xen', weight: 1 }],
      });
      expect(await store.neighbourhood({ center: 'alice', limit: 10 })).toEqual({
        nodes: [
          { id: 'mirage', name: 'MirageOS', kind: 'project', weight: 4 },
          { id: 'alice', name: 'Alice Archer', kind: 'person', weight: 3 },
          { id: 'ocaml-tls', name: 'ocaml-tls', kind: 'project', weight: 1 },
        ],
        edges: [
          { source: 'alice', target: 'mirage', weight: 3 },
          { source: 'alice', target: 'ocaml-tls', weight: 1 },
        ],
      });
      expect(await store.neighbourhood({ center: 'dave', limit: 10 })).toEqual({ nodes: [], edges: [] });
    });

    it('weighs the neighbourhood within a date range', async () => {
      expect(await store.neighbourhood({ from: '2024-02-01', limit: 10 })).toEqual({
        nodes: [
          { id: 'alice', name: 'Alice Archer', kind: 'person', weight: 2 },
          { id: 'bob', name: 'Bob Brown', kind: 'person', weight: 2 },
          { id: 'mirage', name: 'MirageOS', kind: 'project', weight: 2 },
          { id: 'carol', name: 'Carol Chen', kind: 'person', weight: 1 },
          { id: 'irmin', name: 'Irmin', kind: 'project', weight: 1 },
          { id: 'xen', name: 'Xen', kind: 'project', weight: 1 },
          { id: 'ocaml-tls', name: 'ocaml-tls', kind: 'project', weight: 1 },
          { id: 'emile', name: 'Émile Roux', kind: 'person', weight: 1 },
        ],
        edges: [
          { source: 'alice', target: 'mirage', weight: 2 },
          { source: 'alice', target: 'ocaml-tls', weight: 1 },
          { source: 'bob', target: 'irmin', weight: 1 },
          { source: 'bob', target: 'xen', weight: 1 },
          { source: 'carol', target: 'mirage', weight: 1 },
          { source: 'carol', target: 'ocaml-tls', weight: 1 },
          { source: 'emile', target: 'irmin', weight: 1 },
        ],
      });
    });

    it('counts co-attendance per pair, oriented by name or on the given person', async () => {
      expect(await store.coAttendance({})).toEqual([
        { a: 'alice', aName: 'Alice Archer', b: 'bob', bName: 'Bob Brown', count: 2 },
        { a: 'alice', aName: 'Alice Archer', b: 'carol', bName: 'Carol Chen', count: 2 },
        { a: 'alice', aName: 'Alice Archer', b: 'dave', bName: 'Dave Dunn', count: 2 },
        { a: 'bob', aName: 'Bob Brown', b: 'carol', bName: 'Carol Chen', count: 2 },
        { a: 'bob', aName: 'Bob Brown', b: 'dave', bName: 'Dave Dunn', count: 1 },
        { a: 'carol', aName: 'Carol Chen', b: 'dave', bName: 'Dave Dunn', count: 1 },
      ]);
      expect(await store.coAttendance({ person: 'dave' })).toEqual([
        { a: 'dave', aName: 'Dave Dunn', b: 'alice', bName: 'Alice Archer', count: 2 },
        { a: 'dave', aName: 'Dave Dunn', b: 'bob', bName: 'Bob Brown', count: 1 },
        { a: 'dave', aName: 'Dave Dunn', b: 'carol', bName: 'Carol Chen', count: 1 },
      ]);
      expect(await store.coAttendance({ person: 'emile' })).toEqual([]);
    });

    it('counts nodes and edges', async () => {
      expect(await store.stats()).toEqual({
        meetings: 4,
        discussions: 6,
        people: 5,
        projects: 4,
        topics: 2,
        actionItems: 5,
        references: 2,
        attended: 12,
        discussed: 9,
        about: 10,
        owns: 5,
        cites: 2,
        firstMeeting: '2024-01-09',
        lastMeeting: '2024-02-20',
      });
    });

    it('gives the loaded graph back as a snapshot (without the person who has no edge)', async () => {
      const expected = canonicalGraph(partitionGraph(smallGraph()));
      expected.people = expected.people.filter((p) => p.id !== 'frank');
      expect(await store.snapshot()).toEqual(expected);
    });
  });

  describe(`${label}: the action items of a busy person and project`, () => {
    it(`lists the newest ${DETAIL_ACTIONS} in a detail, with the count of all`, async () => {
      const store = await harness.openEmpty();
      try {
        const graph = smallGraph();
        // Bob takes on more in three meetings, about MirageOS, whose detail then also lists them.
        const discussions = [`${M1}#0`, `${M2}#1`, `${M3}#0`];
        for (let i = 0; i < DETAIL_ACTIONS + 7; i++) {
          const discussionId = discussions[i % discussions.length];
          graph.actionItems.push({
            id: `${discussionId}/b${String(i).padStart(3, '0')}`,
            task: `Task ${i}`,
            status: 'todo',
            ownerId: 'bob',
            discussionId,
            projectIds: ['mirage'],
            evidence: { file: 'a.md', line: 30 + i, sentence: `Bob will do task ${i}.` },
          });
        }
        await store.load(graph);
        const all = await store.actions({ person: 'bob' });
        expect(all).toHaveLength(DETAIL_ACTIONS + 8);
        const bob = await store.person('bob');
        expect(bob?.actionCount).toBe(all.length);
        expect(bob?.actions).toEqual(all.slice(-DETAIL_ACTIONS));
        const aboutMirage = await store.actions({ project: 'mirage' });
        const mirage = await store.project('mirage');
        expect(mirage?.actionCount).toBe(aboutMirage.length);
        expect(mirage?.actions).toEqual(aboutMirage.slice(-DETAIL_ACTIONS));
        // The newest are last: a 2024-02-20 item, after every older one.
        expect(mirage?.actions.at(-1)?.meeting).toBe('2024-02-20');
        expect(mirage?.actions.some((a) => a.actionId === ACTION_BOB.actionId)).toBe(false);
      } finally {
        await store.close();
      }
    });
  });

  describe(`${label}: the order of a detail's newest action items`, () => {
    it('is the order of actions: by date, then meeting id (one the start of another), then discussion order past the ninth, then id', async () => {
      const store = await harness.openEmpty();
      try {
        const graph = smallGraph();
        // Two notes of one date, the id of one the start of the other's; the first has twelve discussions.
        const [early, late] = ['2024-03-05', '2024-03-05-extra'];
        const discussionIds: string[] = [];
        for (const [meetingId, discussions] of [[early, 12], [late, 1]] as const) {
          graph.meetings.push({ id: meetingId, date: '2024-03-05', title: meetingId, description: '', source: `${meetingId}.md`, contentHash: meetingId });
          for (let order = 0; order < discussions; order++) {
            const id = `${meetingId}#${order}`;
            graph.discussions.push({ id, meetingId, heading: `### Item ${order}`, text: 'Text.', order, line: 10 + order });
            discussionIds.push(id);
          }
        }
        const item = (id: string, discussionId: string, n: number): ActionItem => ({
          id,
          task: `Task ${n}`,
          status: 'todo',
          ownerId: 'bob',
          discussionId,
          projectIds: ['mirage'],
          evidence: { file: 'a.md', line: n, sentence: `Bob will do task ${n}.` },
        });
        // Enough older items that the detail leaves some out; two items in the last discussion of the first note.
        for (let i = 0; i < DETAIL_ACTIONS; i++) graph.actionItems.push(item(`${M1}#0/b${String(i).padStart(3, '0')}`, `${M1}#0`, i));
        discussionIds.forEach((d, i) => graph.actionItems.push(item(`${d}/a1`, d, 200 + i)));
        graph.actionItems.push(item(`${early}#11/a2`, `${early}#11`, 300));
        await store.load(graph);

        const all = await store.actions({ person: 'bob' });
        expect(all.slice(-15).map((a) => a.actionId)).toEqual([
          `${M1}#0/b099`,
          ...Array.from({ length: 12 }, (_, order) => `${early}#${order}/a1`),
          `${early}#11/a2`,
          `${late}#0/a1`,
        ]);
        expect((await store.person('bob'))?.actions).toEqual(all.slice(-DETAIL_ACTIONS));
        expect((await store.project('mirage'))?.actions).toEqual((await store.actions({ project: 'mirage' })).slice(-DETAIL_ACTIONS));
      } finally {
        await store.close();
      }
    });
  });

  describe(`${label}: the discussions of a busy person and project`, () => {
    it(`lists the newest ${DETAIL_DISCUSSIONS} in a detail, in the order of discussions, with the count of all`, async () => {
      const store = await harness.openEmpty();
      try {
        const graph = smallGraph();
        // Bob takes part in twelve discussions about MirageOS in each of nine notes, then in two
        // notes of one date whose ids are one the start of the other: the first with twelve
        // discussions, so that the order past the ninth tells numbers from text.
        const notes: [string, string, number][] = Array.from({ length: 9 }, (_, i) => [`2024-03-1${i}`, `2024-03-1${i}`, 12]);
        notes.push(['2024-04-02', '2024-04-02', 12], ['2024-04-02-extra', '2024-04-02', 1]);
        for (const [meetingId, date, count] of notes) {
          graph.meetings.push({ id: meetingId, date, title: meetingId, description: '', source: `${meetingId}.md`, contentHash: meetingId });
          for (let order = 0; order < count; order++) {
            const id = `${meetingId}#${order}`;
            const evidence = { file: `${meetingId}.md`, line: 10 + order, sentence: `Bob on MirageOS, item ${order}.` };
            graph.discussions.push({ id, meetingId, heading: `### Item ${order}`, text: evidence.sentence, order, line: 10 + order });
            graph.discussed.push({ personId: 'bob', discussionId: id, evidence });
            graph.about.push({ discussionId: id, targetId: 'mirage', target: 'project', evidence });
          }
        }
        await store.load(graph);

        const all = await store.discussions({ person: 'bob' });
        expect(all.length).toBeGreaterThan(DETAIL_DISCUSSIONS);
        expect(all.slice(-13).map((d) => d.discussionId)).toEqual([
          ...Array.from({ length: 12 }, (_, order) => `2024-04-02#${order}`),
          '2024-04-02-extra#0',
        ]);
        const bob = await store.person('bob');
        expect(bob?.discussionCount).toBe(all.length);
        expect(bob?.discussions).toEqual(all.slice(-DETAIL_DISCUSSIONS));
        expect(bob?.perMonth.filter((p) => p.period >= '2024-03')).toEqual([
          { period: '2024-03', value: 108 },
          { period: '2024-04', value: 13 },
        ]);
        const aboutMirage = await store.discussions({ project: 'mirage' });
        const mirage = await store.project('mirage');
        expect(mirage?.discussionCount).toBe(aboutMirage.length);
        expect(mirage?.discussions).toEqual(aboutMirage.slice(-DETAIL_DISCUSSIONS));
      } finally {
        await store.close();
      }
    });
  });

  describe(`${label}: a person and a project that share an id`, () => {
    it('centers the neighbourhood on both, with the edges between their neighbours', async () => {
      const store = await harness.openEmpty();
      try {
        const graph = smallGraph();
        graph.people.push({ id: 'irmin', name: 'Irma Irmin', aliases: [] });
        graph.discussed.push({ personId: 'irmin', discussionId: `${M1}#1`, evidence: { file: 'a.md', line: 22, sentence: 'Irma too.' } });
        await store.load(graph);
        const centered = await store.neighbourhood({ center: 'irmin', limit: 10 });
        expect(centered.nodes.filter((n) => n.id === 'irmin').map((n) => n.kind).sort()).toEqual(['person', 'project']);
        // Bob is a neighbour of the project, Xen and MirageOS of the person: their edges count.
        expect(centered.edges).toEqual(expect.arrayContaining([{ source: 'bob', target: 'xen', weight: 1 }, { source: 'bob', target: 'mirage', weight: 1 }]));
        // Over every date, whether asked without dates or with a range that holds them all.
        expect(centered).toEqual(await store.neighbourhood({ center: 'irmin', limit: 10, from: '2000-01-01', to: '2099-12-31' }));
      } finally {
        await store.close();
      }
    });
  });

  describe(`${label}: incremental load`, () => {
    let store: GraphStore | undefined;
    const fresh = async () => {
      await store?.close();
      store = await harness.openEmpty();
      return store;
    };
    afterAll(async () => {
      await store?.close();
    });

    it('writes nothing when no note changed', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      expect(await s.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
      expect((await s.stats()).discussions).toBe(6);
    });

    it('replaces the subgraph of a changed note and drops people left without edges', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      const changed = smallGraph();
      // 2024-02-06 edited: Émile's part and his action item are gone, a heading was reworded.
      changed.meetings[1].contentHash = 'hash-2b';
      changed.discussions[3].heading = '### Network stack (TCP)';
      changed.discussed = changed.discussed.filter((d) => d.personId !== 'emile');
      changed.actionItems = changed.actionItems.filter((a) => a.ownerId !== 'emile');
      expect(await s.load(changed)).toEqual({ written: 1, removed: 0, unchanged: 3 });
      expect(await s.person('emile')).toBeNull();
      expect((await s.discussions({ meeting: M2 })).map((d) => [d.heading, d.people])).toEqual([
        ['### Irmin storage', ['Bob Brown']],
        ['### Network stack (TCP)', ['Alice Archer']],
      ]);
      expect((await s.actions({})).map((a) => a.actionId)).toEqual([`${M1}#0/a1`, `${M1}#1/a1`, `${M3}#0/a1`, `${M4}#0/a1`]);
      const stats = await s.stats();
      expect([stats.people, stats.discussed, stats.owns, stats.actionItems, stats.discussions]).toEqual([4, 8, 4, 4, 6]);
    });

    it('removes a note that disappeared, keeping the people other notes share', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      expect(await s.load(withoutMeeting(smallGraph(), M4))).toEqual({ written: 0, removed: 1, unchanged: 3 });
      expect((await s.meetings({})).map((m) => m.meetingId)).toEqual([M1, M2, M3]);
      expect(await s.discussions({ meeting: M4 })).toEqual([]);
      expect((await s.person('bob'))?.meetings.map((m) => m.meetingId)).toEqual([M1, M2]);
      expect((await s.person('dave'))?.actions).toEqual([]);
      expect((await s.project('xen'))?.people).toEqual([{ id: 'carol', name: 'Carol Chen', count: 1 }]);
      const stats = await s.stats();
      expect([stats.meetings, stats.discussions, stats.people, stats.attended, stats.actionItems]).toEqual([3, 5, 5, 10, 4]);
    });

    it('rewrites a meeting whose note is unchanged but was read differently', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      const reread = smallGraph();
      // Same bytes, but the retro's speaker now resolves to Carol (say, after a people.yml edit).
      const retro = reread.discussed.find((d) => d.discussionId === `${M4}#0`)!;
      retro.personId = 'carol';
      expect(await s.load(reread)).toEqual({ written: 1, removed: 0, unchanged: 3 });
      expect((await s.discussions({ meeting: M4 }))[0].people).toEqual(['Carol Chen']);
    });

    it('updates names and aliases from the graph without rewriting meetings', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      const renamed = smallGraph();
      renamed.people[1] = { id: 'bob', name: 'Robert Brown', aliases: ['Bob', 'Rob'] };
      expect(await s.load(renamed)).toEqual({ written: 0, removed: 0, unchanged: 4 });
      expect((await s.person('bob'))?.aliases).toEqual(['Bob', 'Rob']);
      expect((await s.discussions({ meeting: M1 }))[0].people).toEqual(['Alice Archer', 'Robert Brown']);
    });

    it('ends in the same state as a load into an empty store', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      const next = withoutMeeting(smallGraph(), M1);
      next.meetings[0].contentHash = 'hash-2b';
      await s.load(next);
      const incremental = await s.snapshot();
      const again = await fresh();
      await again.load(next);
      expect(incremental).toEqual(await again.snapshot());
    });

    it('refuses an inconsistent graph and leaves the store as it was', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      const broken = smallGraph();
      broken.meetings[0].contentHash = 'changed';
      broken.discussed.push({ personId: 'ghost', discussionId: `${M1}#0`, evidence: { file: 'x.md', line: 1, sentence: '' } });
      const err = await s.load(broken).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).reason).toBe('inconsistent-graph');
      expect((err as StoreError).message).toContain('"ghost"');
      expect((await s.stats()).discussed).toBe(9);
      expect(await s.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
    });

    it('refuses a meeting date that is no date, before writing anything, and takes an undated meeting', async () => {
      const s = await fresh();
      await s.load(smallGraph());
      for (const date of ['2024-13-01', '2024-1-09', '9 January 2024', '']) {
        const broken = smallGraph();
        broken.meetings[0].date = date;
        broken.meetings[0].contentHash = 'changed';
        const err = await s.load(broken).catch((e: unknown) => e);
        expect(err, date).toBeInstanceOf(StoreError);
        expect((err as StoreError).reason).toBe('inconsistent-graph');
        expect((err as StoreError).message).toBe(`cannot load the graph: meeting "${M1}" has the date "${date}", which is no date YYYY-MM-DD (nor 0000-00-00, undated)`);
      }
      expect(await s.load(smallGraph())).toEqual({ written: 0, removed: 0, unchanged: 4 });
      const undated = smallGraph();
      undated.meetings[0].date = '0000-00-00';
      undated.meetings[0].contentHash = 'undated';
      expect(await s.load(undated)).toEqual({ written: 1, removed: 0, unchanged: 3 });
      expect((await s.meetings({ to: '2024-01-31' })).map((m) => [m.meetingId, m.meeting])).toEqual([[M1, '0000-00-00']]);
    });

    it('keeps the ingest warnings and project candidates', async () => {
      const s = await fresh();
      const graph = smallGraph();
      await s.load(graph);
      const snapshot = await s.snapshot();
      expect(snapshot.warnings).toEqual(graph.warnings);
      expect(snapshot.projectCandidates).toEqual(graph.projectCandidates);
    });
  });
}

/** The graph without one meeting and everything of it (as if its note had been deleted). */
export function withoutMeeting(graph: MeetingGraph, meetingId: string): MeetingGraph {
  const discussionIds = new Set(graph.discussions.filter((d) => d.meetingId === meetingId).map((d) => d.id));
  return {
    ...graph,
    meetings: graph.meetings.filter((m) => m.id !== meetingId),
    discussions: graph.discussions.filter((d) => !discussionIds.has(d.id)),
    actionItems: graph.actionItems.filter((a) => !discussionIds.has(a.discussionId)),
    attendance: graph.attendance.filter((a) => a.meetingId !== meetingId),
    discussed: graph.discussed.filter((d) => !discussionIds.has(d.discussionId)),
    about: graph.about.filter((a) => !discussionIds.has(a.discussionId)),
    cites: graph.cites.filter((c) => !discussionIds.has(c.discussionId)),
  };
}

function wholePage<T>(rows: T[]): RowPage<T> {
  return { total: rows.length, rows };
}
