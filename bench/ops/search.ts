/**
 * Search latency: the MiniSearch index built from a graph, then 1,000 queries of the mix in
 * `bench/search.ts` (words, prefixes, misspellings, phrases, exclusions, operators, dates), each
 * timed after one untimed round. Side by side, FlexSearch over the same discussion documents
 * (heading and text) runs the mix's free-text queries, which both engines understand: the
 * latency of both on those queries, and how far their top ten agree.
 *
 *   node --import tsx bench/ops/search.ts --dataset corpus|10k [--queries 1000]
 */
import FlexSearch from 'flexsearch';
import { QueryError, SearchIndex } from '../../src/search/index.js';
import { plainText } from '../../src/search/snippet.js';
import { summarise, time } from '../percentiles.js';
import { mixedQueries } from '../search.js';
import { dataset, datasetGraph } from '../lib/datasets.js';
import { count, kb, ms, opOptions, percent, report, runOp, timed } from '../lib/op.js';

const TOP = 10;

runOp(import.meta.url, async () => {
  const opts = opOptions<{ queries: number }>('search', (c) => c.option('--queries <n>', 'queries to time', Number, 1000));
  const graph = await datasetGraph(dataset(opts.dataset));
  const built = await timed(() => SearchIndex.build(graph));
  const index = built.value;
  const serialised = JSON.stringify(index.toJSON());
  const loaded = await timed(() => SearchIndex.loadJSON(serialised));
  void loaded.value;

  // What a server makes in the background after a load (the phrase index above all).
  const prepared = await timed(() => index.prepare());

  const queries = mixedQueries(graph, opts.queries);
  let queryErrors = 0;
  const runQuery = (q: { text: string }) => {
    try {
      index.search(q.text, { limit: 20 });
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      queryErrors++; // an operator naming an unknown or ambiguous name: still a timed query
    }
  };
  // The first pass meets every term for the first time: its postings are copied on first use.
  const cold = await time(queries, runQuery, 0);
  const mixed = await time(queries, runQuery);
  queryErrors /= 3;
  const all = summarise(mixed.wall);

  // FlexSearch over the same documents, on the queries it understands (phrases as plain words).
  const flexBuilt = await timed(() => {
    const flex = new FlexSearch.Document({ document: { id: 'id', index: ['heading', 'text'] }, tokenize: 'forward', cache: false });
    for (const d of graph.discussions) flex.add({ id: d.id, heading: d.heading, text: plainText(d.text) });
    return flex;
  });
  const flex = flexBuilt.value;
  const texts = queries.filter((q) => q.kind === 'text').map((q) => q.text.replace(/"/g, ''));
  const ours = new Map<string, string[]>();
  const theirs = new Map<string, string[]>();
  const oursTimed = await time(texts, (q) => ours.set(q, index.search(q, { limit: TOP }).hits.map((h) => h.discussionId)));
  const theirsTimed = await time(texts, (q) => {
    const merged = flex.search(q, { limit: TOP, merge: true }) as unknown as Array<{ id: string }>;
    theirs.set(q, merged.map((r) => String(r.id)));
  });
  let overlapSum = 0;
  let compared = 0;
  for (const q of new Set(texts)) {
    const a = ours.get(q)!;
    const b = new Set(theirs.get(q)!);
    const size = Math.min(TOP, Math.max(a.length, b.size));
    if (size === 0) continue;
    overlapSum += a.filter((id) => b.has(id)).length / size;
    compared++;
  }
  const oursText = summarise(oursTimed.wall);
  const theirsText = summarise(theirsTimed.wall);

  report(
    {
      p50: ms(all.p50),
      p95: ms(all.p95),
      p99: ms(all.p99),
      max: ms(all.max),
      cpuP95: ms(summarise(mixed.cpu).p95),
      firstPassP95: ms(summarise(cold.wall).p95),
      prepare: ms(prepared.wallMs),
      build: ms(built.wallMs),
      loadJson: ms(loaded.wallMs),
      serialised: kb(serialised.length),
      documents: count(index.size),
      textP50: ms(oursText.p50),
      textP95: ms(oursText.p95),
      flexP50: ms(theirsText.p50),
      flexP95: ms(theirsText.p95),
      flexBuild: ms(flexBuilt.wallMs),
      top10Overlap: percent(compared ? (100 * overlapSum) / compared : 0),
    },
    { queries: queries.length, textQueries: texts.length, queryErrors },
  );
});
