/**
 * Answers of the read-only endpoints that are pure functions of their parameters and the graph
 * (search, ask), kept as the JSON text that was sent. An ingest swaps in a new graph view, and the
 * answers are kept per view, so a change in the notes is never answered from before it. Errors are
 * never kept (a 503 while Neo4j is away must not outlive the outage).
 *
 * Why: people repeat searches (the page asks again on every facet click and on back/forward), and
 * answering a search or a question costs a few milliseconds of the server's one thread, which is
 * what queues requests under load.
 */
export class AnswerCache {
  private byView = new WeakMap<object, Map<string, string>>();

  /** `maxEntries` answers are kept per graph view; the least recently used go first. */
  constructor(private readonly maxEntries = 1000) {}

  /** The JSON text of the answer under `key` for `view`, computing and keeping it when missing. */
  async answer(view: object, key: string, compute: () => Promise<unknown> | unknown): Promise<string> {
    let answers = this.byView.get(view);
    if (!answers) {
      answers = new Map();
      this.byView.set(view, answers);
    }
    const kept = answers.get(key);
    if (kept !== undefined) {
      // Map order is insertion order: moving the entry to the end marks it recently used.
      answers.delete(key);
      answers.set(key, kept);
      return kept;
    }
    const text = JSON.stringify(await compute());
    // The view may have been swapped while computing: keep the answer under the view it was asked of.
    answers.set(key, text);
    if (answers.size > this.maxEntries) answers.delete(answers.keys().next().value!);
    return text;
  }
}
