/**
 * How much a second thread adds on this machine: the same CPU-bound loop (integer arithmetic, no
 * memory traffic) on one worker thread, then on as many as there are cores at once. On a machine
 * whose cores are its own the second figure is about the first; where cores are shared with other
 * work or throttled, the threads slow each other down, and worker-thread ingest cannot gain.
 *
 *   node --import tsx bench/ops/cpu-capacity.ts --dataset none
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { count, ms, opOptions, ratio, report, runOp } from '../lib/op.js';

/** The loop each thread runs: about a second of one core. */
const LOOP = `
  const { parentPort } = require('node:worker_threads');
  let x = 0;
  const start = performance.now();
  for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0;
  parentPort.postMessage({ ms: performance.now() - start, x });
`;

function threads(n: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, () => new Promise<number>((resolve, reject) => {
      const w = new Worker(LOOP, { eval: true });
      w.once('message', (m: { ms: number }) => resolve(m.ms));
      w.once('error', reject);
    })),
  );
}

runOp(import.meta.url, async () => {
  opOptions('cpu-capacity');
  const cores = availableParallelism();
  const [one] = await threads(1);
  const many = await threads(cores);
  const slowest = Math.max(...many);
  report({ oneThread: ms(one), allThreadsSlowest: ms(slowest), speedup: ratio((cores * one) / slowest), cores: count(cores) });
});
