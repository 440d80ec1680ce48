/**
 * The JSON API end to end: a real server on a free port over the example notes (and the MirageOS
 * corpus), every endpoint checked against its own response schema, every error status, the
 * security headers, the token, the rate limit, path traversal and injection attempts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../src/server/api/index.js';
import { createApp } from '../../src/server/app.js';
import { ServerState } from '../../src/server/state.js';
import { SearchIndex } from '../../src/search/index.js';
import { savedSearchIndexKey } from '../../src/search/persist.js';
import { StoreError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/index.js';
import { neo4jConfigFromEnv } from '../../src/config.js';
import type { GraphStore } from '../../src/store/types.js';
import { DETAIL_DISCUSSIONS } from '../../src/store/types.js';
import { copyNotes, EXAMPLE_NOTES, fetchJson, listen, MIRAGE, rawGet, startTestServer, tempDir, type TestServer } from './support.js';

const schemaOf = (path: string) => {
  const route = apiRoutes.find((r) => r.path === path);
  if (!route) throw new Error(`no route ${path}`);
  return route.response;
};

/** Checks a 200 answer against the route's declared response schema. */
function expectShape(path: string, res: { status: number; body: unknown; text: string }) {
  expect(res.status, res.text).toBe(200);
  const parsed = schemaOf(path).safeParse(res.body);
  expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
}

describe('API over the example notes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ notesDir: EXAMPLE_NOTES });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('searches with operators, sort, pages and facets', async () => {
    const res = await server.get('/api/search?q=ledger&limit=2');
    expectShape('/search', res);
    expect(res.body.total).toBeGreaterThan(2);
    expect(res.body.hits).toHaveLength(2);
    expect(res.body.hits[0].snippet).toContain('<mark>');
    expect(res.body.facets.projects.map((f: { value: string }) => f.value)).toContain('Ledger');

    const page2 = await server.get('/api/search?q=ledger&limit=2&offset=2');
    expect(page2.body.hits[0].discussionId).not.toBe(res.body.hits[0].discussionId);

    const byDate = await server.get('/api/search?q=ledger&sort=date&limit=50');
    const dates = byDate.body.hits.map((h: { meeting: string }) => h.meeting);
    expect(dates).toEqual([...dates].sort().reverse());

    const narrowed = await server.get(`/api/search?q=${encodeURIComponent('ledger person:Marcus in:2024-01')}&limit=50`);
    expect(narrowed.body.total).toBeGreaterThan(0);
    expect(narrowed.body.total).toBeLessThan(res.body.total);
    for (const hit of narrowed.body.hits) {
      expect(hit.people).toContain('Marcus Oyelaran');
      expect(hit.meeting.startsWith('2024-01')).toBe(true);
    }

    const noFacets = await server.get('/api/search?q=ledger&facets=false');
    expect(noFacets.body.facets.people).toEqual([]);
  });

  it('answers a question with its interpretation, the query and links', async () => {
    const res = await server.get(`/api/ask?q=${encodeURIComponent('who discussed Ledger?')}`);
    expectShape('/ask', res);
    expect(res.body.kind).toBe('people');
    expect(res.body.query.name).toBe('discussions');
    expect(res.body.query.cypher).toMatch(/MATCH/);
    for (const item of res.body.items) expect(res.body.links.people[item.name]).toBeTruthy();

    const none = await server.get(`/api/ask?q=${encodeURIComponent('what is the airspeed of a swallow')}`);
    expect(none.status).toBe(200);
    expect(none.body.kind).toBe('none');
  });

  it('lists discussions by person, project and dates', async () => {
    const all = await server.get('/api/discussions');
    expectShape('/discussions', all);
    const marcus = await server.get('/api/discussions?person=Marcus&project=ledger&from=2024-01&to=2024-01-31');
    expectShape('/discussions', marcus);
    expect(marcus.body.total).toBeGreaterThan(0);
    expect(marcus.body.total).toBeLessThan(all.body.total);
    for (const d of marcus.body.items) {
      expect(d.people).toContain('Marcus Oyelaran');
      expect(d.projects).toContain('Ledger');
      expect(d.meeting.startsWith('2024-01')).toBe(true);
    }
    const paged = await server.get('/api/discussions?limit=1&offset=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.items[0].discussionId).toBe(all.body.items[1].discussionId);
    expect(paged.body.total).toBe(all.body.total);
    const past = await server.get(`/api/discussions?offset=${all.body.total + 5}`);
    expect(past.body).toMatchObject({ total: all.body.total, items: [] });
    const none = await server.get('/api/discussions?limit=0');
    expect(none.body).toMatchObject({ total: all.body.total, items: [] });
  });

  it('pages meetings and actions with the total of the whole list', async () => {
    for (const list of ['/api/meetings', '/api/actions', '/api/actions?status=todo']) {
      const all = await server.get(list);
      expect(all.body.total, list).toBe(all.body.items.length);
      expect(all.body.total, list).toBeGreaterThan(2);
      const join = list.includes('?') ? '&' : '?';
      const page = await server.get(`${list}${join}offset=1&limit=2`);
      expect(page.body, list).toEqual({ total: all.body.total, offset: 1, limit: 2, items: all.body.items.slice(1, 3) });
    }
  });

  it('lists meetings and shows one with discussions, attendees and evidence', async () => {
    const list = await server.get('/api/meetings');
    expectShape('/meetings', list);
    expect(list.body.items.map((m: { meetingId: string }) => m.meetingId)).toEqual(['2024-01-09', '2024-01-23', '2024-02-06', '2024-02-20']);
    const attended = await server.get('/api/meetings?attendee=Wen');
    expect(attended.body.total).toBeGreaterThan(0);
    expect(attended.body.total).toBeLessThanOrEqual(list.body.total);

    const res = await server.get('/api/meetings/2024-01-09');
    expectShape('/meetings/:id', res);
    const m = res.body;
    expect(m.title).toMatch(/Platform sync/);
    expect(m.attendees.map((a: { name: string }) => a.name)).toContain('Priya Raman');
    const ledger = m.discussions.find((d: { heading: string }) => /Ledger migration/.test(d.heading));
    expect(ledger.text).toMatch(/Postgres cluster/);
    expect(ledger.blocks.length).toBeGreaterThan(0);
    const marcus = ledger.people.find((p: { name: string }) => p.name === 'Marcus Oyelaran');
    expect(marcus.evidence.file).toBe('2024-01-09.md');
    expect(marcus.evidence.sentence).toMatch(/Marcus/);
    expect(ledger.projects.map((p: { name: string }) => p.name)).toContain('Ledger');
    expect(m.next.id).toBe('2024-01-23');
    expect(m.previous).toBeNull();
  });

  it('lists people and projects with aliases and shows their pages', async () => {
    const people = await server.get('/api/people');
    expectShape('/people', people);
    const marcus = people.body.items.find((p: { name: string }) => p.name === 'Marcus Oyelaran');
    expect(marcus.aliases).toContain('MarcusO');
    expect(marcus.discussions).toBeGreaterThan(0);

    const page = await server.get(`/api/people/${marcus.id}`);
    expectShape('/people/:id', page);
    expect(page.body.projects.map((p: { name: string }) => p.name)).toContain('Ledger');
    // The page counts every discussion, per month and in all, and lists the newest, newest first.
    const theirs = await server.get(`/api/discussions?person=${marcus.id}&limit=1000`);
    expect(page.body.discussionCount).toBe(theirs.body.total);
    expect(page.body.activity.reduce((n: number, a: { discussions: number }) => n + a.discussions, 0)).toBe(theirs.body.total);
    expect(page.body.discussions).toEqual(theirs.body.items.slice(-DETAIL_DISCUSSIONS).reverse());
    const byAlias = await server.get('/api/people/MarcusO');
    expect(byAlias.body.id).toBe(marcus.id);

    const projects = await server.get('/api/projects');
    expectShape('/projects', projects);
    const project = await server.get('/api/projects/ledger');
    expectShape('/projects/:id', project);
    expect(project.body.people.map((p: { name: string }) => p.name)).toContain('Marcus Oyelaran');
    const aboutLedger = await server.get('/api/discussions?project=ledger&limit=1000');
    expect(project.body.discussionCount).toBe(aboutLedger.body.total);
    expect(project.body.perMonth.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(aboutLedger.body.total);
    expect(project.body.discussions).toEqual(aboutLedger.body.items.slice(-DETAIL_DISCUSSIONS).reverse());
  });

  it('lists action items by owner and status', async () => {
    const all = await server.get('/api/actions');
    expectShape('/actions', all);
    expect(all.body.total).toBeGreaterThan(0);
    const todo = await server.get('/api/actions?status=todo&person=Marcus');
    expectShape('/actions', todo);
    for (const a of todo.body.items) {
      expect(a.status).toBe('todo');
      expect(a.person).toBe('Marcus Oyelaran');
    }
  });

  it('lists the action items raised in the discussions about a project', async () => {
    const inLedger = await server.get('/api/actions?discussionProject=ledger&limit=1000');
    expectShape('/actions', inLedger);
    expect(inLedger.body.total).toBeGreaterThan(0);
    expect(inLedger.body.total).toBeLessThan((await server.get('/api/actions')).body.total);
    const ledgerDiscussions = await server.get('/api/discussions?project=ledger&limit=1000');
    const ids = new Set(ledgerDiscussions.body.items.map((d: { discussionId: string }) => d.discussionId));
    for (const a of inLedger.body.items) expect(ids.has(a.discussionId), a.task).toBe(true);
  });

  it('gives the graph for drawing, around a center and within dates', async () => {
    const all = await server.get('/api/graph');
    expectShape('/graph', all);
    expect(all.body.nodes.length).toBeGreaterThan(2);
    const around = await server.get('/api/graph?center=ledger&from=2024-01&to=2024-02&limit=5');
    expectShape('/graph', around);
    expect(around.body.center).toBe('ledger');
    expect(around.body.nodes.length).toBeLessThanOrEqual(5);
    expect(around.body.nodes.map((n: { id: string }) => n.id)).toContain('ledger');
  });

  it('reports stats, health and curation', async () => {
    const stats = await server.get('/api/stats');
    expectShape('/stats', stats);
    expect(stats.body.meetings).toBe(4);
    const health = await server.get('/api/health');
    expectShape('/health', health);
    expect(health.body.status).toBe('ok');
    expect(health.body.store.kind).toBe('embedded');
    expect(health.body.lastIngest.finishedAt).toBeTruthy();
    expect(health.body.counts.meetings).toBe(4);
    const curation = await server.get('/api/curation');
    expectShape('/curation', curation);
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const res = await server.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of apiRoutes) {
      const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(doc.paths[path]?.get, path).toBeTruthy();
      expect(doc.paths[path].get.responses['200']).toBeTruthy();
    }
    const search = doc.paths['/api/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['facets', 'limit', 'offset', 'q', 'sort']);
    expect(doc.paths['/api/meetings/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.components.schemas.SearchResponse).toBeTruthy();
    expect(doc.components.schemas.Error).toBeTruthy();
  });

  describe('errors', () => {
    const cases: Array<[string, number, string | undefined]> = [
      ['/api/search?limit=abc', 400, 'limit'],
      ['/api/search?limit=1000', 400, 'limit'],
      ['/api/search?offset=-1', 400, 'offset'],
      ['/api/search?sort=random', 400, 'sort'],
      ['/api/search?facets=maybe', 400, 'facets'],
      ['/api/search?q=a&q=b', 400, 'q'],
      ['/api/search?colour=blue', 400, 'colour'],
      ['/api/search?q=colour%3Ablue', 400, 'colour'],
      ['/api/search?q=after%3A2024-13', 400, 'after'],
      ['/api/search?q=person%3ANobodyAtAll', 400, 'person'],
      ['/api/ask', 400, 'q'],
      ['/api/ask?q=', 400, 'q'],
      ['/api/discussions?from=2024-02-30', 400, 'from'],
      ['/api/discussions?to=yesterday', 400, 'to'],
      ['/api/actions?status=finished', 400, 'status'],
      ['/api/actions?discussionProject=no-such-project', 404, 'discussionProject'],
      ['/api/graph?limit=0', 400, 'limit'],
      ['/api/stats?x=1', 400, 'x'],
      ['/api/people/nobody-at-all', 404, 'id'],
      ['/api/projects/no-such-project', 404, 'id'],
      ['/api/meetings/1999-01-01', 404, 'id'],
      ['/api/discussions?person=Nobody%20At%20All', 404, 'person'],
      ['/api/graph?center=nothing-here', 404, 'center'],
      ['/api/no-such-endpoint', 404, undefined],
    ];
    for (const [path, status, field] of cases) {
      it(`${path} → ${status}${field ? ` (${field})` : ''}`, async () => {
        const res = await server.get(path);
        expect(res.status, res.text).toBe(status);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        expect(typeof res.body.error).toBe('string');
        expect(res.body.error.length).toBeGreaterThan(3);
        if (field) expect(res.body.field).toBe(field);
        expect(res.text).not.toMatch(/\n\s+at /);
      });
    }

    it('answers 413 to an oversized request', async () => {
      const res = await server.get(`/api/search?q=${'a'.repeat(6000)}`);
      expect(res.status).toBe(413);
      expect(res.body.error).toMatch(/too large|longer/);
      const body = await server.get('/api/search', { method: 'POST', body: 'x'.repeat(20_000), headers: { 'content-type': 'text/plain' } });
      expect(body.status).toBe(413);
    });
  });

  it('sets security headers with a strict CSP, and compresses', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await server.get(path, { headers: { 'accept-encoding': 'gzip' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toMatch(/https?:/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    const big = await fetch(`${server.url}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(big.headers.get('content-encoding')).toBe('gzip');
  });

  it('serves the pages and the allow-listed vendor files, nothing else', async () => {
    const index = await server.get('/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<script type="module" src="/js/app.js">');
    expect(index.text).not.toMatch(/<script>(?!<)/);
    const cyto = await server.get('/vendor/cytoscape.esm.min.mjs');
    expect(cyto.status).toBe(200);
    expect(cyto.headers.get('content-type')).toMatch(/javascript/);
    expect((await server.get('/vendor/chart.umd.min.js')).status).toBe(200);
    expect((await server.get('/vendor/chart.js')).status).toBe(404);
    expect((await server.get('/vendor/package.json')).status).toBe(404);

    const attempts = [
      '/../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/css/..%2f..%2fpackage.json',
      '/js/%2e%2e/%2e%2e/package.json',
      '/vendor/..%2f..%2fpackage.json',
      '/vendor/%2e%2e%2fpackage.json',
      '/....//....//etc/passwd',
      '/%5c..%5c..%5cpackage.json',
      '/.meetgraph/graph.json',
      '/../src/server/app.ts',
      '/index.html%00.js',
    ];
    for (const target of attempts) {
      const res = await rawGet(server.url, target);
      expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.body, target).not.toMatch(/root:|"name": "meetgraph"|createApp/);
    }
  });

  it('treats injection attempts in every parameter as plain values and leaves the graph unchanged', async () => {
    const before = (await server.get('/api/stats')).body;
    const attacks = [
      "'}) MATCH (n) DETACH DELETE n //",
      '" OR 1=1 --',
      '`) CALL db.clearQueryCaches() //',
      '<script>alert(1)</script>',
      '../../etc/passwd',
      '${process.exit()}',
      '\u0000',
    ];
    for (const route of apiRoutes) {
      const keys = Object.keys(route.query?.shape ?? {});
      for (const attack of attacks) {
        for (const key of keys) {
          const res = await server.get(`/api${route.path.replace(':id', 'x')}?${new URLSearchParams({ [key]: attack })}`);
          expect([200, 400, 404], `${route.path} ${key}=${attack}: ${res.text}`).toContain(res.status);
          expect(res.text).not.toMatch(/\n\s+at /);
        }
        if (route.params) {
          const res = await server.get(`/api${route.path.replace(':id', encodeURIComponent(attack))}`);
          expect([400, 404], `${route.path} id=${attack}: ${res.text}`).toContain(res.status);
        }
      }
    }
    const after = (await server.get('/api/stats')).body;
    expect(after).toEqual(before);
  });

  it('requires the token when one is set (header or ?token=)', async () => {
    const app = createApp(server.state, { token: 's3cret-token', log: () => undefined });
    const guarded = await listen(app);
    try {
      const none = await fetchJson(guarded.url, '/api/health');
      expect(none.status).toBe(401);
      expect(none.body.field).toBe('token');
      expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
      const wrong = await fetchJson(guarded.url, '/api/health', { headers: { Authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const header = await fetchJson(guarded.url, '/api/search?q=ledger', { headers: { Authorization: 'Bearer s3cret-token' } });
      expect(header.status).toBe(200);
      const query = await fetchJson(guarded.url, '/api/search?q=ledger&token=s3cret-token');
      expect(query.status).toBe(200);
      expect((await fetchJson(guarded.url, '/api/openapi.json')).status).toBe(401);
      // The pages themselves hold no data and load without it.
      expect((await fetchJson(guarded.url, '/')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('rate-limits the API', async () => {
    const limited = await listen(createApp(server.state, { rateLimit: { limit: 3, windowMs: 60_000 }, log: () => undefined }));
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetchJson(limited.url, '/api/health')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await fetchJson(limited.url, '/api/stats');
      expect(res.body.error).toMatch(/too many/);
      // Pages are not counted.
      expect((await fetchJson(limited.url, '/')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('API when the store fails', () => {
  it('answers 500 without details when a query fails unexpectedly', async () => {
    const data = tempDir('data');
    const logged: string[] = [];
    const state = new ServerState(
      { notesDir: EXAMPLE_NOTES, dataDir: data.dir },
      {
        kind: 'embedded',
        open: async () => failing(await openStore({ dataDir: data.dir, neo4j: null }), new Error('disk exploded at /secret/path/x.json')),
      },
    );
    try {
      await state.storeLink.connect();
      await state.ingest();
      const app = await listen(createApp(state, { log: (line) => logged.push(line) }));
      try {
        const res = await fetchJson(app.url, '/api/stats');
        expect(res.status).toBe(500);
        expect(res.body).toEqual({ error: 'internal error' });
        expect(res.text).not.toMatch(/secret|exploded|\bat\b.*\.ts/);
        expect(logged.join('\n')).toMatch(/disk exploded/);
        // What does not need the store still answers.
        expect((await fetchJson(app.url, '/api/search?q=ledger')).status).toBe(200);
      } finally {
        await app.close();
      }
    } finally {
      await state.close();
      data.cleanup();
    }
  });

  it('keeps serving when the graph database is unreachable: 503 for queries, health degraded, search works', async () => {
    const data = tempDir('data');
    let reachable = false;
    const state = new ServerState(
      { notesDir: EXAMPLE_NOTES, dataDir: data.dir },
      {
        kind: 'neo4j',
        open: async () => {
          if (!reachable) throw new StoreError('cannot reach Neo4j at bolt://127.0.0.1:9', 'unreachable');
          return openStore({ dataDir: data.dir, neo4j: null });
        },
      },
    );
    try {
      expect(await state.storeLink.connect()).toBe(false);
      await state.ingest();
      const app = await listen(createApp(state, { log: () => undefined }));
      try {
        const stats = await fetchJson(app.url, '/api/stats');
        expect(stats.status).toBe(503);
        expect(stats.body.error).toMatch(/unavailable/);
        expect((await fetchJson(app.url, `/api/ask?q=${encodeURIComponent('who discussed Ledger?')}`)).status).toBe(503);
        const health = await fetchJson(app.url, '/api/health');
        expect(health.status).toBe(200);
        expect(health.body.status).toBe('degraded');
        expect(health.body.store).toMatchObject({ kind: 'neo4j', state: 'degraded' });
        expect(health.body.store.error).toMatch(/cannot reach/);
        const search = await fetchJson(app.url, '/api/search?q=ledger');
        expect(search.status).toBe(200);
        expect(search.body.total).toBeGreaterThan(0);
        expect((await fetchJson(app.url, '/api/meetings/2024-01-09')).status).toBe(200);

        // The database comes back: the next attempt opens it, loads the graph, and queries answer.
        reachable = true;
        expect(await state.storeLink.connect()).toBe(true);
        const back = await fetchJson(app.url, '/api/stats');
        expect(back.status).toBe(200);
        expect(back.body.meetings).toBe(4);
        expect((await fetchJson(app.url, '/api/health')).body.status).toBe('ok');
      } finally {
        await app.close();
      }
    } finally {
      await state.close();
      data.cleanup();
    }
  });

  it('reloads the graph into a store that failed during an ingest, once it answers again', async () => {
    const data = tempDir('data');
    let failLoads = 1;
    const state = new ServerState(
      { notesDir: EXAMPLE_NOTES, dataDir: data.dir },
      {
        kind: 'neo4j',
        open: async () => {
          const store = await openStore({ dataDir: data.dir, neo4j: null });
          return new Proxy(store, {
            get(target, prop, receiver) {
              const value = Reflect.get(target, prop, receiver);
              if (prop !== 'load') return typeof value === 'function' ? value.bind(target) : value;
              return async (graph: Parameters<GraphStore['load']>[0]) => {
                if (failLoads-- > 0) throw new StoreError('connection to Neo4j lost', 'unreachable');
                return target.load(graph);
              };
            },
          });
        },
      },
    );
    try {
      await state.storeLink.connect();
      await state.ingest();
      const app = await listen(createApp(state, { log: () => undefined }));
      try {
        // Search answers at once from the new graph; the store catches up in the background.
        expect((await fetchJson(app.url, '/api/search?q=ledger')).body.total).toBeGreaterThan(0);
        const started = Date.now();
        let stats = await fetchJson(app.url, '/api/stats');
        while (stats.body.meetings !== 4 && Date.now() - started < 10_000) {
          await new Promise((r) => setTimeout(r, 100));
          stats = await fetchJson(app.url, '/api/stats');
        }
        expect(stats.body.meetings).toBe(4);
        expect((await fetchJson(app.url, '/api/health')).body.status).toBe('ok');
      } finally {
        await app.close();
      }
    } finally {
      await state.close();
      data.cleanup();
    }
  });

  it('starts against a real Neo4j address that refuses connections, and reports it', async () => {
    let server: TestServer | undefined;
    try {
      server = await startTestServer({
        notesDir: EXAMPLE_NOTES,
        neo4j: { uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'unused', database: 'neo4j' },
      });
      const health = await server.get('/api/health');
      expect(health.body.status).toBe('degraded');
      expect(health.body.store.kind).toBe('neo4j');
      expect(health.body.store.error).toMatch(/127\.0\.0\.1:9/);
      expect((await server.get('/api/discussions')).status).toBe(503);
      expect((await server.get('/api/search?q=ledger')).body.total).toBeGreaterThan(0);
    } finally {
      await server?.close();
    }
  });
});

describe.runIf(Boolean(process.env.NEO4J_URI))('API over Neo4j answers as over the embedded store', () => {
  let embedded: TestServer;
  let neo4j: TestServer;
  beforeAll(async () => {
    embedded = await startTestServer({ notesDir: EXAMPLE_NOTES });
    neo4j = await startTestServer({ notesDir: EXAMPLE_NOTES, neo4j: neo4jConfigFromEnv() });
  });
  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  it('reports the Neo4j store as healthy', async () => {
    const health = await neo4j.get('/api/health');
    expect(health.body, health.body.store.error).toMatchObject({ status: 'ok', store: { kind: 'neo4j', state: 'ok' } });
  });

  const paths = [
    '/api/stats',
    '/api/discussions?person=Marcus',
    '/api/discussions?project=ledger&from=2024-01',
    '/api/discussions?offset=3&limit=4',
    '/api/meetings?attendee=Wen',
    '/api/meetings?offset=1&limit=2',
    '/api/actions?offset=2&limit=3',
    '/api/people/marcus-oyelaran',
    '/api/projects/beacon',
    '/api/actions?status=todo',
    '/api/graph?limit=10',
    '/api/graph?center=ledger',
    `/api/ask?q=${encodeURIComponent('who discussed Ledger?')}`,
    `/api/ask?q=${encodeURIComponent('how many meetings per month?')}`,
  ];
  for (const path of paths) {
    it(path, async () => {
      const [a, b] = await Promise.all([embedded.get(path), neo4j.get(path)]);
      expect(b.status, b.text).toBe(200);
      expect(b.body).toEqual(a.body);
    });
  }
});

const corpusPresent = existsSync(MIRAGE.notesDir);

describe.runIf(corpusPresent || process.env.CI === 'true')('API over the MirageOS corpus', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(MIRAGE);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('finds Irmin discussions with ThomasG and agrees with the ask endpoint', async () => {
    const search = await server.get(`/api/search?q=${encodeURIComponent('project:Irmin person:ThomasG')}&limit=100`);
    expectShape('/search', search);
    expect(search.body.total).toBeGreaterThan(5);
    for (const hit of search.body.hits) {
      expect(hit.projects).toContain('Irmin');
      expect(hit.people).toContain('Thomas Gazagnaire');
    }
    const ask = await server.get(`/api/ask?q=${encodeURIComponent('every Irmin discussion involving ThomasG')}`);
    expectShape('/ask', ask);
    expect(ask.body.kind).toBe('discussions');
    expect(ask.body.items.length).toBeGreaterThan(5);
    for (const item of ask.body.items) {
      expect(item.projects).toContain('Irmin');
      expect(item.people).toContain('Thomas Gazagnaire');
      expect(item.discussionId).toBeTruthy();
    }
  });

  it('reports ambiguous mentions with places and the YAML to settle them', async () => {
    const res = await server.get('/api/curation');
    expectShape('/curation', res);
    for (const g of res.body.ambiguous) {
      expect(g.candidates.length, g.mention).toBeGreaterThan(1);
      expect(g.places[0].file).toMatch(/\.md$/);
      expect(res.body.peopleYaml).toContain(`"${g.mention}"`);
    }
    for (const c of res.body.projectCandidates) expect(res.body.projectsYaml).toContain(c.name);
  });

  it('answers every list and detail endpoint with its schema', async () => {
    const people = (await server.get('/api/people')).body.items;
    const projects = (await server.get('/api/projects')).body.items;
    const meetings = (await server.get('/api/meetings?limit=1000')).body.items;
    for (const p of people.slice(0, 10)) expectShape('/people/:id', await server.get(`/api/people/${encodeURIComponent(p.id)}`));
    for (const p of projects.slice(0, 10)) expectShape('/projects/:id', await server.get(`/api/projects/${encodeURIComponent(p.id)}`));
    for (const m of meetings) expectShape('/meetings/:id', await server.get(`/api/meetings/${encodeURIComponent(m.meetingId)}`));
    expectShape('/graph', await server.get('/api/graph?limit=300'));
  });
});

/** A store whose queries all fail with `error` (loading still works). */
function failing(store: GraphStore, error: Error): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (['load', 'close', 'snapshot'].includes(String(prop))) return value.bind(target);
      return async () => {
        throw error;
      };
    },
  });
}

describe('the first ingest of a server', () => {
  it.each(['neo4j', 'embedded'] as const)("builds the search index a slice at a time, beside a database's load but after the embedded store's (%s), and serves and saves it", async (kind) => {
    const data = tempDir('data');
    // A database's load is held until the index is built (or, one after the other, 2 s).
    const events: string[] = [];
    let indexBuilt = (): void => {};
    const built = new Promise<void>((resolve) => (indexBuilt = resolve));
    let loadWaitedOut = false;
    const original = SearchIndex.prototype.updateInSlices;
    const spy = vi.spyOn(SearchIndex.prototype, 'updateInSlices').mockImplementation(async function (this: SearchIndex, ...args) {
      const update = await original.apply(this, args);
      events.push('indexed');
      indexBuilt();
      return update;
    });
    const state = new ServerState(
      { notesDir: EXAMPLE_NOTES, dataDir: data.dir, indexSaveDelayMs: 0 },
      {
        kind,
        open: async () => {
          const store = await openStore({ dataDir: data.dir, neo4j: null });
          return new Proxy(store, {
            get(target, prop, receiver) {
              if (prop === 'kind') return kind;
              const value = Reflect.get(target, prop, receiver);
              if (prop !== 'load') return typeof value === 'function' ? value.bind(target) : value;
              return async (...args: Parameters<GraphStore['load']>) => {
                if (kind === 'neo4j') await Promise.race([built, new Promise((resolve) => setTimeout(resolve, 2000)).then(() => (loadWaitedOut = true))]);
                const loaded = await target.load(...args);
                events.push('loaded');
                return loaded;
              };
            },
          });
        },
      },
    );
    try {
      await state.storeLink.connect();
      await state.ingest();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(loadWaitedOut).toBe(false);
      expect(events).toEqual(kind === 'neo4j' ? ['indexed', 'loaded'] : ['loaded', 'indexed']);
      const app = await listen(createApp(state, { log: () => undefined }));
      try {
        expect((await fetchJson(app.url, '/api/search?q=ledger')).body.total).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
      await state.close();

      // Saved with its graph's key: a restart over the same data takes it as it is.
      expect(await savedSearchIndexKey(data.dir)).toMatch(/^[0-9a-f]+$/);
      const restarted = new ServerState({ notesDir: EXAMPLE_NOTES, dataDir: data.dir }, { kind: 'embedded', open: () => openStore({ dataDir: data.dir, neo4j: null }) });
      try {
        await restarted.storeLink.connect();
        await restarted.ingest();
        expect(spy).toHaveBeenCalledTimes(1);
        expect(restarted.search.search('ledger').total).toBeGreaterThan(0);
      } finally {
        await restarted.close();
      }
    } finally {
      spy.mockRestore();
      await state.close();
      data.cleanup();
    }
  });

  it('a re-ingest that touches many meetings answers searches while the index catches up, a slice at a time', async () => {
    const notes = copyNotes(EXAMPLE_NOTES);
    const data = tempDir('data');
    const peopleFile = path.join(notes.dir, 'people.yml');
    const state = new ServerState(
      { notesDir: notes.dir, dataDir: data.dir, peopleFile, projectsFile: path.join(notes.dir, 'projects.yml') },
      { kind: 'embedded', open: () => openStore({ dataDir: data.dir, neo4j: null }) },
    );
    // Slices of no length (the event loop turns after every meeting); searches run at every turn.
    const original = SearchIndex.prototype.updateInSlices;
    let updating = false;
    const spy = vi.spyOn(SearchIndex.prototype, 'updateInSlices').mockImplementation(async function (this: SearchIndex, graph, changes) {
      updating = true;
      try {
        return await original.call(this, graph, changes, { sliceMs: 0 });
      } finally {
        updating = false;
      }
    });
    const seenWhileUpdating: number[] = [];
    let searching: NodeJS.Immediate | undefined;
    try {
      await state.storeLink.connect();
      await state.ingest();
      const priyaDiscussions = state.search.search('person:priya').total;
      expect(priyaDiscussions).toBeGreaterThan(1);
      expect(state.search.search('zedpriya').total).toBe(0);

      // A new alias for Priya: every meeting that names her is indexed again.
      writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace('aliases: [Priya]', 'aliases: [Priya, Zedpriya]'));
      const search = () => {
        if (updating) seenWhileUpdating.push(state.search.search('zedpriya').total);
        searching = setImmediate(search);
      };
      search();
      await state.ingest();
      expect(spy).toHaveBeenCalledTimes(2);
      expect(seenWhileUpdating.length).toBeGreaterThan(1);
      expect(seenWhileUpdating.some((total) => total < priyaDiscussions)).toBe(true);
      expect(state.search.search('zedpriya').total).toBe(priyaDiscussions);
    } finally {
      if (searching) clearImmediate(searching);
      spy.mockRestore();
      await state.close();
      data.cleanup();
      notes.cleanup();
    }
  });
});
