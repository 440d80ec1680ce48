/**
 * The last ingested MeetingGraph, indexed for the pages that read it whole: a meeting with its
 * discussions and evidence, the people and project lists with their counts, name lookups. It is
 * made once per ingest over one graph that never changes (its larger tables are built on first
 * use, from that graph), so a request sees one consistent graph even while the next ingest runs.
 */
import type {
  About,
  ActionItem,
  Attendance,
  Cites,
  Discussed,
  Discussion,
  Meeting,
  MeetingGraph,
  Person,
  Project,
  Topic,
} from '../domain.js';
import { EntityDirectory, type NamedEntity } from '../search/entities.js';

/** A person of the people list, with how much they appear. */
export interface PersonSummary {
  id: string;
  name: string;
  aliases: string[];
  /** Meetings attended (any role). */
  meetings: number;
  /** Discussions taken part in. */
  discussions: number;
  /** Action items owned. */
  actions: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A project of the projects list, with how much it was discussed. */
export interface ProjectSummary {
  id: string;
  name: string;
  aliases: string[];
  origin: 'registry' | 'discovered';
  discussions: number;
  firstDiscussed: string | null;
  lastDiscussed: string | null;
}

/** What the meeting and discussion pages look up: each meeting's discussions and each discussion's edges. */
interface Structure {
  discussionsById: Map<string, Discussion>;
  discussionsByMeeting: Map<string, Discussion[]>;
  attendanceByMeeting: Map<string, Attendance[]>;
  discussedByDiscussion: Map<string, Discussed[]>;
  aboutByDiscussion: Map<string, About[]>;
  citesByDiscussion: Map<string, Cites[]>;
  actionsByDiscussion: Map<string, ActionItem[]>;
  referenceUrls: Map<string, string>;
}

export class GraphView {
  readonly graph: MeetingGraph;
  readonly peopleDirectory: EntityDirectory;
  readonly projectsDirectory: EntityDirectory;
  readonly topicsDirectory: EntityDirectory;
  private readonly meetingsById = new Map<string, Meeting>();
  private readonly peopleById = new Map<string, Person>();
  private readonly projectsById = new Map<string, Project>();
  private readonly topicsById = new Map<string, Topic>();
  /** Meetings in date order (then id), for previous / next links. */
  private readonly meetingOrder: Meeting[];
  // Built on first use: a view is made for every ingest, in the path of the change, and at
  // 10,000 meetings these walk 1.3 million edges; search and the store's queries need neither.
  private structureOnce: Structure | null = null;
  private peopleList: PersonSummary[] | null = null;
  private projectsList: ProjectSummary[] | null = null;

  constructor(graph: MeetingGraph) {
    this.graph = graph;
    for (const m of graph.meetings) this.meetingsById.set(m.id, m);
    for (const p of graph.people) this.peopleById.set(p.id, p);
    for (const p of graph.projects) this.projectsById.set(p.id, p);
    for (const t of graph.topics) this.topicsById.set(t.id, t);
    this.meetingOrder = [...graph.meetings].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    this.peopleDirectory = EntityDirectory.people(graph.people);
    this.projectsDirectory = EntityDirectory.projects(graph.projects);
    this.topicsDirectory = EntityDirectory.topics(graph.topics);
  }

  private get structure(): Structure {
    if (this.structureOnce) return this.structureOnce;
    const { graph } = this;
    const s: Structure = {
      discussionsById: new Map(),
      discussionsByMeeting: new Map(),
      attendanceByMeeting: new Map(),
      discussedByDiscussion: new Map(),
      aboutByDiscussion: new Map(),
      citesByDiscussion: new Map(),
      actionsByDiscussion: new Map(),
      referenceUrls: new Map(graph.references.map((r) => [r.id, r.url])),
    };
    for (const d of graph.discussions) {
      s.discussionsById.set(d.id, d);
      push(s.discussionsByMeeting, d.meetingId, d);
    }
    for (const list of s.discussionsByMeeting.values()) list.sort((a, b) => a.order - b.order);
    for (const a of graph.attendance) push(s.attendanceByMeeting, a.meetingId, a);
    for (const e of graph.discussed) push(s.discussedByDiscussion, e.discussionId, e);
    for (const e of graph.about) push(s.aboutByDiscussion, e.discussionId, e);
    for (const e of graph.cites) push(s.citesByDiscussion, e.discussionId, e);
    for (const a of graph.actionItems) push(s.actionsByDiscussion, a.discussionId, a);
    return (this.structureOnce = s);
  }

  meeting(id: string): Meeting | undefined {
    return this.meetingsById.get(id);
  }
  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }
  project(id: string): Project | undefined {
    return this.projectsById.get(id);
  }
  topic(id: string): Topic | undefined {
    return this.topicsById.get(id);
  }
  discussion(id: string): Discussion | undefined {
    return this.structure.discussionsById.get(id);
  }
  referenceUrl(id: string): string | undefined {
    return this.structure.referenceUrls.get(id);
  }
  discussionsOf(meetingId: string): Discussion[] {
    return this.structure.discussionsByMeeting.get(meetingId) ?? [];
  }
  attendanceOf(meetingId: string): Attendance[] {
    return this.structure.attendanceByMeeting.get(meetingId) ?? [];
  }
  discussedIn(discussionId: string): Discussed[] {
    return this.structure.discussedByDiscussion.get(discussionId) ?? [];
  }
  aboutOf(discussionId: string): About[] {
    return this.structure.aboutByDiscussion.get(discussionId) ?? [];
  }
  citesOf(discussionId: string): Cites[] {
    return this.structure.citesByDiscussion.get(discussionId) ?? [];
  }
  actionsOf(discussionId: string): ActionItem[] {
    return this.structure.actionsByDiscussion.get(discussionId) ?? [];
  }

  /** The meetings just before and after this one in date order. */
  neighbours(meetingId: string): { previous: Meeting | null; next: Meeting | null } {
    const i = this.meetingOrder.findIndex((m) => m.id === meetingId);
    if (i < 0) return { previous: null, next: null };
    return { previous: this.meetingOrder[i - 1] ?? null, next: this.meetingOrder[i + 1] ?? null };
  }

  /** How many discussions and attendees (people, whatever their roles) a meeting has; zeros for an unknown id. */
  meetingCounts(meetingId: string): { discussions: number; attendees: number } {
    return {
      discussions: this.discussionsOf(meetingId).length,
      attendees: new Set(this.attendanceOf(meetingId).map((a) => a.personId)).size,
    };
  }

  /** Meeting ids of a date (usually one). */
  meetingsOn(date: string): string[] {
    return this.meetingOrder.filter((m) => m.date === date).map((m) => m.id);
  }

  /** Everyone, by name. */
  people(): PersonSummary[] {
    return (this.peopleList ??= this.summarisePeople());
  }

  /** Every project, by name. */
  projects(): ProjectSummary[] {
    return (this.projectsList ??= this.summariseProjects());
  }

  /**
   * The person a value names: an id first, then a name or alias (case and accents ignored), then a
   * unique prefix. Undefined when it names nobody or several people.
   */
  findPerson(value: string): NamedEntity | undefined {
    return findIn(this.peopleDirectory, value);
  }
  findProject(value: string): NamedEntity | undefined {
    return findIn(this.projectsDirectory, value);
  }
  findTopic(value: string): NamedEntity | undefined {
    return findIn(this.topicsDirectory, value);
  }

  private summarisePeople(): PersonSummary[] {
    const meetings = new Map<string, Set<string>>();
    const discussions = new Map<string, Set<string>>();
    const actions = new Map<string, number>();
    const dates = new Map<string, string[]>();
    const dateOfMeeting = (id: string) => this.meetingsById.get(id)?.date;
    const seen = (personId: string, date: string | undefined) => {
      if (date) push(dates, personId, date);
    };
    for (const a of this.graph.attendance) {
      add(meetings, a.personId, a.meetingId);
      seen(a.personId, dateOfMeeting(a.meetingId));
    }
    for (const e of this.graph.discussed) {
      add(discussions, e.personId, e.discussionId);
      const d = this.structure.discussionsById.get(e.discussionId);
      seen(e.personId, d && dateOfMeeting(d.meetingId));
    }
    for (const a of this.graph.actionItems) actions.set(a.ownerId, (actions.get(a.ownerId) ?? 0) + 1);
    return [...this.graph.people]
      .map((p) => {
        const span = extent(dates.get(p.id));
        return {
          id: p.id,
          name: p.name,
          aliases: p.aliases,
          meetings: meetings.get(p.id)?.size ?? 0,
          discussions: discussions.get(p.id)?.size ?? 0,
          actions: actions.get(p.id) ?? 0,
          firstSeen: span.first,
          lastSeen: span.last,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  private summariseProjects(): ProjectSummary[] {
    const discussions = new Map<string, Set<string>>();
    const dates = new Map<string, string[]>();
    for (const e of this.graph.about) {
      if (e.target !== 'project') continue;
      add(discussions, e.targetId, e.discussionId);
      const d = this.structure.discussionsById.get(e.discussionId);
      const date = d && this.meetingsById.get(d.meetingId)?.date;
      if (date) push(dates, e.targetId, date);
    }
    return [...this.graph.projects]
      .map((p) => {
        const span = extent(dates.get(p.id));
        return {
          id: p.id,
          name: p.name,
          aliases: p.aliases,
          origin: p.origin,
          discussions: discussions.get(p.id)?.size ?? 0,
          firstDiscussed: span.first,
          lastDiscussed: span.last,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}

function findIn(directory: EntityDirectory, value: string): NamedEntity | undefined {
  const byId = directory.get(value);
  if (byId) return byId;
  const r = directory.resolve(value);
  return r.ok && r.entities.length === 1 ? r.entities[0] : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function extent(dates: string[] | undefined): { first: string | null; last: string | null } {
  if (!dates?.length) return { first: null, last: null };
  let first = dates[0];
  let last = dates[0];
  for (const d of dates) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return { first, last };
}
