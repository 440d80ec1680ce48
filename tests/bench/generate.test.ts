/**
 * The synthetic notes generator is deterministic: the same seed writes the same bytes, so a
 * benchmark run on another day or machine reads the same folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function written(meetings: number, seed: number): Map<string, Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-generate-'));
  dirs.push(dir);
  writeCorpus(generateCorpus(meetings, seed), dir);
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), readFileSync(file));
    }
  }
  return files;
}

describe('synthetic notes generator', () => {
  it('writes the same bytes for the same seed', () => {
    const a = written(750, 5);
    const b = written(750, 5);
    // 750 meetings: more than 700, so notes go to per-team folders.
    expect([...a.keys()].some((f) => f.includes(path.sep))).toBe(true);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });

  it('writes other notes for another seed', () => {
    const a = generateCorpus(40, 1);
    const b = generateCorpus(40, 2);
    expect(a.notes.map((n) => n.text)).not.toEqual(b.notes.map((n) => n.text));
  });

  it('writes registries naming every generated person and project', () => {
    const corpus = generateCorpus(100, 3);
    const files = written(100, 3);
    const people = files.get('people.yml')!.toString('utf8');
    const projects = files.get('projects.yml')!.toString('utf8');
    for (const p of corpus.people) expect(people).toContain(`- name: ${p.first} ${p.last}`);
    for (const p of corpus.projects) expect(projects).toContain(`- name: ${p}`);
  });
});
