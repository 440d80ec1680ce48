/**
 * The search query language, as people know it from mail and chat archives:
 *
 *   enigma "rotor wiring" -cobol -"release notes" person:AlanT project:enigma topic:"release"
 *   after:2015-01 before:2015-06-30 in:2015 in:2015-03 meeting:2015-05-20
 *
 * `parseQuery` is a pure function from the text to a typed query; resolving names to ids is the
 * index's job (it knows the graph).
 */
import { daysInMonth } from '../calendar.js';

/** A user mistake in a query: `field` names the operator (or `query` for the text as a whole). */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** Inclusive calendar bounds, `YYYY-MM-DD`. */
export interface QueryDateRange {
  from?: string;
  to?: string;
}

/** A parsed query. Every list is in the order written; all clauses must hold (AND). */
export interface SearchQuery {
  /** Free words, as written (the index normalises them). */
  words: string[];
  /** `"quoted phrases"`, whitespace collapsed. */
  phrases: string[];
  /** `-word`: discussions containing it are dropped. */
  excludedWords: string[];
  /** `-"a phrase"`. */
  excludedPhrases: string[];
  /** `person:` values (a name, alias, slug or unique prefix). */
  people: string[];
  /** `project:` values. */
  projects: string[];
  /** `topic:` values. */
  topics: string[];
  /** `meeting:` values: a `YYYY-MM-DD` date or a meeting id. */
  meetings: string[];
  /** Intersection of every `after:`, `before:` and `in:`. */
  range: QueryDateRange;
}

/** True when the query has no free words or phrases, only operators (or nothing at all). */
export function isFilterOnly(query: SearchQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}

const OPERATORS = ['person', 'project', 'topic', 'after', 'before', 'in', 'meeting'] as const;
type Operator = (typeof OPERATORS)[number];

/** One lexical piece of the query text. */
interface Token {
  negated: boolean;
  operator?: string;
  value: string;
  quoted: boolean;
}

/**
 * Splits the text into tokens. A token is `[-][op:]value` where value is a bare run of
 * non-space characters or a double-quoted string (an unclosed quote runs to the end).
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const readQuoted = (): string => {
    // text[i] is the opening quote
    i++;
    const start = i;
    while (i < n && text[i] !== '"') i++;
    const value = text.slice(start, i);
    if (i < n) i++; // closing quote
    return value;
  };
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++;
    if (i >= n) break;
    let negated = false;
    if (text[i] === '-' && i + 1 < n && !/\s/.test(text[i + 1])) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      tokens.push({ negated, value: readQuoted(), quoted: true });
      continue;
    }
    // An operator is letters followed by ':' and a value; `http://…` and `12:30` stay words.
    const op = /^([A-Za-z]+):(?=\S)(?!\/\/)/.exec(text.slice(i));
    if (op) {
      i += op[0].length;
      if (text[i] === '"') {
        tokens.push({ negated, operator: op[1].toLowerCase(), value: readQuoted(), quoted: true });
      } else {
        const start = i;
        while (i < n && !/\s/.test(text[i])) i++;
        tokens.push({ negated, operator: op[1].toLowerCase(), value: text.slice(start, i), quoted: false });
      }
      continue;
    }
    const start = i;
    while (i < n && !/\s/.test(text[i])) i++;
    tokens.push({ negated, value: text.slice(start, i), quoted: false });
  }
  return tokens;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Parses the query text; throws `QueryError` for an unknown operator or a bad date. */
export function parseQuery(text: string): SearchQuery {
  const query: SearchQuery = {
    words: [],
    phrases: [],
    excludedWords: [],
    excludedPhrases: [],
    people: [],
    projects: [],
    topics: [],
    meetings: [],
    range: {},
  };
  for (const token of tokenize(text)) {
    if (token.operator === undefined) {
      const value = collapse(token.value);
      if (!value) continue;
      if (token.quoted) (token.negated ? query.excludedPhrases : query.phrases).push(value);
      else (token.negated ? query.excludedWords : query.words).push(value);
      continue;
    }
    const operator = token.operator;
    if (!(OPERATORS as readonly string[]).includes(operator)) {
      throw new QueryError(
        `unknown operator "${operator}:" (known: ${OPERATORS.map((o) => `${o}:`).join(', ')})`,
        operator,
      );
    }
    if (token.negated) {
      throw new QueryError(`"-${operator}:" is not supported: operators cannot be negated`, operator);
    }
    const value = collapse(token.value);
    if (!value) throw new QueryError(`"${operator}:" needs a value`, operator);
    applyOperator(query, operator as Operator, value);
  }
  return query;
}

function applyOperator(query: SearchQuery, operator: Operator, value: string): void {
  switch (operator) {
    case 'person':
      query.people.push(value);
      return;
    case 'project':
      query.projects.push(value);
      return;
    case 'topic':
      query.topics.push(value);
      return;
    case 'meeting':
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) parsePartialDate(value, operator); // validates
      query.meetings.push(value);
      return;
    case 'after':
      narrow(query.range, { from: parsePartialDate(value, operator).first });
      return;
    case 'before':
      narrow(query.range, { to: parsePartialDate(value, operator).last });
      return;
    case 'in': {
      const span = parsePartialDate(value, operator);
      narrow(query.range, { from: span.first, to: span.last });
      return;
    }
  }
}

/** Intersects the range with more bounds (the later `from`, the earlier `to`). */
function narrow(range: QueryDateRange, bounds: QueryDateRange): void {
  if (bounds.from && (!range.from || bounds.from > range.from)) range.from = bounds.from;
  if (bounds.to && (!range.to || bounds.to < range.to)) range.to = bounds.to;
}

/** First and last day covered by `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface DateSpan {
  first: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Expands a partial date to the days it covers; throws `QueryError(field)` when it is not a real date. */
export function parsePartialDate(value: string, field: string): DateSpan {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  const bad = (why: string) =>
    new QueryError(`bad date "${value}" for "${field}:" (${why}; use YYYY, YYYY-MM or YYYY-MM-DD)`, field);
  if (!m) throw bad('not a date');
  const year = Number(m[1]);
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw bad(`no month ${m[2]}`);
  const monthDays = daysInMonth(year, month);
  if (m[3] === undefined) {
    return { first: `${m[1]}-${pad(month)}-01`, last: `${m[1]}-${pad(month)}-${pad(monthDays)}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > monthDays) throw bad(`${m[1]}-${pad(month)} has no day ${m[3]}`);
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  return { first: date, last: date };
}
