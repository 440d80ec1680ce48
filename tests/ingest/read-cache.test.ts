/**
 * The server's read cache: a note file whose `stat` is unchanged is not read again; any write to
 * it, even one that keeps its size and puts its modification time back, is read; a file modified
 * just before it was read is read again next time.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoteReadCache, readNotesFolder, type RawNote } from '../../ingest/read.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const anHourAgo = () => new Date(Date.now() - 3_600_000);
function folder(notes: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-read-cache-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(notes)) {
    writeFileSync(path.join(dir, name), text);
    utimesSync(path.join(dir, name), anHourAgo(), anHourAgo());
  }
  return dir;
}
const byName = (notes: RawNote[]) => new Map(notes.map((n) => [n.source, n]));

describe('NoteReadCache', () => {
  it('keeps unchanged notes and reads every kind of change', async () => {
    const dir = folder({ 'a.md': '# A\n\nalpha\n', 'b.md': '# B\n\nbravo\n', 'c.md': '# C\n\ncharlie\n' });
    const cache = new NoteReadCache();
    const first = byName((await readNotesFolder(dir, { cache })).notes);

    // Same size, modification time put back: only the change time tells.
    const b = path.join(dir, 'b.md');
    writeFileSync(b, '# B\n\nBRAVO\n');
    utimesSync(b, anHourAgo(), anHourAgo());
    // Just written: read now, and read again next time.
    writeFileSync(path.join(dir, 'd.md'), '# D\n\ndelta\n');
    rmSync(path.join(dir, 'c.md'));
    const second = byName((await readNotesFolder(dir, { cache })).notes);
    expect(second.get('a.md')).toBe(first.get('a.md'));
    expect(second.get('b.md')!.text).toContain('BRAVO');
    expect(second.get('b.md')!.contentHash).not.toBe(first.get('b.md')!.contentHash);
    expect(second.has('c.md')).toBe(false);
    expect(second.get('d.md')!.text).toContain('delta');

    const third = byName((await readNotesFolder(dir, { cache })).notes);
    expect(third.get('a.md')).toBe(first.get('a.md'));
    expect(third.get('b.md')).toBe(second.get('b.md'));
    expect(third.get('d.md')).not.toBe(second.get('d.md'));
    expect(third.get('d.md')).toEqual(second.get('d.md'));
    // What the cache gives is what reading afresh gives.
    expect([...third.values()]).toEqual((await readNotesFolder(dir)).notes);
  });
});
