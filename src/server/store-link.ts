/**
 * The server's hold on its graph store. Opening can fail (Neo4j not up yet) and a store can become
 * unreachable later; neither stops the server: queries answer 503 meanwhile, `/api/health` says
 * `degraded`, and opening is retried with a growing delay until it works.
 */
import { StoreError } from '../store/errors.js';
import type { GraphStore } from '../store/types.js';
import { HttpError } from './errors.js';

export type StoreState = 'ok' | 'degraded';

export interface StoreLinkOptions {
  /** Opens the store (`openStore` with the server's data directory). */
  open: () => Promise<GraphStore>;
  /** Called each time a store has been opened, before it answers queries (to load the graph into it). */
  onOpen?: (store: GraphStore) => Promise<void>;
  /** First retry delay; doubles up to `maxRetryMs`. Default 1 s. */
  retryMs?: number;
  /** Longest retry delay. Default 30 s. */
  maxRetryMs?: number;
  log?: (line: string) => void;
}

export class StoreLink {
  private store: GraphStore | null = null;
  private lastError: string | null = null;
  private healthy = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextDelay: number;
  private closed = false;
  private opening: Promise<boolean> | null = null;

  constructor(private readonly options: StoreLinkOptions) {
    this.nextDelay = options.retryMs ?? 1000;
  }

  /** The kind of the open store (`neo4j` or `embedded`); null while none is open. */
  get kind(): 'neo4j' | 'embedded' | null {
    return this.store?.kind ?? null;
  }

  get state(): StoreState {
    return this.store && this.healthy ? 'ok' : 'degraded';
  }

  get error(): string | null {
    return this.lastError;
  }

  /** The open store, or null while it is unavailable. */
  get current(): GraphStore | null {
    return this.store;
  }

  /** Tries to open the store once; on failure keeps retrying in the background. True when open. */
  async connect(): Promise<boolean> {
    if (this.store) return true;
    this.opening ??= this.tryOpen().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async tryOpen(): Promise<boolean> {
    try {
      const store = await this.options.open();
      if (this.closed) {
        await store.close().catch(() => undefined);
        return false;
      }
      await this.options.onOpen?.(store);
      this.store = store;
      this.healthy = true;
      this.lastError = null;
      this.nextDelay = this.options.retryMs ?? 1000;
      return true;
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.options.log?.(`graph store unavailable: ${this.lastError} (retrying in ${Math.round(this.nextDelay / 1000)} s)`);
      this.scheduleRetry();
      return false;
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    const delay = this.nextDelay;
    this.nextDelay = Math.min(delay * 2, this.options.maxRetryMs ?? 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  /**
   * Runs a query on the store. Without a store, or when the store turns out to be unreachable, the
   * request gets a 503 and the store is marked degraded until a query or probe succeeds again.
   */
  async use<T>(query: (store: GraphStore) => Promise<T>): Promise<T> {
    const store = this.store;
    if (!store) throw new HttpError(503, 'the graph database is unavailable; try again shortly');
    try {
      const result = await query(store);
      this.healthy = true;
      return result;
    } catch (err) {
      if (isUnavailable(err)) {
        this.healthy = false;
        this.lastError = (err as Error).message;
      }
      throw err;
    }
  }

  /** Checks the store answers (for `/api/health`), within `timeoutMs`. */
  async probe(timeoutMs = 5000): Promise<StoreState> {
    const store = this.store;
    if (!store) {
      void this.connect();
      return 'degraded';
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.stats(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new StoreError('the graph store did not answer in time', 'unreachable')), timeoutMs);
        }),
      ]);
      this.healthy = true;
      this.lastError = null;
    } catch (err) {
      this.healthy = false;
      this.lastError = err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
    }
    return this.state;
  }

  /** Marks the store unavailable after a failure outside `use` (an ingest that could not load it). */
  markUnavailable(err: unknown): void {
    this.healthy = false;
    this.lastError = err instanceof Error ? err.message : String(err);
  }

  /** Marks the store available again (it has just answered outside `use`). */
  markAvailable(): void {
    this.healthy = true;
    this.lastError = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.opening?.catch(() => undefined);
    const store = this.store;
    this.store = null;
    await store?.close().catch(() => undefined);
  }
}

/** A store failure that means "not reachable right now" rather than a bad query. */
export function isUnavailable(err: unknown): boolean {
  return err instanceof StoreError && (err.reason === 'unreachable' || err.reason === 'unauthorized');
}
