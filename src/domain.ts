/**
 * The domain of meetgraph, defined once. Every stage of ingest produces these types, every store
 * loads them, search indexes them and the server returns them.
 *
 * Identity rules (stable across re-ingests, so a changed note replaces only its own subgraph):
 * - a Meeting's id is its note's path relative to the notes folder, without `.md`
 *   (`2014-06-10`, `team/2015-01-02-retro`): two notes of the same date stay two meetings;
 * - a Discussion's id is `${meetingId}#${order}`;
 * - Person, Project and Topic ids are slugs of their canonical names (`thomas-gazagnaire`);
 * - an ActionItem's id is `${discussionId}/a${n}`; a Reference's id is its URL.
 */

/** Where a fact came from: the note (relative path), the 1-based line, and the sentence itself. */
export interface Evidence {
  file: string;
  line: number;
  sentence: string;
}

/** The date of a meeting whose note gives none (a `no-date` warning says so): before every date. */
export const UNDATED = '0000-00-00';

export interface Meeting {
  id: string;
  /** Calendar date `YYYY-MM-DD`, exactly as written (no timezone shift), or `UNDATED`. */
  date: string;
  title: string;
  description: string;
  /** Path of the note relative to the notes folder. */
  source: string;
  /** sha256 of the note's bytes: an unchanged note is not re-ingested. */
  contentHash: string;
}

export interface Discussion {
  id: string;
  meetingId: string;
  /** Heading text with `#` marks and presenter brackets kept as written but trimmed (`""` when the note has no item headings). */
  heading: string;
  /** The discussion's own text (HTML comments removed), as plain Markdown. */
  text: string;
  /** 0-based position within the meeting. */
  order: number;
  /** Line of the heading (or of the first text line for a heading-less note). */
  line: number;
}

export interface Person {
  id: string;
  /** Canonical name: the registry's `name`, else the fullest spelling seen in the folder. */
  name: string;
  /** Every other form by which the person was recognised (registry aliases and forms seen in the notes). */
  aliases: string[];
}

export interface Project {
  id: string;
  name: string;
  aliases: string[];
  /** `registry` when listed in projects.yml, `discovered` when found in the notes only. */
  origin: 'registry' | 'discovered';
}

export interface Topic {
  id: string;
  /** Normalised noun phrase: lower case, singular, no stop words. */
  name: string;
}

export type ActionStatus = 'todo' | 'ongoing' | 'done';

export interface ActionItem {
  id: string;
  task: string;
  status: ActionStatus;
  ownerId: string;
  discussionId: string;
  projectIds: string[];
  evidence: Evidence;
}

export interface Reference {
  id: string;
  url: string;
}

export type AttendanceRole = 'attendee' | 'chair' | 'author';

/** (Person)-[:ATTENDED {role}]->(Meeting) */
export interface Attendance {
  personId: string;
  meetingId: string;
  role: AttendanceRole;
  evidence: Evidence;
}

/** (Person)-[:DISCUSSED]->(Discussion): spoke or was named there. One edge per pair, first evidence kept. */
export interface Discussed {
  personId: string;
  discussionId: string;
  evidence: Evidence;
}

/** (Discussion)-[:ABOUT]->(Project|Topic) */
export interface About {
  discussionId: string;
  targetId: string;
  target: 'project' | 'topic';
  evidence: Evidence;
}

/** (Discussion)-[:CITES]->(Reference) */
export interface Cites {
  discussionId: string;
  referenceId: string;
  evidence: Evidence;
}

export type WarningKind =
  | 'skipped' // a file that could not be ingested at all
  | 'partial' // ingested with what could be read
  | 'no-date'
  | 'duplicate-date'
  | 'unresolved' // a mention that names nobody known
  | 'ambiguous' // a mention that could be several people
  | 'registry'; // a problem in people.yml / projects.yml

export interface IngestWarning {
  kind: WarningKind;
  file: string;
  line?: number;
  message: string;
  /** The text as written, for mentions. */
  mention?: string;
  /** Candidate canonical names, for ambiguous mentions. */
  candidates?: string[];
}

/** A project-like name found in the notes that no registry lists, reported so a user can promote it. */
export interface ProjectCandidate {
  name: string;
  count: number;
  evidence: Evidence[];
}

/** The whole extracted graph of a notes folder: serialisable as JSON, the input of every store. */
export interface MeetingGraph {
  meetings: Meeting[];
  discussions: Discussion[];
  people: Person[];
  projects: Project[];
  topics: Topic[];
  actionItems: ActionItem[];
  references: Reference[];
  attendance: Attendance[];
  discussed: Discussed[];
  about: About[];
  cites: Cites[];
  warnings: IngestWarning[];
  projectCandidates: ProjectCandidate[];
}

/**
 * How a graph differs from an earlier one, meeting by meeting: every meeting of the graph not in
 * `meetings` is the earlier graph's meeting of that id, with the same discussions, action items
 * and edges. Meetings of `since` missing from the graph were removed. A consumer takes the hint
 * only when what it holds is exactly `since` (the same object), and otherwise compares whole.
 */
export interface GraphChanges {
  since: MeetingGraph;
  /** Ids of the graph's meetings that are new or may have changed. */
  meetings: ReadonlySet<string>;
  /**
   * Each listed meeting's items, when the graph's maker has them at hand: exactly the graph's
   * discussions of that meeting, the action items raised in them and the edges that start there.
   * A consumer reads them here instead of picking them out of the graph's lists, which hold a
   * million edges at 10,000 meetings.
   */
  items?: ReadonlyMap<string, MeetingItems>;
}

/** One meeting's own items in a graph (see `GraphChanges.items`). */
export interface MeetingItems {
  discussions: Discussion[];
  actionItems: ActionItem[];
  attendance: Attendance[];
  discussed: Discussed[];
  about: About[];
  cites: Cites[];
}

/**
 * The items of several meetings as one list per kind, in the order given, each list made by
 * `Array.prototype.concat` (`concatAll`), which a server does after every change. A push per item
 * was several times slower; a loop filling each list in place took 79–82 ms on its first call and
 * 39–56 ms later, `concat` 32–35 and 30–35 ms (the 891,075 items of 10,000 meetings).
 */
export function joinItems(parts: MeetingItems[]): MeetingItems {
  return {
    discussions: concatAll(parts.map((p) => p.discussions)),
    actionItems: concatAll(parts.map((p) => p.actionItems)),
    attendance: concatAll(parts.map((p) => p.attendance)),
    discussed: concatAll(parts.map((p) => p.discussed)),
    about: concatAll(parts.map((p) => p.about)),
    cites: concatAll(parts.map((p) => p.cites)),
  };
}

/** Arrays handed to one `concat` call at most: each is an argument, and 200,000 overflow the stack. */
const CONCAT_ARGUMENTS = 8192;

/** The items of `arrays`, in order, in one new array (an item that is itself an array stays one item). */
export function concatAll<T>(arrays: T[][]): T[] {
  if (arrays.length <= CONCAT_ARGUMENTS) return ([] as T[]).concat(...arrays);
  const pieces: T[][] = [];
  for (let i = 0; i < arrays.length; i += CONCAT_ARGUMENTS) pieces.push(([] as T[]).concat(...arrays.slice(i, i + CONCAT_ARGUMENTS)));
  return concatAll(pieces);
}

export function emptyGraph(): MeetingGraph {
  return {
    meetings: [],
    discussions: [],
    people: [],
    projects: [],
    topics: [],
    actionItems: [],
    references: [],
    attendance: [],
    discussed: [],
    about: [],
    cites: [],
    warnings: [],
    projectCandidates: [],
  };
}

/** Lower-case ASCII slug used for Person, Project and Topic ids. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+.#]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}
