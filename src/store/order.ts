/**
 * Orderings shared by both stores. Strings compare by UTF-16 code unit (`<`), never by locale
 * collation: Cypher's ORDER BY compares strings the same way, so both stores agree on every row.
 */
import type { ActionRow, NamedCount } from './types.js';

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy of a list of names. */
export function sortedTexts(texts: Iterable<string>): string[] {
  return [...texts].sort(compareText);
}

/** Count descending, then name, then id: the order of every `NamedCount` list. */
export function compareNamedCounts(a: NamedCount, b: NamedCount): number {
  return b.count - a.count || compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** What an action row is sorted by: its meeting's date and id, the discussion's order, its own id. */
export interface ActionSortKey {
  row: ActionRow;
  order: number;
}

/** Action rows ordered by meeting date, meeting id, discussion order, then action id. */
export function compareActions(a: ActionSortKey, b: ActionSortKey): number {
  return (
    compareText(a.row.meeting, b.row.meeting) ||
    compareText(a.row.meetingId, b.row.meetingId) ||
    a.order - b.order ||
    compareText(a.row.actionId, b.row.actionId)
  );
}

/** How many characters of a discussion's text its row shows. */
export const SNIPPET_LENGTH = 200;

/**
 * The snippet of a discussion row: its text with every run of whitespace collapsed to one space,
 * trimmed, cut to the first 200 characters (code points, so no surrogate pair is split). Both
 * stores compute it here at load time; Neo4j keeps it as the Discussion's `snippet` property.
 */
export function snippetOf(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  return chars.length <= SNIPPET_LENGTH ? collapsed : chars.slice(0, SNIPPET_LENGTH).join('');
}
