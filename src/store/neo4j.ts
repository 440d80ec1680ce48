/**
 * The Neo4j graph store: the named queries and writes of `queries/*.cypher` run through the
 * official driver. Reads go through READ sessions; a load writes each batch of meetings in a
 * transaction of its own, so no reader ever sees half a meeting.
 */
import neo4j, { type Driver, type Integer, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { randomUUID } from 'node:crypto';
import pMap from 'p-map';
import type { GraphChanges, MeetingGraph } from '../domain.js';
import { sameJson } from '../same-json.js';
import { bindParameters, cypher, cypherStatements, explained, type CypherQuery } from './cypher.js';
import { StoreError, firstLine } from './errors.js';
import { planLoad, type StoredMeetingState } from './load-plan.js';
import { canonicalGraph, partitionGraph, type GraphParts, type MeetingPart } from './meeting-parts.js';
import {
  ENTITY_KINDS,
  entityChanges,
  entityListsOf,
  heldAfterWholeLoad,
  updateHeld,
  type EntityKey,
  type EntityKind,
  type EntityLists,
  type LastLoad,
} from './neo4j-last-load.js';
import { edgesAmong, selectNeighbourhood, strongestNodes, type NeighbourhoodCandidates } from './neighbourhood.js';
import {
  addChanges,
  addShapes,
  cutAtMonths,
  emptyWeights,
  monthIndex,
  shapesOf,
  storedRows,
  weightChanges,
  weightsFromRows,
  type DiscussionShape,
  type NeighbourhoodWeights,
  type StoredWeights,
} from './neighbourhood-weights.js';
import { neo4jStatement, statement, type ListQuery, type Statement, type StatementParams } from './neo4j-statements.js';
import { snippetOf } from './discussion-snippet.js';
import { WARM_UP_READS, warmUpGraph, type WarmUpValues } from './neo4j-warm-up.js';
import { compareNamedCounts } from './order.js';
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
  NamedCount,
  Neighbourhood,
  NeighbourhoodParams,
  PageParams,
  PeriodCount,
  PersonDetail,
  ProjectDetail,
  RowPage,
  Stats,
} from './types.js';
import { DETAIL_ACTIONS, DETAIL_DISCUSSIONS } from './types.js';

/** Meetings written per transaction: small enough to keep transactions short, large enough to be fast. */
const MEETINGS_PER_TRANSACTION = 25;
/** Meeting batches written at once into an empty database (see `loadWhole`). */
const CONCURRENT_BATCHES = 2;
/**
 * The statements of a load, planned by the server when the store opens (EXPLAIN plans a statement
 * without running it, and the server keeps the plan): planning one takes the server 0.1–0.8 s the
 * first time, which the first change after a start would otherwise wait for. Each takes its values
 * as one map, `$load` (see `loadParameters`).
 */
export const LOAD_STATEMENTS = [
  'claim-load',
  'meeting-states-of',
  'meeting-holders',
  'load-people',
  'load-projects',
  'load-topics',
  'load-references',
  'delete-meeting',
  'load-meetings',
  'load-attended',
  'load-discussed',
  'load-about-projects',
  'load-about-topics',
  'load-actions',
  'load-cites',
  'delete-orphans-among',
  'weights-of',
  'load-person-weights',
  'load-project-weights',
  'load-ingest-info',
  'action-totals',
  'add-action-totals',
];
/**
 * The open-time upkeep, in order: each gives the nodes of a database written before a load wrote
 * some property what a load now writes, and touches nothing when they have it. Planning them is
 * what costs: on a server just started they took 5.6 s of the first open (0.1 s later on), so
 * a database they have been run on is marked (`SCHEMA_VERSION`) and they are not run again.
 */
const UPKEEP_STATEMENTS = ['meeting-counts', 'discussion-dates', 'action-order-keys', 'neighbourhood-weights', 'action-totals-at-open'];
/**
 * The shape of the stored data that `UPKEEP_STATEMENTS` bring a database to: raised with any
 * new upkeep statement (or a change to one), so that a database marked with an older version gets
 * the upkeep once more.
 */
export const SCHEMA_VERSION = 1;
/** How long to wait for the server to accept a connection before calling it unreachable. */
const CONNECTION_TIMEOUT_MS = 10_000;

/** What a ranged neighbourhood reads first (see `Neo4jStore.rangeNodes`). */
interface RangeNodes {
  /** The nodes with an edge in the range, with their weights there (with a limit and no center, only those it can keep). */
  linked: NeighbourhoodCandidates['nodes'];
  /** The person–discussion paths in the range: its people's weights added up. */
  paths: number;
  /** Each person's weight over every date, by id: the paths the edges would read from them. */
  everyDate: Map<string, number>;
  /** The center's neighbours in the range, when there is a center. */
  around: { people: string[]; projects: string[] } | null;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly config: Neo4jConfig;
  /** Loads run one after another (each compares against what the previous one wrote). */
  private loading: Promise<unknown> = Promise.resolve();
  /** What the last load wrote, while nothing is known to have changed the database since. */
  private last: LastLoad | null = null;
  /** The planning of the load statements, under way after open (see `LOAD_STATEMENTS`). */
  private planning: Promise<void> = Promise.resolve();
  /** Changes will follow loads (`warmChanges` at open): a change's statements are kept planned. */
  private warmsChanges = false;
  /** The reads of `warmReads`, under way after a load that asked for them (`warmQueries`). */
  private warmingReads: Promise<void> = Promise.resolve();
  /** The reads have been run since the last whole load that wrote meetings. */
  private readsWarm = false;
  /** Each load asked for and not yet settled: the reads' warm-up gives way to them (see `warmReads`). */
  private loadsUnderWay = new Set<Promise<void>>();
  /** Set by `close`: the reads' warm-up stops after the read under way. */
  private closing = false;

  private constructor(driver: Driver, config: Neo4jConfig) {
    this.driver = driver;
    this.config = config;
  }

  /**
   * Connects, checks the server answers for `config.database` with these credentials, then creates
   * the constraints and indexes (`queries/schema.cypher`) and waits until they are online. Any
   * failure is a one-line StoreError naming the URI and the cause.
   *
   * Then, in the background, the server plans the load statements (see `LOAD_STATEMENTS`), unless
   * the caller only reads (`readOnly`: `meetgraph ask`), which would otherwise wait for that
   * planning when it closes: on a server just started, up to several seconds. With
   * `warmChanges`, for a caller that will load changes (`serve --watch`), the store also runs a
   * change's statements once after planning (see `warmChanges`), and plans and runs them again
   * after each whole load that wrote meetings (see `load`); a one-shot command does not pay for it.
   */
  static async open(config: Neo4jConfig, options: { warmChanges?: boolean; readOnly?: boolean } = {}): Promise<Neo4jStore> {
    let driver: Driver;
    try {
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
        disableLosslessIntegers: true,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
      });
    } catch (err) {
      throw storeError(config, err);
    }
    const store = new Neo4jStore(driver, config);
    try {
      await driver.verifyConnectivity({ database: config.database });
      await store.ensureSchema();
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw storeError(config, err);
    }
    if (options.readOnly) return store;
    store.warmsChanges = Boolean(options.warmChanges);
    // In the background: a failure here would show again, and be reported, at the first query.
    store.planning = store
      .planLoadStatements()
      .then(() => (options.warmChanges ? store.warmChanges() : undefined))
      .catch(() => undefined);
    return store;
  }

  /**
   * Writes a one-meeting graph of its own (`warmUpGraph`), then changes it as a changed note
   * would be (the load claimed, the meeting's items looked for, its meeting deleted and written
   * again, the action totals moved, the orphans among its entities swept, the weights read and
   * written back, the ingest's warnings written), in one transaction that is rolled back: nothing
   * stays. Every statement a change runs is run once. A whole load never runs those statements on
   * a stored meeting, so without this the first change after a start ran them for the first
   * time: at 10,000 meetings, on a server restarted over them, its load took 1.0–1.1 s, and
   * 0.34–0.49 s with this (the next ones 0.3–0.5 s).
   */
  private async warmChanges(): Promise<void> {
    const parts = partitionGraph(warmUpGraph());
    // Thrown at the end of the work: a managed transaction rolls back on an error it does not retry.
    const rollBack = new Error('warm-up rolled back');
    await this.write(async (tx) => {
      await rows(tx, 'claim-load', { expected: null, token: randomUUID() });
      await rows<StoredState>(tx, 'meeting-states-of', { ids: parts.meetings.map((p) => p.meeting.id) });
      await writeEntities(tx, entityListsOf(parts));
      await writeMeetings(tx, parts.meetings);
      // A change that lists its items asks which stored meetings hold them (`loadChanged`).
      await rows(tx, 'meeting-holders', {
        discussionIds: parts.meetings.flatMap((p) => p.discussions.map((d) => d.id)),
        actionIds: parts.meetings.flatMap((p) => p.actionItems.map((a) => a.id)),
      });
      const change = await writeMeetings(tx, parts.meetings);
      // Zero here (the meeting is written again as it was); a change sends what its meetings moved.
      await run(tx, 'add-action-totals', sentCounts(change.actionChange));
      await rows<EntityKey>(tx, 'delete-orphans-among', idsByKind(change.touched));
      // As if the note had gained its discussion: the weights are read and written back.
      await updateWeights(tx, [], shapesOf(parts.meetings));
      await run(tx, 'load-ingest-info', ingestInfoText(parts));
      throw rollBack;
    }).catch((err: unknown) => {
      // `write` wraps what the work throws (`storeError`).
      if (!(err instanceof StoreError && err.cause === rollBack)) throw err;
    });
  }

  private async planLoadStatements(): Promise<void> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, database: this.config.database });
    try {
      for (const name of LOAD_STATEMENTS) {
        const query = explained(name);
        await session.run(query.text, loadParameters(query));
      }
    } finally {
      await session.close();
    }
  }

  /**
   * Constraints and indexes in a transaction of their own (schema and data writes cannot share
   * one), then the upkeep that gives a database written by an earlier version what a load now
   * writes (`UPKEEP_STATEMENTS`), unless the database is marked as done with it.
   */
  private async ensureSchema(): Promise<void> {
    await this.write(async (tx) => {
      for (const statement of cypherStatements('schema')) await tx.run(statement.text);
    });
    const [mark] = await this.write((tx) => rows<{ version: number | null; stored: boolean }>(tx, 'schema-version'));
    if (mark?.version !== SCHEMA_VERSION) {
      // An empty database needs no upkeep: what a load writes into it has the current shape.
      if (mark?.stored) for (const name of UPKEEP_STATEMENTS) await this.write((tx) => run(tx, name));
      await this.write((tx) => run(tx, 'set-schema-version', { version: SCHEMA_VERSION }));
    }
    const session = this.driver.session({ database: this.config.database });
    try {
      await session.run(cypher('await-indexes').text);
    } finally {
      await session.close();
    }
  }

  /** A load is committed in the database when it answers: nothing is left to persist. */
  async persisted(): Promise<void> {}

  /**
   * Brings the database to `graph` meeting by meeting. Unchanged meetings (same content hash and
   * extracted subgraph) are not touched; a changed or new meeting's subgraph is deleted and written
   * anew in one transaction per batch; meetings whose note disappeared are deleted. People, projects,
   * topics and references take the graph's properties; those left without any edge are dropped
   * last. With `changes` since the graph this store loaded last, and no other load since, only the
   * meetings listed and the entities that differ are written (see `LastLoad`); otherwise every
   * meeting is compared and every entity written.
   */
  load(graph: MeetingGraph, options: LoadOptions = {}): Promise<LoadResult> {
    let wroteWhole = false;
    const next = this.loading.then(async () => {
      const last = this.last;
      const changes = options.changes;
      const result = changes && last && changes.since === last.input ? await this.loadChanged(graph, changes, last) : null;
      if (result) return result;
      const whole = await this.loadWhole(graph);
      wroteWhole = whole.written + whole.removed > 0;
      return whole;
    });
    const settled = next.then(() => undefined, () => undefined);
    this.loadsUnderWay.add(settled);
    void settled.then(() => this.loadsUnderWay.delete(settled));
    // A whole load that wrote meetings changes the database's statistics so much that the server
    // plans the statements of a change again the next time they run: at 10,000 meetings loaded
    // into an empty database, a second or more of the first change. Planned and run once more
    // here, after the caller has its answer, that is done before a change comes (a change that
    // comes sooner waits for it, as it would have planned them itself).
    this.loading = next
      .then(() => (wroteWhole && this.warmsChanges ? this.planLoadStatements().then(() => this.warmChanges()) : undefined))
      .catch(() => undefined);
    // The reads are planned the first time they run, and planned again after such a whole load:
    // on a server just started, 0.5–1 s for each of a page's statements at 10,000 meetings. A
    // caller about to answer queries has them run once, in the background and outside the load
    // queue, after its first load and after each whole load that wrote meetings.
    if (options.warmQueries) {
      next.then(
        () => {
          if (wroteWhole) this.readsWarm = false;
          if (this.readsWarm) return;
          this.readsWarm = true;
          this.warmingReads = this.warmingReads.then(() => this.warmReads());
        },
        () => undefined,
      );
    }
    return next;
  }

  /**
   * Runs each read the server's pages and API make once, one after another, with values taken
   * from the database (see `WARM_UP_READS`): each statement is planned for the database as it is
   * now, and the next query that needs it costs its work only. Values that match nothing would
   * not do: the plans the server keeps for them are not the ones real values use, and a first
   * real query after them took 0.9–1.5 s instead of 0.03 s at 10,000 meetings. Nothing is run
   * in a database without meetings, people, projects or topics (whose first queries are quick
   * anyway); failures are left to the query that meets them. Stops at `close`.
   */
  private async warmReads(): Promise<void> {
    await this.loadsSettled();
    const [found] = await this.query<Omit<WarmUpValues, 'year'> & { year: string | null }>('warm-up-values').catch(() => []);
    if (!found?.meeting || !found.person || !found.project || !found.topic || !found.year) return;
    const values: WarmUpValues = { ...found, year: { from: `${found.year}-01-01`, to: `${found.year}-12-31` } };
    for (const read of WARM_UP_READS) {
      await this.loadsSettled();
      if (this.closing) return;
      await read(this, values).catch(() => undefined);
    }
  }

  /**
   * Resolves once no load is under way or waiting. The reads' warm-up asks before each read: a
   * change that comes while it runs (at 10,000 meetings it takes 20–40 s after a whole load on a
   * server just started, each read planned for 0.2–2.4 s) does not share the server with the
   * reads still to come, only with the one under way. In the bench (10,000 meetings, servers just
   * started, alternating runs) the first change took 0.98–1.15 s with this, 1.5–3.7 s without.
   */
  private async loadsSettled(): Promise<void> {
    while (this.loadsUnderWay.size > 0) await Promise.all(this.loadsUnderWay);
  }

  private async loadWhole(graph: MeetingGraph): Promise<LoadResult> {
    this.last = null;
    const parts = partitionGraph(graph);
    const states = statesById(await this.read((tx) => rows<StoredState>(tx, 'meeting-states')));
    const plan = planLoad(states, parts.meetings);
    const token = randomUUID();
    const lists = entityListsOf(parts);
    await this.write(async (tx) => {
      await run(tx, 'claim-load', { expected: null, token });
      await writeEntities(tx, lists);
    });
    const batches: MeetingPart[][] = [];
    for (let i = 0; i < plan.write.length; i += MEETINGS_PER_TRANSACTION) batches.push(plan.write.slice(i, i + MEETINGS_PER_TRANSACTION));
    // Into a database holding no meeting, batches have no old subgraph to delete and share only
    // the entity nodes: two run at once, so that this process builds and sends one while the
    // server writes the other (a lock conflict on a shared node is retried by the driver). Where
    // old subgraphs are deleted, one batch's delete may take a meeting another batch also
    // deletes, so batches run one at a time.
    const concurrency = states.size === 0 ? CONCURRENT_BATCHES : 1;
    const running = new Set<Promise<unknown>>();
    try {
      await pMap(
        batches,
        (batch) => {
          const written = this.write((tx) => writeMeetings(tx, batch));
          running.add(written);
          return written.finally(() => running.delete(written));
        },
        { concurrency },
      );
    } catch (err) {
      // The failure ends the load only once the other batch has committed or failed too: a load
      // that follows must not plan while a batch of this one may still commit.
      await Promise.allSettled(running);
      throw err;
    }
    // Removed meetings go in batches too: a crash leaves whole meetings, and deleting thousands of
    // subgraphs (a renamed notes folder) in one transaction could exceed the server's memory.
    for (let i = 0; i < plan.remove.length; i += MEETINGS_PER_TRANSACTION) {
      const ids = plan.remove.slice(i, i + MEETINGS_PER_TRANSACTION);
      await this.write((tx) => deleteMeetings(tx, ids));
    }
    // The weights over every date, counted from the whole graph: what is stored may be anyone's.
    const weights = emptyWeights();
    addShapes(weights, shapesOf(parts.meetings), 1);
    const dropped = await this.write(async (tx) => {
      const dropped = await rows<EntityKey>(tx, 'delete-orphans');
      await writeWeights(tx, weights, { person: lists.person.map((p) => p.id), project: lists.project.map((p) => p.id) });
      await run(tx, 'load-ingest-info', ingestInfoText(parts));
      await run(tx, 'action-totals', sentCounts(actionCountsOf(parts.meetings)));
      return dropped;
    });
    this.last = {
      input: graph,
      token,
      meetingIds: new Set(parts.meetings.map((p) => p.meeting.id)),
      entities: heldAfterWholeLoad(lists, dropped),
      references: dropped.some((e) => e.kind === 'reference') ? null : graph.references,
      info: { warnings: parts.warnings, projectCandidates: parts.projectCandidates },
    };
    return { written: plan.write.length, removed: plan.remove.length, unchanged: plan.unchanged.length };
  }

  /**
   * The load of a graph that differs from the last one loaded (`last.input`) as `changes` says:
   * only the listed meetings are cut and compared, only the entities that differ from the held
   * ones are written, and the orphan sweep looks only at the entities the deleted subgraphs
   * touched, those written and those no longer listed. Null, before writing anything, when the
   * changes do not fit the last load or another load has written since (the caller loads whole).
   */
  private async loadChanged(graph: MeetingGraph, changes: GraphChanges, last: LastLoad): Promise<LoadResult | null> {
    const ids = new Set<string>();
    for (const { id } of graph.meetings) {
      if (!changes.meetings.has(id) && !last.meetingIds.has(id)) return null;
      ids.add(id);
    }
    const listed = [...changes.meetings].filter((id) => ids.has(id));
    const removed = [...last.meetingIds].filter((id) => !ids.has(id)).sort();
    const items = changes.items && listed.every((id) => changes.items!.has(id)) ? changes.items : undefined;
    const discussionIds: string[] = [];
    const actionIds: string[] = [];
    for (const id of listed) {
      for (const d of items?.get(id)?.discussions ?? []) discussionIds.push(d.id);
      for (const a of items?.get(id)?.actionItems ?? []) actionIds.push(a.id);
    }
    const [holders, states] = await this.read((tx) =>
      Promise.all([
        items ? rows<{ kind: string; id: string; meetingId: string }>(tx, 'meeting-holders', { discussionIds, actionIds }) : [],
        rows<StoredState>(tx, 'meeting-states-of', { ids: listed }),
      ]),
    );
    const holderOf = new Map(holders.map((h) => [`${h.kind}\u0000${h.id}`, h.meetingId]));
    const referencesHeld = graph.references === last.references;
    const parts = partitionGraph(graph, {
      changed: changes.meetings,
      items: items && { of: items, storedMeetingOf: (kind, id) => holderOf.get(`${kind}\u0000${id}`) },
      storedReferences: referencesHeld ? { has: (id) => last.entities.reference.has(id) } : undefined,
    });
    const plan = planLoad(statesById(states), parts.meetings);
    const entities = entityChanges(last.entities, entityListsOf(parts), referencesHeld);

    // From here on the database changes: until this load ends well, nothing of the last is trusted.
    this.last = null;
    const token = randomUUID();
    const batches: Array<(tx: ManagedTransaction) => Promise<BatchChange>> = [];
    for (let i = 0; i < plan.write.length; i += MEETINGS_PER_TRANSACTION) {
      const batch = plan.write.slice(i, i + MEETINGS_PER_TRANSACTION);
      batches.push((tx) => writeMeetings(tx, batch));
    }
    for (let i = 0; i < removed.length; i += MEETINGS_PER_TRANSACTION) {
      const batch = removed.slice(i, i + MEETINGS_PER_TRANSACTION);
      batches.push((tx) => deleteMeetings(tx, batch));
    }
    const touched: EntityKey[] = [...entities.unlisted];
    for (const kind of ENTITY_KINDS) for (const { id } of entities.write[kind]) touched.push({ kind, id });
    // The weights change by the discussions deleted (their shapes as stored) and those written.
    const deletedShapes: DiscussionShape[] = [];
    const writtenShapes = shapesOf(plan.write);
    let dropped: EntityKey[] = [];
    // A batch of meetings per transaction, as in a whole load; the first transaction also claims
    // the load and writes the entities, the last sweeps orphans. A change of a few notes is one
    // transaction: each commit costs tens of milliseconds.
    const transactions = Math.max(1, batches.length);
    for (let t = 0; t < transactions; t += 1) {
      const claimed = await this.write(async (tx) => {
        if (t === 0) {
          const [{ found }] = await rows<{ found: string | null }>(tx, 'claim-load', { expected: last.token, token });
          if (found !== last.token) return false;
          await writeEntities(tx, entities.write);
        }
        if (batches[t]) {
          const change = await batches[t](tx);
          touched.push(...change.touched);
          deletedShapes.push(...change.shapes);
          // The action item totals change with each transaction's meetings, in that transaction.
          if (Object.values(change.actionChange).some((n) => n !== 0)) await run(tx, 'add-action-totals', sentCounts(change.actionChange));
        }
        if (t === transactions - 1) {
          dropped = await rows<EntityKey>(tx, 'delete-orphans-among', idsByKind(touched));
          await updateWeights(tx, deletedShapes, writtenShapes);
          if (!sameIngestInfo(parts, last.info)) await run(tx, 'load-ingest-info', ingestInfoText(parts));
        }
        return true;
      });
      if (!claimed) return null;
    }
    updateHeld(last.entities, entities.write, dropped);
    this.last = {
      input: graph,
      token,
      meetingIds: ids,
      entities: last.entities,
      references: dropped.some((e) => e.kind === 'reference') ? null : graph.references,
      info: { warnings: parts.warnings, projectCandidates: parts.projectCandidates },
    };
    return { written: plan.write.length, removed: removed.length, unchanged: graph.meetings.length - plan.write.length };
  }

  async snapshot(): Promise<MeetingGraph> {
    const graph = await this.read(async (tx): Promise<MeetingGraph> => {
      const info = await rows<{ warnings: string; projectCandidates: string }>(tx, 'snapshot-ingest-info');
      const withEvidence = <T extends { file: string; line: number; sentence: string }>(r: T) => {
        const { file, line, sentence, ...rest } = r;
        return { ...rest, evidence: { file, line, sentence } };
      };
      type EvidenceRow = { file: string; line: number; sentence: string };
      return {
        meetings: await rows(tx, 'snapshot-meetings'),
        discussions: await rows(tx, 'snapshot-discussions'),
        people: await rows(tx, 'snapshot-people'),
        projects: await rows(tx, 'snapshot-projects'),
        topics: await rows(tx, 'snapshot-topics'),
        references: await rows(tx, 'snapshot-references'),
        actionItems: (await rows<MeetingGraph['actionItems'][number] & EvidenceRow>(tx, 'snapshot-actions')).map(withEvidence),
        attendance: (await rows<MeetingGraph['attendance'][number] & EvidenceRow>(tx, 'snapshot-attended')).map(withEvidence),
        discussed: (await rows<MeetingGraph['discussed'][number] & EvidenceRow>(tx, 'snapshot-discussed')).map(withEvidence),
        about: (await rows<MeetingGraph['about'][number] & EvidenceRow>(tx, 'snapshot-about')).map(withEvidence),
        cites: (await rows<MeetingGraph['cites'][number] & EvidenceRow>(tx, 'snapshot-cites')).map(withEvidence),
        // The node exists without them while a first load runs (`claim-load.cypher`).
        warnings: info[0]?.warnings ? JSON.parse(info[0].warnings) : [],
        projectCandidates: info[0]?.projectCandidates ? JSON.parse(info[0].projectCandidates) : [],
      } as MeetingGraph;
    });
    return canonicalGraph(partitionGraph(graph));
  }

  // The anchored named queries run the variant that starts from the node they name (see
  // neo4j-statements.ts: the planner seeks its unique id index instead of scanning).
  async discussions(params: DiscussionsParams): Promise<DiscussionRow[]> {
    return (await this.listPage<DiscussionRow>('discussions', params)).rows;
  }

  discussionPage(params: DiscussionsParams, page: PageParams): Promise<RowPage<DiscussionRow>> {
    return this.listPage<DiscussionRow>('discussions', params, page);
  }

  async meetings(params: MeetingsParams): Promise<MeetingRow[]> {
    return (await this.listPage<MeetingRow>('meetings', params)).rows;
  }

  meetingPage(params: MeetingsParams, page: PageParams): Promise<RowPage<MeetingRow>> {
    return this.listPage<MeetingRow>('meetings', params, page);
  }

  attendees(meetingId: string): Promise<AttendeeRow[]> {
    return this.runStatement<AttendeeRow>(neo4jStatement('attendees', { meeting: meetingId }));
  }

  // The parts of `person`, `project` and `neighbourhood` are separate auto-commit queries sent at
  // once: each costs a round trip or two whatever its work, and on the corpus the round trips,
  // not the queries, were most of the time when the parts ran one after another in one
  // transaction. Parts that start from the same node share a statement (a project's months with
  // its head, its people with its related projects): each statement also costs the client 1.5–2.5
  // ms of CPU to decode, on the cores the server uses. Loads write a meeting batch per
  // transaction, so the parts may straddle one batch of a running ingest, as successive queries
  // always could.
  async person(id: string): Promise<PersonDetail | null> {
    type Head = Pick<PersonDetail, 'id' | 'name' | 'aliases' | 'firstSeen' | 'lastSeen' | 'actionCount' | 'discussionCount'> & {
      meetings: Array<[meetingId: string, meeting: string, title: string]>;
      projects: CountedList[];
      perMonth: MonthList[];
    };
    const [[head], actions, discussions] = await Promise.all([
      this.query<Head>('person', { id }),
      this.newestActions('person-actions', id),
      this.newestDiscussions('person-discussions', id),
    ]);
    if (!head) return null;
    return {
      id: head.id,
      name: head.name,
      aliases: head.aliases,
      meetings: head.meetings.map(([meetingId, meeting, title]) => ({ meetingId, meeting, title })),
      projects: namedCounts(head.projects),
      actions,
      actionCount: head.actionCount,
      discussions,
      discussionCount: head.discussionCount,
      perMonth: months(head.perMonth),
      firstSeen: head.firstSeen,
      lastSeen: head.lastSeen,
    };
  }

  async project(id: string): Promise<ProjectDetail | null> {
    type Head = Pick<ProjectDetail, 'id' | 'name' | 'aliases' | 'origin' | 'firstDiscussed' | 'lastDiscussed' | 'actionCount' | 'discussionCount'> & { perMonth: MonthList[] };
    const [[head], [links], actions, discussions] = await Promise.all([
      this.query<Head>('project', { id }),
      this.query<{ people: CountedList[]; related: CountedList[] }>('project-links', { id }),
      this.newestActions('project-actions', id),
      this.newestDiscussions('project-discussions', id),
    ]);
    if (!head || !links) return null;
    return {
      id: head.id,
      name: head.name,
      aliases: head.aliases,
      origin: head.origin,
      perMonth: months(head.perMonth),
      people: namedCounts(links.people),
      actions,
      actionCount: head.actionCount,
      discussions,
      discussionCount: head.discussionCount,
      related: namedCounts(links.related),
      firstDiscussed: head.firstDiscussed,
      lastDiscussed: head.lastDiscussed,
    };
  }

  async actions(params: ActionsParams): Promise<ActionRow[]> {
    return (await this.listPage<ActionRow>('actions', params)).rows;
  }

  actionPage(params: ActionsParams, page: PageParams): Promise<RowPage<ActionRow>> {
    return this.listPage<ActionRow>('actions', params, page);
  }

  async neighbourhood(params: NeighbourhoodParams): Promise<Neighbourhood> {
    if (params.from === undefined && params.to === undefined) return this.neighbourhoodOfAllDates(params);
    // A range that holds the first and the last meeting date holds every meeting (the statements
    // compare the same strings): the weights kept for every date answer it in milliseconds,
    // where adding up the range's paths takes seconds at 10,000 meetings. The range's nodes are
    // read meanwhile, so a narrower range does not wait a round trip for the span; a range that
    // holds every meeting does not wait for them either (they are dropped, failure included).
    const nodes = this.rangeNodes(params);
    nodes.catch(() => undefined); // awaited below, unless dropped
    const [span] = await this.query<{ first: string; last: string }>('meeting-span');
    if (span && (params.from === undefined || params.from <= span.first) && (params.to === undefined || params.to >= span.last)) {
      return this.neighbourhoodOfAllDates(params);
    }
    return this.neighbourhoodOfRange(params, await nodes);
  }

  /** The first reads of a ranged neighbourhood: the range's linked nodes, and the center's neighbours there. */
  private async rangeNodes(params: NeighbourhoodParams): Promise<RangeNodes> {
    const range = { from: params.from, to: params.to };
    const center = params.center;
    const [linked, around] = await Promise.all([
      this.linkedNodesOfRange(range, center === undefined ? Math.max(0, Math.floor(params.limit)) : null),
      center === undefined ? null : this.query<{ people: string[]; projects: string[] }>('neighbourhood-around', { ...range, center }),
    ]);
    return { ...linked, around: center === undefined ? null : (around?.[0] ?? { people: [], projects: [] }) };
  }

  /**
   * A neighbourhood over a date range, chosen as `selectNeighbourhood` chooses but without reading
   * every edge of the range: the nodes with an edge there come with their weights (a few hundred
   * rows), the center's neighbours narrow them, the strongest are kept, and only the edges among
   * those are read (29,855 pairs in one year at 10,000 meetings, against at most `limit`² here).
   */
  private async neighbourhoodOfRange(params: NeighbourhoodParams, { linked, paths, everyDate, around }: RangeNodes): Promise<Neighbourhood> {
    type Node = NeighbourhoodCandidates['nodes'][number];
    const range = { from: params.from, to: params.to };
    const center = params.center;
    let candidates = linked;
    let isCenter = (_: Node) => false;
    if (center !== undefined && around) {
      const { people, projects } = around;
      // Each neighbour has an edge with the center, so every node kept is linked; the center is a
      // node of a kind only if it has neighbours as that kind.
      const centers = { person: projects.length > 0, project: people.length > 0 };
      const kept = { person: new Set(people), project: new Set(projects) };
      if (centers.person) kept.person.add(center);
      if (centers.project) kept.project.add(center);
      candidates = linked.filter((n) => kept[n.kind].has(n.id));
      isCenter = (n) => n.id === center && centers[n.kind];
    }
    const nodes = strongestNodes(candidates, isCenter, Math.max(0, Math.floor(params.limit)));
    const ids = (kind: Node['kind']) => nodes.filter((n) => n.kind === kind).map((n) => n.id);
    const [people, projects] = [ids('person'), ids('project')];
    // The edges are read from the people kept, or from the range's meetings when that reads fewer
    // person–discussion paths (a month of many busy people).
    const fromPeople = people.reduce((sum, id) => sum + (everyDate.get(id) ?? 0), 0);
    const edges = people.length && projects.length
      ? await this.query<NeighbourhoodCandidates['edges'][number]>(paths < fromPeople ? 'neighbourhood-edges-by-date' : 'neighbourhood-edges', {
          ...range,
          people,
          projects,
        })
      : [];
    return { nodes, edges: edgesAmong(nodes, edges) };
  }

  /**
   * The nodes with an edge in a date range, with their weights there: the whole months of the range
   * from the running sums the nodes store (`neighbourhood-months`), the days around them counted
   * from their discussions (`neighbourhood-nodes`), added up per node. With them, the paths from a
   * person to a discussion in the range (the people's weights added up), and each person's weight
   * over every date (the paths the edges would read from that person). With `top`, for a range of
   * whole months only, the server ranks the nodes and sends only those `strongestNodes` can keep
   * of `top` (`neighbourhood-months-strongest`).
   */
  private async linkedNodesOfRange(range: { from?: string; to?: string }, top: number | null): Promise<Omit<RangeNodes, 'around'>> {
    type Counted = NeighbourhoodCandidates['nodes'][number] & { links: number; everyDate: number };
    const cut = cutAtMonths(range);
    if (top !== null && cut.months && cut.rest.length === 0) {
      const rows = await this.query<NeighbourhoodCandidates['nodes'][number] & { everyDate: number; paths: number }>(
        'neighbourhood-months-strongest',
        { ...cut.months, top },
      );
      return {
        linked: rows.map(({ id, name, kind, weight }) => ({ id, name, kind, weight })),
        paths: rows[0]?.paths ?? 0,
        everyDate: new Map(rows.filter((n) => n.kind === 'person').map((n) => [n.id, n.everyDate])),
      };
    }
    const parts = await Promise.all([
      cut.months ? this.query<Counted>('neighbourhood-months', cut.months) : [],
      ...cut.rest.map((part) => this.query<Counted>('neighbourhood-nodes', part)),
    ]);
    const byNode = new Map<string, Counted>();
    for (const row of parts.flat()) {
      const key = `${row.kind}\u0000${row.id}`;
      const held = byNode.get(key);
      if (held) {
        held.weight += row.weight;
        held.links += row.links;
      } else byNode.set(key, { ...row });
    }
    let paths = 0;
    const everyDate = new Map<string, number>();
    for (const n of byNode.values()) {
      if (n.kind !== 'person') continue;
      paths += n.weight;
      everyDate.set(n.id, n.everyDate);
    }
    const linked = [...byNode.values()].filter((n) => n.links > 0).map(({ id, name, kind, weight }) => ({ id, name, kind, weight }));
    return { linked, paths, everyDate };
  }

  /**
   * The neighbourhood over every date, from the weights stored on the nodes (see
   * `neighbourhood-weights.ts`): without a center, the strongest nodes and their pairs; with one,
   * its edges and their ends. Reads a few hundred nodes instead of every discussion, and chooses
   * as `selectNeighbourhood` does.
   */
  private async neighbourhoodOfAllDates(params: NeighbourhoodParams): Promise<Neighbourhood> {
    type Node = NeighbourhoodCandidates['nodes'][number];
    type Edge = NeighbourhoodCandidates['edges'][number];
    type Pairs = { id: string; pairIds: string[]; pairWeights: number[] };
    const pairEdges = (rows: Pairs[]): Edge[] =>
      rows.flatMap((r) => r.pairIds.map((target, i) => ({ source: r.id, target, weight: r.pairWeights[i] })));
    const limit = Math.max(0, Math.floor(params.limit));
    if (params.center === undefined) {
      const strongest = await this.query<Node & Pairs>('neighbourhood-all-strongest', { limit });
      const nodes = strongestNodes(
        strongest.map(({ id, name, kind, weight }) => ({ id, name, kind, weight })),
        () => false,
        limit,
      );
      return { nodes, edges: edgesAmong(nodes, pairEdges(strongest)) };
    }
    const center = params.center;
    const [star] = await this.query<{ edges: Edge[]; nodes: Node[] }>('neighbourhood-all-star', { center });
    // Cypher maps come back with their keys in its own order: rebuilt in the order rows have.
    let edges = star.edges.map(({ source, target, weight }) => ({ source, target, weight }));
    const nodes = star.nodes.map(({ id, name, kind, weight }) => ({ id, name, kind, weight }));
    if (edges.some((e) => e.source === center) && edges.some((e) => e.target === center)) {
      // The id names a person and a project: the edges between the neighbours of one and of the
      // other count too, not only the two stars (which may also hold one edge twice).
      const people = [...new Set(edges.map((e) => e.source))];
      edges = pairEdges(await this.query<Pairs>('neighbourhood-all-pairs', { people }));
    }
    return selectNeighbourhood({ nodes, edges }, params);
  }

  coAttendance(params: { person?: string }): Promise<CoAttendanceRow[]> {
    return this.runStatement<CoAttendanceRow>(neo4jStatement('coAttendance', params));
  }

  async stats(): Promise<Stats> {
    const [stats] = await this.query<Stats>('stats');
    return stats;
  }

  /** Stops the reads' warm-up, waits for what open started and for a running load, then closes the driver. */
  async close(): Promise<void> {
    this.closing = true;
    await this.planning;
    await this.warmingReads;
    await this.loading;
    await this.driver.close();
  }

  /**
   * A page of a list query (the whole list without `page`). Each row carries the list's `total`;
   * an empty page (past the end, or of no rows) has no row to carry it, so then the first row is
   * asked for alone.
   */
  private async listPage<T>(query: ListQuery, params: StatementParams[ListQuery], page?: PageParams): Promise<RowPage<T>> {
    const rows = await this.runStatement<T & { total: number }>(neo4jStatement(query, params, page));
    if (rows.length === 0 && page && (page.offset > 0 || page.limit === 0)) {
      const [first] = await this.runStatement<{ total: number }>(neo4jStatement(query, params, { offset: 0, limit: 1 }));
      return { total: first?.total ?? 0, rows: [] };
    }
    return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row as T) };
  }

  /** A detail's newest DETAIL_ACTIONS action items, read newest first, in the `actions` query's order. */
  private async newestActions(name: 'person-actions' | 'project-actions', id: string): Promise<ActionRow[]> {
    return (await this.query<ActionRow>(name, { id, limit: DETAIL_ACTIONS })).reverse();
  }

  /** A detail's newest DETAIL_DISCUSSIONS discussions, read newest first, in the `discussions` query's order. */
  private async newestDiscussions(name: 'person-discussions' | 'project-discussions', id: string): Promise<DiscussionRow[]> {
    return (await this.query<DiscussionRow>(name, { id, limit: DETAIL_DISCUSSIONS })).reverse();
  }

  /** The statement of `queries/<name>.cypher` with `values`, run by `runStatement`. */
  private query<T>(name: string, values?: Record<string, unknown>): Promise<T[]> {
    return this.runStatement<T>(statement(name, values));
  }

  /** One statement in a READ session, as an auto-commit transaction (one round trip). */
  private async runStatement<T>(query: Statement): Promise<T[]> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, database: this.config.database });
    try {
      const result = await session.run(query.text, withIntegers(query.parameters));
      return result.records.map((record) => record.toObject() as T);
    } catch (err) {
      throw storeError(this.config, err);
    } finally {
      await session.close();
    }
  }

  /** Several named queries that must see the same state: one read transaction in a READ session. */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, database: this.config.database });
    try {
      return await session.executeRead(work);
    } catch (err) {
      throw storeError(this.config, err);
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, database: this.config.database });
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw storeError(this.config, err);
    } finally {
      await session.close();
    }
  }
}

/**
 * Replaces each meeting of the batch: its old subgraph goes, the new one is written. The delete
 * also takes, whole, any other stored meeting that holds one of the batch's discussion or action
 * item ids (see `queries/delete-meeting.cypher`), so that every node the batch writes is new and
 * every statement can CREATE: no MERGE has to look for an existing node or edge first.
 */
async function writeMeetings(tx: ManagedTransaction, batch: MeetingPart[]): Promise<BatchChange> {
  const int = (n: number) => neo4j.int(n);
  const evidence = (e: { file: string; line: number; sentence: string }) => ({ file: e.file, line: int(e.line), sentence: e.sentence });
  const actions = batch.flatMap((p) => p.actionItems);
  const about = batch.flatMap((p) => p.about);
  const aboutRow = (a: (typeof about)[number]) => ({ discussionId: a.discussionId, targetId: a.targetId, ...evidence(a.evidence) });
  // Sent one after another without waiting for each answer: the server runs a transaction's
  // statements in the order they arrive, and the round trips overlap with its work.
  const [deleted] = await Promise.all([
    rows<DeletedRow>(tx, 'delete-meeting', {
      ids: batch.map((p) => p.meeting.id),
      discussionIds: batch.flatMap((p) => p.discussions.map((d) => d.id)),
      actionIds: actions.map((a) => a.id),
    }),
    run(tx, 'load-meetings', {
      rows: batch.map((p) => {
        const counts = actionCountsOf([p]);
        return {
          ...p.meeting,
          fingerprint: p.fingerprint,
          discussionCount: int(p.discussions.length),
          todoActionCount: int(counts.todo),
          ongoingActionCount: int(counts.ongoing),
          doneActionCount: int(counts.done),
          discussions: p.discussions.map((d) => ({ ...d, snippet: snippetOf(d.text), order: int(d.order), line: int(d.line) })),
        };
      }),
    }),
    run(tx, 'load-attended', {
      rows: batch.flatMap((p) => p.attendance.map((a) => ({ personId: a.personId, meetingId: a.meetingId, role: a.role, ...evidence(a.evidence) }))),
    }),
    run(tx, 'load-discussed', {
      rows: batch.flatMap((p) => p.discussed.map((d) => ({ personId: d.personId, discussionId: d.discussionId, ...evidence(d.evidence) }))),
    }),
    run(tx, 'load-about-projects', { rows: about.filter((a) => a.target === 'project').map(aboutRow) }),
    run(tx, 'load-about-topics', { rows: about.filter((a) => a.target === 'topic').map(aboutRow) }),
    // A part's action items have exactly their fields (`partitionGraph`): those, the evidence spread out.
    run(tx, 'load-actions', { rows: actions.map(({ evidence: e, ...item }) => ({ ...item, ...evidence(e) })) }),
    run(tx, 'load-cites', {
      rows: batch.flatMap((p) => p.cites.map((c) => ({ discussionId: c.discussionId, referenceId: c.referenceId, ...evidence(c.evidence) }))),
    }),
  ]);
  return batchChange(deleted, actionCountsOf(batch));
}

/** Deletes stored meetings whole (see `delete-meeting.cypher`). */
async function deleteMeetings(tx: ManagedTransaction, ids: string[]): Promise<BatchChange> {
  return batchChange(await rows(tx, 'delete-meeting', { ids, discussionIds: [], actionIds: [] }));
}

/**
 * A row of `delete-meeting.cypher`: per deleted meeting, what its nodes touched, its date, its
 * discussions' shapes and its action item counts (todo, ongoing, done).
 */
type DeletedRow = {
  touched: Array<Array<[EntityKind, string]>>;
  date: string | null;
  shapes: Array<Omit<DiscussionShape, 'month'>>;
  actionCounts: [number, number, number];
};

/** Action items per status. */
interface ActionCounts {
  todo: number;
  ongoing: number;
  done: number;
}

/**
 * What a batch changed: the entities its deleted subgraphs touched, their discussions' shapes (as
 * stored), and the action item totals (those written less those deleted).
 */
interface BatchChange {
  touched: EntityKey[];
  shapes: DiscussionShape[];
  actionChange: ActionCounts;
}

function batchChange(deleted: DeletedRow[], written: ActionCounts = { todo: 0, ongoing: 0, done: 0 }): BatchChange {
  const out: BatchChange = { touched: [], shapes: [], actionChange: { ...written } };
  for (const row of deleted) {
    for (const pairs of row.touched) for (const [kind, id] of pairs) out.touched.push({ kind, id });
    // A lone discussion or action item (no meeting, no date) has no shapes.
    if (row.shapes.length > 0) {
      const month = monthIndex(row.date!);
      for (const { people, projects } of row.shapes) out.shapes.push({ people, projects, month });
    }
    const [todo, ongoing, done] = row.actionCounts;
    out.actionChange.todo -= todo;
    out.actionChange.ongoing -= ongoing;
    out.actionChange.done -= done;
  }
  return out;
}

/** The action items of meetings per status, as load-meetings.cypher counts them on each. */
function actionCountsOf(parts: Iterable<MeetingPart>): ActionCounts {
  const counts: ActionCounts = { todo: 0, ongoing: 0, done: 0 };
  for (const part of parts) for (const a of part.actionItems) counts[a.status] += 1;
  return counts;
}

/** The counts as the Cypher integers the statements take. */
function sentCounts(counts: ActionCounts): Record<keyof ActionCounts, Integer> {
  return { todo: neo4j.int(counts.todo), ongoing: neo4j.int(counts.ongoing), done: neo4j.int(counts.done) };
}

/**
 * Brings the stored weights up to date for the deleted and the written discussions: reads those
 * of the people and projects whose weights change, adds the change, writes them back.
 */
async function updateWeights(tx: ManagedTransaction, deleted: DiscussionShape[], written: DiscussionShape[]): Promise<void> {
  const changes = weightChanges(deleted, written);
  const ids = { person: [...changes.person.keys()], project: [...changes.project.keys()] };
  if (ids.person.length === 0 && ids.project.length === 0) return;
  const stored = await rows<StoredWeights & { kind: 'person' | 'project' }>(tx, 'weights-of', { people: ids.person, projects: ids.project });
  const weights = weightsFromRows({ person: stored.filter((r) => r.kind === 'person'), project: stored.filter((r) => r.kind === 'project') });
  addChanges(weights, changes);
  await writeWeights(tx, weights, ids);
}

/** Stores the weights of the listed people and projects (zeros for those without any). */
async function writeWeights(tx: ManagedTransaction, weights: NeighbourhoodWeights, ids: { person: Iterable<string>; project: Iterable<string> }): Promise<void> {
  const int = (n: number) => neo4j.int(n);
  const sent = (rows: StoredWeights[]) =>
    rows.map((r) => ({
      ...r,
      total: int(r.total),
      linked: int(r.linked),
      pairWeights: r.pairWeights.map(int),
      relatedWeights: r.relatedWeights.map(int),
      monthsFrom: int(r.monthsFrom),
      runningTotals: r.runningTotals.map(int),
      runningLinked: r.runningLinked.map(int),
      undatedTotal: int(r.undatedTotal),
      undatedLinked: int(r.undatedLinked),
    }));
  await Promise.all([
    run(tx, 'load-person-weights', { rows: sent(storedRows(weights.person, ids.person)) }),
    run(tx, 'load-project-weights', { rows: sent(storedRows(weights.project, ids.project)) }),
  ]);
}

/** Upserts entities (each kind's `load-*.cypher`); a kind without rows sends nothing. */
async function writeEntities(tx: ManagedTransaction, lists: EntityLists): Promise<void> {
  const statements: Array<Promise<void>> = [];
  if (lists.person.length > 0) statements.push(run(tx, 'load-people', { rows: lists.person.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases })) }));
  if (lists.project.length > 0) {
    statements.push(run(tx, 'load-projects', { rows: lists.project.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, origin: p.origin })) }));
  }
  if (lists.topic.length > 0) statements.push(run(tx, 'load-topics', { rows: lists.topic.map((t) => ({ id: t.id, name: t.name })) }));
  if (lists.reference.length > 0) statements.push(run(tx, 'load-references', { rows: lists.reference.map((r) => ({ id: r.id, url: r.url })) }));
  await Promise.all(statements);
}

/** The ids of `keys` by kind, each once: the parameters of `delete-orphans-among.cypher`. */
function idsByKind(keys: EntityKey[]): { people: string[]; projects: string[]; topics: string[]; references: string[] } {
  const ids: Record<EntityKind, Set<string>> = { person: new Set(), project: new Set(), topic: new Set(), reference: new Set() };
  for (const { kind, id } of keys) ids[kind].add(id);
  return { people: [...ids.person], projects: [...ids.project], topics: [...ids.topic], references: [...ids.reference] };
}

/** A row of `meeting-states.cypher` or `meeting-states-of.cypher`. */
type StoredState = { id: string } & StoredMeetingState;

function statesById(rows: StoredState[]): Map<string, StoredMeetingState> {
  return new Map(rows.map((s) => [s.id, { contentHash: s.contentHash, fingerprint: s.fingerprint }]));
}

/** The ingest warnings and project candidates as `load-ingest-info.cypher` stores them (JSON). */
function ingestInfoText(parts: GraphParts): { warnings: string; projectCandidates: string } {
  return { warnings: JSON.stringify(parts.warnings), projectCandidates: JSON.stringify(parts.projectCandidates) };
}

/** Whether a load's warnings and project candidates are those written last (comparing is cheaper than writing 29,000 warnings' JSON). */
function sameIngestInfo(parts: GraphParts, written: LastLoad['info']): boolean {
  return sameJson(parts.warnings, written.warnings) && sameJson(parts.projectCandidates, written.projectCandidates);
}

/**
 * The driver sends a JavaScript number as a float, which SKIP and LIMIT refuse: whole numbers go as
 * Cypher integers (no read query takes a float).
 */
function withIntegers(parameters: Record<string, unknown>): Record<string, unknown> {
  const sent: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters)) sent[key] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  return sent;
}

/**
 * The parameters of a load statement: its values in one map, `$load`. The server keeps a plan per
 * statement and parameter types, and the type of a list or a string holds its size, rounded up to
 * 0, 1, 10, 100, 1,000…: a change of one note sends lists of other sizes than the last change did,
 * and each new combination of sizes was planned anew (0.1–0.8 s a statement on a server just
 * started; 2.9 s for all of them, which the first change after a start waited for, although the
 * store had planned them at open with nulls). A map's type holds no size, so the plan made at open
 * serves every load.
 */
export function loadParameters(query: CypherQuery, values: Record<string, unknown> = {}): { load: Record<string, unknown> } {
  if (query.parameters.join() !== 'load') throw new Error(`queries/${query.name}.cypher must take its values as $load.<name>`);
  return { load: values };
}

/** A write of the load or of the open-time upkeep (a load statement's values go as `$load`). */
async function run(tx: ManagedTransaction, name: string, values?: Record<string, unknown>): Promise<void> {
  await tx.run(...textAndParameters(cypher(name), values));
}

async function rows<T>(tx: ManagedTransaction, name: string, values?: Record<string, unknown>): Promise<T[]> {
  const result = await tx.run(...textAndParameters(cypher(name), values));
  return result.records.map((record) => record.toObject() as T);
}

/** The text of a statement run in a transaction, and its parameters. */
function textAndParameters(query: CypherQuery, values?: Record<string, unknown>): [string, Record<string, unknown>] {
  return [query.text, LOAD_STATEMENTS.includes(query.name) ? loadParameters(query, values) : bindParameters(query, values)];
}

/** A driver or server error as a one-line StoreError that names the server and what went wrong. */
function storeError(config: Neo4jConfig, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new StoreError(
      `Neo4j at ${config.uri} refused user "${config.user}": ${firstLine(err)} (check NEO4J_USER and NEO4J_PASSWORD)`,
      'unauthorized',
      { cause: err },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreError(`Neo4j at ${config.uri} has no database "${config.database}" (check NEO4J_DATABASE)`, 'unreachable', {
      cause: err,
    });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /Failed to connect|ECONNREFUSED|ETIMEDOUT|ENOTFOUND/.test(message)) {
    // The driver's message is a paragraph of advice; its last "Caused by:" names the actual failure.
    const cause = /Caused by: ([^\n]+)/.exec(message)?.[1]?.trim() ?? firstLine(err);
    return new StoreError(`cannot reach Neo4j at ${config.uri}: ${cause}`, 'unreachable', { cause: err });
  }
  return new StoreError(`Neo4j at ${config.uri} failed: ${firstLine(err)}`, 'query', { cause: err });
}

/**
 * A detail's counted neighbours as a statement sends them: `[id, name, count]` lists, cheaper to
 * send and decode than maps, which carry their keys each time (see person.cypher).
 */
type CountedList = [id: string, name: string, count: number];
/** A month's count as a statement sends it: `[YYYY-MM, count]`. */
type MonthList = [period: string, value: number];

/** Counted neighbours as a detail lists them, in the order of every `NamedCount` list. */
function namedCounts(rows: CountedList[]): NamedCount[] {
  return rows.map(([id, name, count]) => ({ id, name, count })).sort(compareNamedCounts);
}

function months(rows: MonthList[]): PeriodCount[] {
  return rows.map(([period, value]) => ({ period, value }));
}
