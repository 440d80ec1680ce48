/**
 * The graph store contract: two adapters (Neo4jStore, EmbeddedStore) answer the same named
 * queries with identical, fully ordered results. Parameters name entities by id (the caller maps
 * names and aliases to ids first); dates are `YYYY-MM-DD` strings and ranges are inclusive.
 */
import type { ActionStatus, AttendanceRole, GraphChanges, MeetingGraph } from '../domain.js';

export interface DateRange {
  /** Inclusive lower bound, `YYYY-MM-DD`. */
  from?: string;
  /** Inclusive upper bound, `YYYY-MM-DD`. */
  to?: string;
}

/** Filters are ANDed; the date range applies to the meeting date. */
export interface DiscussionsParams extends DateRange {
  /** The person took part in the discussion (DISCUSSED). */
  person?: string;
  /** A single project id, or several (a discussion about any of them matches; `[]` matches none). */
  project?: string | string[];
  /** The discussion is ABOUT this topic. */
  topic?: string;
  /** The discussion belongs to this meeting id. */
  meeting?: string;
}

/** Rows ordered by meeting date, meeting id, then discussion order. */
export interface DiscussionRow {
  discussionId: string;
  meetingId: string;
  /** Meeting date `YYYY-MM-DD`. */
  meeting: string;
  heading: string;
  /** The discussion text with whitespace collapsed, cut to its first 200 characters. */
  snippet: string;
  /** Canonical names, sorted. */
  people: string[];
  /** Canonical names, sorted. */
  projects: string[];
}

export interface MeetingsParams extends DateRange {
  /** The person ATTENDED the meeting (in any role). */
  attendee?: string;
}

/** Ordered by date, then id. */
export interface MeetingRow {
  meetingId: string;
  meeting: string;
  title: string;
}

/** Ordered by name. */
export interface AttendeeRow {
  personId: string;
  name: string;
  role: AttendanceRole;
}

export interface NamedCount {
  id: string;
  name: string;
  count: number;
}

export interface ActionRow {
  actionId: string;
  personId: string;
  person: string;
  task: string;
  status: ActionStatus;
  meetingId: string;
  meeting: string;
  discussionId: string;
  heading: string;
  /** Canonical names, sorted. */
  projects: string[];
}

/** Filters are ANDed; the date range applies to the date of the meeting the action was raised in. */
export interface ActionsParams extends DateRange {
  /** The person OWNS the action. */
  person?: string;
  /** The action CONCERNS this project. */
  project?: string;
  /**
   * The action was raised in a discussion ABOUT this project, whether or not its own sentence names
   * it: "what did Ann take on for Widgetd" asks for her work in Widgetd's discussions.
   */
  discussionProject?: string;
  status?: ActionStatus;
}

/**
 * How many action items a person's or a project's detail lists: the newest ones. In 10,000
 * synthetic meetings the busiest person owns 825 and the busiest project has 1,171; the `actions`
 * query pages through all of them.
 */
export const DETAIL_ACTIONS = 100;

/**
 * How many discussions a person's or a project's detail lists: the newest ones, as a page shows
 * them. In 10,000 synthetic meetings the busiest person took part in 477 and the busiest project
 * was discussed in 708; the `discussions` query pages through all of them.
 */
export const DETAIL_DISCUSSIONS = 100;

export interface PersonDetail {
  id: string;
  name: string;
  aliases: string[];
  /** Meetings attended, by date. */
  meetings: MeetingRow[];
  /** Projects of the discussions the person took part in, count = discussions; by count desc then name. */
  projects: NamedCount[];
  /** The newest DETAIL_ACTIONS action items owned, in the order of the `actions` query. */
  actions: ActionRow[];
  /** All the action items owned. */
  actionCount: number;
  /** The newest DETAIL_DISCUSSIONS discussions taken part in, in the order of the `discussions` query. */
  discussions: DiscussionRow[];
  /** All the discussions taken part in. */
  discussionCount: number;
  /** Discussions taken part in per month, ascending; months without any are absent. */
  perMonth: PeriodCount[];
  /** First and last meeting date where the person attended or took part in a discussion. */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface PeriodCount {
  /** `YYYY-MM` or `YYYY`. */
  period: string;
  value: number;
}

export interface ProjectDetail {
  id: string;
  name: string;
  aliases: string[];
  origin: 'registry' | 'discovered';
  /** Discussions about the project per month, ascending. */
  perMonth: PeriodCount[];
  /** People who took part in its discussions, count = discussions; by count desc then name. */
  people: NamedCount[];
  /** The newest DETAIL_ACTIONS action items that concern it, in the order of the `actions` query. */
  actions: ActionRow[];
  /** All the action items that concern it. */
  actionCount: number;
  /** The newest DETAIL_DISCUSSIONS discussions about it, in the order of the `discussions` query. */
  discussions: DiscussionRow[];
  /** All the discussions about it. */
  discussionCount: number;
  /** Projects discussed in the same discussions, count = shared discussions; by count desc then name. */
  related: NamedCount[];
  firstDiscussed: string | null;
  lastDiscussed: string | null;
}

/** People↔project graph; only people and projects with an edge in the range are nodes. */
export interface NeighbourhoodParams extends DateRange {
  /** A person or project id: only it and its neighbours (and edges among them) are returned. */
  center?: string;
  /** Most nodes returned: the center always, then the strongest (ties by name); edges only between kept nodes. */
  limit: number;
}

export interface GraphNode {
  id: string;
  name: string;
  kind: 'person' | 'project';
  /** Discussions the node took part in / was discussed in, within the range. */
  weight: number;
}

export interface GraphEdge {
  source: string; // person id
  target: string; // project id
  /** Discussions in which the person took part and the project was discussed. */
  weight: number;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface CoAttendanceRow {
  a: string;
  aName: string;
  b: string;
  bName: string;
  /** Meetings both attended. */
  count: number;
}

export interface Stats {
  meetings: number;
  discussions: number;
  people: number;
  projects: number;
  topics: number;
  actionItems: number;
  references: number;
  attended: number;
  discussed: number;
  about: number;
  owns: number;
  cites: number;
  firstMeeting: string | null;
  lastMeeting: string | null;
}

export interface LoadResult {
  /** Meetings whose subgraph was written (new or changed). */
  written: number;
  /** Meetings removed because their note disappeared. */
  removed: number;
  /** Meetings left as they were (same content hash and same extracted subgraph). */
  unchanged: number;
}

/**
 * How long after a load that is answered first (`persistLater`) its files start to be written:
 * making them holds the event loop for tens to hundreds of milliseconds at a time at 10,000
 * meetings, and the requests that follow a change (a page refreshing) go first.
 */
export const WRITE_AFTER_ANSWER_MS = 500;

export interface LoadOptions {
  /**
   * Answer as soon as queries see the new graph, and write the store's file afterwards
   * (`persisted` waits for it), starting WRITE_AFTER_ANSWER_MS later. For a store whose graph
   * lives in a database, loading is writing.
   */
  persistLater?: boolean;
  /**
   * Abandons a write made later (a newer graph is on its way): the file stays as it was, the next
   * load writes it, and `persisted` rejects with an AbortError.
   */
  signal?: AbortSignal;
  /**
   * How the graph differs from the last one loaded (see `GraphChanges`). A store that holds
   * exactly `changes.since` cuts and compares only the meetings listed; otherwise it is ignored.
   */
  changes?: GraphChanges | null;
  /**
   * The caller is about to answer queries (a server after a change): a store that builds lookup
   * tables for its queries builds them as soon as the load has answered, not at the first query.
   */
  warmQueries?: boolean;
}

/** A page of a list query: `limit` rows after skipping `offset`, in the query's order. */
export interface PageParams {
  offset: number;
  limit: number;
}

/** One page of a list query and how many rows the whole list holds. */
export interface RowPage<T> {
  total: number;
  rows: T[];
}

export interface GraphStore {
  readonly kind: 'neo4j' | 'embedded';
  /** Replace the store's contents with this graph, meeting by meeting (unchanged meetings are kept). */
  load(graph: MeetingGraph, options?: LoadOptions): Promise<LoadResult>;
  /** Settles when everything loaded so far is persisted; rejects when the last write failed (the next load writes again). */
  persisted(): Promise<void>;
  /** The whole graph as loaded (for rebuilding the search index). */
  snapshot(): Promise<MeetingGraph>;
  discussions(params: DiscussionsParams): Promise<DiscussionRow[]>;
  /**
   * One page of `discussions` with its total: the rows are those of `discussions(params)` from
   * `offset`, and only they are read (a client asking for 100 of 64,675 rows waits for 100).
   * Likewise `meetingPage` and `actionPage`.
   */
  discussionPage(params: DiscussionsParams, page: PageParams): Promise<RowPage<DiscussionRow>>;
  meetings(params: MeetingsParams): Promise<MeetingRow[]>;
  meetingPage(params: MeetingsParams, page: PageParams): Promise<RowPage<MeetingRow>>;
  attendees(meetingId: string): Promise<AttendeeRow[]>;
  person(id: string): Promise<PersonDetail | null>;
  project(id: string): Promise<ProjectDetail | null>;
  actions(params: ActionsParams): Promise<ActionRow[]>;
  actionPage(params: ActionsParams, page: PageParams): Promise<RowPage<ActionRow>>;
  neighbourhood(params: NeighbourhoodParams): Promise<Neighbourhood>;
  /**
   * Pairs of people by meetings attended together (count desc, then names); with `person`, only
   * pairs including them, with them as `a`; otherwise `a` is the one whose name (then id) sorts first.
   */
  coAttendance(params: { person?: string }): Promise<CoAttendanceRow[]>;
  stats(): Promise<Stats>;
  close(): Promise<void>;
}
