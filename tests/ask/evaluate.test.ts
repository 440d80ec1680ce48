import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateQuestions, f1, loadQuestions, rulesFromFormat, scoreAnswer, type EvalQuestion } from '../../src/ask/evaluate.js';
import type { Answer } from '../../src/ask/types.js';

const answer = (kind: Answer['kind'], items: unknown[]): Answer => ({ question: 'q', interpretation: 'i', kind, items: items as Answer['items'], query: null });
const question = (kind: EvalQuestion['kind'], expect: Array<Record<string, unknown>>): EvalQuestion => ({ id: 'x', question: 'q', kind, expect });

describe('scoring answers', () => {
  it('compares discussions by (meeting, heading) ignoring case and # marks', () => {
    const q = question('discussions', [
      { meeting: '2014-06-10', heading: 'Irmin' },
      { meeting: '2014-06-24', heading: 'Blog posts' },
    ]);
    const s = scoreAnswer(q, answer('discussions', [
      { meeting: '2014-06-10', heading: '#### IRMIN ####', snippet: '', people: [], projects: [] },
      { meeting: '2014-06-24', heading: 'blog posts', snippet: '', people: [], projects: [] },
    ]));
    expect(s.pass).toBe(true);
    expect(s.score).toBe(1);
  });

  it('passes list answers at F1 >= 0.8 only', () => {
    const q = question('people', [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }, { name: 'E' }]);
    expect(scoreAnswer(q, answer('people', [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }])).pass).toBe(true); // 0.89
    expect(scoreAnswer(q, answer('people', [{ name: 'A' }, { name: 'B' }, { name: 'C' }])).pass).toBe(false); // 0.75
    expect(f1(new Set(), new Set())).toBe(1);
  });

  it('keys actions by (person, meeting) and meetings by date', () => {
    const q = question('actions', [{ person: 'A', meeting: '2014-01-01', task: 'x' }]);
    expect(scoreAnswer(q, answer('actions', [{ person: 'A', meeting: '2014-01-01', task: 'other words', projects: [], status: 'todo' }])).pass).toBe(true);
    const m = question('meetings', [{ meeting: '2014-01-01' }]);
    expect(scoreAnswer(m, answer('meetings', [{ meeting: '2014-01-01', title: 't' }])).pass).toBe(true);
  });

  it('needs exact counts and dates, and the same kind', () => {
    expect(scoreAnswer(question('count', [{ value: 10 }]), answer('count', [{ value: 10 }])).pass).toBe(true);
    expect(scoreAnswer(question('count', [{ value: 10 }]), answer('count', [{ value: 9 }])).pass).toBe(false);
    expect(scoreAnswer(question('date', [{ meeting: '2014-11-12' }]), answer('date', [{ meeting: '2014-11-12' }])).pass).toBe(true);
    expect(scoreAnswer(question('date', [{ meeting: '2014-11-12' }]), answer('date', [])).pass).toBe(false);
    expect(scoreAnswer(question('date', [{ meeting: '2014-11-12' }]), answer('none', [])).pass).toBe(false);
  });

  it('compares series on the periods non-zero in either answer', () => {
    const q = question('series', [
      { period: '2013', value: 11 },
      { period: '2014', value: 31 },
      { period: '2015', value: 21 },
      { period: '2016', value: 6 },
      { period: '2017', value: 0 },
    ]);
    const same = [{ period: '2013', value: 11 }, { period: '2014', value: 31 }, { period: '2015', value: 21 }, { period: '2016', value: 6 }];
    expect(scoreAnswer(q, answer('series', same)).pass).toBe(true);
    // 4 of 5 periods agree (an extra non-zero period counts against): 0.8 passes
    expect(scoreAnswer(q, answer('series', [...same, { period: '2012', value: 1 }])).score).toBe(0.8);
    // 3 of 4 agree: fails
    expect(scoreAnswer(q, answer('series', [...same.slice(0, 3), { period: '2016', value: 5 }])).pass).toBe(false);
  });

  it('reads thresholds from the format text', () => {
    expect(rulesFromFormat('a question passes when F1 >= 0.9; … at least 75% of the periods')).toEqual({ minF1: 0.9, minSeriesAgreement: 0.75 });
    expect(rulesFromFormat('')).toEqual({ minF1: 0.8, minSeriesAgreement: 0.8 });
  });
});

describe('questions files', () => {
  it('loads a valid file and evaluates it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-eval-'));
    const file = path.join(dir, 'q.json');
    writeFileSync(file, JSON.stringify({ format: 'F1 >= 0.8', questions: [{ id: 'a', question: 'how many?', kind: 'count', expect: [{ value: 3 }] }] }));
    const loaded = await loadQuestions(file);
    const report = await evaluateQuestions(loaded, async () => answer('count', [{ value: 3 }]));
    expect(report).toMatchObject({ total: 1, passed: 1, accuracy: 1 });
  });

  it('names the file and field of a bad file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-eval-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ questions: [{ id: 'a', question: 'x', kind: 'weird', expect: [] }] }));
    await expect(loadQuestions(file)).rejects.toThrow(/bad\.json: questions\.0\.kind/);
    await expect(loadQuestions(path.join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: no such file/);
  });
});
