/**
 * Loading a whole graph into a graph store that holds nothing yet, then loading it again with
 * nothing changed (the store compares and writes nothing).
 *
 *   node --import tsx bench/ops/load.ts --dataset corpus|10k --store embedded|neo4j
 *
 * Neo4j: the database named by NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) is emptied first.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import type { GraphStore } from '../../src/store/types.js';
import { dataset, datasetGraph } from '../lib/datasets.js';
import { benchNeo4jConfig, emptyNeo4j } from '../lib/neo4j.js';
import { count, mb, ms, opOptions, report, runOp, timed } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions<{ store: 'embedded' | 'neo4j' }>('load', (c) => c.requiredOption('--store <kind>', 'embedded or neo4j'));
  const graph = await datasetGraph(dataset(opts.dataset));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-load-'));
  let store: GraphStore;
  if (opts.store === 'neo4j') {
    const config = benchNeo4jConfig();
    await emptyNeo4j(config);
    store = await Neo4jStore.open(config);
  } else {
    store = await EmbeddedStore.open(dataDir);
  }
  try {
    const first = await timed(() => store.load(graph));
    const again = await timed(() => store.load(graph));
    const figures = { wall: ms(first.wallMs), cpu: ms(first.cpuMs), reloadUnchanged: ms(again.wallMs), meetings: count(graph.meetings.length) };
    if (store instanceof EmbeddedStore) Object.assign(figures, { snapshot: mb(statSync(store.file).size) });
    report(figures, { load: first.value, reload: again.value });
  } finally {
    await store.close();
    if (opts.store === 'neo4j') await emptyNeo4j(benchNeo4jConfig());
    rmSync(dataDir, { recursive: true, force: true });
  }
});
