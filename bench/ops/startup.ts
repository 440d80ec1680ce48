/**
 * `meetgraph serve` (what `npm start` runs) to its first HTTP answer: the time from spawning
 * `node src/bin.js serve` to a 200 from `/api/health`, with a new data directory (the notes are
 * ingested first) and then again with the data directory that start left (the saved graph and
 * index are reused). The embedded store, no file watcher. Also the server's memory: its peak
 * resident set once its files are saved (`/api/health` says so), and its resident set then.
 *
 *   node --import tsx bench/ops/startup.ts --dataset corpus|10k
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataset } from '../lib/datasets.js';
import { mb, ms, opOptions, report, runOp, type Figure } from '../lib/op.js';
import { ServerProcess } from '../lib/server.js';

runOp(import.meta.url, async () => {
  const opts = opOptions('startup');
  const ds = dataset(opts.dataset);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-start-'));
  const serve = { notesDir: ds.notesDir, dataDir, peopleFile: ds.peopleFile, projectsFile: ds.projectsFile };
  const figures: Record<string, Figure> = {};
  const start = async (name: string) => {
    const started = performance.now();
    const server = await ServerProcess.start(serve);
    try {
      await server.poll('/api/health', (status) => status === 200, 600_000);
      figures[name] = ms(performance.now() - started);
      await server.poll<{ lastIngest: { saved: boolean } }>('/api/health', (status, body) => status === 200 && body?.lastIngest.saved === true, 600_000, 200);
      const memory = server.memory();
      if (memory) {
        figures[`${name}PeakRss`] = mb(memory.peak);
        figures[`${name}SavedRss`] = mb(memory.rss);
      }
    } finally {
      await server.stop();
    }
  };
  try {
    await start('newDataDir');
    await start('reusedDataDir');
    report(figures);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
