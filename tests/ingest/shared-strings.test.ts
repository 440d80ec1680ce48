import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shareStrings } from '../../ingest/shared-strings.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('shareStrings', () => {
  it('leaves a copied value equal to what was copied, its shared objects shared and its cycles whole', () => {
    const evidence = { file: 'team/2024-02-06.md', line: 12, sentence: 'Anil will release TLS.' };
    const section: Record<string, unknown> = {
      text: 'Anil will release TLS.',
      people: new Map([[1, evidence]]),
      projects: new Map([[7, { ...evidence }]]),
      keyed: new Map([['https://example.org/a', 'https://example.org/a']]),
      names: new Set(['Anil', 'Anil Madhavapeddy']),
      lines: [{ text: 'Anil will release TLS.', line: 12 }, 'team/2024-02-06.md', null, 3],
    };
    section.self = section;
    const facts = { note: { source: 'team/2024-02-06.md' }, sections: [section, section], nothing: undefined };
    const copy = structuredClone(facts);
    expect(shareStrings(copy)).toBe(copy);
    expect(copy).toEqual(facts);
    expect(copy.sections[0]).toBe(copy.sections[1]);
    expect(copy.sections[0].self).toBe(copy.sections[0]);
  });

  it('keeps one string per text where a copy held one per place (in a process of its own, for its heap)', () => {
    // 20,000 places holding one 1 KB text: a structured clone makes 20 MB of it.
    const script = `
      import { shareStrings } from './ingest/shared-strings.ts';
      const text = 'x'.repeat(1000) + Math.random();
      const value = { list: Array.from({ length: 10_000 }, () => text), map: new Map(Array.from({ length: 10_000 }, (_, i) => [i, { sentence: text }])) };
      const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      const before = heap();
      const copy = structuredClone(value);
      const copied = heap() - before;
      shareStrings(copy);
      const shared = heap() - before;
      console.log(JSON.stringify({ copied: Math.round(copied / 1e6), shared: Math.round(shared / 1e6), same: copy.list.every((t) => t === text) }));
    `;
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { copied, shared, same } = JSON.parse(run.stdout.trim());
    expect(same).toBe(true);
    expect(copied).toBeGreaterThanOrEqual(20);
    expect(shared).toBeLessThan(4);
  });
});
