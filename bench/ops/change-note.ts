/**
 * How soon a changed note shows in search and in the graph: `meetgraph serve --watch` over a copy
 * of the folder (embedded store, or the benchmarks' Neo4j emptied before and after), then one note gets a new discussion item; timed from the write
 * until `/api/search` finds its new word and until `/api/discussions` (a store query) lists the
 * new item. The server's own ingest time for the change (`/api/health`) is reported beside, and
 * when its files were written (they follow the swap). The first change after start is reported
 * apart from the later ones (their median), which run code the server has already optimised.
 *
 *   node --import tsx bench/ops/change-note.ts --dataset corpus|10k [--changes 3] [--store embedded|neo4j]
 *   (SHOW_SERVER_OUTPUT=1 prints the server's last lines of output at the end)
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listNoteFiles } from '../../ingest/read.js';
import { Option } from 'commander';
import { dataset } from '../lib/datasets.js';
import { benchNeo4jConfig, emptyNeo4j } from '../lib/neo4j.js';
import { count, ms, opOptions, report, runOp } from '../lib/op.js';
import { ServerProcess } from '../lib/server.js';

interface Health {
  counts: { meetings: number };
  lastIngest: { count: number; durationMs: number | null; reused: boolean; saved: boolean };
}

runOp(import.meta.url, async () => {
  const opts = opOptions<{ changes: number; store: 'embedded' | 'neo4j' }>('change-note', (c) =>
    c
      .option('--changes <n>', 'notes changed one after the other, each once the last is saved', Number, 3)
      .addOption(new Option('--store <kind>', 'the server\'s graph store').choices(['embedded', 'neo4j']).default('embedded')),
  );
  const neo4j = opts.store === 'neo4j' ? benchNeo4jConfig() : null;
  if (neo4j) await emptyNeo4j(neo4j);
  const ds = dataset(opts.dataset);
  const work = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-change-'));
  let reportLater = () => {};
  const notesDir = path.join(work, 'notes');
  // Timestamps kept, as a folder's notes have them: the server does not trust `stat` for a file
  // modified less than 2 s before it read it (see NoteReadCache), and a copy made just now would
  // make its first change read every note again, once.
  cpSync(ds.notesDir, notesDir, { recursive: true, preserveTimestamps: true });
  // Polling every 10 ms (and health every 50 ms while the files are written) makes thousands of
  // requests a minute: far above the default limit of 600, which would answer 429 until its window ends.
  const server = await ServerProcess.start({
    notesDir,
    dataDir: path.join(work, 'data'),
    peopleFile: ds.peopleFile,
    projectsFile: ds.projectsFile,
    watch: true,
    rateLimit: 1_000_000,
    neo4j: neo4j !== null,
  });
  try {
    // The change is made on a settled server: the first ingest's files are written after its swap.
    let before = await server.poll<Health>('/api/health', (status, body) => status === 200 && body?.lastIngest.saved === true, 900_000, 50);
    const initialIngestMs = before.lastIngest.durationMs;
    const notes = await listNoteFiles(notesDir);
    const changes: Array<{ file: string; searchMs: number; graphMs: number; ingestMs: number; savedMs: number }> = [];
    // The first change after start runs the incremental code for the first time (unoptimised);
    // the later ones show a server that has been answering changes for a while.
    for (let i = 0; i < opts.changes; i++) {
      const file = notes[Math.floor(notes.length / 2) + i];
      const meetingId = file.replace(/\.(md|markdown)$/i, '');
      // Words far apart, so that no change's word finds another's note through typo matching.
      const word = `${NEW_WORDS[i % NEW_WORDS.length]}${process.pid}${i >= NEW_WORDS.length ? `q${i}` : ''}`;

      const start = performance.now();
      appendFileSync(path.join(notesDir, file), `\n\n#### Review of ${word} ####\n\nThe ${word} migration is still open; someone will look into it.\n`);
      const inSearch = (async () => {
        await server.poll<{ total: number }>(`/api/search?q=${word}&limit=1`, (status, body) => status === 200 && (body?.total ?? 0) > 0, 900_000);
        return performance.now() - start;
      })();
      const inGraph = (async () => {
        await server.poll<{ rows?: Array<{ heading: string }> } | Array<{ heading: string }>>(
          `/api/discussions?meeting=${encodeURIComponent(meetingId)}`,
          (status, body) => status === 200 && rowsOf(body).some((r) => r.heading.includes(word)),
          900_000,
        );
        return performance.now() - start;
      })();
      const [searchMs, graphMs] = await Promise.all([inSearch, inGraph]);
      const after = await server.poll<Health>('/api/health', (status, body) => status === 200 && (body?.lastIngest.count ?? 0) > before.lastIngest.count, 900_000);
      before = await server.poll<Health>('/api/health', (status, body) => status === 200 && body?.lastIngest.saved === true, 900_000, 50);
      changes.push({ file, searchMs, graphMs, ingestMs: after.lastIngest.durationMs ?? NaN, savedMs: performance.now() - start });
    }
    const [first, ...later] = changes;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
    // Reported once the server is stopped and the store emptied: report() ends the process.
    reportLater = () => report(
      {
        search: ms(first.searchMs),
        graph: ms(first.graphMs),
        serverIngest: ms(first.ingestMs),
        saved: ms(first.savedMs),
        ...(later.length
          ? {
              laterSearch: ms(median(later.map((c) => c.searchMs))),
              laterGraph: ms(median(later.map((c) => c.graphMs))),
              laterServerIngest: ms(median(later.map((c) => c.ingestMs))),
            }
          : {}),
        meetings: count(before.counts.meetings),
      },
      { changes, initialIngestMs },
    );
  } finally {
    if (process.env.SHOW_SERVER_OUTPUT) process.stderr.write((server as unknown as { output: string }).output);
    await server.stop();
    rmSync(work, { recursive: true, force: true });
    if (neo4j) await emptyNeo4j(neo4j);
  }
  reportLater();
});

const NEW_WORDS = ['quarzel', 'vintrobex', 'zolbeckum', 'mextropia', 'yarnuvis', 'gristhold'];

/** The discussion rows of an answer, whether it is a list or an object holding one. */
function rowsOf(body: unknown): Array<{ heading: string }> {
  if (Array.isArray(body)) return body as Array<{ heading: string }>;
  const obj = body as Record<string, unknown> | null;
  for (const v of Object.values(obj ?? {})) if (Array.isArray(v)) return v as Array<{ heading: string }>;
  return [];
}
