/**
 * The `snippet` of a discussion row, computed once at load time by both stores (Cypher has no
 * whitespace-collapsing function, so Neo4j keeps it as the Discussion's `snippet` property).
 */

/** How many characters of a discussion's text its row shows. */
export const SNIPPET_LENGTH = 200;

/**
 * The text with every run of whitespace collapsed to one space, trimmed, cut to its first 200
 * characters (code points, so no surrogate pair is split).
 */
export function snippetOf(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  return chars.length <= SNIPPET_LENGTH ? collapsed : chars.slice(0, SNIPPET_LENGTH).join('');
}
