/**
 * Full-text search over the discussions of a meeting graph, with the operators of `query.ts`.
 *
 * One MiniSearch document per Discussion: heading, text, meeting title, the names and aliases of
 * the people who took part, of the projects and of the topics it is about. Operators filter by
 * graph ids (resolved through the graph's names and aliases), phrases by containment in heading
 * and text, and free words are ranked by BM25 with the heading and names boosted above the text.
 */
import { createHash } from 'node:crypto';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { GraphChanges, MeetingGraph, Person, Project, Topic } from '../domain.js';
import { didYouMean, EntityDirectory } from './entities.js';
import { isFilterOnly, parseQuery, QueryError, type SearchQuery } from './query.js';
import { plainText, snippetOfPlainText } from './snippet.js';
import { normaliseForPhrase, processTerm, queryTerms, tokenize } from './terms.js';
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

export class SearchIndex {
  private readonly docs = new Map<string, IndexedDiscussion>();
  /** The ids in `docs` of each meeting's discussions, so that a changed meeting is found without a scan. */
  private readonly docsOfMeeting = new Map<string, string[]>();
  private meetingPrints = new Map<string, string>();
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

  /** What results need of a document beyond the record, computed on first use. */
  private readonly derived = new Map<string, Derived>();
  private readonly labels = new Map<string, Labels>();
  /** Facet values numbered in order of first use, and each document's numbers (see `facets`). */
  private facetValues: { people: FacetValues; projects: FacetValues; years: FacetValues } = emptyFacetValues();
  private readonly facetKeys = new Map<string, FacetKeys>();

  private constructor(private readonly mini: MiniSearch<MiniDoc>) {}

  private view(d: IndexedDiscussion): Derived {
    let v = this.derived.get(d.discussionId);
    if (!v) {
      const plain = plainText(d.text);
      v = { plain, haystack: normaliseForPhrase(`${d.heading} ${plain}`), words: undefined, ...this.labelsOf(d) };
      this.derived.set(d.discussionId, v);
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
    const mini = MiniSearch.loadJSON<MiniDoc>(JSON.stringify(parsed.minisearch), MINISEARCH_OPTIONS);
    const index = new SearchIndex(mini);
    for (const d of parsed.docs) index.keep(d);
    index.meetingPrints = new Map(Object.entries(parsed.meetings));
    index.setEntities(parsed.people, parsed.projects, parsed.topics);
    return index;
  }

  /** Number of indexed discussions. */
  get size(): number {
    return this.docs.size;
  }

  toJSON(): SerializedSearchIndex {
    return {
      version: 1,
      minisearch: this.mini.toJSON(),
      docs: [...this.docs.values()],
      meetings: Object.fromEntries(this.meetingPrints),
      people: this.rawEntities.people,
      projects: this.rawEntities.projects,
      topics: this.rawEntities.topics,
    };
  }

  /** Cleans up discarded documents (call before saving after updates). */
  async vacuum(): Promise<void> {
    if (this.mini.dirtCount > 0) await this.mini.vacuum();
  }

  /**
   * Brings the index in line with the graph, meeting by meeting: the documents of a meeting whose
   * discussions (or their people, projects, topics and names) changed are discarded and added
   * again, those of a vanished meeting are discarded, the rest is left alone. With `changes`
   * relative to the graph this index was last brought in line with, only the meetings listed and
   * those naming a person, project or topic whose names changed are looked at.
   */
  update(graph: MeetingGraph, changes?: GraphChanges | null): IndexUpdate {
    const only = changes && changes.since === this.lastGraph ? this.meetingsToLookAt(graph, changes) : undefined;
    this.lastGraph = null;
    this.setEntities(graph.people, graph.projects, graph.topics);
    this.derived.clear();
    this.labels.clear();
    this.facetKeys.clear();
    this.facetValues = emptyFacetValues();
    const docsByMeeting = buildDocuments(graph, only);
    const present = only ? new Set(graph.meetings.map((m) => m.id)) : docsByMeeting;
    const result: IndexUpdate = { added: 0, changed: 0, removed: 0, unchanged: only ? graph.meetings.length - docsByMeeting.size : 0 };

    for (const meetingId of [...this.meetingPrints.keys()]) {
      if (present.has(meetingId)) continue;
      this.discardMeeting(meetingId);
      this.meetingPrints.delete(meetingId);
      result.removed++;
    }
    for (const [meetingId, entries] of docsByMeeting) {
      const print = fingerprint(entries);
      const previous = this.meetingPrints.get(meetingId);
      if (previous === print) {
        result.unchanged++;
        continue;
      }
      if (previous !== undefined) {
        this.discardMeeting(meetingId);
        result.changed++;
      } else {
        result.added++;
      }
      for (const { record, doc } of entries) {
        this.keep(record);
        this.mini.add(doc);
      }
      this.meetingPrints.set(meetingId, print);
    }
    this.lastGraph = graph;
    return result;
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

  private keep(record: IndexedDiscussion): void {
    this.docs.set(record.discussionId, record);
    const ids = this.docsOfMeeting.get(record.meetingId);
    if (ids) ids.push(record.discussionId);
    else this.docsOfMeeting.set(record.meetingId, [record.discussionId]);
  }

  private discardMeeting(meetingId: string): void {
    for (const id of this.docsOfMeeting.get(meetingId) ?? []) {
      this.mini.discard(id);
      this.docs.delete(id);
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

    const accept = this.filterFor(parsed);
    const scored = this.candidates(parsed, accept);
    const excluded = this.excludedIds(parsed);
    const matches = scored.filter((m) => !excluded.has(m.doc.discussionId));

    matches.sort((a, b) => {
      if (sort === 'relevance' && b.score !== a.score) return b.score - a.score;
      return byNewest(a.doc, b.doc);
    });

    const page = matches.slice(offset, offset + limit);
    return {
      query: text,
      sort,
      total: matches.length,
      offset,
      limit,
      hits: page.map((m) => this.toHit(m)),
      facets: this.facets(matches.map((m) => m.doc)),
    };
  }

  /** Ranked candidates that pass the operators and phrases. */
  private candidates(q: SearchQuery, accept: (d: IndexedDiscussion) => boolean): Match[] {
    const phrases = q.phrases.map(normaliseForPhrase);
    const hasPhrases = (d: IndexedDiscussion) => {
      if (!phrases.length) return true;
      const { haystack } = this.view(d);
      return phrases.every((p) => haystack.includes(p));
    };
    const words = q.words.flatMap(queryTerms);
    // Words that are all stop words (`the who`) cannot be looked up: they must appear as written.
    const strayStopWords = q.words.filter((w) => queryTerms(w).length === 0).map(normaliseForPhrase);
    const phraseTerms = q.phrases.flatMap(queryTerms);
    const searchTerms = [...words, ...phraseTerms];

    if (isFilterOnly(q) || searchTerms.length === 0) {
      const out: Match[] = [];
      for (const d of this.docs.values()) {
        if (!accept(d) || !hasPhrases(d)) continue;
        if (strayStopWords.length && !this.containsWords(d, strayStopWords)) continue;
        out.push({ doc: d, score: 0, terms: phraseTerms });
      }
      return out;
    }

    const lookUp = (fuzzy: boolean): SearchResult[] =>
      this.mini.search(searchTerms.join(' '), {
        ...SEARCH_DEFAULTS,
        ...(fuzzy ? {} : { fuzzy: false }),
        filter: (r) => {
          const d = this.docs.get(r.id as string);
          return !!d && accept(d);
        },
      });
    // Typos are looked for only when the words as typed find less than a page: scoring the
    // near-spellings of a common word costs tens of milliseconds in a large folder, where the
    // word itself already fills the page.
    let results = lookUp(false);
    if (results.length < FUZZY_BELOW) results = lookUp(true);
    const out: Match[] = [];
    for (const r of results) {
      const d = this.docs.get(r.id as string)!;
      if (!hasPhrases(d)) continue;
      if (strayStopWords.length && !this.containsWords(d, strayStopWords)) continue;
      out.push({ doc: d, score: r.score, terms: phraseTerms.length ? [...r.terms, ...phraseTerms] : r.terms });
    }
    return out;
  }

  /** Ids of discussions holding an excluded word (exact term, any field) or phrase. */
  private excludedIds(q: SearchQuery): Set<string> {
    const out = new Set<string>();
    for (const word of q.excludedWords) {
      const terms = queryTerms(word);
      if (!terms.length) continue;
      for (const r of this.mini.search(terms.join(' '), {
        ...SEARCH_DEFAULTS,
        prefix: false,
        fuzzy: false,
      })) {
        out.add(r.id as string);
      }
    }
    if (q.excludedPhrases.length) {
      const phrases = q.excludedPhrases.map(normaliseForPhrase);
      for (const d of this.docs.values()) {
        const { haystack } = this.view(d);
        if (phrases.some((p) => haystack.includes(p))) out.add(d.discussionId);
      }
    }
    return out;
  }

  /** The operators of a query as one predicate; names are resolved first (QueryError when unknown). */
  private filterFor(q: SearchQuery): (d: IndexedDiscussion) => boolean {
    const people = q.people.map((v) => this.resolveIds(this.people, 'person', v));
    const projects = q.projects.map((v) => this.resolveIds(this.projects, 'project', v));
    const topics = q.topics.map((v) => this.resolveIds(this.topics, 'topic', v));
    const meetings = q.meetings.map((v) => this.resolveMeeting(v));
    const { from, to } = q.range;
    return (d) =>
      (!from || d.meeting >= from) &&
      (!to || d.meeting <= to) &&
      people.every((ids) => d.personIds.some((id) => ids.has(id))) &&
      projects.every((ids) => d.projectIds.some((id) => ids.has(id))) &&
      topics.every((ids) => d.topicIds.some((id) => ids.has(id))) &&
      meetings.every((m) => m(d));
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

  private resolveMeeting(value: string): (d: IndexedDiscussion) => boolean {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return (d) => d.meeting === value || d.meetingId === value;
    }
    const wanted = value.toLowerCase();
    const ids = [...this.meetingPrints.keys()];
    if (!ids.some((id) => id.toLowerCase() === wanted)) {
      const near = ids.filter((id) => id.toLowerCase().includes(wanted)).slice(0, 5);
      throw new QueryError(
        `no meeting "${value}" (meeting: takes a date YYYY-MM-DD or a meeting id).${didYouMean(near)}`,
        'meeting',
      );
    }
    return (d) => d.meetingId.toLowerCase() === wanted;
  }

  private containsWords(d: IndexedDiscussion, words: string[]): boolean {
    const v = this.view(d);
    v.words ??= new Set(v.haystack.split(/[^\p{L}\p{N}]+/u));
    const set = v.words;
    return words.every((w) => w.split(' ').every((part) => set.has(part)));
  }

  private names(directory: EntityDirectory, ids: string[]): string[] {
    return ids
      .map((id) => directory.get(id)?.name ?? id)
      .sort((a, b) => a.localeCompare(b));
  }

  private toHit(m: Match): SearchHit {
    const d = m.doc;
    const v = this.view(d);
    return {
      discussionId: d.discussionId,
      meetingId: d.meetingId,
      meeting: d.meeting,
      title: d.title,
      heading: d.heading,
      snippet: snippetOfPlainText(v.plain || d.heading, new Set(m.terms)),
      people: v.people,
      projects: v.projects,
      score: Math.round(m.score * 1000) / 1000,
    };
  }

  /**
   * Counts over every match. Each document's facet values are numbered once (`facetKeysOf`), so a
   * count over tens of thousands of matches is a pass of array increments, not of map lookups.
   */
  private facets(docs: IndexedDiscussion[]): SearchFacets {
    // Numbered first: a document seen for the first time may add values, and so lengthen the arrays.
    const keyed = docs.map((d) => this.facetKeysOf(d));
    const people = new Uint32Array(this.facetValues.people.size);
    const projects = new Uint32Array(this.facetValues.projects.size);
    const years = new Uint32Array(this.facetValues.years.size);
    for (const keys of keyed) {
      for (const k of keys.people) people[k]++;
      for (const k of keys.projects) projects[k]++;
      years[keys.year]++;
    }
    const counted = (values: FacetValues, counts: Uint32Array): FacetCount[] => {
      const out: FacetCount[] = [];
      for (const [value, k] of values) if (counts[k] > 0) out.push({ value, count: counts[k] });
      return out;
    };
    return {
      people: counted(this.facetValues.people, people).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      projects: counted(this.facetValues.projects, projects).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      years: counted(this.facetValues.years, years).sort((a, b) => b.value.localeCompare(a.value)),
    };
  }

  private facetKeysOf(d: IndexedDiscussion): FacetKeys {
    let keys = this.facetKeys.get(d.discussionId);
    if (!keys) {
      const labels = this.labelsOf(d);
      keys = {
        people: labels.people.map((name) => numberOf(this.facetValues.people, name)),
        projects: labels.projects.map((name) => numberOf(this.facetValues.projects, name)),
        year: numberOf(this.facetValues.years, d.meeting.slice(0, 4)),
      };
      this.facetKeys.set(d.discussionId, keys);
    }
    return keys;
  }
}

interface Derived {
  /** The text without Markdown. */
  plain: string;
  /** Heading and plain text, folded, for phrase tests. */
  haystack: string;
  /** The folded words of heading and text (for stop-word-only queries), made when first needed. */
  words: Set<string> | undefined;
  /** Canonical names, sorted. */
  people: string[];
  projects: string[];
}

interface Labels {
  /** Canonical names, sorted. */
  people: string[];
  projects: string[];
}

/** Facet value → its number (a position in the count arrays). */
type FacetValues = Map<string, number>;

interface FacetKeys {
  people: number[];
  projects: number[];
  year: number;
}

function emptyFacetValues(): { people: FacetValues; projects: FacetValues; years: FacetValues } {
  return { people: new Map(), projects: new Map(), years: new Map() };
}

function numberOf(values: FacetValues, value: string): number {
  let k = values.get(value);
  if (k === undefined) values.set(value, (k = values.size));
  return k;
}

interface Match {
  doc: IndexedDiscussion;
  score: number;
  /** Processed terms that matched, for the snippet's marks (a set is made only for the page shown). */
  terms: readonly string[];
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

/** The index documents of a graph (of the meetings in `only`, when given), grouped by meeting (meeting order kept). */
function buildDocuments(graph: MeetingGraph, only?: ReadonlySet<string>): Map<string, Array<{ record: IndexedDiscussion; doc: MiniDoc }>> {
  const meetings = new Map(graph.meetings.filter((m) => !only || only.has(m.id)).map((m) => [m.id, m]));
  const people = new Map(graph.people.map((p) => [p.id, p]));
  const projects = new Map(graph.projects.map((p) => [p.id, p]));
  const topics = new Map(graph.topics.map((t) => [t.id, t]));
  const discussions = only ? graph.discussions.filter((d) => meetings.has(d.meetingId)) : graph.discussions;
  const wanted = only ? new Set(discussions.map((d) => d.id)) : null;
  const discussed = wanted ? graph.discussed.filter((e) => wanted.has(e.discussionId)) : graph.discussed;
  const about = wanted ? graph.about.filter((a) => wanted.has(a.discussionId)) : graph.about;
  const personIds = groupIds(discussed.map((e) => [e.discussionId, e.personId]));
  const projectIds = groupIds(about.filter((a) => a.target === 'project').map((a) => [a.discussionId, a.targetId]));
  const topicIds = groupIds(about.filter((a) => a.target === 'topic').map((a) => [a.discussionId, a.targetId]));

  const out = new Map<string, Array<{ record: IndexedDiscussion; doc: MiniDoc }>>();
  for (const m of meetings.values()) out.set(m.id, []);
  for (const d of discussions) {
    const meeting = meetings.get(d.meetingId);
    if (!meeting) continue;
    const record: IndexedDiscussion = {
      discussionId: d.id,
      meetingId: d.meetingId,
      meeting: meeting.date,
      title: meeting.title,
      heading: d.heading,
      text: d.text,
      order: d.order,
      personIds: personIds.get(d.id) ?? [],
      projectIds: projectIds.get(d.id) ?? [],
      topicIds: topicIds.get(d.id) ?? [],
    };
    const namesOf = (ids: string[], map: Map<string, { name: string; aliases?: string[] }>) =>
      ids
        .map((id) => map.get(id))
        .filter((e): e is { name: string; aliases?: string[] } => !!e)
        .map(namesText)
        .join(' ; ');
    const doc: MiniDoc = {
      id: d.id,
      heading: d.heading.replace(/#+/g, ' '),
      text: plainText(d.text),
      title: meeting.title,
      people: namesOf(record.personIds, people),
      projects: namesOf(record.projectIds, projects),
      topics: namesOf(record.topicIds, topics),
    };
    out.get(d.meetingId)!.push({ record, doc });
  }
  for (const list of out.values()) list.sort((a, b) => a.record.order - b.record.order);
  return out;
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

function fingerprint(entries: Array<{ record: IndexedDiscussion; doc: MiniDoc }>): string {
  return createHash('sha1').update(JSON.stringify(entries)).digest('hex');
}

export { parseQuery, QueryError } from './query.js';
export type { SearchQuery } from './query.js';
