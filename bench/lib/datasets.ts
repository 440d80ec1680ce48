/**
 * The folders the benchmarks run over: the real corpus (`corpus`) and synthetic folders of any
 * size (`1k`, `10k`, `300`…) written by `generate.ts` into a cache below the system's temporary
 * directory, once per size and generator version. Their ingested graphs are cached beside them,
 * once per version of the ingest code, so that an operation over a graph does not have to ingest
 * 10,000 notes first.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFolder } from '../../ingest/index.js';
import type { MeetingGraph } from '../../src/domain.js';
import { generateCorpus, writeCorpus } from '../generate.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = process.env.MEETGRAPH_SHARED ?? path.resolve(repoRoot, '../shared');
/** Where generated folders and cached graphs are kept between runs. */
export const cacheDir = process.env.MEETGRAPH_BENCH_CACHE ?? path.join(tmpdir(), 'meetgraph-bench');
/** Seed of every synthetic folder: the same notes on every run and machine. */
const SEED = 1;

export interface Dataset {
  /** `corpus`, or the number of synthetic meetings as written on the command line (`10k`). */
  name: string;
  notesDir: string;
  peopleFile: string;
  projectsFile: string;
}

/** `corpus` or a synthetic size (`300`, `1k`, `10k`); synthetic folders are generated on first use. */
export function dataset(name: string): Dataset {
  if (name === 'corpus') {
    const corpus = path.join(sharedDir, 'corpus');
    return {
      name,
      notesDir: path.join(corpus, 'mirage-weekly'),
      peopleFile: path.join(corpus, 'mirage-weekly.people.yml'),
      projectsFile: path.join(corpus, 'mirage-weekly.projects.yml'),
    };
  }
  const meetings = meetingCount(name);
  const notesDir = path.join(cacheDir, `notes-${meetings}-seed${SEED}-${sourceHash([path.join(repoRoot, 'bench/generate.ts')])}`);
  if (!existsSync(path.join(notesDir, COMPLETE))) {
    // Written aside and renamed, so an interrupted run never leaves half a folder behind.
    const partial = `${notesDir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    writeCorpus(generateCorpus(meetings, SEED), partial);
    writeFileSync(path.join(partial, COMPLETE), '');
    rmSync(notesDir, { recursive: true, force: true });
    mkdirSync(path.dirname(notesDir), { recursive: true });
    renameSync(partial, notesDir);
  }
  return { name, notesDir, peopleFile: path.join(notesDir, 'people.yml'), projectsFile: path.join(notesDir, 'projects.yml') };
}

/** Marks a generated folder as complete (a dot file: not a note). */
const COMPLETE = '.complete';

/** `10k` → 10000, `300` → 300. */
export function meetingCount(name: string): number {
  const m = /^(\d+)(k?)$/i.exec(name);
  if (!m) throw new Error(`unknown dataset "${name}": use corpus or a number of meetings (300, 1k, 10k)`);
  return Number(m[1]) * (m[2] ? 1000 : 1);
}

/** The dataset's graph as the current ingest code extracts it, from the cache when there. */
export async function datasetGraph(ds: Dataset): Promise<MeetingGraph> {
  const file = graphCacheFile(ds);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as MeetingGraph;
  const graph = await ingestFolder(ds.notesDir, { peopleFile: ds.peopleFile, projectsFile: ds.projectsFile });
  cacheGraph(ds, graph);
  return graph;
}

/** Keeps a freshly ingested graph for the operations that follow. */
export function cacheGraph(ds: Dataset, graph: MeetingGraph): void {
  const file = graphCacheFile(ds);
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(graph));
  renameSync(`${file}.${process.pid}`, file);
}

/**
 * Where a dataset's graph is cached: per version of the ingest code, or, under `bench/run.js`,
 * per run (BENCH_RUN_ENV), so that a source file edited while a run goes on does not send the
 * run's later operations back to ingesting.
 */
function graphCacheFile(ds: Dataset): string {
  const run = process.env[BENCH_RUN_ENV];
  const ingestSources = readdirSync(path.join(repoRoot, 'ingest'))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(repoRoot, 'ingest', f));
  const version = run ? `run-${run.replace(/[^\w-]/g, '')}` : sourceHash([ds.peopleFile, ds.projectsFile, ...ingestSources]);
  return path.join(cacheDir, 'graphs', `${ds.name}-${version}-${path.basename(ds.notesDir)}.json`);
}

/** Set by `bench/run.js` to one id per run. */
export const BENCH_RUN_ENV = 'MEETGRAPH_BENCH_RUN';

/** A short hash of files' contents: a cache key that changes whenever they do. */
function sourceHash(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}
