/**
 * What the Neo4j store remembers of its last load, so that a load given the changes since that
 * graph (`GraphChanges`) writes only the meetings and entities that changed instead of every one
 * of them (92,000 references at 10,000 meetings). The memory is trusted only while the database
 * holds the token that load set (`queries/claim-load.cypher`): another process's load, or a load
 * of this store that failed half-way, makes the next load compare and write whole again.
 */
import type { IngestWarning, MeetingGraph, Person, Project, ProjectCandidate, Reference, Topic } from '../domain.js';
import type { GraphParts } from './meeting-parts.js';

export type EntityKind = 'person' | 'project' | 'topic' | 'reference';

/** An entity kind, and the id of one entity of that kind (as the orphan queries return them). */
export interface EntityKey {
  kind: EntityKind;
  id: string;
}

/** Entities of each kind, as rows the store writes. */
export interface EntityLists {
  person: Person[];
  project: Project[];
  topic: Topic[];
  reference: Reference[];
}

/** The entities the database holds, by kind and id, as the store last wrote them. */
export interface HeldEntities {
  person: Map<string, Person>;
  project: Map<string, Project>;
  topic: Map<string, Topic>;
  reference: Map<string, Reference>;
}

export interface LastLoad {
  /** The graph loaded (a later `GraphChanges.since` is compared with it by identity). */
  input: MeetingGraph;
  /** The token the load set (see `claim-load.cypher`). */
  token: string;
  meetingIds: ReadonlySet<string>;
  entities: HeldEntities;
  /** The graph's reference list while the database holds every reference of it; null once one was dropped. */
  references: Reference[] | null;
  /** The ingest warnings and project candidates written. */
  info: { warnings: IngestWarning[]; projectCandidates: ProjectCandidate[] };
}

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'project', 'topic', 'reference'];

/** A cut graph's entities by kind (references are empty when the cut took the held list: `KeptParts.storedReferences`). */
export function entityListsOf(parts: GraphParts): EntityLists {
  return { person: parts.people, project: parts.projects, topic: parts.topics, reference: parts.references };
}

/** The entities of a whole load, less those its orphan sweep dropped. */
export function heldAfterWholeLoad(lists: EntityLists, dropped: EntityKey[]): HeldEntities {
  const held: HeldEntities = {
    person: new Map(lists.person.map((e) => [e.id, e])),
    project: new Map(lists.project.map((e) => [e.id, e])),
    topic: new Map(lists.topic.map((e) => [e.id, e])),
    reference: new Map(lists.reference.map((e) => [e.id, e])),
  };
  forgetDropped(held, dropped);
  return held;
}

/**
 * What a load of `lists` must write given what the database holds: the entities that are new or
 * differ (a name, an alias, an origin, a URL), and the ids of held entities the lists no longer
 * name (candidates for the orphan sweep). With `referencesHeld`, `lists.reference` is empty and
 * the held references stand.
 */
export function entityChanges(held: HeldEntities, lists: EntityLists, referencesHeld: boolean): { write: EntityLists; unlisted: EntityKey[] } {
  const write: EntityLists = { person: [], project: [], topic: [], reference: [] };
  const unlisted: EntityKey[] = [];
  const diff = <K extends EntityKind>(kind: K) => {
    const list = lists[kind] as EntityLists[K][number][];
    const byId = held[kind] as Map<string, EntityLists[K][number]>;
    const listed = new Set<string>();
    for (const entity of list) {
      listed.add(entity.id);
      const before = byId.get(entity.id);
      if (!before || !sameEntity(before, entity)) (write[kind] as EntityLists[K][number][]).push(entity);
    }
    for (const id of byId.keys()) if (!listed.has(id)) unlisted.push({ kind, id });
  };
  diff('person');
  diff('project');
  diff('topic');
  if (!referencesHeld) diff('reference');
  return { write, unlisted };
}

/** Takes written entities as held, then forgets those the sweep dropped (in place). */
export function updateHeld(held: HeldEntities, written: EntityLists, dropped: EntityKey[]): void {
  for (const kind of ENTITY_KINDS) {
    const byId = held[kind] as Map<string, EntityLists[typeof kind][number]>;
    for (const entity of written[kind]) byId.set(entity.id, entity);
  }
  forgetDropped(held, dropped);
}

function forgetDropped(held: HeldEntities, dropped: EntityKey[]): void {
  for (const { kind, id } of dropped) held[kind].delete(id);
}

/** Same fields with the same values (arrays element by element): the rows are fixed-shape copies (`partitionGraph`). */
function sameEntity(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of Object.keys(x)) {
    const u = x[key];
    const v = y[key];
    if (Array.isArray(u)) {
      if (!Array.isArray(v) || u.length !== v.length || u.some((item, i) => item !== v[i])) return false;
    } else if (u !== v) return false;
  }
  return true;
}
