/**
 * Loading a whole graph into a graph store that holds nothing yet, then loading it again with
 * nothing changed (the store compares and writes nothing).
 *
 *   node --import tsx bench/ops/load.ts --dataset corpus|10k --store embedded|neo4j
 *
 * Neo4j: the database named by NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) is emptied first.
 */
import { statSync } from 'node:fs';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { dataset, datasetGraph } from '../lib/datasets.js';
import { withEmptyStore, type BenchStoreKind } from '../lib/stores.js';
import { count, mb, ms, opOptions, report, runOp, timed } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions<{ store: BenchStoreKind }>('load', (c) => c.requiredOption('--store <kind>', 'embedded or neo4j'));
  const graph = await datasetGraph(dataset(opts.dataset));
  // Reported once withEmptyStore has emptied the store again: report() ends the process.
  const { figures, info } = await withEmptyStore(opts.store, async (store) => {
    const first = await timed(() => store.load(graph));
    const again = await timed(() => store.load(graph));
    const figures = { wall: ms(first.wallMs), cpu: ms(first.cpuMs), reloadUnchanged: ms(again.wallMs), meetings: count(graph.meetings.length) };
    if (store instanceof EmbeddedStore) Object.assign(figures, { snapshot: mb(statSync(store.file).size) });
    return { figures, info: { load: first.value, reload: again.value } };
  });
  report(figures, info);
});
