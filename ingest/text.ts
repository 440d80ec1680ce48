/**
 * Visible text of a section, split into sentences that remember their source line. Link targets,
 * bare URLs and emphasis marks are not prose: names inside a URL are not mentions. Code spans are
 * kept but marked, since some project aliases count only inside them and no person is named there.
 */
import type { SourceLine } from './parse.js';

export interface Sentence {
  /** Prose with link targets and URLs blanked, Markdown emphasis removed, code spans kept with their backticks. */
  text: string;
  /** Source line where the sentence starts. */
  line: number;
  /** The sentence as it reads (white space collapsed): the evidence shown to users. */
  display: string;
}

// A link destination has no white space (CommonMark) and at most balanced parentheses; an optional
// title may follow. A malformed link ("[text](url] more words (aside)") is not swallowed up to
// some later parenthesis: its URL is blanked as a bare URL and the words after it stay prose.
//
// Each pattern ends in a second alternative that consumes, without a replacement, the stretch a
// failed attempt has just scanned: every later start inside that stretch would fail the same way
// (it reaches the same closing `]`, or the same end of a word run), so skipping it changes no
// result and keeps a long line linear. Without it a line of thousands of `[` (or of `a.a.a…`)
// costs time quadratic in its length. Link titles and `<…>` destinations are bounded for the same
// reason; real ones are far shorter.
const LINK_INLINE = /\[([^\]]*)\](\(\s*(?:<[^>]{0,1000}>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"]{0,1000}"|'[^']{0,1000}'|\([^)]{0,1000}\)))?\s*\))|\[[^\]]*/g;
const LINK_REF = /\[([^\]]+)\](\[[^\]]*\])|\[[^\]]*/g;
const AUTOLINK = /<(https?:|mailto:)[^>]*>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s)>\]]+/g;
const EMAIL = /\b(?:([\w.+-]+@[\w-]+\.[\w.-]+)\b|[\w.+-]+)/g;

/** The link's text for a link match; a skipped stretch (no second group) stays as it was. */
const linkText = (match: string, text: string | undefined, link: string | undefined): string => (link === undefined ? match : (text ?? ''));

/** One line's prose: link text kept, link targets and URLs blanked, emphasis marks dropped. */
export function proseOfLine(line: string): string {
  // Each step runs only on a line holding the character its pattern needs: most lines have no
  // link, URL or address, and EMAIL's second branch would otherwise match (and call back) per word.
  let prose = line;
  if (prose.includes('[')) prose = prose.replace(LINK_INLINE, linkText).replace(LINK_REF, linkText);
  if (prose.includes('<')) prose = prose.replace(AUTOLINK, ' ');
  if (prose.includes('://') || prose.includes('www.')) prose = prose.replace(BARE_URL, ' ');
  if (prose.includes('@')) prose = prose.replace(EMAIL, (match, email: string | undefined) => (email === undefined ? match : ' '));
  if (prose.includes('\\')) prose = prose.replace(/\\([[\]*_#`])/g, '$1');
  if (prose.includes('*') || prose.includes('_')) prose = prose.replace(/(^|[^\w`])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=[^\w`]|$)/g, '$1');
  return prose.replace(/^\s*>\s?/, '');
}

const LIST_ITEM = /^\s*([*+-]|\d+[.)])\s+/;

/** Splits a section's lines into sentences. A list item or a blank line always starts a new one. */
export function splitSentences(lines: SourceLine[]): Sentence[] {
  const out: Sentence[] = [];
  let buf = '';
  let bufLine = 0;
  let prevLine = -1;
  const flush = () => {
    pushSentences(buf, bufLine, out);
    buf = '';
  };
  for (const l of lines) {
    const isItem = LIST_ITEM.test(l.text);
    if (isItem || l.line !== prevLine + 1) flush();
    const prose = proseOfLine(l.text.replace(LIST_ITEM, ''));
    if (buf === '') bufLine = l.line;
    // Remember where each source line begins inside the buffer for later sentences.
    buf += (buf ? '\u0000' + l.line + '\u0001' : '') + prose;
    prevLine = l.line;
  }
  flush();
  return out;
}

const LINE_END_SENTENCE = /(?<!\b(?:e\.g|i\.e|vs|etc|cf|Mr|Dr|St|approx))[.!?]\s*$/;

/**
 * Whether text ends with a sentence end (LINE_END_SENTENCE). Only its last characters are tested:
 * the whole paragraph at every line break would cost time quadratic in its length. Ten characters
 * hold the end mark, the longest abbreviation and the character before it (for `\b`).
 */
function endsSentence(text: string): boolean {
  return LINE_END_SENTENCE.test(text.trimEnd().slice(-10));
}

/** Splits a paragraph (with embedded line markers) at sentence ends. */
function pushSentences(buf: string, firstLine: number, out: Sentence[]): void {
  if (!buf.trim()) return;
  let line = firstLine;
  let current = '';
  // Whether `current` is only white space; kept as a flag because trimming the whole sentence at
  // every piece would cost time quadratic in the length of a long paragraph.
  let blank = true;
  let currentLine = firstLine;
  const emit = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, line: currentLine, display: text });
    current = '';
    blank = true;
  };
  const parts = buf.split(/(\u0000\d+\u0001)/);
  let lineBreak = false;
  for (const part of parts) {
    const marker = /^\u0000(\d+)\u0001$/.exec(part);
    if (marker) {
      line = Number(marker[1]);
      if (blank) currentLine = line;
      current += ' ';
      lineBreak = true;
      continue;
    }
    // A sentence that ends where a hard-wrapped line ends: the next line starts a new one.
    if (lineBreak && endsSentence(current) && /^\s*["'(\[`@A-Z0-9]/.test(part)) {
      emit();
      currentLine = line;
    }
    lineBreak = false;
    // Sentence ends: . ! ? followed by space and a capital, digit, quote or bracket; not after common abbreviations.
    const pieces = part.split(/(?<=(?<!\b(?:e\.g|i\.e|vs|etc|cf|Mr|Dr|St|approx))[.!?])\s+(?=["'(\[`@A-Z0-9])/);
    pieces.forEach((p, i) => {
      if (i > 0) {
        emit();
        currentLine = line;
      }
      if (blank) currentLine = line;
      current += p;
      if (blank && p.trim() !== '') blank = false;
    });
  }
  emit();
}

/** Ranges of code spans in a sentence (backtick-delimited). */
export function codeSpans(text: string): Array<{ start: number; end: number; inner: string }> {
  const spans: Array<{ start: number; end: number; inner: string }> = [];
  for (const m of text.matchAll(/`([^`]+)`/g)) spans.push({ start: m.index!, end: m.index! + m[0].length, inner: m[1] });
  return spans;
}

/** The sentence with code spans blanked (same length), for matching prose-only forms. */
export function withoutCode(text: string): string {
  return text.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
}
