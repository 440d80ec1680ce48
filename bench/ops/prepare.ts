/**
 * Makes a dataset ready for the other operations: generates its notes and ingests its graph into
 * the cache (`bench/lib/datasets.ts`), unless already there. Not a measurement.
 *
 *   node --import tsx bench/ops/prepare.ts --dataset 10k
 */
import { dataset, datasetGraph } from '../lib/datasets.js';
import { count, opOptions, report, runOp } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions('prepare');
  const graph = await datasetGraph(dataset(opts.dataset));
  report({ meetings: count(graph.meetings.length) });
});
