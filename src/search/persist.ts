/**
 * The search index on disk: `<dataDir>/search-index.json`, written atomically.
 */
import { writeJsonFileStreaming } from '../json-file.js';
import path from 'node:path';
import { mkdir, open, readFile } from 'node:fs/promises';
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
 * Saves the index. `streaming` (a server, which saves while it answers) writes its text piece by
 * piece, made as it is written, so that the 80 MB of a 10k index do not hold the event loop; `signal`
 * abandons such a save (the file stays as it was, and the promise rejects with an AbortError).
 */
export async function saveSearchIndex(dataDir: string, index: SearchIndex, options: { streaming?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  await index.vacuum();
  options.signal?.throwIfAborted();
  await mkdir(dataDir, { recursive: true });
  if (options.streaming) await writeJsonFileStreaming(searchIndexPath(dataDir), index.toJsonText(), options.signal);
  else await writeFileAtomic(searchIndexPath(dataDir), JSON.stringify(index.toJSON()));
}

/**
 * Brings the saved index in line with the graph (incrementally, meeting by meeting) and saves it
 * with the graph's key (`SearchIndex.graphKey`); what an ingest calls after loading the store.
 * Gives back the index.
 */
export async function updateSearchIndexFile(dataDir: string, graph: MeetingGraph, graphKey: string | null = null): Promise<{ update: IndexUpdate; index: SearchIndex }> {
  const index = (await loadSearchIndex(dataDir).catch(() => null)) ?? SearchIndex.empty();
  const update = index.update(graph);
  index.graphKey = graphKey;
  await saveSearchIndex(dataDir, index);
  return { update, index };
}

/** Bytes read from the start of the index file for its key: its version and key come first. */
const KEY_PREFIX_BYTES = 256;
const KEY_PREFIX = /^\{"version":1,"graphKey":"([0-9a-f]{1,128})"/;

/**
 * The key of the graph the saved index is in line with (`SearchIndex.graphKey`), read from the
 * start of the file alone (the whole file is 80 MB at 10,000 meetings); null when there is no
 * file, or it has no key.
 */
export async function savedSearchIndexKey(dataDir: string): Promise<string | null> {
  let file;
  try {
    file = await open(searchIndexPath(dataDir), 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(KEY_PREFIX_BYTES), 0, KEY_PREFIX_BYTES, 0);
    return KEY_PREFIX.exec(buffer.toString('utf8', 0, bytesRead))?.[1] ?? null;
  } finally {
    await file.close();
  }
}
