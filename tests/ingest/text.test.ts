import { describe, expect, it } from 'vitest';
import { proseOfLine } from '../../ingest/text.js';

// Each clean-up step runs only on a line holding the character its pattern needs; these pin that
// every step still applies when that character is there, alone and together with the others.
describe('proseOfLine', () => {
  it('keeps a link text and blanks its target', () => {
    expect(proseOfLine('Read [the notes](https://example.org/Gizmo) and [docs][1] now')).toBe('Read the notes and docs now');
  });

  it('blanks autolinks, bare URLs and www addresses', () => {
    expect(proseOfLine('See <https://example.org/Gizmo> and https://x.org/Widget or www.example.org/Sprocket')).toBe('See   and   or  ');
  });

  it('blanks an email address but keeps the words around it', () => {
    expect(proseOfLine('Mail ann.lee@example.org or Bob@ the list')).toBe('Mail   or Bob@ the list');
  });

  it('drops emphasis marks and backslash escapes, and a quote mark at the start', () => {
    expect(proseOfLine('> **Ann** will _fix_ the \\*glob\\* in snake_case \\#3')).toBe('Ann will fix the glob in snake_case #3');
  });

  it('applies every step to one line that needs them all', () => {
    expect(proseOfLine('> *Ann*: see [notes](http://x.org/a), <mailto:a@b.c>, www.x.org and bob@x.org \\_')).toBe('Ann: see notes,  ,   and   _');
  });

  it('leaves a line without those characters as it is', () => {
    const line = 'Anil will release TLS 0.4 next week (after the review).';
    expect(proseOfLine(line)).toBe(line);
  });
});
