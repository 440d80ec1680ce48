/**
 * Lookup tables over the embedded graph's meeting parts, built in one pass on the first query after
 * a load so that every named query is a filter over presorted arrays (well under a millisecond on a
 * few hundred notes). The parts stay the source of truth: the index is rebuilt, never updated.
 */
import type { ActionStatus, AttendanceRole, Discussion, Meeting } from '../domain.js';
import type { EmbeddedGraph } from './embedded-graph.js';
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
  readonly meetings: Meeting[] = [];
  /** By meeting date, meeting id, order. */
  readonly discussions: DiscussionEntry[] = [];
  /** By meeting date, meeting id, discussion order, id. */
  readonly actions: ActionEntry[] = [];
  /** Each list in the order of `discussions`. */
  readonly discussionsByPerson = new Map<string, DiscussionEntry[]>();
  readonly discussionsByProject = new Map<string, DiscussionEntry[]>();
  readonly discussionsByMeeting = new Map<string, DiscussionEntry[]>();
  /** Each list in the order of `actions`. */
  readonly actionsByOwner = new Map<string, ActionEntry[]>();
  readonly actionsByProject = new Map<string, ActionEntry[]>();
  /** Per meeting, by name, id, role. */
  readonly attendance = new Map<string, AttendanceEntry[]>();
  /** Per person, the meetings attended once each, by date then id. */
  readonly meetingsByAttendee = new Map<string, Meeting[]>();

  constructor(g: EmbeddedGraph) {
    const parts = [...g.meetingParts()];
    this.meetings = parts.map((p) => p.meeting).sort(compareMeetings);
    const meetingRank = new Map(this.meetings.map((m, i) => [m.id, i]));
    const person = (id: string) => named(g.person(id)!);
    const project = (id: string) => named(g.project(id)!);

    const discussionById = new Map<string, DiscussionEntry>();
    for (const part of parts) {
      for (const discussion of part.discussions) {
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
        this.discussions.push(entry);
      }
      for (const d of part.discussed) discussionById.get(d.discussionId)!.people.push(person(d.personId));
      for (const a of part.about) {
        const entry = discussionById.get(a.discussionId)!;
        if (a.target === 'project') entry.projects.push(project(a.targetId));
        else entry.topicIds.add(a.targetId);
      }
    }
    for (const d of this.discussions) {
      d.people.sort(compareNamed);
      d.projects.sort(compareNamed);
    }
    this.discussions.sort(
      (a, b) => meetingRank.get(a.meeting.id)! - meetingRank.get(b.meeting.id)! || a.order - b.order || compareText(a.id, b.id),
    );
    for (const d of this.discussions) {
      append(this.discussionsByMeeting, d.meeting.id, d);
      for (const p of d.people) append(this.discussionsByPerson, p.id, d);
      for (const p of d.projects) append(this.discussionsByProject, p.id, d);
    }

    for (const part of parts) {
      for (const item of part.actionItems) {
        this.actions.push({
          id: item.id,
          task: item.task,
          status: item.status,
          owner: person(item.ownerId),
          discussion: discussionById.get(item.discussionId)!,
          projects: item.projectIds.map(project).sort(compareNamed),
        });
      }
    }
    this.actions.sort(
      (a, b) =>
        meetingRank.get(a.discussion.meeting.id)! - meetingRank.get(b.discussion.meeting.id)! ||
        a.discussion.order - b.discussion.order ||
        compareText(a.id, b.id),
    );
    for (const a of this.actions) {
      append(this.actionsByOwner, a.owner.id, a);
      for (const p of a.projects) append(this.actionsByProject, p.id, a);
    }

    const attendanceOf = new Map(parts.map((p) => [p.meeting.id, p.attendance]));
    for (const m of this.meetings) {
      const entries: AttendanceEntry[] = attendanceOf.get(m.id)!.map((a) => ({ person: person(a.personId), role: a.role }));
      entries.sort((a, b) => compareNamed(a.person, b.person) || compareText(a.role, b.role));
      this.attendance.set(m.id, entries);
      // Meetings are visited in order, so each attendee's list comes out sorted.
      let previous = '';
      for (const { person } of entries) {
        if (person.id !== previous) append(this.meetingsByAttendee, person.id, m);
        previous = person.id;
      }
    }
  }
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
