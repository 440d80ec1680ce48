/**
 * Opening the graph store: Neo4j when it is configured, the embedded store otherwise.
 */
import { neo4jConfigFromEnv, type Neo4jConfig } from '../config.js';
import { EmbeddedStore } from './embedded.js';
import { Neo4jStore } from './neo4j.js';
import type { GraphStore } from './types.js';
import type { StoreError } from './errors.js';

export type { GraphStore } from './types.js';
export { StoreError, type StoreErrorReason } from './errors.js';

export interface OpenStoreOptions {
  /** Where the embedded store keeps `graph-store.json` (unused with Neo4j). */
  dataDir: string;
  /**
   * The Neo4j server to use; null for the embedded store. Default: `neo4jConfigFromEnv()` (Neo4j
   * when `NEO4J_URI` is set). When Neo4j is configured but cannot be used, opening fails with a
   * StoreError: it never falls back to the embedded store.
   */
  neo4j?: Neo4jConfig | null;
  /**
   * Embedded store only: start empty instead of failing when `graph-store.json` is corrupt
   * (for a caller that is about to load a whole graph). Default false.
   */
  discardCorruptSnapshot?: boolean;
  /** Embedded store only: told of a corrupt snapshot that was discarded (see `discardCorruptSnapshot`). */
  onDiscardCorruptSnapshot?: (problem: StoreError) => void;
  /** Neo4j only: the caller will load changes (`serve --watch`), so the store readies the server for them (`Neo4jStore.open`). */
  warmChanges?: boolean;
  /** Neo4j only: the caller only reads (`meetgraph ask`), so the store readies the server for no load (`Neo4jStore.open`). */
  readOnly?: boolean;
}

export async function openStore(options: OpenStoreOptions): Promise<GraphStore> {
  const neo4j = options.neo4j === undefined ? neo4jConfigFromEnv() : options.neo4j;
  if (neo4j) return Neo4jStore.open(neo4j, { warmChanges: options.warmChanges, readOnly: options.readOnly });
  return EmbeddedStore.open(options.dataDir, {
    discardCorruptSnapshot: options.discardCorruptSnapshot,
    onDiscardCorruptSnapshot: options.onDiscardCorruptSnapshot,
  });
}
