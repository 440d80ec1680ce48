/**
 * The search benchmark's queries: a deterministic mix of words, two-word queries, prefixes,
 * misspellings, phrases, exclusions, operators, operator-only filters and dates, made from a
 * graph's own material. `bench/ops/search.ts` times them (`npm run bench -- --only search`).
 */
import type { MeetingGraph } from '../src/domain.js';
import { queryTerms } from '../src/search/terms.js';
import { seeded } from './percentiles.js';

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
