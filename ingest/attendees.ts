/**
 * Attendee lists in the forms people type them: `*Attendees:*`, `Attendees:` with the names on the
 * next lines, names wrapped across lines, `and` before the last name, `(chair)`, handles in
 * parentheses (`Richard (mort) Mortier`), trailing periods and duplicates.
 */
import type { AttendanceRole } from '../src/domain.js';
import type { SourceLine } from './parse.js';

export interface AttendeeEntry {
  /** The entry as written, white space normalised (`Richard (mort) Mortier (secretary)`). */
  raw: string;
  /** The name without handle and role (`Richard Mortier`). */
  name: string;
  /** A handle given in parentheses inside the name (`mort`). */
  handle?: string;
  role: AttendanceRole;
  line: number;
}

// The same as `\s*[*_]{0,2}\s*` around the word, written so that two runs of white space never
// meet: with nothing between them the engine tries every split of a long blank run (quadratic).
const LABEL = /^\s*(?:[*_]{1,2}\s*)?(attendees|attendance|present|participants)\s*(?:[*_]{1,2}\s*)?:\s*[*_]{0,2}/i;
const ROLE_WORDS: Record<string, AttendanceRole> = { chair: 'chair', chairing: 'chair', host: 'chair', facilitator: 'chair' };
/** A CamelCase handle (`DavidK`, `ThomasG`) starts a new name even when a comma was forgotten before a line break. */
const CAMEL_HANDLE = /^[A-Z][a-z]+[A-Z][a-z]?\b/;

interface Token {
  text: string;
  line: number;
  /** The token began a source line. */
  lineStart: boolean;
}

/**
 * The tokens of an attendee block: a parenthesis (which may span lines), a separator or a word. An
 * unclosed `(` is skipped. After the last `)` no parenthesis can close, so the text beyond it is
 * split without trying one: each unclosed `(` would otherwise scan to the end of the block, in
 * time quadratic in its length.
 */
function attendeeTokens(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  const end = text.lastIndexOf(')') + 1;
  for (const m of text.slice(0, end).matchAll(/\([^)]*\)|[,;]|[^\s,;()]+/g)) out.push({ text: m[0], index: m.index });
  for (const m of text.slice(end).matchAll(/[,;]|[^\s,;()]+/g)) out.push({ text: m[0], index: end + m.index });
  return out;
}

/** Parses the lines of an attendee block (label included or not) into entries, in order, duplicates removed. */
export function parseAttendees(lines: SourceLine[]): AttendeeEntry[] {
  // Words with their lines; separators become tokens of their own. A parenthesis may span lines.
  const tokens: Token[] = [];
  const cleaned = lines.map((l, idx) =>
    (idx === 0 ? l.text.replace(LABEL, '') : l.text).replace(/[*_]/g, ' ').replace(/^\s*[-+]\s+/, ' '),
  );
  const joined = cleaned.join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const c of cleaned) {
    lineStarts.push(offset);
    offset += c.length + 1;
  }
  let lastLine = -1;
  // Tokens come in order, so the line a token is on only moves forward.
  let idx = 0;
  for (const m of attendeeTokens(joined)) {
    while (idx + 1 < lineStarts.length && lineStarts[idx + 1] <= m.index) idx++;
    tokens.push({ text: m.text.replace(/\s+/g, ' '), line: lines[idx].line, lineStart: idx !== lastLine });
    lastLine = idx;
  }

  const entries: AttendeeEntry[] = [];
  let current: Token[] = [];
  const flush = () => {
    const entry = toEntry(current);
    if (entry) entries.push(entry);
    current = [];
  };
  for (const t of tokens) {
    if (t.text === ',' || t.text === ';' || /^(and|&)$/i.test(t.text)) {
      flush();
      continue;
    }
    // "(with guest appearances from Wanda and Bella)" names visitors, not attendees: toEntry drops it.
    if (t.lineStart && current.length > 0 && CAMEL_HANDLE.test(t.text)) flush();
    current.push(t);
  }
  flush();

  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = e.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toEntry(tokens: Token[]): AttendeeEntry | null {
  if (tokens.length === 0) return null;
  let role: AttendanceRole = 'attendee';
  let handle: string | undefined;
  const words: string[] = [];
  for (const t of tokens) {
    const paren = /^\((.*)\)$/.exec(t.text);
    if (paren) {
      const inner = paren[1].trim();
      const r = ROLE_WORDS[inner.toLowerCase()];
      if (r) role = r;
      else if (/^(secretary|notes|minutes|scribe|note-?taker)$/i.test(inner)) role = 'attendee';
      else if (/^[\w.-]+$/.test(inner) && words.length > 0) handle = inner;
      continue;
    }
    words.push(t.text);
  }
  let name = words.join(' ').replace(/\s+/g, ' ').replace(/[.:]+$/, '').trim();
  // "Chris ?" names nobody resolvable; it is kept as written.
  const raw = tokens.map((t) => t.text).join(' ').replace(/\s+/g, ' ').replace(/[.]+$/, '').trim();
  if (!name || !/\p{L}/u.test(name)) return name === '?' ? null : name ? { raw, name, role, line: tokens[0].line } : null;
  if (name.split(' ').length > 5) name = name.split(' ').slice(0, 5).join(' ');
  return { raw, name, handle, role, line: tokens[0].line };
}
