/**
 * The embedded store over the real corpus: the snapshot gives the graph back, a reopened store
 * answers as the original did, and every named query stays fast.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingGraph } from '../../src/domain.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { canonicalGraph, partitionGraph } from '../../src/store/meeting-parts.js';
import { corpus, ingestCorpus } from '../fixtures/corpus.js';
import { queryBattery } from './battery.js';

describe.skipIf(!existsSync(corpus.notes))('embedded store on the real corpus', () => {
  let graph: MeetingGraph;
  let store: EmbeddedStore;
  let dir: string;
  beforeAll(async () => {
    graph = await ingestCorpus();
    dir = await mkdtemp(path.join(tmpdir(), 'meetgraph-corpus-'));
    store = await EmbeddedStore.open(dir);
    expect(await store.load(graph)).toEqual({ written: 51, removed: 0, unchanged: 0 });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the file as the JSON of its snapshot, byte for byte', async () => {
    const { serializeSnapshot } = await import('../../src/store/snapshot-file.js');
    expect(await readFile(store.file, 'utf8')).toBe(serializeSnapshot(await store.snapshot()));
  });

  it('gives the graph back, minus people, projects, topics and references without any edge', async () => {
    const expected = canonicalGraph(partitionGraph(graph));
    const linked = (kind: string) => {
      const ids = new Set<string>();
      for (const a of expected.attendance) ids.add(`person:${a.personId}`);
      for (const d of expected.discussed) ids.add(`person:${d.personId}`);
      for (const a of expected.actionItems) {
        ids.add(`person:${a.ownerId}`);
        for (const p of a.projectIds) ids.add(`project:${p}`);
      }
      for (const a of expected.about) ids.add(`${a.target}:${a.targetId}`);
      for (const c of expected.cites) ids.add(`reference:${c.referenceId}`);
      return (x: { id: string }) => ids.has(`${kind}:${x.id}`);
    };
    expected.people = expected.people.filter(linked('person'));
    expected.projects = expected.projects.filter(linked('project'));
    expected.topics = expected.topics.filter(linked('topic'));
    expected.references = expected.references.filter(linked('reference'));
    expect(await store.snapshot()).toEqual(expected);
  });

  it('answers the same after reopening, and reloading the same graph writes nothing', async () => {
    const reopened = await EmbeddedStore.open(dir);
    for (const call of queryBattery(graph, { topics: 20 })) {
      expect(await call.run(reopened), call.label).toEqual(await call.run(store));
    }
    expect(await reopened.load(graph)).toEqual({ written: 0, removed: 0, unchanged: 51 });
  });

  it('answers every named query within 20 ms (median)', async () => {
    const busiest = graph.discussed[0]?.personId ?? 'none';
    const project = graph.about.find((a) => a.target === 'project')?.targetId ?? 'none';
    const queries: Array<[string, () => Promise<unknown>]> = [
      ['discussions', () => store.discussions({})],
      ['meetings', () => store.meetings({})],
      ['attendees', () => store.attendees(graph.meetings[10].id)],
      ['person', () => store.person(busiest)],
      ['project', () => store.project(project)],
      ['actions', () => store.actions({})],
      ['neighbourhood', () => store.neighbourhood({ limit: 40 })],
      ['coAttendance', () => store.coAttendance({})],
      ['stats', () => store.stats()],
    ];
    for (const [name, run] of queries) {
      const samples: number[] = [];
      for (let i = 0; i < 31; i++) {
        const start = performance.now();
        await run();
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      expect(samples[15], name).toBeLessThan(20);
    }
  });
});
