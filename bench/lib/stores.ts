/**
 * An empty graph store of either kind for one benchmark operation, removed again afterwards: the
 * embedded store in a temporary data directory, or the benchmarks' Neo4j emptied before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import type { GraphStore } from '../../src/store/types.js';
import { benchNeo4jConfig, emptyNeo4j } from './neo4j.js';

export type BenchStoreKind = 'embedded' | 'neo4j';

export async function withEmptyStore<T>(kind: BenchStoreKind, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-store-'));
  let store: GraphStore;
  if (kind === 'neo4j') {
    const config = benchNeo4jConfig();
    await emptyNeo4j(config);
    store = await Neo4jStore.open(config);
  } else {
    store = await EmbeddedStore.open(dataDir);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
    if (kind === 'neo4j') await emptyNeo4j(benchNeo4jConfig());
    rmSync(dataDir, { recursive: true, force: true });
  }
}
