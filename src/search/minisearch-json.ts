/**
 * MiniSearch's `toJSON`, with its term list made term by term as it is read.
 *
 * `toJSON` builds the whole serialisation at once: at 10,000 meetings that held the server's
 * event loop for 3–5 s every time it saved the search index after a change. Here the term list is
 * an object-mode stream (`json-stream-stringify` writes such a stream as an array, item by item,
 * giving the event loop a turn between chunks), and each entry is made as MiniSearch's `toJSON`
 * makes it, so that `MiniSearch.loadJSON` reads the file back the same (a test compares the two).
 * The index must not change until the stream has been read: the server abandons a save before
 * it updates the index.
 */
import { Readable } from 'node:stream';
import type MiniSearch from 'minisearch';
import type { MiniSearchIndex } from './postings.js';

export function streamableMiniSearchJSON(mini: MiniSearch<any>): Record<string, unknown> {
  const i = mini as unknown as MiniSearchIndex;
  function* terms(): Generator<[string, Record<number, Record<string, number>>]> {
    for (const [term, fieldIndex] of i._index) {
      const data: Record<number, Record<string, number>> = {};
      for (const [fieldId, freqs] of fieldIndex) data[fieldId] = Object.fromEntries(freqs);
      yield [term, data];
    }
  }
  return {
    documentCount: i._documentCount,
    nextId: i._nextId,
    documentIds: Object.fromEntries(i._documentIds),
    fieldIds: i._fieldIds,
    fieldLength: Object.fromEntries(i._fieldLength),
    averageFieldLength: i._avgFieldLength,
    storedFields: Object.fromEntries(i._storedFields),
    dirtCount: i._dirtCount,
    index: Readable.from(terms()),
    serializationVersion: 2,
  };
}
