/**
 * Stage 2 — parse: one note's text → its front matter, attendee list, agenda and discussion
 * sections, every piece keeping its 1-based source line. Structure comes from a real CommonMark
 * parser (markdown-it, whose block tokens carry their source lines and which parses a note an
 * order of magnitude faster than a full syntax tree would); only the attendee list, a convention
 * of meeting notes rather than Markdown, is read from the lines themselves.
 */
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import type { IngestWarning } from '../src/domain.js';
import { isCalendarDay } from '../src/calendar.js';
import type { RawNote } from './read.js';
import { parseAttendees, type AttendeeEntry } from './attendees.js';

/** One visible source line of a note (HTML comments blanked out). */
export interface SourceLine {
  line: number;
  text: string;
}

export interface ParsedSection {
  /** Heading text, `#` marks and surrounding white space removed (`""` for a note with no item headings). */
  heading: string;
  level: number;
  line: number;
  /** The section's own lines (up to the next heading), blank lines and link definitions dropped. */
  lines: SourceLine[];
}

export interface ParsedNote {
  source: string;
  contentHash: string;
  /** Meeting id: the note's relative path without extension. */
  id: string;
  /** `YYYY-MM-DD`, or null when neither front matter, file name nor title carries a date. */
  date: string | null;
  title: string;
  description: string;
  /** Front-matter author name, if any. */
  author: string | null;
  attendees: AttendeeEntry[];
  agenda: SourceLine[];
  sections: ParsedSection[];
  warnings: IngestWarning[];
}

/** Headings that organise a note rather than record a discussion. */
const AGENDA_HEADING = /^(agenda|topics?|schedule)\b/i;
const ATTENDEES_HEADING = /^(attendees|attendance|present|participants|people)\b/i;
const NEXT_MEETING_HEADING = /^(next (week|call|meeting|time)|for next (week|call|meeting))\b/i;
// The same as `\s*[*_]{0,2}\s*` around the word, written so that two runs of white space never
// meet: with nothing between them the engine tries every split of a long blank run (quadratic).
const ATTENDEES_LABEL = /^\s*(?:[*_]{1,2}\s*)?(attendees|attendance|present|participants)\s*(?:[*_]{1,2}\s*)?:\s*[*_]{0,2}/i;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

/** Parses one note. Pure: the same text always gives the same result; never throws for bad text. */
export function parseNote(note: RawNote): ParsedNote {
  const warnings: IngestWarning[] = [];
  const { data, body, bodyStartLine } = splitFrontMatter(note, warnings);
  const text = blankHtmlComments(normaliseHeadingMarks(body));
  const lines = text.split(/\r?\n/);
  const lineAt = (i: number): SourceLine => ({ line: bodyStartLine + i, text: lines[i] ?? '' });

  let headings: Heading[];
  try {
    headings = topLevelHeadings(text);
  } catch (err) {
    warnings.push({ kind: 'partial', file: note.source, message: `Markdown could not be parsed: ${(err as Error).message}` });
    headings = [];
  }

  const id = note.source.replace(/\.(md|markdown)$/i, '');
  const title = stringField(data.subject) ?? stringField(data.title) ?? (headings[0] && headings[0].depth === 1 ? headings[0].text : '') ?? '';
  const date = dateFrom(data, note.source, title);
  if (!date) warnings.push({ kind: 'no-date', file: note.source, line: 1, message: 'no date in front matter (updated/date), file name or title' });

  // Ranges of body lines (0-based, end exclusive) owned by each heading.
  const ranges = headings.map((h, i) => ({
    heading: h,
    start: h.endLine,
    end: i + 1 < headings.length ? headings[i + 1].startLine : lines.length,
  }));
  const preambleEnd = headings.length ? headings[0].startLine : lines.length;

  const attendeesFound = findAttendees(lines, ranges, preambleEnd);
  const attendees = attendeesFound ? withoutOverlongNames(parseAttendees(attendeesFound.lines.map(lineAt)), note.source, warnings) : [];
  const attendeeLines = new Set(attendeesFound?.lines);
  const inAttendeeBlock = (i: number) => attendeeLines.has(i);

  const agenda: SourceLine[] = [];
  const sections: ParsedSection[] = [];
  for (const r of ranges) {
    const heading = r.heading.text;
    const own: SourceLine[] = [];
    for (let i = r.start; i < r.end; i++) {
      if (inAttendeeBlock(i) || isBlankOrDefinition(lines[i])) continue;
      own.push(lineAt(i));
    }
    if (AGENDA_HEADING.test(heading)) {
      agenda.push(...own);
      continue;
    }
    if (ATTENDEES_HEADING.test(heading) || NEXT_MEETING_HEADING.test(heading)) continue;
    if (own.length === 0) continue; // a container heading such as "Notes" with items below it
    sections.push({ heading, level: r.heading.depth, line: r.heading.startLine + bodyStartLine, lines: own });
  }

  // Lines before the first heading: an agenda list and the attendee list, or, in a note without
  // item headings, the discussion itself.
  const preamble: SourceLine[] = [];
  for (let i = 0; i < preambleEnd; i++) {
    if (inAttendeeBlock(i) || isBlankOrDefinition(lines[i])) continue;
    preamble.push(lineAt(i));
  }
  if (sections.length === 0 && preamble.length > 0 && !looksLikeAgendaOnly(preamble)) {
    sections.push({ heading: '', level: 0, line: preamble[0].line, lines: preamble });
  } else {
    agenda.push(...preamble.filter((l) => /^\s*([*+-]|\d+\.)\s+/.test(l.text)));
  }

  return {
    source: note.source,
    contentHash: note.contentHash,
    id,
    date,
    title,
    description: stringField(data.description) ?? '',
    author: authorName(data.author),
    attendees,
    agenda,
    sections,
    warnings,
  };
}

function splitFrontMatter(note: RawNote, warnings: IngestWarning[]): { data: Record<string, unknown>; body: string; bodyStartLine: number } {
  const text = note.text;
  const fence = /^---[ \t]*\r?\n/.exec(text);
  if (!fence) return { data: {}, body: text, bodyStartLine: 1 };
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(fence[0].length - 1));
  if (!close) {
    warnings.push({ kind: 'partial', file: note.source, line: 1, message: 'front matter is not closed by a `---` line; read as text' });
    return { data: {}, body: text, bodyStartLine: 1 };
  }
  const bodyOffset = fence[0].length - 1 + close.index + close[0].length;
  const bodyStartLine = text.slice(0, bodyOffset).split('\n').length;
  const body = text.slice(bodyOffset);
  try {
    // gray-matter caches by content; an empty options object turns the cache off so a retried
    // parse of the same text reports the same errors.
    const parsed = matter(text.slice(0, bodyOffset), {});
    const data = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      warnings.push({ kind: 'partial', file: note.source, line: 1, message: 'front matter is not a YAML mapping; ignored' });
      return { data: {}, body, bodyStartLine };
    }
    return { data: data as Record<string, unknown>, body, bodyStartLine };
  } catch (err) {
    const e = err as { mark?: { line?: number }; reason?: string; message: string };
    const line = e.mark?.line !== undefined ? e.mark.line + 2 : 1;
    warnings.push({ kind: 'partial', file: note.source, line, message: `front matter is not valid YAML (${e.reason ?? e.message.split('\n')[0]}); the rest of the note was read` });
    return { data: {}, body, bodyStartLine };
  }
}

/** A heading of the note's top level, with its lines as 0-based indexes into the body. */
interface Heading {
  depth: number;
  /** Plain text: inline markup removed, white space collapsed. */
  text: string;
  startLine: number;
  /** First line after the heading. */
  endLine: number;
}

/**
 * The block structure of a note, without its inline markup: of the inline markup only the
 * headings' is needed, and parsing every paragraph's took about two thirds of the parse.
 */
const markdownBlocks = new MarkdownIt('commonmark').disable(['inline', 'text_join']);
/** Inline markup of one heading, as the full parse would give it. */
const markdownInline = new MarkdownIt('commonmark');

/** Headings outside lists, quotes and code, in order. */
function topLevelHeadings(text: string): Heading[] {
  // The block parse collects the link reference definitions into `env`; a heading's inline parse
  // reads them from there, exactly as the full parse does.
  const env = {};
  const tokens = markdownBlocks.parse(text, env);
  const out: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || t.level !== 0 || !t.map) continue;
    const content = tokens[i + 1]?.type === 'inline' ? tokens[i + 1].content : null;
    const plain = (content === null ? [] : (markdownInline.parseInline(content, env)[0]?.children ?? []))
      .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' ? ' ' : ''))
      .join('');
    out.push({ depth: Number(t.tag.slice(1)), text: plain.replace(/\s+/g, ' ').trim(), startLine: t.map[0], endLine: t.map[1] });
  }
  return out;
}

/** A heading typed with a no-break space after its `#` marks is still a heading. */
function normaliseHeadingMarks(text: string): string {
  return text.replace(/^(\s{0,3}#{1,6})[\u00a0\u2007\u202f]+/gm, '$1 ');
}

/** HTML comments are not discussion text; they are blanked out keeping line breaks so lines stay true. */
export function blankHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(-->|$)/g, (m) => m.replace(/[^\n]/g, ' '));
}

function isBlankOrDefinition(line: string | undefined): boolean {
  return !line || line.trim() === '' || LINK_DEFINITION.test(line) || /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line);
}

function looksLikeAgendaOnly(lines: SourceLine[]): boolean {
  return lines.every((l) => /^\s*([*+-]|\d+\.)\s+\S.{0,80}$/.test(l.text));
}

/** Finds the attendee block: a labelled paragraph (`Attendees: …`, names possibly on the next lines) or the paragraph under an `Attendees` heading. */
function findAttendees(
  lines: string[],
  ranges: Array<{ heading: Heading; start: number; end: number }>,
  preambleEnd: number,
): { lines: number[] } | null {
  const paragraphFrom = (start: number, end: number): number[] => {
    let i = start;
    while (i < end && lines[i].trim() === '') i++;
    const out: number[] = [];
    while (i < end && lines[i].trim() !== '' && !/^\s{0,3}#/.test(lines[i])) out.push(i++);
    return out;
  };
  for (let i = 0; i < lines.length; i++) {
    if (!ATTENDEES_LABEL.test(lines[i])) continue;
    const after = lines[i].replace(ATTENDEES_LABEL, '').trim();
    const rest = paragraphFrom(i + 1, lines.length);
    if (after === '' ) return { lines: [i, ...rest] };
    const block = [i];
    for (let j = i + 1; j < lines.length && lines[j].trim() !== '' && !/^\s{0,3}#/.test(lines[j]); j++) block.push(j);
    return { lines: block };
  }
  for (const r of ranges) {
    if (ATTENDEES_HEADING.test(r.heading.text)) {
      const block = paragraphFrom(r.start, r.end);
      if (block.length) return { lines: block };
    }
  }
  void preambleEnd;
  return null;
}

/** Longer "names" in an attendee list are pasted text, not people (and every form of a name becomes part of a pattern). */
const MAX_ATTENDEE_NAME = 100;

/** The entries whose name can be a person's; each other one is reported. */
function withoutOverlongNames(entries: AttendeeEntry[], file: string, warnings: IngestWarning[]): AttendeeEntry[] {
  return entries.filter((e) => {
    if (e.name.length <= MAX_ATTENDEE_NAME) return true;
    warnings.push({ kind: 'partial', file, line: e.line, message: `an attendee entry of ${e.name.length} characters is not a name; left out` });
    return false;
  });
}

function stringField(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

function authorName(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return ((v as { name: string }).name).trim() || null;
  return null;
}

const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;

/**
 * The meeting date. YAML timestamps arrive as JS Dates at UTC midnight; reading them in UTC keeps
 * the calendar date exactly as written whatever the machine's time zone.
 */
export function dateFrom(data: Record<string, unknown>, source: string, title: string): string | null {
  for (const key of ['updated', 'date', 'created']) {
    const v = data[key];
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (typeof v === 'string') {
      const m = ISO_DATE.exec(v);
      if (m && validDate(m)) return `${m[1]}-${m[2]}-${m[3]}`;
    }
  }
  const base = source.split('/').pop() ?? source;
  for (const candidate of [base, title]) {
    const m = ISO_DATE.exec(candidate);
    if (m && validDate(m)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return null;
}

/** A real calendar day: a meeting on 30 February would sort after every real day of that month. */
function validDate(m: RegExpExecArray): boolean {
  return isCalendarDay(`${m[1]}-${m[2]}-${m[3]}`);
}
