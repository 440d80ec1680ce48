import { describe, expect, it } from 'vitest';
import {
  addChanges,
  addShapes,
  cutAtMonths,
  emptyWeights,
  monthIndex,
  monthKey,
  shapesOf,
  storedRows,
  weightChanges,
  weightsFromRows,
  type DiscussionShape,
} from '../../src/store/neighbourhood-weights.js';
import { partitionGraph } from '../../src/store/meeting-parts.js';
import { smallGraph } from '../fixtures/small-graph.js';
import { UNDATED } from '../../src/domain.js';

/** January 2024; the shapes fall in January and March. */
const JAN = monthIndex('2024-01-15')!;
const shapes: DiscussionShape[] = [
  { people: ['alice', 'bob'], projects: ['mirage'], month: JAN },
  { people: ['alice'], projects: ['mirage', 'tls'], month: JAN + 2 },
  { people: ['carol'], projects: [], month: JAN },
  { people: [], projects: ['xen'], month: JAN + 2 },
];

const NONE_RELATED = { relatedIds: [], relatedWeights: [] };
const NO_MONTHS = { monthsFrom: 0, runningTotals: [], runningLinked: [], undatedTotal: 0, undatedLinked: 0 };
/** Month running sums from `from`, and nothing undated. */
const months = (from: number, runningTotals: number[], runningLinked: number[]) => ({ monthsFrom: from, runningTotals, runningLinked, undatedTotal: 0, undatedLinked: 0 });

describe('neighbourhood weights', () => {
  it('counts discussions per person and project, linked ones and pairs', () => {
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    // Running sums from each node's first month to its last, February (nothing) included.
    expect(storedRows(w.person)).toEqual([
      { id: 'alice', total: 2, linked: 2, pairIds: ['mirage', 'tls'], pairWeights: [2, 1], ...NONE_RELATED, ...months(JAN, [1, 1, 2], [1, 1, 2]) },
      { id: 'bob', total: 1, linked: 1, pairIds: ['mirage'], pairWeights: [1], ...NONE_RELATED, ...months(JAN, [1], [1]) },
      { id: 'carol', total: 1, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...months(JAN, [1], [0]) },
    ]);
    expect(storedRows(w.project, ['xen', 'mirage', 'nobody'])).toEqual([
      { id: 'xen', total: 1, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...months(JAN + 2, [1], [0]) },
      {
        id: 'mirage',
        total: 2,
        linked: 2,
        pairIds: ['alice', 'bob'],
        pairWeights: [2, 1],
        relatedIds: ['tls'],
        relatedWeights: [1],
        ...months(JAN, [1, 1, 2], [1, 1, 2]),
      },
      { id: 'nobody', total: 0, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...NO_MONTHS },
    ]);
    // Related projects: the discussions about both.
    expect(storedRows(w.project, ['tls'])).toEqual([
      { id: 'tls', total: 1, linked: 1, pairIds: ['alice'], pairWeights: [1], relatedIds: ['mirage'], relatedWeights: [1], ...months(JAN + 2, [1], [1]) },
    ]);
  });

  it('takes a discussion away again, dropping pairs that reach zero', () => {
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    addShapes(w, [shapes[1]], -1);
    expect(storedRows(w.person, ['alice'])).toEqual([
      { id: 'alice', total: 1, linked: 1, pairIds: ['mirage'], pairWeights: [1], ...NONE_RELATED, ...months(JAN, [1], [1]) },
    ]);
    expect(storedRows(w.project, ['tls', 'mirage'])).toEqual([
      { id: 'tls', total: 0, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...NO_MONTHS },
      { id: 'mirage', total: 1, linked: 1, pairIds: ['alice', 'bob'], pairWeights: [1, 1], ...NONE_RELATED, ...months(JAN, [1], [1]) },
    ]);
  });

  it('reads stored rows back to the same weights', () => {
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    const rows = { person: storedRows(w.person), project: storedRows(w.project) };
    const back = weightsFromRows(rows);
    expect({ person: storedRows(back.person), project: storedRows(back.project) }).toEqual(rows);
  });

  it('shapes a graph\'s discussions from their DISCUSSED and ABOUT edges, topics left out', () => {
    const parts = partitionGraph(smallGraph());
    const all = shapesOf(parts.meetings);
    expect(all).toHaveLength(smallGraph().discussions.length);
    expect(all.filter((d) => d.people.includes('carol')).map((d) => d.projects.sort())).toEqual([['mirage', 'xen'], ['mirage', 'ocaml-tls']]);
    expect(new Set(all.flatMap((d) => d.projects))).toEqual(new Set(['mirage', 'xen', 'irmin', 'ocaml-tls']));
    // Each in its meeting's month.
    const graph = smallGraph();
    const dateOf = new Map(graph.meetings.map((m) => [m.id, m.date]));
    const expectedMonths = graph.discussions.map((d) => monthKey(monthIndex(dateOf.get(d.meetingId)!)!)).sort();
    expect(all.map((d) => monthKey(d.month!)).sort()).toEqual(expectedMonths);
    expect(new Set(expectedMonths)).toEqual(new Set(['2024-01', '2024-02']));
  });

  it('changes only the weights that a delete and a write do not cancel out', () => {
    const edited = [shapes[0], { people: ['alice'], projects: ['mirage'], month: JAN + 2 }, shapes[2], shapes[3]];
    const changes = weightChanges(shapes, edited);
    // Bob's, Carol's and Xen's discussions were written again as they were.
    expect([...changes.person.keys()]).toEqual(['alice']);
    expect(storedRows(changes.person)).toEqual([{ id: 'alice', total: 0, linked: 0, pairIds: ['tls'], pairWeights: [-1], ...NONE_RELATED, ...NO_MONTHS }]);
    // MirageOS loses TLS as a related project; its people are as they were.
    expect(storedRows(changes.project)).toEqual([
      { id: 'mirage', total: 0, linked: 0, pairIds: [], pairWeights: [], relatedIds: ['tls'], relatedWeights: [-1], ...NO_MONTHS },
      { id: 'tls', total: -1, linked: -1, pairIds: ['alice'], pairWeights: [-1], relatedIds: ['mirage'], relatedWeights: [-1], ...months(JAN + 2, [-1], [-1]) },
    ]);
    expect(weightChanges(shapes, [...shapes].reverse()).person.size).toBe(0);

    const w = emptyWeights();
    addShapes(w, shapes, 1);
    addChanges(w, changes);
    const direct = emptyWeights();
    addShapes(direct, edited, 1);
    expect({ person: storedRows(w.person), project: storedRows(w.project, direct.project.keys()) }).toEqual({
      person: storedRows(direct.person),
      project: storedRows(direct.project),
    });
  });

  it('moves a discussion whose meeting changed month from one month to the other, and nothing else', () => {
    const moved = { ...shapes[2], month: JAN + 3 };
    const changes = weightChanges([shapes[2]], [moved]);
    expect(storedRows(changes.person)).toEqual([{ id: 'carol', total: 0, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...months(JAN, [-1, -1, -1, 0], [0, 0, 0, 0]) }]);
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    addChanges(w, changes);
    expect(storedRows(w.person, ['carol'])).toEqual([{ id: 'carol', total: 1, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...months(JAN + 3, [1], [0]) }]);
  });

  it('numbers months so that consecutive months are consecutive numbers, puts undated meetings in none, and refuses a date without a month', () => {
    expect(monthIndex('2014-12-31')! + 1).toBe(monthIndex('2015-01-01'));
    expect(monthKey(monthIndex('2014-07-09')!)).toBe('2014-07');
    expect(monthKey(monthIndex('0042-01-01')!)).toBe('0042-01');
    expect(monthIndex(UNDATED)).toBeNull();
    expect(monthIndex('2016-02-29')).toBe(monthIndex('2016-02-01'));
    // A day past the month's end, which an older ingest took, is in that month.
    expect(monthIndex('2015-02-30')).toBe(monthIndex('2015-02-01'));
    for (const bad of ['2014-13-01', '2014-00-10', '2014-1-10', '2014-01-1', 'June 2014', '']) {
      expect(() => monthIndex(bad), bad).toThrow(`meeting date "${bad}" is not a date YYYY-MM-DD`);
    }
  });

  it('counts the discussions of undated meetings apart from every month', () => {
    const undated: DiscussionShape[] = [
      { people: ['alice'], projects: ['mirage'], month: null },
      { people: ['dora'], projects: [], month: null },
    ];
    const w = emptyWeights();
    addShapes(w, [...shapes, ...undated], 1);
    expect(storedRows(w.person, ['alice', 'dora'])).toEqual([
      { id: 'alice', total: 3, linked: 3, pairIds: ['mirage', 'tls'], pairWeights: [3, 1], ...NONE_RELATED, ...months(JAN, [1, 1, 2], [1, 1, 2]), undatedTotal: 1, undatedLinked: 1 },
      { id: 'dora', total: 1, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED, ...NO_MONTHS, undatedTotal: 1 },
    ]);
    const rows = { person: storedRows(w.person), project: storedRows(w.project) };
    const back = weightsFromRows(rows);
    expect({ person: storedRows(back.person), project: storedRows(back.project) }).toEqual(rows);
    // A meeting that gets a date moves its discussions out of the undated counts.
    const changes = weightChanges(undated.slice(0, 1), [{ ...undated[0], month: JAN }]);
    addChanges(w, changes);
    expect(storedRows(w.person, ['alice'])).toEqual([
      { id: 'alice', total: 3, linked: 3, pairIds: ['mirage', 'tls'], pairWeights: [3, 1], ...NONE_RELATED, ...months(JAN, [2, 2, 3], [2, 2, 3]) },
    ]);
  });
});

describe('cutting a date range at whole months', () => {
  const m = (key: string) => monthIndex(`${key}-01`)!;

  it('gives the whole months of a range of whole months, and nothing else', () => {
    expect(cutAtMonths({ from: '2014-01-01', to: '2014-12-31' })).toEqual({ months: { first: m('2014-01'), last: m('2014-12') }, rest: [] });
    expect(cutAtMonths({ from: '2014-02-01', to: '2014-02-28' })).toEqual({ months: { first: m('2014-02'), last: m('2014-02') }, rest: [] });
    // 2016 and 2000 are leap years, 1900 is not.
    expect(cutAtMonths({ from: '2016-02-01', to: '2016-02-28' }).months).toBeNull();
    expect(cutAtMonths({ to: '2016-02-29' })).toEqual({ months: { first: null, last: m('2016-02') }, rest: [] });
    expect(cutAtMonths({ to: '2000-02-29' }).months).toEqual({ first: null, last: m('2000-02') });
    expect(cutAtMonths({ to: '1900-02-28' }).months).toEqual({ first: null, last: m('1900-02') });
    expect(cutAtMonths({ from: '2014-07-01' })).toEqual({ months: { first: m('2014-07'), last: null }, rest: [] });
    // A bound without a day holds its month whole, as the statements compare it.
    expect(cutAtMonths({ from: '2014-07' })).toEqual({ months: { first: m('2014-07'), last: null }, rest: [] });
  });

  it('leaves the days before and after the whole months to be counted, as ranges that hold only those days', () => {
    expect(cutAtMonths({ from: '2014-03-05', to: '2014-06-10' })).toEqual({
      months: { first: m('2014-04'), last: m('2014-05') },
      rest: [
        { from: '2014-03-05', to: '2014-04-00' },
        { from: '2014-05-32', to: '2014-06-10' },
      ],
    });
    expect(cutAtMonths({ from: '2014-12-31' })).toEqual({ months: { first: m('2015-01'), last: null }, rest: [{ from: '2014-12-31', to: '2015-01-00' }] });
  });

  it('leaves a range that holds no whole month, or has a bound that is not a date, whole', () => {
    for (const range of [{ from: '2014-03-05', to: '2014-04-10' }, { from: '2014-03-02', to: '2014-03-30' }, { from: '2014-05-01', to: '2014-03-31' }, { from: 'later' }, { to: '' }]) {
      expect(cutAtMonths(range), JSON.stringify(range)).toEqual({ months: null, rest: [range] });
    }
  });

  it('selects, months and rest together, exactly the dates the range selects', () => {
    const dates: string[] = [UNDATED];
    for (const day = new Date(Date.UTC(2013, 10, 1)); day < new Date(Date.UTC(2016, 3, 1)); day.setUTCDate(day.getUTCDate() + 1)) dates.push(day.toISOString().slice(0, 10));
    const bounds = [undefined, '2013-11-01', '2014-01-31', '2014-02-01', '2014-02-15', '2014-02-28', '2014-03-01', '2015-06-30', '2016-02-29', '2016-03-31'];
    for (const from of bounds) {
      for (const to of bounds) {
        const range = { ...(from && { from }), ...(to && { to }) };
        const cut = cutAtMonths(range);
        const inRange = (d: string, r: { from?: string; to?: string }) => (r.from === undefined || d >= r.from) && (r.to === undefined || d <= r.to);
        // An undated meeting is in the months when they have no lower bound.
        const inMonths = (d: string) => {
          if (cut.months === null) return false;
          const month = monthIndex(d);
          if (month === null) return cut.months.first === null;
          return (cut.months.first === null || month >= cut.months.first) && (cut.months.last === null || month <= cut.months.last);
        };
        const selected = dates.filter((d) => [inMonths(d), ...cut.rest.map((r) => inRange(d, r))].filter(Boolean).length === 1);
        expect(selected, JSON.stringify(range)).toEqual(dates.filter((d) => inRange(d, range)));
      }
    }
  });
});
