/**
 * Parsed notes kept by content hash within one process, so that a server re-ingesting after one
 * changed note parses only that note. Parsing is pure, so a cached result is the result.
 */
import { parseNote, type ParsedNote } from './parse.js';
import type { RawNote } from './read.js';

/** Most parsed notes kept; the oldest are dropped first (a Map iterates in insertion order). */
export const PARSE_CACHE_SIZE = 5000;

const cache = new Map<string, ParsedNote>();

export function parseNoteCached(note: RawNote): ParsedNote {
  const key = `${note.source}\u0000${note.contentHash}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parseNote(note);
  cache.set(key, parsed);
  if (cache.size > PARSE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return parsed;
}
