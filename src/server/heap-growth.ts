/**
 * How far the server lets V8's heap grow past what its last full collection kept alive.
 *
 * V8 sets the next collection's threshold at up to four times the live heap on a machine with a
 * few gigabytes of memory, and gives back little of what it took. The server holds a large,
 * long-lived heap (at 10,000 meetings about 850 MB: the graph, the search index and the store),
 * and its start makes as much again in garbage, so it peaked at 2.2–2.4 GB resident on a first
 * start. A threshold 30% above the live heap brought that peak to 1.5–1.6 GB, for more frequent
 * collections: a restart answers a few seconds later (docs/PERFORMANCE.md, "The server's heap growth").
 *
 * V8 reads the setting at every full collection, so setting it when `serve` starts takes effect
 * for the whole run. A user's own `--heap-growing-percent` (a node flag) is left as it is; 0
 * there means V8's own policy.
 */
import v8 from 'node:v8';

/** The heap may grow this many percent past what the last full collection kept alive. */
export const SERVER_HEAP_GROWING_PERCENT = 30;

const FLAG = /^--heap[-_]growing[-_]percent(?:=|$)/;

/** The V8 flag the server sets, or null when the node flags given (`process.execArgv`) already set it. */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  return execArgv.some((arg) => FLAG.test(arg)) ? null : `--heap-growing-percent=${SERVER_HEAP_GROWING_PERCENT}`;
}

/** Sets the server's heap growth (see above) for the rest of the process. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag) v8.setFlagsFromString(flag);
}
