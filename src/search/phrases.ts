/**
 * Which documents can hold a quoted phrase, without reading them: every pair of neighbouring
 * words (as folded for phrases) with what separates them (`design, and`), and every stop word,
 * each with the documents that hold it.
 *
 * A phrase matches where its text appears with word boundaries at both ends (`"merge queue"`
 * does not match "submerge queues"). Its pairs of neighbouring words must then all appear in the
 * document, so the documents holding all of them are the candidates. A phrase of two words with
 * nothing around them, or a single stop word, is answered by its postings alone; longer phrases
 * are confirmed by reading the candidates, and a single word that is not a stop word is left to
 * the term index (the caller confirms it in the documents the terms find).
 *
 * Documents are numbered by the caller (MiniSearch's short ids): numbers only grow, so postings
 * stay sorted when documents are added; a removed document's number is left in the postings and
 * the caller skips it.
 */
import { intersectSorted, post } from './sorted-ids.js';

/** A phrase's words and what separates them: `words[i]`, then `separators[i]`, then `words[i + 1]`. */
interface Tokens {
  words: string[];
  separators: string[];
  /** Text before the first word and after the last (punctuation the phrase starts or ends with). */
  lead: string;
  trail: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function tokens(text: string): Tokens {
  const words: string[] = [];
  const separators: string[] = [];
  let last = 0;
  let lead = '';
  for (const m of text.matchAll(WORD)) {
    if (words.length === 0) lead = text.slice(0, m.index);
    else separators.push(text.slice(last, m.index));
    words.push(m[0]);
    last = m.index + m[0].length;
  }
  return { words, separators, lead, trail: words.length ? text.slice(last) : text };
}

/** What a phrase search starts from: candidates, and whether they are the answer already. */
export interface PhraseCandidates {
  /** Sorted document numbers; null when the phrase has no word to look up (every document is a candidate). */
  ids: number[] | null;
  /** True when every candidate holds the phrase; otherwise each must be confirmed with `holdsPhrase`. */
  exact: boolean;
}

export class PhraseIndex {
  /**
   * Postings of pairs of neighbouring words, by first word, then by second word and separator:
   * words and separators are numbered in order of first sight, and numbers hash far faster than
   * the text of millions of pairs. Single words are kept only for stop words (`single`), which
   * the term index leaves out.
   */
  private readonly pairs = new Map<number, Map<number, number[]>>();
  private readonly singles = new Map<string, number[]>();
  private readonly wordIds = new Map<string, number>();
  /** By word id: whether the word's own postings are kept (`single`). */
  private readonly keptSingly: boolean[] = [];
  private readonly separatorIds = new Map<string, number>();
  /** Documents numbered below this are indexed. */
  private indexedBelow = 0;

  constructor(private readonly single: (word: string) => boolean) {}

  /** The first document number the index has not seen yet. */
  get next(): number {
    return this.indexedBelow;
  }

  /** Indexes one document's folded text; numbers must come in increasing order. */
  add(id: number, haystack: string): void {
    // Words at even positions, separators at odd ones (the first and last may be empty).
    const parts = haystack.split(SEPARATORS);
    let previous = -1;
    for (let i = 0; i < parts.length; i += 2) {
      const word = parts[i];
      if (!word) {
        previous = -1;
        continue;
      }
      let wordId = this.wordIds.get(word);
      if (wordId === undefined) {
        this.wordIds.set(word, (wordId = this.wordIds.size));
        this.keptSingly.push(this.single(word));
      }
      if (this.keptSingly[wordId]) post(this.singles, word, id);
      if (previous >= 0) {
        let after = this.pairs.get(previous);
        if (!after) this.pairs.set(previous, (after = new Map()));
        post(after, pairKey(wordId, idOf(this.separatorIds, parts[i - 1])), id);
      }
      previous = wordId;
    }
    this.indexedBelow = Math.max(this.indexedBelow, id + 1);
  }

  /** Documents are numbered up to `limit` but some were never added: the index has seen them. */
  skipTo(limit: number): void {
    this.indexedBelow = Math.max(this.indexedBelow, limit);
  }

  /** Candidates for a folded phrase (`normaliseForPhrase`). */
  candidates(phrase: string): PhraseCandidates {
    const { words, separators, lead, trail } = tokens(phrase);
    if (words.length === 0) return { ids: null, exact: false };
    const exact = words.length <= 2 && lead === '' && trail === '';
    if (words.length === 1) {
      // One word: the term index finds it unless it is a stop word.
      return this.single(words[0]) ? { ids: this.singles.get(words[0]) ?? [], exact } : { ids: null, exact: false };
    }
    let ids: number[] | null = null;
    for (let i = 0; i + 1 < words.length; i++) {
      const first = this.wordIds.get(words[i]);
      const second = this.wordIds.get(words[i + 1]);
      const sep = this.separatorIds.get(separators[i]);
      const after = first === undefined ? undefined : this.pairs.get(first);
      const list = (after && second !== undefined && sep !== undefined && after.get(pairKey(second, sep))) || [];
      ids = ids === null ? list : intersectSorted(ids, list);
      if (ids.length === 0) break;
    }
    return { ids: ids ?? [], exact };
  }
}

/** Runs of anything but letters and digits, kept by `split` between the words. */
const SEPARATORS = /([^\p{L}\p{N}]+)/u;

/** The key of a second word and the separator before it (exact while there are fewer than 2^32 words). */
function pairKey(second: number, separator: number): number {
  return second * 2097152 + separator;
}

function idOf(ids: Map<string, number>, text: string): number {
  let id = ids.get(text);
  if (id === undefined) ids.set(text, (id = ids.size));
  return id;
}


/** Whether a folded text holds a folded phrase with word boundaries at both ends. */
export function holdsPhrase(haystack: string, phrase: string): boolean {
  if (!phrase) return true;
  const wordAtStart = WORD_CHAR.test(phrase[0]);
  const wordAtEnd = WORD_CHAR.test(phrase[phrase.length - 1]);
  for (let at = haystack.indexOf(phrase); at !== -1; at = haystack.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    const startsClean = !wordAtStart || at === 0 || !WORD_CHAR.test(haystack[at - 1]);
    const endsClean = !wordAtEnd || end === haystack.length || !WORD_CHAR.test(haystack[end]);
    if (startsClean && endsClean) return true;
  }
  return false;
}
