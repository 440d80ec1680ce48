/**
 * Equality of data as its JSON is written: what a store or a file keeps of it. Used to tell
 * whether data about to be written again is what was written (the Neo4j store's warnings) and
 * whether a graph is the one read back from its file (`server/same-graph.ts`).
 */

/**
 * Equal as JSON: a field holding `undefined` counts as absent, since data read back from JSON has
 * no such field where the data written had one.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    fields += 1;
    if (!sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) fields -= 1;
  return fields === 0;
}
