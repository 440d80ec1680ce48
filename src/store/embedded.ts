/**
 * The embedded graph store, used when no Neo4j server is configured: the graph lives in memory
 * (`EmbeddedGraph`, one part per meeting) and is persisted to `<dataDir>/graph-store.json` after
 * every load that changed something.
 */
import type { GraphChanges, MeetingGraph, Reference } from '../domain.js';
import { EmbeddedGraph, sortedParts } from './embedded-graph.js';
import { QueryIndex } from './embedded-index.js';
import * as query from './embedded-queries.js';
import { StoreError } from './errors.js';
import { planLoad } from './load-plan.js';
import { canonicalGraph, partitionGraph, type GraphParts, type KeptParts } from './meeting-parts.js';
import { selectNeighbourhood } from './neighbourhood.js';
import { corrupt, readSnapshotFile, serializeSnapshot, snapshotPath, writeSnapshotFile, writeSnapshotFileStreaming } from './snapshot-file.js';
import { sameJson } from '../same-json.js';
import { hashBytes } from '../../ingest/read.js';
import { readSnapshotIndex, writeSnapshotIndex, type SnapshotIndex } from './snapshot-index.js';
import type {
  ActionRow,
  ActionsParams,
  AttendeeRow,
  CoAttendanceRow,
  DiscussionRow,
  DiscussionsParams,
  GraphStore,
  LoadOptions,
  LoadResult,
  MeetingRow,
  MeetingsParams,
  Neighbourhood,
  NeighbourhoodParams,
  PageParams,
  PersonDetail,
  ProjectDetail,
  RowPage,
  Stats,
} from './types.js';
import { WRITE_AFTER_ANSWER_MS } from './types.js';

export interface EmbeddedStoreOptions {
  /**
   * When the snapshot file is corrupt, start from an empty store instead of failing with a
   * StoreError (reason `corrupt`). Meant for a caller about to load a whole graph anyway (ingest);
   * the file is replaced by the next load. Default false.
   */
  discardCorruptSnapshot?: boolean;
  /** Called with the `corrupt` StoreError when a corrupt snapshot was discarded, so that the caller can report it. */
  onDiscardCorruptSnapshot?: (problem: StoreError) => void;
}

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  /** Where the graph is persisted. */
  readonly file: string;
  private readonly graph: EmbeddedGraph;
  /** Built on the first query after a change, from the parts and what the index before made of them. */
  private queryIndex: QueryIndex | null = null;
  /** The last tables built, until the next ones are: they hand on what they made of each part. */
  private lastQueryIndex: QueryIndex | null = null;
  /**
   * The meetings added, removed or replaced since `lastQueryIndex` was built, for the next index
   * to patch it (see `QueryIndex`); null when unknown (a load that failed part way), which builds
   * the next index from nothing.
   */
  private changedSinceLastIndex: Set<string> | null = null;
  private ingestInfo: Pick<MeetingGraph, 'warnings' | 'projectCandidates'>;
  /** Loads run one after another (each reads the state the previous one left). */
  private loading: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Whether the file holds what memory holds; a load that changes anything (or follows a failed write) rewrites it. */
  private fileCurrent = false;
  /** The graph in memory, whose head (`headOf`: the part of a change that the load plan does not see) a load compares with. */
  private head: { parts: () => StoredParts } | null = null;
  /** The last file write (see `load`'s `persistLater`). */
  private writing: Promise<void> = Promise.resolve();
  /** The graph the last load was given: `LoadOptions.changes` relative to it are taken. */
  private lastInput: MeetingGraph | null = null;
  /**
   * The reference list of the last load when the store holds exactly its references (none was
   * dropped for want of a citation): a next load handed the very same list need not copy it.
   */
  private referencesHeld: Reference[] | null = null;
  /**
   * What the snapshot file holds while it is not read (see `snapshot-index.ts`): the store was
   * opened over a file its index describes, and neither a load nor a query has come yet. The
   * first load plans from it and takes every meeting from the graph it loads; the first query reads
   * the file (`readUnread`).
   */
  private unread: SnapshotIndex | null = null;
  private reading: Promise<void> | null = null;
  /** The file that `unread` stands for could not be read: the next load rewrites it rather than trust its index. */
  private unreadFailed = false;
  /** Whether `<file>`'s index describes the file as it is (written, or found so). */
  private indexCurrent = false;
  private readonly options: EmbeddedStoreOptions;

  private constructor(file: string, graph: EmbeddedGraph, ingestInfo: Pick<MeetingGraph, 'warnings' | 'projectCandidates'>, options: EmbeddedStoreOptions) {
    this.file = file;
    this.graph = graph;
    this.ingestInfo = ingestInfo;
    this.options = options;
  }

  /**
   * Opens the store of `dataDir`: empty when it has no snapshot file yet. A snapshot that its
   * index describes is read only when a query comes before the first load; any other is read now.
   */
  static async open(dataDir: string, options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
    const file = snapshotPath(dataDir);
    const store = new EmbeddedStore(file, new EmbeddedGraph(), { warnings: [], projectCandidates: [] }, options);
    const index = await readSnapshotIndex(file);
    if (index) {
      store.unread = index;
      store.fileCurrent = true;
      store.indexCurrent = true;
    } else await store.readSnapshot();
    return store;
  }

  /** Fills the (empty) graph from the snapshot file; a corrupt file is reported, or set aside when the options say so. */
  private async readSnapshot(): Promise<void> {
    const { file, options } = this;
    let stored: MeetingGraph | null;
    try {
      stored = await readSnapshotFile(file);
    } catch (err) {
      if (!(err instanceof StoreError && err.reason === 'corrupt' && options.discardCorruptSnapshot)) throw err;
      options.onDiscardCorruptSnapshot?.(err);
      this.fileCurrent = false;
      return;
    }
    if (!stored) return;
    let parts;
    try {
      parts = partitionGraph(stored);
    } catch (err) {
      const problem = corrupt(file, (err as Error).message, err);
      if (!options.discardCorruptSnapshot) throw problem;
      options.onDiscardCorruptSnapshot?.(problem);
      this.fileCurrent = false;
      return;
    }
    this.graph.upsertEntities(parts);
    for (const part of parts.meetings) this.graph.addMeeting(part);
    this.ingestInfo = { warnings: parts.warnings, projectCandidates: parts.projectCandidates };
    this.head = { parts: this.storedParts() };
    this.fileCurrent = true;
  }

  /** Reads the snapshot that `unread` stands for, once, before the first query that comes ahead of any load. */
  private async readUnread(): Promise<void> {
    if (!this.unread) return;
    this.reading ??= this.readSnapshot().then(
      () => {
        this.unread = null;
      },
      (err) => {
        this.reading = null;
        this.unreadFailed = true;
        throw err;
      },
    );
    await this.reading;
  }

  /** Open, and holding what the file holds (read now if it was left unread). */
  private async ready(): Promise<void> {
    this.assertOpen();
    await this.readUnread();
    this.assertOpen();
  }

  /**
   * Brings the store to `graph` meeting by meeting: unchanged meetings (same content hash and
   * extracted subgraph) stay, changed and new ones are replaced as a whole, missing ones are removed;
   * people, projects, topics and references take the graph's properties, and those left without any
   * edge are dropped. The in-memory change is synchronous (no reader sees half of it); the file is
   * rewritten afterwards, only when something changed.
   */
  load(graph: MeetingGraph, options: LoadOptions = {}): Promise<LoadResult> {
    const next = this.loading.then(() => this.loadNow(graph, options.persistLater === true ? { signal: options.signal } : null, options.changes ?? null));
    if (options.warmQueries) void next.then(() => setImmediate(() => this.warmQueries()), () => undefined);
    this.loading = next.then(() => this.writing).catch(() => undefined);
    return next;
  }

  async persisted(): Promise<void> {
    await this.loading;
    await this.writing;
  }

  /** `later`: write the file after answering (see `LoadOptions`); null writes it before. */
  private async loadNow(input: MeetingGraph, later: { signal?: AbortSignal } | null, changes: GraphChanges | null): Promise<LoadResult> {
    this.assertOpen();
    // A query that came first may be reading the file: its graph is then the one to compare with.
    if (this.reading) await this.reading.catch(() => undefined);
    if (this.unreadFailed) {
      this.unread = null;
      this.unreadFailed = false;
      this.fileCurrent = false;
    }
    const parts = partitionGraph(input, this.keptParts(input, changes));
    this.lastInput = null;
    this.referencesHeld = null;
    // Left unread, the file is compared through its index, and every meeting comes from the new graph.
    const unread = this.unread;
    this.unread = null;
    const plan = planLoad(unread ? unread.meetings : this.graph.meetingStates(), parts.meetings);
    if (this.queryIndex) {
      this.lastQueryIndex = this.queryIndex;
      this.changedSinceLastIndex = new Set();
    }
    this.queryIndex = null;
    const changed = this.changedSinceLastIndex;
    // Unknown until the graph is changed in full below.
    this.changedSinceLastIndex = null;
    if (!unread) for (const id of plan.remove) this.graph.removeMeeting(id);
    this.graph.upsertEntities(parts);
    for (const part of unread ? parts.meetings : plan.write) this.graph.addMeeting(part);
    this.graph.dropOrphans();
    if (changed) {
      for (const id of plan.remove) changed.add(id);
      for (const part of plan.write) changed.add(part.meeting.id);
      this.changedSinceLastIndex = changed;
    }
    this.ingestInfo = { warnings: parts.warnings, projectCandidates: parts.projectCandidates };
    this.lastInput = input;
    // Ids in a loaded list are unique, so the same number means the store holds every one of them.
    this.referencesHeld = this.graph.count('reference') === input.references.length ? input.references : null;
    // Meetings changed as the plan says; when none did, entities and warnings are compared whole (a few MB at most).
    const stored = this.storedParts();
    if (plan.write.length > 0 || plan.remove.length > 0) this.fileCurrent = false;
    else if (unread) this.fileCurrent &&= headHash(stored()) === unread.headHash;
    else if (!this.head || !sameJson(headOf(stored()), headOf(this.head.parts()))) this.fileCurrent = false;
    this.head = { parts: stored };
    if (!this.fileCurrent) {
      this.indexCurrent = false;
      this.writing = this.writeFile(stored, later);
      if (!later) await this.writing;
    } else if (!this.indexCurrent) {
      // The file was read because no index described it: describe it now, for the next start.
      this.writing = this.writeIndex(stored);
      if (!later) await this.writing;
    }
    return { written: plan.write.length, removed: plan.remove.length, unchanged: plan.unchanged.length };
  }

  /**
   * The stored parts of the meetings `changes` says are unchanged, when the store holds the very
   * graph they are relative to; undefined to cut the whole graph.
   */
  private keptParts(input: MeetingGraph, changes: GraphChanges | null): KeptParts | undefined {
    if (!changes || changes.since !== this.lastInput) return undefined;
    for (const { id } of input.meetings) if (!changes.meetings.has(id) && !this.graph.part(id)) return undefined;
    const items = changes.items && {
      of: changes.items,
      storedMeetingOf: (kind: 'discussion' | 'action item', id: string) => this.graph.holderOf(kind === 'discussion' ? kind : 'action', id),
    };
    // The very list the store holds exactly (see `referencesHeld`): a list handed to a load is never changed afterwards.
    const storedReferences = input.references === this.referencesHeld ? { has: (id: string) => this.graph.hasReference(id) } : undefined;
    return { changed: changes.meetings, stored: (id) => this.graph.part(id)!, items, storedReferences };
  }

  /**
   * Writes the snapshot of one load; the next load waits for it, and rewrites the file if it
   * failed. Written later, it is serialised piece by piece so that queries go on meanwhile.
   */
  private async writeFile(stored: () => StoredParts, later: { signal?: AbortSignal } | null): Promise<void> {
    if (later) {
      // Sorting and joining the parts' lists holds the event loop for a few hundred milliseconds
      // at 10,000 meetings: the requests that follow a change (a page refreshing) go first.
      await new Promise((resolve) => setTimeout(resolve, WRITE_AFTER_ANSWER_MS));
      later.signal?.throwIfAborted();
      await writeSnapshotFileStreaming(this.file, canonicalGraph(stored()), later.signal);
    } else await writeSnapshotFile(this.file, serializeSnapshot(canonicalGraph(stored())));
    this.fileCurrent = true;
    await this.writeIndex(stored);
  }

  /**
   * Writes the index of the file, which holds this load's graph. A failure leaves the file
   * without one (it is then read at the next open), and is not the load's.
   */
  private async writeIndex(stored: () => StoredParts): Promise<void> {
    try {
      await writeSnapshotIndex(this.file, { meetings: this.graph.meetingStates(), headHash: headHash(stored()) });
      this.indexCurrent = true;
    } catch {
      // see above
    }
  }

  async snapshot(): Promise<MeetingGraph> {
    await this.ready();
    return this.snapshotNow();
  }

  /** The stored graph in canonical order: the parts as loaded (each already canonical inside), in order by id. */
  private snapshotNow(): MeetingGraph {
    return canonicalGraph(this.storedParts()());
  }

  /**
   * The stored graph as parts, sorted when first asked for. Parts and entities are never changed,
   * only replaced, so the lists taken now hold this load's state whenever they are sorted.
   */
  private storedParts(): () => StoredParts {
    const contents = { ...this.graph.contents(), ...this.ingestInfo };
    let sorted: StoredParts | null = null;
    return () => (sorted ??= sortedParts(contents));
  }

  async discussions(params: DiscussionsParams): Promise<DiscussionRow[]> {
    await this.ready();
    return query.discussions(this.index(), params).rows;
  }

  async discussionPage(params: DiscussionsParams, page: PageParams): Promise<RowPage<DiscussionRow>> {
    await this.ready();
    return query.discussions(this.index(), params, page);
  }

  async meetings(params: MeetingsParams): Promise<MeetingRow[]> {
    await this.ready();
    return query.meetings(this.index(), params).rows;
  }

  async meetingPage(params: MeetingsParams, page: PageParams): Promise<RowPage<MeetingRow>> {
    await this.ready();
    return query.meetings(this.index(), params, page);
  }

  async attendees(meetingId: string): Promise<AttendeeRow[]> {
    await this.ready();
    return query.attendees(this.index(), meetingId);
  }

  async person(id: string): Promise<PersonDetail | null> {
    await this.ready();
    return query.person(this.graph, this.index(), id);
  }

  async project(id: string): Promise<ProjectDetail | null> {
    await this.ready();
    return query.project(this.graph, this.index(), id);
  }

  async actions(params: ActionsParams): Promise<ActionRow[]> {
    await this.ready();
    return query.actions(this.index(), params).rows;
  }

  async actionPage(params: ActionsParams, page: PageParams): Promise<RowPage<ActionRow>> {
    await this.ready();
    return query.actions(this.index(), params, page);
  }

  async neighbourhood(params: NeighbourhoodParams): Promise<Neighbourhood> {
    await this.ready();
    return selectNeighbourhood(query.neighbourhoodCandidates(this.index(), params), params);
  }

  async coAttendance(params: { person?: string }): Promise<CoAttendanceRow[]> {
    await this.ready();
    return query.coAttendance(this.index(), params);
  }

  async stats(): Promise<Stats> {
    await this.ready();
    return query.stats(this.graph, this.index());
  }

  /** Waits for a running load to finish writing its file. */
  async close(): Promise<void> {
    await this.loading;
    await this.writing.catch(() => undefined);
    this.closed = true;
  }

  /** Builds the lookup tables now (see `LoadOptions.warmQueries`): from nothing, about a second at 10,000 meetings. */
  private warmQueries(): void {
    try {
      if (!this.closed && !this.queryIndex) this.index();
    } catch {
      // the first query builds them, and reports what went wrong
    }
  }

  private index(): QueryIndex {
    this.assertOpen();
    if (!this.queryIndex) {
      // The last index is spent by a patch: let go of it first, so that a build that throws is
      // followed by one from nothing.
      const previous = this.lastQueryIndex;
      const changed = this.changedSinceLastIndex;
      this.lastQueryIndex = null;
      this.changedSinceLastIndex = null;
      this.queryIndex = new QueryIndex(this.graph, previous, changed);
    }
    return this.queryIndex;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError(`the graph store ${this.file} is closed`, 'io');
  }
}

type StoredParts = GraphParts;

/**
 * What a snapshot holds beside its meetings: entities, warnings and project candidates. Compared
 * as data (`sameJson`), not as text: read back from the file, a warning's fields come in the
 * schema's order, not in the order extraction wrote them, and compared as text every start over
 * a saved 10,000-meeting graph found its 29,000 warnings changed and wrote the whole file again.
 */
function headOf(stored: StoredParts) {
  const { people, projects, topics, references, warnings, projectCandidates } = stored;
  return { people, projects, topics, references, warnings, projectCandidates };
}

/**
 * The hash of a head's text, for the snapshot's index. Both sides of its comparison are graphs a
 * load was given, whose fields come in extraction's order: a change of that order (another
 * version) costs one rewrite of the file.
 */
function headHash(stored: StoredParts): string {
  return hashBytes(JSON.stringify(headOf(stored)));
}
