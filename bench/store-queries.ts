/**
 * Store benchmark over the real corpus: ingests `shared/corpus/mirage-weekly`, loads it into the
 * embedded store and (when `NEO4J_URI` is set) into Neo4j, then prints the load times and the
 * median and 95th percentile of every named query.
 *
 *   npx tsx bench/store-queries.ts [--runs 200]
 *   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… npx tsx bench/store-queries.ts
 *
 * Neo4j: the configured database is emptied first (by loading an empty graph), then refilled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFolder } from '../ingest/index.js';
import { neo4jConfigFromEnv } from '../src/config.js';
import { emptyGraph, type MeetingGraph } from '../src/domain.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { Neo4jStore } from '../src/store/neo4j.js';
import type { GraphStore } from '../src/store/types.js';
import { isMain } from './percentiles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.MEETGRAPH_SHARED ?? path.resolve(root, '../shared');

export interface NamedQuery {
  name: string;
  run(store: GraphStore): Promise<unknown>;
}

/** One call of every named query, with parameters picked from the graph (the busiest person and project). */
export function namedQueries(graph: MeetingGraph): NamedQuery[] {
  const busiest = (ids: string[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'none';
  };
  const person = busiest(graph.discussed.map((d) => d.personId));
  const project = busiest(graph.about.filter((a) => a.target === 'project').map((a) => a.targetId));
  const topic = busiest(graph.about.filter((a) => a.target === 'topic').map((a) => a.targetId));
  const meeting = graph.meetings[Math.floor(graph.meetings.length / 2)]?.id ?? 'none';
  return [
    { name: 'discussions (all)', run: (s) => s.discussions({}) },
    { name: `discussions (person)`, run: (s) => s.discussions({ person }) },
    { name: `discussions (project, 2014)`, run: (s) => s.discussions({ project, from: '2014-01-01', to: '2014-12-31' }) },
    { name: `discussions (topic)`, run: (s) => s.discussions({ topic }) },
    { name: 'meetings (all)', run: (s) => s.meetings({}) },
    { name: 'meetings (attendee)', run: (s) => s.meetings({ attendee: person }) },
    { name: 'attendees', run: (s) => s.attendees(meeting) },
    { name: 'person', run: (s) => s.person(person) },
    { name: 'project', run: (s) => s.project(project) },
    { name: 'actions (all)', run: (s) => s.actions({}) },
    { name: 'actions (todo)', run: (s) => s.actions({ status: 'todo' }) },
    { name: 'neighbourhood (limit 40)', run: (s) => s.neighbourhood({ limit: 40 }) },
    { name: 'neighbourhood (center)', run: (s) => s.neighbourhood({ center: project, limit: 20 }) },
    { name: 'coAttendance (all)', run: (s) => s.coAttendance({}) },
    { name: 'coAttendance (person)', run: (s) => s.coAttendance({ person }) },
    { name: 'stats', run: (s) => s.stats() },
  ];
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

async function benchStore(label: string, store: GraphStore, graph: MeetingGraph, queries: NamedQuery[], runs: number) {
  await store.load(emptyGraph());
  const [first, loadMs] = await timed(() => store.load(graph));
  const [again, reloadMs] = await timed(() => store.load(graph));
  console.log(`\n${label}`);
  console.log(`  load into an empty store   ${ms(loadMs)}  (${JSON.stringify(first)})`);
  console.log(`  reload, nothing changed    ${ms(reloadMs)}  (${JSON.stringify(again)})`);
  console.log(`  ${'query'.padEnd(30)} ${'median'.padStart(12)} ${'p95'.padStart(12)}`);
  for (const query of queries) {
    for (let i = 0; i < Math.min(10, runs); i++) await query.run(store);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push((await timed(() => query.run(store)))[1]);
    samples.sort((a, b) => a - b);
    console.log(`  ${query.name.padEnd(30)} ${ms(quantile(samples, 0.5)).padStart(12)} ${ms(quantile(samples, 0.95)).padStart(12)}`);
  }
}

if (isMain(import.meta.url)) await main();

async function main(): Promise<void> {
  const runsFlag = process.argv.indexOf('--runs');
  const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 200;
  const [graph, ingestMs] = await timed(() =>
    ingestFolder(path.join(shared, 'corpus/mirage-weekly'), {
      peopleFile: path.join(shared, 'corpus/mirage-weekly.people.yml'),
      projectsFile: path.join(shared, 'corpus/mirage-weekly.projects.yml'),
    }),
  );
  console.log(
    `corpus: ${graph.meetings.length} meetings, ${graph.discussions.length} discussions, ${graph.people.length} people, ` +
      `${graph.projects.length} projects (ingest ${ms(ingestMs)}); ${RUNS} runs per query`,
  );
  const queries = namedQueries(graph);

  const dataDir = await mkdtemp(path.join(tmpdir(), 'meetgraph-bench-'));
  try {
    const embedded = await EmbeddedStore.open(dataDir);
    await benchStore('embedded', embedded, graph, queries, RUNS);
    await embedded.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  const neo4jConfig = neo4jConfigFromEnv();
  if (neo4jConfig) {
    const neo4j = await Neo4jStore.open(neo4jConfig);
    try {
      await benchStore(`neo4j (${neo4jConfig.uri})`, neo4j, graph, queries, Math.min(RUNS, 50));
    } finally {
      await neo4j.close();
    }
  } else {
    console.log('\nneo4j: skipped (set NEO4J_URI; `npm run neo4j -- start` prints one)');
  }
}
