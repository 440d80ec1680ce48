/**
 * The `search`, `ask` and `eval-questions` commands, run in-process on the fixture graph.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { formatResponse, snippetForTerminal } from '../../src/commands/search.js';
import { updateSearchIndexFile } from '../../src/search/persist.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { historyGraph } from '../fixtures/history-graph.js';

let dataDir: string;
// These commands are run on the embedded store; `npm test` points NEO4J_URI at a shared server.
const neo4jUri = process.env.NEO4J_URI;
afterAll(() => {
  if (neo4jUri !== undefined) process.env.NEO4J_URI = neo4jUri;
});
beforeAll(async () => {
  delete process.env.NEO4J_URI;
  dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-cmd-'));
  const graph = historyGraph();
  const store = await EmbeddedStore.open(dataDir);
  await store.load(graph);
  await store.close();
  await updateSearchIndexFile(dataDir, graph);
});

/** Runs the CLI and returns its exit code and output. */
async function run(...args: string[]) {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(['node', 'meetgraph', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('meetgraph search', () => {
  it('prints hits with marked snippets and facets', async () => {
    const r = await run('--data', dataDir, 'search', 'rotor wiring');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2019-03-05  Enigma');
    expect(r.out).toContain('*rotor* *wiring*');
    expect(r.out).toMatch(/People: .*Ada Lovelace \(1\)/);
    expect(r.out).toMatch(/Years: 2019 \(1\)/);
  });

  it('prints JSON with --json and honours --sort, --limit and --offset', async () => {
    const r = await run('--data', dataDir, 'search', 'project:enigma', '--json', '--sort', 'date', '--limit', '2', '--offset', '1');
    const body = JSON.parse(r.out);
    expect(body).toMatchObject({ total: 4, offset: 1, limit: 2, sort: 'date' });
    expect(body.hits.map((h: { meeting: string }) => h.meeting)).toEqual(['2019-06-20', '2019-03-05']);
  });

  it('reports query errors and a missing index in one line', async () => {
    const bad = await run('--data', dataDir, 'search', 'author:ada');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('meetgraph: unknown operator "author:" (known: person:, project:, topic:, after:, before:, in:, meeting:)\n');
    const empty = await run('--data', mkdtempSync(path.join(tmpdir(), 'meetgraph-none-')), 'search', 'x');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/run `meetgraph ingest <dir>` first/);
  });

  it('formats snippets for terminals and files', () => {
    expect(snippetForTerminal('a <mark>b</mark> &amp; &lt;c&gt;', false)).toBe('a *b* & <c>');
    expect(snippetForTerminal('<mark>b</mark>', true)).toBe('\u001b[1mb\u001b[22m');
    expect(formatResponse({ query: 'x', sort: 'relevance', total: 0, offset: 0, limit: 10, hits: [], facets: { people: [], projects: [], years: [] } }, false)).toBe(
      'No discussions match.\n',
    );
  });
});

describe('meetgraph ask', () => {
  it('prints the interpretation and the items', async () => {
    const r = await run('--data', dataDir, 'ask', 'Who discussed Enigma with Ada?');
    expect(r.code).toBe(0);
    expect(r.out).toBe('People who took part in discussions about Enigma together with Ada Lovelace\n\nAlan Turing (1)\n');
  });

  it('prints the answer as JSON with its query', async () => {
    const r = await run('--data', dataDir, 'ask', 'When was COBOL first discussed?', '--json');
    const a = JSON.parse(r.out);
    expect(a).toMatchObject({ kind: 'date', items: [{ meeting: '2019-01-15' }], query: { name: 'discussions' } });
  });

  it('asks for an ingest when the store is empty', async () => {
    const r = await run('--data', mkdtempSync(path.join(tmpdir(), 'meetgraph-none-')), 'ask', 'Who?');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is empty: run `meetgraph ingest <dir>` first/);
  });
});

describe('meetgraph eval-questions', () => {
  it('scores a questions file and reports the accuracy', async () => {
    const file = path.join(dataDir, 'questions.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'F1 >= 0.8',
        questions: [
          { id: 'a', question: 'How many meetings did Charles attend in 2019?', kind: 'count', expect: [{ value: 2 }] },
          { id: 'b', question: 'When was COBOL first discussed?', kind: 'date', expect: [{ meeting: '2020-02-25' }] },
        ],
      }),
    );
    const r = await run('--data', dataDir, 'eval-questions', '--questions', file);
    expect(r.out).toMatch(/PASS {2}a {2}How many meetings/);
    expect(r.out).toMatch(/FAIL {2}b {2}When was COBOL/);
    expect(r.out).toContain('1/2 passed, accuracy 0.500');
    const strict = await run('--data', dataDir, 'eval-questions', '--questions', file, '--min-accuracy', '0.9', '--json');
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out).accuracy).toBe(0.5);
    const missing = await run('--data', dataDir, 'eval-questions', '--questions', path.join(dataDir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: no such file/);
  });
});
