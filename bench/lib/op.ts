/**
 * What every operation script (`bench/ops/*.ts`) shares: its command line, timing, and the one
 * line of JSON it ends with, which `bench/run.js` reads. Each script runs in a process of its
 * own, once per repetition, so that its peak memory and its first-call costs are its own.
 */
import { Command } from 'commander';
import { isMain } from '../percentiles.js';

/** One measured figure of one run. */
export interface Figure {
  value: number;
  unit: 'ms' | 'MB' | 'KB' | 'count' | 'ratio' | '%';
}

/** What one run of an operation reports. */
export interface RunReport {
  figures: Record<string, Figure>;
  /** Facts about the run that are not measurements (sizes of the input, answer kinds…). */
  info?: Record<string, unknown>;
  /** Peak resident set of the process (worker threads included), in MB. */
  peakRssMb: number;
}

/** Marks the report line among whatever else the script prints. */
export const REPORT_PREFIX = '@@bench ';

export const ms = (value: number): Figure => ({ value: round(value), unit: 'ms' });
export const count = (value: number): Figure => ({ value, unit: 'count' });
export const kb = (bytes: number): Figure => ({ value: round(bytes / 1024), unit: 'KB' });
export const mb = (bytes: number): Figure => ({ value: round(bytes / 1048576), unit: 'MB' });
export const ratio = (value: number): Figure => ({ value: round(value), unit: 'ratio' });
export const percent = (value: number): Figure => ({ value: round(value), unit: '%' });

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Wall-clock and CPU milliseconds of `work` (CPU of the whole process, worker threads included). */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** The options every operation takes; `extra` adds its own. */
export function opOptions<T extends object>(name: string, extra: (cmd: Command) => Command = (c) => c): { dataset: string } & T {
  const cmd = new Command(name).requiredOption('--dataset <name>', 'corpus, or a synthetic size (1k, 10k)').allowExcessArguments(false);
  return extra(cmd).parse().opts<{ dataset: string } & T>();
}

/** Prints the run's report line (adding the peak resident set) and ends the process. */
export function report(figures: Record<string, Figure>, info?: Record<string, unknown>): void {
  const line: RunReport = { figures, info, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(line)}\n`, () => process.exit(0));
}

/** Runs an operation's `main` when the script is started (not imported), failing with one line. */
export function runOp(moduleUrl: string, main: () => Promise<void>): void {
  if (!isMain(moduleUrl)) return;
  main().catch((err: Error) => {
    console.error(`bench: ${err.stack ?? err.message}`);
    process.exit(1);
  });
}
