/**
 * Ingest on worker threads gives the graph the single-threaded pipeline gives: same nodes, same
 * edges, same warnings, in the same order. Over a synthetic folder large enough to be split
 * (~300 notes, several teams' notes per date, registries or none) plus notes that read or parse
 * badly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.js';
import { ingestFolder, ingestNotes, ingestNotesInWorkers, type IngestNotesOptions } from '../../ingest/index.js';
import { readNotesFolder, type RawNote } from '../../ingest/read.js';
import { loadRegistry } from '../../ingest/registry.js';
import { PARALLEL_MIN_NOTES, workerCount } from '../../ingest/parallel.js';

let dir: string;
let notes: RawNote[];
let withRegistries: IngestNotesOptions;
let withoutRegistries: IngestNotesOptions;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-parallel-'));
  writeCorpus(generateCorpus(300, 11), dir);
  // Notes that do not follow the shape: no date, no headings, an unclosed front matter, bad YAML.
  writeFileSync(path.join(dir, 'loose-note.md'), 'Alice Andersen said the Ledger release is late. Ben will look into it.\n');
  writeFileSync(path.join(dir, 'unclosed.md'), '---\ntitle: x\n\n### Item ###\nSome text by Alice.\n');
  writeFileSync(path.join(dir, 'bad-yaml.md'), '---\nupdated: [2015-01-01\n---\n### Agenda ###\n* a\n');
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x41, 0x00, 0x42]));
  const read = await readNotesFolder(dir);
  notes = read.notes;
  withRegistries = {
    people: loadRegistry(path.join(dir, 'people.yml')),
    projects: loadRegistry(path.join(dir, 'projects.yml')),
    readWarnings: read.warnings,
  };
  withoutRegistries = { people: null, projects: null, readWarnings: read.warnings };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest on worker threads', () => {
  it('gives the same graph as one thread, with registries', async () => {
    const serial = ingestNotes(notes, withRegistries);
    const parallel = await ingestNotesInWorkers(notes, withRegistries, 1);
    expect(parallel.meetings.length).toBeGreaterThan(290);
    expect(parallel.warnings.some((w) => w.file === 'binary.md')).toBe(true);
    expect(parallel).toEqual(serial);
    // Same order of every list, not only the same members.
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it('gives the same graph as one thread without registries (people known only from attendee lists)', async () => {
    const serial = ingestNotes(notes, withoutRegistries);
    const parallel = await ingestNotesInWorkers(notes, withoutRegistries, 2);
    expect(parallel.people.length).toBeGreaterThan(10);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it('reports parse progress up to the number of notes', async () => {
    const seen: number[] = [];
    await ingestNotesInWorkers(notes, { ...withRegistries, topics: false, onProgress: (done, total) => seen.push(done, total) }, 2);
    expect(seen.at(-2)).toBe(notes.length);
    expect(seen.at(-1)).toBe(notes.length);
  });

  it('is what ingestFolder uses for a large folder, with the same result', async () => {
    expect(workerCount(notes.length, 2)).toBe(2);
    expect(workerCount(1, 2)).toBe(0);
    expect(workerCount(PARALLEL_MIN_NOTES - 1)).toBe(0);
    const options = { peopleFile: path.join(dir, 'people.yml'), projectsFile: path.join(dir, 'projects.yml') };
    const parallel = await ingestFolder(dir, { ...options, workers: 1 });
    const serial = await ingestFolder(dir, { ...options, workers: 0 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });
});
