/**
 * Orderings shared by both stores. Strings compare by UTF-16 code unit (`<`), never by locale
 * collation: Cypher's ORDER BY and `<` compare strings the same way (checked on Neo4j 5.26: even
 * U+1F600, a surrogate pair, sorts before U+E000), so both stores agree on every row.
 */
import type { NamedCount } from './types.js';

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Count descending, then name, then id: the order of every `NamedCount` list. */
export function compareNamedCounts(a: NamedCount, b: NamedCount): number {
  return b.count - a.count || compareText(a.name, b.name) || compareText(a.id, b.id);
}
