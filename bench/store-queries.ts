/**
 * The named-query benchmark's calls: every named query of the store contract once, with
 * parameters picked from the graph. `bench/ops/named-queries.ts` times them on either store
 * (`npm run bench -- --only named-queries`).
 */
import type { MeetingGraph } from '../src/domain.js';
import type { GraphStore } from '../src/store/types.js';

export interface NamedQuery {
  name: string;
  /**
   * A whole list, as the asker reads it (every discussion, every action…). Clients read these
   * lists a page at a time (the API's default page is 100), so they are reported apart.
   */
  wholeList?: boolean;
  run(store: GraphStore): Promise<unknown>;
}

/** The API's default page: the first 100 rows. */
const FIRST_PAGE = { offset: 0, limit: 100 };
/** Eleven pages further on, where the store must skip rows before it reaches the page. */
const LATER_PAGE = { offset: 1_000, limit: 100 };

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
    { name: 'discussions (all, first page)', run: (s) => s.discussionPage({}, FIRST_PAGE) },
    { name: 'discussions (all, page at 1,000)', run: (s) => s.discussionPage({}, LATER_PAGE) },
    // A person's page lists their newest discussions itself (`person`); /api/discussions pages through all.
    { name: 'discussions (person, first page)', run: (s) => s.discussionPage({ person }, FIRST_PAGE) },
    { name: `discussions (project, 2014)`, run: (s) => s.discussions({ project, from: '2014-01-01', to: '2014-12-31' }) },
    { name: `discussions (topic, first page)`, run: (s) => s.discussionPage({ topic }, FIRST_PAGE) },
    { name: 'meetings (all, first page)', run: (s) => s.meetingPage({}, FIRST_PAGE) },
    { name: 'meetings (attendee)', run: (s) => s.meetings({ attendee: person }) },
    { name: 'attendees', run: (s) => s.attendees(meeting) },
    { name: 'person', run: (s) => s.person(person) },
    { name: 'project', run: (s) => s.project(project) },
    { name: 'actions (all, first page)', run: (s) => s.actionPage({}, FIRST_PAGE) },
    { name: 'actions (todo, first page)', run: (s) => s.actionPage({ status: 'todo' }, FIRST_PAGE) },
    { name: 'neighbourhood (limit 40)', run: (s) => s.neighbourhood({ limit: 40 }) },
    { name: 'neighbourhood (center)', run: (s) => s.neighbourhood({ center: project, limit: 20 }) },
    // The graph page's default limit over one year: the range's own paths, not the weights kept for every date.
    { name: 'neighbourhood (2014, limit 60)', run: (s) => s.neighbourhood({ from: '2014-01-01', to: '2014-12-31', limit: 60 }) },
    { name: 'coAttendance (person)', run: (s) => s.coAttendance({ person }) },
    { name: 'stats', run: (s) => s.stats() },
    { name: 'discussions (all, whole list)', wholeList: true, run: (s) => s.discussions({}) },
    { name: 'discussions (topic, whole list)', wholeList: true, run: (s) => s.discussions({ topic }) },
    { name: 'discussions (person, whole list)', wholeList: true, run: (s) => s.discussions({ person }) },
    { name: 'meetings (all, whole list)', wholeList: true, run: (s) => s.meetings({}) },
    { name: 'actions (all, whole list)', wholeList: true, run: (s) => s.actions({}) },
    { name: 'actions (todo, whole list)', wholeList: true, run: (s) => s.actions({ status: 'todo' }) },
    // Every pair of people who met (79,317 at 10k): no client asks for it, the API asks for a person's.
    { name: 'coAttendance (all, whole list)', wholeList: true, run: (s) => s.coAttendance({}) },
  ];
}
