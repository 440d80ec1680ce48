/**
 * Every named query of the graph store (`bench/store-queries.ts` picks the parameters: the
 * busiest person and project…), each run `--runs` times after `--warmup` untimed runs (10): median and 95th
 * percentile per query; the report's figures are the worst and the median of the per-query p95s,
 * over the queries as clients call them (lists a page at a time), and apart, the worst p95 of
 * reading whole lists (as the asker does).
 *
 *   node --import tsx bench/ops/named-queries.ts --dataset corpus|10k --store embedded|neo4j
 */
import { percentile } from '../percentiles.js';
import { namedQueries } from '../store-queries.js';
import { dataset, datasetGraph } from '../lib/datasets.js';
import { withEmptyStore, type BenchStoreKind } from '../lib/stores.js';
import { count, ms, opOptions, report, runOp } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions<{ store: BenchStoreKind; runs: number; warmup: number }>('named-queries', (c) =>
    c
      .requiredOption('--store <kind>', 'embedded or neo4j')
      .option('--runs <n>', 'timed runs per query', Number, 50)
      .option('--warmup <n>', 'untimed runs per query first', Number, 10),
  );
  const graph = await datasetGraph(dataset(opts.dataset));
  // Reported once withEmptyStore has emptied the store again: report() ends the process.
  const { figures, info } = await withEmptyStore(opts.store, async (store) => {
    await store.load(graph);
    const perQuery: Record<string, { p50: number; p95: number; rows: number; total?: number; wholeList?: boolean }> = {};
    for (const q of namedQueries(graph)) {
      let result: unknown;
      for (let i = 0; i < Math.max(1, opts.warmup); i++) result = await q.run(store);
      const samples: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const start = performance.now();
        await q.run(store);
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      const page = isRowPage(result) ? result : null;
      const rows = page ? page.rows.length : Array.isArray(result) ? result.length : 1;
      perQuery[q.name] = { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), rows, ...(page && { total: page.total }), ...(q.wholeList && { wholeList: true }) };
    }
    const asCalled = Object.entries(perQuery).filter(([, q]) => !q.wholeList);
    const p95s = asCalled.map(([, q]) => q.p95).sort((a, b) => a - b);
    const worst = asCalled.sort((a, b) => b[1].p95 - a[1].p95)[0];
    const wholeListP95s = Object.values(perQuery).filter((q) => q.wholeList).map((q) => q.p95);
    return {
      figures: {
        worstP95: ms(p95s[p95s.length - 1]),
        medianP95: ms(percentile(p95s, 50)),
        over25ms: count(p95s.filter((p) => p > 25).length),
        queries: count(p95s.length),
        wholeListWorstP95: ms(Math.max(...wholeListP95s)),
      },
      info: { worst: worst[0], perQuery },
    };
  });
  report(figures, info);
});

function isRowPage(result: unknown): result is { total: number; rows: unknown[] } {
  return typeof result === 'object' && result !== null && 'total' in result && Array.isArray((result as { rows?: unknown }).rows);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
