/**
 * The report of a corrupt embedded snapshot (`graph-store.json` truncated or garbled) that an
 * ingest or the server set aside: they start from an empty store and load the whole graph, which
 * rewrites the file, so the user is told what happened rather than asked to act.
 */
import type { StoreError } from './errors.js';

/** One line: which file was corrupt, why, and that it is being rebuilt from the notes. */
export function discardedSnapshotNotice(problem: StoreError): string {
  const what = problem.message.replace(/;\s*run ingest again to rebuild it\s*$/, '');
  return `warning: ${what}; rebuilding it from the notes`;
}
