/**
 * HTTP fuzzing with generated inputs (fast-check): every API endpoint gets wrong types, huge
 * values, injection strings, malformed percent-encoding, unknown and repeated parameters, and odd
 * methods; every answer must be JSON with a 2xx or 4xx status — never a 5xx — and the graph must
 * be the same afterwards. The page server gets traversal attempts (encoded, double-encoded,
 * backslashes, absolute paths): nothing outside `web/` (and the allow-listed vendor files) is ever
 * served. Runs over the embedded store and, when there is one, over a real Neo4j.
 * (`api.test.ts` checks each endpoint's answers and a fixed list of attacks.)
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/api/index.js';
import { WEB_DIR } from '../../src/server/static-files.js';
import { describeNeo4j, neo4jTestConfig, openTestDriver } from '../support/neo4j.js';
import { EXAMPLE_NOTES, startTestServer, tempDir, type TestServer } from './support.js';

/** Strings that mean something to Cypher, HTML, shells, paths, templates or parsers. */
const INJECTIONS = [
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) CALL db.clearQueryCaches() //',
  "' OR 1=1 --",
  '$where: 1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '${process.exit()}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  'person:',
  'project:"',
  'after:9999-99-99 before:0000-00-00 in:',
  '-',
  '"',
  '*',
  '(?:a+)+$',
];

/** Values of the wrong type or out of every range. */
const WRONG_TYPES = ['', ' ', 'abc', '-1', '0', '1.5', '1e9', '9'.repeat(400), 'NaN', 'Infinity', 'true', 'null', '[]', '{}', '[object Object]', '0x10', '٣'];

/** Values that are right for some parameter, so that generated requests also reach deep code paths. */
const PLAUSIBLE = ['ledger', 'Ledger', 'Marcus', 'marcus-oyelaran', 'MarcusO', 'Wen', 'beacon', '2024-01', '2024-01-09', '2024', 'todo', 'done', 'date', 'relevance', 'false', '1', '5', '100', 'who discussed Ledger?', 'how many meetings per month?'];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 900, max: 6000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PLAUSIBLE, ...INJECTIONS), { maxLength: 6 }).map((xs) => xs.join(' ')) },
);

/**
 * Parameters of a route: half the time only its own, each at most once (so that hostile values
 * reach the handlers), otherwise known names mixed with unknown and hostile ones, repeats allowed.
 */
function parameters(keys: string[]) {
  const own = keys.length
    ? fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }).chain((ks) => fc.tuple(...ks.map((k) => fc.tuple(fc.constant(k), value))))
    : fc.constant([] as Array<[string, string]>);
  const key = fc.oneof(
    { weight: 6, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('token', '__proto__', 'constructor', 'prototype', 'q[]', 'limit[0]', 'a.b', '', '%', '\u0000') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  return fc.oneof(own.map((xs) => xs as Array<[string, string]>), fc.array(fc.tuple(key, value), { maxLength: 3 }));
}

/**
 * A request target: the path with the id (for `:id` routes), then the query — encoded properly
 * most of the time, sometimes with raw, malformed percent sequences appended.
 */
function target(route: (typeof apiRoutes)[number]) {
  const keys = Object.keys(route.query?.shape ?? {});
  const rawTail = fc.constantFrom('', '', '', '%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AE', '%00', '%%', '&&&', '=&=', '%2', '+%2B+');
  return fc.tuple(value, parameters(keys), rawTail).map(([id, params, tail]) => {
    const pathPart = route.path.replace(':id', percentEncode(id));
    const query = params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    return `/api${pathPart}${query || tail ? `?${query}${tail}` : ''}`;
  });
}

/** Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as a browser sends it). */
function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

/** A request sent exactly as given: no normalisation of the target, any method, optional body. */
function rawRequest(base: string, requestTarget: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: requestTarget, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** An API answer must be JSON, 2xx or 4xx, with an `error` message when it is an error, and no stack. */
function expectSoundApiAnswer(requestTarget: string, res: RawResponse): void {
  const where = `${requestTarget} → ${res.status} ${res.body.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(res.status, where).toBeGreaterThanOrEqual(200);
  expect(res.headers['content-type'], where).toMatch(/^application\/json/);
  const body = JSON.parse(res.body);
  if (res.status >= 400) {
    expect(typeof body.error, where).toBe('string');
    expect(body.error.length, where).toBeGreaterThan(3);
  }
  expect(res.body, where).not.toMatch(/\n\s+at |node_modules|\/work\/|\.ts:\d+/);
}

/** Every file under `web/` by content hash: what a 200 from the page server may contain. */
function servableContents(): Set<string> {
  const hashes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else hashes.add(sha256(readFileSync(file)));
    }
  };
  walk(WEB_DIR);
  return hashes;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Path pieces for traversal attempts. */
const TRAVERSAL_PIECES = [
  '..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%25252e%25252e', '..%2f', '..%252f', '..%5c', '..\\', '%5c..', '%c0%ae%c0%ae',
  '%c0%af', '%2f', '%252f', '/', '//', '\\', '.', '%00', '%2500', 'etc', 'passwd', 'package.json', 'src', 'server', 'app.ts',
  'node_modules', '.meetgraph', 'graph.json', 'canary.txt', 'notes', 'css', 'js', 'vendor', 'index.html', '~', '%7e', ';', '%3b', '?', '#',
];

const traversal = fc.oneof(
  fc.array(fc.constantFrom(...TRAVERSAL_PIECES), { minLength: 1, maxLength: 10 }).map((xs) => `/${xs.join('/')}`),
  fc.array(fc.constantFrom(...TRAVERSAL_PIECES), { minLength: 1, maxLength: 10 }).map((xs) => `/${xs.join('')}`),
  fc.constantFrom(
    '/etc/passwd', '//etc/passwd', '///etc/passwd', '/%2fetc%2fpasswd', '/%252fetc%252fpasswd', '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/vendor/..%2f..%2fpackage.json', '/vendor/%2e%2e%2f%2e%2e%2fpackage.json', '/vendor/..%5c..%5cpackage.json', '/vendor/cytoscape.esm.min.mjs%2f..%2f..%2fpackage.json',
    '/css/..%2f..%2f..%2fpackage.json', '/js/..%5c..%5c..%5cpackage.json', '/C:/Windows/win.ini', '/c:%5cwindows%5cwin.ini', '/%5c%5clocalhost%5cc$%5cwindows',
    'http://127.0.0.1/../../etc/passwd', '*', '/index.html/..%2f..%2f..%2fetc%2fpasswd', '/.git/config', '/.env', '/%2e%2e%2f%2e%2e%2fcanary.txt',
  ),
);

/**
 * The fuzzing suite over one server. `graphFingerprint` must give the same value before and after
 * (the store's own view of its graph: counts, or a hash of everything in it).
 */
function fuzzSuite(label: string, start: () => Promise<{ server: TestServer; graphFingerprint: () => Promise<unknown> }>, runs: number): void {
  describe(label, () => {
    let server: TestServer;
    let graphFingerprint: () => Promise<unknown>;
    let before: unknown;
    let statsBefore: unknown;
    /** Answers by status over the whole suite, reported at the end (docs/RELIABILITY.md quotes them). */
    const tally = new Map<number, number>();
    const count = (res: RawResponse) => {
      tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
      return res;
    };
    beforeAll(async () => {
      ({ server, graphFingerprint } = await start());
      before = await graphFingerprint();
      statsBefore = (await server.get('/api/stats')).body;
    });
    afterAll(async () => {
      const total = [...tally.values()].reduce((a, b) => a + b, 0);
      console.info(`${label}: ${total} requests; by status ${JSON.stringify(Object.fromEntries([...tally].sort((a, b) => a[0] - b[0])))}`);
      await server?.close();
    });

    for (const route of apiRoutes) {
      it(`GET /api${route.path}: generated parameters always get a 2xx or 4xx JSON answer`, async () => {
        await fc.assert(
          fc.asyncProperty(target(route), async (requestTarget) => {
            expectSoundApiAnswer(requestTarget, count(await rawRequest(server.url, requestTarget)));
          }),
          { numRuns: runs },
        );
      });
    }

    it('other methods, bodies and headers on the API get 4xx JSON answers', async () => {
      const methods = fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'GET');
      const bodies = fc.oneof(fc.constant(undefined), fc.constantFrom('{"q":"x"}', '{"__proto__":{"x":1}}', '{', 'x'.repeat(20_000), "MATCH (n) DETACH DELETE n"));
      const headers = fc.record(
        {
          'content-type': fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'),
          authorization: fc.constantFrom('Bearer', 'Bearer ' + 'x'.repeat(3000), 'Basic Zm9vOmJhcg==', 'Bearer \u00e9'),
          'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', '*;q=0', 'x'.repeat(500)),
          'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '127.0.0.1, 10.0.0.1'),
        },
        { requiredKeys: [] },
      );
      const route = fc.constantFrom(...apiRoutes.map((r) => `/api${r.path.replace(':id', 'ledger')}`), '/api', '/api/', '/api/nothing');
      await fc.assert(
        fc.asyncProperty(methods, route, bodies, headers, async (method, requestTarget, body, extra) => {
          const h: Record<string, string> = { ...(extra as Record<string, string>) };
          if (body !== undefined) h['content-length'] = String(Buffer.byteLength(body));
          const res = count(await rawRequest(server.url, requestTarget, method, body, h));
          const where = `${method} ${requestTarget} ${JSON.stringify(extra)} → ${res.status} ${res.body.slice(0, 200)}`;
          expect(res.status, where).toBeLessThan(500);
          if (method === 'OPTIONS' || (method === 'GET' && res.status < 300)) return;
          if (res.headers['content-encoding']) return; // a compressed error body is still JSON, checked on the identity runs
          expect(res.headers['content-type'], where).toMatch(/^application\/json/);
          expect(JSON.parse(res.body).error, where).toBeTruthy();
        }),
        { numRuns: runs },
      );
    });

    it('serves nothing outside web/ and the vendor allow-list, whatever the path', async () => {
      const allowed = servableContents();
      const vendor = [(await rawRequest(server.url, '/vendor/cytoscape.esm.min.mjs')).bytes, (await rawRequest(server.url, '/vendor/chart.umd.min.js')).bytes].map(sha256);
      await fc.assert(
        fc.asyncProperty(traversal, async (requestTarget) => {
          let res: RawResponse;
          try {
            res = count(await rawRequest(server.url, requestTarget));
          } catch {
            return; // refused by Node's HTTP parser before reaching the server: nothing served
          }
          const where = `${requestTarget} → ${res.status}`;
          expect(res.status, where).toBeLessThan(500);
          expect(res.body, where).not.toMatch(/root:.*:0:0|CANARY-|"name": "meetgraph"|createApp|\[core\]/);
          if (res.status === 200 && !requestTarget.startsWith('/api')) {
            expect(allowed.has(sha256(res.bytes)) || vendor.includes(sha256(res.bytes)), where).toBe(true);
          }
        }),
        { numRuns: runs * 2 },
      );
    });

    it('leaves the graph exactly as it was', async () => {
      expect(await graphFingerprint()).toEqual(before);
      expect((await server.get('/api/stats')).body).toEqual(statsBefore);
    });
  });
}

/**
 * A copy of the example notes with canary files beside the folder and in it (a dot file, not a
 * note); with the one each server's data directory gets, none may ever appear in an answer.
 */
function notesWithCanaries(): { notesDir: string; cleanup: () => void } {
  const root = tempDir('fuzz');
  const notesDir = path.join(root.dir, 'notes');
  cpSync(EXAMPLE_NOTES, notesDir, { recursive: true });
  writeFileSync(path.join(root.dir, 'canary.txt'), 'CANARY-outside-the-notes-folder\n');
  writeFileSync(path.join(notesDir, '.canary.txt'), 'CANARY-dotfile-in-the-notes-folder\n');
  return { notesDir, cleanup: root.cleanup };
}

const RUNS = Number(process.env.MEETGRAPH_FUZZ_RUNS ?? 120);

let notes: ReturnType<typeof notesWithCanaries>;
beforeAll(() => {
  notes = notesWithCanaries();
});
afterAll(() => notes?.cleanup());

fuzzSuite(
  'HTTP fuzzing, embedded store',
  async () => {
    const server = await startTestServer({ notesDir: notes.notesDir });
    writeFileSync(path.join(server.state.sources.dataDir, 'canary.txt'), 'CANARY-in-the-data-directory\n');
    const store = () => {
      const current = server.state.storeLink.current;
      if (!current) throw new Error('no store');
      return current;
    };
    return { server, graphFingerprint: async () => sha256(JSON.stringify(await store().snapshot())) };
  },
  RUNS,
);

describeNeo4j('HTTP fuzzing against Neo4j', () => {
  fuzzSuite(
    'over a real Neo4j store',
    async () => {
      const server = await startTestServer({ notesDir: notes.notesDir, neo4j: neo4jTestConfig() });
      writeFileSync(path.join(server.state.sources.dataDir, 'canary.txt'), 'CANARY-in-the-data-directory\n');
      const driver = openTestDriver();
      const fingerprint = async () => {
        const session = driver.session({ defaultAccessMode: 'READ' });
        try {
          const labels = await session.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
          const types = await session.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
          const snapshot = sha256(JSON.stringify(await server.state.storeLink.current!.snapshot()));
          return { labels: labels.records.map((r) => r.toObject()), types: types.records.map((r) => r.toObject()), snapshot };
        } finally {
          await session.close();
        }
      };
      const close = server.close.bind(server);
      server.close = async () => {
        await driver.close();
        await close();
      };
      return { server, graphFingerprint: fingerprint };
    },
    Math.max(20, Math.round(RUNS / 2)),
  );
});
