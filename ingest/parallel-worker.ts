/**
 * One ingest worker thread (see `parallel.ts`): parses its share of the notes, then, given every
 * note's attendee list in meeting order, rebuilds the folder's people and projects and extracts
 * its notes, sending the facts back in small batches. Any failure outside a single note's steps
 * is reported, never thrown, so the waiting thread always hears back.
 */
import { parentPort } from 'node:worker_threads';
import { extractContext } from './note-stages.js';
import { extractShare, parseShare, type ExtractRequest, type ParsedShareNote, type WorkerInput, type WorkerMessage } from './parallel.js';

const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);
const failed = (err: unknown) => send({ kind: 'failed', message: (err as Error).message });

port.once('message', ({ notes }: WorkerInput) => {
  parseShare(notes, (done, source) => send({ kind: 'progress', done, source }))
    .then(({ parsed, summaries }) => {
      send({ kind: 'parsed', summaries });
      port.once('message', (request: ExtractRequest) => extractAll(parsed, request).catch(failed));
    })
    .catch(failed);
});

async function extractAll(parsed: ParsedShareNote[], request: ExtractRequest): Promise<void> {
  const ctx = extractContext(request.attendeeLists.map((attendees) => ({ attendees })), request.people, request.projects);
  await extractShare(parsed, ctx, (results, last) => send({ kind: 'extracted', results, last }));
}
