/**
 * Links for an answer to a question: the asker answers in names and dates (what a person reads);
 * the pages need ids to link each row to its meeting, person or project. This adds them from the
 * graph the answer came from, without changing what the answer says.
 */
import type { Answer } from '../ask/types.js';
import type { GraphView } from './graph-view.js';

/** An answer item with the ids found for it. */
export type LinkedItem = Record<string, unknown> & { meetingId?: string; discussionId?: string };

export interface LinkedAnswer extends Omit<Answer, 'items'> {
  items: LinkedItem[];
  /** Ids of the people and projects the items name, by canonical name. */
  links: { people: Record<string, string>; projects: Record<string, string> };
}

export function linkAnswer(answer: Answer, view: GraphView): LinkedAnswer {
  const people: Record<string, string> = {};
  const projects: Record<string, string> = {};
  const personId = new Map(view.graph.people.map((p) => [p.name, p.id]));
  const projectId = new Map(view.graph.projects.map((p) => [p.name, p.id]));
  const notePerson = (name: unknown) => {
    if (typeof name === 'string' && personId.has(name)) people[name] = personId.get(name)!;
  };
  const noteProject = (name: unknown) => {
    if (typeof name === 'string' && projectId.has(name)) projects[name] = projectId.get(name)!;
  };

  const items = (answer.items as unknown as Array<Record<string, unknown>>).map((raw) => {
    const item: LinkedItem = { ...raw };
    const date = typeof raw.meeting === 'string' ? raw.meeting : undefined;
    if (date) {
      const ids = view.meetingsOn(date);
      let meetingId = ids[0];
      if (answer.kind === 'meetings' && ids.length > 1) {
        meetingId = ids.find((id) => view.meeting(id)?.title === raw.title) ?? meetingId;
      }
      if (answer.kind === 'discussions') {
        const found = ids
          .flatMap((id) => view.discussionsOf(id))
          .find((d) => d.heading === raw.heading);
        if (found) {
          item.discussionId = found.id;
          meetingId = found.meetingId;
        }
      }
      if (meetingId) item.meetingId = meetingId;
    }
    for (const name of asList(raw.people)) notePerson(name);
    for (const name of asList(raw.projects)) noteProject(name);
    notePerson(raw.person);
    if (answer.kind === 'people') notePerson(raw.name);
    if (answer.kind === 'projects') noteProject(raw.name);
    return item;
  });
  return { ...answer, items, links: { people, projects } };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
