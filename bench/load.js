#!/usr/bin/env node
/**
 * `npm run load [-- options]`: HTTP load on `meetgraph serve` over the MirageOS corpus, with
 * autocannon: 50 connections for 30 s on `/api/search` and `/api/ask` mixed (realistic queries and
 * questions in rotation), on the embedded store and on Neo4j, each in a server of its own. Then
 * shorter runs of each endpoint alone, to tell which one a slow percentile comes from.
 *
 *   npm run load                          both stores (Neo4j: a throw-away server is started)
 *   npm run load -- --store embedded      one store only
 *   npm run load -- --duration 10 --connections 20
 *   npm run load -- --neo4j-uri bolt://127.0.0.1:7687   use a running Neo4j (its graph is replaced!)
 *
 * Targets: no error and no answer but 200; p99 ≤ 50 ms on the embedded store. The exit status is
 * 1 when a target is missed. The server's API rate limit is raised for the run only
 * (`--rate-limit`); all traffic goes to 127.0.0.1, and every run is bounded in time.
 * Results: a Markdown table on stdout and `bench/load-results.json`.
 *
 * Plain JavaScript, like scripts/: it only starts processes and sends requests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Command, InvalidArgumentError } from 'commander';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.MEETGRAPH_SHARED ?? path.resolve(repoRoot, '../shared');
const CORPUS = {
  notes: path.join(shared, 'corpus/mirage-weekly'),
  people: path.join(shared, 'corpus/mirage-weekly.people.yml'),
  projects: path.join(shared, 'corpus/mirage-weekly.projects.yml'),
};
const P99_TARGET_MS = 50;

/** What people search the MirageOS weekly notes for: words, phrases, names and operators. */
const SEARCHES = [
  'irmin',
  'xen',
  'tls',
  'unikernel',
  '"mirage 2.0"',
  'dns',
  'release',
  'opam',
  'arm',
  'ocaml-tls',
  'project:Irmin person:ThomasG',
  'project:Irmin',
  'person:Anil',
  'in:2014 xen',
  'after:2015-01 irmin',
  'before:2014-01 release',
  'networking stack',
  'solo5',
  'conduit -irmin',
  'vchan',
];

/** Questions of the kinds the ask endpoint answers, about people and projects of the corpus. */
const QUESTIONS = [
  'who discussed Irmin?',
  'every Irmin discussion involving ThomasG',
  'what did Anil work on?',
  'which meetings did ThomasG attend?',
  'how many meetings per month?',
  'what are the open action items?',
  'when was TLS last discussed?',
  'which projects did Hannes discuss?',
  'who worked on Xen?',
  'what was discussed about opam in 2015?',
];

const pathsOf = {
  search: SEARCHES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  ask: QUESTIONS.map((q) => `/api/ask?q=${encodeURIComponent(q)}`),
};
/** Search and ask interleaved, so that every connection sends both. */
pathsOf.mixed = Array.from({ length: Math.max(SEARCHES.length, QUESTIONS.length) * 2 }, (_, i) =>
  i % 2 === 0 ? pathsOf.search[(i / 2) % SEARCHES.length] : pathsOf.ask[Math.floor(i / 2) % QUESTIONS.length],
);

function positive(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, at least 1');
  return n;
}

const options = new Command('load')
  .description('HTTP load on meetgraph serve over the MirageOS corpus (autocannon)')
  .option('--store <kind>', 'embedded, neo4j or both', 'both')
  .option('--duration <s>', 'seconds of the mixed run', positive, 30)
  .option('--split-duration <s>', 'seconds of each single-endpoint run (0: none)', (v) => (v === '0' ? 0 : positive(v)), 10)
  .option('--connections <n>', 'concurrent connections', positive, 50)
  .option('--neo4j-uri <uri>', 'a running Neo4j to use instead of a throw-away one (its graph is replaced)')
  .option('--out <file>', 'where to write the results', path.join(repoRoot, 'bench/load-results.json'))
  .parse()
  .opts();

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `meetgraph serve` over the corpus on a free loopback port, the rate limit raised for the run. */
async function startServe(neo4jUri) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'meetgraph-load-'));
  const port = await freePort();
  const env = { ...process.env };
  delete env.NEO4J_URI;
  delete env.MEETGRAPH_TOKEN;
  if (neo4jUri) env.NEO4J_URI = neo4jUri;
  const args = ['src/bin.js', '--data', dataDir, 'serve', '--notes', CORPUS.notes, '--people', CORPUS.people, '--projects', CORPUS.projects,
    '--port', String(port), '--host', '127.0.0.1', '--rate-limit', '100000000'];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output = (output + c).slice(-4000)));
  child.stderr.on('data', (c) => (output = (output + c).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`meetgraph serve stopped:\n${output}`);
    const health = await fetch(`${url}/api/health`).then((r) => r.json()).catch(() => null);
    if (health?.status === 'ok') break;
    if (Date.now() > deadline) throw new Error(`meetgraph serve not healthy within 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every request of the run answers 200 before the load starts: a 4xx under load would be the script's fault. */
async function checkRequests(url) {
  for (const p of [...pathsOf.search, ...pathsOf.ask]) {
    const res = await fetch(url + p);
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
}

/** One autocannon run over `paths` in rotation (shared by all connections). */
function run(url, paths, seconds) {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: options.connections,
        duration: seconds,
        timeout: 10,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

function summary(result) {
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

async function loadStore(store) {
  let neo4j = null;
  let uri = null;
  if (store === 'neo4j') {
    if (options.neo4jUri) {
      uri = options.neo4jUri;
    } else {
      const { startNeo4j } = await import('./../scripts/neo4j.js');
      const home = mkdtempSync(path.join(os.tmpdir(), 'meetgraph-load-neo4j-'));
      process.stderr.write('load: starting a throw-away Neo4j…\n');
      neo4j = await startNeo4j({ port: await freePort(), httpPort: -1, dataDir: home });
      neo4j.home = home;
      uri = neo4j.uri;
    }
  }
  process.stderr.write(`load: ${store}: starting meetgraph serve over ${CORPUS.notes}…\n`);
  const server = await startServe(uri);
  try {
    await checkRequests(server.url);
    process.stderr.write(`load: ${store}: warming up (5 s)…\n`);
    await run(server.url, pathsOf.mixed, 5);
    const runs = [];
    process.stderr.write(`load: ${store}: mixed search and ask, ${options.connections} connections, ${options.duration} s…\n`);
    runs.push({ store, endpoints: 'search + ask', seconds: options.duration, ...summary(await run(server.url, pathsOf.mixed, options.duration)) });
    if (options.splitDuration > 0) {
      for (const endpoint of ['search', 'ask']) {
        process.stderr.write(`load: ${store}: ${endpoint} alone, ${options.splitDuration} s…\n`);
        runs.push({ store, endpoints: endpoint, seconds: options.splitDuration, ...summary(await run(server.url, pathsOf[endpoint], options.splitDuration)) });
      }
    }
    return runs;
  } finally {
    await server.stop();
    if (neo4j) {
      await neo4j.stop();
      rmSync(neo4j.home, { recursive: true, force: true });
    }
  }
}

function table(runs) {
  const lines = [
    '| store | endpoints | connections × s | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    lines.push(`| ${r.store} | ${r.endpoints} | ${options.connections} × ${r.seconds} | ${r.requests} | ${r.perSecond} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors + r.timeouts} | ${r.non2xx} |`);
  }
  return lines.join('\n');
}

const stores = options.store === 'both' ? ['embedded', 'neo4j'] : [options.store];
if (!stores.every((s) => s === 'embedded' || s === 'neo4j')) {
  console.error('load: --store must be embedded, neo4j or both');
  process.exit(2);
}
const runs = [];
const failures = [];
for (const store of stores) {
  try {
    runs.push(...(await loadStore(store)));
  } catch (err) {
    failures.push(`${store}: ${err.message.split('\n')[0]}`);
    console.error(`load: ${store} failed: ${err.message}`);
  }
}
const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(table(runs));
console.log(`\n${os.cpus().length} CPUs, load average ${load} (1, 5, 15 min) at the end; Node ${process.version}`);
for (const r of runs) {
  if (r.errors + r.timeouts > 0 || r.non2xx > 0) failures.push(`${r.store} ${r.endpoints}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`);
  if (r.store === 'embedded' && r.endpoints === 'search + ask' && r.p99 > P99_TARGET_MS) failures.push(`embedded p99 ${r.p99} ms > ${P99_TARGET_MS} ms`);
}
writeFileSync(options.out, `${JSON.stringify({ when: new Date().toISOString(), connections: options.connections, loadAverage: load, runs, failures }, null, 2)}\n`);
if (failures.length) {
  console.log(`\ntargets missed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`\ntargets met: no error, only 200 answers, embedded p99 ≤ ${P99_TARGET_MS} ms`);
}
