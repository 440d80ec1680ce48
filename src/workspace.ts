/**
 * The data directory (`--data`, `MEETGRAPH_DATA`, default `.meetgraph/`): the last ingest's graph
 * and manifest, the embedded store's snapshot and the search index. Writes are atomic
 * (write-then-rename) and one ingest at a time holds the lock.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import lockfile from 'proper-lockfile';
import type { MeetingGraph } from './domain.js';
import { writeJsonFileStreaming } from './json-file.js';
import { hashBytes } from '../ingest/read.js';

/** What the last ingest read: enough to tell that nothing changed without parsing anything. */
export interface IngestManifest {
  notesDir: string;
  /** source → content hash of every note read. */
  notes: Record<string, string>;
  /** Content hashes of the registry files used (null when none). */
  peopleHash: string | null;
  projectsHash: string | null;
  /** Version of the extraction code: a new version re-extracts everything. */
  extractorVersion: number;
  finishedAt: string;
}

/**
 * What names the graph of an ingest: a hash of its inputs (the manifest without its time). Equal
 * keys mean the same notes, registries and extraction, hence the same graph. The search index
 * file carries the key of the graph it is in line with, since it is saved apart from the graph.
 */
export function ingestInputsKey(manifest: IngestManifest): string {
  const { finishedAt: _time, ...inputs } = manifest;
  return hashBytes(JSON.stringify(inputs));
}

export class Workspace {
  constructor(readonly dir: string) {}

  get graphFile(): string {
    return path.join(this.dir, 'graph.json');
  }
  get manifestFile(): string {
    return path.join(this.dir, 'manifest.json');
  }
  get storeFile(): string {
    return path.join(this.dir, 'graph-store.json');
  }
  get searchIndexFile(): string {
    return path.join(this.dir, 'search-index.json');
  }

  ensure(): void {
    mkdirSync(this.dir, { recursive: true });
  }

  readGraph(): MeetingGraph | null {
    return readJson<MeetingGraph>(this.graphFile);
  }

  readManifest(): IngestManifest | null {
    return readJson<IngestManifest>(this.manifestFile);
  }

  /**
   * Writes the graph, then the manifest that vouches for it. `streaming` keeps the event loop
   * free meanwhile (a server), and its `signal` abandons the write before the manifest.
   */
  async writeGraph(graph: MeetingGraph, manifest: IngestManifest, streaming: { signal?: AbortSignal } | false = false): Promise<void> {
    this.ensure();
    if (streaming) await writeJsonFileStreaming(this.graphFile, graph, streaming.signal);
    else await writeFileAtomic(this.graphFile, JSON.stringify(graph));
    if (streaming) streaming.signal?.throwIfAborted();
    await writeFileAtomic(this.manifestFile, JSON.stringify(manifest, null, 1));
  }

  /**
   * Holds the ingest lock while `fn` runs. A second ingest against the same data directory waits
   * up to `waitMs`, then refuses with a clear message. A lock left by a killed process goes stale
   * and is taken over.
   */
  async withIngestLock<T>(fn: () => Promise<T>, waitMs = 30_000): Promise<T> {
    const release = await this.lockIngest(waitMs);
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  /**
   * Removes what writes cut short left behind: the temporary files that atomic writes rename over
   * the data files (about 250 MB each at 10,000 meetings), once they are older than any write
   * takes, so that a write still under way (a server saving its search index) keeps its own.
   */
  removeStaleTemporaryFiles(now = Date.now()): string[] {
    const removed: string[] = [];
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return removed;
    }
    for (const name of names) {
      if (!STALE_TEMPORARY.test(name)) continue;
      const file = path.join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs < STALE_AFTER_MS) continue;
        rmSync(file, { force: true });
        removed.push(name);
      } catch {
        // gone already, or not ours to remove: left alone
      }
    }
    return removed;
  }

  /** Takes the ingest lock (see `withIngestLock`); the function returned releases it. */
  async lockIngest(waitMs = 30_000): Promise<() => Promise<void>> {
    this.ensure();
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.dir, {
        lockfilePath: path.join(this.dir, 'ingest.lock'),
        stale: 15_000,
        update: 5_000,
        retries: { retries: Math.max(0, Math.ceil(waitMs / 500)), minTimeout: 500, maxTimeout: 500, factor: 1 },
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new WorkspaceError(`another ingest is running on ${this.dir}; try again when it has finished`);
      }
      throw err;
    }
    return () => release().catch(() => undefined);
  }
}

/** `<data file>.<suffix>`: the temporary names of `write-file-atomic` and `writeJsonFileStreaming`. */
const STALE_TEMPORARY = /^(?:graph|graph-store|manifest|search-index)\.json\.[0-9a-f]+(?:\.[0-9a-f]+)?$/;
/** Far longer than the longest write measured (about 30 s for 250 MB while serving). */
const STALE_AFTER_MS = 10 * 60_000;

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
