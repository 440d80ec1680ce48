/**
 * Search latency over the real corpus: builds the index from the notes, then runs a deterministic
 * mix of queries (words, two-word queries, prefixes, phrases, exclusions, operators, operator-only
 * filters, dates, date sorting, pages) and prints index size, build and load times and p50/p95/p99.
 *
 *   npx tsx bench/search.ts [--notes DIR --people FILE --projects FILE] [--queries 3000] [--json]
 */
import path from 'node:path';
import { Command } from 'commander';
import { ingestFolder } from '../ingest/index.js';
import type { MeetingGraph } from '../src/domain.js';
import { SearchIndex } from '../src/search/index.js';
import { queryTerms } from '../src/search/terms.js';
import { isMain, seeded, summarise, time } from './percentiles.js';

/** The kinds of query in the mix: free text (which another engine can run too) and operators. */
export type QueryKind = 'text' | 'operators';

/**
 * A deterministic mix of `count` queries over `graph`, made from its own material (frequent words,
 * names as people write them, dates): words, two-word queries, prefixes, misspelt words (fuzzy),
 * phrases, exclusions, operators, operator-only filters and date ranges, in turn.
 */
export function mixedQueries(graph: MeetingGraph, count: number, seed = 42): Array<{ text: string; kind: QueryKind }> {
  const rand = seeded(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const counts = new Map<string, number>();
  for (const d of graph.discussions) for (const t of queryTerms(`${d.heading} ${d.text}`)) if (/^[a-z]{4,}$/.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const words = [...counts].filter(([, c]) => c >= 3).map(([w]) => w);
  const discussedIds = new Set(graph.discussed.map((d) => d.personId));
  const aboutIds = new Set(graph.about.map((a) => a.targetId));
  const people = graph.people.filter((p) => discussedIds.has(p.id));
  const projects = graph.projects.filter((p) => aboutIds.has(p.id));
  const aliasOf = (e: { name: string; aliases: string[] }) => pick([e.name, ...e.aliases.filter((a) => !/^[`@]/.test(a))]);
  const years = [...new Set(graph.meetings.map((m) => m.date.slice(0, 4)))];
  const dates = graph.meetings.map((m) => m.date);
  const phrase = () => {
    const d = pick(graph.discussions);
    const ws = d.text.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
    const i = Math.floor(rand() * Math.max(1, ws.length - 2));
    return `"${ws.slice(i, i + 2).join(' ')}"`;
  };
  // A typing slip in a long word: two neighbouring letters swapped.
  const misspelt = () => {
    const w = pick(words.filter((x) => x.length >= 6));
    const i = 1 + Math.floor(rand() * (w.length - 3));
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };

  const makers: Array<[QueryKind, () => string]> = [
    ['text', () => pick(words)],
    ['text', () => `${pick(words)} ${pick(words)}`],
    ['text', () => pick(words).slice(0, 4)],
    ['text', () => misspelt()],
    ['text', () => `${aliasOf(pick(projects))} ${aliasOf(pick(people))}`],
    ['text', () => phrase()],
    ['operators', () => `${pick(words)} -${pick(words)}`],
    ['operators', () => `project:"${aliasOf(pick(projects))}" person:"${aliasOf(pick(people))}"`],
    ['operators', () => `project:"${aliasOf(pick(projects))}"`],
    ['operators', () => `${pick(words)} in:${pick(years)}`],
    ['operators', () => `${pick(words)} after:${pick(years)}-06 before:${pick(years)}-12`],
    ['operators', () => `meeting:${pick(dates)}`],
    ['operators', () => `person:"${aliasOf(pick(people))}" ${misspelt()}`],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [kind, make] = makers[i % makers.length];
    return { text: make(), kind };
  });
}

if (isMain(import.meta.url)) await main();

async function main(): Promise<void> {
  const shared = path.resolve(import.meta.dirname, '../../shared/corpus');
  const opts = new Command()
    .option('--notes <dir>', 'notes folder', path.join(shared, 'mirage-weekly'))
    .option('--people <file>', 'people registry', path.join(shared, 'mirage-weekly.people.yml'))
    .option('--projects <file>', 'projects registry', path.join(shared, 'mirage-weekly.projects.yml'))
    .option('--queries <n>', 'queries to time', (v) => Number(v), 3000)
    .option('--json', 'print JSON')
    .parse()
    .opts<{ notes: string; people: string; projects: string; queries: number; json?: boolean }>();

  const graph = await ingestFolder(opts.notes, { peopleFile: opts.people, projectsFile: opts.projects });

  let t0 = performance.now();
  const index = SearchIndex.build(graph);
  const buildMs = performance.now() - t0;
  const serialised = JSON.stringify(index.toJSON());
  t0 = performance.now();
  SearchIndex.loadJSON(serialised);
  const loadMs = performance.now() - t0;

  const queries = mixedQueries(graph, opts.queries).map((q) => q.text);
  const sorts = ['relevance', 'date'] as const;

  let failures = 0;
  const samples = await time(queries, (q) => {
    try {
      index.search(q, { sort: sorts[q.length % 2], limit: 20, offset: q.length % 3 === 0 ? 20 : 0 });
    } catch {
      failures++; // an operator naming an ambiguous alias: still a timed query
    }
  });

  const result = {
    corpus: { meetings: graph.meetings.length, discussions: graph.discussions.length },
    index: { documents: index.size, serialisedBytes: serialised.length, buildMs: Math.round(buildMs), loadMs: Math.round(loadMs) },
    queryErrors: failures,
    latencyMs: summarise(samples.wall),
    cpuMs: summarise(samples.cpu),
  };
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`index: ${result.index.documents} discussions, ${(result.index.serialisedBytes / 1024).toFixed(0)} KiB serialised, build ${result.index.buildMs} ms, load ${result.index.loadMs} ms`);
    const l = result.latencyMs;
    const c = result.cpuMs;
    console.log(`search over ${l.runs} mixed queries: p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms (${failures} answered with a QueryError)`);
    console.log(`  CPU time per query: p50 ${c.p50} ms, p95 ${c.p95} ms, p99 ${c.p99} ms`);
  }
}
