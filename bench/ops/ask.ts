/**
 * `ask` latency on the embedded store: the dev questions (their text only, from
 * `shared/gold/questions-dev.json`) and generated questions of the same families filled with the
 * graph's own names and dates, each timed after one untimed round.
 *
 *   node --import tsx bench/ops/ask.ts --dataset corpus [--rounds 5]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Asker } from '../../src/ask/ask.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { familyQuestions } from '../ask.js';
import { summarise, time } from '../percentiles.js';
import { dataset, datasetGraph, repoRoot } from '../lib/datasets.js';
import { count, ms, opOptions, report, runOp } from '../lib/op.js';

const DEV_QUESTIONS = path.resolve(process.env.MEETGRAPH_SHARED ?? path.join(repoRoot, '../shared'), 'gold/questions-dev.json');

runOp(import.meta.url, async () => {
  const opts = opOptions<{ rounds: number }>('ask', (c) => c.option('--rounds <n>', 'generated questions per phrasing', Number, 5));
  const graph = await datasetGraph(dataset(opts.dataset));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bench-ask-'));
  const store = await EmbeddedStore.open(dataDir);
  try {
    await store.load(graph);
    const asker = await Asker.fromStore(store);
    const dev = opts.dataset === 'corpus' && existsSync(DEV_QUESTIONS)
      ? (JSON.parse(readFileSync(DEV_QUESTIONS, 'utf8')) as { questions: Array<{ family: string; question: string }> }).questions.map((q) => ({ family: q.family, text: q.question }))
      : [];
    const questions = [...dev, ...familyQuestions(graph, opts.rounds)];
    const kinds = new Map<string, number>();
    const samples = await time(questions, async (q) => {
      const answer = await asker.ask(q.text);
      kinds.set(answer.kind, (kinds.get(answer.kind) ?? 0) + 1);
    });
    const all = summarise(samples.wall);
    const devOnly = summarise(samples.wall.slice(0, dev.length));
    report(
      { p50: ms(all.p50), p95: ms(all.p95), p99: ms(all.p99), max: ms(all.max), devP95: ms(devOnly.p95), questions: count(questions.length) },
      { devQuestions: dev.length, families: [...new Set(questions.map((q) => q.family))].length, answerKinds: Object.fromEntries([...kinds].map(([k, v]) => [k, v / 2])) },
    );
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
