/**
 * Starting the server: ingest the notes folder, open the store, listen, and optionally watch the
 * folder. `meetgraph serve` and the tests both start it through `startServer`.
 */
import { answerClientErrorsInJson } from './client-errors.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { neo4jConfigFromEnv, type Neo4jConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { discardedSnapshotNotice } from '../store/discarded-snapshot.js';
import { createApp, type AppOptions } from './app.js';
import { ServerState, type ServerSources } from './state.js';
import { watchNotes, type NoteWatcher } from './watch-notes.js';

export interface ServerOptions extends ServerSources, AppOptions {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** Address to bind. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Re-ingest when a note changes. Default false. */
  watch?: boolean;
  /** Quiet time before a change is re-ingested, in milliseconds. Default 100. */
  watchDebounceMs?: number;
  /** Quiet time after a change before the search index file is saved, in milliseconds. Default 5,000. */
  indexSaveDelayMs?: number;
  /** Time after a re-ingest of the watcher's paths before the whole folder is looked at, in milliseconds. Default 2,000. */
  folderLookDelayMs?: number;
  /** The Neo4j server to use, or null for the embedded store. Default: from the environment (`NEO4J_URI`). */
  neo4j?: Neo4jConfig | null;
}

export interface RunningServer {
  /** `http://host:port` the server answers on. */
  url: string;
  state: ServerState;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const neo4j = options.neo4j === undefined ? neo4jConfigFromEnv() : options.neo4j;
  const state = new ServerState(
    {
      notesDir: options.notesDir,
      dataDir: options.dataDir,
      peopleFile: options.peopleFile,
      projectsFile: options.projectsFile,
      indexSaveDelayMs: options.indexSaveDelayMs,
      folderLookDelayMs: options.folderLookDelayMs,
    },
    {
      open: () =>
        openStore({
          dataDir: options.dataDir,
          neo4j,
          discardCorruptSnapshot: true,
          onDiscardCorruptSnapshot: (problem) => log(discardedSnapshotNotice(problem)),
          warmChanges: Boolean(options.watch),
        }),
      kind: neo4j ? 'neo4j' : 'embedded',
    },
    log,
  );
  let watcher: NoteWatcher | null = null;
  try {
    // An unreachable database does not stop the server: it retries in the background.
    await state.storeLink.connect();
    // The folder is watched before the first ingest reads it: a note saved while that ingest runs
    // (half a minute at 10,000 notes, and the first load into Neo4j as long again) is an event,
    // re-ingested once the first ingest is done, instead of missed until its next change.
    if (options.watch) {
      // Set before the first ingest: it reads it, to keep each note's facts for the changes to come.
      state.watching = true;
      watcher = await watchNotes({
        notesDir: options.notesDir,
        extraFiles: [options.peopleFile, options.projectsFile].filter((f): f is string => Boolean(f)),
        debounceMs: options.watchDebounceMs,
        onChange: async (paths) => {
          const result = await state.ingest(paths);
          const t = result.timings;
          const x = result.extraction;
          const notes = x ? (x.fullBecause ? `, every note extracted: ${x.fullBecause}` : `, ${x.extracted} changed notes extracted`) : '';
          log(
            `re-ingested ${result.graph.meetings.length} meetings in ${Math.round(t.totalMs)} ms ` +
              `(read ${Math.round(t.readMs)}, extract ${Math.round(t.extractMs)}, load ${Math.round(t.loadMs)}, index ${Math.round(t.indexMs)}${notes})`,
          );
        },
        log,
      });
    }
    const first = await state.ingest();
    if (options.watch) {
      // Started from the saved graph: nothing was extracted, so the first change would extract
      // every note. Extracting them now, in the background, spares that change the wait.
      if (first.reused) {
        state.fillMemo()?.then(
          (r) =>
            log(
              `extracted ${r.graph.meetings.length} meetings' notes again in ${Math.round(r.timings.totalMs)} ms ` +
                `(read ${Math.round(r.timings.readMs)}, extract ${Math.round(r.timings.extractMs)}), so that a change extracts only its note`,
            ),
          (err) => log(`notes not extracted again ahead of changes: ${(err as Error).message}`),
        );
      }
    }
  } catch (err) {
    await watcher?.close();
    await state.close();
    throw err;
  }

  const app = createApp(state, { ...options, log });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 3000;
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
      s.once('error', reject);
      answerClientErrorsInJson(s);
    });
  } catch (err) {
    await watcher?.close();
    await state.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ServerStartError(`port ${port} on ${host} is already in use; pick another with --port or PORT`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ServerStartError(`cannot listen on ${host}: no such address on this machine`);
    if (code === 'EACCES') throw new ServerStartError(`not allowed to listen on port ${port}`);
    throw err;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    state,
    server,
    async close() {
      state.watching = false;
      await watcher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await state.close();
    },
  };
}

/** A server that cannot start for a reason the user can fix; printed as one line. */
export class ServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
