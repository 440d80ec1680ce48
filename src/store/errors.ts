/**
 * The one error type of the graph stores. Its message is a single line meant for the user (it names
 * the URI or file involved); `reason` lets a caller react without parsing the message — the ingest
 * command, for instance, rebuilds the store when the embedded snapshot is `corrupt`.
 */
export type StoreErrorReason =
  /** The Neo4j server could not be reached (refused, timed out, wrong URI, database missing). */
  | 'unreachable'
  /** The Neo4j server rejected the user name or password. */
  | 'unauthorized'
  /** The embedded store's snapshot file exists but cannot be read back as a graph. */
  | 'corrupt'
  /** The MeetingGraph handed to `load` contradicts itself (an edge to an unknown node, a duplicate id). */
  | 'inconsistent-graph'
  /** Reading or writing the embedded store's file failed. */
  | 'io'
  /** The server failed a query or a write. */
  | 'query';

export class StoreError extends Error {
  readonly reason: StoreErrorReason;

  constructor(message: string, reason: StoreErrorReason, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.reason = reason;
  }
}

/** The first line of an underlying error's message, so that a StoreError stays one line. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
