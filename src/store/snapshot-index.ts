/**
 * `<dataDir>/graph-store.index.json`, beside the embedded store's snapshot: what the snapshot
 * holds, in the terms a load compares (each meeting's state, a hash of everything else), and
 * which file it describes (its size and the sha256 of its bytes).
 *
 * Why: a store opened to take a load (ingest, the server's start) compared the new graph with
 * the snapshot, which it read whole first. At 10,000 meetings that is 250 MB of JSON: about 9 s
 * to read, check and cut into parts, and a second copy of the graph in memory beside the one the
 * server serves (380 MB). With this file, a store opened over a snapshot that nothing changed
 * since plans the load from it and reads the snapshot only if a query comes first.
 *
 * It is only a shortcut: a file that is missing, unreadable, of another shape, or written for
 * another snapshot (one replaced after it, or changed in place) is ignored, and the store reads
 * the snapshot as it did without it. The snapshot's bytes are hashed to know that (0.5 s for the
 * 250 MB of 10,000 meetings, against the 9 s of reading it): its size and modification time alone
 * would vouch for a file garbled in place with its time put back, which would then stay garbled
 * (every load would trust the index) and fail every query that read it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
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
  /** The sha256 of the snapshot's head as text (everything but its meetings; see `EmbeddedStore`). */
  headHash: string;
}

const stampSchema = z.object({ size: z.number(), sha256: z.string() });
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

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/** The sha256 of the file's bytes, read in 4 MB pieces; null when it cannot be read. */
async function sha256Of(file: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 })) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
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
  if (!parsed.success) return null;
  const { snapshot, headHash, meetings } = parsed.data;
  // The size first: a snapshot written since is most often of another size, and then not hashed.
  if ((await sizeOf(snapshotFile)) !== snapshot.size || (await sha256Of(snapshotFile)) !== snapshot.sha256) return null;
  return { headHash, meetings: new Map(meetings.map(([id, contentHash, fingerprint]) => [id, { contentHash, fingerprint }])) };
}

/**
 * Writes the index of `snapshotFile` as it is now on disk, which must hold `index` (the store
 * calls this right after writing it, or after finding it current). The ingest lock keeps other
 * writers out meanwhile. Errors are the caller's to ignore: without the file the store reads
 * the snapshot, as it always could.
 */
export async function writeSnapshotIndex(snapshotFile: string, index: SnapshotIndex): Promise<void> {
  const size = await sizeOf(snapshotFile);
  const sha256 = await sha256Of(snapshotFile);
  if (size === null || sha256 === null) return;
  const snapshot: SnapshotStamp = { size, sha256 };
  const meetings = [...index.meetings].map(([id, s]) => [id, s.contentHash, s.fingerprint]);
  await writeFileAtomic(snapshotIndexPath(snapshotFile), JSON.stringify({ format: FORMAT, version: VERSION, snapshot, headHash: index.headHash, meetings }));
}
