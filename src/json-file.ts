/**
 * Writing a large JSON file without holding the event loop: a server persists its graph (about
 * 250 MB at 10,000 meetings) after swapping it in, and `JSON.stringify` of that blocks every
 * request for seconds. Here the same text is made piece by piece as it is written (`json-text.ts`),
 * the event loop free between chunks; callers that block anyway (the CLI) keep `JSON.stringify`,
 * which is quicker still.
 *
 * The file is replaced atomically as `write-file-atomic` does it: a temporary file beside it,
 * flushed to disk, then renamed over it. A reader sees the old file or the new one.
 */
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { inChunks, jsonText } from './json-text.js';

/**
 * Writes `JSON.stringify(value)`'s text (`value` a plain object or array, or a `JsonText`), made
 * piece by piece as it is written (`json-text.ts`) and written in chunks of some 64 KiB. `signal`
 * abandons the write: the file stays as it was, and the promise rejects with an AbortError.
 */
export async function writeJsonFileStreaming(file: string, value: unknown, signal?: AbortSignal): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    signal?.throwIfAborted();
    await pipeline(Readable.from(inChunks(jsonText(value))), createWriteStream(temporary), { signal });
    signal?.throwIfAborted();
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
