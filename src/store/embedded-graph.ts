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
  /**
   * The entities that may have no edge: added since the last `dropOrphans`, or whose degree fell
   * to zero. Every other entity has an edge, so `dropOrphans` looks at these alone (at 10,000
   * meetings a load that changes one meeting would otherwise visit 93,000 entities).
   */
  private readonly maybeOrphans: Record<SharedKind, Set<string>> = { person: new Set(), project: new Set(), topic: new Set(), reference: new Set() };
  private readonly nodeCounts = new Map<'discussion' | 'action', number>();
  /** The meeting holding each discussion and action item, by id (see `holderOf`). */
  private readonly holders = { discussion: new Map<string, string>(), action: new Map<string, string>() };
  private readonly edgeCounts = new Map<EdgeType, number>();

  person(id: string): Person | undefined {
    return this.people.get(id);
  }

  project(id: string): Project | undefined {
    return this.projects.get(id);
  }

  hasReference(id: string): boolean {
    return this.references.has(id);
  }

  /** The name of every person and project, by `person:` or `project:` and id. */
  names(): Map<string, string> {
    const names = new Map<string, string>();
    for (const p of this.people.values()) names.set(`person:${p.id}`, p.name);
    for (const p of this.projects.values()) names.set(`project:${p.id}`, p.name);
    return names;
  }

  /** The id of the meeting whose part holds the discussion or action item of that id. */
  holderOf(kind: 'discussion' | 'action', id: string): string | undefined {
    return this.holders[kind].get(id);
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
    const upsert = <T extends { id: string }>(kind: SharedKind, stored: Map<string, T>, items: T[]) => {
      const maybeOrphans = this.maybeOrphans[kind];
      for (const item of items) {
        if (!stored.has(item.id)) maybeOrphans.add(item.id);
        stored.set(item.id, item);
      }
    };
    upsert('person', this.people, entities.people);
    upsert('project', this.projects, entities.projects);
    upsert('topic', this.topics, entities.topics);
    upsert('reference', this.references, entities.references);
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
      for (const id of this.maybeOrphans[kind]) if (!degree.get(id)) entities.delete(id);
      this.maybeOrphans[kind].clear();
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
      if (degree === 0) {
        degrees.delete(id);
        this.maybeOrphans[kind].add(id);
      } else degrees.set(id, degree);
    };
    const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + sign * n);
    const meetingId = part.meeting.id;
    for (const [kind, items] of [['discussion', part.discussions], ['action', part.actionItems]] as const) {
      const holders = this.holders[kind];
      if (sign === 1) for (const item of items) holders.set(item.id, meetingId);
      else for (const item of items) if (holders.get(item.id) === meetingId) holders.delete(item.id);
    }
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
