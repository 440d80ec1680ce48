/**
 * `serve --watch`: a note added, changed or deleted while the server runs shows in the API without
 * a restart. Also measures how long a change takes to reach `/api/search`.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MeetingGraph } from '../../src/domain.js';
import { savedSearchIndexKey, updateSearchIndexFile } from '../../src/search/persist.js';
import { ingestInputsKey, Workspace } from '../../src/workspace.js';
import { copyNotes, EXAMPLE_NOTES, startTestServer, type TestServer } from './support.js';

/**
 * `run`: run once, just after the next read of a notes folder (what a user does while an ingest
 * runs). `reads`: the options of every read of a notes folder.
 */
const afterNextRead = vi.hoisted(() => ({ run: null as ((notesDir: string) => void) | null, reads: [] as Array<{ cache?: unknown } | undefined> }));
vi.mock('../../ingest/read.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../ingest/read.js')>();
  return {
    ...actual,
    readNotesFolder: async (...args: Parameters<typeof actual.readNotesFolder>) => {
      const result = await actual.readNotesFolder(...args);
      afterNextRead.reads.push(args[1]);
      const run = afterNextRead.run;
      afterNextRead.run = null;
      run?.(args[0]);
      return result;
    },
  };
});

const NOTE = (word: string) => `---
date: 2024-03-05
subject: 'Platform sync: 2024-03-05'
---

Attendees: Priya Raman, Marcus Oyelaran

#### Ledger ${word} review ####

Marcus walked through the ${word} dashboard for the Ledger service.
Priya will check the ${word} numbers before the next call.
`;

/** Polls until `check` holds; returns the milliseconds it took. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await check()) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not seen within ${timeoutMs} ms`);
}

describe('serve --watch', () => {
  let notes: { dir: string; cleanup: () => void };
  let server: TestServer;
  beforeAll(async () => {
    notes = copyNotes(EXAMPLE_NOTES);
    server = await startTestServer({ notesDir: notes.dir, watch: true });
  });
  afterAll(async () => {
    await server?.close();
    notes?.cleanup();
  });

  const total = async (q: string) => (await server.get(`/api/search?q=${encodeURIComponent(q)}`)).body.total as number;

  it('reports that it watches', async () => {
    expect((await server.get('/api/health')).body.watching).toBe(true);
  });

  it('picks up an added, a changed and a deleted note', async () => {
    const file = path.join(notes.dir, '2024-03-05.md');
    const latencies: Record<string, number> = {};
    const meetingsBefore = (await server.get('/api/stats')).body.meetings;

    writeFileSync(file, NOTE('zanzibarquux'));
    latencies.added = await until(async () => (await total('zanzibarquux')) > 0);
    const stats = (await server.get('/api/stats')).body;
    expect(stats.meetings).toBe(meetingsBefore + 1);
    const meeting = await server.get('/api/meetings/2024-03-05');
    expect(meeting.status).toBe(200);
    expect(meeting.body.discussions[0].heading).toMatch(/zanzibarquux/);

    writeFileSync(file, NOTE('quokkafrond'));
    latencies.changed = await until(async () => (await total('quokkafrond')) > 0 && (await total('zanzibarquux')) === 0);

    rmSync(file);
    latencies.deleted = await until(async () => (await total('quokkafrond')) === 0);
    expect((await server.get('/api/stats')).body.meetings).toBe(meetingsBefore);
    expect((await server.get('/api/meetings/2024-03-05')).status).toBe(404);

    const health = (await server.get('/api/health')).body;
    expect(health.lastIngest.count).toBeGreaterThanOrEqual(4);
    expect(health.lastIngest.error).toBeNull();

    // The figure reported for `--watch`: from the file write to the change answering in /api/search.
    console.log(`watch latency (ms): ${Object.entries(latencies).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
    for (const ms of Object.values(latencies)) expect(ms).toBeLessThan(3000);
  });

  it('keeps serving the last graph when a note breaks the registry, and recovers', async () => {
    const registry = path.join(notes.dir, 'people.yml');
    const { readFileSync } = await import('node:fs');
    const original = readFileSync(registry, 'utf8');
    try {
      writeFileSync(registry, '- name: [unclosed\n');
      await until(async () => (await server.get('/api/health')).body.lastIngest.error !== null);
      expect(await total('ledger')).toBeGreaterThan(0);
    } finally {
      writeFileSync(registry, original);
    }
    await until(async () => (await server.get('/api/health')).body.lastIngest.error === null);
  });

  describe('after a restart from the saved graph', () => {
    /** A server that saved its graph and stopped, and the same folders started again with `--watch`, logging into `lines`. */
    async function restarted(tamper?: (graphFile: string) => void) {
      const own = copyNotes(EXAMPLE_NOTES);
      const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-watch-fill-'));
      const first = await startTestServer({ notesDir: own.dir, dataDir, watch: true });
      await until(async () => (await first.get('/api/health')).body.lastIngest.saved === true);
      await first.close();
      const graphFile = path.join(dataDir, 'graph.json');
      tamper?.(graphFile);
      const lines: string[] = [];
      const server = await startTestServer({ notesDir: own.dir, dataDir, watch: true, log: (line) => lines.push(line) });
      const cleanup = async () => {
        await server.close();
        own.cleanup();
        rmSync(dataDir, { recursive: true, force: true });
      };
      return { server, lines, notesDir: own.dir, graphFile, cleanup };
    }
    /** Adds a discussion item to a note, its attendees as they were; resolves once search finds it. */
    async function addItem(server: TestServer, notesDir: string, word: string) {
      const note = readdirSync(notesDir).filter((f) => f.endsWith('.md')).sort()[0];
      appendFileSync(path.join(notesDir, note), `\n\n#### Review of ${word} ####\n\nThe ${word} migration is still open.\n`);
      await until(async () => (await server.get(`/api/search?q=${word}`)).body.total > 0);
    }

    it('extracts every note again in the background, so that the first change extracts only its note', async () => {
      let savedAt = 0;
      const { server, lines, notesDir, graphFile, cleanup } = await restarted((file) => (savedAt = statSync(file).mtimeMs));
      try {
        await until(async () => lines.some((l) => /^extracted \d+ meetings' notes again in \d+ ms/.test(l)));
        // The graph served is the saved one, still: nothing was swapped in or written.
        await until(async () => (await server.get('/api/health')).body.lastIngest.saved === true);
        const health = (await server.get('/api/health')).body.lastIngest;
        expect([health.count, health.reused, health.error]).toEqual([1, true, null]);
        expect(statSync(graphFile).mtimeMs).toBe(savedAt);
        expect(lines.some((l) => l.includes('differ from the saved graph'))).toBe(false);

        await addItem(server, notesDir, 'marmosetplinth');
        await until(async () => lines.some((l) => l.startsWith('re-ingested')));
        expect(lines.find((l) => l.startsWith('re-ingested'))).toMatch(/, 1 changed notes extracted\)$/);
      } finally {
        await cleanup();
      }
    });

    it('says so when the saved graph is not what the notes give, and the first change brings every meeting in line', async () => {
      // The saved graph has a heading its note does not (its manifest still vouches for it).
      let meeting = '';
      const { server, lines, notesDir, cleanup } = await restarted((file) => {
        const graph = JSON.parse(readFileSync(file, 'utf8')) as MeetingGraph;
        graph.discussions[0].heading = '#### Stale heading wallabyquill';
        meeting = graph.discussions[0].meetingId;
        writeFileSync(file, JSON.stringify(graph));
      });
      const headings = async () => JSON.stringify((await server.get(`/api/discussions?meeting=${encodeURIComponent(meeting)}`)).body);
      try {
        expect(await headings()).toContain('wallabyquill');
        await until(async () => lines.some((l) => l.includes('differ from the saved graph')));
        await addItem(server, notesDir, 'pangolinfret');
        await until(async () => !(await headings()).includes('wallabyquill'));
        expect(lines.some((l) => /^extracted \d+ meetings' notes again/.test(l))).toBe(true);
      } finally {
        await cleanup();
      }
    });
  });

  it('keeps each note\'s facts and text for the next change only while it watches the folder', async () => {
    for (const watch of [false, true]) {
      const own = copyNotes(EXAMPLE_NOTES);
      afterNextRead.reads.length = 0;
      const started = await startTestServer({ notesDir: own.dir, watch, folderLookDelayMs: 60_000 });
      // Watching, the first ingest keeps the notes' text, so that a change reads only its file.
      expect(afterNextRead.reads[0]?.cache !== undefined).toBe(watch);
      try {
        // A sentence added to a note: its attendees, and so every other note's facts, stay as they were.
        const notes = readdirSync(own.dir).filter((f) => f.endsWith('.md')).sort();
        const changed = path.join(own.dir, notes[0]);
        const word = watch ? 'quokkabristle' : 'numbatfizz';
        appendFileSync(changed, `\nThe ${word} plan was agreed.\n`);
        const result = await started.state.ingest([changed]);
        expect((await started.get(`/api/search?q=${word}`)).body.total).toBeGreaterThan(0);
        // Watching, only the changed note is extracted; otherwise no facts were kept, and every note is.
        if (watch) expect(result.extraction).toEqual({ reused: notes.length - 1, extracted: 1, fullBecause: null });
        else expect(result.extraction).toBeNull();
      } finally {
        await started.close();
        own.cleanup();
      }
    }
  });

  it('reads only the paths the watcher reported, then looks at the whole folder for what it missed', async () => {
    const own = copyNotes(EXAMPLE_NOTES);
    const lines: string[] = [];
    // No watcher: the test says which paths changed, as the watcher would.
    const started = await startTestServer({ notesDir: own.dir, folderLookDelayMs: 200, log: (line) => lines.push(line) });
    const found = async (word: string) => (await started.get(`/api/search?q=${word}`)).body.total as number;
    const ingests = async () => (await started.get('/api/health')).body.lastIngest.count as number;
    try {
      const reported = path.join(own.dir, '2024-03-05.md');
      writeFileSync(reported, NOTE('tapirwhistle'));
      await started.state.ingest([reported]);
      expect(await found('tapirwhistle')).toBeGreaterThan(0);
      // The look at the whole folder finds nothing more: no ingest follows.
      await new Promise((r) => setTimeout(r, 600));
      expect(await ingests()).toBe(2);

      // A note the watcher did not report is not read by the next change's ingest...
      const missed = path.join(own.dir, '2024-03-06.md');
      writeFileSync(missed, NOTE('okapimuffle').replace('2024-03-05', '2024-03-06'));
      writeFileSync(reported, NOTE('tapirwhistle').replace('Ledger', 'Billing'));
      await started.state.ingest([reported]);
      expect(await found('okapimuffle')).toBe(0);
      // ...but by the look at the whole folder after it.
      await until(async () => (await found('okapimuffle')) > 0);
      expect(await ingests()).toBe(4);
      expect(lines.filter((l) => l.includes('changed without the file watcher reporting it'))).toHaveLength(1);
      expect((await started.get('/api/meetings/2024-03-06')).status).toBe(200);
    } finally {
      await started.close();
      own.cleanup();
    }
  });

  it('picks up a note saved while the first ingest runs, after the folder was read', async () => {
    const own = copyNotes(EXAMPLE_NOTES);
    let savedDuringIngest = false;
    afterNextRead.run = (notesDir) => {
      writeFileSync(path.join(notesDir, '2024-03-05.md'), NOTE('numbatgusset'));
      savedDuringIngest = true;
    };
    const started = await startTestServer({ notesDir: own.dir, watch: true });
    try {
      expect(savedDuringIngest).toBe(true);
      await until(async () => (await started.get('/api/search?q=numbatgusset')).body.total > 0);
      expect((await started.get('/api/meetings/2024-03-05')).status).toBe(200);
      expect((await started.get('/api/health')).body.lastIngest.count).toBe(2);
    } finally {
      afterNextRead.run = null;
      await started.close();
      own.cleanup();
    }
  });

  it('writes the changed graph and search index to the data folder after the swap, says when in /api/health, and a restart finds them', async () => {
    const own = copyNotes(EXAMPLE_NOTES);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-watch-data-'));
    let watching: TestServer | null = await startTestServer({ notesDir: own.dir, dataDir, watch: true, indexSaveDelayMs: 1500 });
    try {
      await until(async () => (await watching!.get('/api/health')).body.lastIngest.saved === true);
      const countBefore = (await watching.get('/api/health')).body.lastIngest.count;
      writeFileSync(path.join(own.dir, '2024-03-05.md'), NOTE('wombatflange'));
      await until(async () => (await watching!.get('/api/search?q=wombatflange')).body.total > 0);
      // Within the index's quiet time, a note written again unchanged: that ingest finds nothing
      // to do, and the index save it postponed still happens.
      const other = readdirSync(own.dir).find((f) => f.endsWith('.md') && f !== '2024-03-05.md')!;
      writeFileSync(path.join(own.dir, other), readFileSync(path.join(own.dir, other)));
      await until(async () => (await watching!.get('/api/health')).body.lastIngest.count > countBefore + 1);
      await until(async () => (await watching!.get('/api/health')).body.lastIngest.saved === true);
      expect(readFileSync(path.join(dataDir, 'graph-store.json'), 'utf8')).toContain('wombatflange');
      expect(readFileSync(path.join(dataDir, 'graph.json'), 'utf8')).toContain('wombatflange');
      expect(readFileSync(path.join(dataDir, 'search-index.json'), 'utf8')).toContain('wombatflange');
      await watching.close();
      watching = null;

      const restarted = await startTestServer({ notesDir: own.dir, dataDir });
      try {
        expect((await restarted.get('/api/health')).body.lastIngest.reused).toBe(true);
        expect((await restarted.get('/api/search?q=wombatflange')).body.total).toBeGreaterThan(0);
      } finally {
        await restarted.close();
      }
    } finally {
      await watching?.close();
      own.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('saves the search index of its first start after answering, keyed by its graph, and a restart brings an index of another graph in line', async () => {
    const own = copyNotes(EXAMPLE_NOTES);
    writeFileSync(path.join(own.dir, '2024-03-05.md'), NOTE('quokkabrace'));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'meetgraph-start-data-'));
    const graphKey = () => ingestInputsKey(new Workspace(dataDir).readManifest()!);
    try {
      // Its quiet time outlasts the test: the index is saved when the server closes, not before its first answer.
      const first = await startTestServer({ notesDir: own.dir, dataDir, indexSaveDelayMs: 600_000 });
      try {
        expect((await first.get('/api/search?q=quokkabrace')).body.total).toBe(1);
        expect(existsSync(path.join(dataDir, 'search-index.json'))).toBe(false);
        expect((await first.get('/api/health')).body.lastIngest.saved).toBe(false);
      } finally {
        await first.close();
      }
      expect(await savedSearchIndexKey(dataDir)).toBe(graphKey());
      // What a server killed between writing a changed graph and saving its index leaves: an index of another graph.
      const graph = new Workspace(dataDir).readGraph()!;
      await updateSearchIndexFile(dataDir, { ...graph, discussions: graph.discussions.filter((d) => !d.text.includes('quokkabrace')) }, 'f'.repeat(64));
      const restarted = await startTestServer({ notesDir: own.dir, dataDir, indexSaveDelayMs: 200 });
      try {
        expect((await restarted.get('/api/health')).body.lastIngest.reused).toBe(true);
        expect((await restarted.get('/api/search?q=quokkabrace')).body.total).toBe(1);
        await until(async () => (await restarted.get('/api/health')).body.lastIngest.saved === true);
        expect(await savedSearchIndexKey(dataDir)).toBe(graphKey());
      } finally {
        await restarted.close();
      }
    } finally {
      own.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
