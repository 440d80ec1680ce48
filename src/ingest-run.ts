/**
 * One ingest of a notes folder into a data directory: read the notes, extract the graph (or reuse
 * the last one when no note, registry or extractor changed), save it, load it into the graph store
 * and update the search index. The CLI, the server and the file watcher all ingest through here.
 */
import type { GraphChanges, MeetingGraph } from './domain.js';
import { readNotesFolder, type NoteReadCache } from '../ingest/read.js';
import { ingestNotesAsync } from '../ingest/index.js';
import { parseRegistryAgain, readRegistryText } from '../ingest/registry.js';
import { hashBytes } from '../ingest/read.js';
import type { ExtractionMemo, MemoRun } from '../ingest/extraction-memo.js';
import { ingestInputsKey, Workspace, type IngestManifest } from './workspace.js';
import { WRITE_AFTER_ANSWER_MS, type GraphStore, type LoadResult } from './store/types.js';
import { savedSearchIndexKey, updateSearchIndexFile } from './search/persist.js';
import type { SearchIndex } from './search/index.js';

/** Bumped whenever extraction changes, so that an old graph.json is never reused. */
export const EXTRACTOR_VERSION = 4;

export interface IngestRunOptions {
  notesDir: string;
  dataDir: string;
  peopleFile?: string;
  projectsFile?: string;
  /** The store to load into; when omitted the graph is only extracted and saved. */
  store?: GraphStore;
  onProgress?: (done: number, total: number, source: string) => void;
  /** Worker threads for parse and extraction (see `IngestOptions.workers`; default: by folder size). */
  workers?: number;
  /**
   * The caller keeps the search index in memory (the server) and updates and saves it itself,
   * in the same tick as it swaps in the new graph; the saved index is then left alone here.
   */
  indexedByCaller?: boolean;
  /** Kept by a caller that ingests the same folder again and again (the server): see `ExtractionMemo`. */
  memo?: ExtractionMemo;
  /** Kept by the same kind of caller: unchanged files are not read again (see `NoteReadCache`). */
  readCache?: NoteReadCache;
  /** With `readCache`: the files that may have changed since its last read (see `ReadOptions.changedPaths`). */
  changedPaths?: readonly string[];
  /** The caller answers queries from the store right after (see `LoadOptions.warmQueries`). */
  warmQueries?: boolean;
  /**
   * Work on the new graph that can run beside the store's load (the server builds its first
   * search index there, while a database loads): started once the graph is extracted, before
   * the load. The ingest answers only once it has settled, and fails if it fails.
   */
  besideLoad?: (graph: MeetingGraph, inputsKey: string) => Promise<void>;
  /**
   * Answer once the store holds the new graph and write the files (graph, manifest, the store's
   * snapshot) afterwards; `persisted` in the result settles when they are written, and the ingest
   * lock is held until then. For a server, which swaps the new graph in first: at 10,000 notes
   * the files are about 500 MB. Whatever is on disk when the process dies mid-way is an older,
   * consistent state that the next ingest brings up to date (the manifest is written last).
   */
  persistAfter?: boolean;
  /**
   * Extract every note even when the saved graph is current (nothing changed since it was
   * saved), to fill `memo`: a server that started from the saved graph then extracts only the
   * changed note at the first change. The saved graph is not written again (it is that graph).
   */
  extractAgain?: boolean;
}

export interface IngestRunResult {
  graph: MeetingGraph;
  /** True when nothing changed since the last ingest and the saved graph was reused. */
  reused: boolean;
  /** The key of this ingest's inputs (`ingestInputsKey`), which names its graph. */
  inputsKey: string;
  load: LoadResult | null;
  /** With a memo, how many notes were extracted again and how many reused (null when the saved graph was reused). */
  extraction: MemoRun | null;
  /** With a memo, how the graph differs from the one the last ingest with that memo gave (see `GraphChanges`). */
  changes: GraphChanges | null;
  timings: { readMs: number; extractMs: number; loadMs: number; indexMs: number; totalMs: number };
  /** The search index this ingest brought in line with the graph and saved (null when the caller keeps its own, or the saved one was current). */
  search: SearchIndex | null;
  /** Settles when the files of this ingest are written (at once unless `persistAfter`). */
  persisted: Promise<void>;
  /**
   * With `persistAfter`: abandons the writes still to come, because a newer ingest will write
   * its own. The files stay as the last finished ingest left them (the manifest is written last)
   * and `persisted` rejects with an AbortError.
   */
  cancelPersist: () => void;
}

export async function runIngest(options: IngestRunOptions): Promise<IngestRunResult> {
  const workspace = new Workspace(options.dataDir);
  const release = await workspace.lockIngest();
  workspace.removeStaleTemporaryFiles();
  let result: IngestRunResult;
  try {
    result = await ingestLocked(workspace, options);
  } catch (err) {
    await release();
    throw err;
  }
  // Marked as handled: a caller that persists later may look at it only when it next ingests.
  result.persisted = result.persisted.finally(release);
  result.persisted.catch(() => undefined);
  if (!options.persistAfter) await result.persisted;
  return result;
}

async function ingestLocked(workspace: Workspace, options: IngestRunOptions): Promise<IngestRunResult> {
  const t0 = performance.now();
  // Registries are hashed first and parsed only when the notes must be ingested again: parsing
  // them was most of the cost of an ingest that finds nothing changed.
  const peopleText = options.peopleFile ? readRegistryText(options.peopleFile) : null;
  const projectsText = options.projectsFile ? readRegistryText(options.projectsFile) : null;
  const { notes, warnings } = await readNotesFolder(options.notesDir, { cache: options.readCache, changedPaths: options.changedPaths });
  const t1 = performance.now();

  const manifest: IngestManifest = {
    notesDir: options.notesDir,
    notes: Object.fromEntries(notes.map((n) => [n.source, n.contentHash])),
    peopleHash: peopleText === null ? null : hashBytes(peopleText),
    projectsHash: projectsText === null ? null : hashBytes(projectsText),
    extractorVersion: EXTRACTOR_VERSION,
    finishedAt: new Date().toISOString(),
  };
  const inputsKey = ingestInputsKey(manifest);
  const previous = workspace.readManifest();
  const savedIsCurrent = previous !== null && sameInputs(previous, manifest);
  const previousGraph = savedIsCurrent && !options.extractAgain ? workspace.readGraph() : null;
  const reused = previousGraph !== null;
  const graph =
    previousGraph ??
    (await ingestNotesAsync(notes, {
      people: peopleText === null ? null : parseRegistryAgain(peopleText, options.peopleFile!),
      projects: projectsText === null ? null : parseRegistryAgain(projectsText, options.projectsFile!),
      readWarnings: warnings,
      onProgress: options.onProgress,
      workers: options.workers,
      memo: options.memo,
    }));
  if (reused) options.onProgress?.(notes.length, notes.length, '');
  const changes = reused ? null : (options.memo?.lastChanges ?? null);
  const t2 = performance.now();
  const abort = new AbortController();
  const writeGraph = async () => {
    if (!reused && !(options.extractAgain && savedIsCurrent)) await workspace.writeGraph(graph, manifest, options.persistAfter ? { signal: abort.signal } : false);
  };
  if (!options.persistAfter) await writeGraph();

  let load: LoadResult | null = null;
  let search: SearchIndex | null = null;
  // A turn of the event loop between the assembly and the load, each one stretch of work on this
  // thread: after a whole re-extraction at 10,000 notes, 4.6 s and 3.4 s (embedded store) that
  // held a serving process's requests as one.
  if (options.persistAfter) await new Promise((resolve) => setImmediate(resolve));
  const beside = options.besideLoad?.(graph, inputsKey);
  // Marked as handled: it may fail while the load is under way, and is awaited after it.
  beside?.catch(() => undefined);
  try {
    if (options.store) load = await options.store.load(graph, { persistLater: options.persistAfter, signal: abort.signal, changes, warmQueries: options.warmQueries });
  } catch (err) {
    // Nothing of this ingest goes on after it has failed.
    await beside?.catch(() => undefined);
    throw err;
  }
  const t3 = performance.now();
  await beside;
  if (options.indexedByCaller) {
    // nothing to do: see the option
  } else if (!reused || (await savedSearchIndexKey(options.dataDir)) !== inputsKey) {
    search = (await updateSearchIndexFile(options.dataDir, graph, inputsKey)).index;
  }
  const t4 = performance.now();
  const store = options.store;
  return {
    graph,
    reused,
    inputsKey,
    load,
    extraction: reused ? null : (options.memo?.lastRun ?? null),
    changes,
    search,
    timings: { readMs: t1 - t0, extractMs: t2 - t1, loadMs: t3 - t2, indexMs: t4 - t3, totalMs: t4 - t0 },
    persisted: options.persistAfter ? (async () => {
      await store?.persisted();
      // A store that writes no file of its own (a database) answers `persisted` at once: the
      // graph's file then waits as the embedded store's does (see WRITE_AFTER_ANSWER_MS). At
      // 10,000 meetings on Neo4j, its first chunks held the requests right after a change.
      await new Promise((resolve) => setTimeout(resolve, WRITE_AFTER_ANSWER_MS));
      await writeGraph();
    })() : Promise.resolve(),
    cancelPersist: () => abort.abort(),
  };
}

function sameInputs(a: IngestManifest, b: IngestManifest): boolean {
  if (a.extractorVersion !== b.extractorVersion || a.peopleHash !== b.peopleHash || a.projectsHash !== b.projectsHash) return false;
  if (a.notesDir !== b.notesDir) return false;
  const ka = Object.keys(a.notes);
  const kb = Object.keys(b.notes);
  return ka.length === kb.length && kb.every((k) => a.notes[k] === b.notes[k]);
}
