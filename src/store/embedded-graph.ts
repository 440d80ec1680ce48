/**
 * The in-memory graph of the embedded store, kept as the loader hands it over: the shared entities
 * (people, projects, topics, references) by id and one `MeetingPart` per meeting, which holds the
 * meeting's discussions, action items and every edge that starts or ends inside it. A load replaces
 * whole parts, so the parts are the graph; the named queries read the lookup tables that
 * `QueryIndex` builds from them.
 *
 * Why not a general graph library: every query is answered from those lookup tables, never by
 * walking edges, and a library graph costs a node and an edge object (and their adjacency entries)
 * for each of the 1.3 million facts of 10,000 meetings, which made loading them take half a minute.
 * Mutations are synchronous: a reader never sees half a meeting.
 */
import type { Person, Project, Reference, Topic } from '../domain.js';
import { sortById, type GraphParts, type MeetingPart } from './meeting-parts.js';
import type { StoredMeetingState } from './load-plan.js';
import { compareText } from './order.js';

/** The node kinds counted by `count`. */
export type NodeKind = 'meeting' | 'discussion' | 'person' | 'project' | 'topic' | 'action' | 'reference';
/** The relationship types counted by `edgeCount`. */
export type EdgeType = 'ATTENDED' | 'HAS_DISCUSSION' | 'DISCUSSED' | 'ABOUT' | 'OWNS' | 'RAISED_IN' | 'CONCERNS' | 'CITES';

type SharedKind = 'person' | 'project' | 'topic' | 'reference';

/** The graph's entities by kind: what `upsertEntities` takes and `entities` gives. */
export type Entities = Pick<GraphParts, 'people' | 'projects' | 'topics' | 'references'>;

export class EmbeddedGraph {
  private readonly parts = new Map<string, MeetingPart>();
  private readonly people = new Map<string, Person>();
  private readonly projects = new Map<string, Project>();
  private readonly topics = new Map<string, Topic>();
  private readonly references = new Map<string, Reference>();
  /**
   * How many edges touch each shared entity, by kind and id: an entity whose count falls to zero
   * is an orphan (`dropOrphans`), as a node without relationships would be.
   */
  private readonly degree: Record<SharedKind, Map<string, number>> = { person: new Map(), project: new Map(), topic: new Map(), reference: new Map() };
  private readonly nodeCounts = new Map<'discussion' | 'action', number>();
  private readonly edgeCounts = new Map<EdgeType, number>();

  person(id: string): Person | undefined {
    return this.people.get(id);
  }

  project(id: string): Project | undefined {
    return this.projects.get(id);
  }

  /** The name of every person and project, by `person:` or `project:` and id. */
  names(): Map<string, string> {
    const names = new Map<string, string>();
    for (const p of this.people.values()) names.set(`person:${p.id}`, p.name);
    for (const p of this.projects.values()) names.set(`project:${p.id}`, p.name);
    return names;
  }

  /** A meeting's part. */
  part(meetingId: string): MeetingPart | undefined {
    return this.parts.get(meetingId);
  }

  /** Every meeting's part, in insertion order (callers sort). */
  meetingParts(): IterableIterator<MeetingPart> {
    return this.parts.values();
  }

  count(kind: NodeKind): number {
    switch (kind) {
      case 'meeting':
        return this.parts.size;
      case 'person':
        return this.people.size;
      case 'project':
        return this.projects.size;
      case 'topic':
        return this.topics.size;
      case 'reference':
        return this.references.size;
      default:
        return this.nodeCounts.get(kind) ?? 0;
    }
  }

  edgeCount(type: EdgeType): number {
    return this.edgeCounts.get(type) ?? 0;
  }

  /** What the incremental load compares against. */
  meetingStates(): Map<string, StoredMeetingState> {
    const states = new Map<string, StoredMeetingState>();
    for (const { meeting, fingerprint } of this.parts.values()) {
      states.set(meeting.id, { contentHash: meeting.contentHash, fingerprint });
    }
    return states;
  }

  /** Adds the shared entities, or replaces their properties when they exist (a person's name and aliases follow the latest graph). */
  upsertEntities(entities: Entities): void {
    for (const person of entities.people) this.people.set(person.id, person);
    for (const project of entities.projects) this.projects.set(project.id, project);
    for (const topic of entities.topics) this.topics.set(topic.id, topic);
    for (const reference of entities.references) this.references.set(reference.id, reference);
  }

  /** Adds a meeting's part (replacing any part of that meeting); its entities must already be there (`upsertEntities`). */
  addMeeting(part: MeetingPart): void {
    this.removeMeeting(part.meeting.id);
    this.parts.set(part.meeting.id, part);
    this.account(part, 1);
  }

  /** Removes a meeting with its discussions, the action items raised there and all their edges. */
  removeMeeting(id: string): void {
    const part = this.parts.get(id);
    if (!part) return;
    this.parts.delete(id);
    this.account(part, -1);
  }

  /** Drops people, projects, topics and references that no edge touches. */
  dropOrphans(): void {
    const sweep = (kind: SharedKind, entities: Map<string, unknown>) => {
      const degree = this.degree[kind];
      // Deleting the entry being visited is safe in a Map's iteration.
      for (const id of entities.keys()) if (!degree.get(id)) entities.delete(id);
    };
    sweep('person', this.people);
    sweep('project', this.projects);
    sweep('topic', this.topics);
    sweep('reference', this.references);
  }

  /** The stored graph as parts, each kind in the canonical order (by id). */
  toParts(): Entities & { meetings: MeetingPart[] } {
    return sortedParts(this.contents());
  }

  /** The stored graph as parts, in no particular order (`sortedParts` orders them). */
  contents(): Entities & { meetings: MeetingPart[] } {
    return {
      people: [...this.people.values()],
      projects: [...this.projects.values()],
      topics: [...this.topics.values()],
      references: [...this.references.values()],
      meetings: [...this.parts.values()],
    };
  }

  /** Counts a part's nodes and edges in (`sign` 1) or out (-1), with the degree of each entity they touch. */
  private account(part: MeetingPart, sign: 1 | -1): void {
    const touch = (kind: SharedKind, id: string) => {
      const degrees = this.degree[kind];
      const degree = (degrees.get(id) ?? 0) + sign;
      if (degree === 0) degrees.delete(id);
      else degrees.set(id, degree);
    };
    const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + sign * n);
    bump(this.nodeCounts, 'discussion', part.discussions.length);
    bump(this.nodeCounts, 'action', part.actionItems.length);
    bump(this.edgeCounts, 'HAS_DISCUSSION', part.discussions.length);
    bump(this.edgeCounts, 'OWNS', part.actionItems.length);
    bump(this.edgeCounts, 'RAISED_IN', part.actionItems.length);
    for (const item of part.actionItems) {
      touch('person', item.ownerId);
      for (const projectId of item.projectIds) touch('project', projectId);
      bump(this.edgeCounts, 'CONCERNS', item.projectIds.length);
    }
    for (const a of part.attendance) touch('person', a.personId);
    bump(this.edgeCounts, 'ATTENDED', part.attendance.length);
    for (const d of part.discussed) touch('person', d.personId);
    bump(this.edgeCounts, 'DISCUSSED', part.discussed.length);
    for (const a of part.about) touch(a.target, a.targetId);
    bump(this.edgeCounts, 'ABOUT', part.about.length);
    for (const c of part.cites) touch('reference', c.referenceId);
    bump(this.edgeCounts, 'CITES', part.cites.length);
  }
}

/** Parts with each kind in the canonical order (by id), as new lists. */
export function sortedParts<T extends Entities & { meetings: MeetingPart[] }>(parts: T): T {
  return {
    ...parts,
    people: sortById(parts.people),
    projects: sortById(parts.projects),
    topics: sortById(parts.topics),
    references: sortById(parts.references),
    meetings: [...parts.meetings].sort((a, b) => compareText(a.meeting.id, b.meeting.id)),
  };
}
