/**
 * The time budget of one note. Parsing or extracting a note that takes longer than the budget is
 * reported and the note is skipped, so that one pathological file (a generated dump, a pasted
 * log) shows up as a warning naming it instead of as an ingest that seems to hang.
 *
 * The budget is checked when a step returns: it cannot interrupt a step that is running. What
 * keeps every step short is that the parse and extraction stages are linear in the size of a
 * note (tests/ingest/hostile.test.ts holds them to that on hostile inputs); the budget is the
 * report and the backstop for what those tests did not foresee.
 */
import type { StepOutcome } from './note-stages.js';

/** Default budget of one step of one note: two orders of magnitude above a real note's. */
export const DEFAULT_NOTE_BUDGET_MS = 20_000;

/** The environment variable that sets the budget in milliseconds; `0` turns it off. */
export const NOTE_BUDGET_ENV = 'MEETGRAPH_NOTE_BUDGET_MS';

/**
 * The budget of one step of one note, in milliseconds (Infinity when turned off). Read on every
 * call, so worker threads, which share the environment, and tests see the same value.
 */
export function noteBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[NOTE_BUDGET_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_NOTE_BUDGET_MS;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new NoteBudgetConfigError(`${NOTE_BUDGET_ENV}: must be a number of milliseconds (0 turns the budget off), not "${raw}"`);
  return ms === 0 ? Infinity : ms;
}

/**
 * Runs one step (`parse` or `extract`) of the note `source` and times it. A step over the budget
 * becomes a `skipped` warning that names the note, the step and both times; otherwise the step's
 * own outcome is returned unchanged.
 */
export function withinNoteBudget<T>(
  source: string,
  step: 'parse' | 'extract',
  run: () => StepOutcome<T>,
  budgetMs: number = noteBudgetMs(),
): StepOutcome<T> {
  const started = performance.now();
  const outcome = run();
  const elapsed = performance.now() - started;
  if (elapsed <= budgetMs) return outcome;
  return {
    ok: false,
    warning: {
      kind: 'skipped',
      file: source,
      message: `took ${seconds(elapsed)} to ${step}, over the ${seconds(budgetMs)} budget of one note (${NOTE_BUDGET_ENV}); split the note or raise the budget`,
    },
  };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** A budget set to something that is not a duration; printed as one line. */
export class NoteBudgetConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
