import { describe, expect, it } from 'vitest';
import { parseNote } from '../../ingest/parse.js';
import { hashBytes } from '../../ingest/read.js';

const note = (source: string, text: string) => parseNote({ source, text, contentHash: hashBytes(text) });

describe('parseNote', () => {
  it('keeps the calendar date of a YAML timestamp exactly, whatever the time zone', () => {
    const p = note('a.md', '---\nupdated: 2014-06-10\nsubject: Weekly\n---\n\n### Item\n\nText.\n');
    expect(p.date).toBe('2014-06-10');
    expect(p.title).toBe('Weekly');
  });

  it('takes the date from the file name when there is no front matter', () => {
    const p = note('2015-03-11-call.md', '### Item\n\nText.\n');
    expect(p.date).toBe('2015-03-11');
    expect(p.warnings).toEqual([]);
  });

  it('takes only a real calendar day as the date: a day past the end of its month is passed over', () => {
    expect(note('2015-02-30-call.md', '### Item\n\nText.\n').date).toBeNull();
    expect(note('2015-02-30-call.md', '---\nupdated: "2015-02-30"\ncreated: "2015-02-28"\n---\n### Item\n').date).toBe('2015-02-28');
    expect(note('2016-02-29-call.md', '### Item\n\nText.\n').date).toBe('2016-02-29');
    expect(note('2014-04-31.md', '### Item\n\nText.\n').warnings.map((w) => w.kind)).toContain('no-date');
  });

  it('reports a note without any date', () => {
    const p = note('misc.md', '### Item\n\nText.\n');
    expect(p.date).toBeNull();
    expect(p.warnings.map((w) => w.kind)).toContain('no-date');
  });

  it('reads sections at any level, strips closing # marks, skips agenda and empty containers', () => {
    const text = [
      '---', 'updated: 2014-01-01', '---', '', '### Agenda ###', '', '* One', '* Two', '',
      'Attendees: Ann Lee, Bob Stone', '', '### Notes ###', '', '#### First item ####', '', 'Ann spoke.', '',
      '#### Second (Bob Stone)', '', '- a bullet', '- another', '',
    ].join('\n');
    const p = note('x.md', text);
    expect(p.sections.map((s) => s.heading)).toEqual(['First item', 'Second (Bob Stone)']);
    expect(p.sections[0].line).toBe(14);
    expect(p.sections[0].lines).toEqual([{ line: 16, text: 'Ann spoke.' }]);
    expect(p.agenda.map((l) => l.text)).toEqual(['* One', '* Two']);
    expect(p.attendees.map((a) => a.name)).toEqual(['Ann Lee', 'Bob Stone']);
  });

  it('treats a heading typed with a no-break space as a heading, and HTML comments as no text', () => {
    const p = note('y.md', '###\u00a0Item one\n\nVisible <!-- hidden words -->\n<!--\nall hidden\n-->\n');
    expect(p.sections).toHaveLength(1);
    expect(p.sections[0].heading).toBe('Item one');
    const text = p.sections[0].lines.map((l) => l.text).join(' ');
    expect(text).toContain('Visible');
    expect(text).not.toContain('hidden');
  });

  it('makes one section with an empty heading for a note without item headings', () => {
    const p = note('2014-01-01.md', 'Attendees: Ann Lee\n\nWe talked about the release. Ann will write it up.\n');
    expect(p.sections).toHaveLength(1);
    expect(p.sections[0].heading).toBe('');
  });

  it('reads a note with broken front matter as text and reports it', () => {
    const p = note('2014-02-02.md', '---\nupdated: [unclosed\n---\n### Item\n\nText.\n');
    expect(p.warnings.some((w) => w.kind === 'partial' && /YAML/.test(w.message))).toBe(true);
    expect(p.sections.map((s) => s.heading)).toEqual(['Item']);
    expect(p.date).toBe('2014-02-02');
  });

  it('is deterministic', () => {
    const text = '---\nupdated: 2014-06-10\n---\n### A\n\nText (B) here.\n';
    expect(note('a.md', text)).toEqual(note('a.md', text));
  });
});
