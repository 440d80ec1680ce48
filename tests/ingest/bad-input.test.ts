import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ingestFolder } from '../../ingest/index.js';

const good = (date: string, body = 'Ann will fix it.') => `---\nupdated: ${date}\n---\nAttendees: Ann Lee, Bob Stone\n\n### Item\n\n${body}\n`;

describe('a folder with bad notes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-bad-'));
    writeFileSync(path.join(dir, '2020-01-01.md'), good('2020-01-01'));
    writeFileSync(path.join(dir, '2020-01-01-second.md'), good('2020-01-01', 'Bob spoke.'));
    writeFileSync(path.join(dir, 'broken-yaml.md'), '---\nupdated: [2020-01-02\nsubject: "x\n---\n### Item\n\nAnn spoke.\n');
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('### Caf\xe9\n\nd\xe9j\xe0 vu\n', 'latin1'));
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'undated.md'), '### Item\n\nAnn spoke.\n');
    writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(20 * 1024 * 1024, 'a'));
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('..', path.join(dir, 'sub', 'loop'));
    writeFileSync(path.join(dir, 'sub', '2020-01-03.md'), good('2020-01-03'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each bad note with its path and reason and ingests the rest', async () => {
    const g = await ingestFolder(dir);
    const byFile = (f: string) => g.warnings.filter((w) => w.file === f).map((w) => `${w.kind}: ${w.message}`).join('; ');
    expect(byFile('binary.md')).toMatch(/skipped: binary/);
    expect(byFile('latin1.md')).toMatch(/skipped: not valid UTF-8/);
    expect(byFile('empty.md')).toMatch(/skipped: empty/);
    expect(byFile('huge.md')).toMatch(/skipped: file too large/);
    expect(byFile('broken-yaml.md')).toMatch(/partial: front matter is not valid YAML/);
    expect(byFile('undated.md')).toMatch(/no-date/);
    expect(byFile('2020-01-01.md') + byFile('2020-01-01-second.md')).toMatch(/duplicate-date/);
    expect(g.warnings.some((w) => w.file === 'sub/loop' && /loop/.test(w.message))).toBe(true);
    expect(g.meetings.map((m) => m.id).sort()).toEqual(['2020-01-01', '2020-01-01-second', 'broken-yaml', 'sub/2020-01-03', 'undated']);
  });

  it('keeps two notes of the same date as two meetings', async () => {
    const g = await ingestFolder(dir);
    expect(g.meetings.filter((m) => m.date === '2020-01-01')).toHaveLength(2);
  });

  it('the CLI prints the warnings without a stack trace and exits 0, or 1 with --strict', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'meetgraph-data-'));
    const run = (...extra: string[]) => spawnSync('node', ['src/bin.js', '--data', data, 'ingest', dir, ...extra], { encoding: 'utf8' });
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/binary\.md: binary file/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(/);
    expect(run('--strict').status).toBe(1);
    rmSync(data, { recursive: true, force: true });
  });

  it('the CLI fails with one line when nothing can be ingested', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'meetgraph-empty-'));
    writeFileSync(path.join(empty, 'bin.md'), Buffer.from([0, 1, 2]));
    const r = spawnSync('node', ['src/bin.js', '--data', path.join(empty, '.data'), 'ingest', empty], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/nothing could be ingested/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('a missing notes folder is one clear line', () => {
    const r = spawnSync('node', ['src/bin.js', '--data', path.join(tmpdir(), 'x-data'), 'ingest', '/nonexistent/notes'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/notes folder not found/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
