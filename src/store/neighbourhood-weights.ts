/**
 * The weights of the whole people↔project graph (every date), kept on the Neo4j store's Person
 * and Project nodes so that a neighbourhood without dates reads a few hundred nodes instead of
 * adding up every person–discussion–project path (449,553 of them at 10,000 meetings, 2.5 s); and
 * the projects related to each project, which its detail lists.
 *
 * Every weight is a count of discussions, so it is a sum over discussions: a load adds the
 * discussions it writes and subtracts the ones it deletes, each given by its shape (the people who
 * DISCUSSED it, the projects it is ABOUT, its meeting's month). A whole load counts every
 * discussion of the graph.
 *
 * The node weights are also kept per month, as running sums (`StoredWeights.runningTotals`): a
 * neighbourhood over whole months reads a node's weight in the range as the difference of two
 * list elements instead of counting the range's discussions (0.1 s for a year at 10,000 meetings).
 */
import { daysInMonth } from '../calendar.js';
import { UNDATED } from '../domain.js';
import type { MeetingPart } from './meeting-parts.js';
import { compareText } from './order.js';

/** One discussion as the weights see it. */
export interface DiscussionShape {
  people: string[];
  projects: string[];
  /** Its meeting's month, as `monthIndex` numbers it; null for an undated meeting. */
  month: number | null;
}

/** A month's node weights: `total` and `linked` as `EntityWeights` counts them, in that month only. */
export interface MonthWeights {
  total: number;
  linked: number;
}

/** The weights of one person (or project) over every date. */
export interface EntityWeights {
  /** Discussions the person took part in (the project was discussed in). */
  total: number;
  /** Of those, the ones about at least one project (with at least one person): the node has an edge when > 0. */
  linked: number;
  /** Per project (person): discussions with both, the edge's weight. Never holds 0. */
  pairs: Map<string, number>;
  /** A project's related projects: per other project, the discussions ABOUT both. Never holds 0; empty for people. */
  related: Map<string, number>;
  /** `total` and `linked` by month (`monthIndex`). Never holds a month whose both counts are 0. */
  months: Map<number, MonthWeights>;
  /** `total` and `linked` over the undated meetings (`UNDATED`), which are in no month. */
  undated: MonthWeights;
}

export interface NeighbourhoodWeights {
  person: Map<string, EntityWeights>;
  project: Map<string, EntityWeights>;
}

/** The row a Person or Project node stores (`load-person-weights.cypher`, `weights-of.cypher`). */
export interface StoredWeights {
  id: string;
  total: number;
  linked: number;
  /** The other ends' ids in code-unit order, with `pairWeights` at the same positions. */
  pairIds: string[];
  pairWeights: number[];
  /** The related projects' ids in code-unit order, with `relatedWeights` (a project's only). */
  relatedIds: string[];
  relatedWeights: number[];
  /**
   * The month (`monthIndex`) of the running sums' first element: the node's first month with a
   * discussion (0 when it has none).
   */
  monthsFrom: number;
  /**
   * Per month from `monthsFrom` to the node's last month with a discussion, every month between
   * included: `total` over that month and all before it, so the total over months a..b is
   * `runningTotals[b] - runningTotals[a - 1]` (positions counted from `monthsFrom`).
   */
  runningTotals: number[];
  /** The same running sums of `linked`. */
  runningLinked: number[];
  /** `total` and `linked` over the undated meetings (`UNDATED` sorts before every date). */
  undatedTotal: number;
  undatedLinked: number;
}

/** `YYYY-MM` with a month 01–12, at the start of a date or a range bound. */
const MONTH_PREFIX = /^(\d{4})-(0[1-9]|1[0-2])/;
const MEETING_DATE = new RegExp(`${MONTH_PREFIX.source}-\\d{2}$`);

/**
 * True for a date the weights can place: `UNDATED`, or `YYYY-MM-DD` with a month 01–12. The
 * ingest writes only calendar days, but a graph or database an older ingest wrote may hold a day
 * past its month's end (`2015-02-30`); it is counted in that month, as `neighbourhood-weights.cypher`
 * counts it, until the notes are ingested again.
 */
export function isMeetingDate(date: string): boolean {
  return date === UNDATED || MEETING_DATE.test(date);
}

/**
 * A meeting date's month as a number that counts months (year × 12 + month − 1), so that
 * consecutive months are consecutive numbers; null for `UNDATED`. A date `isMeetingDate` refuses
 * throws (a load refuses such a graph before it writes: `partitionGraph`).
 */
export function monthIndex(date: string): number | null {
  if (date === UNDATED) return null;
  const m = MEETING_DATE.exec(date);
  if (!m) throw new Error(`meeting date "${date}" is not a date YYYY-MM-DD`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The `YYYY-MM` of a `monthIndex` number. */
export function monthKey(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last month `monthKey` writes with four digits: later ones would not compare as dates do. */
const LAST_MONTH = 9999 * 12 + 11;

/** A date range cut where the stored running sums can answer it (`cutAtMonths`). */
export interface MonthCut {
  /** The whole months inside the range (`monthIndex`, inclusive; null = open end), or null when it holds none. */
  months: { first: number | null; last: number | null } | null;
  /** The rest of the range, to count from its discussions: the days before and after those months, or the whole range. */
  rest: Array<{ from?: string; to?: string }>;
}

/**
 * Cuts an inclusive date range (bounds compared as strings, as the statements compare them) into
 * the whole months it holds and the days left at either end, which together select exactly the
 * dates the range selects. `2014-03-05`..`2014-06-30` gives April to June and `2014-03-05`..
 * `2014-03-00`; a range of whole months (the graph page's) leaves nothing else. A bound that is
 * not a date leaves the range whole. (The one exception: a day past its month's end, which only an
 * older ingest wrote, is in its month here, where the text comparison puts it after the month.)
 */
export function cutAtMonths(range: { from?: string; to?: string }): MonthCut {
  const whole = { months: null, rest: [range] };
  const monthOf = (bound: string) => {
    const m = MONTH_PREFIX.exec(bound);
    return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
  };
  // The month of `from` is whole when `from` is at or before its first day, else the days of it
  // from `from` on are left over; so for `to` and its month's last day.
  let first: number | null = null;
  let last: number | null = null;
  const rest: MonthCut['rest'] = [];
  if (range.from !== undefined) {
    const month = monthOf(range.from);
    if (month === null) return whole;
    first = range.from <= `${monthKey(month)}-01` ? month : month + 1;
    // Day 00 sorts before every date of its month: the days before the first whole month.
    if (first !== month) rest.push({ from: range.from, to: `${monthKey(first)}-00` });
  }
  if (range.to !== undefined) {
    const month = monthOf(range.to);
    if (month === null) return whole;
    last = range.to >= `${monthKey(month)}-${daysInMonth(Math.floor(month / 12), (month % 12) + 1)}` ? month : month - 1;
    // Day 32 sorts after every date of its month: the days after the last whole month.
    if (last !== month) rest.push({ from: `${monthKey(last)}-32`, to: range.to });
  }
  if ((first !== null && last !== null && first > last) || (first ?? 0) > LAST_MONTH || (last ?? 0) < 0) return whole;
  return { months: { first, last }, rest };
}

export function emptyWeights(): NeighbourhoodWeights {
  return { person: new Map(), project: new Map() };
}

/** The shapes of the meetings' discussions, from their edges. */
export function shapesOf(parts: Iterable<MeetingPart>): DiscussionShape[] {
  const shapes: DiscussionShape[] = [];
  for (const part of parts) {
    const month = monthIndex(part.meeting.date);
    const byId = new Map<string, DiscussionShape>();
    for (const d of part.discussions) byId.set(d.id, { people: [], projects: [], month });
    for (const e of part.discussed) byId.get(e.discussionId)?.people.push(e.personId);
    for (const e of part.about) if (e.target === 'project') byId.get(e.discussionId)?.projects.push(e.targetId);
    shapes.push(...byId.values());
  }
  return shapes;
}

/** Adds (`sign` 1) or takes away (-1) each discussion's share of the weights. */
export function addShapes(weights: NeighbourhoodWeights, shapes: Iterable<DiscussionShape>, sign: 1 | -1): void {
  for (const { people, projects, month } of shapes) {
    // DISCUSSED and ABOUT are one edge per pair, so a shape names each id once; each is kept once
    // all the same, so that a repeated id could never count a discussion twice.
    const ps = [...new Set(people)];
    const js = [...new Set(projects)];
    for (const p of ps) add(weights.person, p, js, [], month, sign);
    for (const j of js) add(weights.project, j, ps, js, month, sign);
  }
}

function add(of: Map<string, EntityWeights>, id: string, others: string[], projects: string[], month: number | null, sign: 1 | -1): void {
  const w = weightsOf(of, id);
  const linked = others.length > 0 ? sign : 0;
  w.total += sign;
  w.linked += linked;
  for (const other of others) bump(w.pairs, other, sign);
  for (const other of projects) if (other !== id) bump(w.related, other, sign);
  if (month === null) bumpUndated(w.undated, sign, linked);
  else bumpMonth(w.months, month, sign, linked);
}

function weightsOf(of: Map<string, EntityWeights>, id: string): EntityWeights {
  let w = of.get(id);
  if (!w) of.set(id, (w = { total: 0, linked: 0, pairs: new Map(), related: new Map(), months: new Map(), undated: { total: 0, linked: 0 } }));
  return w;
}

/** Adds to the undated counts. */
function bumpUndated(undated: MonthWeights, total: number, linked: number): void {
  undated.total += total;
  undated.linked += linked;
}

/** Adds to a month's counts, dropping the month when both reach 0. */
function bumpMonth(months: Map<number, MonthWeights>, month: number, total: number, linked: number): void {
  const m = months.get(month) ?? { total: 0, linked: 0 };
  const sum = { total: m.total + total, linked: m.linked + linked };
  if (sum.total === 0 && sum.linked === 0) months.delete(month);
  else months.set(month, sum);
}

/** Adds `n` to `key`'s count, dropping it at 0. */
function bump(counts: Map<string, number>, key: string, n: number): void {
  const sum = (counts.get(key) ?? 0) + n;
  if (sum === 0) counts.delete(key);
  else counts.set(key, sum);
}

/**
 * What the weights gain by deleting `deleted` and writing `written`: only the people and projects
 * whose weights change. A note edited in one place deletes and writes its meeting's discussions
 * again, nearly all as they were, and most of their shares cancel out.
 */
export function weightChanges(deleted: Iterable<DiscussionShape>, written: Iterable<DiscussionShape>): NeighbourhoodWeights {
  const changes = emptyWeights();
  addShapes(changes, deleted, -1);
  addShapes(changes, written, 1);
  for (const of of [changes.person, changes.project]) {
    for (const [id, w] of of) {
      const unchanged = w.total === 0 && w.linked === 0 && w.undated.total === 0 && w.undated.linked === 0;
      if (unchanged && w.pairs.size === 0 && w.related.size === 0 && w.months.size === 0) of.delete(id);
    }
  }
  return changes;
}

/** Adds `changes` (from `weightChanges`) to `weights`. */
export function addChanges(weights: NeighbourhoodWeights, changes: NeighbourhoodWeights): void {
  for (const kind of ['person', 'project'] as const) {
    for (const [id, change] of changes[kind]) {
      const w = weightsOf(weights[kind], id);
      w.total += change.total;
      w.linked += change.linked;
      for (const [other, n] of change.pairs) bump(w.pairs, other, n);
      for (const [other, n] of change.related) bump(w.related, other, n);
      for (const [month, n] of change.months) bumpMonth(w.months, month, n.total, n.linked);
      bumpUndated(w.undated, change.undated.total, change.undated.linked);
    }
  }
}

/** Weights as stored, read back into maps (ids missing from `rows` start at zero). */
export function weightsFromRows(rows: { person: StoredWeights[]; project: StoredWeights[] }): NeighbourhoodWeights {
  const counts = (ids: string[] | null, weights: number[] | null) => new Map((ids ?? []).map((id, i) => [id, weights![i]]));
  const toMap = (list: StoredWeights[]) =>
    new Map(
      list.map((r) => [
        r.id,
        {
          total: r.total,
          linked: r.linked,
          pairs: counts(r.pairIds, r.pairWeights),
          related: counts(r.relatedIds, r.relatedWeights),
          months: monthsOf(r),
          undated: { total: r.undatedTotal ?? 0, linked: r.undatedLinked ?? 0 },
        },
      ]),
    );
  return { person: toMap(rows.person), project: toMap(rows.project) };
}

/** The month counts behind a stored row's running sums (none when the row has none). */
function monthsOf(row: Pick<StoredWeights, 'monthsFrom' | 'runningTotals' | 'runningLinked'>): Map<number, MonthWeights> {
  const months = new Map<number, MonthWeights>();
  const totals = row.runningTotals ?? [];
  const linked = row.runningLinked ?? [];
  for (let i = 0; i < totals.length; i++) {
    const m = { total: totals[i] - (i > 0 ? totals[i - 1] : 0), linked: linked[i] - (i > 0 ? linked[i - 1] : 0) };
    if (m.total !== 0 || m.linked !== 0) months.set(row.monthsFrom + i, m);
  }
  return months;
}

/** The running sums `StoredWeights` keeps of month counts: from the first month to the last, every month between. */
function runningSums(months: Map<number, MonthWeights> | undefined): Pick<StoredWeights, 'monthsFrom' | 'runningTotals' | 'runningLinked'> {
  if (!months || months.size === 0) return { monthsFrom: 0, runningTotals: [], runningLinked: [] };
  const keys = [...months.keys()];
  const first = Math.min(...keys);
  const runningTotals = new Array<number>(Math.max(...keys) - first + 1).fill(0);
  const runningLinked = [...runningTotals];
  for (const [month, m] of months) {
    runningTotals[month - first] = m.total;
    runningLinked[month - first] = m.linked;
  }
  for (let i = 1; i < runningTotals.length; i++) {
    runningTotals[i] += runningTotals[i - 1];
    runningLinked[i] += runningLinked[i - 1];
  }
  return { monthsFrom: first, runningTotals, runningLinked };
}

/** The rows to store for `ids` (every id of the weights when absent); an id without weights stores zeros. */
export function storedRows(of: Map<string, EntityWeights>, ids: Iterable<string> = of.keys()): StoredWeights[] {
  const out: StoredWeights[] = [];
  for (const id of new Set(ids)) {
    const w = of.get(id);
    const pairIds = w ? [...w.pairs.keys()].sort(compareText) : [];
    const relatedIds = w ? [...w.related.keys()].sort(compareText) : [];
    out.push({
      id,
      total: w?.total ?? 0,
      linked: w?.linked ?? 0,
      pairIds,
      pairWeights: pairIds.map((p) => w!.pairs.get(p)!),
      relatedIds,
      relatedWeights: relatedIds.map((j) => w!.related.get(j)!),
      ...runningSums(w?.months),
      undatedTotal: w?.undated.total ?? 0,
      undatedLinked: w?.undated.linked ?? 0,
    });
  }
  return out;
}
