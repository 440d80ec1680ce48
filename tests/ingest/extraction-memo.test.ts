/**
 * A re-ingest that takes unchanged notes' facts from the memo gives the graph a fresh ingest of the
 * same notes gives — nodes, edges, warnings, their order — and extracts only the changed notes;
 * when an attendee list or a registry changes, it extracts the whole folder again.
 * Over the MirageOS corpus with its registries and without them (where discovered project names
 * are promoted by counting across notes), plus a note that does not parse.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractionMemo } from '../../ingest/extraction-memo.js';
import { ingestNotes, ingestNotesAsync, type IngestNotesOptions } from '../../ingest/index.js';
import { hashBytes, readNotesFolder, type RawNote } from '../../ingest/read.js';
import { loadRegistry } from '../../ingest/registry.js';
import type { GraphChanges, MeetingGraph } from '../../src/domain.js';
import { partitionGraph } from '../../src/store/meeting-parts.js';
import { itemsOfMeetings } from '../fixtures/meeting-items.js';

const corpus = path.resolve(__dirname, '../../../shared/corpus/mirage-weekly');
let original: RawNote[];
let registries: Pick<IngestNotesOptions, 'people' | 'projects'>;
const none: Pick<IngestNotesOptions, 'people' | 'projects'> = { people: null, projects: null };

const note = (source: string, text: string): RawNote => ({ source, text, contentHash: hashBytes(text) });
const edited = (notes: RawNote[], source: string, edit: (text: string) => string): RawNote[] =>
  notes.map((n) => (n.source === source ? note(n.source, edit(n.text)) : n));

beforeAll(async () => {
  original = [...(await readNotesFolder(corpus)).notes, note('broken.md', '---\nupdated: [2015-01-01\n---\n### Agenda ###\n* a\n')];
  registries = {
    people: loadRegistry(`${corpus}.people.yml`),
    projects: loadRegistry(`${corpus}.projects.yml`),
  };
  expect(original.length).toBeGreaterThan(50);
});

/** The id of the meeting a note became. */
const meetingOf = (graph: MeetingGraph, source: string) => graph.meetings.find((m) => m.source === source)!.id;

/** What `GraphChanges` promises: every meeting it does not list is the earlier graph's, part for part. */
function expectUnlistedUnchanged(changes: GraphChanges, graph: MeetingGraph): void {
  const before = new Map(partitionGraph(changes.since).meetings.map((p) => [p.meeting.id, p]));
  const after = partitionGraph(graph).meetings.filter((p) => !changes.meetings.has(p.meeting.id));
  expect(after.length).toBe(graph.meetings.length - changes.meetings.size);
  for (const part of after) expect(part).toEqual(before.get(part.meeting.id));
}

/** What `GraphChanges.items` promises: each listed meeting's items, exactly as the graph holds them. */
function expectItemsAsInGraph(changes: GraphChanges, graph: MeetingGraph): void {
  expect([...changes.items!.keys()].sort()).toEqual([...changes.meetings].sort());
  for (const [meetingId, items] of itemsOfMeetings(graph, changes.meetings)) expect(changes.items!.get(meetingId)).toMatchObject(items);
}

/** A note of the corpus whose attendee list is a line `Attendees: A, B …`. */
function noteWithAttendees(notes: RawNote[]): RawNote {
  return notes.find((n) => /^Attendees: \S/m.test(n.text))!;
}

describe.each([
  ['with registries', () => registries],
  ['without registries', () => none],
])('the extraction memo (%s)', (_name, options) => {
  it('gives a fresh ingest\'s graph after a text change, extracting only the changed notes', () => {
    const memo = new ExtractionMemo();
    expect(ingestNotes(original, { ...options(), memo })).toEqual(ingestNotes(original, options()));
    expect(memo.lastRun).toMatchObject({ reused: 0, fullBecause: 'first ingest' });

    // Two changes in a row: new discussion text naming people and projects, then another note.
    const first = original[10].source;
    const second = original[30].source;
    const once = edited(original, first, (t) => `${t}\n\n### Mirage release follow-up ###\n\nAnil will review the TLS and Irmin patches with Thomas; Mort agreed to test Xen.\n`);
    expect(ingestNotes(once, { ...options(), memo })).toEqual(ingestNotes(once, options()));
    expect(memo.lastRun).toEqual({ reused: original.length - 1, extracted: 1, fullBecause: null });

    const twice = edited(once, second, (t) => t.replace(/\n### /, '\n### Lwt and Jitsu discussion ###\n\nDave said Jitsu needs a new release.\n\n### '));
    expect(ingestNotes(twice, { ...options(), memo })).toEqual(ingestNotes(twice, options()));
    expect(memo.lastRun).toEqual({ reused: original.length - 1, extracted: 1, fullBecause: null });

    // Nothing changed: nothing extracted, the same graph.
    expect(ingestNotes(twice, { ...options(), memo })).toEqual(ingestNotes(twice, options()));
    expect(memo.lastRun).toEqual({ reused: original.length, extracted: 0, fullBecause: null });

    // Back to the original text of the first note, and a note without attendees removed.
    const withoutOne = edited(twice, first, () => original[10].text).filter((n) => n.source !== 'broken.md');
    expect(ingestNotes(withoutOne, { ...options(), memo })).toEqual(ingestNotes(withoutOne, options()));
    expect(memo.lastRun).toEqual({ reused: withoutOne.length - 1, extracted: 1, fullBecause: null });
  });

  it('tells which meetings changed: only the edited note\'s, and every other meeting is the last graph\'s', () => {
    const memo = new ExtractionMemo();
    const first = ingestNotes(original, { ...options(), memo });
    expect(memo.lastChanges).toBeNull();
    const source = original[10].source;
    // Text that moves no folder-wide decision (no name, no project, nothing to promote).
    const once = edited(original, source, (t) => `${t}\n\n### Follow-up ###\n\nThe call ran over time and the minutes will follow.\n`);
    const graph = ingestNotes(once, { ...options(), memo });
    expect(graph).toEqual(ingestNotes(once, options()));
    const changes = memo.lastChanges!;
    expect(changes.since).toBe(first);
    expect([...changes.meetings]).toEqual([meetingOf(graph, source)]);
    expectUnlistedUnchanged(changes, graph);
    expectItemsAsInGraph(changes, graph);
    expect(changes.items!.get(meetingOf(graph, source))!.discussions.map((d) => d.heading)).toContain('Follow-up');

    // Nothing changed: nothing listed.
    const again = ingestNotes(once, { ...options(), memo });
    expect(memo.lastChanges).toEqual({ since: graph, meetings: new Set(), items: new Map() });
    expect(again).toEqual(graph);
  });

  it('extracts every note again when an attendee list changes, and still matches', () => {
    const memo = new ExtractionMemo();
    ingestNotes(original, { ...options(), memo });
    const target = noteWithAttendees(original);
    const newcomer = edited(original, target.source, (t) => t.replace(/^Attendees: /m, 'Attendees: Zoe Newcomer, '));
    expect(newcomer.find((n) => n.source === target.source)!.text).toContain('Zoe Newcomer');
    const graph = ingestNotes(newcomer, { ...options(), memo });
    expect(memo.lastRun).toMatchObject({ reused: 0, extracted: original.length, fullBecause: expect.stringContaining('attendee list') });
    expect(graph).toEqual(ingestNotes(newcomer, options()));
    expect(graph.people.map((p) => p.name)).toContain('Zoe Newcomer');

    // A later text change reuses the new context.
    const later = edited(newcomer, original[5].source, (t) => `${t}\n\nZoe will write the release notes.\n`);
    expect(ingestNotes(later, { ...options(), memo })).toEqual(ingestNotes(later, options()));
    expect(memo.lastRun).toMatchObject({ extracted: 1, fullBecause: null });
  });

});

describe('the extraction memo without registries, when a folder-wide decision moves', () => {
  it('lists every meeting once a discovered name is promoted to a project, and still matches a fresh ingest', () => {
    const memo = new ExtractionMemo();
    ingestNotes(original, { ...none, memo });
    const mention = (t: string) => `${t}\n\n### Packaging ###\n\nThe \`quuxlib\` package needs a new maintainer.\n`;
    // Named in one meeting: a candidate, nothing else moves.
    const once = edited(original, original[10].source, mention);
    const graph = ingestNotes(once, { ...none, memo });
    expect(graph.projects.map((p) => p.name)).not.toContain('quuxlib');
    expect(graph.projectCandidates.map((c) => c.name)).toContain('quuxlib');
    expect([...memo.lastChanges!.meetings]).toEqual([meetingOf(graph, original[10].source)]);

    // Named in a second meeting: promoted, which can change any meeting's edges (its id is new).
    const twice = edited(once, original[30].source, mention);
    const promoted = ingestNotes(twice, { ...none, memo });
    expect(promoted).toEqual(ingestNotes(twice, none));
    expect(promoted.projects.map((p) => p.name)).toContain('quuxlib');
    expect(memo.lastChanges!.meetings.size).toBe(promoted.meetings.length);
    expect(memo.lastChanges!.since).toBe(graph);
    expectItemsAsInGraph(memo.lastChanges!, promoted);
  });
});

describe('the extraction memo and the registries', () => {
  it('extracts every note again when a registry changes', () => {
    const memo = new ExtractionMemo();
    ingestNotes(original, { ...registries, memo });
    const people = [...registries.people!, { name: 'Zoe Newcomer', aliases: ['ZN'] }];
    const graph = ingestNotes(original, { ...registries, people, memo });
    expect(memo.lastRun).toMatchObject({ extracted: original.length, fullBecause: expect.stringContaining('registry') });
    expect(graph).toEqual(ingestNotes(original, { ...registries, people }));
  });
});

describe('the extraction memo over notes listed out of meeting order', () => {
  // A folder by team (`team-a/2015-01-06.md`, `team-b/2014-03-04.md`) lists its notes in another
  // order than their meetings'. The memo's key was once made from the attendee lists in the listing's
  // order on one thread, and in meeting order on the next ingest, so every change extracted the whole folder.
  it('extracts only the changed note on one thread', () => {
    const byTeam = original.map((n, i) => note(`team-${'abc'[i % 3]}/${n.source}`, n.text)).sort((a, b) => (a.source < b.source ? -1 : 1));
    const memo = new ExtractionMemo();
    expect(ingestNotes(byTeam, { ...registries, memo })).toEqual(ingestNotes(byTeam, registries));
    const changed = edited(byTeam, byTeam[7].source, (t) => `${t}\n\nHannes will cut the TLS release next week.\n`);
    const graph = ingestNotes(changed, { ...registries, memo });
    expect(memo.lastRun).toEqual({ reused: byTeam.length - 1, extracted: 1, fullBecause: null });
    expect(graph).toEqual(ingestNotes(changed, registries));
  });
});

describe('the extraction memo with worker threads', () => {
  it('is filled by an ingest on workers, then serves the next one', async () => {
    const memo = new ExtractionMemo();
    const fresh = await ingestNotesAsync(original, { ...registries, workers: 1, memo });
    expect(fresh).toEqual(ingestNotes(original, registries));
    expect(memo.lastRun).toMatchObject({ extracted: original.length, fullBecause: 'first ingest' });
    const changed = edited(original, original[20].source, (t) => `${t}\n\nHannes will cut the TLS release next week.\n`);
    const graph = await ingestNotesAsync(changed, { ...registries, workers: 1, memo });
    expect(memo.lastRun).toEqual({ reused: original.length - 1, extracted: 1, fullBecause: null });
    expect(graph).toEqual(ingestNotes(changed, registries));
  });
});
