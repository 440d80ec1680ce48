/**
 * What the server answers from: the last ingested graph (as a GraphView), its search index, the
 * graph store and the asker over it. An ingest builds a new view and index and swaps them in at
 * once, so requests never see half of one ingest and half of the next.
 */
import { ExtractionMemo } from '../../ingest/extraction-memo.js';
import { NoteReadCache, readNotesFolder } from '../../ingest/read.js';
import { Asker } from '../ask/ask.js';
import { emptyGraph, type MeetingGraph } from '../domain.js';
import { runIngest, type IngestRunResult } from '../ingest-run.js';
import { SearchIndex } from '../search/index.js';
import { loadSearchIndex, saveSearchIndex } from '../search/persist.js';
import type { GraphStore } from '../store/types.js';
import { HttpError } from './errors.js';
import { GraphView } from './graph-view.js';
import { sameGraphInSteps } from './same-graph.js';
import { isUnavailable, StoreLink } from './store-link.js';

/** The notes folder the server serves and where its data lives. */
export interface ServerSources {
  notesDir: string;
  dataDir: string;
  peopleFile?: string;
  projectsFile?: string;
  /** Quiet time after an ingest before the search index is saved (see INDEX_SAVE_DELAY_MS). */
  indexSaveDelayMs?: number;
  /** Time after an ingest by the watcher's paths before the whole folder is looked at (see FOLDER_LOOK_DELAY_MS). */
  folderLookDelayMs?: number;
}

/**
 * The search index file is saved this long after the last ingest that changed the index, so that
 * a burst of changes (a `git pull`, an editor saving every few seconds) saves it once. Saving
 * cannot be spread out like the graph's files: MiniSearch's `toJSON` takes the whole index at
 * once (about 3 s at 10,000 meetings).
 */
export const INDEX_SAVE_DELAY_MS = 5_000;

/**
 * After an ingest that read only the paths the file watcher reported, the whole folder is looked
 * at this long after (once changes pause), so that a change the watcher missed (a watch limit
 * reached, a folder on a network file system) is still ingested, a little later.
 */
export const FOLDER_LOOK_DELAY_MS = 2_000;

/** What `/api/health` reports of the ingests. */
export interface IngestStatus {
  /** When the last successful ingest finished (ISO time), null before the first. */
  finishedAt: string | null;
  /** How long it took, in milliseconds. */
  durationMs: number | null;
  /** True when nothing had changed and the saved graph was reused. */
  reused: boolean;
  /** Successful ingests since the server started. */
  count: number;
  /** The last failure's message (cleared by the next success). */
  error: string | null;
  /** Whether the last ingest's files (graph, manifest, the embedded store's snapshot) are written; they follow the swap. */
  saved: boolean;
}

/** The graph and index of one ingest, swapped in together. */
interface Loaded {
  view: GraphView;
  search: SearchIndex;
}

/** The index a server starts with; `updated` when it was brought in line with the graph, and so must be saved. */
interface FirstIndex {
  index: SearchIndex;
  updated: boolean;
}

export class ServerState {
  readonly sources: ServerSources;
  readonly storeLink: StoreLink;
  /** The store kind the configuration asks for (reported while it cannot be opened). */
  readonly configuredStoreKind: 'neo4j' | 'embedded';
  /** True while a file watcher re-ingests changed notes. */
  watching = false;
  private loaded: Loaded = { view: new GraphView(emptyGraph()), search: SearchIndex.empty() };
  private ingested = false;
  private asker: { store: GraphStore; view: GraphView; asker: Asker } | null = null;
  private status: IngestStatus = { finishedAt: null, durationMs: null, reused: false, count: 0, error: null, saved: false };
  /** The ingest (or look at the folder) under way; the next waits for it. */
  private running: Promise<unknown> | null = null;
  private queued: Promise<IngestRunResult> | null = null;
  private readonly log: (line: string) => void;
  /**
   * Each note's facts at the last ingest: a re-ingest after a change extracts only the changed
   * notes. Filled only while the folder is watched: otherwise no ingest follows the first, and at
   * 10,000 notes the facts held for nothing took about 0.5 GB.
   */
  private readonly memo = new ExtractionMemo();
  /**
   * What each note file held at the last ingest, by its `stat`: unchanged files are not read
   * again. Filled only while the folder is watched, like `memo` (the notes' text, 50 MB at 10,000 notes).
   */
  private readonly readCache = new NoteReadCache();
  /**
   * What the next ingest must read: the paths the file watcher reported since the last ingest
   * began reading, or the whole folder (at first, after a failure, or when a caller does not say).
   */
  private nextRead: Set<string> | 'whole' = 'whole';
  private folderLookTimer: NodeJS.Timeout | null = null;
  /** The files of the last ingest, written after its graph was swapped in; the next ingest waits for them. */
  private persisting: Promise<void> = Promise.resolve();
  private cancelLastPersist: () => void = () => undefined;
  private graphSaved = false;
  /** The search index's next save: whether the file is behind (`dirty`), waiting for quiet (`timer`), under way (`running`, abandoned with `abort`). */
  private indexSave: { dirty: boolean; timer: NodeJS.Timeout | null; running: Promise<void> | null; abort: AbortController | null } = {
    dirty: false,
    timer: null,
    running: null,
    abort: null,
  };
  private reloadTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    sources: ServerSources,
    store: { open: () => Promise<GraphStore>; kind: 'neo4j' | 'embedded' },
    log: (line: string) => void = () => undefined,
  ) {
    this.sources = sources;
    this.configuredStoreKind = store.kind;
    this.log = log;
    this.storeLink = new StoreLink({
      open: store.open,
      // A store opened after the first ingest (Neo4j came up late) gets the graph the server already has.
      onOpen: async (store) => {
        if (this.ingested) await store.load(this.loaded.view.graph);
      },
      log,
    });
  }

  get view(): GraphView {
    return this.loaded.view;
  }

  get search(): SearchIndex {
    return this.loaded.search;
  }

  get ingestStatus(): IngestStatus {
    const indexPending = this.indexSave.dirty || this.indexSave.running !== null;
    return { ...this.status, saved: this.graphSaved && !indexPending };
  }

  /** The asker over the current store and graph; 503 while the store is unavailable. */
  askerNow(): Asker {
    const store = this.storeLink.current;
    if (!store) throw new HttpError(503, 'the graph database is unavailable; try again shortly');
    const view = this.loaded.view;
    if (this.asker?.store !== store || this.asker.view !== view) {
      this.asker = { store, view, asker: new Asker(store, view.graph) };
    }
    return this.asker.asker;
  }

  /**
   * Ingests the notes folder and swaps in the new graph and index. Ingests run one at a time; a
   * call while one runs is queued behind it (several calls share the one queued run).
   * `changedPaths` are the files the watcher saw change: only those are read again, the other
   * notes are taken from the last read, and the whole folder is looked at later
   * (FOLDER_LOOK_DELAY_MS). Without them the whole folder is read now.
   */
  ingest(changedPaths?: readonly string[]): Promise<IngestRunResult> {
    if (!changedPaths) this.nextRead = 'whole';
    else if (this.nextRead !== 'whole') for (const p of changedPaths) this.nextRead.add(p);
    return this.ingestQueued({});
  }

  /**
   * After a start that reused the saved graph (no note extracted, so the memo is empty), extracts
   * every note again in the background so that the memo holds their facts: the first change then
   * extracts only its own note (at 10,000 notes, under a second instead of half a minute). Nothing
   * is swapped, loaded or written: when the graph extracted is the one served, the memo takes the
   * served graph as its own, and the store and index, which hold it, take the next change's hint;
   * otherwise (the saved graph is stale) that change compares every meeting, and the log says so.
   * Queued like any ingest; a change that comes meanwhile waits for it. Null when the folder is
   * not watched, the memo is already filled or an ingest is under way.
   */
  fillMemo(): Promise<IngestRunResult> | null {
    if (!this.watching || this.memo.filled || this.running) return null;
    return this.ingestQueued({ extractAgain: true });
  }

  private async fillMemoNow(): Promise<IngestRunResult> {
    // Waits for the last ingest's files (it holds the ingest lock until they are written) instead
    // of abandoning them as an ingest does: this run writes none of its own.
    await this.persisting;
    const served = this.loaded.view.graph;
    const result = await runIngest({ ...this.sources, extractAgain: true, indexedByCaller: true, memo: this.memo, readCache: this.readCache });
    if (await sameGraphInSteps(result.graph, served)) {
      this.memo.adoptGraph(served);
      // An index read from its file holds no graph to take a change's hint against: it compares
      // every meeting once (2–3 s at 10,000 meetings), now rather than at the first change.
      const search = this.loaded.search;
      const update = search.update(served);
      if (update.added + update.changed + update.removed > 0) {
        this.indexSave.dirty = true;
        if (!this.closed) this.scheduleIndexSave();
      }
      search.prepare().catch((err) => this.log(`search tables not prepared: ${(err as Error).message}`));
    } else this.log('the notes extracted again differ from the saved graph: the next change will compare every meeting');
    return result;
  }

  private ingestQueued(options: { extractAgain?: boolean }): Promise<IngestRunResult> {
    if (!this.running) return this.runNow(options.extractAgain ? () => this.fillMemoNow() : () => this.ingestOnce());
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.ingestQueued({});
      });
    return this.queued;
  }

  private runNow<T>(work: () => Promise<T>): Promise<T> {
    const run = work().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** Looks at the whole folder FOLDER_LOOK_DELAY_MS after the last ingest that read only the watcher's paths (see there). */
  private scheduleFolderLook(): void {
    if (this.folderLookTimer) clearTimeout(this.folderLookTimer);
    this.folderLookTimer = setTimeout(() => {
      this.folderLookTimer = null;
      if (this.closed) return;
      if (this.running) this.scheduleFolderLook();
      else this.runNow(() => this.lookAtFolder()).catch((err) => this.log(`re-ingest failed: ${(err as Error).message}`));
    }, this.sources.folderLookDelayMs ?? FOLDER_LOOK_DELAY_MS);
    this.folderLookTimer.unref();
  }

  /** Reads the whole folder; ingests it when that finds what the reads by the watcher's paths did not. */
  private async lookAtFolder(): Promise<void> {
    const before = this.readCache.signature();
    await readNotesFolder(this.sources.notesDir, { cache: this.readCache });
    if (this.readCache.signature() === before) return;
    this.log('the notes folder changed without the file watcher reporting it: ingesting it again');
    this.nextRead = 'whole';
    await this.ingestOnce();
  }

  private async ingestOnce(): Promise<IngestRunResult> {
    // The last ingest's files are still being written when changes come quickly (half a minute at
    // 10k): this ingest will write newer ones, so those writes are abandoned, and what they leave
    // behind is the older, consistent state (see `cancelPersist`). A search index save not yet
    // started waits for this ingest's end (so that a burst of changes saves once); one under way
    // is abandoned (it reads the index as it writes, and the update below changes it), leaving
    // the file as it was, and saved again after this ingest.
    this.cancelLastPersist();
    await this.persisting;
    if (this.indexSave.timer) clearTimeout(this.indexSave.timer);
    this.indexSave.timer = null;
    this.indexSave.abort?.abort();
    await this.indexSave.running;
    try {
      return await this.ingestAndSwap();
    } finally {
      if (this.indexSave.dirty && !this.closed) this.scheduleIndexSave();
    }
  }

  private async ingestAndSwap(): Promise<IngestRunResult> {
    const started = performance.now();
    const store = this.storeLink.current;
    let result: IngestRunResult;
    const read = this.nextRead;
    this.nextRead = new Set();
    const changedPaths = read === 'whole' ? undefined : [...read];
    // The memo and the read cache serve the ingests of changes: without a watcher no ingest follows
    // the first. (The read cache also serves a caller that names changed paths itself.)
    const memo = this.watching ? this.memo : undefined;
    const readCache = this.watching || changedPaths ? this.readCache : undefined;
    // The first index is built beside a database's load, which is mostly waiting for the database:
    // the index's ten seconds at 10,000 meetings run in slices meanwhile. The embedded store's
    // load is work on this thread: beside it, the first start took as long and its peak memory
    // rose by some 50 MB, so the index waits for it.
    let firstIndex: Promise<FirstIndex> | null = null;
    const besideLoad = this.ingested || store?.kind !== 'neo4j'
      ? undefined
      : (graph: MeetingGraph, inputsKey: string) => (firstIndex = this.firstSearchIndex(graph, inputsKey)).then(() => undefined);
    const options = { ...this.sources, indexedByCaller: true, memo, readCache, changedPaths, persistAfter: true, warmQueries: true, besideLoad };
    try {
      try {
        result = await runIngest({ ...options, store: store ?? undefined });
      } catch (err) {
        if (!store || !isUnavailable(err)) throw err;
        // The database went away: keep serving search and pages from the new graph meanwhile.
        this.storeLink.markUnavailable(err);
        this.log(`graph store unavailable during ingest: ${(err as Error).message}`);
        result = await runIngest(options);
        this.scheduleReload();
      }
    } catch (err) {
      // What was read is not known to have been: the next ingest reads the whole folder.
      this.nextRead = 'whole';
      this.status = { ...this.status, error: err instanceof Error ? err.message : String(err) };
      throw err;
    }
    if (changedPaths) this.scheduleFolderLook();
    let search = this.loaded.search;
    if (!this.ingested) {
      // The file is saved in the background like a change's, streamed, after the first answer:
      // saved before it, at 10,000 meetings the first answer came 11–18 s later, and the whole
      // text of the index was in memory at once.
      const first = await (firstIndex ?? this.firstSearchIndex(result.graph, result.inputsKey));
      search = first.index;
      if (first.updated) this.indexSave.dirty = true;
    } else if (!result.reused) {
      // Updated in place, meeting by meeting, and the view swapped right after. A change's few
      // meetings fit in one slice, in the same tick as the swap: no request runs in between. A
      // changed registry can touch most meetings, and indexing all 10,000 again takes about ten
      // seconds, in which no request would be answered; in slices, a search meanwhile sees some
      // meetings updated and the others not yet. The file is saved later, off the path of the change.
      await search.updateInSlices(result.graph, result.changes);
      search.graphKey = result.inputsKey;
      this.indexSave.dirty = true;
    }
    this.loaded = { view: new GraphView(result.graph), search };
    this.ingested = true;
    // Phrase and operator tables are made in the background, not by the first query that needs them.
    search.prepare().catch((err) => this.log(`search tables not prepared: ${(err as Error).message}`));
    const count = this.status.count + 1;
    this.status = {
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      reused: result.reused,
      count,
      error: null,
      saved: false,
    };
    this.graphSaved = false;
    this.cancelLastPersist = result.cancelPersist;
    this.persisting = result.persisted.then(
      () => {
        if (this.status.count === count) this.graphSaved = true;
      },
      (err) => {
        if ((err as Error).name !== 'AbortError') this.log(`the ingested graph was not saved: ${(err as Error).message}`);
      },
    );
    return result;
  }

  /**
   * The saved index when it is in line with this graph (a restart over saved data), else that
   * index (or a new one) brought in line with it, a slice at a time: beside a database's load
   * (`besideLoad`), the load's own work on this thread goes on between slices. Nothing reads the
   * index before the swap.
   */
  private async firstSearchIndex(graph: MeetingGraph, inputsKey: string): Promise<FirstIndex> {
    const index = (await loadSearchIndex(this.sources.dataDir).catch(() => null)) ?? SearchIndex.empty();
    if (index.graphKey === inputsKey) return { index, updated: false };
    await index.updateInSlices(graph);
    index.graphKey = inputsKey;
    return { index, updated: true };
  }

  /** Saves the search index after INDEX_SAVE_DELAY_MS of quiet (or at once from `close`). */
  private scheduleIndexSave(delayMs = this.sources.indexSaveDelayMs ?? INDEX_SAVE_DELAY_MS): void {
    if (this.indexSave.timer) clearTimeout(this.indexSave.timer);
    this.indexSave.timer = setTimeout(() => this.saveIndexNow(), delayMs);
  }

  private saveIndexNow(): Promise<void> {
    if (this.indexSave.timer) clearTimeout(this.indexSave.timer);
    this.indexSave.timer = null;
    this.indexSave.dirty = false;
    const abort = new AbortController();
    // After the ingest's own files (graph, manifest, the store's snapshot), not beside them: each
    // stream holds what it is making, and at 10,000 meetings all three are hundreds of MB.
    const running = this.persisting
      .then(() => saveSearchIndex(this.sources.dataDir, this.loaded.search, { streaming: true, signal: abort.signal }))
      .catch((err) => {
        // Tried again after the next ingest, or on close.
        this.indexSave.dirty = true;
        if ((err as Error).name !== 'AbortError') this.log(`search index not saved: ${(err as Error).message}`);
      })
      .finally(() => {
        if (this.indexSave.running === running) {
          this.indexSave.running = null;
          this.indexSave.abort = null;
        }
      });
    this.indexSave.running = running;
    this.indexSave.abort = abort;
    return running;
  }

  /**
   * Loads the current graph into the store once it answers again (an ingest could not), retrying
   * with a growing delay.
   */
  private scheduleReload(delayMs = 2000): void {
    if (this.reloadTimer || this.closed) return;
    this.reloadTimer = setTimeout(async () => {
      this.reloadTimer = null;
      const store = this.storeLink.current;
      if (!store || this.closed) return;
      try {
        await store.load(this.loaded.view.graph);
        this.storeLink.markAvailable();
      } catch (err) {
        if (isUnavailable(err)) this.scheduleReload(Math.min(delayMs * 2, 30_000));
        else this.log(`reloading the graph store failed: ${(err as Error).message}`);
      }
    }, delayMs);
    this.reloadTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
    if (this.folderLookTimer) clearTimeout(this.folderLookTimer);
    this.folderLookTimer = null;
    await this.running?.catch(() => undefined);
    await this.queued?.catch(() => undefined);
    await this.persisting;
    await this.indexSave.running;
    if (this.indexSave.dirty) await this.saveIndexNow();
    await this.storeLink.close();
  }
}
