/**
 * The note watcher on its own: a burst of writes is one call, after the quiet time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchNotes, type NoteWatcher } from '../../src/server/watch-notes.js';

describe('watchNotes', () => {
  let dir: string;
  let watcher: NoteWatcher | null = null;
  afterEach(async () => {
    await watcher?.close();
    watcher = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('gathers a burst of writes into one call with every path, and ignores what is not a note', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-watch-notes-'));
    const calls: string[][] = [];
    watcher = await watchNotes({ notesDir: dir, onChange: async (paths) => void calls.push(paths) });
    const written = Array.from({ length: 40 }, (_, i) => path.join(dir, `2024-01-${String(i + 1).padStart(2, '0')}.${i % 2 ? 'md' : 'markdown'}`));
    for (const file of written) writeFileSync(file, '# note\n');
    writeFileSync(path.join(dir, 'picture.png'), 'not a note');
    writeFileSync(path.join(dir, '.draft.md.swp'), 'editor swap file');
    const started = Date.now();
    while (calls.length === 0 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    // Nothing more comes after the first call: the burst was one.
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toHaveLength(1);
    expect([...calls[0]].sort()).toEqual(written);
  });
});
