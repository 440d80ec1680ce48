/**
 * Names in request parameters → graph ids. A parameter may give an id, a name or an alias; one that
 * names nothing (or several things) is a 404 naming the parameter, with the nearest names.
 */
import { didYouMean } from '../../search/entities.js';
import { notFound } from '../errors.js';
import type { GraphView } from '../graph-view.js';

export function personId(view: GraphView, value: string, field: string): string {
  const found = view.findPerson(value);
  if (!found) throw notFound(message('person', value, view.peopleDirectory.nearest(value)), field);
  return found.id;
}

export function projectId(view: GraphView, value: string, field: string): string {
  const found = view.findProject(value);
  if (!found) throw notFound(message('project', value, view.projectsDirectory.nearest(value)), field);
  return found.id;
}

export function topicId(view: GraphView, value: string, field: string): string {
  const found = view.findTopic(value);
  if (!found) throw notFound(message('topic', value, view.topicsDirectory.nearest(value)), field);
  return found.id;
}

export function meetingId(view: GraphView, value: string, field: string): string {
  if (view.meeting(value)) return value;
  const onDate = view.meetingsOn(value);
  if (onDate.length === 1) return onDate[0];
  throw notFound(`no meeting "${value}"`, field);
}

function message(kind: string, value: string, nearest: string[]): string {
  return `no ${kind} "${value}".${didYouMean(nearest)}`;
}
