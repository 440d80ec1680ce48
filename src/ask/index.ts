/**
 * Plain-English history questions over the graph store. `openAsker` opens the store of a data
 * directory and fails with a clear message when nothing was ingested yet.
 */
import { UserError } from '../cli.js';
import { openStore, type GraphStore } from '../store/index.js';
import { Asker } from './ask.js';

export { Asker } from './ask.js';
export type * from './types.js';

/** An asker over the data directory's store; `close()` closes the store. */
export async function openAsker(dataDir: string): Promise<{ asker: Asker; store: GraphStore; close: () => Promise<void> }> {
  const store = await openStore({ dataDir, readOnly: true });
  try {
    const graph = await store.snapshot();
    if (!graph.meetings.length) {
      throw new UserError(`the graph store of ${dataDir} is empty: run \`meetgraph ingest <dir>\` first`);
    }
    return { asker: new Asker(store, graph), store, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}
