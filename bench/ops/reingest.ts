/**
 * Re-ingest through `runIngest` (what `meetgraph ingest` and the server run) after a first
 * ingest into the same data directory, with no store (graph and search index files only):
 *
 * - `--change 0`: nothing changed; the saved graph is reused when every content hash matches.
 * - `--change 1`: 1% of the notes (at least one) got a new sentence.
 *
 * The first ingest runs in a separate process by default, like a second `meetgraph ingest`;
 * `--warm` runs it in this process first, like a server that re-ingests after a change (its
 * in-process caches and its extraction memo then help).
 *
 *   node --import tsx bench/ops/reingest.ts --dataset corpus --change 0
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listNoteFiles } from '../../ingest/read.js';
import { runIngest } from '../../src/ingest-run.js';
import { ExtractionMemo } from '../../ingest/extraction-memo.js';
import { dataset, repoRoot } from '../lib/datasets.js';
import { count, ms, opOptions, report, runOp, timed } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions<{ change: number; warm?: boolean; setupOnly?: string; notes?: string }>('reingest', (c) =>
    c
      .option('--change <percent>', 'share of notes changed before the timed ingest', Number, 0)
      .option('--warm', 'run the first ingest in this process')
      .option('--setup-only <dataDir>', '(internal) run only the first ingest into this data directory')
      .option('--notes <dir>', '(internal) the notes folder of --setup-only'),
  );
  const ds = dataset(opts.dataset);
  const registries = { peopleFile: ds.peopleFile, projectsFile: ds.projectsFile };
  if (opts.setupOnly) {
    await runIngest({ notesDir: opts.notes!, dataDir: opts.setupOnly, ...registries });
    return;
  }

  const work = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-reingest-'));
  try {
    // A copy, so the notes can be changed; the unchanged case reads it just the same.
    const notesDir = path.join(work, 'notes');
    cpSync(ds.notesDir, notesDir, { recursive: true });
    const dataDir = path.join(work, 'data');
    // A server keeps an extraction memo between its ingests; a second `meetgraph ingest` has none.
    const memo = opts.warm ? new ExtractionMemo() : undefined;
    if (opts.warm) await runIngest({ notesDir, dataDir, ...registries, memo });
    else {
      const script = fileURLToPath(import.meta.url);
      const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--dataset', opts.dataset, '--setup-only', dataDir, '--notes', notesDir], { cwd: repoRoot, stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`first ingest failed (exit ${child.status})`);
    }

    const notes = await listNoteFiles(notesDir);
    const changed = opts.change > 0 ? Math.max(1, Math.round((notes.length * opts.change) / 100)) : 0;
    // Evenly spread over the folder, the same notes on every run.
    for (let i = 0; i < changed; i++) {
      const file = notes[Math.floor((i * notes.length) / changed)];
      appendFileSync(path.join(notesDir, file), `\n\nA late addition: the quarzel migration number ${i} is still open.\n`);
    }
    const run = await timed(() => runIngest({ notesDir, dataDir, ...registries, memo }));
    const t = run.value.timings;
    report(
      { wall: ms(run.wallMs), cpu: ms(run.cpuMs), read: ms(t.readMs), extract: ms(t.extractMs), index: ms(t.indexMs), changedNotes: count(changed) },
      { reused: run.value.reused, notes: notes.length, warm: !!opts.warm, extraction: run.value.extraction },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
