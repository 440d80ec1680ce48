/**
 * `meetgraph serve` (what `npm start` runs) to its first HTTP answer: the time from spawning
 * `node src/bin.js serve` to a 200 from `/api/health`, with a new data directory (the notes are
 * ingested first) and then again with the data directory that start left (the saved graph and
 * index are reused). The embedded store.
 *
 *   node --import tsx bench/ops/startup.ts --dataset corpus
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataset } from '../lib/datasets.js';
import { ms, opOptions, report, runOp } from '../lib/op.js';
import { ServerProcess } from '../lib/server.js';

runOp(import.meta.url, async () => {
  const opts = opOptions('startup');
  const ds = dataset(opts.dataset);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-start-'));
  const serve = { notesDir: ds.notesDir, dataDir, peopleFile: ds.peopleFile, projectsFile: ds.projectsFile };
  const firstAnswer = async () => {
    const start = performance.now();
    const server = await ServerProcess.start(serve);
    try {
      await server.poll('/api/health', (status) => status === 200, 600_000);
      return performance.now() - start;
    } finally {
      await server.stop();
    }
  };
  try {
    const cold = await firstAnswer();
    const warm = await firstAnswer();
    report({ newDataDir: ms(cold), reusedDataDir: ms(warm) });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
