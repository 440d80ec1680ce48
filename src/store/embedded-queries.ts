/**
 * The named queries of the embedded store, answered from the in-memory graph's adjacency. Each
 * function mirrors the Cypher file of the same name in `queries/` and returns the same rows in the
 * same order; the semantics are documented there and in `types.ts`.
 */
import type { Meeting } from '../domain.js';
import type { DiscussionNode, EmbeddedGraph, NodeAttributes } from './embedded-graph.js';
import type { NeighbourhoodCandidates } from './neighbourhood.js';
import { compareActions, compareNamedCounts, compareText, sortedTexts, type ActionSortKey } from './order.js';
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
  PersonDetail,
  PeriodCount,
  ProjectDetail,
  Stats,
} from './types.js';

type Discussion = DiscussionNode['discussion'];

export function discussions(g: EmbeddedGraph, params: DiscussionsParams): DiscussionRow[] {
  const projectIds = params.project === undefined ? null : new Set(Array.isArray(params.project) ? params.project : [params.project]);
  // Start from the narrowest set a filter gives, then apply every filter to it.
  let candidates: Iterable<Discussion>;
  if (params.meeting !== undefined) candidates = discussionsOfMeeting(g, params.meeting);
  else if (params.person !== undefined) candidates = discussionsOfPerson(g, params.person);
  else candidates = [...g.nodes('discussion')].map((n) => n.discussion);

  const rows: Array<{ row: DiscussionRow; order: number }> = [];
  for (const d of candidates) {
    const meeting = meetingOf(g, d);
    if (params.meeting !== undefined && meeting.id !== params.meeting) continue;
    if (!inRange(meeting.date, params)) continue;
    const people = peopleWhoDiscussed(g, d.id);
    if (params.person !== undefined && !people.some((p) => p.id === params.person)) continue;
    const projects: Array<{ id: string; name: string }> = [];
    let topicMatch = params.topic === undefined;
    g.forEachOut('discussion', d.id, 'ABOUT', (t) => {
      if (t.kind === 'project') projects.push({ id: t.project.id, name: t.project.name });
      else if (t.kind === 'topic' && t.topic.id === params.topic) topicMatch = true;
    });
    if (!topicMatch) continue;
    if (projectIds && !projects.some((p) => projectIds.has(p.id))) continue;
    rows.push({
      order: d.order,
      row: {
        discussionId: d.id,
        meetingId: meeting.id,
        meeting: meeting.date,
        heading: d.heading,
        snippet: g.node('discussion', d.id)!.snippet,
        people: sortedTexts(people.map((p) => p.name)),
        projects: sortedTexts(projects.map((p) => p.name)),
      },
    });
  }
  rows.sort(
    (a, b) =>
      compareText(a.row.meeting, b.row.meeting) || compareText(a.row.meetingId, b.row.meetingId) || a.order - b.order,
  );
  return rows.map((r) => r.row);
}

export function meetings(g: EmbeddedGraph, params: MeetingsParams): MeetingRow[] {
  let candidates: Meeting[];
  if (params.attendee !== undefined) candidates = meetingsAttendedBy(g, params.attendee);
  else candidates = [...g.nodes('meeting')].map((n) => n.meeting);
  return sortMeetings(candidates.filter((m) => inRange(m.date, params))).map(meetingRow);
}

export function attendees(g: EmbeddedGraph, meetingId: string): AttendeeRow[] {
  const rows: AttendeeRow[] = [];
  g.forEachIn('meeting', meetingId, 'ATTENDED', (p, e) => {
    if (p.kind === 'person' && e.type === 'ATTENDED') rows.push({ personId: p.person.id, name: p.person.name, role: e.role });
  });
  return rows.sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.personId, b.personId) || compareText(a.role, b.role),
  );
}

export function person(g: EmbeddedGraph, id: string): PersonDetail | null {
  const node = g.node('person', id);
  if (!node) return null;
  const attended = meetingsAttendedBy(g, id);
  const seen = attended.map((m) => m.date);
  const projectCounts = new Map<string, NamedCount>();
  for (const d of discussionsOfPerson(g, id)) {
    seen.push(meetingOf(g, d).date);
    g.forEachOut('discussion', d.id, 'ABOUT', (t) => {
      if (t.kind === 'project') bump(projectCounts, t.project.id, t.project.name);
    });
  }
  seen.sort(compareText);
  return {
    id: node.person.id,
    name: node.person.name,
    aliases: node.person.aliases,
    meetings: sortMeetings(attended).map(meetingRow),
    projects: [...projectCounts.values()].sort(compareNamedCounts),
    actions: actions(g, { person: id }),
    firstSeen: seen[0] ?? null,
    lastSeen: seen.at(-1) ?? null,
  };
}

export function project(g: EmbeddedGraph, id: string): ProjectDetail | null {
  const node = g.node('project', id);
  if (!node) return null;
  const months = new Map<string, number>();
  const people = new Map<string, NamedCount>();
  const related = new Map<string, NamedCount>();
  const dates: string[] = [];
  g.forEachIn('project', id, 'ABOUT', (d) => {
    if (d.kind !== 'discussion') return;
    const date = meetingOf(g, d.discussion).date;
    dates.push(date);
    months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1);
    for (const p of peopleWhoDiscussed(g, d.discussion.id)) bump(people, p.id, p.name);
    g.forEachOut('discussion', d.discussion.id, 'ABOUT', (t) => {
      if (t.kind === 'project' && t.project.id !== id) bump(related, t.project.id, t.project.name);
    });
  });
  dates.sort(compareText);
  const perMonth: PeriodCount[] = [...months]
    .map(([period, value]) => ({ period, value }))
    .sort((a, b) => compareText(a.period, b.period));
  return {
    id: node.project.id,
    name: node.project.name,
    aliases: node.project.aliases,
    origin: node.project.origin,
    perMonth,
    people: [...people.values()].sort(compareNamedCounts),
    actions: actions(g, { project: id }),
    related: [...related.values()].sort(compareNamedCounts),
    firstDiscussed: dates[0] ?? null,
    lastDiscussed: dates.at(-1) ?? null,
  };
}

export function actions(g: EmbeddedGraph, params: ActionsParams): ActionRow[] {
  const keys: ActionSortKey[] = [];
  const actionIds: string[] = [];
  if (params.person !== undefined) {
    g.forEachOut('person', params.person, 'OWNS', (a) => a.kind === 'action' && actionIds.push(a.action.id));
  } else if (params.project !== undefined) {
    g.forEachIn('project', params.project, 'CONCERNS', (a) => a.kind === 'action' && actionIds.push(a.action.id));
  } else {
    for (const a of g.nodes('action')) actionIds.push(a.action.id);
  }
  for (const actionId of actionIds) {
    const { action } = g.node('action', actionId)!;
    if (params.status !== undefined && action.status !== params.status) continue;
    const owner = single(g, 'in', actionId, 'OWNS');
    const discussion = single(g, 'out', actionId, 'RAISED_IN');
    if (owner?.kind !== 'person' || discussion?.kind !== 'discussion') continue;
    if (params.person !== undefined && owner.person.id !== params.person) continue;
    const meeting = meetingOf(g, discussion.discussion);
    if (!inRange(meeting.date, params)) continue;
    const projects: Array<{ id: string; name: string }> = [];
    g.forEachOut('action', actionId, 'CONCERNS', (p) => p.kind === 'project' && projects.push(p.project));
    if (params.project !== undefined && !projects.some((p) => p.id === params.project)) continue;
    keys.push({
      order: discussion.discussion.order,
      row: {
        actionId,
        personId: owner.person.id,
        person: owner.person.name,
        task: action.task,
        status: action.status,
        meetingId: meeting.id,
        meeting: meeting.date,
        discussionId: discussion.discussion.id,
        heading: discussion.discussion.heading,
        projects: sortedTexts(projects.map((p) => p.name)),
      },
    });
  }
  return keys.sort(compareActions).map((k) => k.row);
}

/** Edges and node weights within a date range; see `selectNeighbourhood` for the rest. */
export function neighbourhoodCandidates(g: EmbeddedGraph, range: DateRange): NeighbourhoodCandidates {
  const people = new Map<string, { name: string; weight: number }>();
  const projects = new Map<string, { name: string; weight: number }>();
  const edges = new Map<string, { source: string; target: string; weight: number }>();
  for (const { discussion } of g.nodes('discussion')) {
    if (!inRange(meetingOf(g, discussion).date, range)) continue;
    const speakers = peopleWhoDiscussed(g, discussion.id);
    const about: Array<{ id: string; name: string }> = [];
    g.forEachOut('discussion', discussion.id, 'ABOUT', (t) => t.kind === 'project' && about.push(t.project));
    for (const p of speakers) addWeight(people, p.id, p.name);
    for (const j of about) addWeight(projects, j.id, j.name);
    for (const p of speakers) {
      for (const j of about) {
        const key = `${p.id}\u0000${j.id}`;
        const edge = edges.get(key) ?? { source: p.id, target: j.id, weight: 0 };
        edge.weight += 1;
        edges.set(key, edge);
      }
    }
  }
  return {
    nodes: [
      ...[...people].map(([id, n]) => ({ id, name: n.name, kind: 'person' as const, weight: n.weight })),
      ...[...projects].map(([id, n]) => ({ id, name: n.name, kind: 'project' as const, weight: n.weight })),
    ],
    edges: [...edges.values()].sort((a, b) => compareText(a.source, b.source) || compareText(a.target, b.target)),
  };
}

export function coAttendance(g: EmbeddedGraph, params: { person?: string }): CoAttendanceRow[] {
  const pairs = new Map<string, CoAttendanceRow>();
  const meetingIds =
    params.person !== undefined ? meetingsAttendedBy(g, params.person).map((m) => m.id) : [...g.nodes('meeting')].map((n) => n.meeting.id);
  for (const meetingId of meetingIds) {
    const present = new Map<string, string>();
    g.forEachIn('meeting', meetingId, 'ATTENDED', (p) => p.kind === 'person' && present.set(p.person.id, p.person.name));
    const list = [...present].map(([id, name]) => ({ id, name }));
    for (const a of list) {
      for (const b of list) {
        if (a.id === b.id) continue;
        if (params.person !== undefined ? a.id !== params.person : compareText(a.name, b.name) > 0 || (a.name === b.name && a.id > b.id)) {
          continue;
        }
        const key = `${a.id}\u0000${b.id}`;
        const row = pairs.get(key) ?? { a: a.id, aName: a.name, b: b.id, bName: b.name, count: 0 };
        row.count += 1;
        pairs.set(key, row);
      }
    }
  }
  return [...pairs.values()].sort(
    (x, y) =>
      y.count - x.count ||
      compareText(x.aName, y.aName) ||
      compareText(x.bName, y.bName) ||
      compareText(x.a, y.a) ||
      compareText(x.b, y.b),
  );
}

export function stats(g: EmbeddedGraph): Stats {
  const dates = [...g.nodes('meeting')].map((n) => n.meeting.date).sort(compareText);
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
    firstMeeting: dates[0] ?? null,
    lastMeeting: dates.at(-1) ?? null,
  };
}

function inRange(date: string, range: DateRange): boolean {
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

function meetingOf(g: EmbeddedGraph, d: Discussion): Meeting {
  return g.node('meeting', d.meetingId)!.meeting;
}

function discussionsOfMeeting(g: EmbeddedGraph, meetingId: string): Discussion[] {
  const out: Discussion[] = [];
  g.forEachOut('meeting', meetingId, 'HAS_DISCUSSION', (d) => d.kind === 'discussion' && out.push(d.discussion));
  return out;
}

function discussionsOfPerson(g: EmbeddedGraph, personId: string): Discussion[] {
  const out: Discussion[] = [];
  g.forEachOut('person', personId, 'DISCUSSED', (d) => d.kind === 'discussion' && out.push(d.discussion));
  return out;
}

function peopleWhoDiscussed(g: EmbeddedGraph, discussionId: string): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  g.forEachIn('discussion', discussionId, 'DISCUSSED', (p) => p.kind === 'person' && out.push(p.person));
  return out;
}

/** Each meeting once, whatever the roles. */
function meetingsAttendedBy(g: EmbeddedGraph, personId: string): Meeting[] {
  const byId = new Map<string, Meeting>();
  g.forEachOut('person', personId, 'ATTENDED', (m) => m.kind === 'meeting' && byId.set(m.meeting.id, m.meeting));
  return [...byId.values()];
}

function sortMeetings(list: Meeting[]): Meeting[] {
  return list.sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
}

function meetingRow(m: Meeting): MeetingRow {
  return { meetingId: m.id, meeting: m.date, title: m.title };
}

function bump(counts: Map<string, NamedCount>, id: string, name: string): void {
  const entry = counts.get(id) ?? { id, name, count: 0 };
  entry.count += 1;
  counts.set(id, entry);
}

function addWeight(weights: Map<string, { name: string; weight: number }>, id: string, name: string): void {
  const entry = weights.get(id) ?? { name, weight: 0 };
  entry.weight += 1;
  weights.set(id, entry);
}

/** The one node at the other end of an action item's OWNS (in) or RAISED_IN (out) edge. */
function single(g: EmbeddedGraph, direction: 'in' | 'out', actionId: string, type: 'OWNS' | 'RAISED_IN'): NodeAttributes | undefined {
  let found: NodeAttributes | undefined;
  const visit = (n: NodeAttributes) => {
    found = n;
  };
  if (direction === 'in') g.forEachIn('action', actionId, type, visit);
  else g.forEachOut('action', actionId, type, visit);
  return found;
}
