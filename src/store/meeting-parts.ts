/**
 * A MeetingGraph cut into what a store writes: the shared entities (people, projects, topics,
 * references) and one self-contained part per meeting (its discussions, action items and every
 * edge that starts or ends inside it). Both stores load parts, so they agree on what a meeting owns,
 * on which duplicate edges collapse, and on when a meeting has changed.
 */
import { createHash } from 'node:crypto';
import type {
  About,
  ActionItem,
  Attendance,
  Cites,
  Discussed,
  Discussion,
  Evidence,
  IngestWarning,
  Meeting,
  MeetingGraph,
  MeetingItems,
  Person,
  Project,
  ProjectCandidate,
  Reference,
  Topic,
} from '../domain.js';
import { joinItems, UNDATED } from '../domain.js';
import { isMeetingDate } from './neighbourhood-weights.js';
import { StoreError } from './errors.js';
import { compareText } from './order.js';

/**
 * Everything a meeting owns; replaced as a whole when the meeting changes. Its items are in a
 * canonical order: discussions by `order`; action items by id, each one's `projectIds` sorted;
 * attendance by person, role (one edge per person, meeting and role); discussed by discussion,
 * person; about by discussion, target kind, target; cites by discussion, reference (one edge per
 * pair in each).
 */
export interface MeetingPart extends MeetingItems {
  meeting: Meeting;
  /**
   * sha256 of the part's canonical JSON. A meeting is rewritten when its note's `contentHash` or
   * this fingerprint differs from the stored one: the fingerprint catches a note that did not change
   * but was read differently (an edited people.yml resolves its names to other people).
   */
  fingerprint: string;
}

export interface GraphParts {
  /** Entities by id (in the graph's order when cut with `KeptParts`). */
  people: Person[];
  projects: Project[];
  topics: Topic[];
  references: Reference[];
  /** By meeting id (only the changed meetings' when cut with a `KeptParts` without `stored`). */
  meetings: MeetingPart[];
  warnings: IngestWarning[];
  projectCandidates: ProjectCandidate[];
}

/**
 * A graph's meetings that are known to be unchanged (see `GraphChanges`) and their parts as
 * stored: `partitionGraph` takes those parts as they are instead of cutting them again.
 */
export interface KeptParts {
  /** Ids of the meetings to cut anew: every meeting of the graph not listed has a stored part. */
  changed: ReadonlySet<string>;
  /**
   * A kept meeting's stored part. Without it, the parts cut hold only the changed meetings: a
   * store that writes only those (Neo4j) need not keep the others'.
   */
  stored?: (meetingId: string) => MeetingPart;
  /**
   * The changed meetings' items (`GraphChanges.items`) and, for the id checks, the stored meeting
   * that holds a discussion or action item id: the cut then reads those items, not the graph's lists.
   */
  items?: {
    of: ReadonlyMap<string, MeetingItems>;
    storedMeetingOf: (kind: 'discussion' | 'action item', id: string) => string | undefined;
  };
  /**
   * Set when the graph's references are the ones stored (the very list loaded last time): they are
   * then neither copied nor listed in the parts, and a citation is checked against the store's.
   * 92,000 references at 10,000 meetings.
   */
  storedReferences?: { has: (id: string) => boolean };
}



/**
 * Cuts a graph into parts, checking that it holds together: unique ids, and no edge to a node the
 * graph does not contain (a StoreError `inconsistent-graph` otherwise). Duplicate edges collapse
 * into the first one seen, whose evidence is kept. With `kept`, only the changed meetings are cut
 * and checked; the others' parts are the stored ones.
 */
export function partitionGraph(graph: MeetingGraph, kept?: KeptParts): GraphParts {
  const people = uniqueById(graph.people.map(personOf), 'person');
  const projects = uniqueById(graph.projects.map(projectOf), 'project');
  const topics = uniqueById(graph.topics.map((t): Topic => ({ id: t.id, name: t.name })), 'topic');
  const references = kept?.storedReferences ?? uniqueById(graph.references.map((r): Reference => ({ id: r.id, url: r.url })), 'reference');
  const meetings = uniqueById(graph.meetings, 'meeting');
  const isCut = kept ? (meetingId: string) => kept.changed.has(meetingId) : () => true;
  const lists = (kept && listsOfItems(kept)) || graph;
  // With `kept`, the kept meetings' ids were checked when their parts were cut: the cut meetings'
  // ids are checked to be unique and to collide with none of those. Only what is cut is copied.
  const cutDiscussions = kept ? new Set(lists.discussions.filter((d) => kept.changed.has(d.meetingId)).map((d) => d.id)) : null;
  const uniqueCut = <T extends { id: string }>(items: T[], isCutItem: (item: T) => boolean, kind: 'discussion' | 'action item') => {
    if (!kept?.items || lists === graph) return uniqueAmong(items, isCutItem, kind);
    const cut = uniqueById(items.filter(isCutItem), kind);
    for (const id of cut.keys()) {
      const holder = kept.items.storedMeetingOf(kind, id);
      if (holder !== undefined && !kept.changed.has(holder) && meetings.has(holder)) throw inconsistent(`${kind} id "${id}" appears twice`);
    }
    return cut;
  };
  const discussions = cutDiscussions
    ? uniqueCut(lists.discussions, (d) => cutDiscussions.has(d.id), 'discussion')
    : uniqueById(graph.discussions, 'discussion');
  const actionItems = cutDiscussions
    ? uniqueCut(lists.actionItems, (a) => cutDiscussions.has(a.discussionId), 'action item')
    : uniqueById(graph.actionItems, 'action item');

  const drafts = new Map<string, Omit<MeetingPart, 'fingerprint'>>();
  for (const meeting of meetings.values()) {
    if (!isCut(meeting.id)) continue;
    // Dates are compared as text and counted by month (neighbourhood-weights.ts).
    if (!isMeetingDate(meeting.date)) {
      throw inconsistent(`meeting "${meeting.id}" has the date "${meeting.date}", which is no date YYYY-MM-DD (nor ${UNDATED}, undated)`);
    }
    drafts.set(meeting.id, { meeting: meetingOf(meeting), discussions: [], actionItems: [], attendance: [], discussed: [], about: [], cites: [] });
  }
  // Every check below names the item in its error, and builds that text only when it throws: a
  // graph of 10,000 meetings has 1.3 million edges.
  const draftOf = (meetingId: string, what: () => string) => {
    const draft = drafts.get(meetingId);
    if (!draft && !meetings.has(meetingId)) throw inconsistent(`${what()} belongs to unknown meeting "${meetingId}"`);
    return draft;
  };
  // With `kept`, an edge of a discussion that is not being cut belongs to a kept meeting (the
  // loops below skip those first).
  const draftOfDiscussion = (discussionId: string, what: () => string) => {
    if (cutDiscussions && !cutDiscussions.has(discussionId)) return undefined;
    const discussion = discussions.get(discussionId);
    if (!discussion) throw inconsistent(`${what()} refers to unknown discussion "${discussionId}"`);
    return draftOf(discussion.meetingId, what);
  };
  const requireNode = (nodes: { has: (id: string) => boolean }, id: string, kind: string, what: () => string) => {
    if (!nodes.has(id)) throw inconsistent(`${what()} refers to unknown ${kind} "${id}"`);
  };

  for (const discussion of discussions.values()) {
    const draft = drafts.get(discussion.meetingId) ?? draftOf(discussion.meetingId, () => `discussion "${discussion.id}"`);
    draft?.discussions.push(discussionOf(discussion));
  }
  for (const item of actionItems.values()) {
    const discussion = discussions.get(item.discussionId);
    const draft = discussion && drafts.get(discussion.meetingId);
    if (!draft || !people.has(item.ownerId) || item.projectIds.some((id) => !projects.has(id))) {
      const what = () => `action item "${item.id}"`;
      if (!draftOfDiscussion(item.discussionId, what)) continue;
      requireNode(people, item.ownerId, 'person', what);
      for (const projectId of item.projectIds) requireNode(projects, projectId, 'project', what);
    }
    draft!.actionItems.push(actionItemOf(item));
  }

  // Edges are checked and taken (copied when of another shape) in the loops below, and their
  // repeats dropped after sorting (`sortPart`): a repeat keeps the first edge's evidence.
  for (const edge of lists.attendance) {
    if (kept && !kept.changed.has(edge.meetingId) && meetings.has(edge.meetingId)) continue;
    const draft = drafts.get(edge.meetingId);
    if (!draft || !people.has(edge.personId)) {
      const what = () => `attendance of "${edge.personId}" at "${edge.meetingId}"`;
      if (!draftOf(edge.meetingId, what)) continue;
      requireNode(people, edge.personId, 'person', what);
    }
    draft!.attendance.push(edgeOf(edge, ATTENDANCE));
  }
  // The draft an edge of a discussion goes into, once the node it points to is known; undefined
  // for an edge of a kept meeting. The text naming the edge is made only for an error.
  const draftForDiscussionEdge = <E>(edge: E, discussionId: string, nodes: { has: (id: string) => boolean }, nodeId: string, kind: string, describe: (edge: E) => string) => {
    if (cutDiscussions && !cutDiscussions.has(discussionId)) return undefined;
    const discussion = discussions.get(discussionId);
    const draft = discussion && drafts.get(discussion.meetingId);
    if (draft && nodes.has(nodeId)) return draft;
    const what = () => describe(edge);
    if (!draftOfDiscussion(discussionId, what)) return undefined;
    requireNode(nodes, nodeId, kind, what);
    return draft;
  };
  for (const edge of lists.discussed) {
    const draft = draftForDiscussionEdge(edge, edge.discussionId, people, edge.personId, 'person', describeDiscussed);
    draft?.discussed.push(edgeOf(edge, DISCUSSED));
  }
  for (const edge of lists.about) {
    const targets = edge.target === 'project' ? projects : topics;
    const draft = draftForDiscussionEdge(edge, edge.discussionId, targets, edge.targetId, edge.target, describeAbout);
    draft?.about.push(edgeOf(edge, ABOUT));
  }
  for (const edge of lists.cites) {
    const draft = draftForDiscussionEdge(edge, edge.discussionId, references, edge.referenceId, 'reference', describeCites);
    draft?.cites.push(edgeOf(edge, CITES));
  }

  const cutPart = (draft: Omit<MeetingPart, 'fingerprint'>): MeetingPart => {
    const part = sortPart(draft);
    return { ...part, fingerprint: fingerprintOf(part) };
  };
  const stored = kept?.stored;
  const parts = stored
    ? [...meetings.keys()].map((id): MeetingPart => {
        const draft = drafts.get(id);
        return draft ? cutPart(draft) : stored(id);
      })
    : [...drafts.values()].map(cutPart);
  // The stores that cut with `kept` keep entities by id and sort or compare them themselves.
  const entities = kept ? <T>(items: T[]) => items : sortById;
  return {
    people: entities([...people.values()]),
    projects: entities([...projects.values()]),
    topics: entities([...topics.values()]),
    references: references instanceof Map ? entities([...references.values()]) : [],
    meetings: parts.sort((a, b) => compareText(a.meeting.id, b.meeting.id)),
    warnings: graph.warnings,
    projectCandidates: graph.projectCandidates,
  };
}

/** The changed meetings' items as lists, when every changed meeting of the graph has them; null otherwise. */
function listsOfItems(kept: KeptParts): MeetingItems | null {
  if (!kept.items) return null;
  const of = [...kept.changed].map((id) => kept.items!.of.get(id));
  return of.every((items) => items !== undefined) ? joinItems(of as MeetingItems[]) : null;
}

const describeDiscussed = (e: Discussed) => `"${e.personId}" discussed "${e.discussionId}"`;
const describeAbout = (e: About) => `"${e.discussionId}" about ${e.target} "${e.targetId}"`;
const describeCites = (e: Cites) => `"${e.discussionId}" citing "${e.referenceId}"`;

/**
 * A graph in the one order both stores' snapshots use: entities and meetings by id, then each
 * meeting's part in its canonical order. Loading and snapshotting a graph gives back exactly
 * `canonicalGraph(partitionGraph(graph))`, minus entities without any edge (stores drop those).
 */
export function canonicalGraph(parts: GraphParts): MeetingGraph {
  const meetings = parts.meetings;
  return {
    meetings: meetings.map((p) => p.meeting),
    discussions: meetings.flatMap((p) => p.discussions),
    people: parts.people,
    projects: parts.projects,
    topics: parts.topics,
    actionItems: meetings.flatMap((p) => p.actionItems),
    references: parts.references,
    attendance: meetings.flatMap((p) => p.attendance),
    discussed: meetings.flatMap((p) => p.discussed),
    about: meetings.flatMap((p) => p.about),
    cites: meetings.flatMap((p) => p.cites),
    warnings: parts.warnings,
    projectCandidates: parts.projectCandidates,
  };
}

/** A part in its canonical order, each edge once (the first of its repeats, which a stable sort keeps first). */
function sortPart(part: Omit<MeetingPart, 'fingerprint'>): Omit<MeetingPart, 'fingerprint'> {
  return {
    meeting: part.meeting,
    discussions: [...part.discussions].sort((a, b) => a.order - b.order || compareText(a.id, b.id)),
    actionItems: sortById(part.actionItems),
    attendance: firstOfRuns(
      [...part.attendance].sort((a, b) => compareText(a.personId, b.personId) || compareText(a.role, b.role)),
      (a, b) => a.personId === b.personId && a.meetingId === b.meetingId && a.role === b.role,
    ),
    discussed: firstOfRuns(
      [...part.discussed].sort((a, b) => compareText(a.discussionId, b.discussionId) || compareText(a.personId, b.personId)),
      (a, b) => a.discussionId === b.discussionId && a.personId === b.personId,
    ),
    about: firstOfRuns(
      [...part.about].sort(
        (a, b) =>
          compareText(a.discussionId, b.discussionId) ||
          compareText(a.target, b.target) ||
          compareText(a.targetId, b.targetId),
      ),
      (a, b) => a.discussionId === b.discussionId && a.target === b.target && a.targetId === b.targetId,
    ),
    cites: firstOfRuns(
      [...part.cites].sort((a, b) => compareText(a.discussionId, b.discussionId) || compareText(a.referenceId, b.referenceId)),
      (a, b) => a.discussionId === b.discussionId && a.referenceId === b.referenceId,
    ),
  };
}

/** A sorted list without the items equal to the one before them (in place). */
function firstOfRuns<T>(sorted: T[], same: (a: T, b: T) => boolean): T[] {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (n === 0 || !same(sorted[n - 1], sorted[i])) sorted[n++] = sorted[i];
  sorted.length = n;
  return sorted;
}

/** Every object of a part has exactly its fields, in a fixed order (see below), so equal parts serialise identically. */
function fingerprintOf(part: Omit<MeetingPart, 'fingerprint'>): string {
  return createHash('sha256').update(JSON.stringify(part)).digest('hex');
}

// The objects of a part have fixed fields in a fixed order (so equal parts serialise to equal
// fingerprints however the graph was built), and none the stores do not keep. A graph object that
// already has exactly those fields is taken as it is, not copied: the server holds its graph and
// the embedded store's parts side by side, and at 10,000 meetings the copies of 830,000 edges and
// action items, each with its evidence, were 108 MB of the store's 147 (docs/PERFORMANCE.md). So a
// graph given to a store is not changed afterwards: nothing changes a graph once assembled, and
// each ingest assembles a new one.

const MEETING_FIELDS = ['id', 'date', 'title', 'description', 'source', 'contentHash'] as const;
const DISCUSSION_FIELDS = ['id', 'meetingId', 'heading', 'text', 'order', 'line'] as const;
const ACTION_ITEM_FIELDS = ['id', 'task', 'status', 'ownerId', 'discussionId', 'projectIds', 'evidence'] as const;
const EVIDENCE_FIELDS = ['file', 'line', 'sentence'] as const;

/** Whether the enumerable fields of `o` are exactly `fields`, in that order: it then serialises as its copy would. */
function hasExactly(o: object, fields: readonly string[]): boolean {
  let i = 0;
  for (const key in o) if (key !== fields[i++]) return false;
  return i === fields.length;
}

function personOf(p: Person): Person {
  return { id: p.id, name: p.name, aliases: [...p.aliases] };
}

function projectOf(p: Project): Project {
  return { id: p.id, name: p.name, aliases: [...p.aliases], origin: p.origin };
}

function meetingOf(m: Meeting): Meeting {
  if (hasExactly(m, MEETING_FIELDS)) return m;
  return { id: m.id, date: m.date, title: m.title, description: m.description, source: m.source, contentHash: m.contentHash };
}

function discussionOf(d: Discussion): Discussion {
  if (hasExactly(d, DISCUSSION_FIELDS)) return d;
  return { id: d.id, meetingId: d.meetingId, heading: d.heading, text: d.text, order: d.order, line: d.line };
}

/** An action item, its `projectIds` without repeats and sorted. */
function actionItemOf(a: ActionItem): ActionItem {
  const evidence = evidenceOf(a.evidence);
  if (evidence === a.evidence && hasExactly(a, ACTION_ITEM_FIELDS) && isSortedSet(a.projectIds)) return a;
  return {
    id: a.id,
    task: a.task,
    status: a.status,
    ownerId: a.ownerId,
    discussionId: a.discussionId,
    projectIds: [...new Set(a.projectIds)].sort(compareText),
    evidence,
  };
}

/** An edge kind's fields, in a part's order, and how to copy an edge of another shape. */
interface EdgeShape<E extends { evidence: Evidence }> {
  fields: readonly string[];
  copy: (e: E, evidence: Evidence) => E;
}

const ATTENDANCE: EdgeShape<Attendance> = {
  fields: ['personId', 'meetingId', 'role', 'evidence'],
  copy: (a, evidence) => ({ personId: a.personId, meetingId: a.meetingId, role: a.role, evidence }),
};
const DISCUSSED: EdgeShape<Discussed> = {
  fields: ['personId', 'discussionId', 'evidence'],
  copy: (d, evidence) => ({ personId: d.personId, discussionId: d.discussionId, evidence }),
};
const ABOUT: EdgeShape<About> = {
  fields: ['discussionId', 'targetId', 'target', 'evidence'],
  copy: (a, evidence) => ({ discussionId: a.discussionId, targetId: a.targetId, target: a.target, evidence }),
};
const CITES: EdgeShape<Cites> = {
  fields: ['discussionId', 'referenceId', 'evidence'],
  copy: (c, evidence) => ({ discussionId: c.discussionId, referenceId: c.referenceId, evidence }),
};

/** An edge as it is when it and its evidence have exactly their fields, else a copy that has. */
function edgeOf<E extends { evidence: Evidence }>(e: E, shape: EdgeShape<E>): E {
  const evidence = evidenceOf(e.evidence);
  return evidence === e.evidence && hasExactly(e, shape.fields) ? e : shape.copy(e, evidence);
}

function evidenceOf(e: Evidence): Evidence {
  if (hasExactly(e, EVIDENCE_FIELDS)) return e;
  return { file: e.file, line: e.line, sentence: e.sentence };
}

/** Whether `ids` is sorted (as `compareText` orders) without repeats. */
function isSortedSet(ids: string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (compareText(ids[i - 1], ids[i]) >= 0) return false;
  return true;
}

function uniqueById<T extends { id: string }>(items: T[], kind: string): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) throw inconsistent(`${kind} id "${item.id}" appears twice`);
    byId.set(item.id, item);
  }
  return byId;
}

/** The items `isCut` picks, by id, when their ids are unique and no other item has one of them. */
function uniqueAmong<T extends { id: string }>(items: T[], isCut: (item: T) => boolean, kind: string): Map<string, T> {
  const cut = uniqueById(items.filter(isCut), kind);
  for (const item of items) if (cut.has(item.id) && !isCut(item)) throw inconsistent(`${kind} id "${item.id}" appears twice`);
  return cut;
}

export function sortById<T extends { id: string }>(items: T[]): T[] {
  // Assembly and snapshots give most lists in this order already: checking is cheaper than sorting.
  const sorted = items.every((item, i) => i === 0 || compareText(items[i - 1].id, item.id) <= 0);
  return sorted ? [...items] : [...items].sort((a, b) => compareText(a.id, b.id));
}

function inconsistent(detail: string): StoreError {
  return new StoreError(`cannot load the graph: ${detail}`, 'inconsistent-graph');
}
