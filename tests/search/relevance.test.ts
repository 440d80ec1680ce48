/**
 * Measures search relevance on the real corpus against the development questions (read at test
 * time) of kind `discussions` that name a project and a person: the operator search
 * `project:<P> person:<X>` should return those discussions, and the plain keyword search
 * `<P> <X as written>` should rank them first.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFolder } from '../../ingest/index.js';
import { readTime } from '../../src/ask/dates.js';
import { EntityRecogniser } from '../../src/ask/recognise.js';
import { SearchIndex } from '../../src/search/index.js';
import { corpus, corpusAvailable } from '../fixtures/corpus.js';

interface DevQuestion {
  id: string;
  question: string;
  kind: string;
  expect: Array<{ meeting: string; heading: string }>;
}

const key = (meeting: string, heading: string) => `${meeting}|${heading.replace(/^#+|#+$/g, '').trim().toLowerCase()}`;

describe.skipIf(!corpusAvailable)('search relevance on the real corpus', () => {
  let index: SearchIndex;
  let cases: Array<{ q: DevQuestion; project: string; person: string; want: Set<string> }>;

  beforeAll(async () => {
    const graph = await ingestFolder(corpus.notes, { peopleFile: corpus.people, projectsFile: corpus.projects });
    index = SearchIndex.build(graph);
    const recogniser = new EntityRecogniser(graph.people, graph.projects);
    const questions = (JSON.parse(readFileSync(corpus.devQuestions, 'utf8')) as { questions: DevQuestion[] }).questions;
    cases = [];
    for (const q of questions.filter((x) => x.kind === 'discussions')) {
      const found = recogniser.recognise(q.question, readTime(q.question).spans);
      const project = found.mentions.find((m) => m.entity.kind === 'project');
      const person = found.mentions.find((m) => m.entity.kind === 'person');
      if (!project || !person) continue;
      cases.push({ q, project: project.text, person: person.text, want: new Set(q.expect.map((e) => key(e.meeting, e.heading))) });
    }
  });

  it('has questions to measure', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it('operator search project:<P> person:<X> finds the expected discussions (F1 >= 0.9)', () => {
    for (const c of cases) {
      const hits = index.search(`project:"${c.project}" person:"${c.person}"`, { limit: 1000 }).hits;
      const got = new Set(hits.map((h) => key(h.meeting, h.heading)));
      const common = [...got].filter((k) => c.want.has(k)).length;
      const f1 = common ? (2 * common) / (got.size + c.want.size) : 0;
      expect(f1, `${c.q.id} ${c.q.question}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keyword search "<P> <X>" ranks them in its first 10', () => {
    for (const c of cases) {
      const hits = index.search(`${c.project} ${c.person}`, { limit: 10 }).hits;
      const top = hits.filter((h) => c.want.has(key(h.meeting, h.heading))).length;
      expect(top, `${c.q.id} "${c.project} ${c.person}"`).toBeGreaterThanOrEqual(Math.min(8, c.want.size));
    }
  });
});
