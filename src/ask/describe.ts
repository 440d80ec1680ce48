/**
 * The plain-English interpretation of a question: what was understood, said back to the user.
 */
import { describeRange, type DateBounds } from './dates.js';
import type { Intent } from './intent.js';

/** The filters of an understood question, as canonical names. */
export interface Understood {
  people: string[];
  projects: string[];
  topics: string[];
  /** Meeting dates (the meeting named by the question). */
  meetings: string[];
  range: DateBounds;
  status?: string;
  combine: 'all' | 'any';
}

function list(names: string[], combine: 'all' | 'any'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${combine === 'any' ? 'or' : 'and'} ${names[names.length - 1]}`;
}

/** "about Enigma involving Alan Turing at the meeting of 2014-06-10 in 2014" */
function discussionFilters(u: Understood, opts: { peopleAs?: 'involving' | 'by' | 'with'; projectsAs?: 'about' | 'with' } = {}): string {
  const parts: string[] = [];
  if (u.projects.length) parts.push(`${opts.projectsAs === 'with' ? 'together with' : 'about'} ${list(u.projects, u.combine)}`);
  if (u.topics.length) parts.push(`on ${list(u.topics.map((t) => `"${t}"`), u.combine)}`);
  if (u.people.length) {
    const word = opts.peopleAs === 'by' ? 'by' : opts.peopleAs === 'with' ? 'together with' : 'involving';
    parts.push(`${word} ${list(u.people, u.combine)}`);
  }
  if (u.meetings.length) parts.push(`at the meeting of ${list(u.meetings, 'any')}`);
  const when = describeRange(u.range);
  if (when && !u.meetings.length) parts.push(when);
  return parts.join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** One sentence saying what the answer lists. */
export function interpret(intent: Intent, u: Understood): string {
  const when = describeRange(u.range);
  const meetingPhrase = u.meetings.length ? `the meeting of ${list(u.meetings, 'any')}` : '';
  const people = list(u.people, u.combine);
  const period = intent.period === 'month' ? 'per month' : 'per year';
  const status = u.status ? `${u.status === 'todo' ? 'open' : u.status} ` : '';

  switch (intent.source) {
    case 'discussions': {
      const f = discussionFilters(u);
      switch (intent.view) {
        case 'rows':
          return u.meetings.length && !u.projects.length && !u.topics.length && !u.people.length
            ? `Discussions at ${meetingPhrase}`
            : joined('Discussions', f);
        case 'people':
          return joined(
            'People who took part in discussions',
            discussionFilters(u, { peopleAs: 'with' }),
          );
        case 'projects':
          return joined('Projects discussed', discussionFilters(u, { peopleAs: 'by', projectsAs: 'with' }));
        case 'topics':
          return joined('Topics of the discussions', f);
        case 'meetings':
          return joined('Meetings with discussions', f);
        case 'count':
          return joined('Number of discussions', f);
        case 'first':
          return joined('Date of the first discussion', f);
        case 'last':
          return joined('Date of the last discussion', f);
        case 'series':
          return joined('Number of discussions', f, period);
      }
      break;
    }
    case 'attended':
      switch (intent.view) {
        case 'count':
          return joined('Number of meetings attended by', people, when);
        case 'first':
          return joined('Date of the first meeting attended by', people, when);
        case 'last':
          return joined('Date of the last meeting attended by', people, when);
        case 'series':
          return joined('Meetings attended by', people, when, period);
        case 'people':
          return joined('People who attended meetings together with', people, when);
        default:
          return joined('Meetings attended by', people, when);
      }
    case 'attendees': {
      const scope = meetingPhrase || (when ? `meetings ${when}` : 'any meeting');
      if (intent.view === 'count') return `Number of people who attended ${scope}`;
      return `People who attended ${scope}`;
    }
    case 'meetings':
      switch (intent.view) {
        case 'count':
          return joined('Number of meetings', when);
        case 'first':
          return joined('Date of the first meeting', when);
        case 'last':
          return joined('Date of the last meeting', when);
        case 'series':
          return joined('Number of meetings', when, period);
        default:
          return joined('Meetings', when);
      }
    case 'actions': {
      const parts: string[] = [];
      if (u.people.length) parts.push(`taken on by ${people}`);
      // With an owner, a project or topic is where the work was raised (see Ask.fromActions).
      if (u.projects.length) parts.push(`${u.people.length ? 'in discussions about' : 'about'} ${list(u.projects, u.combine)}`);
      if (u.topics.length) parts.push(`on ${list(u.topics.map((t) => `"${t}"`), u.combine)}`);
      if (u.meetings.length) parts.push(`at ${meetingPhrase}`);
      else if (when) parts.push(when);
      const f = parts.join(' ');
      switch (intent.view) {
        case 'people':
          return joined(`People who own ${status}work`, f);
        case 'projects':
          return joined(`Projects of the ${status}action items`, f);
        case 'count':
          return joined(`Number of ${status}action items`, f);
        case 'meetings':
          return joined(`Meetings with ${status}action items`, f);
        case 'first':
          return joined(`Date of the first ${status}action item`, f);
        case 'last':
          return joined(`Date of the last ${status}action item`, f);
        case 'series':
          return joined(`Number of ${status}action items`, f, period);
        default:
          return capitalise(joined(`${status}action items`, f));
      }
    }
  }
  return 'Unrecognised question';
}
