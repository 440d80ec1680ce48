/**
 * The server's read cache: a note file whose `stat` is unchanged is not read again; any write to
 * it, even one that keeps its size and puts its modification time back, is read; a file modified
 * just before it was read is read again next time. A read by the paths a file watcher reported
 * reads those only, and gives what reading the whole folder gives.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

describe('a read by the paths a watcher reported', () => {
  /** A folder with notes in a subfolder, read once with a fresh cache. */
  async function readOnce() {
    const dir = folder({ 'a.md': '# A\n\nalpha\n', 'c.md': '# C\n\ncharlie\n', 'notes.txt': 'not a note\n' });
    mkdirSync(path.join(dir, 'team'));
    for (const [name, text] of Object.entries({ 'b.md': '# B\n\nbravo\n', 'd.md': '# D\n\ndelta\n' })) {
      writeFileSync(path.join(dir, 'team', name), text);
      utimesSync(path.join(dir, 'team', name), anHourAgo(), anHourAgo());
    }
    const cache = new NoteReadCache();
    const first = await readNotesFolder(dir, { cache });
    return { dir, cache, first };
  }

  it('reads the changed, added and removed notes again and gives what reading the whole folder gives', async () => {
    const { dir, cache, first } = await readOnce();
    writeFileSync(path.join(dir, 'team', 'b.md'), '# B\n\nBRAVO\n');
    writeFileSync(path.join(dir, 'team', 'bb.md'), '# BB\n\nbravo bravo\n');
    writeFileSync(path.join(dir, 'b.md'), '# B at the top\n');
    writeFileSync(path.join(dir, 'empty.md'), '');
    rmSync(path.join(dir, 'c.md'));
    const changedPaths = ['team/b.md', 'team/bb.md', 'b.md', 'empty.md', 'c.md', 'notes.txt', '.hidden.md'].map((f) => path.join(dir, f));
    const hinted = await readNotesFolder(dir, { cache, changedPaths });
    expect(hinted).toEqual(await readNotesFolder(dir));
    expect(hinted.notes.map((n) => n.source)).toEqual(['a.md', 'b.md', 'team/b.md', 'team/bb.md', 'team/d.md']);
    expect(hinted.warnings.map((w) => w.file)).toEqual(['empty.md']);
    expect(hinted.notes.find((n) => n.source === 'team/d.md')).toBe(first.notes.find((n) => n.source === 'team/d.md'));
  });

  it('takes the other notes as they were, without looking at their files', async () => {
    const { dir, cache } = await readOnce();
    // Changed behind the watcher's back: only a read of the whole folder sees it.
    writeFileSync(path.join(dir, 'a.md'), '# A\n\nALPHA\n');
    const hinted = await readNotesFolder(dir, { cache, changedPaths: [path.join(dir, 'team', 'd.md')] });
    expect(hinted.notes.find((n) => n.source === 'a.md')!.text).toContain('alpha');
    const before = cache.signature();
    const whole = await readNotesFolder(dir, { cache });
    expect(whole.notes.find((n) => n.source === 'a.md')!.text).toContain('ALPHA');
    expect(cache.signature()).not.toBe(before);
    const afterWhole = cache.signature();
    expect((await readNotesFolder(dir, { cache, changedPaths: [] })).notes).toEqual(whole.notes);
    expect(cache.signature()).toBe(afterWhole);
  });

  it('lists the folder again for a folder, a link, a removed folder, or a cache that never read it', async () => {
    const cases: Array<(dir: string) => string> = [
      (dir) => {
        mkdirSync(path.join(dir, 'new'));
        writeFileSync(path.join(dir, 'new', 'e.md'), '# E\n\necho\n');
        return path.join(dir, 'new');
      },
      (dir) => {
        symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
        return path.join(dir, 'link.md');
      },
      (dir) => {
        rmSync(path.join(dir, 'team'), { recursive: true });
        return path.join(dir, 'team');
      },
      (dir) => {
        // A new note below a linked folder: the walk finds it by the link's path.
        symlinkSync(path.join(dir, 'team'), path.join(dir, 'linked'));
        writeFileSync(path.join(dir, 'team', 'f.md'), '# F\n\nfoxtrot\n');
        return path.join(dir, 'linked', 'f.md');
      },
    ];
    for (const change of cases) {
      const { dir, cache } = await readOnce();
      const changed = change(dir);
      expect(cache.afterChanges(dir, [changed])).toBeNull();
      expect(await readNotesFolder(dir, { cache, changedPaths: [changed] })).toEqual(await readNotesFolder(dir));
    }
    const { dir } = await readOnce();
    expect(new NoteReadCache().afterChanges(dir, [path.join(dir, 'a.md')])).toBeNull();
  });
});
