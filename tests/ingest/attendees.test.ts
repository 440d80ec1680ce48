import { describe, expect, it } from 'vitest';
import { parseAttendees } from '../../ingest/attendees.js';

const lines = (...texts: string[]) => texts.map((text, i) => ({ line: 10 + i, text }));

describe('parseAttendees', () => {
  it('reads the bold-italic label, names wrapped over lines, and a trailing period', () => {
    const a = parseAttendees(lines('*Attendees:* Ann Lee, Bob Stone, David', 'Sheets, Eve Park.'));
    expect(a.map((e) => e.name)).toEqual(['Ann Lee', 'Bob Stone', 'David Sheets', 'Eve Park']);
    expect(a[2].line).toBe(10);
  });

  it('reads "and" before the last name, the chair, handles in brackets and roles', () => {
    const a = parseAttendees(lines('Attendees: Ann Lee (chair), Richard (mort) Mortier (secretary)', 'and Bob Stone'));
    expect(a.map((e) => [e.name, e.role, e.handle ?? null])).toEqual([
      ['Ann Lee', 'chair', null],
      ['Richard Mortier', 'attendee', 'mort'],
      ['Bob Stone', 'attendee', null],
    ]);
  });

  it('reads names on the lines after a bare label, drops duplicates, keeps unknown forms as written', () => {
    const a = parseAttendees(lines('Attendees:', 'Ann Lee, talex5, Ann Lee, Chris ?'));
    expect(a.map((e) => e.name)).toEqual(['Ann Lee', 'talex5', 'Chris ?']);
  });

  it('starts a new name at a CamelCase handle after a line break without a comma', () => {
    const a = parseAttendees(lines('Attendees: Ann, Hannes', 'DavidK, Bob'));
    expect(a.map((e) => e.name)).toEqual(['Ann', 'Hannes', 'DavidK', 'Bob']);
  });

  it('does not count guests in brackets as attendees', () => {
    const a = parseAttendees(lines('Attendees: Ann Lee and Bob Stone (with guest appearances from', 'Wanda and Bella).'));
    expect(a.map((e) => e.name)).toEqual(['Ann Lee', 'Bob Stone']);
  });
});
