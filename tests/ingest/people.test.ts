import { describe, expect, it } from 'vitest';
import { ingestNotes } from '../../ingest/index.js';
import { hashBytes } from '../../ingest/read.js';
import type { MeetingGraph } from '../../src/domain.js';

function notes(files: Record<string, string>) {
  return Object.entries(files).map(([source, text]) => ({ source, text, contentHash: hashBytes(text) }));
}

function sectionPeople(g: MeetingGraph, meetingId: string, heading: string): string[] {
  const d = g.discussions.find((x) => x.meetingId === meetingId && x.heading === heading)!;
  const names = new Map(g.people.map((p) => [p.id, p.name]));
  return g.discussed.filter((e) => e.discussionId === d.id).map((e) => names.get(e.personId)!).sort();
}

const corpus = notes({
  '2020-01-01.md': '---\nupdated: 2020-01-01\n---\nAttendees: Jonathan Ludlow, Daniel Bünzle, Thomas Gaze, Thomas Leon\n\n### Build\n\nThomasG fixed the build. Jon said it works. TL: looks good.\n',
  '2020-01-08.md': '---\nupdated: 2020-01-08\n---\nAttendees: Jon Ludlow, Daniel Bunzle, Dave Stone, Thomas Gaze\n\n### Release\n\nThomas will cut the release. Dave agreed.\n',
  '2020-01-15.md': '---\nupdated: 2020-01-15\n---\nAttendees: Dave Stone, Daniel Buenzle, David Stone, Thomas Gaze, Thomas Leon\n\n### Docs\n\nThomas looked at the docs. Daniel too.\n\n### Tests\n\nThomasL wrote tests. Then Thomas reviewed them.\n',
  '2020-01-22.md': '---\nupdated: 2020-01-22\n---\nAttendees: Jon Ludlaw, Thomas Leon\n\n### Misc\n\nNothing.\n',
});

describe('people without an alias file', () => {
  const g = ingestNotes(corpus, { people: null, projects: null, topics: false });
  const names = g.people.map((p) => p.name).sort();

  it('merges spellings into one person named by the fullest spelling', () => {
    expect(names).toEqual(['Daniel Bünzle', 'David Stone', 'Jonathan Ludlow', 'Thomas Gaze', 'Thomas Leon']);
  });

  it('resolves CamelCase forms, initials as speaker prefixes, and short first names', () => {
    expect(sectionPeople(g, '2020-01-01', 'Build')).toEqual(['Jonathan Ludlow', 'Thomas Gaze', 'Thomas Leon']);
  });

  it('resolves a bare first name by the meeting attendees', () => {
    expect(sectionPeople(g, '2020-01-08', 'Release')).toEqual(['David Stone', 'Thomas Gaze']);
  });

  it('keeps a bare first name unresolved when two people in the room share it, with its candidates', () => {
    expect(sectionPeople(g, '2020-01-15', 'Docs')).toEqual(['Daniel Bünzle']);
    const w = g.warnings.find((x) => x.kind === 'ambiguous' && x.file === '2020-01-15.md' && x.line === 8);
    expect(w?.candidates?.sort()).toEqual(['Thomas Gaze', 'Thomas Leon']);
  });

  it('uses who the section already named to decide a short name', () => {
    expect(sectionPeople(g, '2020-01-15', 'Tests')).toEqual(['Thomas Leon']);
  });

  it('counts each attendee once per meeting, misspellings included', () => {
    const att = g.attendance.filter((a) => a.meetingId === '2020-01-22').map((a) => a.personId).sort();
    expect(att).toEqual(['jonathan-ludlow', 'thomas-leon']);
  });
});

describe('people with an alias file', () => {
  const registry = [
    { name: 'Thomas Gaze', aliases: ['samoht'] },
    { name: 'Thomas Leon', aliases: ['talex5', 'ThomasL'] },
  ];
  const extra = notes({ '2020-02-01.md': '---\nupdated: 2020-02-01\n---\nAttendees: talex5, samoht\n\n### Item\n\nsamoht and talex5 met.\n' });
  const g = ingestNotes([...corpus, ...extra], { people: registry, projects: null, topics: false });

  it('resolves handles only the registry knows, in attendee lists and text', () => {
    const att = g.attendance.filter((a) => a.meetingId === '2020-02-01').map((a) => a.personId).sort();
    expect(att).toEqual(['thomas-gaze', 'thomas-leon']);
    expect(sectionPeople(g, '2020-02-01', 'Item')).toEqual(['Thomas Gaze', 'Thomas Leon']);
  });
});
