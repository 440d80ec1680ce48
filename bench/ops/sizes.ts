/**
 * What an ingest leaves on disk in the data directory, with the embedded store: the saved graph
 * (`graph.json`), the search index (`search-index.json`) and the store's snapshot
 * (`graph-store.json`), beside the size of the notes themselves.
 *
 *   node --import tsx bench/ops/sizes.ts --dataset corpus|10k
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIngest } from '../../src/ingest-run.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { Workspace } from '../../src/workspace.js';
import { dataset } from '../lib/datasets.js';
import { mb, opOptions, report, runOp } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions('sizes');
  const ds = dataset(opts.dataset);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-sizes-'));
  try {
    const store = await EmbeddedStore.open(dataDir);
    await runIngest({ notesDir: ds.notesDir, dataDir, peopleFile: ds.peopleFile, projectsFile: ds.projectsFile, store });
    await store.close();
    const workspace = new Workspace(dataDir);
    const size = (file: string) => statSync(file).size;
    report({
      notes: mb(folderBytes(ds.notesDir)),
      graphJson: mb(size(workspace.graphFile)),
      searchIndex: mb(size(workspace.searchIndexFile)),
      storeSnapshot: mb(size(workspace.storeFile)),
      dataDir: mb(folderBytes(dataDir)),
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
