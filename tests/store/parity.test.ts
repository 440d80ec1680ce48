/**
 * Both stores loaded with the same graph must answer every named query identically: the small
 * fixture, then the real corpus (`shared/corpus/mirage-weekly`), with a battery of parameters.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingGraph } from '../../src/domain.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import type { GraphStore } from '../../src/store/types.js';
import { smallGraph } from '../fixtures/small-graph.js';
import { corpus, ingestCorpus } from '../fixtures/corpus.js';
import { queryBattery } from './battery.js';
import { describeNeo4j, neo4jTestConfig } from '../support/neo4j.js';
import { withoutMeeting } from './contract.js';
import { emptyNeo4j } from './empty-neo4j.js';

/** Runs the battery on both stores and compares call by call, so a failure names the query. */
async function expectSameAnswers(graph: MeetingGraph, a: GraphStore, b: GraphStore, options?: { topics?: number }) {
  const calls = queryBattery(graph, options);
  expect(calls.length).toBeGreaterThan(20);
  for (const call of calls) {
    const [left, right] = [await call.run(a), await call.run(b)];
    expect(right, call.label).toEqual(left);
  }
  return calls.length;
}

describeNeo4j('parity of the embedded and Neo4j stores', () => {
  const dirs: string[] = [];
  let neo4jStore: Neo4jStore;
  const embeddedStore = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'meetgraph-parity-'));
    dirs.push(dir);
    return EmbeddedStore.open(dir);
  };

  beforeAll(async () => {
    await emptyNeo4j();
    neo4jStore = await Neo4jStore.open(neo4jTestConfig());
  });
  afterAll(async () => {
    await neo4jStore?.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('on the small fixture', async () => {
    const graph = smallGraph();
    const embedded = await embeddedStore();
    expect(await neo4jStore.load(graph)).toEqual(await embedded.load(graph));
    await expectSameAnswers(graph, embedded, neo4jStore);
  });

  it('on the small fixture after incremental loads', async () => {
    const embedded = await embeddedStore();
    await embedded.load(smallGraph());
    const next = withoutMeeting(smallGraph(), '2024-01-09');
    next.meetings[0].contentHash = 'hash-2b';
    next.discussed = next.discussed.filter((d) => d.personId !== 'emile');
    next.actionItems = next.actionItems.filter((a) => a.ownerId !== 'emile');
    expect(await neo4jStore.load(next)).toEqual(await embedded.load(next));
    await expectSameAnswers(next, embedded, neo4jStore);
  });

  describe.skipIf(!existsSync(corpus.notes))('on the real corpus', () => {
    let graph: MeetingGraph;
    let embedded: EmbeddedStore;
    beforeAll(async () => {
      graph = await ingestCorpus();
      embedded = await embeddedStore();
      await emptyNeo4j();
      await neo4jStore.load(graph);
      await embedded.load(graph);
    });

    // About 1,500 calls: each person, project, meeting and 30 topics, ranges, statuses, centers, limits.
    it('answers every named query identically', { timeout: 600_000 }, async () => {
      expect(graph.meetings.length).toBe(51);
      const count = await expectSameAnswers(graph, embedded, neo4jStore, { topics: 30 });
      expect(count).toBeGreaterThan(500);
    });

    it('keeps answering identically after a note disappears and another changes', { timeout: 300_000 }, async () => {
      const next = withoutMeeting(graph, graph.meetings[0].id);
      next.meetings[5] = { ...next.meetings[5], contentHash: 'edited' };
      const [fromNeo4j, fromEmbedded] = [await neo4jStore.load(next), await embedded.load(next)];
      expect(fromNeo4j).toEqual({ written: 1, removed: 1, unchanged: 49 });
      expect(fromEmbedded).toEqual(fromNeo4j);
      const battery = queryBattery(next, { topics: 10 });
      // The neighbourhoods over every date read the weights the load kept on the nodes.
      const calls = [
        ...battery.filter((c) => !c.label.startsWith('neighbourhood')).slice(0, 150),
        ...battery.filter((c) => c.label.startsWith('neighbourhood') && !/"(from|to)"/.test(c.label)),
      ];
      expect(calls.length).toBeGreaterThan(200);
      for (const call of calls) expect(await call.run(neo4jStore), call.label).toEqual(await call.run(embedded));
    });
  });
});
