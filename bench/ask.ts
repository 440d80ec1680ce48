/**
 * `ask` latency on the embedded store over the real corpus: questions of every family, in
 * several phrasings, filled with the corpus's own people, projects and meeting dates; prints
 * p50/p95/p99 overall and per family, and how many questions got no answer (kind `none`).
 *
 *   npx tsx bench/ask.ts [--notes DIR --people FILE --projects FILE] [--rounds 10] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { ingestFolder } from '../ingest/index.js';
import { Asker } from '../src/ask/ask.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import type { MeetingGraph } from '../src/domain.js';
import { isMain, seeded, summarise, time } from './percentiles.js';

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

if (isMain(import.meta.url)) await main();

async function main(): Promise<void> {
  const shared = path.resolve(import.meta.dirname, '../../shared/corpus');
  const opts = new Command()
    .option('--notes <dir>', 'notes folder', path.join(shared, 'mirage-weekly'))
    .option('--people <file>', 'people registry', path.join(shared, 'mirage-weekly.people.yml'))
    .option('--projects <file>', 'projects registry', path.join(shared, 'mirage-weekly.projects.yml'))
    .option('--rounds <n>', 'questions per phrasing', (v) => Number(v), 10)
    .option('--json', 'print JSON')
    .parse()
    .opts<{ notes: string; people: string; projects: string; rounds: number; json?: boolean }>();

  const graph = await ingestFolder(opts.notes, { peopleFile: opts.people, projectsFile: opts.projects });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-ask-'));
  const store = await EmbeddedStore.open(dataDir);
  await store.load(graph);
  const asker = await Asker.fromStore(store);

  const questions = familyQuestions(graph, opts.rounds);
  const families = new Set(questions.map((q) => q.family));
  const kinds = new Map<string, number>();
  const samples = await time(questions, async (q) => {
    const a = await asker.ask(q.text);
    kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  });
  const perFamily: Record<string, ReturnType<typeof summarise>> = {};
  for (const family of families) {
    perFamily[family] = summarise(samples.wall.filter((_, i) => questions[i].family === family));
  }
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });

  // `kinds` counted the warm-up round too: halve it back to one pass
  const answered = Object.fromEntries([...kinds].map(([k, v]) => [k, v / 2]));
  const result = { questions: questions.length, kinds: answered, latencyMs: summarise(samples.wall), cpuMs: summarise(samples.cpu), perFamily };
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else {
    const l = result.latencyMs;
    console.log(`ask over ${l.runs} questions (${families.size} families): p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`);
    console.log(`  CPU time per question: p50 ${result.cpuMs.p50} ms, p95 ${result.cpuMs.p95} ms, p99 ${result.cpuMs.p99} ms`);
    console.log(`answer kinds: ${Object.entries(answered).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const [family, s] of Object.entries(perFamily)) console.log(`  ${family.padEnd(28)} p50 ${s.p50} ms  p95 ${s.p95} ms`);
  }
}
