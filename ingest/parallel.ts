/**
 * Parse and extraction on several threads, for large folders. Both stages work note by note, so
 * the notes are shared out between this thread and worker threads, and every thread runs its
 * share through the same steps as the single-threaded pipeline (`note-stages.ts`), in two rounds:
 *
 *   1. each thread parses its notes; the workers send back what orders their notes and who
 *      attended;
 *   2. this thread puts every note in meeting order and sends each worker the attendee lists in
 *      that order; each worker rebuilds the folder's people directory from them (deterministic,
 *      and cheap next to extraction), extracts its notes and sends back their facts, while this
 *      thread extracts its own share.
 *
 * The facts come back in meeting order with the warnings in the order the single-threaded
 * pipeline gives them, so topics and assembly, which run here afterwards, see the same input.
 * This thread takes a share because copying facts between threads is not free: a worker's facts
 * cost about as much again to copy back as to extract (serialising there, rebuilding here).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestWarning } from '../src/domain.js';
import type { AttendeeEntry } from './attendees.js';
import type { ExtractContext, NoteFacts } from './extract.js';
import { extractContext, extractStep, inMeetingOrder, parseStep, type MeetingKey } from './note-stages.js';
import type { ParsedNote } from './parse.js';
import type { RawNote } from './read.js';
import type { RegistryEntry } from './registry.js';
import type { NoteOutcome } from './extraction-memo.js';
import { shareStrings } from './shared-strings.js';

/**
 * Folders with fewer notes are ingested on one thread. A worker costs a few seconds to start (it
 * loads and compiles the sources) and every fact it extracts is copied back: on 2 cores, 1,000
 * notes took 5.7 s with a worker against 3.9 s without, 10,000 took 26 s against 31 s, which puts
 * the break-even near 3,000 (docs/PERFORMANCE.md).
 */
export const PARALLEL_MIN_NOTES = 3000;

/** Workers used at most, whatever the number of cores: this thread rebuilds every worker's facts, and would become the bottleneck. */
const MAX_WORKERS = 7;

/**
 * This thread's share of the notes against a worker's: smaller, since this thread also rebuilds
 * every fact the workers send back (and shares its strings, `shared-strings.ts`).
 */
const OWN_SHARE_WEIGHT = 0.8;

/** Notes this thread parses or extracts between two turns of its event loop (to take in workers' messages). */
const NOTES_BETWEEN_YIELDS = 20;

/**
 * How many worker threads to ingest `noteCount` notes with, besides the calling thread:
 * `requested` when given (0 means none), else one per core but one for a folder of at least
 * PARALLEL_MIN_NOTES notes. With none, ingest runs on the calling thread alone.
 */
export function workerCount(noteCount: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.min(Math.floor(requested), MAX_WORKERS, noteCount - 1));
  if (noteCount < PARALLEL_MIN_NOTES) return 0;
  return Math.min(availableParallelism() - 1, MAX_WORKERS);
}

export interface ParallelExtractOptions {
  people: RegistryEntry[] | null;
  projects: RegistryEntry[] | null;
  /** Number of worker threads besides this one (at least 1). */
  workers: number;
  /** Called as notes are parsed, with the number parsed so far (not in note order). */
  onProgress?: (done: number, total: number, source: string) => void;
}

export interface ParallelExtractResult {
  /** Facts of every note that was parsed and extracted, in meeting order. */
  facts: NoteFacts[];
  /** The folder's people and projects, as the workers used them. */
  context: ExtractContext;
  /** Notes that could not be parsed (in note order), then notes whose extraction failed (in meeting order). */
  warnings: IngestWarning[];
  /** What became of each note, by its index in the notes given (for an `ExtractionMemo`). */
  outcomes: NoteOutcome[];
  /** Every parsed note's attendee list, in meeting order: what the people directory was built from. */
  attendeeLists: AttendeeEntry[][];
}

/** The messages between this thread and a worker (`parallel-worker.ts`). */
export interface WorkerInput {
  notes: Array<{ index: number; note: RawNote }>;
}
/** What round 1 gives for one note: its order and attendees, or the warning it became. */
export type NoteSummary = { index: number; key: MeetingKey; attendees: AttendeeEntry[] } | { index: number; warning: IngestWarning };
export interface ExtractRequest {
  /** Every parsed note's attendee list, in meeting order. */
  attendeeLists: AttendeeEntry[][];
  people: RegistryEntry[] | null;
  projects: RegistryEntry[] | null;
}
export type NoteResult = { index: number; facts: NoteFacts } | { index: number; warning: IngestWarning };
export type WorkerMessage =
  | { kind: 'progress'; done: number; source: string }
  | { kind: 'parsed'; summaries: NoteSummary[] }
  | { kind: 'extracted'; results: NoteResult[]; last: boolean }
  | { kind: 'failed'; message: string };

/**
 * Parses and extracts `notes` on this thread and `options.workers` worker threads. Rejects when
 * a worker cannot be started or dies; a note that fails to parse or extract is a warning, as on
 * one thread.
 */
export async function extractInWorkers(notes: RawNote[], options: ParallelExtractOptions): Promise<ParallelExtractResult> {
  const workers = IngestWorkers.start(options.workers);
  try {
    return await workers.extract(notes, options);
  } finally {
    await workers.close();
  }
}

/**
 * Worker threads for one ingest. They are started before the notes are at hand, since loading
 * the extraction code (and its NLP lexicon) takes a worker a second or two, which can overlap
 * with reading the folder; they serve one `extract` call and are closed after it.
 */
export class IngestWorkers {
  private constructor(private readonly links: WorkerLink[]) {}

  /** Starts `count` workers (at least 1). */
  static start(count: number): IngestWorkers {
    return new IngestWorkers(Array.from({ length: Math.max(1, count) }, () => new WorkerLink()));
  }

  get size(): number {
    return this.links.length;
  }

  /** Parses and extracts `notes` on this thread and the workers (see `extractInWorkers`). */
  async extract(notes: RawNote[], options: Omit<ParallelExtractOptions, 'workers'>): Promise<ParallelExtractResult> {
    const [own, ...shares] = shareOut(notes, [OWN_SHARE_WEIGHT, ...this.links.map(() => 1)]);
    const links = this.links.slice(0, shares.length);
    let parsedSoFar = 0;
    const onProgress = (done: number, source: string) => {
      parsedSoFar += done;
      options.onProgress?.(parsedSoFar, notes.length, source);
    };
    const fromWorkers = awaitedLater(Promise.all(links.map((w, i) => w.parsed(shares[i], onProgress))));
    const ownParsed = await parseShare(own.notes, onProgress, true);
    const summaries = [...ownParsed.summaries, ...(await fromWorkers).flat()];
    summaries.sort((a, b) => a.index - b.index);

    const warnings: IngestWarning[] = [];
    const outcomes: NoteOutcome[] = new Array(notes.length);
    const parsed: Array<{ index: number; key: MeetingKey; attendees: AttendeeEntry[] }> = [];
    for (const s of summaries) {
      if ('warning' in s) {
        warnings.push(s.warning);
        outcomes[s.index] = { parsed: null, result: { warning: s.warning } };
      } else parsed.push(s);
    }
    // Sorted exactly as the single-threaded pipeline sorts its parsed notes (same input order, same sort).
    const kept = inMeetingOrder(parsed, (s) => s.key);
    const position = new Map(kept.map((s, i) => [s.index, i]));
    const attendeeLists = kept.map((s) => s.attendees);
    const request: ExtractRequest = { attendeeLists, people: options.people, projects: options.projects };

    const extractedByWorkers = awaitedLater(Promise.all(links.map((w) => w.extracted(request))));
    const context = extractContext(attendeeLists.map((attendees) => ({ attendees })), options.people, options.projects);
    const ownResults: NoteResult[] = [];
    await extractShare(ownParsed.parsed, context, (batch) => ownResults.push(...batch), true);
    const results = [...ownResults, ...(await extractedByWorkers).flat()];
    results.sort((a, b) => position.get(a.index)! - position.get(b.index)!);
    const facts: NoteFacts[] = [];
    for (const r of results) {
      const s = kept[position.get(r.index)!];
      if ('warning' in r) {
        warnings.push(r.warning);
        outcomes[r.index] = { parsed: { key: s.key, attendees: s.attendees }, result: { warning: r.warning } };
      } else {
        facts.push(r.facts);
        outcomes[r.index] = { parsed: { key: s.key, attendees: s.attendees }, result: { facts: r.facts } };
      }
    }
    return { facts, context, warnings, outcomes, attendeeLists };
  }

  /** Stops every worker (again: nothing). */
  async close(): Promise<void> {
    await Promise.all(this.links.map((w) => w.close()));
  }
}

/** A parsed note of a thread's share, with its index among all the notes. */
export interface ParsedShareNote {
  index: number;
  note: ParsedNote;
}

/**
 * Round 1 on one thread: parses a share of the notes, reporting progress every so many notes.
 * With `yieldNow`, lets the event loop run between batches (this thread takes in the workers'
 * messages meanwhile).
 */
export async function parseShare(
  notes: WorkerInput['notes'],
  progress: (done: number, source: string) => void,
  yieldNow = false,
): Promise<{ parsed: ParsedShareNote[]; summaries: NoteSummary[] }> {
  const parsed: ParsedShareNote[] = [];
  const summaries: NoteSummary[] = [];
  let unreported = 0;
  for (let i = 0; i < notes.length; i++) {
    const { index, note } = notes[i];
    const outcome = parseStep(note);
    if (outcome.ok) {
      parsed.push({ index, note: outcome.value });
      summaries.push({ index, key: { date: outcome.value.date, id: outcome.value.id }, attendees: outcome.value.attendees });
    } else {
      summaries.push({ index, warning: outcome.warning });
    }
    if (++unreported === NOTES_BETWEEN_YIELDS || i === notes.length - 1) {
      progress(unreported, note.source);
      unreported = 0;
      if (yieldNow) await turn();
    }
  }
  return { parsed, summaries };
}

/**
 * Round 2 on one thread: extracts a share's parsed notes, handing the results to `batch` every
 * so many notes. Each note's entry is dropped as it is extracted: its facts keep what is still
 * needed of it.
 */
export async function extractShare(
  parsed: Array<ParsedShareNote | null>,
  ctx: ExtractContext,
  batch: (results: NoteResult[], last: boolean) => void,
  yieldNow = false,
): Promise<void> {
  let pending: NoteResult[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const { index, note } = parsed[i]!;
    parsed[i] = null;
    const outcome = extractStep(note, ctx);
    pending.push(outcome.ok ? { index, facts: outcome.value } : { index, warning: outcome.warning });
    const last = i === parsed.length - 1;
    if (pending.length === RESULTS_PER_BATCH || last) {
      batch(pending, last);
      pending = [];
    }
    if (yieldNow && (i + 1) % NOTES_BETWEEN_YIELDS === 0) await turn();
  }
  if (parsed.length === 0) batch([], true);
}

/**
 * Facts are handed over this many notes at a time. A worker sends each batch as soon as it is
 * made: small batches leave its heap before they outlive a young-generation collection (sending a
 * hundred notes' facts at once kept about 200 MB more per worker alive at 10,000 notes).
 */
const RESULTS_PER_BATCH = 5;

/**
 * `promise`, marked as handled: it is awaited only after this thread's own share is done, and a
 * worker failing before then must not count as an unhandled rejection (which ends the process).
 */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** One turn of the event loop. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Splits the notes into shares of about the given relative sizes (in text length), keeping each
 * note's index. Work per note grows with its length, and the slowest share sets the pace.
 */
function shareOut(notes: RawNote[], weights: number[]): WorkerInput[] {
  const n = Math.max(1, Math.min(weights.length, notes.length));
  const shares: WorkerInput[] = Array.from({ length: n }, () => ({ notes: [] }));
  const load = new Array<number>(n).fill(0);
  notes.forEach((note, index) => {
    let lightest = 0;
    for (let i = 1; i < n; i++) if (load[i] / weights[i] < load[lightest] / weights[lightest]) lightest = i;
    shares[lightest].notes.push({ index, note });
    load[lightest] += note.text.length;
  });
  return shares;
}

/** The worker's entry: plain JavaScript that loads the TypeScript sources through tsx. */
const WORKER_ENTRY = new URL('./parallel-worker.js', import.meta.url);

/** One worker thread, seen as the two answers it gives (its notes parsed, then extracted). */
class WorkerLink {
  private readonly worker: Worker;
  private readonly messages: WorkerMessage[] = [];
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;
  private closed = false;

  constructor() {
    // The parent's flags are not passed on: under `node --import tsx` the worker would load tsx
    // twice (its entry registers tsx itself, which it must when the parent registered it in code).
    this.worker = new Worker(WORKER_ENTRY, { execArgv: [] });
    this.worker.on('message', (m: WorkerMessage) => this.push(m));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`ingest worker stopped (exit code ${code})`)));
  }

  async parsed(input: WorkerInput, onProgress: (done: number, source: string) => void): Promise<NoteSummary[]> {
    this.worker.postMessage(input);
    for (;;) {
      const m = await this.next();
      if (m.kind === 'progress') onProgress(m.done, m.source);
      else if (m.kind === 'parsed') return m.summaries;
      else throw this.unexpected(m);
    }
  }

  async extracted(request: ExtractRequest): Promise<NoteResult[]> {
    this.worker.postMessage(request);
    const results: NoteResult[] = [];
    for (;;) {
      const m = await this.next();
      if (m.kind !== 'extracted') throw this.unexpected(m);
      // Each note's strings shared as its facts arrive, so that the copies do not pile up.
      for (const r of m.results) results.push('facts' in r ? { index: r.index, facts: shareStrings(r.facts) } : r);
      if (m.last) return results;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failure ??= new Error('ingest worker closed');
    await this.worker.terminate();
  }

  private unexpected(m: WorkerMessage): Error {
    return new Error(m.kind === 'failed' ? `ingest worker failed: ${m.message}` : `ingest worker sent "${m.kind}" out of turn`);
  }

  private push(m: WorkerMessage): void {
    this.messages.push(m);
    this.wake();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
  }

  private wake(): void {
    const resume = this.waiting;
    this.waiting = null;
    resume?.();
  }

  private async next(): Promise<WorkerMessage> {
    for (;;) {
      const m = this.messages.shift();
      if (m) return m;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}
