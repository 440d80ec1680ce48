import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../ingest/registry.js';
import { runIngest } from '../../src/ingest-run.js';
import { loadSearchIndex, savedSearchIndexKey, updateSearchIndexFile } from '../../src/search/persist.js';
import { EmbeddedStore } from '../../src/store/embedded.js';
import { SNAPSHOT_FILE_NAME } from '../../src/store/snapshot-file.js';
import { WRITE_AFTER_ANSWER_MS } from '../../src/store/types.js';

const NOTE = [
  '---',
  'updated: 2021-04-06 10:00',
  '---',
  'Attendees: Ada Lovelace, Tom Kilburn',
  '',
  '### Engine',
  '',
  'Ada will write the loop for the Engine. Tom reviewed it.',
  '',
].join('\n');

describe('runIngest: what a second ingest into the same data directory redoes', () => {
  let work: string;
  let notesDir: string;
  let dataDir: string;
  let peopleFile: string;
  let projectsFile: string;
  const run = () => runIngest({ notesDir, dataDir, peopleFile, projectsFile });

  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'meetgraph-run-'));
    notesDir = path.join(work, 'notes');
    dataDir = path.join(work, 'data');
    peopleFile = path.join(work, 'people.yml');
    projectsFile = path.join(work, 'projects.yml');
    writeFileSync(peopleFile, '- name: Ada Lovelace\n  aliases: [Ada]\n');
    writeFileSync(projectsFile, '- name: Engine\n  aliases: []\n');
    mkdirSync(notesDir);
    writeFileSync(path.join(notesDir, '2021-04-06.md'), NOTE);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('reuses the saved graph when neither the notes nor the registries changed', async () => {
    const first = await run();
    const second = await run();
    expect(first.reused).toBe(false);
    expect(second.reused).toBe(true);
    expect(second.graph).toEqual(first.graph);
  });

  it('ingests again when a registry changed, and applies it', async () => {
    await run();
    writeFileSync(peopleFile, '- name: Ada Lovelace\n  aliases: [Ada, AL]\n- name: Tom Kilburn\n  aliases: [Tom, TK]\n');
    const again = await run();
    expect(again.reused).toBe(false);
    expect(again.graph.people.find((p) => p.name === 'Tom Kilburn')?.aliases).toContain('TK');
  });

  it('ingests again when a note changed', async () => {
    await run();
    appendFileSync(path.join(notesDir, '2021-04-06.md'), '\n### Cards\n\nTom will punch the cards.\n');
    const again = await run();
    expect(again.reused).toBe(false);
    expect(again.graph.discussions.map((d) => d.heading)).toEqual(['Engine', 'Cards']);
  });

  it('brings a search index saved for another graph in line, even when the saved graph is reused', async () => {
    const first = await run();
    expect(await savedSearchIndexKey(dataDir)).toBe(first.inputsKey);
    const fresh = (await loadSearchIndex(dataDir))!.search('loop');
    expect(fresh.total).toBe(1);
    // What a process killed between writing a changed graph and saving its index leaves behind:
    // an index of another graph (here, the note without its discussion).
    const other = await runIngest({ notesDir, dataDir: path.join(work, 'other'), peopleFile, projectsFile });
    await updateSearchIndexFile(dataDir, { ...other.graph, discussions: [] }, 'f'.repeat(64));
    expect((await loadSearchIndex(dataDir))!.search('loop').total).toBe(0);

    const again = await run();
    expect(again.reused).toBe(true);
    expect(await savedSearchIndexKey(dataDir)).toBe(first.inputsKey);
    expect((await loadSearchIndex(dataDir))!.search('loop')).toEqual(fresh);
    // In line and keyed: a third ingest leaves the file alone.
    expect((await run()).search).toBeNull();
  });

  it('still refuses a registry it cannot read or parse, naming the file, even when nothing else changed', async () => {
    await run();
    rmSync(projectsFile);
    await expect(run()).rejects.toThrow(RegistryError);
    await expect(run()).rejects.toThrow(projectsFile);
    writeFileSync(projectsFile, '- name: [not, a, name]\n');
    await expect(run()).rejects.toThrow(projectsFile);
  });

  it('with persistAfter, answers with the store loaded and writes the files afterwards, holding the lock until then', async () => {
    const store = await EmbeddedStore.open(dataDir);
    const first = await runIngest({ notesDir, dataDir, peopleFile, projectsFile, store, persistAfter: true });
    expect((await store.stats()).meetings).toBe(1);
    // The lock is held until the files are written: a second ingest waits for them, then finds nothing changed.
    const second = runIngest({ notesDir, dataDir, peopleFile, projectsFile });
    await first.persisted;
    expect(existsSync(path.join(dataDir, 'graph.json'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'manifest.json'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dataDir, SNAPSHOT_FILE_NAME), 'utf8')).graph).toEqual(await store.snapshot());
    expect((await second).reused).toBe(true);
    await store.close();
  });

  it('with persistAfter, starts the graph file WRITE_AFTER_ANSWER_MS after answering, also when the store writes no file of its own', async () => {
    await run();
    const graphFile = path.join(dataDir, 'graph.json');
    appendFileSync(path.join(notesDir, '2021-04-06.md'), '\n### Cards\n\nTom will punch the cards.\n');
    // A store like a database: loading is writing, so `persisted` answers at once.
    const embedded = await EmbeddedStore.open(dataDir);
    const store = Object.assign(Object.create(embedded) as EmbeddedStore, { persisted: async () => {} });
    const result = await runIngest({ notesDir, dataDir, peopleFile, projectsFile, store, persistAfter: true, indexedByCaller: true });
    // The requests that follow a change go first: a fifth of the wait later, nothing is written yet.
    await new Promise((resolve) => setTimeout(resolve, WRITE_AFTER_ANSWER_MS / 5));
    expect(readFileSync(graphFile, 'utf8')).not.toContain('Cards');
    await result.persisted;
    expect(readFileSync(graphFile, 'utf8')).toContain('Cards');
    await embedded.persisted();
    await embedded.close();
  });

  it('with persistAfter, a file that cannot be written rejects persisted and releases the lock', async () => {
    await run();
    appendFileSync(path.join(notesDir, '2021-04-06.md'), '\n### Cards\n\nTom will punch the cards.\n');
    // A directory where graph.json should go: its atomic rename fails.
    rmSync(path.join(dataDir, 'graph.json'));
    mkdirSync(path.join(dataDir, 'graph.json'));
    const result = await runIngest({ notesDir, dataDir, peopleFile, projectsFile, persistAfter: true });
    expect(result.graph.discussions.map((d) => d.heading)).toEqual(['Engine', 'Cards']);
    await expect(result.persisted).rejects.toThrow();
    rmSync(path.join(dataDir, 'graph.json'), { recursive: true });
    const again = await run();
    expect(again.reused).toBe(false);
    expect(existsSync(path.join(dataDir, 'graph.json'))).toBe(true);
  });

  it('removes temporary files that writes cut short left in the data directory, once they are old, and only those', async () => {
    await run();
    const old = new Date(Date.now() - 60 * 60_000);
    const names = ['graph-store.json.2983471123', 'graph.json.4242.deadbeef', 'search-index.json.17', 'notes.json.1', 'graph-store.json.bak'];
    for (const name of names) writeFileSync(path.join(dataDir, name), 'partial');
    for (const name of names.filter((n) => n !== 'search-index.json.17')) utimesSync(path.join(dataDir, name), old, old);
    await run();
    expect(readdirSync(dataDir).filter((n) => names.includes(n)).sort()).toEqual(['graph-store.json.bak', 'notes.json.1', 'search-index.json.17']);
  });

  it('runs besideLoad while the store loads, and answers only once it has settled', async () => {
    const embedded = await EmbeddedStore.open(dataDir);
    // A store whose load is held until the work beside it lets it go (or, run one after the other, 2 s).
    let loading = false;
    let loadWaitedOut = false;
    let releaseLoad = (): void => {};
    const held = new Promise<void>((resolve) => (releaseLoad = resolve));
    const store = Object.assign(Object.create(embedded) as EmbeddedStore, {
      load: async (...args: Parameters<EmbeddedStore['load']>) => {
        loading = true;
        await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 2000)).then(() => (loadWaitedOut = true))]);
        return embedded.load(...args);
      },
    });
    const seen: Array<{ loading: boolean; meetings: number; inputsKey: string }> = [];
    let besideDone = false;
    const result = await runIngest({
      notesDir, dataDir, peopleFile, projectsFile, store,
      besideLoad: async (graph, inputsKey) => {
        await new Promise((resolve) => setImmediate(resolve));
        seen.push({ loading, meetings: graph.meetings.length, inputsKey });
        releaseLoad();
        await new Promise((resolve) => setTimeout(resolve, 50));
        besideDone = true;
      },
    });
    expect(seen).toEqual([{ loading: true, meetings: 1, inputsKey: result.inputsKey }]);
    expect(loadWaitedOut).toBe(false);
    expect(besideDone).toBe(true);

    // Its failure fails the ingest; a failed load waits for it before the ingest fails.
    appendFileSync(path.join(notesDir, '2021-04-06.md'), '\n### Cards\n\nTom will punch the cards.\n');
    await expect(runIngest({ notesDir, dataDir, peopleFile, projectsFile, store: embedded, besideLoad: async () => { throw new Error('beside failed'); } }))
      .rejects.toThrow('beside failed');
    const failing = Object.assign(Object.create(embedded) as EmbeddedStore, { load: async () => { throw new Error('load failed'); } });
    besideDone = false;
    const slowBeside = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      besideDone = true;
    };
    await expect(runIngest({ notesDir, dataDir, peopleFile, projectsFile, store: failing, besideLoad: slowBeside })).rejects.toThrow('load failed');
    expect(besideDone).toBe(true);
    await embedded.close();
  });

  it('with persistAfter (a serving process), lets the event loop turn between the extraction and the load', async () => {
    const embedded = await EmbeddedStore.open(dataDir);
    // A turn scheduled when the last note is done has come by the time the load starts.
    let turned = false;
    const onProgress = (done: number, total: number) => {
      if (done === total) setImmediate(() => (turned = true));
    };
    let turnedBeforeLoad: boolean | null = null;
    const store = Object.assign(Object.create(embedded) as EmbeddedStore, {
      load: (...args: Parameters<EmbeddedStore['load']>) => {
        turnedBeforeLoad = turned;
        return embedded.load(...args);
      },
    });
    const result = await runIngest({ notesDir, dataDir, peopleFile, projectsFile, store, onProgress, persistAfter: true, indexedByCaller: true });
    await result.persisted;
    expect(turnedBeforeLoad).toBe(true);
    await embedded.persisted();
    await embedded.close();
  });

  it('with persistAfter, cancelPersist abandons the writes not yet done: the graph file and manifest stay as they were', async () => {
    const embedded = await EmbeddedStore.open(dataDir);
    await runIngest({ notesDir, dataDir, peopleFile, projectsFile, store: embedded });
    const files = ['graph.json', 'manifest.json'];
    const before = files.map((f) => readFileSync(path.join(dataDir, f), 'utf8'));
    appendFileSync(path.join(notesDir, '2021-04-06.md'), '\n### Cards\n\nTom will punch the cards.\n');
    // The store's own write is held until the cancel, so that the graph file's write comes after it.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = Object.assign(Object.create(embedded) as EmbeddedStore, {
      persisted: async () => {
        await held;
        await embedded.persisted();
      },
    });

    const result = await runIngest({ notesDir, dataDir, peopleFile, projectsFile, store, persistAfter: true, indexedByCaller: true });
    result.cancelPersist();
    release();
    await expect(result.persisted).rejects.toMatchObject({ name: 'AbortError' });
    expect((await embedded.discussions({})).map((d) => d.heading)).toContain('Cards');
    expect(files.map((f) => readFileSync(path.join(dataDir, f), 'utf8'))).toEqual(before);
    expect(readdirSync(dataDir).filter((n) => /\.json\.[0-9a-f.]+$/.test(n))).toEqual([]);

    // The lock is free, and the next ingest writes what was abandoned.
    const again = await runIngest({ notesDir, dataDir, peopleFile, projectsFile, store: embedded });
    expect(again.reused).toBe(false);
    expect(readFileSync(path.join(dataDir, 'graph.json'), 'utf8')).toContain('Cards');
    await embedded.close();
  });
});
