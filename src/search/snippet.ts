/**
 * Result snippets: a short window of a discussion's text around the first matched word, as
 * HTML-escaped text with the matched words wrapped in `<mark>`.
 */
import { processTerm } from './terms.js';

/** Characters of text shown in a snippet (a little more when a word would be cut). */
export const SNIPPET_LENGTH = 200;

/** Context kept before the first match. */
const LEAD = 60;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Each pattern below has, after the construct it removes, alternatives that consume without a
// change what a failed attempt has scanned: the stretch up to the `]` every later start before it
// would also stop at, or the rest of the text when no closing `)`, `]`, `>` or `-->` is left in it
// (no later attempt can succeed then). The results are those of the plain patterns; the cost
// stays linear where the plain patterns, retried from every `[` or `<` of a long line, took time
// quadratic in its length (minutes for a 1 MB line of brackets).
const COMMENT = /<!--[\s\S]*?(-->)|<!--[\s\S]*/g;
const REFERENCE_DEFINITION = /^\s*\[[^\]]+\](:)\s*\S+.*$|^\s*\[[^\]]*/gm;
const INLINE_LINK = /!?\[([^\]]*)\](\([^)]*\))|!?\[[^\]]*\]\([^)]*$|!?\[[^\]]*/g;
const REFERENCE_LINK = /\[([^\]]*)\](\[[^\]]*\])|\[[^\]]*\]\[[^\]]*$|\[[^\]]*/g;
const TAG = /<[^>]+(>)|<[^>]*$/g;

/** A removal's replacement when its construct matched (the marker group is set); the text unchanged for a skipped stretch. */
type Replacer = (match: string, ...groups: Array<string | undefined>) => string;
const blankIfClosed: Replacer = (m, close) => (close === undefined ? m : ' ');
const textIfLink: Replacer = (m, text, target) => (target === undefined ? m : (text ?? ''));

/** Markdown reduced to the words a reader sees: link targets, reference definitions and markup gone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(COMMENT, blankIfClosed)
    .replace(REFERENCE_DEFINITION, blankIfClosed) // [ref]: url
    .replace(INLINE_LINK, textIfLink) // [text](url), ![alt](src)
    .replace(REFERENCE_LINK, textIfLink) // [text][ref]
    .replace(TAG, blankIfClosed)
    .replace(/^\s{0,3}(#{1,6}\s+|[*+-]\s+|\d+[.)]\s+|>\s?)/gm, '')
    .replace(/[`*_~]+/g, (m, offset: number, all: string) => {
      // keep snake_case identifiers intact: only strip markers next to a non-word character
      const before = all[offset - 1] ?? ' ';
      const after = all[offset + m.length] ?? ' ';
      return /\w/.test(before) && /\w/.test(after) ? m : '';
    })
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * The snippet of `text` for a result whose matched (processed) terms are `terms`. Without any
 * match the snippet is the text's beginning.
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, length = SNIPPET_LENGTH): string {
  return snippetOfPlainText(plainText(text), terms, length);
}

/** `makeSnippet` for text already reduced by `plainText`. */
export function snippetOfPlainText(plain: string, terms: ReadonlySet<string>, length = SNIPPET_LENGTH): string {
  const isHit = (word: string) => terms.has(processTerm(word) ?? '');
  // Words up to the first match (and a window after it); the rest of a long text is never looked at.
  const words: Array<{ start: number; end: number; hit: boolean }> = [];
  let first: { start: number; end: number } | undefined;
  let limit = length;
  for (const m of plain.matchAll(WORD)) {
    const w = { start: m.index, end: m.index + m[0].length, hit: isHit(m[0]) };
    words.push(w);
    if (w.hit && !first) {
      first = w;
      limit = Math.max(length, w.start + length);
    }
    if (w.start > limit + LEAD) break;
  }
  let start = 0;
  if (first && first.end > length - 20) {
    // start at the beginning of a word a little before the first match
    const leading = words.filter((w) => w.start >= first.start - LEAD && w.start <= first.start);
    start = leading[0]?.start ?? first.start;
  }
  let end = Math.min(plain.length, start + length);
  const cut = words.find((w) => w.start < end && w.end > end);
  if (cut) end = cut.end;

  let html = start > 0 ? '…' : '';
  let at = start;
  for (const w of words) {
    if (!w.hit || w.start < start || w.end > end) continue;
    html += `${escapeHtml(plain.slice(at, w.start))}<mark>${escapeHtml(plain.slice(w.start, w.end))}</mark>`;
    at = w.end;
  }
  html += escapeHtml(plain.slice(at, end));
  if (end < plain.length) html += '…';
  return html;
}
