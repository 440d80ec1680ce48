import { describe, expect, it } from 'vitest';
import { EntityRecogniser } from '../../src/ask/recognise.js';
import { historyGraph } from '../fixtures/history-graph.js';

const g = historyGraph({
  edit: (graph) => {
    graph.people.push({ id: 'alan-kay', name: 'Alan Kay', aliases: ['AK'] });
    graph.projects.push({ id: 'logs', name: 'Logs', aliases: [], origin: 'registry' });
  },
});
const rec = new EntityRecogniser(g.people, g.projects, g.topics);
const names = (q: string) => {
  const r = rec.recognise(q);
  return { people: r.people.map((e) => e.name), projects: r.projects.map((e) => e.name), topics: r.topics.map((e) => e.name) };
};

describe('EntityRecogniser', () => {
  it('finds people and projects by name and alias, any case, with possessives', () => {
    expect(names("every enigma discussion involving AlanT")).toMatchObject({ people: ['Alan Turing'], projects: ['Enigma'] });
    expect(names("Grace's COBOL action items")).toMatchObject({ people: ['Grace Hopper'], projects: ['COBOL'] });
    expect(names('what did GRACEH take on')).toMatchObject({ people: ['Grace Hopper'] });
  });

  it('prefers the longest name', () => {
    expect(names('When was the mark tool first discussed?').projects).toEqual(['mark tool']);
    expect(names('Mark.io discussions').projects).toEqual(['mark.io']);
    expect(names('Harvard Mark discussions').projects).toEqual(['Mark']);
    expect(names('Who discussed the Difference Engine?').projects).toEqual(['difference-engine']);
  });

  it('folds diacritics and accepts unique surnames', () => {
    expect(names('Which meetings did Jose Muller attend?').people).toEqual(['José Müller']);
    expect(names('Which meetings did Müller attend?').people).toEqual(['José Müller']);
    expect(names('Which meetings did Babbage attend?').people).toEqual(['Charles Babbage']);
  });

  it('matches short and ordinary-word aliases only as written', () => {
    expect(names('Which meetings did AL attend?').people).toEqual(['Ada Lovelace']);
    expect(names('Did al attend at all?').people).toEqual([]);
    expect(names('Who discussed Logs?').projects).toEqual(['Logs']);
    expect(names('Show the logs of the meetings').projects).toEqual([]);
  });

  it('reports shared first names as ambiguous', () => {
    const r = rec.recognise('Which meetings did Alan attend?');
    // "Alan" is a registered alias of Alan Turing only, so it is not ambiguous
    expect(r.people.map((p) => p.name)).toEqual(['Alan Turing']);
    const kay = new EntityRecogniser(
      [...g.people.filter((p) => p.id !== 'alan-turing'), { id: 'alan-turing', name: 'Alan Turing', aliases: [] }],
      g.projects,
    ).recognise('Which meetings did Alan attend?');
    expect(kay.people).toEqual([]);
    expect(kay.ambiguous).toEqual([{ text: 'Alan', candidates: ['Alan Kay', 'Alan Turing'] }]);
  });

  it('reports unknown capitalised names with the nearest known ones', () => {
    const r = rec.recognise('Who discussed Enigmo?');
    expect(r.projects).toEqual([]);
    expect(r.unknown).toEqual([{ text: 'Enigmo', nearest: expect.arrayContaining(['Enigma']) }]);
    expect(rec.recognise('Which Enigma discussions involved Bob Smith?').unknown.map((u) => u.text)).toEqual(['Bob', 'Smith']);
    expect(rec.recognise('Show me the Enigma discussions').unknown).toEqual([]);
  });

  it('finds multi-word topics, never ahead of a project of the same name', () => {
    expect(names('discussions about rotor wiring').topics).toEqual(['rotor wiring']);
    expect(names('discussions about design doc in 2019').topics).toEqual(['design doc']);
  });

  it('leaves the skipped spans (dates) alone', () => {
    const q = 'Who attended the meeting on 16 May 2019?';
    const start = q.indexOf('16');
    expect(rec.recognise(q, [[start, start + '16 May 2019'.length]]).unknown).toEqual([]);
  });
});
