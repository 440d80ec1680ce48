/**
 * How soon a changed note shows in search and in the graph: `meetgraph serve --watch` over a copy
 * of the folder (embedded store), then one note gets a new discussion item; timed from the write
 * until `/api/search` finds its new word and until `/api/discussions` (a store query) lists the
 * new item. The server's own ingest time for the change (`/api/health`) is reported beside, and
 * when its files were written (they follow the swap).
 *
 *   node --import tsx bench/ops/change-note.ts --dataset corpus|10k
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listNoteFiles } from '../../ingest/read.js';
import { dataset } from '../lib/datasets.js';
import { count, ms, opOptions, report, runOp } from '../lib/op.js';
import { ServerProcess } from '../lib/server.js';

interface Health {
  counts: { meetings: number };
  lastIngest: { count: number; durationMs: number | null; reused: boolean; saved: boolean };
}

runOp(import.meta.url, async () => {
  const opts = opOptions('change-note');
  const ds = dataset(opts.dataset);
  const work = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-change-'));
  const notesDir = path.join(work, 'notes');
  cpSync(ds.notesDir, notesDir, { recursive: true });
  const server = await ServerProcess.start({ notesDir, dataDir: path.join(work, 'data'), peopleFile: ds.peopleFile, projectsFile: ds.projectsFile, watch: true });
  try {
    // The change is made on a settled server: the first ingest's files are written after its swap.
    const before = await server.poll<Health>('/api/health', (status, body) => status === 200 && body?.lastIngest.saved === true, 900_000, 50);
    const notes = await listNoteFiles(notesDir);
    const file = notes[Math.floor(notes.length / 2)];
    const meetingId = file.replace(/\.(md|markdown)$/i, '');
    const word = `quarzel${process.pid}`;

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
    await server.poll<Health>('/api/health', (status, body) => status === 200 && body?.lastIngest.saved === true, 900_000, 50);
    const savedMs = performance.now() - start;
    report(
      {
        search: ms(searchMs),
        graph: ms(graphMs),
        serverIngest: ms(after.lastIngest.durationMs ?? NaN),
        saved: ms(savedMs),
        meetings: count(before.counts.meetings),
      },
      { file, initialIngestMs: before.lastIngest.durationMs },
    );
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

/** The discussion rows of an answer, whether it is a list or an object holding one. */
function rowsOf(body: unknown): Array<{ heading: string }> {
  if (Array.isArray(body)) return body as Array<{ heading: string }>;
  const obj = body as Record<string, unknown> | null;
  for (const v of Object.values(obj ?? {})) if (Array.isArray(v)) return v as Array<{ heading: string }>;
  return [];
}
