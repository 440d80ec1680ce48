/**
 * Faults of a real Neo4j, on a server of this suite's own (its own port and data directory, so
 * that stopping or killing it disturbs no other suite):
 *
 * - not running: `meetgraph ingest` fails in one clear line; `meetgraph serve` starts degraded,
 *   keeps retrying, and recovers when the database comes up;
 * - killed (SIGKILL) in the middle of an ingest, then restarted: no half-written meeting is ever
 *   visible (one transaction per batch), and the next ingest completes with the graph a clean
 *   ingest gives — same nodes and edges per label and type, same named-query answers;
 * - two ingests at once on one data directory: the second waits or refuses (lock), and the graph
 *   is right;
 * - the launcher keeps no transaction log past a checkpoint.
 *
 * Runs where the other Neo4j suites run (`describeNeo4j`: a machine that can start Neo4j).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.js';
import type { MeetingGraph } from '../../src/domain.js';
import { partitionGraph } from '../../src/store/meeting-parts.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { describeNeo4j } from '../support/neo4j.js';
import { childEnv, freePort, REPO, runCli, startCli, startOwnNeo4j, waitFor, type OwnNeo4j } from '../support/processes.js';

/** Enough notes that loading them takes many transactions (25 meetings each): time to kill in between. */
const NOTES = 600;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeNeo4j('faults of a real Neo4j (a server of this suite)', () => {
  let root: string;
  let notesDir: string;
  let neo4jHome: string;
  let port: number;
  let server: OwnNeo4j | null = null;
  let driver: Driver | null = null;
  /** What a clean ingest of the notes into an empty database leaves (see `fingerprint`). */
  let reference: Awaited<ReturnType<typeof fingerprint>> | null = null;
  const uri = () => `bolt://127.0.0.1:${port}`;
  const config = () => ({ uri: uri(), user: 'neo4j', password: '', database: 'neo4j' });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'meetgraph-neo4j-faults-'));
    notesDir = path.join(root, 'notes');
    writeCorpus(generateCorpus(NOTES, 21), notesDir);
    neo4jHome = path.join(root, 'neo4j');
    port = await freePort();
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  }, 120_000);

  async function start(): Promise<void> {
    server = await startOwnNeo4j(port, neo4jHome);
    await driver?.close();
    driver = neo4j.driver(uri(), neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
  }

  async function cypher<T = Record<string, unknown>>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const session = driver!.session();
    try {
      return (await session.run(text, params)).records.map((r) => r.toObject() as T);
    } finally {
      await session.close();
    }
  }

  /**
   * The database as the application sees it: node counts per label, edge counts per type, and the
   * answers of the named queries (every list, a person's and a project's page, the neighbourhood,
   * co-attendance) and the snapshot — all through the store.
   */
  async function fingerprint() {
    const labels = await cypher('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
    const types = await cypher('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
    const store = await Neo4jStore.open(config());
    try {
      const stats = await store.stats();
      const snapshot = await store.snapshot();
      const person = snapshot.people[Math.floor(snapshot.people.length / 2)]?.id;
      const project = snapshot.projects[Math.floor(snapshot.projects.length / 2)]?.id;
      const named = {
        discussions: sha256(JSON.stringify(await store.discussions({}))),
        meetings: sha256(JSON.stringify(await store.meetings({}))),
        actions: sha256(JSON.stringify(await store.actions({}))),
        neighbourhood: sha256(JSON.stringify(await store.neighbourhood({ limit: 40 }))),
        coAttendance: sha256(JSON.stringify(await store.coAttendance({}))),
        person: sha256(JSON.stringify(person ? await store.person(person) : null)),
        project: sha256(JSON.stringify(project ? await store.project(project) : null)),
      };
      return { labels, types, stats, named, snapshot: sha256(JSON.stringify(snapshot)) };
    } finally {
      await store.close();
    }
  }

  it('ingest with Neo4j not running: one clear line naming the server, non-zero exit, no stack', async () => {
    const data = mkdtempSync(path.join(root, 'data-'));
    const r = await runCli(['--data', data, 'ingest', notesDir], childEnv(uri()), 180_000);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^meetgraph: cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}: `));
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |node_modules/);
  }, 240_000);

  it('serve with Neo4j not running: health degraded, search served, retries until Neo4j is up, then recovers', async () => {
    const data = mkdtempSync(path.join(root, 'serve-'));
    const examples = path.join(REPO, 'examples/notes');
    const serve = startCli(['--data', data, 'serve', '--notes', examples, '--port', '0'], childEnv(uri()));
    try {
      const url = await waitFor('the server to listen', async () => /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(serve.stdout())?.[1], 120_000);
      expect(serve.stdout()).toMatch(/store: unavailable, retrying/);
      const health = await (await fetch(`${url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'degraded', store: { kind: 'neo4j', state: 'degraded' } });
      expect(health.store.error).toMatch(/cannot reach Neo4j/);
      expect((await fetch(`${url}/api/stats`)).status).toBe(503);
      const search = await (await fetch(`${url}/api/search?q=ledger`)).json();
      expect(search.total).toBeGreaterThan(0);

      await start();
      // Retries back off up to 30 s apart; the graph is loaded into the database once it opens.
      const back = await waitFor(
        'health to be ok',
        async () => {
          const h = await (await fetch(`${url}/api/health`)).json();
          return h.status === 'ok' ? h : null;
        },
        180_000,
        1000,
      );
      expect(back.store).toMatchObject({ kind: 'neo4j', state: 'ok', error: null });
      const stats = await (await fetch(`${url}/api/stats`)).json();
      expect(stats.meetings).toBe(back.counts.meetings);
      expect(stats.discussions).toBe(back.counts.discussions);
      const retries = serve.stderr().split('\n').filter((l) => /graph store unavailable: cannot reach Neo4j .*retrying in \d+ s/.test(l));
      expect(retries.length, serve.stderr()).toBeGreaterThanOrEqual(2);
    } finally {
      serve.child.kill('SIGTERM');
      const exit = await serve.exited;
      expect(exit.code).toBe(0);
    }
  }, 600_000);

  it('Neo4j killed (SIGKILL) in the middle of an ingest: the ingest fails in one line, no meeting is half-written, the next ingest completes with the graph of a clean ingest', async () => {
    if (!server) await start();
    await cypher('MATCH (n) DETACH DELETE n');
    const data = mkdtempSync(path.join(root, 'killed-'));
    const ingest = startCli(['--data', data, 'ingest', notesDir, '--json'], childEnv(uri()));
    let finishedFirst = false;
    void ingest.exited.then(() => (finishedFirst = true));
    // Kill once the first batches are committed, long before the last.
    await waitFor('the first meetings to be written', async () => finishedFirst || (await cypher<{ n: number }>('MATCH (m:Meeting) RETURN count(m) AS n'))[0].n > 0, 600_000, 50);
    expect(finishedFirst, 'the ingest finished before it could be interrupted').toBe(false);
    process.kill(server!.pid, 'SIGKILL');
    const failed = await ingest.exited;
    expect(failed.code, failed.stdout.slice(0, 500)).not.toBe(0);
    expect(failed.stderr.trim().split('\n'), failed.stderr).toHaveLength(1);
    expect(failed.stderr).toMatch(/^meetgraph: .*Neo4j at bolt:\/\/127\.0\.0\.1:\d+/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);

    await server!.stop();
    await start(); // recovers the store from its transaction log

    // Every meeting in the database is whole: exactly the subgraph the ingest meant to write.
    const graph = JSON.parse(readFileSync(path.join(data, 'graph.json'), 'utf8')) as MeetingGraph;
    const expected = new Map(
      partitionGraph(graph).meetings.map((p) => [
        p.meeting.id,
        { fingerprint: p.fingerprint, discussions: p.discussions.length, attended: p.attendance.length, actions: p.actionItems.length, discussed: p.discussed.length, about: p.about.length, cites: p.cites.length },
      ]),
    );
    const stored = await cypher<{ id: string; fingerprint: string; discussions: number; attended: number; actions: number; discussed: number; about: number; cites: number }>(`
      MATCH (m:Meeting)
      RETURN m.id AS id, m.fingerprint AS fingerprint,
             COUNT { (m)-[:HAS_DISCUSSION]->(:Discussion) } AS discussions,
             COUNT { (m)<-[:ATTENDED]-(:Person) } AS attended,
             COUNT { (m)-[:HAS_DISCUSSION]->()<-[:RAISED_IN]-(:ActionItem) } AS actions,
             COUNT { (m)-[:HAS_DISCUSSION]->()<-[:DISCUSSED]-(:Person) } AS discussed,
             COUNT { (m)-[:HAS_DISCUSSION]->()-[:ABOUT]->() } AS about,
             COUNT { (m)-[:HAS_DISCUSSION]->()-[:CITES]->() } AS cites`);
    console.info(`killed mid-ingest: ${stored.length} of ${expected.size} meetings had been committed`);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(expected.size);
    for (const { id, ...rest } of stored) expect(rest, id).toEqual(expected.get(id));
    const loose = await cypher<{ discussions: number; actions: number }>(`
      RETURN COUNT { (d:Discussion) WHERE NOT EXISTS { (:Meeting)-[:HAS_DISCUSSION]->(d) } } AS discussions,
             COUNT { (a:ActionItem) WHERE NOT EXISTS { (a)-[:RAISED_IN]->(:Discussion) } } AS actions`);
    expect(loose[0]).toEqual({ discussions: 0, actions: 0 });

    // The next ingest writes only what is missing and ends where a clean ingest ends.
    const resumed = await runCli(['--data', data, 'ingest', notesDir, '--json'], childEnv(uri()), 900_000);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.load).toMatchObject({ written: expected.size - stored.length, unchanged: stored.length, removed: 0 });
    const afterRecovery = await fingerprint();

    await cypher('MATCH (n) DETACH DELETE n');
    const clean = await runCli(['--data', mkdtempSync(path.join(root, 'clean-')), 'ingest', notesDir], childEnv(uri()), 900_000);
    expect(clean.code, clean.stderr).toBe(0);
    reference = await fingerprint();
    expect(afterRecovery).toEqual(reference);
    expect(reference.stats.meetings).toBe(expected.size);
  }, 1_800_000);

  it('two ingests at once on one data directory: the second waits or refuses with a clear message, and the graph is right', async () => {
    if (!server) await start();
    // An empty database makes the first ingest's load long, so that the two overlap.
    await cypher('MATCH (n) DETACH DELETE n');
    const data = mkdtempSync(path.join(root, 'twice-'));
    const [a, b] = await Promise.all([
      runCli(['--data', data, 'ingest', notesDir, '--json'], childEnv(uri()), 900_000),
      runCli(['--data', data, 'ingest', notesDir, '--json'], childEnv(uri()), 900_000),
    ]);
    const outcomes = [a, b].map((r) => (r.code === 0 ? (JSON.parse(r.stdout).reused ? 'reused' : 'ingested') : r.stderr.trim()));
    console.info(`two ingests at once: ${JSON.stringify(outcomes)}`);
    expect(outcomes.filter((o) => o === 'ingested'), JSON.stringify(outcomes)).toHaveLength(1);
    for (const o of outcomes) {
      if (o !== 'ingested' && o !== 'reused') expect(o).toMatch(/^meetgraph: another ingest is running on \S+; try again when it has finished$/);
    }
    if (reference) expect(await fingerprint()).toEqual(reference);
  }, 1_800_000);

  it('keeps no transaction log that a checkpoint no longer needs: the graph is rebuilt from the notes, not from logs', async () => {
    if (!server) await start();
    // Neo4j's default keeps two days of them, which filled a development disk with 60 GB.
    const [setting] = await cypher<{ value: string }>(
      "SHOW SETTINGS YIELD name, value WHERE name = 'db.tx_log.rotation.retention_policy' RETURN value",
    );
    expect(setting?.value).toBe('false');
  });
});
