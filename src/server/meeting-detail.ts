/**
 * A meeting as its page shows it: the note's discussions as safe text blocks, the attendees, and
 * for each discussion the people, projects, topics, action items and references extracted from it,
 * each with the sentence it came from.
 */
import type { AttendanceRole, Evidence } from '../domain.js';
import type { GraphView } from './graph-view.js';
import { linkDefinitions, markdownBlocks, safeUrl, type Block } from './markdown-blocks.js';

export interface MeetingLink {
  id: string;
  date: string;
  title: string;
}

export interface MeetingDetail {
  id: string;
  date: string;
  title: string;
  description: string;
  /** The note's path relative to the notes folder. */
  source: string;
  previous: MeetingLink | null;
  next: MeetingLink | null;
  attendees: Array<{ personId: string; name: string; role: AttendanceRole; evidence: Evidence }>;
  discussions: DiscussionDetail[];
}

export interface DiscussionDetail {
  id: string;
  order: number;
  heading: string;
  /** Line of the heading in the note. */
  line: number;
  /** The discussion's text as written (Markdown). */
  text: string;
  /** The same text as plain-text blocks (see markdown-blocks.ts). */
  blocks: Block[];
  people: Array<{ id: string; name: string; aliases: string[]; evidence: Evidence }>;
  projects: Array<{ id: string; name: string; aliases: string[]; evidence: Evidence }>;
  topics: Array<{ id: string; name: string; evidence: Evidence }>;
  actions: Array<{
    id: string;
    task: string;
    status: string;
    ownerId: string;
    owner: string;
    projects: Array<{ id: string; name: string }>;
    evidence: Evidence;
  }>;
  /** `href` only when the reference is a web or mail link. */
  references: Array<{ id: string; url: string; href: string | null; evidence: Evidence }>;
}

export function meetingDetail(view: GraphView, meetingId: string): MeetingDetail | null {
  const meeting = view.meeting(meetingId);
  if (!meeting) return null;
  const link = (m: { id: string; date: string; title: string } | null): MeetingLink | null =>
    m ? { id: m.id, date: m.date, title: m.title } : null;
  const { previous, next } = view.neighbours(meetingId);
  const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name));

  const attendees = byName(
    view.attendanceOf(meetingId).map((a) => ({
      personId: a.personId,
      name: view.person(a.personId)?.name ?? a.personId,
      role: a.role,
      evidence: a.evidence,
    })),
  );

  const definitions = view.discussionsOf(meetingId).flatMap((d) => linkDefinitions(d.text));
  const discussions = view.discussionsOf(meetingId).map((d): DiscussionDetail => {
    const about = view.aboutOf(d.id);
    return {
      id: d.id,
      order: d.order,
      heading: d.heading,
      line: d.line,
      text: d.text,
      blocks: markdownBlocks(d.text, definitions),
      people: byName(
        view.discussedIn(d.id).flatMap((e) => {
          const p = view.person(e.personId);
          return p ? [{ id: p.id, name: p.name, aliases: p.aliases, evidence: e.evidence }] : [];
        }),
      ),
      projects: byName(
        about.flatMap((e) => {
          const p = e.target === 'project' ? view.project(e.targetId) : undefined;
          return p ? [{ id: p.id, name: p.name, aliases: p.aliases, evidence: e.evidence }] : [];
        }),
      ),
      topics: byName(
        about.flatMap((e) => {
          const t = e.target === 'topic' ? view.topic(e.targetId) : undefined;
          return t ? [{ id: t.id, name: t.name, evidence: e.evidence }] : [];
        }),
      ),
      actions: view.actionsOf(d.id).map((a) => ({
        id: a.id,
        task: a.task,
        status: a.status,
        ownerId: a.ownerId,
        owner: view.person(a.ownerId)?.name ?? a.ownerId,
        projects: a.projectIds.map((id) => ({ id, name: view.project(id)?.name ?? id })),
        evidence: a.evidence,
      })),
      references: view.citesOf(d.id).map((c) => {
        const url = view.referenceUrl(c.referenceId) ?? c.referenceId;
        return { id: c.referenceId, url, href: safeUrl(url) ? url : null, evidence: c.evidence };
      }),
    };
  });

  return {
    id: meeting.id,
    date: meeting.date,
    title: meeting.title,
    description: meeting.description,
    source: meeting.source,
    previous: link(previous),
    next: link(next),
    attendees,
    discussions,
  };
}
