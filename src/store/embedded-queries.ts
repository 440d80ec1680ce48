/**
 * The named queries of the embedded store, answered from its `QueryIndex`. Each function mirrors
 * the Cypher file of the same name in `queries/` and returns the same rows in the same order; the
 * semantics are documented there and in `types.ts`.
 */
import type { Meeting } from '../domain.js';
import type { EmbeddedGraph } from './embedded-graph.js';
import type { ActionEntry, DiscussionEntry, QueryIndex } from './embedded-index.js';
import type { NeighbourhoodCandidates } from './neighbourhood.js';
import { compareNamedCounts, compareText } from './order.js';
import type {
  ActionRow,
  ActionsParams,
  AttendeeRow,
  CoAttendanceRow,
  DateRange,
  DiscussionRow,
  DiscussionsParams,
  MeetingRow,
  MeetingsParams,
  NamedCount,
  PageParams,
  PeriodCount,
  PersonDetail,
  ProjectDetail,
  RowPage,
  Stats,
} from './types.js';
import { DETAIL_ACTIONS, DETAIL_DISCUSSIONS } from './types.js';

/** Filters ANDed; see queries/discussions.cypher. */
export function discussions(index: QueryIndex, params: DiscussionsParams, page?: PageParams): RowPage<DiscussionRow> {
  return pageOf(matchingDiscussions(index, params), page, discussionRow);
}

function matchingDiscussions(index: QueryIndex, params: DiscussionsParams): DiscussionEntry[] {
  const projectIds = params.project === undefined ? null : new Set(Array.isArray(params.project) ? params.project : [params.project]);
  // Start from the narrowest list a filter gives (each is in row order), then apply every filter.
  let candidates = index.discussions;
  if (params.meeting !== undefined) candidates = index.discussionsByMeeting.get(params.meeting) ?? [];
  else if (params.person !== undefined) candidates = index.discussionsByPerson.get(params.person) ?? [];
  else if (typeof params.project === 'string') candidates = index.discussionsByProject.get(params.project) ?? [];
  const matching: DiscussionEntry[] = [];
  for (const d of candidates) {
    if (params.meeting !== undefined && d.meeting.id !== params.meeting) continue;
    if (!inRange(d.meeting.date, params)) continue;
    if (params.person !== undefined && !d.people.some((p) => p.id === params.person)) continue;
    if (projectIds && !d.projects.some((p) => projectIds.has(p.id))) continue;
    if (params.topic !== undefined && !d.topicIds.has(params.topic)) continue;
    matching.push(d);
  }
  return matching;
}

/**
 * The rows of `page` (all of them without one) and the total. Rows are built only for the page:
 * at 10,000 meetings building every action row took a second for a client that shows 100.
 */
function pageOf<E, R>(matching: E[], page: PageParams | undefined, row: (entry: E) => R): RowPage<R> {
  const shown = page ? matching.slice(page.offset, page.offset + page.limit) : matching;
  return { total: matching.length, rows: shown.map(row) };
}

export function meetings(index: QueryIndex, params: MeetingsParams, page?: PageParams): RowPage<MeetingRow> {
  const candidates = params.attendee !== undefined ? (index.meetingsByAttendee.get(params.attendee) ?? []) : index.meetings;
  return pageOf(candidates.filter((m) => inRange(m.date, params)), page, meetingRow);
}

export function attendees(index: QueryIndex, meetingId: string): AttendeeRow[] {
  return (index.attendance.get(meetingId) ?? []).map((a) => ({ personId: a.person.id, name: a.person.name, role: a.role }));
}

export function person(g: EmbeddedGraph, index: QueryIndex, id: string): PersonDetail | null {
  const node = g.person(id);
  if (!node) return null;
  const attended = index.meetingsByAttendee.get(id) ?? [];
  const discussed = index.discussionsByPerson.get(id) ?? [];
  const projects = new Map<string, NamedCount>();
  for (const d of discussed) for (const p of d.projects) bump(projects, p.id, p.name);
  // Both lists are in date order: the first and last of each bound the dates seen.
  const dates = [attended[0], attended.at(-1), discussed[0]?.meeting, discussed.at(-1)?.meeting]
    .filter((m): m is Meeting => m !== undefined)
    .map((m) => m.date)
    .sort(compareText);
  return {
    id: node.id,
    name: node.name,
    aliases: [...node.aliases],
    meetings: attended.map(meetingRow),
    projects: [...projects.values()].sort(compareNamedCounts),
    ...newestActions(index.actionsByOwner.get(id) ?? []),
    ...newestDiscussions(discussed),
    perMonth: discussionsPerMonth(discussed),
    firstSeen: dates[0] ?? null,
    lastSeen: dates.at(-1) ?? null,
  };
}

/** The detail's share of a list of discussions in date order (see DETAIL_DISCUSSIONS). */
function newestDiscussions(all: DiscussionEntry[]): { discussions: DiscussionRow[]; discussionCount: number } {
  return { discussions: all.slice(-DETAIL_DISCUSSIONS).map(discussionRow), discussionCount: all.length };
}

/** Discussions per month of their meeting's date; they come in date order, so the months do too. */
function discussionsPerMonth(all: DiscussionEntry[]): PeriodCount[] {
  const months = new Map<string, number>();
  for (const d of all) {
    const month = d.meeting.date.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return [...months].map(([period, value]) => ({ period, value }));
}

/** The detail's share of a list of action items (see DETAIL_ACTIONS). */
function newestActions(all: ActionEntry[]): { actions: ActionRow[]; actionCount: number } {
  return { actions: all.slice(-DETAIL_ACTIONS).map(actionRow), actionCount: all.length };
}

export function project(g: EmbeddedGraph, index: QueryIndex, id: string): ProjectDetail | null {
  const node = g.project(id);
  if (!node) return null;
  const about = index.discussionsByProject.get(id) ?? [];
  const people = new Map<string, NamedCount>();
  const related = new Map<string, NamedCount>();
  for (const d of about) {
    for (const p of d.people) bump(people, p.id, p.name);
    for (const p of d.projects) if (p.id !== id) bump(related, p.id, p.name);
  }
  return {
    id: node.id,
    name: node.name,
    aliases: [...node.aliases],
    origin: node.origin,
    perMonth: discussionsPerMonth(about),
    people: [...people.values()].sort(compareNamedCounts),
    ...newestActions(index.actionsByProject.get(id) ?? []),
    ...newestDiscussions(about),
    related: [...related.values()].sort(compareNamedCounts),
    firstDiscussed: about[0]?.meeting.date ?? null,
    lastDiscussed: about.at(-1)?.meeting.date ?? null,
  };
}

/** Filters ANDed; see queries/actions.cypher. */
export function actions(index: QueryIndex, params: ActionsParams, page?: PageParams): RowPage<ActionRow> {
  let candidates = index.actions;
  if (params.person !== undefined) candidates = index.actionsByOwner.get(params.person) ?? [];
  else if (params.project !== undefined) candidates = index.actionsByProject.get(params.project) ?? [];
  const matching = candidates.filter(
    (a) =>
      (params.person === undefined || a.owner.id === params.person) &&
      (params.project === undefined || a.projects.some((p) => p.id === params.project)) &&
      (params.discussionProject === undefined || a.discussion.projects.some((p) => p.id === params.discussionProject)) &&
      (params.status === undefined || a.status === params.status) &&
      inRange(a.discussion.meeting.date, params),
  );
  return pageOf(matching, page, actionRow);
}

/** Edges and node weights within a date range; `selectNeighbourhood` does the rest. */
export function neighbourhoodCandidates(index: QueryIndex, range: DateRange): NeighbourhoodCandidates {
  const people = new Map<string, { name: string; weight: number }>();
  const projects = new Map<string, { name: string; weight: number }>();
  const edges = new Map<string, Map<string, number>>();
  for (const d of index.discussions) {
    if (!inRange(d.meeting.date, range)) continue;
    for (const p of d.people) addWeight(people, p.id, p.name);
    for (const j of d.projects) addWeight(projects, j.id, j.name);
    for (const p of d.people) {
      if (d.projects.length === 0) break;
      let targets = edges.get(p.id);
      if (!targets) edges.set(p.id, (targets = new Map()));
      for (const j of d.projects) targets.set(j.id, (targets.get(j.id) ?? 0) + 1);
    }
  }
  return {
    nodes: [
      ...[...people].map(([id, n]) => ({ id, name: n.name, kind: 'person' as const, weight: n.weight })),
      ...[...projects].map(([id, n]) => ({ id, name: n.name, kind: 'project' as const, weight: n.weight })),
    ],
    edges: [...edges].flatMap(([source, targets]) => [...targets].map(([target, weight]) => ({ source, target, weight }))),
  };
}

/** See queries/co-attendance.cypher for the orientation of each pair. */
export function coAttendance(index: QueryIndex, params: { person?: string }): CoAttendanceRow[] {
  const pairs = new Map<string, Map<string, CoAttendanceRow>>();
  const meetingList = params.person !== undefined ? (index.meetingsByAttendee.get(params.person) ?? []) : index.meetings;
  for (const meeting of meetingList) {
    // Attendees come by name then id, one entry per role: keep each person once.
    const present = (index.attendance.get(meeting.id) ?? []).map((a) => a.person).filter((p, i, all) => i === 0 || all[i - 1].id !== p.id);
    for (let i = 0; i < present.length; i++) {
      const a = present[i];
      if (params.person !== undefined && a.id !== params.person) continue;
      let rows = pairs.get(a.id);
      if (!rows) pairs.set(a.id, (rows = new Map()));
      // Without a person, each pair once: `a` is the one that comes first by name then id.
      for (let j = params.person !== undefined ? 0 : i + 1; j < present.length; j++) {
        if (i === j) continue;
        const b = present[j];
        const row = rows.get(b.id);
        if (row) row.count += 1;
        else rows.set(b.id, { a: a.id, aName: a.name, b: b.id, bName: b.name, count: 1 });
      }
    }
  }
  return [...pairs.values()]
    .flatMap((rows) => [...rows.values()])
    .sort(
      (x, y) =>
        y.count - x.count ||
        compareText(x.aName, y.aName) ||
        compareText(x.bName, y.bName) ||
        compareText(x.a, y.a) ||
        compareText(x.b, y.b),
    );
}

export function stats(g: EmbeddedGraph, index: QueryIndex): Stats {
  return {
    meetings: g.count('meeting'),
    discussions: g.count('discussion'),
    people: g.count('person'),
    projects: g.count('project'),
    topics: g.count('topic'),
    actionItems: g.count('action'),
    references: g.count('reference'),
    attended: g.edgeCount('ATTENDED'),
    discussed: g.edgeCount('DISCUSSED'),
    about: g.edgeCount('ABOUT'),
    owns: g.edgeCount('OWNS'),
    cites: g.edgeCount('CITES'),
    firstMeeting: index.meetings[0]?.date ?? null,
    lastMeeting: index.meetings.at(-1)?.date ?? null,
  };
}

function inRange(date: string, range: DateRange): boolean {
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

function discussionRow(d: DiscussionEntry): DiscussionRow {
  return {
    discussionId: d.id,
    meetingId: d.meeting.id,
    meeting: d.meeting.date,
    heading: d.heading,
    snippet: d.snippet,
    people: d.people.map((p) => p.name),
    projects: d.projects.map((p) => p.name),
  };
}

function actionRow(a: ActionEntry): ActionRow {
  return {
    actionId: a.id,
    personId: a.owner.id,
    person: a.owner.name,
    task: a.task,
    status: a.status,
    meetingId: a.discussion.meeting.id,
    meeting: a.discussion.meeting.date,
    discussionId: a.discussion.id,
    heading: a.discussion.heading,
    projects: a.projects.map((p) => p.name),
  };
}

function meetingRow(m: Meeting): MeetingRow {
  return { meetingId: m.id, meeting: m.date, title: m.title };
}

function bump(counts: Map<string, NamedCount>, id: string, name: string): void {
  const entry = counts.get(id);
  if (entry) entry.count += 1;
  else counts.set(id, { id, name, count: 1 });
}

function addWeight(weights: Map<string, { name: string; weight: number }>, id: string, name: string): void {
  const entry = weights.get(id);
  if (entry) entry.weight += 1;
  else weights.set(id, { name, weight: 1 });
}
