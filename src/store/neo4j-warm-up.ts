/**
 * What the Neo4j store runs in the background so that the server has planned and run its
 * statements before the first real use, which on a server just started waits for both: a
 * second for a change's writes, 0.5–1 s for each of a page's reads, at 10,000 meetings.
 *
 * The writes: a one-meeting graph the store writes, changes and sweeps once after it opens, in a
 * transaction it then rolls back (see `Neo4jStore.warmChanges`), so that the server runs the
 * statements only a change runs (a stored meeting deleted and written again, the orphan sweep
 * among its entities, the weights read and written back). Every id is its own, under a prefix
 * with a space (entity ids are slugs, topic names and URLs, which hold none; a meeting id is a
 * note's path, and a notes folder named so is unlikely), so that the transaction takes no lock a
 * real load needs; were one to match, the rollback would still leave it as it was.
 *
 * The reads: one call of each read the server answers with (`WARM_UP_READS`, see
 * `Neo4jStore.warmReads`).
 */
import type { MeetingGraph } from '../domain.js';
import type { GraphStore, PageParams } from './types.js';

const PREFIX = 'meetgraph warm-up';
const MEETING = `${PREFIX}/1970-01-01`;
const DISCUSSION = `${MEETING}#0`;
const PERSON = `${PREFIX} person`;
const PROJECT = `${PREFIX} project`;
const TOPIC = `${PREFIX} topic`;
const REFERENCE = `${PREFIX} reference`;
const evidence = { file: `${MEETING}.md`, line: 1, sentence: 'Warm-up.' };

export function warmUpGraph(): MeetingGraph {
  return {
    meetings: [{ id: MEETING, date: '1970-01-01', title: 'Warm-up', description: '', source: `${MEETING}.md`, contentHash: PREFIX }],
    discussions: [{ id: DISCUSSION, meetingId: MEETING, heading: '### Warm-up', text: 'Warm-up.', order: 0, line: 1 }],
    people: [{ id: PERSON, name: 'Warm-up', aliases: [] }],
    projects: [{ id: PROJECT, name: 'Warm-up', aliases: [], origin: 'registry' }],
    topics: [{ id: TOPIC, name: 'warm-up' }],
    references: [{ id: REFERENCE, url: 'https://example.org/warm-up' }],
    actionItems: [
      { id: `${DISCUSSION}/a1`, task: 'Warm up', status: 'todo', ownerId: PERSON, discussionId: DISCUSSION, projectIds: [PROJECT], evidence },
    ],
    attendance: [{ personId: PERSON, meetingId: MEETING, role: 'attendee', evidence }],
    discussed: [{ personId: PERSON, discussionId: DISCUSSION, evidence }],
    about: [
      { discussionId: DISCUSSION, targetId: PROJECT, target: 'project', evidence },
      { discussionId: DISCUSSION, targetId: TOPIC, target: 'topic', evidence },
    ],
    cites: [{ discussionId: DISCUSSION, referenceId: REFERENCE, evidence }],
    warnings: [],
    projectCandidates: [],
  };
}

/** What `warmReads` asks with: values from the database (`queries/warm-up-values.cypher`). */
export interface WarmUpValues {
  meeting: string;
  person: string;
  project: string;
  topic: string;
  /** A whole year, from the newest meeting. */
  year: { from: string; to: string };
}
/** A list page as the pages ask for one, and a graph view's nodes. */
const FIRST_PAGE: PageParams = { offset: 0, limit: 20 };
const GRAPH_NODES = 60;
/**
 * One call of each read the server answers with (its pages and API), in the shapes they take:
 * each filter a list is asked for by, with dates and without, the details, the neighbourhood
 * over every date, around a center and over a year.
 */
export const WARM_UP_READS: Array<(store: GraphStore, v: WarmUpValues) => Promise<unknown>> = [
  (s) => s.stats(),
  (s) => s.discussionPage({}, FIRST_PAGE),
  (s, v) => s.discussionPage(v.year, FIRST_PAGE),
  (s, v) => s.discussionPage({ meeting: v.meeting }, FIRST_PAGE),
  (s, v) => s.discussionPage({ person: v.person }, FIRST_PAGE),
  (s, v) => s.discussionPage({ topic: v.topic }, FIRST_PAGE),
  (s, v) => s.discussionPage({ project: v.project }, FIRST_PAGE),
  (s) => s.meetingPage({}, FIRST_PAGE),
  (s, v) => s.meetingPage({ attendee: v.person }, FIRST_PAGE),
  (s, v) => s.attendees(v.meeting),
  (s) => s.actionPage({}, FIRST_PAGE),
  (s, v) => s.actionPage({ person: v.person }, FIRST_PAGE),
  (s, v) => s.actionPage({ project: v.project }, FIRST_PAGE),
  (s, v) => s.actionPage({ discussionProject: v.project }, FIRST_PAGE),
  (s, v) => s.person(v.person),
  (s, v) => s.coAttendance({ person: v.person }),
  (s, v) => s.project(v.project),
  (s) => s.neighbourhood({ limit: GRAPH_NODES }),
  (s, v) => s.neighbourhood({ center: v.person, limit: GRAPH_NODES }),
  (s, v) => s.neighbourhood({ ...v.year, limit: GRAPH_NODES }),
];
