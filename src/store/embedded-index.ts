/**
 * Lookup tables over the embedded graph's meeting parts, made on the first query after a load so
 * that every named query is a filter over presorted arrays (well under a millisecond on a few
 * hundred notes). The parts stay the source of truth: after a load that changed a few meetings
 * the last tables are patched where those meetings are, otherwise made again from the parts, and
 * what the index makes of each part is kept for the next one (see the constructor).
 */
import type { ActionStatus, AttendanceRole, Discussion, Meeting } from '../domain.js';
import type { EmbeddedGraph } from './embedded-graph.js';
import type { MeetingPart } from './meeting-parts.js';
import { snippetOf } from './discussion-snippet.js';
import { compareText } from './order.js';

export interface Named {
  id: string;
  name: string;
}

export interface DiscussionEntry {
  id: string;
  meeting: Meeting;
  order: number;
  heading: string;
  snippet: string;
  /** Who DISCUSSED it, by name then id. */
  people: Named[];
  /** What it is ABOUT, by name then id. */
  projects: Named[];
  topicIds: Set<string>;
}

export interface ActionEntry {
  id: string;
  task: string;
  status: ActionStatus;
  owner: Named;
  discussion: DiscussionEntry;
  /** What it CONCERNS, by name then id. */
  projects: Named[];
}

export interface AttendanceEntry {
  person: Named;
  role: AttendanceRole;
}

export class QueryIndex {
  /** By date, then id. */
  readonly meetings: Meeting[];
  /** By meeting date, meeting id, order. */
  readonly discussions: DiscussionEntry[];
  /** By meeting date, meeting id, discussion order, id. */
  readonly actions: ActionEntry[];
  /** Each list in the order of `discussions`. */
  readonly discussionsByPerson: Map<string, DiscussionEntry[]>;
  readonly discussionsByProject: Map<string, DiscussionEntry[]>;
  readonly discussionsByMeeting: Map<string, DiscussionEntry[]>;
  /** Each list in the order of `actions`. */
  readonly actionsByOwner: Map<string, ActionEntry[]>;
  readonly actionsByProject: Map<string, ActionEntry[]>;
  /** Per meeting, by name, id, role. */
  readonly attendance: Map<string, AttendanceEntry[]>;
  /** Per person, the meetings attended once each, by date then id. */
  readonly meetingsByAttendee: Map<string, Meeting[]>;

  /** The entries made from each part, handed on to the next index while the names they hold stay the same. */
  private readonly partEntries: WeakMap<MeetingPart, PartEntries>;
  /** The name of every person and project, by `person:` or `project:` and id. */
  private readonly names: Map<string, string>;

  /**
   * With `previous` (the index before the last loads), the entries of every part it saw are
   * reused when no person or project was renamed since: a load replaces a changed
   * meeting's part, so an unchanged meeting keeps its part object. With `changed` too (every
   * meeting added, removed or replaced since `previous` was built), `previous`'s tables are taken
   * over and changed where those meetings are (see `patched`): `previous` is spent.
   */
  constructor(g: EmbeddedGraph, previous?: QueryIndex | null, changed?: ReadonlySet<string> | null) {
    this.names = g.names();
    const reuse = previous && noNameChanged(previous.names, this.names) ? previous : null;
    this.partEntries = reuse ? reuse.partEntries : new WeakMap();
    const namedOnce = new Map<string, Named>();
    const namedAs = (key: string, entity: Named | undefined) => {
      let n = namedOnce.get(key);
      if (!n) namedOnce.set(key, (n = named(entity!)));
      return n;
    };
    const person = (id: string) => namedAs(`person:${id}`, g.person(id));
    const project = (id: string) => namedAs(`project:${id}`, g.project(id));
    const entriesOfPart = (part: MeetingPart) => {
      let entries = this.partEntries.get(part);
      if (!entries) this.partEntries.set(part, (entries = entriesOf(part, person, project)));
      return entries;
    };
    const tables = reuse && changed && changed.size <= MEETINGS_PATCHED_AT_MOST ? patched(reuse, changed, g, entriesOfPart) : built(g, entriesOfPart);
    this.meetings = tables.meetings;
    this.discussions = tables.discussions;
    this.actions = tables.actions;
    this.discussionsByPerson = tables.discussionsByPerson;
    this.discussionsByProject = tables.discussionsByProject;
    this.discussionsByMeeting = tables.discussionsByMeeting;
    this.actionsByOwner = tables.actionsByOwner;
    this.actionsByProject = tables.actionsByProject;
    this.attendance = tables.attendance;
    this.meetingsByAttendee = tables.meetingsByAttendee;
  }
}

/** The lookup tables of a `QueryIndex`. */
type Tables = Pick<
  QueryIndex,
  | 'meetings'
  | 'discussions'
  | 'actions'
  | 'discussionsByPerson'
  | 'discussionsByProject'
  | 'discussionsByMeeting'
  | 'actionsByOwner'
  | 'actionsByProject'
  | 'attendance'
  | 'meetingsByAttendee'
>;

/** Every table from every part. */
function built(g: EmbeddedGraph, entriesOfPart: (part: MeetingPart) => PartEntries): Tables {
  const t: Tables = {
    meetings: [],
    discussions: [],
    actions: [],
    discussionsByPerson: new Map(),
    discussionsByProject: new Map(),
    discussionsByMeeting: new Map(),
    actionsByOwner: new Map(),
    actionsByProject: new Map(),
    attendance: new Map(),
    meetingsByAttendee: new Map(),
  };
  const parts = [...g.meetingParts()].sort((a, b) => compareMeetings(a.meeting, b.meeting));
  // Parts in meeting order, each one's entries already in order: the lists come out sorted.
  for (const part of parts) {
    const entries = entriesOfPart(part);
    t.meetings.push(part.meeting);
    for (const d of entries.discussions) t.discussions.push(d);
    for (const a of entries.actions) t.actions.push(a);
    t.attendance.set(part.meeting.id, entries.attendance);
    for (const attendee of attendeesOf(entries)) append(t.meetingsByAttendee, attendee, part.meeting);
  }
  for (const d of t.discussions) {
    append(t.discussionsByMeeting, d.meeting.id, d);
    for (const p of d.people) append(t.discussionsByPerson, p.id, d);
    for (const p of d.projects) append(t.discussionsByProject, p.id, d);
  }
  for (const a of t.actions) {
    append(t.actionsByOwner, a.owner.id, a);
    for (const p of a.projects) append(t.actionsByProject, p.id, a);
  }
  return t;
}

/**
 * The tables of `previous`, taken over and changed in place (`previous` is not to be used
 * again): the `changed` meetings' entries out, their current parts' entries in, in order. A
 * meeting's entries are one run in each long list sorted by meeting, found by binary search and
 * spliced; a list by person or project is made again only when a changed meeting touches it.
 * The result is what `built` makes of the same graph — a test compares the two — in a few
 * milliseconds at 10,000 meetings, where `built` takes 0.15–0.2 s (copying the long lists, or
 * even the maps by meeting, would cost tens of milliseconds).
 */
function patched(previous: QueryIndex, changed: ReadonlySet<string>, g: EmbeddedGraph, entriesOfPart: (part: MeetingPart) => PartEntries): Tables {
  const t: Tables = previous;
  const isChanged = (meeting: Meeting) => changed.has(meeting.id);
  const ofDiscussion = (d: DiscussionEntry) => d.meeting;
  const ofAction = (a: ActionEntry) => a.discussion.meeting;
  const gone = [...changed].map((id) => t.meetings.find((m) => m.id === id)).filter((m): m is Meeting => m !== undefined);
  const goneAttendees = gone.flatMap((m) => [...attendeesOf({ attendance: t.attendance.get(m.id) ?? [] })]);
  const goneDiscussions: DiscussionEntry[] = [];
  const goneActions: ActionEntry[] = [];
  for (const meeting of gone) {
    cutRun(t.meetings, meeting, (m) => m);
    for (const d of cutRun(t.discussions, meeting, ofDiscussion)) goneDiscussions.push(d);
    for (const a of cutRun(t.actions, meeting, ofAction)) goneActions.push(a);
    t.attendance.delete(meeting.id);
    t.discussionsByMeeting.delete(meeting.id);
  }
  const added = [...changed]
    .map((id) => g.part(id))
    .filter((part): part is MeetingPart => part !== undefined)
    // In meeting order, as the lists by person and project expect what is merged into them.
    .sort((a, b) => compareMeetings(a.meeting, b.meeting))
    .map((part) => ({ meeting: part.meeting, entries: entriesOfPart(part) }));
  for (const { meeting, entries } of added) {
    insertRun(t.meetings, meeting, [meeting], (m) => m);
    insertRun(t.discussions, meeting, entries.discussions, ofDiscussion);
    insertRun(t.actions, meeting, entries.actions, ofAction);
    t.attendance.set(meeting.id, entries.attendance);
    if (entries.discussions.length) t.discussionsByMeeting.set(meeting.id, entries.discussions);
  }

  const keyed = <T>(items: T[], keys: (item: T) => string[]) => items.flatMap((item) => keys(item).map((key) => ({ key, item })));
  const addedMeetings = added.map(({ meeting, entries }) => ({ meeting, attendees: [...attendeesOf(entries)] }));
  repatchLists(t.meetingsByAttendee, isChanged, (m) => m, goneAttendees, addedMeetings.flatMap(({ meeting, attendees }) => attendees.map((key) => ({ key, item: meeting }))));
  const addedDiscussions = added.flatMap(({ entries }) => entries.discussions);
  const byPeople = (d: DiscussionEntry) => d.people.map((n) => n.id);
  const byProjects = (d: DiscussionEntry) => d.projects.map((n) => n.id);
  const discussionGone = (d: DiscussionEntry) => isChanged(ofDiscussion(d));
  repatchLists(t.discussionsByPerson, discussionGone, ofDiscussion, goneDiscussions.flatMap(byPeople), keyed(addedDiscussions, byPeople));
  repatchLists(t.discussionsByProject, discussionGone, ofDiscussion, goneDiscussions.flatMap(byProjects), keyed(addedDiscussions, byProjects));
  const addedActions = added.flatMap(({ entries }) => entries.actions);
  const byOwner = (a: ActionEntry) => [a.owner.id];
  const byConcerned = (a: ActionEntry) => a.projects.map((p) => p.id);
  const actionGone = (a: ActionEntry) => isChanged(ofAction(a));
  repatchLists(t.actionsByOwner, actionGone, ofAction, goneActions.flatMap(byOwner), keyed(addedActions, byOwner));
  repatchLists(t.actionsByProject, actionGone, ofAction, goneActions.flatMap(byConcerned), keyed(addedActions, byConcerned));
  return t;
}

/**
 * Past this many changed meetings the tables are built from nothing: each changed meeting costs
 * a few splices of the long lists (a `git pull` can change thousands).
 */
const MEETINGS_PATCHED_AT_MOST = 50;

/** The first index of `sorted` (by meeting) whose meeting does not sort before `meeting`. */
function lowerBound<T>(sorted: T[], meeting: Meeting, meetingOf: (item: T) => Meeting): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareMeetings(meetingOf(sorted[mid]), meeting) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Takes the items of `meeting` out of `sorted` (one run, since it is sorted by meeting) and returns them. */
function cutRun<T>(sorted: T[], meeting: Meeting, meetingOf: (item: T) => Meeting): T[] {
  const start = lowerBound(sorted, meeting, meetingOf);
  let end = start;
  while (end < sorted.length && meetingOf(sorted[end]).id === meeting.id) end++;
  return sorted.splice(start, end - start);
}

/** Puts `items` (all of `meeting`, in order) into `sorted` where the meeting sorts. */
function insertRun<T>(sorted: T[], meeting: Meeting, items: T[], meetingOf: (item: T) => Meeting): void {
  const at = lowerBound(sorted, meeting, meetingOf);
  // In slices: a call takes a bounded number of arguments, and a hostile note can hold a great many items.
  for (let i = 0; i < items.length; i += SPLICED_AT_ONCE) sorted.splice(at + i, 0, ...items.slice(i, i + SPLICED_AT_ONCE));
}

const SPLICED_AT_ONCE = 10_000;

/** Each person who attended the meeting, once, in the attendance's order (by name, id, role). */
function* attendeesOf(entries: Pick<PartEntries, 'attendance'>): Generator<string> {
  let previousAttendee = '';
  for (const { person: attendee } of entries.attendance) {
    if (attendee.id !== previousAttendee) yield attendee.id;
    previousAttendee = attendee.id;
  }
}

/**
 * Fills `target` with `kept` and `added` merged by meeting (date, then id). Both are in that
 * order already, and no meeting has items in both, so the items of one meeting stay together
 * and in their order.
 */
function mergeInto<T>(target: T[], kept: T[], added: T[], meetingOf: (item: T) => Meeting): void {
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length) target.push(compareMeetings(meetingOf(added[j]), meetingOf(kept[i])) < 0 ? added[j++] : kept[i++]);
  while (i < kept.length) target.push(kept[i++]);
  while (j < added.length) target.push(added[j++]);
}

/**
 * Under every key in `goneKeys` or `added`, the list of `lists` made again: the items `isGone`
 * takes out, the `added` items merged in; a key left without items is dropped.
 */
function repatchLists<T>(lists: Map<string, T[]>, isGone: (item: T) => boolean, meetingOf: (item: T) => Meeting, goneKeys: string[], added: Array<{ key: string; item: T }>): void {
  const addedByKey = new Map<string, T[]>();
  for (const { key, item } of added) append(addedByKey, key, item);
  for (const key of new Set([...goneKeys, ...addedByKey.keys()])) {
    const list: T[] = [];
    mergeInto(list, (lists.get(key) ?? []).filter((item) => !isGone(item)), addedByKey.get(key) ?? [], meetingOf);
    if (list.length) lists.set(key, list);
    else lists.delete(key);
  }
}

/** What one meeting's part gives the index, each list in the index's order. */
interface PartEntries {
  /** By order, id. */
  discussions: DiscussionEntry[];
  /** By discussion order, id. */
  actions: ActionEntry[];
  /** By name, id, role. */
  attendance: AttendanceEntry[];
}

function entriesOf(part: MeetingPart, person: (id: string) => Named, project: (id: string) => Named): PartEntries {
  const discussionById = new Map<string, DiscussionEntry>();
  const discussions = part.discussions.map((discussion): DiscussionEntry => {
    const entry: DiscussionEntry = {
      id: discussion.id,
      meeting: part.meeting,
      order: discussion.order,
      heading: discussion.heading,
      snippet: cachedSnippet(discussion),
      people: [],
      projects: [],
      topicIds: new Set(),
    };
    discussionById.set(discussion.id, entry);
    return entry;
  });
  for (const d of part.discussed) discussionById.get(d.discussionId)!.people.push(person(d.personId));
  for (const a of part.about) {
    const entry = discussionById.get(a.discussionId)!;
    if (a.target === 'project') entry.projects.push(project(a.targetId));
    else entry.topicIds.add(a.targetId);
  }
  for (const d of discussions) {
    d.people.sort(compareNamed);
    d.projects.sort(compareNamed);
  }
  discussions.sort((a, b) => a.order - b.order || compareText(a.id, b.id));
  const actions = part.actionItems.map(
    (item): ActionEntry => ({
      id: item.id,
      task: item.task,
      status: item.status,
      owner: person(item.ownerId),
      discussion: discussionById.get(item.discussionId)!,
      projects: item.projectIds.map(project).sort(compareNamed),
    }),
  );
  actions.sort((a, b) => a.discussion.order - b.discussion.order || compareText(a.id, b.id));
  const attendance = part.attendance.map((a): AttendanceEntry => ({ person: person(a.personId), role: a.role }));
  attendance.sort((a, b) => compareNamed(a.person, b.person) || compareText(a.role, b.role));
  return { discussions, actions, attendance };
}

/**
 * No person or project in both maps has another name in `next`. Entries keep names, so this is
 * when an unchanged part's entries still hold: people and projects that came or went do not
 * matter (a part names only those that exist, and one that went had no edge left).
 */
function noNameChanged(previous: Map<string, string>, next: Map<string, string>): boolean {
  for (const [key, name] of previous) {
    const now = next.get(key);
    if (now !== undefined && now !== name) return false;
  }
  return true;
}

/**
 * The row snippet of each discussion, kept with the discussion object: a load keeps the objects of
 * unchanged meetings, so the index rebuilt after it does not strip their Markdown again.
 */
const snippets = new WeakMap<Discussion, string>();

function cachedSnippet(discussion: Discussion): string {
  let snippet = snippets.get(discussion);
  if (snippet === undefined) snippets.set(discussion, (snippet = snippetOf(discussion.text)));
  return snippet;
}

/** By date, then id. */
function compareMeetings(a: Meeting, b: Meeting): number {
  return compareText(a.date, b.date) || compareText(a.id, b.id);
}

function compareNamed(a: Named, b: Named): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

function named(n: Named): Named {
  return { id: n.id, name: n.name };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
