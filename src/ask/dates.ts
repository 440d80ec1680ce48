/**
 * Dates and periods in a question: "2014-06-10", "16 April 2013", "the June 10th 2014 call",
 * "in 2014", "between March and June 2014", "since May 2015", "before 2015", "Q1 2015",
 * "the first half of 2015". Pure text → calendar bounds, no clock involved.
 */
import { daysInMonth } from '../calendar.js';

export interface DateBounds {
  /** Inclusive `YYYY-MM-DD`. */
  from?: string;
  /** Inclusive `YYYY-MM-DD`. */
  to?: string;
}

/** What the question says about time. */
export interface TimeReference {
  /** The period the question is restricted to (empty when it names none). */
  range: DateBounds;
  /** A single calendar day named on its own (not as a bound): the date of a meeting. */
  day?: string;
  /** Character spans of the question that were read as dates (so names are not looked for there). */
  spans: Array<[number, number]>;
  /** Whether the question says anything about time at all. */
  mentioned: boolean;
  /** Dates as written that are not real dates ("2015-13-01", "31 June 2014"). */
  invalid: string[];
  /** Dates without a year that nothing else in the question completes ("on 10 June", "in March"). */
  incomplete: Array<{ text: string; month: number; day?: number }>;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthNumber(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(w)) + 1;
}

/** A date as written: any of year, month, day may be missing (filled from context when possible). */
interface DateAtom {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  /** Explicit whole span (quarters, halves of a year). */
  span?: { first: string; last: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** First and last day of an atom (which must have a year by now). */
function spanOf(a: DateAtom): { first: string; last: string } | null {
  if (a.span) return a.span;
  if (a.year === undefined) return null;
  if (a.month === undefined) return { first: ymd(a.year, 1, 1), last: ymd(a.year, 12, 31) };
  if (a.day === undefined) return { first: ymd(a.year, a.month, 1), last: ymd(a.year, a.month, daysInMonth(a.year, a.month)) };
  if (!validDay(a.year, a.month, a.day)) return null;
  const d = ymd(a.year, a.month, a.day);
  return { first: d, last: d };
}

function shiftDay(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const ORD = '(?:st|nd|rd|th)?';

/** Patterns for date atoms, most specific first; each returns the atom's fields. */
const ATOM_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Partial<DateAtom> }> = [
  // 2014-06-10, 2014/06/10, 2014-06
  {
    re: /\b(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?![\d/-])/g,
    read: (m) => ({ year: +m[1], month: +m[2], day: m[3] ? +m[3] : undefined }),
  },
  // 10/06/2014 or 10.06.2014: day first, unless only month first makes a date (06/30/2014)
  {
    re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g,
    read: (m) => {
      const [a, b, y] = [+m[1], +m[2], +m[3]];
      return b > 12 && a <= 12 ? { year: y, month: a, day: b } : { year: y, month: b, day: a };
    },
  },
  // Q1 2015
  {
    re: /\bq([1-4])\s*(?:of\s+)?(\d{4})\b/gi,
    read: (m) => {
      const y = +m[2];
      const q = +m[1];
      return { span: { first: ymd(y, q * 3 - 2, 1), last: ymd(y, q * 3, daysInMonth(y, q * 3)) } };
    },
  },
  // the first / second half of 2015
  {
    re: /\b(first|second|1st|2nd)\s+half\s+of\s+(\d{4})\b/gi,
    read: (m) => {
      const y = +m[2];
      return /^(first|1st)$/i.test(m[1]) ? { span: { first: ymd(y, 1, 1), last: ymd(y, 6, 30) } } : { span: { first: ymd(y, 7, 1), last: ymd(y, 12, 31) } };
    },
  },
  // 16 April 2013, 16th of April, 2013
  {
    re: new RegExp(`\\b(\\d{1,2})${ORD}(?:\\s+of)?\\s+${MONTH_WORD}\\.?(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    read: (m) => ({ day: +m[1], month: monthNumber(m[2]), year: m[3] ? +m[3] : undefined }),
  },
  // April 16 2013, June 10th, 2014
  {
    re: new RegExp(`\\b${MONTH_WORD}\\.?\\s+(\\d{1,2})${ORD}(?!\\d)(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    read: (m) => ({ month: monthNumber(m[1]), day: +m[2], year: m[3] ? +m[3] : undefined }),
  },
  // March 2015
  {
    re: new RegExp(`\\b${MONTH_WORD}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => ({ month: monthNumber(m[1]), year: +m[2] }),
  },
  // 2014
  { re: /(?<![\d-])\b((?:19|20)\d{2})\b(?![-/]?\d)/g, read: (m) => ({ year: +m[1] }) },
  // a month on its own ("between March and June 2014"); `may` only capitalised, as it is also a verb
  {
    re: new RegExp(`\\b${MONTH_WORD}\\b`, 'gi'),
    read: (m) => (m[1] === 'may' || m[1] === 'mar' || m[1] === 'jan' || m[1] === 'dec' || m[1] === 'sep' ? {} : { month: monthNumber(m[1]) }),
  },
];

function findAtoms(text: string, invalid: string[] = []): DateAtom[] {
  const atoms: DateAtom[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  for (const { re, read } of ATOM_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const fields = read(m);
      if (fields.year === undefined && fields.month === undefined && fields.span === undefined) continue;
      const badMonth = fields.month !== undefined && (fields.month < 1 || fields.month > 12);
      const badDay =
        fields.year !== undefined && fields.month !== undefined && fields.day !== undefined && !badMonth && !validDay(fields.year, fields.month, fields.day);
      if (badMonth || badDay) {
        invalid.push(m[0]);
        for (let i = start; i < end; i++) taken[i] = true;
        continue;
      }
      atoms.push({ start, end, ...fields });
      for (let i = start; i < end; i++) taken[i] = true;
    }
  }
  return atoms.sort((a, b) => a.start - b.start);
}

/** A bound word right before a date: what the date means for the range. */
type BoundKind = 'from' | 'after' | 'before' | 'until' | 'in';

const BOUND_BEFORE = /(since|from|starting(?:\s+(?:in|from))?|as\s+of|after|later\s+than|before|prior\s+to|earlier\s+than|until|till|up\s+to|through|thru|by|in|during|on|of|at)\s+(?:the\s+)?$/i;

function boundKind(word: string | undefined): BoundKind {
  const w = (word ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (/^(since|from|starting|as of)/.test(w)) return 'from';
  if (/^(after|later than)/.test(w)) return 'after';
  if (/^(before|prior to|earlier than)/.test(w)) return 'before';
  if (/^(until|till|up to|through|thru|by)/.test(w)) return 'until';
  return 'in';
}

/** Reads the time reference of a question. */
export function readTime(text: string): TimeReference {
  const invalid: string[] = [];
  const atoms = findAtoms(text, invalid);
  const result: TimeReference = { range: {}, spans: [], mentioned: false, invalid, incomplete: [] };
  const narrow = (from?: string, to?: string) => {
    if (from && (!result.range.from || from > result.range.from)) result.range.from = from;
    if (to && (!result.range.to || to < result.range.to)) result.range.to = to;
  };

  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    const b = atoms[i + 1];
    // "between A and B", "from A to B", "A to B", "A - B"
    if (b) {
      const gap = text.slice(a.end, b.start);
      if (/^\s*(?:and|to|till|until|through|thru|-|–|—)\s*$/i.test(gap)) {
        const lead = text.slice(0, a.start);
        const isRange = /(between|from)\s+(?:the\s+)?$/i.test(lead) || !/^\s*and\s*$/i.test(gap);
        if (isRange) {
          fillFrom(a, b);
          const first = spanOf(a);
          const last = spanOf(b);
          if (first && last) {
            narrow(first.first, last.last);
            const leadWord = /(between|from)\s+(?:the\s+)?$/i.exec(lead);
            result.spans.push([leadWord ? leadWord.index : a.start, b.end]);
            result.mentioned = true;
            i++;
            continue;
          }
        }
      }
    }
    fillFrom(a, b ?? atoms[i - 1]);
    const span = spanOf(a);
    if (!span) {
      if (a.year === undefined && a.month !== undefined) {
        result.incomplete.push({ text: text.slice(a.start, a.end), month: a.month, day: a.day });
        result.spans.push([a.start, a.end]);
        result.mentioned = true;
      }
      continue;
    }
    const lead = BOUND_BEFORE.exec(text.slice(Math.max(0, a.start - 24), a.start));
    let kind = boundKind(lead?.[1]);
    // "discussions from 2014" are those of 2014; "from 2014 on" is a lower bound
    if (kind === 'from' && /^from$/i.test(lead?.[1] ?? '') && !/^\s*(on|onwards?|forwards?|and (?:later|after))\b/i.test(text.slice(a.end))) {
      kind = 'in';
    }
    result.mentioned = true;
    result.spans.push([lead ? a.start - lead[0].length : a.start, a.end]);
    switch (kind) {
      case 'from':
        narrow(span.first, undefined);
        break;
      case 'after':
        narrow(shiftDay(span.last, 1), undefined);
        break;
      case 'before':
        narrow(undefined, shiftDay(span.first, -1));
        break;
      case 'until':
        narrow(undefined, span.last);
        break;
      case 'in':
        if (span.first === span.last && a.day !== undefined) result.day = span.first;
        narrow(span.first, span.last);
        break;
    }
  }
  // A lone day is the date of a meeting; as part of a range it is only a bound.
  if (result.day && (result.range.from !== result.day || result.range.to !== result.day)) delete result.day;
  return result;
}

/** Completes a partial atom from its neighbour: "between March and June 2014" puts March in 2014. */
function fillFrom(a: DateAtom, other: DateAtom | undefined): void {
  if (a.span || a.year !== undefined || !other) return;
  const year = other.year ?? (other.span ? Number(other.span.first.slice(0, 4)) : undefined);
  if (year === undefined) return;
  a.year = other.start > a.start && other.month !== undefined && a.month !== undefined && a.month > other.month ? year - 1 : year;
}

/** The range in words: "in 2014", "in March 2014", "on 2014-06-10", "between 2014-03-01 and 2014-06-30". */
export function describeRange(range: DateBounds): string {
  const { from, to } = range;
  if (from && to) {
    if (from === to) return `on ${from}`;
    const [fy, fm, fd] = from.split('-').map(Number);
    const [ty, tm, td] = to.split('-').map(Number);
    if (fy === ty && fm === 1 && fd === 1 && tm === 12 && td === 31) return `in ${fy}`;
    if (fy === ty && fm === tm && fd === 1 && td === daysInMonth(ty, tm)) {
      return `in ${MONTHS[fm - 1][0].toUpperCase()}${MONTHS[fm - 1].slice(1)} ${fy}`;
    }
    return `between ${from} and ${to}`;
  }
  if (from) return `from ${from} on`;
  if (to) return `up to ${to}`;
  return '';
}
