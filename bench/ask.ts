/**
 * The ask benchmark's questions: every family in several phrasings, filled with a graph's own
 * people, projects and meeting dates. `bench/ops/ask.ts` times them (`npm run bench -- --only ask`).
 */
import type { MeetingGraph } from '../src/domain.js';
import { seeded } from './percentiles.js';

/**
 * Questions of every family the dev questions cover, in several phrasings, filled with the graph's
 * own people, projects and meeting dates: `rounds` questions per phrasing, the same for a seed.
 */
export function familyQuestions(graph: MeetingGraph, rounds: number, seed = 7): Array<{ family: string; text: string }> {
  const rand = seeded(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const active = (ids: string[]) => new Set(ids);
  const discussedPeople = active(graph.discussed.map((d) => d.personId));
  const attendingPeople = active(graph.attendance.map((a) => a.personId));
  const aboutProjects = active(graph.about.filter((a) => a.target === 'project').map((a) => a.targetId));
  const person = () => pick(graph.people.filter((p) => discussedPeople.has(p.id) && attendingPeople.has(p.id)));
  const project = () => pick(graph.projects.filter((p) => aboutProjects.has(p.id)));
  const alias = (e: { name: string; aliases: string[] }) => pick([e.name, ...e.aliases.filter((a) => !/^[`@]/.test(a) && a.length > 2)]);
  const year = () => pick([...new Set(graph.meetings.map((m) => m.date.slice(0, 4)))]);
  const meeting = () => pick(graph.meetings).date;
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const spelled = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return pick([date, `${d} ${MONTHS[m - 1]} ${y}`, `${MONTHS[m - 1]} ${d}th ${y}`]);
  };

  const families: Record<string, Array<() => string>> = {
    'discussions-project-person': [
      () => `every ${alias(project())} discussion involving ${alias(person())}`,
      () => `Which ${alias(project())} discussions involved ${alias(person())}?`,
      () => `Show me the ${alias(project())} discussions that ${alias(person())} took part in`,
    ],
    'discussions-project-period': [
      () => `${alias(project())} discussions in ${year()}`,
      () => `${alias(project())} discussions between March and June ${year()}`,
    ],
    'meetings-attendee': [() => `Which meetings did ${alias(person())} attend in ${year()}?`, () => `List the calls ${alias(person())} attended`],
    'attendees-of-meeting': [() => `Who attended the meeting on ${spelled(meeting())}?`, () => `Who was at the ${spelled(meeting())} call?`],
    'first-last': [() => `When was ${alias(project())} first discussed?`, () => `When did we last talk about ${alias(project())}?`],
    actions: [() => `What did ${alias(person())} take on?`, () => `What action items did ${alias(person())} own for ${alias(project())}?`],
    owners: [() => `Who owns work on ${alias(project())}?`],
    'projects-of-person': [() => `Which projects did ${alias(person())} discuss?`],
    'people-of-project': [() => `Who discussed ${alias(project())}?`, () => `Who discussed ${alias(project())} with ${alias(person())}?`],
    count: [() => `How many meetings did ${alias(person())} attend in ${year()}?`, () => `How many calls did ${alias(person())} attend?`],
    series: [() => `How often was ${alias(project())} discussed per year?`, () => `How many ${alias(project())} discussions were there per month in ${year()}?`],
    'discussions-of-meeting': [() => `What was discussed at the ${spelled(meeting())} meeting?`],
  };

  const questions: Array<{ family: string; text: string }> = [];
  for (const [family, makers] of Object.entries(families)) {
    for (const make of makers) for (let i = 0; i < rounds; i++) questions.push({ family, text: make() });
  }
  return questions;
}
