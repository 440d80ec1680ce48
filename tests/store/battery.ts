/**
 * A battery of named-query calls derived from a graph: every person, project, meeting and a share
 * of the topics, date ranges by year and half-year, every status, several centers and limits. Run
 * against two stores, the answers must be identical.
 */
import type { ActionStatus, MeetingGraph } from '../../src/domain.js';
import type { ActionsParams, DiscussionsParams, GraphStore } from '../../src/store/types.js';

const STATUSES: ActionStatus[] = ['todo', 'ongoing', 'done'];

export interface QueryCall {
  /** What is asked, e.g. `discussions {"person":"alice"}`: the label of a failed comparison. */
  label: string;
  run(store: GraphStore): Promise<unknown>;
}

export function queryBattery(graph: MeetingGraph, options: { topics?: number } = {}): QueryCall[] {
  const calls: QueryCall[] = [];
  const add = <P>(name: string, params: P, run: (store: GraphStore, params: P) => Promise<unknown>) =>
    calls.push({ label: `${name} ${JSON.stringify(params)}`, run: (store) => run(store, params) });

  const years = [...new Set(graph.meetings.map((m) => m.date.slice(0, 4)))].sort();
  const ranges = [
    {},
    ...years.map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` })),
    ...years.map((y) => ({ from: `${y}-07-01` })),
    ...years.map((y) => ({ to: `${y}-06-30` })),
  ];
  const statuses = STATUSES;
  const middleYear = years[Math.floor(years.length / 2)];
  const people = graph.people.map((p) => p.id);
  const projects = graph.projects.map((p) => p.id);
  const topics = graph.topics.map((t) => t.id).slice(0, options.topics ?? Infinity);
  const limits = [1, 5, 25, 1000];

  add('stats', {}, (s) => s.stats());
  add('snapshot', {}, (s) => s.snapshot());
  add('coAttendance', {}, (s, p) => s.coAttendance(p));
  for (const range of ranges) {
    add('discussions', range, (s, p) => s.discussions(p));
    add('meetings', range, (s, p) => s.meetings(p));
    add('actions', range, (s, p) => s.actions(p));
    for (const status of statuses) add('actions', { ...range, status }, (s, p) => s.actions(p));
    for (const limit of limits) add('neighbourhood', { ...range, limit }, (s, p) => s.neighbourhood(p));
  }
  for (const id of [...people, 'no-such-person']) {
    add('person', id, (s, p) => s.person(p));
    add('discussions', { person: id }, (s, p) => s.discussions(p));
    add('meetings', { attendee: id }, (s, p) => s.meetings(p));
    add('actions', { person: id }, (s, p) => s.actions(p));
    add('coAttendance', { person: id }, (s, p) => s.coAttendance(p));
    add('neighbourhood', { center: id, limit: 8 }, (s, p) => s.neighbourhood(p));
    add('neighbourhood', { center: id, limit: 5, from: middleYear ? `${middleYear}-01-01` : undefined }, (s, p) => s.neighbourhood(p));
  }
  for (const id of [...projects, 'no-such-project']) {
    add('project', id, (s, p) => s.project(p));
    add('discussions', { project: id }, (s, p) => s.discussions(p));
    add('actions', { project: id }, (s, p) => s.actions(p));
    add('actions', { discussionProject: id }, (s, p) => s.actions(p));
    add('neighbourhood', { center: id, limit: 12 }, (s, p) => s.neighbourhood(p));
    add('neighbourhood', { center: id, limit: 1000, from: years.at(-1) ? `${years.at(-1)}-01-01` : undefined }, (s, p) =>
      s.neighbourhood(p),
    );
  }
  for (let i = 0; i + 1 < projects.length; i += 2) {
    add('discussions', { project: [projects[i], projects[i + 1]] }, (s, p) => s.discussions(p));
  }
  add('discussions', { project: [] }, (s, p) => s.discussions(p));
  for (const id of topics) add('discussions', { topic: id }, (s, p) => s.discussions(p));
  for (const m of graph.meetings) {
    add('attendees', m.id, (s, p) => s.attendees(p));
    add('discussions', { meeting: m.id }, (s, p) => s.discussions(p));
  }
  // Filters together.
  for (const [i, person] of people.entries()) {
    const project = projects[i % Math.max(projects.length, 1)];
    const year = years[i % Math.max(years.length, 1)];
    if (project !== undefined) add('discussions', { person, project }, (s, p) => s.discussions(p));
    if (project !== undefined && year !== undefined) {
      add('discussions', { person, project, from: `${year}-01-01` }, (s, p) => s.discussions(p));
      add('actions', { person, project, status: statuses[i % 3], to: `${year}-12-31` }, (s, p) => s.actions(p));
      add('actions', { person, discussionProject: project, from: `${year}-01-01` }, (s, p) => s.actions(p));
    }
  }
  calls.push(...anchoredCalls(graph, topics));
  return calls;
}

/**
 * Each anchored variant of the Neo4j store (`queries/*-by-*.cypher`: the statement that starts from
 * the meeting, person, topic or project named) with the filters it keeps as conditions. The
 * combinations come from the graph's own discussions and actions, so that most of them match rows,
 * and each is also asked with a bound that excludes those rows.
 */
function anchoredCalls(graph: MeetingGraph, topics: string[]): QueryCall[] {
  const calls: QueryCall[] = [];
  const add = <P>(name: string, params: P, run: (store: GraphStore, params: P) => Promise<unknown>) =>
    calls.push({ label: `${name} ${JSON.stringify(params)}`, run: (store) => run(store, params) });
  const discussions = (s: GraphStore, p: DiscussionsParams) => s.discussions(p);
  const actions = (s: GraphStore, p: ActionsParams) => s.actions(p);

  const dateOf = new Map(graph.meetings.map((m) => [m.id, m.date]));
  const meetingOf = new Map(graph.discussions.map((d) => [d.id, d.meetingId]));
  const dateOfDiscussion = (id: string) => dateOf.get(meetingOf.get(id) ?? '') ?? '';
  const nextYear = (date: string) => `${Number(date.slice(0, 4)) + 1}-01-01`;
  const peopleOf = groupBy(graph.discussed, (d) => d.discussionId, (d) => d.personId);
  const projectsOf = groupBy(graph.about.filter((a) => a.target === 'project'), (a) => a.discussionId, (a) => a.targetId);
  const topicsOf = groupBy(graph.about.filter((a) => a.target === 'topic'), (a) => a.discussionId, (a) => a.targetId);

  // Meeting first: with a person, project, topic and the meeting's own date, then a later range.
  for (const d of graph.discussions.filter((d, i, all) => i === 0 || all[i - 1].meetingId !== d.meetingId)) {
    const date = dateOfDiscussion(d.id);
    const person = peopleOf.get(d.id)?.[0];
    const project = projectsOf.get(d.id)?.[0];
    const topic = topicsOf.get(d.id)?.[0];
    add('discussions', { meeting: d.meetingId, person, project, topic, from: date, to: date }, discussions);
    add('discussions', { meeting: d.meetingId, person: person ?? 'no-such-person', from: nextYear(date) }, discussions);
    if (project !== undefined) add('discussions', { meeting: d.meetingId, project: [project, 'no-such-project'] }, discussions);
  }
  // Person (no meeting): with a topic, a list of projects, a date range, and a status for actions.
  for (const [i, person] of graph.people.map((p) => p.id).entries()) {
    const d = graph.discussed.find((x) => x.personId === person)?.discussionId;
    const date = d === undefined ? '2000-01-01' : dateOfDiscussion(d);
    const projects = d === undefined ? [] : (projectsOf.get(d) ?? []);
    const topic = d === undefined ? undefined : topicsOf.get(d)?.[0];
    add('discussions', { person, topic, from: date }, discussions);
    add('discussions', { person, project: [...projects, 'no-such-project'], to: date }, discussions);
    add('discussions', { person, project: [], from: date }, discussions);
    add('discussions', { person, from: `${date.slice(0, 4)}-01-01`, to: `${date.slice(0, 4)}-12-31` }, discussions);
    add('meetings', { attendee: person, from: date, to: `${date.slice(0, 4)}-12-31` }, (s, p) => s.meetings(p));
    const action = graph.actionItems.find((a) => a.ownerId === person);
    const status = action?.status ?? STATUSES[i % 3];
    add('actions', { person, status }, actions);
    add('actions', { person, status, project: action?.projectIds[0], from: action ? dateOfDiscussion(action.discussionId) : undefined }, actions);
    add('actions', { person, to: date }, actions);
    if (action) add('actions', { person, discussionProject: projectsOf.get(action.discussionId)?.[0] ?? 'no-such-project', status }, actions);
  }
  // Topic (no meeting or person): with a project and a date range.
  for (const topic of topics) {
    const d = graph.about.find((a) => a.target === 'topic' && a.targetId === topic)?.discussionId;
    if (d === undefined) continue;
    const date = dateOfDiscussion(d);
    add('discussions', { topic, from: date, to: `${date.slice(0, 4)}-12-31` }, discussions);
    add('discussions', { topic, to: date }, discussions);
    add('discussions', { topic, project: projectsOf.get(d) ?? [] }, discussions);
    add('discussions', { topic, project: 'no-such-project' }, discussions);
  }
  // Projects only: a list with a date range; actions of a project with a status or a range.
  const projectIds = graph.projects.map((p) => p.id);
  for (const [i, project] of projectIds.entries()) {
    const d = graph.about.find((a) => a.target === 'project' && a.targetId === project)?.discussionId;
    const date = d === undefined ? '2000-01-01' : dateOfDiscussion(d);
    const other = projectIds[(i + 1) % projectIds.length];
    add('discussions', { project: [project, other, project], from: date, to: `${date.slice(0, 4)}-12-31` }, discussions);
    add('discussions', { project, to: date }, discussions);
    const action = graph.actionItems.find((a) => a.projectIds.includes(project));
    add('actions', { project, status: action?.status ?? 'todo' }, actions);
    if (action) add('actions', { project, from: dateOfDiscussion(action.discussionId), to: `${date.slice(0, 4)}-12-31` }, actions);
    // The project of the discussion: alone with a status or a range, and with the item's own project.
    add('actions', { discussionProject: project, status: action?.status ?? 'done' }, actions);
    add('actions', { discussionProject: project, from: date, to: `${date.slice(0, 4)}-12-31` }, actions);
    if (action) add('actions', { project: action.projectIds.find((j) => j !== project) ?? project, discussionProject: projectsOf.get(action.discussionId)?.[0] ?? project }, actions);
  }
  return calls;
}

/** The values of `items` per key, in the order met. */
function groupBy<T>(items: T[], key: (item: T) => string, value: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}
