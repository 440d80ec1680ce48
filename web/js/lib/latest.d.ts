// Types of latest.js for the tests that import it.
export function newestFirst<T>(
  fetchPage: (path: string, params: { offset?: number; limit: number }) => Promise<{ total: number; items: T[] }>,
  path: string,
  cap: number,
): Promise<{ items: T[]; total: number }>;
