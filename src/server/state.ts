/**
 * What the server answers from: the last ingested graph (as a GraphView), its search index, the
 * graph store and the asker over it. An ingest builds a new view and index and swaps them in at
 * once, so requests never see half of one ingest and half of the next.
 */
import { ExtractionMemo } from '../../ingest/extraction-memo.js';
import { Asker } from '../ask/ask.js';
import { emptyGraph } from '../domain.js';
import { runIngest, type IngestRunResult } from '../ingest-run.js';
import { SearchIndex } from '../search/index.js';
import { loadSearchIndex, saveSearchIndex } from '../search/persist.js';
import type { GraphStore } from '../store/types.js';
import { HttpError } from './errors.js';
import { GraphView } from './graph-view.js';
import { isUnavailable, StoreLink } from './store-link.js';

/** The notes folder the server serves and where its data lives. */
export interface ServerSources {
  notesDir: string;
  dataDir: string;
  peopleFile?: string;
  projectsFile?: string;
}

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
  private running: Promise<IngestRunResult> | null = null;
  private queued: Promise<IngestRunResult> | null = null;
  private readonly log: (line: string) => void;
  /** Each note's facts at the last ingest: a re-ingest after a change extracts only the changed notes. */
  private readonly memo = new ExtractionMemo();
  /** The files of the last ingest, written after its graph was swapped in; the next ingest waits for them. */
  private persisting: Promise<void> = Promise.resolve();
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
    return { ...this.status };
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
   */
  ingest(): Promise<IngestRunResult> {
    if (!this.running) {
      this.running = this.ingestOnce().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.ingest();
      });
    return this.queued;
  }

  private async ingestOnce(): Promise<IngestRunResult> {
    // The last ingest's files are written first: both would write the same files.
    await this.persisting;
    const started = performance.now();
    const store = this.storeLink.current;
    // After the first ingest the live index is updated here, in place, not read back from disk.
    const indexedByCaller = this.ingested;
    let result: IngestRunResult;
    const options = { ...this.sources, indexedByCaller, memo: this.memo, persistAfter: true };
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
      this.status = { ...this.status, error: err instanceof Error ? err.message : String(err) };
      throw err;
    }
    let search = this.loaded.search;
    let indexSaved: Promise<void> = Promise.resolve();
    if (!this.ingested) {
      search = (await loadSearchIndex(this.sources.dataDir).catch(() => null)) ?? SearchIndex.build(result.graph);
    } else if (!result.reused) {
      // Updated in place, meeting by meeting, in the same tick as the view swap below: no request
      // runs in between. The file is saved afterwards, off the path of the change (and before the
      // next update, which waits for `persisting`).
      search.update(result.graph);
      indexSaved = saveSearchIndex(this.sources.dataDir, search, { streaming: true }).catch((err) => this.log(`search index not saved: ${(err as Error).message}`));
    }
    this.loaded = { view: new GraphView(result.graph), search };
    this.ingested = true;
    const count = this.status.count + 1;
    this.status = {
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      reused: result.reused,
      count,
      error: null,
      saved: false,
    };
    this.persisting = Promise.all([result.persisted, indexSaved]).then(
      () => {
        if (this.status.count === count) this.status = { ...this.status, saved: true };
      },
      (err) => this.log(`the ingested graph was not saved: ${(err as Error).message}`),
    );
    return result;
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
    await this.running?.catch(() => undefined);
    await this.queued?.catch(() => undefined);
    await this.persisting;
    await this.storeLink.close();
  }
}
