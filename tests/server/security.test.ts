/**
 * Security settings as a user meets them through `meetgraph serve`: the loopback-only default
 * address, the read-only `MEETGRAPH_TOKEN`, the rate limit and its setting
 * (`MEETGRAPH_RATE_LIMIT`, `--rate-limit`), the security headers on every kind of answer, and the
 * Neo4j store reading through READ sessions, which the server refuses to write through.
 * (`api.test.ts` checks the token and the rate limit on an app built in-process.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver, SessionConfig } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/api/index.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { smallGraph } from '../fixtures/small-graph.js';
import { describeNeo4j, neo4jTestConfig, openTestDriver } from '../support/neo4j.js';
import { childEnv, REPO, runCli, startCli, waitFor, type CliRun } from '../support/processes.js';
import { emptyNeo4j } from '../store/empty-neo4j.js';

const EXAMPLES = path.join(REPO, 'examples/notes');

/** `meetgraph serve` on a free port over the example notes, with the embedded store. */
async function serve(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ url: string; run: CliRun; stop: () => Promise<void> }> {
  const data = mkdtempSync(path.join(tmpdir(), 'meetgraph-security-'));
  const run = startCli(['--data', data, 'serve', '--notes', EXAMPLES, '--port', '0', ...extraArgs], childEnv(null, env));
  const url = await waitFor('the server to listen', async () => /serving on (http:\/\/[^\s]+)/.exec(run.stdout())?.[1], 120_000);
  return {
    url,
    run,
    stop: async () => {
      run.child.kill('SIGTERM');
      await run.exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}

describe('meetgraph serve, default settings', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('listens on 127.0.0.1 only unless --host says otherwise, and does not warn', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.run.stdout()).not.toMatch(/all addresses|reachable from the network/);
  });

  it('sets the security headers and the Content Security Policy on every kind of answer', async () => {
    const targets = [
      '/', // page
      '/js/app.js', // static script
      '/vendor/chart.umd.min.js', // allow-listed vendor file
      '/no-such-page', // page 404
      '/api/stats', // API 200
      '/api/search?limit=abc', // API 400
      '/api/people/nobody-at-all', // API 404
      `/api/search?q=${'a'.repeat(5000)}`, // API 413
    ];
    for (const url of targets) {
      const res = await fetch(server.url + url);
      const target = url.slice(0, 60);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, target).toContain("default-src 'self'");
      expect(csp, target).toContain("script-src 'self'");
      expect(csp, target).toContain("frame-ancestors 'none'");
      expect(csp, target).toContain("object-src 'none'");
      expect(csp, target).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(res.headers.get('x-content-type-options'), target).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), target).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), target).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), target).toBe('same-origin');
      expect(res.headers.get('x-powered-by'), target).toBeNull();
      // API answers are never cached (413 is refused before the route's headers are set, and is not cacheable).
      if (target.startsWith('/api') && res.status !== 413) expect(res.headers.get('cache-control'), target).toBe('no-store');
    }
  });

  it('rate-limits the API at 600 requests a minute per client, with the standard headers', async () => {
    const first = await fetch(`${server.url}/api/health`);
    expect(first.headers.get('ratelimit-policy')).toMatch(/^600;w=60/);
  });
});

describe('meetgraph serve with MEETGRAPH_TOKEN', () => {
  const TOKEN = 'read-only-token-for-tests';
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve([], { MEETGRAPH_TOKEN: TOKEN });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('says so when it starts', () => {
    expect(server.run.stdout()).toMatch(/API requests need the token \(MEETGRAPH_TOKEN\)/);
  });

  it('answers the API only with the token (header or ?token=), and the pages without it', async () => {
    for (const route of apiRoutes) {
      const target = `/api${route.path.replace(':id', 'ledger')}`;
      const none = await fetch(server.url + target);
      expect(none.status, target).toBe(401);
      expect((await none.json()).field).toBe('token');
      expect((await fetch(server.url + target, { headers: { Authorization: 'Bearer wrong' } })).status, target).toBe(401);
      expect((await fetch(server.url + target, { headers: { Authorization: `Bearer ${TOKEN}x` } })).status, target).toBe(401);
      expect((await fetch(server.url + target, { headers: { Authorization: `Bearer ${TOKEN}` } })).status, target).not.toBe(401);
    }
    expect((await fetch(`${server.url}/api/stats?token=${TOKEN}`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('grants reading only: no method but GET reaches an endpoint, and the graph is unchanged', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const before = await (await fetch(`${server.url}/api/stats`, { headers: auth })).json();
    for (const route of apiRoutes) {
      const target = `/api${route.path.replace(':id', 'ledger')}`;
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await fetch(server.url + target, { method, headers: { ...auth, 'content-type': 'application/json' }, body: '{"cypher":"MATCH (n) DETACH DELETE n"}' });
        expect(res.status, `${method} ${target}`).toBe(404);
        expect((await res.json()).error).toMatch(/no API endpoint/);
      }
    }
    expect(await (await fetch(`${server.url}/api/stats`, { headers: auth })).json()).toEqual(before);
  });
});

describe('the rate limit setting', () => {
  it('MEETGRAPH_RATE_LIMIT sets the API requests a minute per client; beyond them 429 in JSON', async () => {
    const server = await serve([], { MEETGRAPH_RATE_LIMIT: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await fetch(`${server.url}/api/stats`);
      expect(limited.headers.get('content-type')).toMatch(/application\/json/);
      expect((await limited.json()).error).toMatch(/too many requests/);
      expect(limited.headers.get('ratelimit-policy')).toMatch(/^5;w=60/);
      expect((await fetch(`${server.url}/`)).status).toBe(200); // pages are not counted
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('--rate-limit overrides it', async () => {
    const server = await serve(['--rate-limit', '2'], { MEETGRAPH_RATE_LIMIT: '1000' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('refuses a value that is not a number of requests, in one line', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'meetgraph-security-'));
    try {
      const env = await runCli(['--data', data, 'serve', '--notes', EXAMPLES, '--port', '0'], childEnv(null, { MEETGRAPH_RATE_LIMIT: 'lots' }), 120_000);
      expect(env.code).toBe(1);
      expect(env.stderr.trim()).toBe('meetgraph: MEETGRAPH_RATE_LIMIT: must be a whole number of requests a minute, at least 1, not "lots"');
      const flag = await runCli(['--data', data, 'serve', '--notes', EXAMPLES, '--port', '0', '--rate-limit', '0'], childEnv(null), 120_000);
      expect(flag.code).not.toBe(0);
      expect(flag.stderr).toMatch(/option '--rate-limit <n>' argument '0' is invalid\. must be a whole number of requests a minute/);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 240_000);
});

describeNeo4j('Neo4j reads go through READ sessions', () => {
  let store: Neo4jStore;
  let driver: Driver;
  const sessions: Array<{ mode: string | undefined; during: string }> = [];
  let during = 'load';

  beforeAll(async () => {
    await emptyNeo4j();
    store = await Neo4jStore.open(neo4jTestConfig());
    await store.load(smallGraph());
    // What the store starts in the background when it opens (planning the load statements, then
    // a change's statements run once in a transaction it rolls back) writes, and is done first.
    await (store as unknown as { planning: Promise<void> }).planning;
    // Watch every session the store opens from here on, and what it was doing.
    driver = (store as unknown as { driver: Driver }).driver;
    const open = driver.session.bind(driver);
    driver.session = ((config?: SessionConfig) => {
      sessions.push({ mode: config?.defaultAccessMode, during });
      return open(config);
    }) as Driver['session'];
  }, 180_000);
  afterAll(async () => {
    await store?.close();
  });

  it('every named query and the snapshot open READ sessions only', async () => {
    const g = smallGraph();
    const reads: Record<string, () => Promise<unknown>> = {
      discussions: () => store.discussions({}),
      meetings: () => store.meetings({}),
      attendees: () => store.attendees(g.meetings[0].id),
      person: () => store.person(g.people[0].id),
      project: () => store.project(g.projects[0].id),
      actions: () => store.actions({}),
      neighbourhood: () => store.neighbourhood({ limit: 10 }),
      coAttendance: () => store.coAttendance({}),
      stats: () => store.stats(),
      snapshot: () => store.snapshot(),
    };
    for (const [name, read] of Object.entries(reads)) {
      during = name;
      await read();
    }
    const byRead = sessions.filter((s) => s.during !== 'load');
    expect(new Set(byRead.map((s) => s.during))).toEqual(new Set(Object.keys(reads)));
    for (const s of byRead) expect(s.mode, s.during).toBe('READ');
  });

  it('a READ session, as the store opens them, refuses a write', async () => {
    const test = openTestDriver();
    try {
      const session = test.session({ defaultAccessMode: 'READ', database: neo4jTestConfig().database });
      try {
        await expect(session.run('MATCH (n) DETACH DELETE n')).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
        await expect(session.executeRead((tx) => tx.run("CREATE (:Intruder {name: 'x'})"))).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
      } finally {
        await session.close();
      }
      expect((await store.stats()).meetings).toBe(smallGraph().meetings.length);
    } finally {
      await test.close();
    }
  });
});
