/**
 * Full-text search over the discussions of a meeting graph, with the operators of `query.ts`.
 *
 * One MiniSearch document per Discussion: heading, text, meeting title, the names and aliases of
 * the people who took part, of the projects and of the topics it is about. Operators filter by
 * graph ids (resolved through the graph's names and aliases), phrases by their whole words in
 * heading and text (`phrases.ts`), and free words are ranked by BM25 with the heading and names
 * boosted above the text, scored over MiniSearch's index by `postings.ts`. What a query reads of
 * a document is kept by MiniSearch's short id, in arrays.
 */
import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import { joinItems, type Discussion, type GraphChanges, type Meeting, type MeetingGraph, type MeetingItems, type Person, type Project, type Topic } from '../domain.js';
import { didYouMean, EntityDirectory } from './entities.js';
import { isFilterOnly, parseQuery, QueryError, type SearchQuery } from './query.js';
import { plainText, snippetOfPlainText } from './snippet.js';
import { normaliseForPhrase, processTerm, queryTerms, STOP_WORDS, tokenize } from './terms.js';
import { PostingsScorer, type TermSpec } from './postings.js';
import { holdsPhrase, PhraseIndex } from './phrases.js';
import { intersectSorted, post, unionSorted } from './sorted-ids.js';
import { miniSearchJsonText } from './minisearch-json.js';
import { jsonText, type JsonText } from '../json-text.js';
import { compareText } from '../store/order.js';

/** What the index keeps of each discussion, to filter, facet and show results without the graph. */
export interface IndexedDiscussion {
  discussionId: string;
  meetingId: string;
  /** Meeting date `YYYY-MM-DD`. */
  meeting: string;
  /** Meeting title. */
  title: string;
  heading: string;
  text: string;
  order: number;
  personIds: string[];
  projectIds: string[];
  topicIds: string[];
}

/** One search result. */
export interface SearchHit {
  discussionId: string;
  meetingId: string;
  /** Meeting date `YYYY-MM-DD`. */
  meeting: string;
  /** Meeting title. */
  title: string;
  heading: string;
  /** HTML-escaped text around the first match, matched words wrapped in `<mark>`. */
  snippet: string;
  /** Canonical names of the people who took part, sorted. */
  people: string[];
  /** Canonical names of the projects discussed, sorted. */
  projects: string[];
  /** Relevance (0 for queries made only of operators). */
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over the whole result set (not only the page returned). */
export interface SearchFacets {
  /** By count desc, then name. */
  people: FacetCount[];
  projects: FacetCount[];
  /** Meeting years, newest first. */
  years: FacetCount[];
}

export type SearchSort = 'relevance' | 'date';

export interface SearchOptions {
  /** `relevance` (default: best score first, then newest) or `date` (newest first). */
  sort?: SearchSort;
  /** Results per page; default 20. */
  limit?: number;
  /** Results skipped before the page; default 0. */
  offset?: number;
}

export interface SearchResponse {
  query: string;
  sort: SearchSort;
  total: number;
  offset: number;
  limit: number;
  hits: SearchHit[];
  facets: SearchFacets;
}

/** What `update` did, counted in meetings. */
export interface IndexUpdate {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** The index's own serialisation (`search-index.json`). */
export interface SerializedSearchIndex {
  version: 1;
  /** See `SearchIndex.graphKey`; absent in files saved before it was kept. Comes first, so that it can be read without the rest (`savedSearchIndexKey`). */
  graphKey?: string | null;
  minisearch: unknown;
  docs: IndexedDiscussion[];
  /** Fingerprint of each meeting's documents, to tell what changed on the next `update`. */
  meetings: Record<string, string>;
  people: Person[];
  projects: Project[];
  topics: Topic[];
}

const FIELDS = ['heading', 'text', 'title', 'people', 'projects', 'topics'] as const;
type Field = (typeof FIELDS)[number];
type MiniDoc = { id: string } & Record<Field, string>;

/** Field weights: a word in a heading or a name says more about a discussion than one in its text. */
const BOOST: Record<Field, number> = { heading: 3, people: 2.5, projects: 2.5, title: 1.5, topics: 1.5, text: 1 };

const MINISEARCH_OPTIONS = {
  fields: [...FIELDS],
  storeFields: [] as string[],
  processTerm: (term: string) => processTerm(term),
  tokenize: (text: string) => tokenize(text),
  // Vacuuming runs on save, not on a timer, so the CLI exits promptly and saves are deterministic.
  autoVacuum: false,
};

/** Fewer exact (and prefix) matches than this, and the words are looked up again with typos allowed. */
const FUZZY_BELOW = 20;

const SEARCH_DEFAULTS = {
  boost: BOOST,
  combineWith: 'AND' as const,
  // As in search-as-you-type, only the last word may be unfinished: `cob ada` must not match `cobalt`.
  prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3,
  // Edits on short words turn them into other words (`cat` → `car`…): fuzzy from 5 letters on.
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  // Query text reaches MiniSearch already split and processed (see `queryTerms`).
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  processTerm: (term: string) => term,
};

const DEFAULT_LIMIT = 20;

/** Documents added to the phrase index between two turns of the event loop in `prepare` (tens of milliseconds). */
const PREPARE_SLICE = 1000;

/** How long `updateInSlices` holds the event loop at most, give or take one meeting's documents. */
const UPDATE_SLICE_MS = 20;

export class SearchIndex {
  /**
   * The key of the ingest whose graph this index was last brought in line with (`ingestInputsKey`),
   * saved with it: the index is saved apart from the graph, so a process that dies in between
   * leaves an index for another graph, which the key tells apart. Null when not known.
   */
  graphKey: string | null = null;
  private readonly docs = new Map<string, IndexedDiscussion>();
  /** The ids in `docs` of each meeting's discussions, so that a changed meeting is found without a scan. */
  private readonly docsOfMeeting = new Map<string, string[]>();
  private meetingPrints = new Map<string, string>();
  /** An update is under way (see `updateInSlices`): another must wait for it. */
  private updating = false;
  /** The graph of the last `update`: `GraphChanges` relative to it are taken. */
  private lastGraph: MeetingGraph | null = null;
  private people = EntityDirectory.people([]);
  private projects = EntityDirectory.projects([]);
  private topics = EntityDirectory.topics([]);
  private rawEntities: { people: Person[]; projects: Project[]; topics: Topic[] } = {
    people: [],
    projects: [],
    topics: [],
  };

  /**
   * The records by MiniSearch's short id, the number queries work with (see `postings.ts`); a
   * document discarded and added again gets a new one, so what is kept by short id below never
   * goes stale with the text.
   */
  private byShortId: Array<IndexedDiscussion | undefined> = [];
  private readonly scorer: PostingsScorer;
  private readonly phrases = new PhraseIndex((word) => STOP_WORDS.has(word));
  /** Documents by operator value (see `operatorPostings`), extended to new documents when next used. */
  private readonly byOperator = new Map<string, number[]>();
  private operatorsIndexedBelow = 0;
  /** Per short id, the meeting date as a number (`20150520`): newest first is mostly a comparison of these. */
  private dayById: number[] = [];

  /** What results need of a document beyond the record, computed on first use. */
  private derived: Array<Derived | undefined> = [];
  private readonly labels = new Map<string, Labels>();
  /** Each document's facet values, numbered (see `facets`), extended to new documents when next counted. */
  private readonly facetColumns = new FacetColumns();

  private constructor(private readonly mini: MiniSearch<MiniDoc>) {
    this.scorer = new PostingsScorer(mini, { fields: FIELDS, boost: BOOST, maxFuzzy: SEARCH_DEFAULTS.maxFuzzy });
  }

  private view(id: number): Derived {
    let v = this.derived[id];
    if (!v) {
      const d = this.byShortId[id]!;
      const plain = plainText(d.text);
      v = { plain, haystack: haystackOf(d, plain) };
      this.derived[id] = v;
    }
    return v;
  }

  /**
   * The canonical names of a discussion's people and projects. Kept apart from `view`, which also
   * strips the Markdown of the text: facets read the names of every match, and at 10,000 meetings
   * a common word matches tens of thousands of discussions whose text is never shown.
   */
  private labelsOf(d: IndexedDiscussion): Labels {
    let l = this.labels.get(d.discussionId);
    if (!l) {
      l = { people: this.names(this.people, d.personIds), projects: this.names(this.projects, d.projectIds) };
      this.labels.set(d.discussionId, l);
    }
    return l;
  }

  /** An empty index. */
  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch<MiniDoc>(MINISEARCH_OPTIONS));
  }

  /** The index of a whole graph. */
  static build(graph: MeetingGraph): SearchIndex {
    const index = SearchIndex.empty();
    index.update(graph);
    return index;
  }

  /** Restores an index saved with `toJSON`. */
  static loadJSON(data: SerializedSearchIndex | string): SearchIndex {
    const parsed: SerializedSearchIndex = typeof data === 'string' ? JSON.parse(data) : data;
    if (parsed?.version !== 1 || !Array.isArray(parsed.docs)) {
      throw new Error('the search index file has an unknown format; run `meetgraph ingest <dir>` again');
    }
    // The parsed object itself: MiniSearch's loadJSON takes text, which made a second text of the
    // whole index to parse again (at 10,000 meetings, 80 MB and about a second).
    const mini = MiniSearch.loadJS<MiniDoc>(parsed.minisearch as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
    const index = new SearchIndex(mini);
    for (const d of parsed.docs) index.keep(d, index.scorer.shortIdOf(d.discussionId));
    index.meetingPrints = new Map(Object.entries(parsed.meetings));
    index.setEntities(parsed.people, parsed.projects, parsed.topics);
    index.graphKey = parsed.graphKey ?? null;
    return index;
  }

  /** Number of indexed discussions. */
  get size(): number {
    return this.docs.size;
  }

  toJSON(): SerializedSearchIndex {
    return this.serialization(this.mini.toJSON(), [...this.docs.values()]);
  }

  /** The fields of the saved index, in the file's order (the key first, see `savedSearchIndexKey`). */
  private serialization<M, D>(minisearch: M, docs: D) {
    return {
      version: 1 as const,
      graphKey: this.graphKey,
      minisearch,
      docs,
      meetings: Object.fromEntries(this.meetingPrints),
      people: this.rawEntities.people,
      projects: this.rawEntities.projects,
      topics: this.rawEntities.topics,
    };
  }

  /**
   * The text of `JSON.stringify(this.toJSON())`, made piece by piece as it is read (see
   * `json-text.ts` and `minisearch-json.ts`), for `writeJsonFileStreaming`. The index must not
   * change until the text has been read.
   */
  toJsonText(): JsonText {
    return jsonText(this.serialization(miniSearchJsonText(this.mini), [...this.docs.values()]));
  }

  /** Cleans up discarded documents (call before saving after updates). */
  async vacuum(): Promise<void> {
    if (this.mini.dirtCount > 0) {
      await this.mini.vacuum();
      this.scorer.invalidate();
    }
  }

  /**
   * Brings the index in line with the graph, meeting by meeting: the documents of a meeting whose
   * discussions (or their people, projects, topics and names) changed are discarded and added
   * again, those of a vanished meeting are discarded, the rest is left alone. With `changes`
   * relative to the graph this index was last brought in line with, only the meetings listed and
   * those naming a person, project or topic whose names changed are looked at.
   */
  update(graph: MeetingGraph, changes?: GraphChanges | null): IndexUpdate {
    const steps = this.updateSteps(graph, changes);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `update`, a slice of meetings at a time, letting the event loop turn between slices. At
   * 10,000 meetings a whole build is ten seconds of MiniSearch's work, for which everything else
   * in the process waited in one stretch (at a server's start, a database's load and warm-up);
   * and a changed registry can touch most meetings while a server answers requests. A search
   * between slices sees the meetings done so far as they are now and the others as they were. Another update
   * throws until this one is over. A slice ends once it has run `sliceMs` (default
   * UPDATE_SLICE_MS); an update that fits in one does not let the event loop turn at all.
   */
  async updateInSlices(graph: MeetingGraph, changes?: GraphChanges | null, options: { sliceMs?: number } = {}): Promise<IndexUpdate> {
    const sliceMs = options.sliceMs ?? UPDATE_SLICE_MS;
    const steps = this.updateSteps(graph, changes);
    let sliceEnd = performance.now() + sliceMs;
    let turned = false;
    for (;;) {
      const step = steps.next();
      // A search between slices kept the postings it read: they are read again after more documents.
      if (step.done) {
        if (turned) this.scorer.invalidate();
        return step.value;
      }
      if (performance.now() < sliceEnd) continue;
      if (turned) this.scorer.invalidate();
      turned = true;
      await new Promise((resolve) => setImmediate(resolve));
      sliceEnd = performance.now() + sliceMs;
    }
  }

  /** The work of `update`, yielding after each meeting; what it returns is the update's count. */
  private *updateSteps(graph: MeetingGraph, changes?: GraphChanges | null): Generator<void, IndexUpdate, void> {
    if (this.updating) throw new Error('the search index is already being updated');
    this.updating = true;
    try {
      const only = changes && changes.since === this.lastGraph ? this.meetingsToLookAt(graph, changes) : undefined;
      this.lastGraph = null;
      this.setEntities(graph.people, graph.projects, graph.topics);
      this.labels.clear();
      this.scorer.invalidate();
      const documents = new IndexDocuments(graph, only, only && changes?.items);
      const present = only ? new Set(graph.meetings.map((m) => m.id)) : documents;
      const result: IndexUpdate = { added: 0, changed: 0, removed: 0, unchanged: only ? graph.meetings.length - documents.size : 0 };

      for (const meetingId of [...this.meetingPrints.keys()]) {
        if (present.has(meetingId)) continue;
        this.discardMeeting(meetingId);
        this.meetingPrints.delete(meetingId);
        result.removed++;
        yield;
      }
      for (const meetingId of documents.meetingIds) {
        const entries = documents.of(meetingId);
        const print = fingerprint(entries);
        const previous = this.meetingPrints.get(meetingId);
        if (previous === print) {
          result.unchanged++;
          yield;
          continue;
        }
        if (previous !== undefined) {
          this.discardMeeting(meetingId);
          result.changed++;
        } else {
          result.added++;
        }
        for (const { record, doc } of entries) {
          this.mini.add(doc);
          this.keep(record, this.scorer.shortIdOf(doc.id));
        }
        this.meetingPrints.set(meetingId, print);
        yield;
      }
      this.lastGraph = graph;
      return result;
    } finally {
      this.updating = false;
    }
  }

  /** The meetings `changes` lists, and those whose documents name an entity whose indexed names changed. */
  private meetingsToLookAt(graph: MeetingGraph, changes: GraphChanges): Set<string> {
    const only = new Set<string>(changes.meetings);
    const changed = new Set<string>();
    // An entity new to the graph is named only by listed meetings, and one gone by none that is left.
    const compare = (kind: string, before: Array<{ id: string; name: string; aliases?: string[] }>, after: typeof before) => {
      const old = new Map(before.map((e) => [e.id, e]));
      for (const e of after) {
        const was = old.get(e.id);
        if (was && namesText(was) !== namesText(e)) changed.add(`${kind}:${e.id}`);
      }
    };
    compare('person', this.rawEntities.people, graph.people);
    compare('project', this.rawEntities.projects, graph.projects);
    compare('topic', this.rawEntities.topics, graph.topics);
    if (changed.size === 0) return only;
    const meetingOf = new Map(graph.discussions.map((d) => [d.id, d.meetingId]));
    const touch = (discussionId: string) => {
      const meetingId = meetingOf.get(discussionId);
      if (meetingId !== undefined) only.add(meetingId);
    };
    for (const e of graph.discussed) if (changed.has(`person:${e.personId}`)) touch(e.discussionId);
    for (const a of graph.about) if (changed.has(`${a.target}:${a.targetId}`)) touch(a.discussionId);
    return only;
  }

  private keep(record: IndexedDiscussion, shortId: number | undefined): void {
    if (shortId === undefined) throw new Error(`the search index lost discussion "${record.discussionId}"`);
    this.docs.set(record.discussionId, record);
    this.byShortId[shortId] = record;
    this.dayById[shortId] = Number(record.meeting.replace(/-/g, '')) || 0;
    const ids = this.docsOfMeeting.get(record.meetingId);
    if (ids) ids.push(record.discussionId);
    else this.docsOfMeeting.set(record.meetingId, [record.discussionId]);
  }

  private discardMeeting(meetingId: string): void {
    for (const id of this.docsOfMeeting.get(meetingId) ?? []) {
      const shortId = this.scorer.shortIdOf(id);
      if (shortId !== undefined) {
        this.byShortId[shortId] = undefined;
        this.derived[shortId] = undefined;
      }
      this.mini.discard(id);
      this.docs.delete(id);
      // A search between an update's slices may have named its people from the old record.
      this.labels.delete(id);
    }
    this.docsOfMeeting.delete(meetingId);
  }

  private setEntities(people: Person[], projects: Project[], topics: Topic[]): void {
    this.rawEntities = { people, projects, topics };
    this.people = EntityDirectory.people(people);
    this.projects = EntityDirectory.projects(projects);
    this.topics = EntityDirectory.topics(topics);
  }

  /** Runs a query (text or parsed). Throws `QueryError` for bad operators or unknown names. */
  search(query: string | SearchQuery, options: SearchOptions = {}): SearchResponse {
    const text = typeof query === 'string' ? query : '';
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const sort = options.sort ?? 'relevance';
    const limit = clampInt(options.limit ?? DEFAULT_LIMIT, 0, 1000, 'limit');
    const offset = clampInt(options.offset ?? 0, 0, Number.MAX_SAFE_INTEGER, 'offset');

    const matches = this.candidates(parsed, this.filterFor(parsed));
    const excluded = this.excludedIds(parsed);
    if (excluded.size) matches.keep((id) => !excluded.has(id));

    const page = this.pageOf(matches, sort, offset, limit);
    return {
      query: text,
      sort,
      total: matches.length,
      offset,
      limit,
      hits: page.map((i) => this.toHit(matches.ids[i], matches.scores[i], matches.terms)),
      facets: this.facets(matches),
    };
  }

  /** Ranked candidates that pass the operators and phrases. */
  private candidates(q: SearchQuery, filter: Filter): Matches {
    const { accept } = filter;
    const words = q.words.flatMap(queryTerms);
    const phraseTerms = q.phrases.flatMap(queryTerms);
    const searchTerms = [...words, ...phraseTerms];
    // Words that are all stop words (`the who`) cannot be looked up as terms: each must appear as
    // a word, which the phrase index answers as it answers a phrase of one word.
    const strayStopWords = q.words.filter((w) => queryTerms(w).length === 0).flatMap((w) => normaliseForPhrase(w).split(' '));
    const held = this.phraseTest([...q.phrases.map(normaliseForPhrase), ...strayStopWords]);

    if (isFilterOnly(q) || searchTerms.length === 0) {
      // Walk the shorter of the lists that narrow the search, or every document.
      const narrowest = [held.ids, filter.candidates].reduce<number[] | null>((a, b) => (!a || (b && b.length < a.length) ? b : a), null);
      const out = new Matches(narrowest ? narrowest.length : this.byShortId.length, phraseTerms);
      const consider = (id: number) => {
        const d = this.byShortId[id];
        if (d && (!accept || accept(d)) && held.test(id)) out.push(id, 0);
      };
      if (narrowest) for (const id of narrowest) consider(id);
      else for (let id = 0; id < this.byShortId.length; id++) consider(id);
      return out;
    }

    const lookUp = (fuzzy: boolean): Matches => {
      const scored = this.scorer.all(termSpecs(searchTerms, fuzzy));
      const out = new Matches(scored.length, [...scored.derivedTerms, ...phraseTerms]);
      for (let j = 0; j < scored.length; j++) {
        const id = scored.ids[j];
        const d = this.byShortId[id];
        if (d && (!accept || accept(d))) out.push(id, scored.scores[j]);
      }
      return out;
    };
    // Typos are looked for only when the words as typed find less than a page: scoring the
    // near-spellings of a common word costs time in a large folder, where the word itself
    // already fills the page.
    let results = lookUp(false);
    if (results.length < FUZZY_BELOW) results = lookUp(true);
    if (held.ids) results.keep((id) => held.test(id));
    return results;
  }

  /**
   * Which documents hold every one of the folded phrases: the phrase index's candidates (`ids`,
   * sorted; null when no phrase narrows them), and a test that confirms a document by reading it
   * only for the phrases the index cannot answer alone.
   */
  private phraseTest(phrases: string[]): { ids: number[] | null; test: (id: number) => boolean } {
    const wanted = phrases.filter(Boolean);
    if (!wanted.length) return { ids: null, test: () => true };
    const index = this.phraseIndex();
    let ids: number[] | null = null;
    const toRead: string[] = [];
    for (const phrase of wanted) {
      const found = index.candidates(phrase);
      if (!found.exact) toRead.push(phrase);
      if (found.ids) ids = ids ? intersectSorted(ids, found.ids) : found.ids;
    }
    const allowed = ids ? new Uint8Array(this.byShortId.length) : null;
    if (ids && allowed) for (const id of ids) allowed[id] = 1;
    return {
      ids,
      test: (id) =>
        (!allowed || allowed[id] === 1) && (toRead.length === 0 || toRead.every((p) => holdsPhrase(this.view(id).haystack, p))),
    };
  }

  /** The phrase index, brought up to the documents added since it was last used. */
  private phraseIndex(): PhraseIndex {
    this.indexPhrases(Infinity);
    return this.phrases;
  }

  /** Adds up to `count` documents not yet in the phrase index; false once it has them all. */
  private indexPhrases(count: number): boolean {
    const index = this.phrases;
    const end = Math.min(this.byShortId.length, index.next + count);
    for (let id = index.next; id < end; id++) {
      const d = this.byShortId[id];
      if (d) index.add(id, this.derived[id]?.haystack ?? haystackOf(d, plainText(d.text)));
    }
    index.skipTo(end);
    return end < this.byShortId.length;
  }

  /**
   * Makes ahead what queries otherwise make on first use, above all the phrase index (seconds at
   * 10,000 meetings), a slice at a time so that requests keep being answered meanwhile; a phrase
   * query that comes first finishes the index itself.
   */
  async prepare(): Promise<void> {
    while (this.indexPhrases(PREPARE_SLICE)) await new Promise((resolve) => setImmediate(resolve));
    this.operatorPostings();
    this.facetColumns.extend(this.byShortId);
  }

  /** Short ids of discussions holding an excluded word (exact term, any field) or phrase. */
  private excludedIds(q: SearchQuery): Set<number> {
    const out = new Set<number>();
    for (const word of q.excludedWords) {
      const terms = queryTerms(word);
      if (!terms.length) continue;
      const found = this.scorer.all(terms.map((term) => ({ term, prefix: false, fuzzy: false })));
      for (let j = 0; j < found.length; j++) out.add(found.ids[j]);
    }
    for (const phrase of q.excludedPhrases) {
      const held = this.phraseTest([normaliseForPhrase(phrase)]);
      const exclude = (id: number) => {
        if (this.byShortId[id] && held.test(id)) out.add(id);
      };
      if (held.ids) for (const id of held.ids) exclude(id);
      else for (let id = 0; id < this.byShortId.length; id++) exclude(id);
    }
    return out;
  }

  /**
   * Positions in `matches` of the page asked for, in order: best score first (then newest) or
   * newest first. Only the first `offset + limit` are put in order; the rest are compared with
   * the last of those and left.
   */
  private pageOf(matches: Matches, sort: SearchSort, offset: number, limit: number): number[] {
    const { ids, scores } = matches;
    const days = this.dayById;
    const newer = (a: number, b: number) => days[b] - days[a] || byNewest(this.byShortId[a]!, this.byShortId[b]!);
    const before =
      sort === 'relevance'
        ? (i: number, j: number) => scores[j] - scores[i] || newer(ids[i], ids[j])
        : (i: number, j: number) => newer(ids[i], ids[j]);
    return firstInOrder(matches.length, offset + limit, before).slice(offset);
  }

  /**
   * The operators of a query as one predicate (null when there are none), and the documents of
   * its most selective operator, when it names a person, project, topic or meeting; names are
   * resolved first (QueryError when unknown).
   */
  private filterFor(q: SearchQuery): Filter {
    const people = q.people.map((v) => this.resolveIds(this.people, 'person', v));
    const projects = q.projects.map((v) => this.resolveIds(this.projects, 'project', v));
    const topics = q.topics.map((v) => this.resolveIds(this.topics, 'topic', v));
    const meetings = q.meetings.map((v) => this.resolveMeeting(v));
    const { from, to } = q.range;
    const narrowing = [
      ...people.map((ids) => [...ids].map((id) => `person\0${id}`)),
      ...projects.map((ids) => [...ids].map((id) => `project\0${id}`)),
      ...topics.map((ids) => [...ids].map((id) => `topic\0${id}`)),
      ...meetings.map((m) => m.keys),
    ].map((keys) => unionSorted(keys.map((key) => this.operatorPostings().get(key) ?? [])));
    const candidates = narrowing.reduce<number[] | null>((best, list) => (!best || list.length < best.length ? list : best), null);
    if (!from && !to && narrowing.length === 0) return { accept: null, candidates: null };
    return {
      candidates,
      accept: (d) =>
        (!from || d.meeting >= from) &&
        (!to || d.meeting <= to) &&
        people.every((ids) => d.personIds.some((id) => ids.has(id))) &&
        projects.every((ids) => d.projectIds.some((id) => ids.has(id))) &&
        topics.every((ids) => d.topicIds.some((id) => ids.has(id))) &&
        meetings.every((m) => m.test(d)),
    };
  }

  /**
   * The documents of each person, project, topic, meeting date and meeting id (keyed
   * `person\0<id>`, `date\0<date>`, `meeting\0<lower-case id>`…), sorted. As short ids only
   * grow, new documents are appended; a discarded one stays listed and is skipped by the caller.
   */
  private operatorPostings(): Map<string, number[]> {
    const out = this.byOperator;
    for (let id = this.operatorsIndexedBelow; id < this.byShortId.length; id++) {
      const d = this.byShortId[id];
      if (!d) continue;
      for (const p of d.personIds) post(out, `person\0${p}`, id);
      for (const p of d.projectIds) post(out, `project\0${p}`, id);
      for (const t of d.topicIds) post(out, `topic\0${t}`, id);
      post(out, `date\0${d.meeting}`, id);
      post(out, `meeting\0${d.meetingId.toLowerCase()}`, id);
    }
    this.operatorsIndexedBelow = this.byShortId.length;
    return out;
  }

  private resolveIds(directory: EntityDirectory, field: string, value: string): Set<string> {
    const r = directory.resolve(value);
    if (r.ok) return new Set(r.entities.map((e) => e.id));
    const what = field === 'person' ? 'person' : field;
    const message =
      r.reason === 'ambiguous'
        ? `"${field}:${value}" could be several: ${r.suggestions.map((s) => `"${s}"`).join(', ')}`
        : `no ${what} named "${value}" (${field}:).${didYouMean(r.suggestions)}`;
    throw new QueryError(message, field);
  }

  /** A `meeting:` value as a test, and the keys of `operatorPostings` whose documents it can match. */
  private resolveMeeting(value: string): { test: (d: IndexedDiscussion) => boolean; keys: string[] } {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return { test: (d) => d.meeting === value || d.meetingId === value, keys: [`date\0${value}`, `meeting\0${value.toLowerCase()}`] };
    }
    const wanted = value.toLowerCase();
    const listed = this.operatorPostings().get(`meeting\0${wanted}`) ?? [];
    const ids = listed.some((id) => this.byShortId[id]) ? [] : [...this.meetingPrints.keys()];
    // A meeting without discussions has no documents, but it is still a meeting.
    if (ids.length && !ids.some((id) => id.toLowerCase() === wanted)) {
      const near = ids.filter((id) => id.toLowerCase().includes(wanted)).slice(0, 5);
      throw new QueryError(
        `no meeting "${value}" (meeting: takes a date YYYY-MM-DD or a meeting id).${didYouMean(near)}`,
        'meeting',
      );
    }
    return { test: (d) => d.meetingId.toLowerCase() === wanted, keys: [`meeting\0${wanted}`] };
  }

  private names(directory: EntityDirectory, ids: string[]): string[] {
    return ids
      .map((id) => directory.get(id)?.name ?? id)
      .sort((a, b) => a.localeCompare(b));
  }

  private toHit(id: number, score: number, terms: ReadonlySet<string>): SearchHit {
    const d = this.byShortId[id]!;
    const v = this.view(id);
    const labels = this.labelsOf(d);
    return {
      discussionId: d.discussionId,
      meetingId: d.meetingId,
      meeting: d.meeting,
      title: d.title,
      heading: d.heading,
      snippet: snippetOfPlainText(v.plain || d.heading, terms),
      people: labels.people,
      projects: labels.projects,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /**
   * Counts over every match. Each document's people, projects and year are numbered once
   * (`FacetColumns`), so a count over tens of thousands of matches is a pass of array
   * increments; numbers become names only for the values counted.
   */
  private facets(matches: Matches): SearchFacets {
    const table = this.facetColumns.extend(this.byShortId);
    const people = new Uint32Array(table.people.values.length);
    const projects = new Uint32Array(table.projects.values.length);
    const years = new Uint32Array(table.years.length);
    const { ids } = matches;
    for (let i = 0; i < matches.length; i++) {
      const id = ids[i];
      for (let k = table.people.start[id]; k < table.people.start[id + 1]; k++) people[table.people.keys[k]]++;
      for (let k = table.projects.start[id]; k < table.projects.start[id + 1]; k++) projects[table.projects.keys[k]]++;
      years[table.year[id]]++;
    }
    // Entities that share a canonical name are one facet value, as they are one name in a result.
    const named = (directory: EntityDirectory, values: string[], counts: Uint32Array): FacetCount[] => {
      const byName = new Map<string, number>();
      for (let k = 0; k < counts.length; k++) {
        if (counts[k] === 0) continue;
        const name = directory.get(values[k])?.name ?? values[k];
        byName.set(name, (byName.get(name) ?? 0) + counts[k]);
      }
      return [...byName].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const yearCounts: FacetCount[] = [];
    table.years.forEach((value, k) => {
      if (years[k] > 0) yearCounts.push({ value, count: years[k] });
    });
    return {
      people: named(this.people, table.people.values, people),
      projects: named(this.projects, table.projects.values, projects),
      years: yearCounts.sort((a, b) => b.value.localeCompare(a.value)),
    };
  }

}

/**
 * Every document's people and projects (by entity id) and year, numbered, by short id, in
 * compressed-row form (`start[id]`…`start[id + 1]`). Short ids only grow and a document's values
 * never change under its id (a changed document is added again, under a new one), so the columns
 * are only ever extended; a discarded document's row stays and is never counted.
 */
class FacetColumns {
  readonly people = new NumberedLists();
  readonly projects = new NumberedLists();
  readonly years: string[] = [];
  readonly year: number[] = [];
  private readonly yearIds = new Map<string, number>();

  extend(byShortId: ReadonlyArray<IndexedDiscussion | undefined>): this {
    for (let id = this.year.length; id < byShortId.length; id++) {
      const d = byShortId[id];
      this.people.add(d?.personIds ?? []);
      this.projects.add(d?.projectIds ?? []);
      const y = d ? d.meeting.slice(0, 4) : '';
      let k = this.yearIds.get(y);
      if (k === undefined) {
        this.yearIds.set(y, (k = this.years.length));
        this.years.push(y);
      }
      this.year.push(k);
    }
    return this;
  }
}

/** One list of numbered values per document, appended in document order. */
class NumberedLists {
  private readonly numbers = new Map<string, number>();
  readonly values: string[] = [];
  readonly start: number[] = [0];
  readonly keys: number[] = [];

  add(values: readonly string[]): void {
    for (const v of values) {
      let k = this.numbers.get(v);
      if (k === undefined) {
        this.numbers.set(v, (k = this.values.length));
        this.values.push(v);
      }
      this.keys.push(k);
    }
    this.start.push(this.keys.length);
  }
}

interface Derived {
  /** The text without Markdown. */
  plain: string;
  /** Heading and plain text, folded, for phrase tests. */
  haystack: string;
}

/** A document's heading and plain text, folded for phrase tests. */
function haystackOf(d: IndexedDiscussion, plain: string): string {
  return normaliseForPhrase(`${d.heading} ${plain}`);
}

interface Labels {
  /** Canonical names, sorted. */
  people: string[];
  projects: string[];
}

/** A query's operators: a test of a document (null: none), and the documents it can pass, sorted (null: any). */
interface Filter {
  accept: ((d: IndexedDiscussion) => boolean) | null;
  candidates: number[] | null;
}

/** Matching documents by short id, with their scores, and the index terms to mark in snippets. */
class Matches {
  readonly ids: Int32Array;
  readonly scores: Float64Array;
  length = 0;
  readonly terms: ReadonlySet<string>;

  /** `capacity`: the most matches there can be. */
  constructor(capacity: number, terms: Iterable<string>) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.terms = new Set(terms);
  }

  push(id: number, score: number): void {
    this.ids[this.length] = id;
    this.scores[this.length] = score;
    this.length++;
  }

  /** Keeps the matches whose id passes (in order). */
  keep(test: (id: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (!test(this.ids[i])) continue;
      this.ids[n] = this.ids[i];
      this.scores[n] = this.scores[i];
      n++;
    }
    this.length = n;
  }
}

/** The query terms as MiniSearch's `termToQuerySpec` makes them with `SEARCH_DEFAULTS` (fuzzy only when asked). */
function termSpecs(terms: string[], fuzzy: boolean): TermSpec[] {
  return terms.map((term, i) => ({
    term,
    prefix: SEARCH_DEFAULTS.prefix(term, i, terms),
    fuzzy: fuzzy ? SEARCH_DEFAULTS.fuzzy(term) : false,
  }));
}

/**
 * The positions `0..count-1` of the first `k` in the order `before` (negative: `i` goes first),
 * sorted. Holds at most `k` at a time, so that a page of 20 out of 40,000 matches is not a sort of
 * 40,000.
 */
export function firstInOrder(count: number, k: number, before: (i: number, j: number) => number): number[] {
  if (k <= 0) return [];
  if (k >= count) return Array.from({ length: count }, (_, i) => i).sort(before);
  const kept: number[] = [];
  for (let i = 0; i < count; i++) {
    if (kept.length === k && before(i, kept[k - 1]) >= 0) continue;
    // Binary search for the first kept position that `i` goes before; equal ones keep their order.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(i, kept[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, i);
    if (kept.length > k) kept.pop();
  }
  return kept;
}

function byNewest(a: IndexedDiscussion, b: IndexedDiscussion): number {
  return (
    compareText(b.meeting, a.meeting) ||
    compareText(a.meetingId, b.meetingId) ||
    a.order - b.order
  );
}


function clampInt(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new QueryError(`"${field}" must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}

/** How an entity's names are indexed. */
function namesText(e: { name: string; aliases?: string[] }): string {
  return [e.name, ...(e.aliases ?? [])].join(' ; ');
}

type IndexEntry = { record: IndexedDiscussion; doc: MiniDoc };

/**
 * The index documents of a graph (of the meetings in `only`, when given), by meeting, made when a
 * meeting's are asked for: at 10,000 meetings, all of them at once were 64,675 documents in memory
 * beside the index they went into, and seconds without a turn of the event loop. `items` (see
 * `GraphChanges.items`) spares walking the graph's lists when it holds every meeting of `only`.
 */
class IndexDocuments {
  /** The meetings' ids, in the graph's order. */
  readonly meetingIds: string[];
  private readonly meetings: Map<string, Meeting>;
  private readonly discussionsOf = new Map<string, Discussion[]>();
  private readonly people: Map<string, Person>;
  private readonly projects: Map<string, Project>;
  private readonly topics: Map<string, Topic>;
  private readonly personIds: Map<string, string[]>;
  private readonly projectIds: Map<string, string[]>;
  private readonly topicIds: Map<string, string[]>;

  constructor(graph: MeetingGraph, only?: ReadonlySet<string>, items?: ReadonlyMap<string, MeetingItems>) {
    this.meetings = new Map(graph.meetings.filter((m) => !only || only.has(m.id)).map((m) => [m.id, m]));
    this.meetingIds = [...this.meetings.keys()];
    this.people = new Map(graph.people.map((p) => [p.id, p]));
    this.projects = new Map(graph.projects.map((p) => [p.id, p]));
    this.topics = new Map(graph.topics.map((t) => [t.id, t]));
    const given = only && items && [...only].every((id) => items.has(id)) ? [...only].map((id) => items.get(id)!) : null;
    const lists = given ? joinItems(given) : graph;
    const discussions = only ? lists.discussions.filter((d) => this.meetings.has(d.meetingId)) : graph.discussions;
    const wanted = only ? new Set(discussions.map((d) => d.id)) : null;
    const discussed = wanted ? lists.discussed.filter((e) => wanted.has(e.discussionId)) : graph.discussed;
    const about = wanted ? lists.about.filter((a) => wanted.has(a.discussionId)) : graph.about;
    this.personIds = groupIds(discussed.map((e) => [e.discussionId, e.personId]));
    this.projectIds = groupIds(about.filter((a) => a.target === 'project').map((a) => [a.discussionId, a.targetId]));
    this.topicIds = groupIds(about.filter((a) => a.target === 'topic').map((a) => [a.discussionId, a.targetId]));
    for (const d of discussions) {
      if (!this.meetings.has(d.meetingId)) continue;
      const list = this.discussionsOf.get(d.meetingId);
      if (list) list.push(d);
      else this.discussionsOf.set(d.meetingId, [d]);
    }
  }

  get size(): number {
    return this.meetings.size;
  }

  has(meetingId: string): boolean {
    return this.meetings.has(meetingId);
  }

  /** A meeting's documents, in discussion order. */
  of(meetingId: string): IndexEntry[] {
    const meeting = this.meetings.get(meetingId)!;
    const entries = (this.discussionsOf.get(meetingId) ?? []).map((d) => {
      const record: IndexedDiscussion = {
        discussionId: d.id,
        meetingId: d.meetingId,
        meeting: meeting.date,
        title: meeting.title,
        heading: d.heading,
        text: d.text,
        order: d.order,
        personIds: this.personIds.get(d.id) ?? [],
        projectIds: this.projectIds.get(d.id) ?? [],
        topicIds: this.topicIds.get(d.id) ?? [],
      };
      const doc: MiniDoc = {
        id: d.id,
        heading: d.heading.replace(/#+/g, ' '),
        text: plainText(d.text),
        title: meeting.title,
        people: namesOf(record.personIds, this.people),
        projects: namesOf(record.projectIds, this.projects),
        topics: namesOf(record.topicIds, this.topics),
      };
      return { record, doc };
    });
    return entries.sort((a, b) => a.record.order - b.record.order);
  }
}

/** The indexed names of the entities with these ids, in that order. */
function namesOf(ids: string[], entities: Map<string, { name: string; aliases?: string[] }>): string {
  return ids
    .map((id) => entities.get(id))
    .filter((e): e is { name: string; aliases?: string[] } => !!e)
    .map(namesText)
    .join(' ; ');
}

function groupIds(pairs: Array<[string, string]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, id] of pairs) {
    const list = out.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

function fingerprint(entries: IndexEntry[]): string {
  return createHash('sha1').update(JSON.stringify(entries)).digest('hex');
}

export { parseQuery, QueryError } from './query.js';
export type { SearchQuery } from './query.js';
