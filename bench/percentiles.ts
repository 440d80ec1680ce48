/**
 * Latency summaries for the benchmarks: run a function over inputs, report p50 / p95 / p99.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LatencySummary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    runs: samples.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(samples.reduce((a, b) => a + b, 0) / (samples.length || 1)),
  };
}

/** Wall-clock and CPU milliseconds of each run. */
export interface Timings {
  wall: number[];
  /**
   * CPU time of this process during each run: on a busy machine wall-clock tails measure the
   * scheduler as much as the code, CPU time does not.
   */
  cpu: number[];
}

/** Times `run` on each input (after `warmup` untimed rounds), in milliseconds. */
export async function time<T>(inputs: T[], run: (input: T) => unknown, warmup = 1): Promise<Timings> {
  for (let w = 0; w < warmup; w++) for (const input of inputs) await run(input);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run(input);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** A small seedable PRNG so that generated query mixes are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when the module at `moduleUrl` is the script node was started with (not imported by another). */
export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}
