/**
 * The search index on disk: `<dataDir>/search-index.json`, written atomically.
 */
import { writeJsonFileStreaming } from '../json-file.js';
import path from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { MeetingGraph } from '../domain.js';
import { SearchIndex, type IndexUpdate } from './index.js';

export const SEARCH_INDEX_FILE = 'search-index.json';

export function searchIndexPath(dataDir: string): string {
  return path.join(dataDir, SEARCH_INDEX_FILE);
}

/** The saved index, or null when the data dir has none yet. */
export async function loadSearchIndex(dataDir: string): Promise<SearchIndex | null> {
  let text: string;
  try {
    text = await readFile(searchIndexPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return SearchIndex.loadJSON(text);
}

/**
 * Saves the index. `streaming` (a server, which saves while it answers) writes it piece by piece,
 * made as it is written, so that the 80 MB of a 10k index do not hold the event loop; `signal`
 * abandons such a save (the file stays as it was, and the promise rejects with an AbortError).
 */
export async function saveSearchIndex(dataDir: string, index: SearchIndex, options: { streaming?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  await index.vacuum();
  options.signal?.throwIfAborted();
  await mkdir(dataDir, { recursive: true });
  if (options.streaming) await writeJsonFileStreaming(searchIndexPath(dataDir), index.toStreamableJSON(), options.signal);
  else await writeFileAtomic(searchIndexPath(dataDir), JSON.stringify(index.toJSON()));
}

/**
 * Brings the saved index in line with the graph (incrementally, meeting by meeting) and saves it;
 * what an ingest calls after loading the store. Gives back the index, which a server keeps.
 */
export async function updateSearchIndexFile(dataDir: string, graph: MeetingGraph): Promise<{ update: IndexUpdate; index: SearchIndex }> {
  const index = (await loadSearchIndex(dataDir).catch(() => null)) ?? SearchIndex.empty();
  const update = index.update(graph);
  await saveSearchIndex(dataDir, index);
  return { update, index };
}
