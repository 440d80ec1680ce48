/**
 * The graph store contract: two adapters (Neo4jStore, EmbeddedStore) answer the same named
 * queries with identical, fully ordered results. Parameters name entities by id (the caller maps
 * names and aliases to ids first); dates are `YYYY-MM-DD` strings and ranges are inclusive.
 */
import type { ActionStatus, AttendanceRole, MeetingGraph } from '../domain.js';

export interface DateRange {
  /** Inclusive lower bound, `YYYY-MM-DD`. */
  from?: string;
  /** Inclusive upper bound, `YYYY-MM-DD`. */
  to?: string;
}

export interface DiscussionsParams extends DateRange {
  person?: string;
  /** A single project id, or several (a discussion about any of them matches). */
  project?: string | string[];
  topic?: string;
  meeting?: string;
}

/** Rows ordered by meeting date, meeting id, then discussion order. */
export interface DiscussionRow {
  discussionId: string;
  meetingId: string;
  /** Meeting date `YYYY-MM-DD`. */
  meeting: string;
  heading: string;
  /** First ~200 characters of the discussion text. */
  snippet: string;
  /** Canonical names, sorted. */
  people: string[];
  /** Canonical names, sorted. */
  projects: string[];
}

export interface MeetingsParams extends DateRange {
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

export interface ActionsParams extends DateRange {
  person?: string;
  project?: string;
  status?: ActionStatus;
}

export interface PersonDetail {
  id: string;
  name: string;
  aliases: string[];
  /** Meetings attended, by date. */
  meetings: MeetingRow[];
  /** Projects of the discussions the person took part in, count = discussions; by count desc then name. */
  projects: NamedCount[];
  actions: ActionRow[];
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
  actions: ActionRow[];
  /** Projects discussed in the same discussions, count = shared discussions; by count desc then name. */
  related: NamedCount[];
  firstDiscussed: string | null;
  lastDiscussed: string | null;
}

export interface NeighbourhoodParams extends DateRange {
  /** A person or project id: only its neighbours (and edges among them) are returned. */
  center?: string;
  /** Most nodes returned, strongest first. */
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
  /** Meetings left as they were (same content hash). */
  unchanged: number;
}

export interface GraphStore {
  readonly kind: 'neo4j' | 'embedded';
  /** Replace the store's contents with this graph, meeting by meeting (unchanged meetings are kept). */
  load(graph: MeetingGraph): Promise<LoadResult>;
  /** The whole graph as loaded (for rebuilding the search index). */
  snapshot(): Promise<MeetingGraph>;
  discussions(params: DiscussionsParams): Promise<DiscussionRow[]>;
  meetings(params: MeetingsParams): Promise<MeetingRow[]>;
  attendees(meetingId: string): Promise<AttendeeRow[]>;
  person(id: string): Promise<PersonDetail | null>;
  project(id: string): Promise<ProjectDetail | null>;
  actions(params: ActionsParams): Promise<ActionRow[]>;
  neighbourhood(params: NeighbourhoodParams): Promise<Neighbourhood>;
  /** Pairs of people by meetings attended together (count desc, then names); with `person`, only pairs including them. */
  coAttendance(params: { person?: string }): Promise<CoAttendanceRow[]>;
  stats(): Promise<Stats>;
  close(): Promise<void>;
}
