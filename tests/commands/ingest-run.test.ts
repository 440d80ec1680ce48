import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../ingest/registry.js';
import { runIngest } from '../../src/ingest-run.js';

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

  it('still refuses a registry it cannot read or parse, naming the file, even when nothing else changed', async () => {
    await run();
    rmSync(projectsFile);
    await expect(run()).rejects.toThrow(RegistryError);
    await expect(run()).rejects.toThrow(projectsFile);
    writeFileSync(projectsFile, '- name: [not, a, name]\n');
    await expect(run()).rejects.toThrow(projectsFile);
  });
});
