import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../src/store/discussion-snippet.js';

describe('snippetOf', () => {
  it('collapses whitespace and trims', () => {
    expect(snippetOf('  a\n\n b\t c  ')).toBe('a b c');
  });

  it('keeps the first 200 characters without splitting a surrogate pair', () => {
    const text = `${'é'.repeat(199)}😀😀`;
    expect(snippetOf(text)).toBe(`${'é'.repeat(199)}😀`);
    expect(Array.from(snippetOf('x'.repeat(500)))).toHaveLength(200);
  });
});
