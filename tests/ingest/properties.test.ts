/**
 * Property-based tests: arbitrary text, front matter and Markdown never make a stage throw, and
 * the graph keeps its invariants (evidence points into its own note, every edge's ends exist,
 * parsing is deterministic).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNote } from '../../ingest/parse.js';
import { parseAttendees } from '../../ingest/attendees.js';
import { splitSentences } from '../../ingest/text.js';
import { ingestNotes } from '../../ingest/index.js';
import { hashBytes } from '../../ingest/read.js';
import type { MeetingGraph } from '../../src/domain.js';

const raw = (source: string, text: string) => ({ source, text, contentHash: hashBytes(text) });

/** Markdown-ish lines: headings, lists, attendee labels, names, code, links, comments, junk. */
const mdLine = fc.oneof(
  fc.string(),
  fc.constantFrom('', '---', '### Agenda', '#### Item ####', '# Title', '## Attendees', '* point', '- Ann: I will do it', 'Attendees: Ann Lee, Bob Stone and Cy', '<!-- hidden', '-->', '```', '`code`', '[link](http://x.y/Ann)', 'Ann Lee will fix `lib`.', 'TG: maybe', 'Bob has a PR to add it.', '\u00a0', '###\u00a0Nbsp heading', '\u202eRTL', 'updated: 2014-01-01'),
  fc.string({ unit: 'grapheme' }),
);
const mdText = fc.array(mdLine, { maxLength: 40 }).map((lines) => lines.join('\n'));
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('updated', 'subject', 'description', 'author', 'date', 'x'), fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer(), fc.constant('[broken'), fc.constant('&a [*a, *a]'))).map(
    (d) => `---\n${Object.entries(d).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`,
  ),
);
const note = fc.tuple(frontMatter, mdText).map(([fm, body]) => fm + body);

function checkInvariants(g: MeetingGraph, sources: Map<string, number>): void {
  const ids = (xs: Array<{ id: string }>) => new Set(xs.map((x) => x.id));
  const meetings = ids(g.meetings);
  const discussions = ids(g.discussions);
  const people = ids(g.people);
  const projects = ids(g.projects);
  const topics = ids(g.topics);
  const discussionFile = new Map(g.discussions.map((d) => [d.id, g.meetings.find((m) => m.id === d.meetingId)!.source]));
  const evidenceOk = (discussionId: string, e: { file: string; line: number }) => {
    expect(e.file).toBe(discussionFile.get(discussionId));
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(sources.get(e.file)!);
  };
  for (const d of g.discussions) expect(meetings.has(d.meetingId)).toBe(true);
  for (const a of g.attendance) {
    expect(people.has(a.personId) && meetings.has(a.meetingId)).toBe(true);
    expect(a.evidence.file).toBe(g.meetings.find((m) => m.id === a.meetingId)!.source);
  }
  for (const d of g.discussed) {
    expect(people.has(d.personId) && discussions.has(d.discussionId)).toBe(true);
    evidenceOk(d.discussionId, d.evidence);
  }
  for (const a of g.about) {
    expect(discussions.has(a.discussionId)).toBe(true);
    expect((a.target === 'project' ? projects : topics).has(a.targetId)).toBe(true);
    evidenceOk(a.discussionId, a.evidence);
  }
  for (const a of g.actionItems) {
    expect(people.has(a.ownerId) && discussions.has(a.discussionId)).toBe(true);
    for (const p of a.projectIds) expect(projects.has(p)).toBe(true);
    evidenceOk(a.discussionId, a.evidence);
  }
  for (const c of g.cites) expect(discussions.has(c.discussionId)).toBe(true);
}

describe('ingest stages on arbitrary input', () => {
  it('parseNote never throws, is deterministic, and keeps lines inside the note', () => {
    fc.assert(
      fc.property(note, (text) => {
        const a = parseNote(raw('n.md', text));
        expect(parseNote(raw('n.md', text))).toEqual(a);
        const lineCount = text.split(/\r?\n/).length;
        for (const s of a.sections) for (const l of s.lines) expect(l.line).toBeLessThanOrEqual(lineCount);
      }),
      { numRuns: 300 },
    );
  });

  it('attendee lists and sentence splitting never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (texts) => {
        const lines = texts.map((text, i) => ({ line: i + 1, text }));
        parseAttendees(lines);
        for (const s of splitSentences(lines)) expect(s.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('a whole folder of arbitrary notes gives a graph whose edges and evidence are sound', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 5 }), (texts) => {
        const notes = texts.map((t, i) => raw(`2020-01-0${i + 1}.md`, t));
        const g = ingestNotes(notes, { people: null, projects: null, topics: withTopicsOnHalf(texts) });
        checkInvariants(g, new Map(notes.map((n) => [n.source, n.text.split(/\r?\n/).length])));
        expect(ingestNotes(notes, { people: null, projects: null, topics: false }).meetings.length).toBe(g.meetings.length);
      }),
      { numRuns: 60 },
    );
  });
});

/** Topics (the NLP pass) on half the runs keeps the property test quick while covering both paths. */
function withTopicsOnHalf(texts: string[]): boolean {
  return texts.join('').length % 2 === 0;
}
