/**
 * Measures `meetgraph ask` on the real corpus: ingest with the registries, then
 * `meetgraph eval-questions` on the development questions (read at test time).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../src/ask/evaluate.js';
import { corpus, corpusAvailable } from '../fixtures/corpus.js';

const ACCURACY_FLOOR = 0.95;

const cli = (args: string[]) =>
  execFileSync(process.execPath, [path.join(corpus.root, 'src/bin.js'), ...args], { encoding: 'utf8', cwd: corpus.root });

describe.skipIf(!corpusAvailable)('ask on the real corpus', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-ask-corpus-'));
    cli(['--data', dataDir, 'ingest', corpus.notes, '--people', corpus.people, '--projects', corpus.projects, '--json']);
  });

  // The target, reached with 23 of 24. The miss is one lower-case "xen" a year that the registry
  // does not list as a form of Xen (2015 and 2016 count one discussion fewer than the annotations).
  it(`answers the development questions with accuracy >= ${ACCURACY_FLOOR}`, () => {
    const report = JSON.parse(cli(['--data', dataDir, 'eval-questions', '--questions', corpus.devQuestions, '--json'])) as EvaluationReport;
    const failures = report.results.filter((r) => !r.pass).map((r) => `${r.id} ${r.question}: ${r.detail}`);
    expect(report.total).toBeGreaterThan(0);
    expect(report.accuracy, failures.join('\n')).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
  });

  it('prints a readable answer and a none answer', () => {
    expect(cli(['--data', dataDir, 'ask', 'Who attended the meeting on 2014-06-10?'])).toMatch(/^People who attended the meeting of 2014-06-10\n/);
    const none = JSON.parse(cli(['--data', dataDir, 'ask', 'Who discussed Zorblax?', '--json']));
    expect(none).toMatchObject({ kind: 'none', items: [], query: null });
  });
});
