/**
 * The embedded store's lookup tables after a load: patched from the last ones for the meetings
 * that changed, they must be what building them from nothing makes of the same graph.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingGraph } from '../../src/domain.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import type { EmbeddedGraph } from '../../src/store/embedded-graph.js';
import { QueryIndex } from '../../src/store/embedded-index.js';
import { corpus, ingestCorpus } from '../fixtures/corpus.js';
import { withoutMeeting } from './contract.js';

/** What a store keeps privately, read here to compare its tables with fresh ones. */
interface StoreInternals {
  graph: EmbeddedGraph;
  index(): QueryIndex;
  changedSinceLastIndex: Set<string> | null;
}

describe.runIf(existsSync(corpus.notes) || process.env.CI === 'true')('embedded store: lookup tables patched after a load', () => {
  let graph: MeetingGraph;
  let store: EmbeddedStore;
  let dir: string;
  const internals = () => store as unknown as StoreInternals;
  beforeAll(async () => {
    graph = await ingestCorpus();
    dir = await mkdtemp(path.join(tmpdir(), 'meetgraph-index-'));
    store = await EmbeddedStore.open(dir);
    await store.load(graph);
    internals().index();
  });
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Loads `next`, checks the tables were patched (not rebuilt) and equal fresh ones. */
  const loadAndCompare = async (next: MeetingGraph, expectPatched = true) => {
    await store.load(next);
    const changed = internals().changedSinceLastIndex;
    if (expectPatched) expect(changed?.size).toBeGreaterThan(0);
    const patched = internals().index();
    expect(patched).toEqual(new QueryIndex(internals().graph));
  };

  const meetingIds = () => graph.meetings.map((m) => m.id).sort();

  it('after a meeting disappears and comes back', async () => {
    const id = meetingIds()[10];
    await loadAndCompare(withoutMeeting(graph, id));
    await loadAndCompare(graph);
  });

  it('after a discussion changes its people, projects and actions', async () => {
    const id = meetingIds()[20];
    const discussion = graph.discussions.find((d) => d.meetingId === id)!;
    const someone = graph.people.find((p) => !graph.discussed.some((d) => d.discussionId === discussion.id && d.personId === p.id))!;
    const evidence = { file: `${id}.md`, line: 1, sentence: 'x' };
    const next: MeetingGraph = {
      ...graph,
      discussions: graph.discussions.map((d) => (d.id === discussion.id ? { ...d, heading: `${d.heading} (again)` } : d)),
      discussed: [...graph.discussed.filter((d) => d.discussionId !== discussion.id), { personId: someone.id, discussionId: discussion.id, evidence }],
      about: graph.about.filter((a) => a.discussionId !== discussion.id),
      actionItems: [
        ...graph.actionItems.filter((a) => a.discussionId !== discussion.id),
        { id: `${discussion.id}/new`, task: 'a new task', status: 'todo', ownerId: someone.id, discussionId: discussion.id, projectIds: [graph.projects[0].id], evidence },
      ],
    };
    await loadAndCompare(next);
    await loadAndCompare(graph);
  });

  it('after a meeting moves to another date, and after two loads with no query between them', async () => {
    const [first, second] = [meetingIds()[5], meetingIds()[30]];
    const moved = (g: MeetingGraph, id: string, date: string): MeetingGraph => ({ ...g, meetings: g.meetings.map((m) => (m.id === id ? { ...m, date } : m)) });
    await loadAndCompare(moved(graph, first, '2099-01-01'));
    await store.load(moved(moved(graph, first, '2099-01-01'), second, '2000-01-01'));
    await loadAndCompare(withoutMeeting(moved(moved(graph, first, '2099-01-01'), second, '2000-01-01'), meetingIds()[40]));
    await loadAndCompare(graph);
  });

  it('patches them when a change brings in a new person and project, and when they go again', async () => {
    const id = meetingIds()[25];
    const discussion = graph.discussions.find((d) => d.meetingId === id)!;
    const evidence = { file: `${id}.md`, line: 1, sentence: 'x' };
    const next: MeetingGraph = {
      ...graph,
      people: [...graph.people, { id: 'zelda-quorum', name: 'Zelda Quorum', aliases: [] }],
      projects: [...graph.projects, { id: 'quarzel', name: 'Quarzel', aliases: [], origin: 'discovered' }],
      discussed: [...graph.discussed, { personId: 'zelda-quorum', discussionId: discussion.id, evidence }],
      about: [...graph.about, { discussionId: discussion.id, target: 'project', targetId: 'quarzel', evidence }],
    };
    await loadAndCompare(next);
    expect((await store.discussions({ person: 'zelda-quorum' })).map((d) => d.discussionId)).toEqual([discussion.id]);
    await loadAndCompare(graph);
    expect(await store.discussions({ project: 'quarzel' })).toEqual([]);
  });

  it('patches them when a meeting brings in more items than one call can take', async () => {
    const discussion = graph.discussions.find((d) => d.meetingId === meetingIds()[15])!;
    const owner = graph.people[0].id;
    const evidence = { file: `${discussion.meetingId}.md`, line: 1, sentence: 'x' };
    const many = Array.from({ length: 150_000 }, (_, i) => ({
      id: `${discussion.id}/bulk${String(i).padStart(6, '0')}`,
      task: `task ${i}`,
      status: 'todo' as const,
      ownerId: owner,
      discussionId: discussion.id,
      projectIds: [],
      evidence,
    }));
    await loadAndCompare({ ...graph, actionItems: [...graph.actionItems, ...many] });
    expect((await store.actions({ person: owner })).length).toBeGreaterThanOrEqual(150_000);
    await loadAndCompare(graph);
  });

  it('builds the tables from nothing when a name changes', async () => {
    const renamed: MeetingGraph = { ...graph, people: graph.people.map((p, i) => (i === 0 ? { ...p, name: `${p.name} Jr` } : p)) };
    await loadAndCompare(renamed, false);
    await loadAndCompare(graph, false);
  });
});
