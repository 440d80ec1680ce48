/**
 * `<dataDir>/graph-store.index.json`, beside the embedded store's snapshot: what the snapshot
 * holds, in the terms a load compares (each meeting's state, a hash of everything else), and
 * which file it describes (its size, modification time and inode as it was written).
 *
 * Why: a store opened to take a load (ingest, the server's start) compared the new graph with
 * the snapshot, which it read whole first. At 10,000 meetings that is 250 MB of JSON: about 9 s
 * to read, check and cut into parts, and a second copy of the graph in memory beside the one the
 * server serves (380 MB). With this file, a store opened over a snapshot that nothing changed
 * since plans the load from it and reads the snapshot only if a query comes first.
 *
 * It is only a shortcut: a file that is missing, unreadable, of another shape, or written for
 * another snapshot (one replaced after it, or garbled in place) is ignored, and the store reads
 * the snapshot as it did without it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { StoredMeetingState } from './load-plan.js';

export const SNAPSHOT_INDEX_FILE_NAME = 'graph-store.index.json';
const FORMAT = 'meetgraph-graph-store-index';
const VERSION = 1;

/** What the snapshot holds, as `planLoad` and the store's head comparison read it. */
export interface SnapshotIndex {
  meetings: Map<string, StoredMeetingState>;
  /** `hashText` of the snapshot's head (everything but its meetings; see `EmbeddedStore`). */
  headHash: string;
}

const stampSchema = z.object({ size: z.number(), mtimeMs: z.number(), ino: z.number() });
type SnapshotStamp = z.infer<typeof stampSchema>;
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  snapshot: stampSchema,
  headHash: z.string(),
  /** `[id, contentHash, fingerprint]` per meeting. */
  meetings: z.array(z.tuple([z.string(), z.string(), z.string()])),
});

export function snapshotIndexPath(snapshotFile: string): string {
  return path.join(path.dirname(snapshotFile), SNAPSHOT_INDEX_FILE_NAME);
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function stampOf(file: string): Promise<SnapshotStamp | null> {
  try {
    const s = await stat(file);
    // Whole milliseconds: what every file system and `utimes` keep alike.
    return { size: s.size, mtimeMs: Math.trunc(s.mtimeMs), ino: s.ino };
  } catch {
    return null;
  }
}

/** The index of `snapshotFile` as the file is now; null when there is none that describes it. */
export async function readSnapshotIndex(snapshotFile: string): Promise<SnapshotIndex | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(snapshotIndexPath(snapshotFile), 'utf8'));
  } catch {
    return null;
  }
  const parsed = fileSchema.safeParse(data);
  const now = await stampOf(snapshotFile);
  if (!parsed.success || !now) return null;
  const { snapshot, headHash, meetings } = parsed.data;
  if (snapshot.size !== now.size || snapshot.mtimeMs !== now.mtimeMs || snapshot.ino !== now.ino) return null;
  return { headHash, meetings: new Map(meetings.map(([id, contentHash, fingerprint]) => [id, { contentHash, fingerprint }])) };
}

/**
 * Writes the index of `snapshotFile` as it is now on disk, which must hold `index` (the store
 * calls this right after writing it, or after finding it current). The ingest lock keeps other
 * writers out meanwhile. Errors are the caller's to ignore: without the file the store reads
 * the snapshot, as it always could.
 */
export async function writeSnapshotIndex(snapshotFile: string, index: SnapshotIndex): Promise<void> {
  const snapshot = await stampOf(snapshotFile);
  if (!snapshot) return;
  const meetings = [...index.meetings].map(([id, s]) => [id, s.contentHash, s.fingerprint]);
  await writeFileAtomic(snapshotIndexPath(snapshotFile), JSON.stringify({ format: FORMAT, version: VERSION, snapshot, headHash: index.headHash, meetings }));
}
