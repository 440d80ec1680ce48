/**
 * The named-query benchmark's calls: every named query of the store contract once, with
 * parameters picked from the graph. `bench/ops/named-queries.ts` times them on either store
 * (`npm run bench -- --only named-queries`).
 */
import type { MeetingGraph } from '../src/domain.js';
import type { GraphStore } from '../src/store/types.js';

export interface NamedQuery {
  name: string;
  run(store: GraphStore): Promise<unknown>;
}

/** One call of every named query, with parameters picked from the graph (the busiest person and project). */
export function namedQueries(graph: MeetingGraph): NamedQuery[] {
  const busiest = (ids: string[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'none';
  };
  const person = busiest(graph.discussed.map((d) => d.personId));
  const project = busiest(graph.about.filter((a) => a.target === 'project').map((a) => a.targetId));
  const topic = busiest(graph.about.filter((a) => a.target === 'topic').map((a) => a.targetId));
  const meeting = graph.meetings[Math.floor(graph.meetings.length / 2)]?.id ?? 'none';
  return [
    { name: 'discussions (all)', run: (s) => s.discussions({}) },
    { name: `discussions (person)`, run: (s) => s.discussions({ person }) },
    { name: `discussions (project, 2014)`, run: (s) => s.discussions({ project, from: '2014-01-01', to: '2014-12-31' }) },
    { name: `discussions (topic)`, run: (s) => s.discussions({ topic }) },
    { name: 'meetings (all)', run: (s) => s.meetings({}) },
    { name: 'meetings (attendee)', run: (s) => s.meetings({ attendee: person }) },
    { name: 'attendees', run: (s) => s.attendees(meeting) },
    { name: 'person', run: (s) => s.person(person) },
    { name: 'project', run: (s) => s.project(project) },
    { name: 'actions (all)', run: (s) => s.actions({}) },
    { name: 'actions (todo)', run: (s) => s.actions({ status: 'todo' }) },
    { name: 'neighbourhood (limit 40)', run: (s) => s.neighbourhood({ limit: 40 }) },
    { name: 'neighbourhood (center)', run: (s) => s.neighbourhood({ center: project, limit: 20 }) },
    { name: 'coAttendance (all)', run: (s) => s.coAttendance({}) },
    { name: 'coAttendance (person)', run: (s) => s.coAttendance({ person }) },
    { name: 'stats', run: (s) => s.stats() },
  ];
}
