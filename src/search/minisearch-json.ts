/**
 * MiniSearch's `toJSON`, as text made piece by piece while it is written (`json-text.ts`).
 *
 * `toJSON` builds the whole serialisation at once: at 10,000 meetings that held the server's
 * event loop for 3–5 s every time it saved the search index after a change. Here the text comes
 * in pieces, the term list term by term and each term's postings a thousand at a time, written
 * straight from MiniSearch's maps: the same text `JSON.stringify(mini.toJSON())` gives, to the
 * byte (a test compares the two), so that `MiniSearch.loadJSON` reads the file back the same.
 * The index must not change until the text has been read: the server abandons a save before it
 * updates the index.
 */
import type MiniSearch from 'minisearch';
import { jsonText, JsonText } from '../json-text.js';
import type { MiniSearchIndex } from './postings.js';

export function miniSearchJsonText(mini: MiniSearch<any>): JsonText {
  const i = mini as unknown as MiniSearchIndex;
  // The fields in the order of MiniSearch's `toJSON`; the large maps entry by entry.
  return jsonText({
    documentCount: i._documentCount,
    nextId: i._nextId,
    documentIds: entriesText(i._documentIds),
    fieldIds: i._fieldIds,
    fieldLength: entriesText(i._fieldLength),
    averageFieldLength: i._avgFieldLength,
    storedFields: entriesText(i._storedFields),
    dirtCount: i._dirtCount,
    index: termsText(i),
    serializationVersion: 2,
  });
}

/** Postings written in one piece at most. */
const POSTINGS_PER_PIECE = 1000;

/** `Object.fromEntries(map)` as JSON text, entry by entry: in the order `JSON.stringify` gives it (integer keys ascending). */
function entriesText(map: Map<number, unknown>): JsonText {
  return new JsonText(function* () {
    let separator = '{';
    for (const key of integerKeysAscending(map)) {
      const text = JSON.stringify(map.get(key)) as string | undefined;
      if (text === undefined) continue;
      yield `${separator}"${key}":${text}`;
      separator = ',';
    }
    yield separator === '{' ? '{}' : '}';
  });
}

/**
 * The term list as MiniSearch's `toJSON` makes it, `[term, {fieldId: {shortId: frequency}}]` for
 * every term, without making those objects: a common term's postings are a map of tens of
 * thousands of documents.
 */
function termsText(i: MiniSearchIndex): JsonText {
  return new JsonText(function* () {
    let separator = '[';
    for (const [term, fieldIndex] of i._index) {
      yield `${separator}[${JSON.stringify(term)},`;
      separator = ',';
      let fieldSeparator = '{';
      for (const fieldId of integerKeysAscending(fieldIndex)) {
        const postings = fieldIndex.get(fieldId)!;
        let piece = `${fieldSeparator}"${fieldId}":{`;
        fieldSeparator = ',';
        let n = 0;
        for (const shortId of integerKeysAscending(postings)) {
          piece += `${n === 0 ? '' : ','}"${shortId}":${numberText(postings.get(shortId)!)}`;
          if (++n % POSTINGS_PER_PIECE === 0) {
            yield piece;
            piece = '';
          }
        }
        yield `${piece}}`;
      }
      yield fieldSeparator === '{' ? '{}]' : '}]';
    }
    yield separator === '[' ? '[]' : ']';
  });
}

/**
 * A map's keys in the order `JSON.stringify` gives an object made of it: ascending, as they are
 * whenever MiniSearch made the map (short ids only grow), else sorted. The keys are MiniSearch's
 * short ids and field ids, non-negative integers.
 */
function integerKeysAscending(map: Map<number, unknown>): Iterable<number> {
  let last = -1;
  for (const key of map.keys()) {
    if (!(Number.isInteger(key) && key > last)) return [...map.keys()].sort((a, b) => a - b);
    last = key;
  }
  return map.keys();
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}
