#!/usr/bin/env node
/**
 * `npm run bench [-- options]`: every benchmark operation, each in processes of its own
 * (`node --import tsx bench/ops/<op>.ts`, one process per repetition, so that peak memory and
 * first-call costs are the operation's own), then `bench/results.json` and a Markdown table:
 * median, min and max of each figure over the repetitions, peak RSS, the load average when the
 * operation started, and the targets met or missed; then the baselines as ratios.
 *
 *   npm run bench                       everything (a Neo4j is started unless NEO4J_URI is set)
 *   npm run bench -- --quick            skip the 10,000-meeting and Neo4j operations
 *   npm run bench -- --only ingest,search --runs 3
 *   npm run bench -- --list             the operations and their ids
 *
 * Plain JavaScript, like scripts/: it only starts processes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_PREFIX = '@@bench ';
const GB = 1024;

/**
 * The operations, in the order they run (ingest first: it leaves the graphs the others read).
 * `heavy`: over 10,000 meetings; `neo4j`: needs a Neo4j server. Targets apply to the median.
 */
const PLAN = [
  { id: 'cpu-capacity', op: 'cpu-capacity', dataset: 'none', runs: 3 },
  { id: 'ingest/corpus', op: 'ingest', dataset: 'corpus', runs: 5, targets: [['wall', 500, 'real corpus ingest ≤ 0.5 s']] },
  { id: 'compromise/corpus', op: 'compromise', dataset: 'corpus', runs: 3 },
  { id: 'ingest/1k', op: 'ingest', dataset: '1k', args: ['--workers', '1'], runs: 3 },
  { id: 'ingest/1k-serial', op: 'ingest', dataset: '1k', args: ['--workers', '0'], runs: 3 },
  { id: 'ingest/10k', op: 'ingest', dataset: '10k', runs: 1, heavy: true, targets: [['wall', 60_000, '10k ingest ≤ 60 s'], ['peakRss', 1.5 * GB, 'peak RSS ≤ 1.5 GB']] },
  { id: 'ingest/10k-serial', op: 'ingest', dataset: '10k', args: ['--workers', '0'], runs: 1, heavy: true },
  { id: 'ingest-stages/corpus', op: 'ingest-stages', dataset: 'corpus', runs: 3 },
  { id: 'ingest-stages/10k', op: 'ingest-stages', dataset: '10k', runs: 1, heavy: true },
  { id: 'reingest-unchanged/corpus', op: 'reingest', dataset: 'corpus', args: ['--change', '0'], runs: 5, targets: [['wall', 50, 're-ingest unchanged ≤ 0.05 s']] },
  { id: 'reingest-1pct/corpus', op: 'reingest', dataset: 'corpus', args: ['--change', '1', '--warm'], runs: 3 },
  { id: 'reingest-unchanged/10k', op: 'reingest', dataset: '10k', args: ['--change', '0'], runs: 1, heavy: true },
  { id: 'reingest-1pct/10k', op: 'reingest', dataset: '10k', args: ['--change', '1', '--warm'], runs: 1, heavy: true },
  { id: 'change-note/corpus', op: 'change-note', dataset: 'corpus', runs: 3 },
  // A folder by team, below the workers' threshold: a change on one thread, whose extraction memo
  // holds only when the memo's key is made in meeting order (the corpus lists its notes in that order).
  { id: 'change-note/1k', op: 'change-note', dataset: '1k', runs: 1 },
  { id: 'change-note/10k', op: 'change-note', dataset: '10k', runs: 1, heavy: true, targets: [['search', 1000, 'changed note in search ≤ 1 s'], ['graph', 1000, 'changed note in graph ≤ 1 s']] },
  { id: 'change-note-neo4j/10k', op: 'change-note', dataset: '10k', args: ['--store', 'neo4j'], runs: 1, heavy: true, neo4j: true, targets: [['search', 1000, 'changed note in search ≤ 1 s (Neo4j)'], ['graph', 1000, 'changed note in graph ≤ 1 s (Neo4j)']] },
  { id: 'load-embedded/corpus', op: 'load', dataset: 'corpus', args: ['--store', 'embedded'], runs: 5 },
  { id: 'load-embedded/10k', op: 'load', dataset: '10k', args: ['--store', 'embedded'], runs: 1, heavy: true, targets: [['wall', 10_000, 'embedded load ≤ 10 s']] },
  { id: 'load-neo4j/corpus', op: 'load', dataset: 'corpus', args: ['--store', 'neo4j'], runs: 3, neo4j: true, targets: [['wall', 3000, 'Neo4j load ≤ 3 s']] },
  { id: 'neo4j-row-writes/corpus', op: 'neo4j-row-writes', dataset: 'corpus', runs: 1, neo4j: true },
  { id: 'load-neo4j/10k', op: 'load', dataset: '10k', args: ['--store', 'neo4j'], runs: 1, heavy: true, neo4j: true, targets: [['wall', 60_000, 'Neo4j load ≤ 60 s']] },
  { id: 'search/corpus', op: 'search', dataset: 'corpus', runs: 3 },
  { id: 'search/10k', op: 'search', dataset: '10k', runs: 1, heavy: true, targets: [['p95', 10, 'search p95 ≤ 10 ms']] },
  { id: 'ask/corpus', op: 'ask', dataset: 'corpus', runs: 3 },
  { id: 'named-queries-embedded/corpus', op: 'named-queries', dataset: 'corpus', args: ['--store', 'embedded'], runs: 3 },
  { id: 'named-queries-neo4j/corpus', op: 'named-queries', dataset: 'corpus', args: ['--store', 'neo4j'], runs: 1, neo4j: true },
  { id: 'named-queries-embedded/10k', op: 'named-queries', dataset: '10k', args: ['--store', 'embedded'], runs: 1, heavy: true },
  // At 10k the whole lists take seconds a call on Neo4j (all actions 6–7 s): 20 calls each (about
  // 10 minutes in all), enough for a p95 that is not just the slowest of a handful.
  { id: 'named-queries-neo4j/10k', op: 'named-queries', dataset: '10k', args: ['--store', 'neo4j', '--runs', '20', '--warmup', '3'], runs: 1, heavy: true, neo4j: true, targets: [['worstP95', 25, 'named queries p95 ≤ 25 ms (Neo4j)']] },
  { id: 'startup/corpus', op: 'startup', dataset: 'corpus', runs: 3 },
  {
    id: 'startup/10k',
    op: 'startup',
    dataset: '10k',
    runs: 1,
    heavy: true,
    targets: [['newDataDirPeakRss', 1.5 * GB, 'server peak RSS ≤ 1.5 GB (10k, first start)'], ['reusedDataDirPeakRss', 1.5 * GB, 'server peak RSS ≤ 1.5 GB (10k, restart)']],
  },
  { id: 'sizes/corpus', op: 'sizes', dataset: 'corpus', runs: 1 },
  { id: 'sizes/10k', op: 'sizes', dataset: '10k', runs: 1, heavy: true },
];

/** Ratios of medians within one run: our pipeline against a baseline (or a variant). */
const RATIOS = [
  { label: 'real corpus ingest / one plain compromise pass (CPU)', of: ['ingest/corpus', 'cpu'], to: ['compromise/corpus', 'cpu'], max: 0.25 },
  { label: 'real corpus ingest / one plain compromise pass (wall)', of: ['ingest/corpus', 'wall'], to: ['compromise/corpus', 'wall'], max: 0.25 },
  { label: '1k ingest, worker threads / one thread (wall)', of: ['ingest/1k', 'wall'], to: ['ingest/1k-serial', 'wall'] },
  { label: '10k ingest, worker threads / one thread (wall)', of: ['ingest/10k', 'wall'], to: ['ingest/10k-serial', 'wall'] },
  { label: 'Neo4j row-at-a-time writes / batched load, corpus (wall)', of: ['neo4j-row-writes/corpus', 'wall'], to: ['load-neo4j/corpus', 'wall'] },
  { label: 'search p50 on free text, MiniSearch / FlexSearch, corpus', of: ['search/corpus', 'textP50'], to: ['search/corpus', 'flexP50'] },
  { label: 'search p95 on free text, MiniSearch / FlexSearch, corpus', of: ['search/corpus', 'textP95'], to: ['search/corpus', 'flexP95'] },
  { label: 'search p50 on free text, MiniSearch / FlexSearch, 10k', of: ['search/10k', 'textP50'], to: ['search/10k', 'flexP50'] },
  { label: 'search p95 on free text, MiniSearch / FlexSearch, 10k', of: ['search/10k', 'textP95'], to: ['search/10k', 'flexP95'] },
];

const program = new Command('bench')
  .option('--quick', 'skip the 10,000-meeting and Neo4j operations')
  .option('--only <ids>', 'comma-separated operation ids or prefixes (ingest, search/10k, …)')
  .option('--runs <n>', 'repetitions of every operation (default: per operation)', (v) => Number.parseInt(v, 10))
  .option('--skip-neo4j', 'skip the operations that need Neo4j')
  .option('--out <file>', 'where to write the results', path.join(repoRoot, 'bench/results.json'))
  .option('--list', 'list the operations and exit')
  .parse();
const opts = program.opts();

if (opts.list) {
  for (const e of PLAN) console.log(`${e.id.padEnd(32)} ${e.heavy ? 'heavy ' : ''}${e.neo4j ? 'neo4j' : ''}`);
  process.exit(0);
}

const only = opts.only ? String(opts.only).split(',').map((s) => s.trim()).filter(Boolean) : null;
const selected = PLAN.filter((e) => {
  if (only && !only.some((o) => e.id === o || e.id.startsWith(`${o}/`) || e.id.startsWith(`${o}-`) || e.op === o)) return false;
  if (opts.quick && (e.heavy || e.neo4j)) return false;
  if (opts.skipNeo4j && e.neo4j) return false;
  return true;
});
if (selected.length === 0) {
  console.error('bench: no operation selected (see --list)');
  process.exit(2);
}

const say = (line) => console.error(`bench: ${line}`);
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

/** Runs one repetition of an operation in its own process; resolves with its report. */
function runOnce(entry, env) {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', path.join(repoRoot, 'bench/ops', `${entry.op}.ts`), '--dataset', entry.dataset, ...(entry.args ?? [])];
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err = (err + c).slice(-8000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(REPORT_PREFIX.length)));
      else reject(new Error(`${entry.id} failed (exit ${code}):\n${err.trim() || out.trim()}`));
    });
  });
}

function stats(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const r = (n) => Math.round(n * 1000) / 1000;
  return { median: r(median), min: r(sorted[0]), max: r(sorted[sorted.length - 1]) };
}

/** Median, min and max of every figure (and of peak RSS) over the repetitions. */
function aggregate(reports) {
  const figures = {};
  for (const name of Object.keys(reports[0].figures)) {
    figures[name] = { ...stats(reports.map((r) => r.figures[name]?.value)), unit: reports[0].figures[name].unit };
  }
  figures.peakRss = { ...stats(reports.map((r) => r.peakRssMb)), unit: 'MB' };
  return figures;
}

/**
 * A Neo4j for the operations that need one, started when the first of them comes: a JVM that has
 * just started compiles on both cores for a while, which would slow the operations before it.
 */
async function neo4jForRun() {
  if (process.env.NEO4J_URI) return { env: {}, stop: async () => {}, note: `Neo4j at ${process.env.NEO4J_URI} (NEO4J_URI)` };
  const { startNeo4j, missingTools } = await import('../scripts/neo4j.js');
  const problems = missingTools();
  if (problems.length) return { env: null, stop: async () => {}, note: `no Neo4j: ${problems.join('; ')}` };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'meetgraph-bench-neo4j-'));
  say('starting a Neo4j 5.26 for the Neo4j operations…');
  try {
    const server = await startNeo4j({ port: 0, httpPort: -1, dataDir });
    return {
      env: { NEO4J_URI: server.uri },
      note: `Neo4j 5.26 started for this run at ${server.uri}`,
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    return { env: null, stop: async () => {}, note: `Neo4j did not start: ${String(err.message).split('\n')[0]}` };
  }
}

/** Deletes the graphs this run cached (a 10k graph is a few hundred MB). */
function removeRunGraphs(runId) {
  const dir = path.join(process.env.MEETGRAPH_BENCH_CACHE ?? path.join(os.tmpdir(), 'meetgraph-bench'), 'graphs');
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.includes(`-run-${runId}-`)) rmSync(path.join(dir, f), { force: true });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function fmt(n, unit) {
  if (n === undefined || n === null || !Number.isFinite(n)) return '–';
  if (unit === 'ms') return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(n >= 10 ? 1 : 2)} ms`;
  if (unit === 'MB') return `${n >= 100 ? Math.round(n) : n.toFixed(2)} MB`;
  if (unit === 'KB') return `${Math.round(n)} KB`;
  if (unit === '%') return `${n.toFixed(1)} %`;
  if (unit === 'ratio') return n.toFixed(3);
  return String(Math.round(n * 1000) / 1000);
}

function table(results, ratios) {
  const lines = [];
  lines.push('| operation | figure | median | min | max | peak RSS | load (1 min) | target |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| ${r.id} | – | – | – | – | – | – | skipped: ${r.skipped} |`);
      continue;
    }
    const names = Object.keys(r.figures).filter((n) => n !== 'peakRss');
    names.forEach((name, i) => {
      const f = r.figures[name];
      const target = r.targets.filter((t) => t.figure === name).map((t) => `${t.met ? 'met' : '**missed**'}: ${t.label}`).join('; ');
      const first = i === 0;
      lines.push(
        `| ${first ? `${r.id} ×${r.runs}` : ''} | ${name} | ${fmt(f.median, f.unit)} | ${fmt(f.min, f.unit)} | ${fmt(f.max, f.unit)} | ${first ? fmt(r.figures.peakRss.max, 'MB') : ''} | ${first ? r.loadAverage[0] : ''} | ${target} |`,
      );
    });
    for (const t of r.targets.filter((t) => t.figure === 'peakRss')) lines.push(`| | peak RSS | ${fmt(r.figures.peakRss.median, 'MB')} | ${fmt(r.figures.peakRss.min, 'MB')} | ${fmt(r.figures.peakRss.max, 'MB')} | | | ${t.met ? 'met' : '**missed**'}: ${t.label} |`);
  }
  if (ratios.length) {
    lines.push('', '| ratio (medians, same run) | value | target |', '|---|---:|---|');
    for (const q of ratios) lines.push(`| ${q.label} | ${q.value.toFixed(3)} | ${q.max === undefined ? '' : `${q.met ? 'met' : '**missed**'}: ≤ ${q.max}`} |`);
  }
  return lines.join('\n');
}

async function main() {
  const startedAt = new Date().toISOString();
  // Graphs ingested during this run are cached under this id (see bench/lib/datasets.ts).
  const runId = `${Date.now()}-${process.pid}`;
  const loadAtStart = loadAverage();
  say(`${selected.length} operations; load average ${loadAtStart.join(' ')} on ${os.availableParallelism()} cores`);
  let neo4j = null;
  const results = [];
  const prepared = new Set();
  try {
    for (const entry of selected) {
      const base = { id: entry.id, op: entry.op, dataset: entry.dataset, args: entry.args ?? [] };
      if (entry.neo4j && !neo4j) {
        neo4j = await neo4jForRun();
        if (neo4j.note) say(neo4j.note);
      }
      if (entry.neo4j && !neo4j.env) {
        results.push({ ...base, skipped: neo4j.note ?? 'no Neo4j' });
        continue;
      }
      const runs = opts.runs ?? entry.runs;
      const env = { ...process.env, ...neo4j?.env, MEETGRAPH_BENCH_RUN: runId };
      if (entry.op !== 'ingest' && entry.dataset !== 'none' && !prepared.has(entry.dataset)) {
        // The dataset's folder and graph, made once and cached, outside any measured process.
        say(`preparing ${entry.dataset}…`);
        try {
          await runOnce({ id: `prepare/${entry.dataset}`, op: 'prepare', dataset: entry.dataset }, env);
        } catch (err) {
          say(err.message);
        }
        prepared.add(entry.dataset);
      }
      const load = loadAverage();
      say(`${entry.id} ×${runs} (load ${load.join(' ')})`);
      const reports = [];
      try {
        for (let i = 0; i < runs; i++) reports.push(await runOnce(entry, env));
      } catch (err) {
        say(err.message);
        results.push({ ...base, runs, loadAverage: load, skipped: `failed: ${err.message.split('\n')[0]}` });
        continue;
      }
      const figures = aggregate(reports);
      const targets = (entry.targets ?? []).map(([figure, max, label]) => {
        const value = figure === 'peakRss' ? figures.peakRss.max : figures[figure]?.median;
        return { figure, max, label, value, met: value !== undefined && value <= max };
      });
      results.push({ ...base, runs, loadAverage: load, figures, targets, info: reports.map((r) => r.info ?? null) });
      const main = Object.entries(figures)[0];
      say(`  ${main[0]} median ${fmt(main[1].median, main[1].unit)}, peak RSS ${fmt(figures.peakRss.max, 'MB')}`);
    }
  } finally {
    await neo4j?.stop();
    removeRunGraphs(runId);
  }

  const median = (id, figure) => results.find((r) => r.id === id && !r.skipped)?.figures[figure]?.median;
  const ratios = RATIOS.flatMap((q) => {
    const a = median(...q.of);
    const b = median(...q.to);
    if (a === undefined || b === undefined || !b) return [];
    const value = Math.round((a / b) * 1000) / 1000;
    return [{ label: q.label, value, max: q.max, met: q.max === undefined ? undefined : value <= q.max }];
  });

  const output = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machine(),
    loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
    options: { quick: !!opts.quick, only, runs: opts.runs ?? null, neo4j: neo4j?.note ?? null },
    results,
    ratios,
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(output, null, 1)}\n`);
  const m = output.machine;
  console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${loadAtStart.join(' ')} at start, ${output.loadAverage.atEnd.join(' ')} at end\n`);
  console.log(table(results, ratios));
  say(`results written to ${path.relative(process.cwd(), opts.out) || opts.out}`);
  const missed = results.some((r) => r.targets?.some((t) => !t.met)) || ratios.some((q) => q.met === false);
  if (missed) say('some targets were missed (see the table)');
}

await main();
