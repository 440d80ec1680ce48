/**
 * Query evaluation over MiniSearch's own index, with typed arrays instead of a result object per
 * posting.
 *
 * MiniSearch's `search` builds a `{score, terms, match}` object for every document of every term's
 * posting list, in `Map`s, before it intersects them. Ten thousand meetings hold 65,000
 * discussions, a common word matches half of them, and a query cost hundreds of milliseconds,
 * most of it allocation and garbage. This module reads the same index (the members MiniSearch
 * declares `protected` for subclasses) and scores it the way MiniSearch does: the same BM25
 * formula and parameters, the same field boosts, the same weights for prefix and fuzzy
 * expansions, the same left-to-right sums, so that scores are equal to the bit (a test compares
 * them with MiniSearch's own `search`). The work per posting is a multiplication and an addition
 * into an array indexed by MiniSearch's short document id.
 *
 * Each derived term's postings are copied into typed arrays on first use and kept until the index
 * changes (`invalidate`): an added document lengthens MiniSearch's maps, a discarded one changes
 * the document frequencies.
 */
import type MiniSearch from 'minisearch';

/** One query term as MiniSearch's `termToQuerySpec` makes it. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** `false`, a fraction of the term's length (below 1) or a number of edits. */
  fuzzy: number | false;
}

export interface ScoringOptions {
  /** Fields in the index's order, with their boosts (1 when absent). */
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
  /** Largest edit distance of a fuzzy term (MiniSearch's `maxFuzzy`). */
  maxFuzzy: number;
}

/** Documents that hold every term, with MiniSearch's score; `ids[i]` is a short id, `scores[i]` its score. */
export interface ScoredDocuments {
  ids: Int32Array;
  scores: Float64Array;
  /** How many of `ids` and `scores` are filled. */
  length: number;
  /** Every index term the query's terms matched (exact, prefix and fuzzy), for highlighting. */
  derivedTerms: Set<string>;
}

/** MiniSearch's defaults (`defaultSearchOptions`): BM25 parameters and the weights of expansions. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

type FieldTermData = Map<number, Map<number, number>>;

/** The parts of MiniSearch's index that scoring and `minisearch-json.ts` read (declared `protected` in its typings). */
export interface MiniSearchIndex {
  _index: Iterable<[string, FieldTermData]> & {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

/** One derived term's live postings in one field. */
interface FieldPostings {
  ids: Int32Array;
  freqs: Float64Array;
  /** Inverse document frequency, MiniSearch's `invDocFreq` for this term and field. */
  idf: number;
}

/** A derived term's postings per field, in the order of `ScoringOptions.fields` (null: none). */
type CompiledTerm = Array<FieldPostings | null>;

export class PostingsScorer {
  private readonly internals: MiniSearchIndex;
  private readonly fieldIds: number[];
  private readonly fieldBoosts: number[];
  private compiled = new Map<string, CompiledTerm>();
  /** Per short id: 1 while MiniSearch holds the document (it discards lazily). */
  private alive = new Uint8Array(0);
  /** Per field, per short id: the field's length in terms. */
  private fieldLengths: Float64Array[] = [];
  private averages: number[] = [];
  private documentCount = 0;
  private stale = true;
  /** Scratch space, one slot per short id, reused by every query (a stamp tells fresh from old). */
  private termScore = new Float64Array(0);
  private termStamp = new Uint32Array(0);
  private total = new Float64Array(0);
  private stamp = 0;

  constructor(
    mini: MiniSearch<any>,
    private readonly options: ScoringOptions,
  ) {
    this.internals = mini as unknown as MiniSearchIndex;
    const i = this.internals;
    if (!i._index || typeof i._index.atPrefix !== 'function' || !(i._fieldLength instanceof Map) || !(i._documentIds instanceof Map)) {
      throw new Error('this version of MiniSearch keeps its index in an unknown shape');
    }
    this.fieldIds = options.fields.map((f) => {
      const id = i._fieldIds[f];
      if (id === undefined) throw new Error(`MiniSearch has no field "${f}"`);
      return id;
    });
    this.fieldBoosts = options.fields.map((f) => options.boost[f] || 1);
  }

  /** The index changed (documents added, discarded, or vacuumed): postings are read again when next used. */
  invalidate(): void {
    this.stale = true;
    this.compiled = new Map();
  }

  /** MiniSearch's short id of a document id, or undefined when it does not hold the document. */
  shortIdOf(id: string): number | undefined {
    return this.internals._idToShortId.get(id);
  }

  /**
   * The documents that hold every term (MiniSearch's `combineWith: 'AND'`), scored as MiniSearch's
   * `search` scores them, in no particular order.
   */
  all(specs: readonly TermSpec[]): ScoredDocuments {
    this.refresh();
    const derivedTerms = new Set<string>();
    if (specs.length === 0) return { ids: new Int32Array(0), scores: new Float64Array(0), length: 0, derivedTerms };
    // Each term gets its own stamp: a document was touched by term `s` when its stamp is `round + s`.
    const round = this.nextStamps(specs.length);
    let candidates: Int32Array | null = null;
    let candidateCount = 0;
    for (let s = 0; s < specs.length; s++) {
      const touched = this.scoreTerm(specs[s], round + s, derivedTerms);
      const scores = this.termScore;
      const stamps = this.termStamp;
      if (s === 0) {
        candidates = touched.ids;
        candidateCount = touched.length;
        for (let j = 0; j < candidateCount; j++) {
          const id = candidates[j];
          this.total[id] = scores[id];
        }
        continue;
      }
      // Intersect: keep the candidates this term touched too, adding its score after the sum so far.
      let kept = 0;
      for (let j = 0; j < candidateCount; j++) {
        const id = candidates![j];
        if (stamps[id] !== round + s) continue;
        this.total[id] = this.total[id] + scores[id];
        candidates![kept++] = id;
      }
      candidateCount = kept;
      if (kept === 0) break;
    }
    // MiniSearch multiplies by the number of distinct query terms a document matched: all of them.
    const quality = new Set(specs.map((s) => s.term)).size || 1;
    const ids = candidates!.subarray(0, candidateCount);
    const out = new Float64Array(candidateCount);
    for (let j = 0; j < candidateCount; j++) out[j] = this.total[ids[j]] * quality;
    return { ids, scores: out, length: candidateCount, derivedTerms };
  }

  /**
   * One term's score in every document holding it (or a prefix or fuzzy expansion of it), written
   * to `termScore` with `termStamp` set to `stamp`; returns the short ids touched.
   */
  private scoreTerm(spec: TermSpec, stamp: number, derivedTerms: Set<string>): { ids: Int32Array; length: number } {
    const index = this.internals._index;
    let touched = new Int32Array(64);
    let length = 0;
    const scores = this.termScore;
    const stamps = this.termStamp;
    const add = (term: string, weight: number) => {
      const compiled = this.compile(term);
      if (!compiled) return;
      derivedTerms.add(term);
      for (let f = 0; f < compiled.length; f++) {
        const postings = compiled[f];
        if (!postings) continue;
        const { ids, freqs, idf } = postings;
        const fieldBoost = this.fieldBoosts[f];
        const lengths = this.fieldLengths[f];
        const average = this.averages[f];
        const { k, b, d } = BM25;
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j];
          const termFreq = freqs[j];
          // MiniSearch's calcBM25Score and weighting, term for term (same order, same rounding).
          const rawScore = idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * lengths[id]) / average)));
          const weighted = weight * 1 * fieldBoost * 1 * rawScore;
          if (stamps[id] !== stamp) {
            stamps[id] = stamp;
            scores[id] = weighted;
            if (length === touched.length) {
              const grown = new Int32Array(touched.length * 2);
              grown.set(touched);
              touched = grown;
            }
            touched[length++] = id;
          } else {
            scores[id] += weighted;
          }
        }
      }
    };

    add(spec.term, 1);
    let fuzzyMatches: Map<string, [FieldTermData, number]> | undefined;
    if (spec.fuzzy !== false) {
      const maxDistance = spec.fuzzy < 1 ? Math.min(this.options.maxFuzzy, Math.round(spec.term.length * spec.fuzzy)) : spec.fuzzy;
      if (maxDistance) fuzzyMatches = index.fuzzyGet(spec.term, maxDistance);
    }
    if (spec.prefix) {
      for (const [term] of index.atPrefix(spec.term)) {
        const distance = term.length - spec.term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(term);
        add(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    if (fuzzyMatches) {
      for (const [term, [, distance]] of fuzzyMatches) {
        if (!distance) continue;
        add(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      }
    }
    return { ids: touched, length };
  }

  /** A derived term's live postings, copied from MiniSearch's maps on first use. */
  private compile(term: string): CompiledTerm | null {
    const known = this.compiled.get(term);
    if (known !== undefined) return known;
    const data = this.internals._index.get(term);
    if (!data) return null;
    const out: CompiledTerm = [];
    for (let f = 0; f < this.fieldIds.length; f++) {
      const freqsById = data.get(this.fieldIds[f]);
      if (!freqsById || freqsById.size === 0) {
        out.push(null);
        continue;
      }
      const ids = new Int32Array(freqsById.size);
      const freqs = new Float64Array(freqsById.size);
      let n = 0;
      for (const [id, freq] of freqsById) {
        if (this.alive[id] !== 1) continue;
        ids[n] = id;
        freqs[n] = freq;
        n++;
      }
      if (n === 0) {
        out.push(null);
        continue;
      }
      const { documentCount } = this;
      const idf = Math.log(1 + (documentCount - n + 0.5) / (n + 0.5));
      out.push({ ids: ids.subarray(0, n), freqs: freqs.subarray(0, n), idf });
    }
    this.compiled.set(term, out);
    return out;
  }

  /** Reads the per-document statistics again after a change. */
  private refresh(): void {
    const limit = this.internals._nextId;
    if (!this.stale && this.alive.length >= limit) return;
    const i = this.internals;
    this.alive = new Uint8Array(limit);
    for (const id of i._documentIds.keys()) this.alive[id] = 1;
    this.fieldLengths = this.fieldIds.map(() => new Float64Array(limit));
    for (const [id, lengths] of i._fieldLength) {
      if (id >= limit) continue;
      for (let f = 0; f < this.fieldIds.length; f++) this.fieldLengths[f][id] = lengths[this.fieldIds[f]] ?? 0;
    }
    this.averages = this.fieldIds.map((id) => i._avgFieldLength[id]);
    this.documentCount = i._documentCount;
    if (this.termScore.length < limit) {
      const size = Math.max(limit, Math.ceil(this.termScore.length * 1.5));
      this.termScore = new Float64Array(size);
      this.termStamp = new Uint32Array(size);
      this.total = new Float64Array(size);
      this.stamp = 0;
    }
    this.stale = false;
  }

  /** Reserves `count` fresh stamps (wrapping clears the stamp array so an old stamp never matches). */
  private nextStamps(count: number): number {
    if (this.stamp + count >= 0xffffffff) {
      this.termStamp.fill(0);
      this.stamp = 0;
    }
    const first = this.stamp + 1;
    this.stamp += count;
    return first;
  }
}
