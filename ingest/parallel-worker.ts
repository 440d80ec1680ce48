/**
 * One ingest worker thread (see `parallel.ts`): parses its share of the notes, then, given every
 * note's attendee list in meeting order, rebuilds the folder's people and projects and extracts
 * its notes. Any failure outside a single note's steps is reported, never thrown, so the
 * waiting thread always hears back.
 */
import { parentPort } from 'node:worker_threads';
import type { ParsedNote } from './parse.js';
import { extractContext, extractStep, parseStep } from './note-stages.js';
import type { ExtractRequest, NoteResult, NoteSummary, WorkerInput, WorkerMessage } from './parallel.js';

/** Progress is reported every this many notes: often enough for a progress bar, cheap to send. */
const PROGRESS_EVERY = 25;
/**
 * Facts are sent back this many notes at a time. Small batches leave this thread's heap before
 * they outlive a young-generation collection: sending a hundred notes' facts at once kept about
 * 200 MB more per worker alive in the old generation at 10,000 notes.
 */
const RESULTS_PER_MESSAGE = 5;

const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);

port.once('message', ({ notes }: WorkerInput) => {
  try {
    parseAndWait(notes);
  } catch (err) {
    send({ kind: 'failed', message: (err as Error).message });
  }
});

/** Round 1: parses the notes, reports their order and attendees, then waits for round 2. */
function parseAndWait(notes: WorkerInput['notes']): void {
  const parsed: Array<{ index: number; note: ParsedNote } | null> = [];
  const summaries: NoteSummary[] = [];
  let unreported = 0;
  notes.forEach(({ index, note }, i) => {
    const outcome = parseStep(note);
    if (outcome.ok) {
      parsed.push({ index, note: outcome.value });
      summaries.push({ index, key: { date: outcome.value.date, id: outcome.value.id }, attendees: outcome.value.attendees });
    } else {
      summaries.push({ index, warning: outcome.warning });
    }
    if (++unreported === PROGRESS_EVERY || i === notes.length - 1) {
      send({ kind: 'progress', done: unreported, source: note.source });
      unreported = 0;
    }
  });
  send({ kind: 'parsed', summaries });
  port.once('message', (request: ExtractRequest) => {
    try {
      extractAll(parsed, request);
    } catch (err) {
      send({ kind: 'failed', message: (err as Error).message });
    }
  });
}

/**
 * Round 2: the folder's people and projects rebuilt from every attendee list, then each note's
 * facts, sent in batches so that neither thread holds two copies of every note's facts at once.
 */
function extractAll(parsed: Array<{ index: number; note: ParsedNote } | null>, request: ExtractRequest): void {
  const ctx = extractContext(request.attendeeLists.map((attendees) => ({ attendees })), request.people, request.projects);
  let batch: NoteResult[] = [];
  parsed.forEach((entry, i) => {
    const { index, note } = entry!;
    parsed[i] = null; // the facts keep what is still needed of the note
    const outcome = extractStep(note, ctx);
    batch.push(outcome.ok ? { index, facts: outcome.value } : { index, warning: outcome.warning });
    const last = i === parsed.length - 1;
    if (batch.length === RESULTS_PER_MESSAGE || last) {
      send({ kind: 'extracted', results: batch, last });
      batch = [];
    }
  });
  if (parsed.length === 0) send({ kind: 'extracted', results: [], last: true });
}
