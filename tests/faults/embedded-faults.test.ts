/**
 * Faults of the embedded store and the data directory: a process killed while writing the
 * snapshot, an ingest killed part-way, a corrupt `graph-store.json`, two ingests at once. The
 * snapshot file is always the old graph or the new one, never a torn one; a corrupt file is
 * reported and rebuilt from the notes by the next ingest or server start; the ingest lock keeps
 * two ingests of one data directory apart. (`tests/store/embedded.test.ts` covers opening a corrupt
 * file through the store's API; here it is the commands a user runs.)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.js';
import { readSnapshotFile, serializeSnapshot, SNAPSHOT_FILE_NAME } from '../../src/store/snapshot-file.js';
import { startServer } from '../../src/server/server.js';
import { ingestNotes } from '../../ingest/index.js';
import { readNotesFolder } from '../../ingest/read.js';
import { loadRegistry } from '../../ingest/registry.js';
import { childEnv, REPO, runCli, startCli, waitFor } from '../support/processes.js';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const embedded = () => childEnv(null);

let root: string;
let notesDir: string;
/** The snapshot file a clean ingest of `notesDir` writes. */
let cleanSnapshot: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'meetgraph-faults-'));
  notesDir = path.join(root, 'notes');
  writeCorpus(generateCorpus(150, 3), notesDir);
  const data = path.join(root, 'clean-data');
  const clean = await runCli(['--data', data, 'ingest', notesDir], embedded());
  expect(clean.code, clean.stderr).toBe(0);
  cleanSnapshot = readFileSync(path.join(data, SNAPSHOT_FILE_NAME), 'utf8');
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the snapshot file under a kill', () => {
  it('is the old graph or the new one after a writer is killed at any moment, never a torn file', async () => {
    // Two different graphs: the folder as it is, and without a tenth of its notes.
    const { notes } = await readNotesFolder(notesDir);
    const options = { people: loadRegistry(path.join(notesDir, 'people.yml')), projects: loadRegistry(path.join(notesDir, 'projects.yml')), topics: false };
    const contents = [serializeSnapshot(ingestNotes(notes, options)), serializeSnapshot(ingestNotes(notes.slice(0, Math.floor(notes.length * 0.9)), options))];
    const dir = mkdtempSync(path.join(root, 'kill-'));
    contents.forEach((c, i) => writeFileSync(path.join(dir, `content-${i}.json`), c));
    const known = new Set(contents.map(sha256));
    const file = path.join(dir, SNAPSHOT_FILE_NAME);
    // The writer: the store's own atomic writes (the whole text at once, and serialised as it is
    // written, which must give the same bytes), alternating the two graphs as fast as it can.
    const writer = path.join(dir, 'writer.mts');
    writeFileSync(
      writer,
      `import { readFileSync } from 'node:fs';
import { writeSnapshotFile, writeSnapshotFileStreaming } from ${JSON.stringify(path.join(REPO, 'src/store/snapshot-file.ts'))};
const contents = [0, 1].map((i) => readFileSync(${JSON.stringify(dir)} + '/content-' + i + '.json', 'utf8'));
const graphs = contents.map((c) => JSON.parse(c).graph);
for (let n = 0; ; n++) {
  if (n % 4 < 2) await writeSnapshotFile(${JSON.stringify(file)}, contents[n % 2]);
  else await writeSnapshotFileStreaming(${JSON.stringify(file)}, graphs[n % 2]);
  process.stdout.write('w');
}
`,
    );
    const kills = 12;
    const seen = new Set<string>();
    for (let i = 0; i < kills; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', writer], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
      let written = 0;
      child.stdout.on('data', (c: Buffer) => (written += c.length));
      const exited = new Promise((resolve) => child.on('close', resolve));
      await waitFor('the first write', async () => written > 0, 60_000, 10);
      // A kill at a random moment within the next few writes.
      await new Promise((r) => setTimeout(r, Math.random() * 150));
      child.kill('SIGKILL');
      await exited;
      const text = readFileSync(file, 'utf8');
      expect(known.has(sha256(text)), `after kill ${i + 1} (${written} writes done) the file is neither graph`).toBe(true);
      await expect(readSnapshotFile(file)).resolves.toBeTruthy();
      seen.add(sha256(text));
    }
    // Leftovers of writes cut short are temporary files beside it, never the file itself.
    const strays = readdirSync(dir).filter((f) => f.startsWith(`${SNAPSHOT_FILE_NAME}.`));
    console.info(`snapshot kills: ${kills}, distinct graphs found after them: ${seen.size}, temporary files left: ${strays.length}`);
  }, 600_000);

  it('an ingest killed at any point is completed by the next ingest, with the graph of a clean one', async () => {
    for (const delayMs of [300, 1500, 3000, 6000]) {
      const data = mkdtempSync(path.join(root, 'killed-ingest-'));
      const run = startCli(['--data', data, 'ingest', notesDir], embedded());
      await new Promise((r) => setTimeout(r, delayMs));
      run.child.kill('SIGKILL');
      await run.exited;
      const again = await runCli(['--data', data, 'ingest', notesDir], embedded());
      expect(again.code, `killed after ${delayMs} ms: ${again.stderr}`).toBe(0);
      expect(again.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(path.join(data, SNAPSHOT_FILE_NAME), 'utf8'), `killed after ${delayMs} ms`).toBe(cleanSnapshot);
    }
  }, 900_000);
});

describe('a corrupt snapshot file', () => {
  const corruptions: Record<string, (clean: string) => string | Buffer> = {
    truncated: (clean) => clean.slice(0, Math.floor(clean.length / 2)),
    'cut by one byte': (clean) => clean.slice(0, -1),
    garbled: (clean) => Buffer.from(Buffer.from(clean).map((b, i) => (i % 97 === 13 ? 0x7b : b))),
    'random bytes': () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    empty: () => '',
    'another format': () => JSON.stringify({ format: 'something-else', version: 1, graph: {} }),
    'an edge to a missing node': (clean) => {
      const data = JSON.parse(clean);
      data.graph.attendance.push({ personId: 'nobody-at-all', meetingId: data.graph.meetings[0].id, role: 'attendee', evidence: { file: 'x.md', line: 1, sentence: 'x' } });
      return JSON.stringify(data);
    },
  };

  for (const [name, corrupt] of Object.entries(corruptions)) {
    it(`(${name}) is reported and rebuilt by the next ingest`, async () => {
      const data = mkdtempSync(path.join(root, 'corrupt-'));
      expect((await runCli(['--data', data, 'ingest', notesDir], embedded())).code).toBe(0);
      writeFileSync(path.join(data, SNAPSHOT_FILE_NAME), corrupt(cleanSnapshot));
      const r = await runCli(['--data', data, 'ingest', notesDir], embedded());
      expect(r.code, r.stderr).toBe(0);
      const reported = r.stderr.split('\n').filter((l) => l.includes(SNAPSHOT_FILE_NAME));
      expect(reported, r.stderr).toHaveLength(1);
      expect(reported[0]).toMatch(/^meetgraph: warning: the graph store \S+graph-store\.json is corrupt \(.+\); rebuilding it from the notes$/);
      expect(readFileSync(path.join(data, SNAPSHOT_FILE_NAME), 'utf8')).toBe(cleanSnapshot);
    }, 300_000);
  }

  it('is reported and rebuilt by the server on start, which then answers from the whole graph', async () => {
    const data = mkdtempSync(path.join(root, 'corrupt-serve-'));
    expect((await runCli(['--data', data, 'ingest', notesDir], embedded())).code).toBe(0);
    writeFileSync(path.join(data, SNAPSHOT_FILE_NAME), cleanSnapshot.slice(0, 1000));
    const logged: string[] = [];
    const server = await startServer({
      notesDir,
      dataDir: data,
      peopleFile: path.join(notesDir, 'people.yml'),
      projectsFile: path.join(notesDir, 'projects.yml'),
      port: 0,
      neo4j: null,
      token: null,
      log: (line) => logged.push(line),
    });
    try {
      expect(logged.filter((l) => /graph-store\.json is corrupt .*rebuilding it from the notes/.test(l))).toHaveLength(1);
      const stats = await (await fetch(`${server.url}/api/stats`)).json();
      const clean = JSON.parse(cleanSnapshot).graph;
      expect(stats.meetings).toBe(clean.meetings.length);
      expect(stats.discussions).toBe(clean.discussions.length);
      expect((await (await fetch(`${server.url}/api/health`)).json()).status).toBe('ok');
    } finally {
      await server.close();
    }
    expect(readFileSync(path.join(data, SNAPSHOT_FILE_NAME), 'utf8')).toBe(cleanSnapshot);
  }, 300_000);
});

describe('two ingests at once on one data directory', () => {
  it('the second waits for the first (or refuses, naming the data directory), and the graph is that of one ingest', async () => {
    const data = mkdtempSync(path.join(root, 'twice-'));
    const [a, b] = await Promise.all([
      runCli(['--data', data, 'ingest', notesDir, '--json'], embedded()),
      runCli(['--data', data, 'ingest', notesDir, '--json'], embedded()),
    ]);
    const outcomes = [a, b].map((r) => (r.code === 0 ? (JSON.parse(r.stdout).reused ? 'reused' : 'ingested') : r.stderr.trim()));
    // Without the lock both would extract and write at once; with it one ingests, and the other
    // either waited and found nothing changed, or gave up with a message.
    expect(outcomes.filter((o) => o === 'ingested'), JSON.stringify(outcomes)).toHaveLength(1);
    for (const o of outcomes) {
      if (o !== 'ingested' && o !== 'reused') expect(o).toMatch(/^meetgraph: another ingest is running on \S+; try again when it has finished$/);
    }
    expect(readFileSync(path.join(data, SNAPSHOT_FILE_NAME), 'utf8')).toBe(cleanSnapshot);
    expect(existsSync(path.join(data, 'ingest.lock'))).toBe(false);
  }, 600_000);
});
