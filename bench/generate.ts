/**
 * A deterministic generator of realistic synthetic meeting notes, shaped like real weekly-call notes:
 * front matter, an agenda, attendee lists in the forms people type, 3–8 discussion items (some with a
 * presenter in the heading), names by full name, first name, CamelCase form or handle, speaker
 * prefixes, action items, URLs and `owner/repo#N` references. The people and project pools grow
 * with the number of meetings, like a growing organisation's.
 *
 *   npx tsx bench/generate.ts --meetings 1000 --seed 1 --out /tmp/notes-1k
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { isMain, seeded } from './percentiles.js';

/** The same seedable PRNG the other benchmarks use: the same seed always writes the same notes. */
export const rng = seeded;

const FIRST = ['Alice', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya', 'Nikolai', 'Olivia', 'Pedro', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Anders', 'Bianca', 'Carlos', 'Dmitri', 'Esther', 'Felix', 'Greta', 'Hassan', 'Ingrid', 'Jamal', 'Katrin', 'Lucas', 'Mei', 'Noah'];
const LAST = ['Andersen', 'Bauer', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hoffmann', 'Ivanova', 'Jensen', 'Kowalczyk', 'López', 'Müller', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Uddin', 'Varga', 'Wagner', 'Xu', 'Yilmaz', 'Zimmermann', 'Almeida', 'Brennan', 'Chen', 'Delacroix'];
const PROJECT_STEMS = ['ledger', 'beacon', 'harbor', 'atlas', 'quill', 'nimbus', 'forge', 'relay', 'prism', 'cobalt', 'ember', 'vertex', 'orbit', 'lumen', 'drift', 'sparrow', 'tundra', 'mosaic', 'pylon', 'zephyr'];
const TOPIC_PHRASES = ['release planning', 'test coverage', 'deployment pipeline', 'documentation', 'performance regression', 'security review', 'API design', 'onboarding', 'storage migration', 'error handling', 'logging', 'build times', 'dependency upgrades', 'incident review', 'roadmap'];
const VERBS_DONE = ['fixed', 'released', 'merged', 'wrote', 'finished', 'shipped'];
const VERBS_TODO = ['will look into', 'will write up', 'to draft', 'will review', 'would look into', 'will try out'];
const VERBS_ONGOING = ['is working on', 'has been working on', 'is investigating', 'is porting'];

export interface SyntheticPerson {
  first: string;
  last: string;
  handle: string;
}

export interface SyntheticCorpus {
  notes: Array<{ file: string; text: string }>;
  people: SyntheticPerson[];
  projects: string[];
}

export function generateCorpus(meetings: number, seed: number): SyntheticCorpus {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const nPeople = Math.min(FIRST.length * LAST.length, 12 + Math.ceil(meetings / 25));
  const people: SyntheticPerson[] = [];
  const used = new Set<string>();
  while (people.length < nPeople) {
    const first = pick(FIRST);
    const last = pick(LAST);
    if (used.has(first + last)) continue;
    used.add(first + last);
    people.push({ first, last, handle: `${first.toLowerCase().slice(0, 3)}${last.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '').slice(0, 3)}` });
  }
  const nProjects = 10 + Math.ceil(meetings / 40);
  const projects: string[] = [];
  for (let i = 0; i < nProjects; i++) {
    const stem = PROJECT_STEMS[i % PROJECT_STEMS.length];
    const name = i < PROJECT_STEMS.length ? stem[0].toUpperCase() + stem.slice(1) : `${stem}-${Math.floor(i / PROJECT_STEMS.length) + 1}`;
    projects.push(name);
  }
  const notes: SyntheticCorpus['notes'] = [];
  const start = Date.UTC(2012, 0, 3);
  for (let m = 0; m < meetings; m++) {
    // Several teams' calls share dates once the folder is large: ids come from file names.
    const day = new Date(start + Math.floor(m / Math.max(1, Math.ceil(meetings / 700))) * 7 * 86400000);
    const date = day.toISOString().slice(0, 10);
    const file = meetings > 700 ? `team-${m % Math.ceil(meetings / 700)}/${date}.md` : `${date}.md`;
    const attendees = shuffle(people, rand).slice(0, 4 + Math.floor(rand() * 8));
    const chair = attendees[0];
    const items = 3 + Math.floor(rand() * 6);
    const lines: string[] = [];
    const hasFrontMatter = rand() > 0.05;
    if (hasFrontMatter) {
      lines.push('---', `updated: ${date}`, 'author:', `  name: ${chair.first} ${chair.last}`, `subject: 'Weekly call: ${date}'`, `description: 'Notes of the weekly call on ${date}'`, '---', '');
    }
    const headings = Array.from({ length: items }, () => `${pick(projects)} ${pick(TOPIC_PHRASES)}`);
    lines.push('### Agenda ###', '', ...headings.map((h) => `* ${h}`), '');
    lines.push(attendeeList(attendees, chair, rand), '', '### Notes ###', '');
    for (const heading of headings) {
      const presenter = rand() < 0.3 ? pick(attendees) : null;
      lines.push(`#### ${heading}${presenter ? ` (${presenter.first})` : ''} ####`, '');
      const paras = 1 + Math.floor(rand() * 3);
      for (let p = 0; p < paras; p++) lines.push(...paragraph(attendees, projects, heading, rand), '');
    }
    lines.push('#### AoB ####', '', `Next call in two weeks; ${chair.first} will chair.`, '');
    notes.push({ file, text: lines.join('\n') });
  }
  return { notes, people, projects };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function attendeeList(attendees: SyntheticPerson[], chair: SyntheticPerson, rand: () => number): string {
  const names = attendees.map((p) => `${p.first} ${p.last}${p === chair ? ' (chair)' : ''}`);
  const style = rand();
  if (style < 0.3) return `Attendees: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  if (style < 0.5) return `*Attendees:* ${names.join(', ')}`;
  if (style < 0.8) return `Attendees:\n${wrap(names.join(', '), 72)}`;
  return `Attendees: ${attendees.map((p, i) => (i % 3 === 0 ? p.first : `${p.first} ${p.last}`)).join(', ')}`;
}

function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if ((line + ' ' + word).trim().length > width) {
      out.push(line.trim());
      line = '';
    }
    line += ' ' + word;
  }
  out.push(line.trim());
  return out.join('\n');
}

function mention(p: SyntheticPerson, rand: () => number): string {
  const r = rand();
  if (r < 0.35) return p.first;
  if (r < 0.7) return `${p.first} ${p.last}`;
  if (r < 0.85) return `${p.first}${p.last[0]}`;
  return p.handle;
}

function paragraph(attendees: SyntheticPerson[], projects: string[], heading: string, rand: () => number): string[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const project = heading.split(' ')[0];
  const a = pick(attendees);
  const b = pick(attendees);
  const sentences = [
    `${mention(a, rand)} ${pick(VERBS_ONGOING)} the ${project} ${pick(TOPIC_PHRASES)} and expects a first version soon.`,
    `${mention(b, rand)} ${pick(VERBS_DONE)} the ${pick(TOPIC_PHRASES)} for ${pick(projects)} last week.`,
    `There was some discussion about ${pick(TOPIC_PHRASES)} in \`${project.toLowerCase()}\` and whether ${pick(projects)} needs the same.`,
    `${mention(a, rand)} ${pick(VERBS_TODO)} the remaining ${pick(TOPIC_PHRASES)} issues (see ${project.toLowerCase()}/core#${1 + Math.floor(rand() * 400)}).`,
    `Details are at https://wiki.example.org/${project.toLowerCase()}/${Math.floor(rand() * 1000)} for anyone interested.`,
    `${b.first}: I'll follow up on the ${pick(TOPIC_PHRASES)} with the other teams.`,
  ];
  return shuffle(sentences, rand)
    .slice(0, 2 + Math.floor(rand() * 3))
    .join(' ')
    .match(/.{1,76}(\s|$)/g)!
    .map((l) => l.trimEnd());
}

/** Writes the notes and the team's registry files (people.yml, projects.yml) into `out`. */
export function writeCorpus(corpus: SyntheticCorpus, out: string): void {
  for (const n of corpus.notes) {
    const file = path.join(out, n.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, n.text);
  }
  const people = corpus.people.map((p) => `- name: ${p.first} ${p.last}\n  aliases: [${p.first}${p.last[0]}, ${p.handle}]`).join('\n');
  writeFileSync(path.join(out, 'people.yml'), `${people}\n`);
  const projects = corpus.projects.map((p) => `- name: ${p}\n  aliases: ["\`${p.toLowerCase()}\`"]`).join('\n');
  writeFileSync(path.join(out, 'projects.yml'), `${projects}\n`);
}

if (isMain(import.meta.url)) {
  const opts = new Command('generate')
    .requiredOption('--meetings <n>', 'number of notes', (v) => Number.parseInt(v, 10))
    .option('--seed <s>', 'seed', (v) => Number.parseInt(v, 10), 1)
    .requiredOption('--out <dir>', 'output folder')
    .parse()
    .opts<{ meetings: number; seed: number; out: string }>();
  writeCorpus(generateCorpus(opts.meetings, opts.seed), opts.out);
  console.log(`wrote ${opts.meetings} notes to ${opts.out}`);
}
