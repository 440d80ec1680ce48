/**
 * Full ingest of a folder (read, parse, NLP, resolve, assemble) in a fresh process: the time of
 * `ingestFolder`, modules already loaded, first-call costs included. Peak RSS is the ingest's
 * alone: the graph is not written anywhere (`prepare.ts` caches it for the other operations).
 *
 *   node --import tsx bench/ops/ingest.ts --dataset corpus|1k|10k [--workers n]
 */
import { ingestFolder } from '../../ingest/index.js';
import { workerCount } from '../../ingest/parallel.js';
import { dataset } from '../lib/datasets.js';
import { count, ms, opOptions, report, runOp, timed } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions<{ workers?: number }>('ingest', (c) => c.option('--workers <n>', 'worker threads besides the main one (default: one per core but one, from 3,000 notes)', Number));
  const ds = dataset(opts.dataset);
  const run = await timed(() => ingestFolder(ds.notesDir, { peopleFile: ds.peopleFile, projectsFile: ds.projectsFile, workers: opts.workers }));
  const graph = run.value;
  report(
    { wall: ms(run.wallMs), cpu: ms(run.cpuMs), meetings: count(graph.meetings.length) },
    { discussions: graph.discussions.length, people: graph.people.length, workers: workerCount(graph.meetings.length, opts.workers) },
  );
});
