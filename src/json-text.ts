/**
 * JSON text made piece by piece, for a file written while the server answers (`json-file.ts`):
 * the same text `JSON.stringify` gives, cut where a large value has parts, and made only as it is
 * read, so that no step holds the event loop long.
 *
 * `jsonText` cuts objects field by field and arrays item by item, and writes each item whole with
 * `JSON.stringify` (native, and a graph's items are small). A caller with its own large structure
 * gives a `JsonText` of it: the search index writes MiniSearch's maps straight into text
 * (`minisearch-json.ts`), where building the objects of `toJSON` first made one object of up to a
 * megabyte per common term at 10,000 meetings; those outlived the young generation, and a save
 * grew the server's heap by a hundred megabytes (docs/PERFORMANCE.md). A generic streaming
 * serialiser, which walks every value itself, took 2.3 times as long on the graph and 4–5 times
 * on the search index.
 */

/** The text of one JSON value, in pieces (concatenated, they are the whole text). */
export class JsonText {
  constructor(private readonly make: () => Iterable<string>) {}

  [Symbol.iterator](): Iterator<string> {
    return this.make()[Symbol.iterator]();
  }
}

/**
 * The text `JSON.stringify(value)` gives (`value` has no `toJSON` of its own, and no cycle), in
 * pieces: a `JsonText` is its own pieces, a plain object is cut between its fields (each field's
 * value cut the same way), an array between its items, each item whole unless it is a `JsonText`.
 */
export function jsonText(value: unknown): JsonText {
  if (value instanceof JsonText) return value;
  if (Array.isArray(value)) return arrayText(value);
  if (isPlainObject(value)) return objectText(value);
  return new JsonText(() => [JSON.stringify(value) ?? 'null']);
}

function arrayText(items: unknown[]): JsonText {
  return new JsonText(function* () {
    let separator = '[';
    for (const item of items) {
      yield separator;
      separator = ',';
      // As JSON.stringify writes an array's item that has no JSON (undefined, a function).
      if (item instanceof JsonText) yield* item;
      else yield (JSON.stringify(item) as string | undefined) ?? 'null';
    }
    yield separator === '[' ? '[]' : ']';
  });
}

function objectText(fields: Record<string, unknown>): JsonText {
  return new JsonText(function* () {
    let separator = '{';
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      // A field that has no JSON is left out, as JSON.stringify leaves it out.
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      yield `${separator}${JSON.stringify(key)}:`;
      separator = ',';
      yield* jsonText(value);
    }
    yield separator === '{' ? '{}' : '}';
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `pieces` joined into chunks of at least `size` characters (the last one may be shorter), each made at once. */
export function* inChunks(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}
