/**
 * The embedded store's file, `<dataDir>/graph-store.json`: the stored graph in domain form (the
 * same canonical MeetingGraph that `snapshot()` returns), written atomically (a temporary file
 * renamed over the old one) and checked for shape when read back.
 */
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { MeetingGraph } from '../domain.js';
import { StoreError, firstLine } from './errors.js';
import { writeJsonFileStreaming } from '../json-file.js';

export const SNAPSHOT_FILE_NAME = 'graph-store.json';
const FORMAT = 'meetgraph-graph-store';
const VERSION = 1;

const evidence = z.object({ file: z.string(), line: z.number().int(), sentence: z.string() });
const graphSchema = z.object({
  meetings: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      title: z.string(),
      description: z.string(),
      source: z.string(),
      contentHash: z.string(),
    }),
  ),
  discussions: z.array(
    z.object({
      id: z.string(),
      meetingId: z.string(),
      heading: z.string(),
      text: z.string(),
      order: z.number().int(),
      line: z.number().int(),
    }),
  ),
  people: z.array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()) })),
  projects: z.array(
    z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), origin: z.enum(['registry', 'discovered']) }),
  ),
  topics: z.array(z.object({ id: z.string(), name: z.string() })),
  actionItems: z.array(
    z.object({
      id: z.string(),
      task: z.string(),
      status: z.enum(['todo', 'ongoing', 'done']),
      ownerId: z.string(),
      discussionId: z.string(),
      projectIds: z.array(z.string()),
      evidence,
    }),
  ),
  references: z.array(z.object({ id: z.string(), url: z.string() })),
  attendance: z.array(
    z.object({ personId: z.string(), meetingId: z.string(), role: z.enum(['attendee', 'chair', 'author']), evidence }),
  ),
  discussed: z.array(z.object({ personId: z.string(), discussionId: z.string(), evidence })),
  about: z.array(
    z.object({ discussionId: z.string(), targetId: z.string(), target: z.enum(['project', 'topic']), evidence }),
  ),
  cites: z.array(z.object({ discussionId: z.string(), referenceId: z.string(), evidence })),
  warnings: z.array(
    z.object({
      kind: z.enum(['skipped', 'partial', 'no-date', 'duplicate-date', 'unresolved', 'ambiguous', 'registry']),
      file: z.string(),
      line: z.number().int().optional(),
      message: z.string(),
      mention: z.string().optional(),
      candidates: z.array(z.string()).optional(),
    }),
  ),
  projectCandidates: z.array(z.object({ name: z.string(), count: z.number(), evidence: z.array(evidence) })),
});
const fileSchema = z.object({ format: z.literal(FORMAT), version: z.literal(VERSION), graph: graphSchema });

export function snapshotPath(dataDir: string): string {
  return path.join(dataDir, SNAPSHOT_FILE_NAME);
}

/** The graph in the file, or null when there is no file yet. A file that is not one is `corrupt`. */
export async function readSnapshotFile(file: string): Promise<MeetingGraph | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(`cannot read the graph store ${file}: ${firstLine(err)}`, 'io', { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw corrupt(file, firstLine(err), err);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw corrupt(file, `${issue.path.join('.') || 'file'}: ${issue.message}`, parsed.error);
  }
  return parsed.data.graph as MeetingGraph;
}

/** The file's content for a graph. */
export function serializeSnapshot(graph: MeetingGraph): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, graph });
}

/** Replaces the file atomically: readers see the old graph or the new one, never a partial file. */
export async function writeSnapshotFile(file: string, content: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, content);
  } catch (err) {
    throw new StoreError(`cannot write the graph store ${file}: ${firstLine(err)}`, 'io', { cause: err });
  }
}

/**
 * `writeSnapshotFile` of `serializeSnapshot(graph)`, serialised as it is written so that a
 * server keeps answering meanwhile (see `writeJsonFileStreaming`); the same bytes.
 */
export async function writeSnapshotFileStreaming(file: string, graph: MeetingGraph, signal?: AbortSignal): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeJsonFileStreaming(file, { format: FORMAT, version: VERSION, graph }, signal);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new StoreError(`cannot write the graph store ${file}: ${firstLine(err)}`, 'io', { cause: err });
  }
}

export function corrupt(file: string, detail: string, cause?: unknown): StoreError {
  return new StoreError(`the graph store ${file} is corrupt (${detail}); run ingest again to rebuild it`, 'corrupt', { cause });
}
