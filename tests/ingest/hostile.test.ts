/**
 * Hostile notes folders: broken and bomb YAML, binary and non-UTF-8 files, a 20 MB note, a note of
 * 10,000 headings, 1 MB single lines built to trip regular expressions, Unicode and right-to-left
 * file names, symlink loops, a named pipe and an unreadable file. Whatever the folder holds,
 * ingest reports each file it cannot use with its path and reason, ingests everything else, and
 * finishes in a bounded time; a note over the per-note time budget is skipped with a warning.
 * (`bad-input.test.ts` covers the everyday cases: empty and undated notes, duplicate dates.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IngestWarning, MeetingGraph } from '../../src/domain.js';
import { ingestFolder, ingestNotes } from '../../ingest/index.js';
import { NOTE_BUDGET_ENV, noteBudgetMs, withinNoteBudget } from '../../ingest/budget.js';
import { hashBytes } from '../../ingest/read.js';
import { loadRegistry } from '../../ingest/registry.js';
import { SHARED } from '../support/shared.js';
import { buildHostileFolder, CONTEXTS, front, good, HEADINGS, HOSTILE_LINES, tenThousandHeadings, type HostileFolder } from '../support/hostile-notes.js';

const raw = (source: string, text: string) => ({ source, text, contentHash: hashBytes(text) });

function warningsOf(g: MeetingGraph, file: string): string {
  return g.warnings
    .filter((w) => w.file === file)
    .map((w) => `${w.kind}: ${w.message}`)
    .join('; ');
}

const isRoot = process.getuid?.() === 0;

describe('a hostile notes folder', () => {
  let dir: string;
  let expectedSkips: HostileFolder['expectedSkips'];
  let expectedMeetings: HostileFolder['expectedMeetings'];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-hostile-'));
    ({ expectedSkips, expectedMeetings } = buildHostileFolder(dir));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every file it cannot use with its path and reason, and ingests everything else', async () => {
    const started = performance.now();
    const g = await ingestFolder(dir, { workers: 0 });
    const seconds = (performance.now() - started) / 1000;
    for (const [file, reason] of expectedSkips) expect(warningsOf(g, file), file).toMatch(reason);
    expect(new Set(g.meetings.map((m) => m.id))).toEqual(expectedMeetings);
    // Every warning names a file of the folder (or a link inside it), never an absolute path.
    for (const w of g.warnings) expect(path.isAbsolute(w.file), w.file).toBe(false);
    // Hostile notes are ingested, not merely survived.
    expect(warningsOf(g, 'broken-yaml.md')).toMatch(/^partial: front matter is not valid YAML/);
    expect(warningsOf(g, 'unclosed-front-matter.md')).toMatch(/^partial: front matter is not closed/);
    expect(g.meetings.find((m) => m.id === 'yaml-bomb')?.date).toBe('2020-01-05');
    expect(g.discussions.filter((d) => d.meetingId === 'headings')).toHaveLength(HEADINGS);
    const rtl = g.meetings.find((m) => m.id === '2020-02-03-\u05e9\u05dc\u05d5\u05dd');
    expect(rtl?.source).toBe('2020-02-03-\u05e9\u05dc\u05d5\u05dd.md');
    expect(g.attendance.filter((a) => a.meetingId === rtl?.id)).toHaveLength(2);
    expect(g.meetings.find((m) => m.id === '\u202e2020-02-02-rtl-override')?.date).toBe('2020-02-02');
    console.info(`hostile folder: ${g.meetings.length} meetings, ${g.warnings.length} warnings in ${seconds.toFixed(1)} s`);
    // Bounded: linear stages over ~20 MB of hostile text. Quadratic ones took hours here.
    expect(seconds).toBeLessThan(120);
  }, 240_000);

  // Root reads a file whatever its mode, so this case cannot be made as root; the /proc/self/mem
  // link above covers a read that fails there.
  it.skipIf(isRoot)(`reports a file it may not read (chmod 000)${isRoot ? ' — skipped: running as root, which reads any file' : ''}`, async () => {
    const locked = mkdtempSync(path.join(tmpdir(), 'meetgraph-locked-'));
    try {
      writeFileSync(path.join(locked, '2020-01-01.md'), good('2020-01-01'));
      writeFileSync(path.join(locked, 'locked.md'), good('2020-03-01'));
      chmodSync(path.join(locked, 'locked.md'), 0o000);
      const g = await ingestFolder(locked, { workers: 0 });
      expect(warningsOf(g, 'locked.md')).toMatch(/^skipped: cannot read file: EACCES/);
      expect(g.meetings.map((m) => m.id)).toEqual(['2020-01-01']);
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });

  it('the CLI lists each skipped file with its reason, exits 0, or 1 with --strict, and never prints a stack', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'meetgraph-hostile-data-'));
    try {
      const run = (...extra: string[]) =>
        spawnSync('node', ['src/bin.js', '--data', data, 'ingest', dir, ...extra], { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
      const plain = run();
      expect(plain.status, plain.stderr).toBe(0);
      for (const [file] of expectedSkips) expect(plain.stdout).toContain(`  ${file}: `);
      expect(plain.stdout + plain.stderr).not.toMatch(/\n\s+at .*\(/);
      const strict = run('--strict', '--json');
      expect(strict.status).toBe(1);
      const summary = JSON.parse(strict.stdout) as { skipped: number; warnings: IngestWarning[]; meetings: number };
      expect(summary.skipped).toBe(expectedSkips.size);
      expect(summary.meetings).toBe(expectedMeetings.size);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('hostile lines and headings are ingested in linear time', () => {
  const people = existsSync(path.join(SHARED, 'corpus/mirage-weekly.people.yml')) ? loadRegistry(path.join(SHARED, 'corpus/mirage-weekly.people.yml')) : null;
  const projects = existsSync(path.join(SHARED, 'corpus/mirage-weekly.projects.yml')) ? loadRegistry(path.join(SHARED, 'corpus/mirage-weekly.projects.yml')) : null;
  /** Seconds one note takes through parse, extraction and topics (registries make the name patterns large). */
  const timeOf = (text: string) => {
    const started = performance.now();
    const g = ingestNotes([raw('2020-01-07.md', text)], { people, projects });
    return { seconds: (performance.now() - started) / 1000, g };
  };
  // Quadratic behaviour on 1 MiB is minutes to hours; linear is about a second on a loaded machine.
  const LIMIT_S = 10;

  it(`a note of ${HEADINGS} headings within ${LIMIT_S} s`, () => {
    const { seconds, g } = timeOf(tenThousandHeadings());
    console.info(`${HEADINGS} headings: ${seconds.toFixed(2)} s`);
    expect(g.discussions).toHaveLength(HEADINGS);
    expect(seconds).toBeLessThan(LIMIT_S);
  }, 120_000);

  for (const [context, wrap] of Object.entries(CONTEXTS)) {
    for (const [name, line] of Object.entries(HOSTILE_LINES)) {
      it(`a 1 MiB ${name} line in ${context === 'attendees' ? 'an attendee list' : `a ${context}`} within ${LIMIT_S} s`, () => {
        const { seconds, g } = timeOf(wrap(line));
        if (seconds > 1) console.info(`${context}/${name}: ${seconds.toFixed(2)} s`);
        expect(g.meetings).toHaveLength(1);
        expect(seconds).toBeLessThan(LIMIT_S);
      }, 120_000);
    }
  }

  it(`a paragraph of 20,000 short lines within ${LIMIT_S} s`, () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `e.g. line ${i} ends here.` : `Ann Lee (${i}) and [Bob`)).join('\n');
    const { seconds } = timeOf(`${front('2020-01-07')}### Item\n\n${lines}\n`);
    expect(seconds).toBeLessThan(LIMIT_S);
  }, 120_000);

  // Fifty people named over and over: the cost under test is the block's length, not the number
  // of people (matching a new attendee against every known one is linear in the directory's size).
  it(`an attendee block of 20,000 lines within ${LIMIT_S} s`, () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Person${i % 50} Name (handle${i % 50}, (`).join('\n');
    const { seconds } = timeOf(`${front('2020-01-07')}Attendees:\n${lines}\n\n### Item\n\nAnn spoke.\n`);
    expect(seconds).toBeLessThan(LIMIT_S);
  }, 120_000);
});

describe('the time budget of one note', () => {
  const saved = process.env[NOTE_BUDGET_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[NOTE_BUDGET_ENV];
    else process.env[NOTE_BUDGET_ENV] = saved;
  });

  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  it('turns a step that ran over the budget into a warning naming the note and the step', () => {
    const slow = withinNoteBudget('slow.md', 'extract', () => (busy(60), { ok: true as const, value: 1 }), 20);
    expect(slow).toEqual({ ok: false, warning: { kind: 'skipped', file: 'slow.md', message: expect.stringMatching(/^took \d+ ms to extract, over the 20 ms budget of one note \(MEETGRAPH_NOTE_BUDGET_MS\)/) } });
    expect(withinNoteBudget('fast.md', 'parse', () => ({ ok: true as const, value: 2 }), 1000)).toEqual({ ok: true, value: 2 });
  });

  it('is read from MEETGRAPH_NOTE_BUDGET_MS; 0 turns it off; anything else is refused', () => {
    delete process.env[NOTE_BUDGET_ENV];
    expect(noteBudgetMs()).toBe(20_000);
    process.env[NOTE_BUDGET_ENV] = '0';
    expect(noteBudgetMs()).toBe(Infinity);
    process.env[NOTE_BUDGET_ENV] = '1500';
    expect(noteBudgetMs()).toBe(1500);
    for (const bad of ['soon', '-1', '1e999']) {
      process.env[NOTE_BUDGET_ENV] = bad;
      expect(() => noteBudgetMs(), bad).toThrow(/MEETGRAPH_NOTE_BUDGET_MS: must be a number of milliseconds/);
    }
  });

  it('skips a note that takes longer than the budget and keeps the others', () => {
    const notes = [raw('2020-01-01.md', good('2020-01-01')), raw('headings.md', tenThousandHeadings())];
    ingestNotes(notes.slice(0, 1), { people: null, projects: null, topics: false }); // warm up the code paths
    process.env[NOTE_BUDGET_ENV] = '150';
    const g = ingestNotes(notes, { people: null, projects: null, topics: false });
    expect(warningsOf(g, 'headings.md')).toMatch(/^skipped: took [\d.]+ (ms|s) to (parse|extract), over the 150 ms budget/);
    expect(g.meetings.map((m) => m.id)).toEqual(['2020-01-01']);
  }, 120_000);

  it('the CLI refuses a budget that is not a duration in one line', () => {
    const notes = mkdtempSync(path.join(tmpdir(), 'meetgraph-budget-'));
    try {
      writeFileSync(path.join(notes, '2020-01-01.md'), good('2020-01-01'));
      const r = spawnSync('node', ['src/bin.js', '--data', path.join(notes, '.data'), 'ingest', notes], {
        encoding: 'utf8',
        env: { ...process.env, [NOTE_BUDGET_ENV]: 'soon' },
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe('meetgraph: MEETGRAPH_NOTE_BUDGET_MS: must be a number of milliseconds (0 turns the budget off), not "soon"');
    } finally {
      rmSync(notes, { recursive: true, force: true });
    }
  }, 180_000);
});
