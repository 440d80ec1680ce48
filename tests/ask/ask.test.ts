import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asker } from '../../src/ask/ask.js';
import type { Answer } from '../../src/ask/types.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { historyGraph } from '../fixtures/history-graph.js';

let store: EmbeddedStore;
let asker: Asker;

beforeAll(async () => {
  store = await EmbeddedStore.open(mkdtempSync(path.join(tmpdir(), 'meetgraph-ask-')));
  await store.load(historyGraph());
  asker = await Asker.fromStore(store);
});
afterAll(() => store.close());

const ask = (q: string) => asker.ask(q);
const field = (a: Answer, key: string) => (a.items as unknown as Array<Record<string, unknown>>).map((i) => i[key]);
const headings = (a: Answer) => (a.items as unknown as Array<{ meeting: string; heading: string }>).map((i) => `${i.meeting} ${i.heading}`);

describe('Asker: discussions', () => {
  it.each([
    'every Enigma discussion involving AlanT',
    'Which Enigma discussions involved Alan?',
    'Show me the enigma discussions that Alan Turing took part in',
    "Alan's Enigma discussions",
  ])('project and person: %s', async (q) => {
    const a = await ask(q);
    expect(a.kind).toBe('discussions');
    expect(a.interpretation).toBe('Discussions about Enigma involving Alan Turing');
    expect(headings(a)).toEqual([
      '2019-01-15 Enigma progress (Alan)',
      '2019-03-05 Enigma',
      '2019-06-20 Enigma and the Engine',
    ]);
    expect(a.items[0]).toMatchObject({ people: ['Alan Turing', 'Grace Hopper'], projects: ['COBOL', 'Enigma'] });
  });

  it('project in a period', async () => {
    const a = await ask('Enigma discussions between March and June 2019');
    expect(a.interpretation).toBe('Discussions about Enigma between 2019-03-01 and 2019-06-30');
    expect(headings(a)).toEqual(['2019-03-05 Enigma', '2019-06-20 Enigma and the Engine']);
    expect(headings(await ask('Which Enigma discussions took place in 2020?'))).toEqual(['2020-02-11 Enigma retrospective']);
  });

  it('several people must all take part; "or" takes any project', async () => {
    expect(headings(await ask('Enigma discussions involving Alan and Charles'))).toEqual(['2019-06-20 Enigma and the Engine']);
    const any = await ask('COBOL or Mark.io discussions');
    expect(any.interpretation).toBe('Discussions about COBOL or mark.io');
    expect(any.items).toHaveLength(4);
  });

  it('what was discussed at a meeting', async () => {
    for (const q of ['What was discussed at the 2019-06-20 meeting?', 'What did we talk about on 20 June 2019?', 'What was on the agenda of the June 20th 2019 call?']) {
      const a = await ask(q);
      expect(a.kind, q).toBe('discussions');
      expect(a.interpretation).toBe('Discussions at the meeting of 2019-06-20');
      expect(field(a, 'heading')).toEqual(['Mark tool release', 'Enigma and the Engine', 'Website']);
    }
  });

  it('distinguishes the mark tool from Mark, and finds Mark.io', async () => {
    expect((await ask('When was the mark tool first discussed?')).items).toEqual([{ meeting: '2019-06-20' }]);
    expect(headings(await ask('Mark.io discussions involving Grace'))).toEqual(['2019-06-20 Website']);
  });
});

describe('Asker: meetings and attendance', () => {
  it('meetings a person attended, in a period', async () => {
    const a = await ask('Which meetings did Grace attend in 2019?');
    expect(a.kind).toBe('meetings');
    expect(a.interpretation).toBe('Meetings attended by Grace Hopper in 2019');
    expect(field(a, 'meeting')).toEqual(['2019-01-15', '2019-06-20']);
    expect(field(await ask('List the calls Jose Muller attended'), 'meeting')).toEqual(['2020-02-11']);
  });

  it.each(['Who attended the meeting on 2019-03-05?', 'Who was at the 5 March 2019 call?', 'Who joined the March 5th 2019 call?'])(
    'who attended: %s',
    async (q) => {
      const a = await ask(q);
      expect(a.kind).toBe('people');
      expect(field(a, 'name').sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Charles Babbage']);
    },
  );

  it('counts meetings attended', async () => {
    const a = await ask('How many meetings did Charles attend in 2019?');
    expect(a).toMatchObject({ kind: 'count', items: [{ value: 2 }], interpretation: 'Number of meetings attended by Charles Babbage in 2019' });
    expect((await ask('How many calls did Ada attend?')).items).toEqual([{ value: 5 }]);
  });

  it('the first and last meetings', async () => {
    expect(field(await ask('Who attended the last meeting?'), 'name')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect((await ask('When did Charles first attend a meeting?')).items).toEqual([{ meeting: '2019-03-05' }]);
  });

  it('completes a day without a year when only one meeting matches, else asks for the year', async () => {
    const a = await ask('Who attended the call on 5 March?');
    expect(a.interpretation).toBe('People who attended the meeting of 2019-03-05');
    const b = await ask('Enigma discussions in June');
    expect(b.kind).toBe('none');
    expect(b.interpretation).toContain('"June" needs a year');
  });

  it('says when no meeting took place that day', async () => {
    const a = await ask('Who attended the meeting on 2019-03-06?');
    expect(a.kind).toBe('none');
    expect(a.interpretation).toContain('no meeting on 2019-03-06');
    expect(a.interpretation).toContain('2019-03-05');
    expect(a.items).toEqual([]);
  });
});

describe('Asker: dates, series and counts of discussions', () => {
  it('first and last discussion', async () => {
    expect(await ask('When was COBOL first discussed?')).toMatchObject({ kind: 'date', items: [{ meeting: '2019-01-15' }] });
    expect((await ask('When did we last talk about cobol?')).items).toEqual([{ meeting: '2020-02-25' }]);
    expect((await ask('What was the most recent discussion of the Engine?')).items).toEqual([{ meeting: '2019-06-20' }]);
  });

  it('series per year and per month, counted in discussions', async () => {
    const years = await ask('How often was Enigma discussed per year?');
    expect(years).toMatchObject({ kind: 'series', items: [{ period: '2019', value: 3 }, { period: '2020', value: 1 }] });
    const months = await ask('How many Enigma discussions were there per month in 2019?');
    expect(months.items).toEqual([
      { period: '2019-01', value: 1 },
      { period: '2019-03', value: 1 },
      { period: '2019-06', value: 1 },
    ]);
  });

  it('counts discussions', async () => {
    expect((await ask('How many discussions about COBOL were there?')).items).toEqual([{ value: 3 }]);
  });
});

describe('Asker: people, projects and action items', () => {
  it('what a person took on, optionally about a project', async () => {
    const a = await ask('What did Grace take on?');
    expect(a.kind).toBe('actions');
    expect(a.items).toHaveLength(3);
    expect(a.items[0]).toEqual({ person: 'Grace Hopper', task: 'cut the COBOL 1.0 release', meeting: '2019-01-15', projects: ['COBOL'], status: 'todo' });
    const b = await ask('What action items did Alan own for the Engine?');
    expect(field(b, 'task')).toEqual(['port the decoder to the Engine']);
    expect(field(await ask("Ada's action items"), 'task')).toEqual(['write the notes on Bernoulli numbers']);
  });

  it('who owns work on a project', async () => {
    const a = await ask('Who owns work on Enigma?');
    expect(a).toMatchObject({ kind: 'people', items: [{ name: 'Alan Turing', count: 2 }] });
  });

  it("reads a project as where a named person's work was raised, and as the work itself when nobody is named", async () => {
    // Alan's rotor tables concern Enigma, raised in a discussion about Enigma and COBOL.
    const alan = await ask('What did Alan take on for COBOL?');
    expect(alan.interpretation).toBe('Action items taken on by Alan Turing in discussions about COBOL');
    expect(field(alan, 'task')).toEqual(['publish the rotor tables']);
    expect(alan.query).toMatchObject({ name: 'actions', params: { person: 'alan-turing', discussionProject: 'cobol', project: null } });
    const owners = await ask('Who owns work on COBOL?');
    expect(owners.interpretation).toBe('People who own work about COBOL');
    expect(owners.items).toEqual([{ name: 'Grace Hopper', count: 1 }]);
    // Several projects: all of them unless the question says "or".
    expect(field(await ask('What did Alan take on for COBOL and Enigma?'), 'task')).toEqual(['publish the rotor tables']);
    expect(field(await ask('What did Alan take on for COBOL or the Engine?'), 'task')).toEqual(['publish the rotor tables', 'port the decoder to the Engine']);
  });

  it('projects a person discussed', async () => {
    const a = await ask('Which projects did Charles Babbage discuss?');
    expect(a.kind).toBe('projects');
    expect(field(a, 'name').sort()).toEqual(['Analytical Engine', 'difference-engine', 'Enigma', 'Mark', 'mark tool'].sort());
  });

  it('who discussed a project, with or without a person', async () => {
    const a = await ask('Who discussed Enigma?');
    expect(a.items[0]).toEqual({ name: 'Alan Turing', count: 3 });
    expect(field(a, 'name').sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Charles Babbage', 'Grace Hopper']);
    const withAda = await ask('Who discussed Enigma with Ada?');
    expect(withAda.interpretation).toBe('People who took part in discussions about Enigma together with Ada Lovelace');
    expect(withAda.items).toEqual([{ name: 'Alan Turing', count: 1 }]);
  });
});

describe('Asker: what it cannot answer', () => {
  it('unknown names get the nearest known ones, and no answer', async () => {
    const a = await ask('Who discussed Enigmo?');
    expect(a.kind).toBe('none');
    expect(a.items).toEqual([]);
    expect(a.query).toBeNull();
    expect(a.interpretation).toContain('"Enigmo"');
    expect(a.interpretation).toContain('Enigma');
    expect(a.suggestions).toEqual([{ text: 'Enigmo', nearest: expect.arrayContaining(['Enigma']) }]);
  });

  it('a person named in an otherwise answerable question is never ignored', async () => {
    const a = await ask('Which Enigma discussions involved Bob?');
    expect(a.kind).toBe('none');
  });

  it('unmappable questions say what was recognised and how to ask', async () => {
    const a = await ask("What's the weather like?");
    expect(a.kind).toBe('none');
    expect(a.interpretation).toMatch(/Try for example: "/);
    const b = await ask('Why?');
    expect(b.kind).toBe('none');
  });
});

describe('Asker: the query behind an answer', () => {
  it('names the query, its parameters and its Cypher text', async () => {
    const a = await ask('Enigma discussions involving Ada in 2020');
    expect(a.query?.name).toBe('discussions');
    expect(a.query?.params).toMatchObject({ person: 'ada-lovelace', projects: ['enigma'], from: '2020-01-01', to: '2020-12-31' });
    expect(a.query?.cypher).toMatch(/MATCH/);
    const m = await ask('Which meetings did Grace attend?');
    expect(m.query).toMatchObject({ name: 'meetings', params: { attendee: 'grace-hopper' } });
  });
});
