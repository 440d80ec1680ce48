/**
 * One ingest worker thread (see `parallel.ts`): parses its share of the notes, then, given every
 * note's attendee list in meeting order, rebuilds the folder's people and projects and extracts
 * its notes. Any failure outside a single note's steps is reported, never thrown, so the
 * waiting thread always hears back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedNote } from './parse.js';
import { extractContext, extractStep, parseStep } from './note-stages.js';
import type { ExtractRequest, NoteResult, NoteSummary, WorkerInput, WorkerMessage } from './parallel.js';

/** Progress is reported every this many notes: often enough for a progress bar, cheap to send. */
const PROGRESS_EVERY = 25;

const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);

try {
  const { notes } = workerData as WorkerInput;
  const parsed: Array<{ index: number; note: ParsedNote }> = [];
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
      const ctx = extractContext(request.attendeeLists.map((attendees) => ({ attendees })), request.people, request.projects);
      const results: NoteResult[] = parsed.map(({ index, note }) => {
        const outcome = extractStep(note, ctx);
        return outcome.ok ? { index, facts: outcome.value } : { index, warning: outcome.warning };
      });
      send({ kind: 'extracted', results });
    } catch (err) {
      send({ kind: 'failed', message: (err as Error).message });
    }
  });
} catch (err) {
  send({ kind: 'failed', message: (err as Error).message });
}
