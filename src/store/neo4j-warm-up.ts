/**
 * The one-meeting graph the Neo4j store writes, changes and sweeps once after it opens, in a
 * transaction it then rolls back (see `Neo4jStore.warmChanges`): the server runs, for the first
 * time, the statements only a change runs (a stored meeting deleted and written again, the
 * orphan sweep among its entities, the weights read and written back), which made the first
 * change after a start wait a second for them at 10,000 meetings. Every id is its own, under a
 * prefix with a space (entity ids are slugs, topic names and URLs, which hold none; a meeting id
 * is a note's path, and a notes folder named so is unlikely), so that the transaction takes no
 * lock a real load needs; were one to match, the rollback would still leave it as it was.
 */
import type { MeetingGraph } from '../domain.js';

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
