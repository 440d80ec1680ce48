/**
 * The in-memory graph of the embedded store: a graphology MultiDirectedGraph with typed node and
 * edge attributes, plus maps from id to node for each kind. Node keys are `kind:id`, so a person
 * and a project may share an id. Mutations are synchronous: a reader never sees half a meeting.
 */
import { MultiDirectedGraph } from 'graphology';
import type {
  ActionStatus,
  AttendanceRole,
  Discussion,
  Evidence,
  Meeting,
  MeetingGraph,
  Person,
  Project,
  Reference,
  Topic,
} from '../domain.js';
import type { GraphParts, MeetingPart } from './meeting-parts.js';
import type { StoredMeetingState } from './load-plan.js';
import { snippetOf } from './discussion-snippet.js';

export interface MeetingNode {
  kind: 'meeting';
  meeting: Meeting;
  fingerprint: string;
}
export interface DiscussionNode {
  kind: 'discussion';
  discussion: Discussion;
  /** Precomputed row snippet (see `snippetOf`). */
  snippet: string;
}
export interface PersonNode {
  kind: 'person';
  person: Person;
}
export interface ProjectNode {
  kind: 'project';
  project: Project;
}
export interface TopicNode {
  kind: 'topic';
  topic: Topic;
}
export interface ActionNode {
  kind: 'action';
  action: { id: string; task: string; status: ActionStatus };
}
export interface ReferenceNode {
  kind: 'reference';
  reference: Reference;
}
export type NodeAttributes =
  | MeetingNode
  | DiscussionNode
  | PersonNode
  | ProjectNode
  | TopicNode
  | ActionNode
  | ReferenceNode;
export type NodeKind = NodeAttributes['kind'];

export type EdgeAttributes =
  | { type: 'ATTENDED'; role: AttendanceRole; evidence: Evidence }
  | { type: 'HAS_DISCUSSION' }
  | { type: 'DISCUSSED'; evidence: Evidence }
  | { type: 'ABOUT'; evidence: Evidence }
  | { type: 'OWNS'; evidence: Evidence }
  | { type: 'RAISED_IN' }
  | { type: 'CONCERNS' }
  | { type: 'CITES'; evidence: Evidence };
export type EdgeType = EdgeAttributes['type'];

/** The kinds of shared node: they belong to no meeting and are dropped once no edge touches them. */
const SHARED_KINDS = ['person', 'project', 'topic', 'reference'] as const;

type NodeOfKind<K extends NodeKind> = Extract<NodeAttributes, { kind: K }>;

export function nodeKey(kind: NodeKind, id: string): string {
  return `${kind}:${id}`;
}

export class EmbeddedGraph {
  private readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  private readonly byKind: { [K in NodeKind]: Map<string, NodeOfKind<K>> } = {
    meeting: new Map(),
    discussion: new Map(),
    person: new Map(),
    project: new Map(),
    topic: new Map(),
    action: new Map(),
    reference: new Map(),
  };
  /** Edge counts by type, kept up to date by every mutation (for `stats`). */
  private readonly edgeCounts = new Map<EdgeType, number>();

  /** The node of that kind and id. */
  node<K extends NodeKind>(kind: K, id: string): NodeOfKind<K> | undefined {
    return this.byKind[kind].get(id) as NodeOfKind<K> | undefined;
  }

  /** Every node of a kind, in insertion order (callers sort). */
  nodes<K extends NodeKind>(kind: K): IterableIterator<NodeOfKind<K>> {
    return this.byKind[kind].values() as IterableIterator<NodeOfKind<K>>;
  }

  count(kind: NodeKind): number {
    return this.byKind[kind].size;
  }

  edgeCount(type: EdgeType): number {
    return this.edgeCounts.get(type) ?? 0;
  }

  /** Visits each `type` edge leaving `kind:id`, with the target's attributes. */
  forEachOut(kind: NodeKind, id: string, type: EdgeType, visit: (target: NodeAttributes, edge: EdgeAttributes) => void): void {
    const key = nodeKey(kind, id);
    if (!this.graph.hasNode(key)) return;
    this.graph.forEachOutEdge(key, (_edge, attributes, _source, _target, _sourceAttributes, targetAttributes) => {
      if (attributes.type === type) visit(targetAttributes, attributes);
    });
  }

  /** Visits each `type` edge entering `kind:id`, with the source's attributes. */
  forEachIn(kind: NodeKind, id: string, type: EdgeType, visit: (source: NodeAttributes, edge: EdgeAttributes) => void): void {
    const key = nodeKey(kind, id);
    if (!this.graph.hasNode(key)) return;
    this.graph.forEachInEdge(key, (_edge, attributes, _source, _target, sourceAttributes) => {
      if (attributes.type === type) visit(sourceAttributes, attributes);
    });
  }

  /** What the incremental load compares against. */
  meetingStates(): Map<string, StoredMeetingState> {
    const states = new Map<string, StoredMeetingState>();
    for (const { meeting, fingerprint } of this.nodes('meeting')) {
      states.set(meeting.id, { contentHash: meeting.contentHash, fingerprint });
    }
    return states;
  }

  /**
   * Adds the shared nodes, or updates their properties when they exist (a person's name and aliases
   * follow the latest graph).
   */
  upsertEntities(parts: Pick<GraphParts, 'people' | 'projects' | 'topics' | 'references'>): void {
    const upsert = (attributes: NodeAttributes, id: string) => {
      const key = nodeKey(attributes.kind, id);
      if (this.graph.hasNode(key)) this.graph.replaceNodeAttributes(key, attributes);
      else this.graph.addNode(key, attributes);
      this.index(attributes, id);
    };
    for (const person of parts.people) upsert({ kind: 'person', person }, person.id);
    for (const project of parts.projects) upsert({ kind: 'project', project }, project.id);
    for (const topic of parts.topics) upsert({ kind: 'topic', topic }, topic.id);
    for (const reference of parts.references) upsert({ kind: 'reference', reference }, reference.id);
  }

  /** Writes a meeting's part; its shared nodes must already exist (`upsertEntities`). */
  addMeeting(part: MeetingPart): void {
    const meetingKey = this.addNode({ kind: 'meeting', meeting: part.meeting, fingerprint: part.fingerprint }, part.meeting.id);
    for (const discussion of part.discussions) {
      const key = this.addNode({ kind: 'discussion', discussion, snippet: snippetOf(discussion.text) }, discussion.id);
      this.addEdge(meetingKey, key, { type: 'HAS_DISCUSSION' });
    }
    for (const item of part.actionItems) {
      const key = this.addNode({ kind: 'action', action: { id: item.id, task: item.task, status: item.status } }, item.id);
      this.addEdge(nodeKey('person', item.ownerId), key, { type: 'OWNS', evidence: item.evidence });
      this.addEdge(key, nodeKey('discussion', item.discussionId), { type: 'RAISED_IN' });
      for (const projectId of item.projectIds) this.addEdge(key, nodeKey('project', projectId), { type: 'CONCERNS' });
    }
    for (const a of part.attendance) {
      this.addEdge(nodeKey('person', a.personId), meetingKey, { type: 'ATTENDED', role: a.role, evidence: a.evidence }, a.role);
    }
    for (const d of part.discussed) {
      this.addEdge(nodeKey('person', d.personId), nodeKey('discussion', d.discussionId), { type: 'DISCUSSED', evidence: d.evidence });
    }
    for (const a of part.about) {
      this.addEdge(nodeKey('discussion', a.discussionId), nodeKey(a.target, a.targetId), { type: 'ABOUT', evidence: a.evidence });
    }
    for (const c of part.cites) {
      this.addEdge(nodeKey('discussion', c.discussionId), nodeKey('reference', c.referenceId), { type: 'CITES', evidence: c.evidence });
    }
  }

  /** Removes a meeting with its discussions, the action items raised there and all their edges. */
  removeMeeting(id: string): void {
    if (!this.byKind.meeting.has(id)) return;
    const discussionIds: string[] = [];
    this.forEachOut('meeting', id, 'HAS_DISCUSSION', (d) => discussionIds.push((d as DiscussionNode).discussion.id));
    for (const discussionId of discussionIds) {
      const actionIds: string[] = [];
      this.forEachIn('discussion', discussionId, 'RAISED_IN', (a) => actionIds.push((a as ActionNode).action.id));
      for (const actionId of actionIds) this.dropNode('action', actionId);
      this.dropNode('discussion', discussionId);
    }
    this.dropNode('meeting', id);
  }

  /** Drops people, projects, topics and references that no edge touches. */
  dropOrphans(): void {
    for (const kind of SHARED_KINDS) {
      for (const id of [...this.byKind[kind].keys()]) {
        if (this.graph.degree(nodeKey(kind, id)) === 0) this.dropNode(kind, id);
      }
    }
  }

  /** The stored graph in domain form (unsorted; callers canonicalise). */
  toMeetingGraph(): Omit<MeetingGraph, 'warnings' | 'projectCandidates'> {
    const out: Omit<MeetingGraph, 'warnings' | 'projectCandidates'> = {
      meetings: [...this.nodes('meeting')].map((n) => n.meeting),
      discussions: [...this.nodes('discussion')].map((n) => n.discussion),
      people: [...this.nodes('person')].map((n) => n.person),
      projects: [...this.nodes('project')].map((n) => n.project),
      topics: [...this.nodes('topic')].map((n) => n.topic),
      references: [...this.nodes('reference')].map((n) => n.reference),
      actionItems: [],
      attendance: [],
      discussed: [],
      about: [],
      cites: [],
    };
    for (const { action } of this.nodes('action')) {
      let owner: { id: string; evidence: Evidence } | undefined;
      let discussionId = '';
      const projectIds: string[] = [];
      this.forEachIn('action', action.id, 'OWNS', (p, e) => {
        if (p.kind === 'person' && e.type === 'OWNS') owner = { id: p.person.id, evidence: e.evidence };
      });
      this.forEachOut('action', action.id, 'RAISED_IN', (d) => {
        if (d.kind === 'discussion') discussionId = d.discussion.id;
      });
      this.forEachOut('action', action.id, 'CONCERNS', (p) => {
        if (p.kind === 'project') projectIds.push(p.project.id);
      });
      if (!owner) continue; // cannot happen: an action item is always written with its owner
      out.actionItems.push({ ...action, ownerId: owner.id, discussionId, projectIds, evidence: owner.evidence });
    }
    this.graph.forEachEdge((_edge, e, _source, _target, s, t) => {
      if (e.type === 'ATTENDED' && s.kind === 'person' && t.kind === 'meeting') {
        out.attendance.push({ personId: s.person.id, meetingId: t.meeting.id, role: e.role, evidence: e.evidence });
      } else if (e.type === 'DISCUSSED' && s.kind === 'person' && t.kind === 'discussion') {
        out.discussed.push({ personId: s.person.id, discussionId: t.discussion.id, evidence: e.evidence });
      } else if (e.type === 'ABOUT' && s.kind === 'discussion' && (t.kind === 'project' || t.kind === 'topic')) {
        const targetId = t.kind === 'project' ? t.project.id : t.topic.id;
        out.about.push({ discussionId: s.discussion.id, targetId, target: t.kind, evidence: e.evidence });
      } else if (e.type === 'CITES' && s.kind === 'discussion' && t.kind === 'reference') {
        out.cites.push({ discussionId: s.discussion.id, referenceId: t.reference.id, evidence: e.evidence });
      }
    });
    return out;
  }

  private addNode(attributes: NodeAttributes, id: string): string {
    const key = nodeKey(attributes.kind, id);
    this.graph.addNode(key, attributes);
    this.index(attributes, id);
    return key;
  }

  private index(attributes: NodeAttributes, id: string): void {
    (this.byKind[attributes.kind] as Map<string, NodeAttributes>).set(id, attributes);
  }

  private dropNode(kind: NodeKind, id: string): void {
    const key = nodeKey(kind, id);
    this.graph.forEachEdge(key, (_edge, attributes) => this.countEdge(attributes.type, -1));
    this.graph.dropNode(key);
    this.byKind[kind].delete(id);
  }

  /** Edge keys name their type and ends (and the role of an attendance), so a repeated edge is an error. */
  private addEdge(source: string, target: string, attributes: EdgeAttributes, qualifier = ''): void {
    this.graph.addDirectedEdgeWithKey(`${attributes.type}|${source}|${target}|${qualifier}`, source, target, attributes);
    this.countEdge(attributes.type, 1);
  }

  private countEdge(type: EdgeType, delta: number): void {
    this.edgeCounts.set(type, (this.edgeCounts.get(type) ?? 0) + delta);
  }
}
