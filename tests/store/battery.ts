/**
 * A battery of named-query calls derived from a graph: every person, project, meeting and a share
 * of the topics, date ranges by year and half-year, every status, several centers and limits. Run
 * against two stores, the answers must be identical.
 */
import type { ActionStatus, MeetingGraph } from '../../src/domain.js';
import type { GraphStore } from '../../src/store/types.js';

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
  const statuses: ActionStatus[] = ['todo', 'ongoing', 'done'];
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
  }
  for (const id of [...projects, 'no-such-project']) {
    add('project', id, (s, p) => s.project(p));
    add('discussions', { project: id }, (s, p) => s.discussions(p));
    add('actions', { project: id }, (s, p) => s.actions(p));
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
    }
  }
  return calls;
}
