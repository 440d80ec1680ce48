/**
 * The weights of the whole people↔project graph (every date), kept on the Neo4j store's Person
 * and Project nodes so that a neighbourhood without dates reads a few hundred nodes instead of
 * adding up every person–discussion–project path (449,553 of them at 10,000 meetings, 2.5 s); and
 * the projects related to each project, which its detail lists.
 *
 * Every weight is a count of discussions, so it is a sum over discussions: a load adds the
 * discussions it writes and subtracts the ones it deletes, each given by its shape (the people who
 * DISCUSSED it and the projects it is ABOUT). A whole load counts every discussion of the graph.
 */
import type { MeetingPart } from './meeting-parts.js';
import { compareText } from './order.js';

/** One discussion as the weights see it. */
export interface DiscussionShape {
  people: string[];
  projects: string[];
}

/** The weights of one person (or project) over every date. */
export interface EntityWeights {
  /** Discussions the person took part in (the project was discussed in). */
  total: number;
  /** Of those, the ones about at least one project (with at least one person): the node has an edge when > 0. */
  linked: number;
  /** Per project (person): discussions with both, the edge's weight. Never holds 0. */
  pairs: Map<string, number>;
  /** A project's related projects: per other project, the discussions ABOUT both. Never holds 0; empty for people. */
  related: Map<string, number>;
}

export interface NeighbourhoodWeights {
  person: Map<string, EntityWeights>;
  project: Map<string, EntityWeights>;
}

/** The row a Person or Project node stores (`load-person-weights.cypher`, `weights-of.cypher`). */
export interface StoredWeights {
  id: string;
  total: number;
  linked: number;
  /** The other ends' ids in code-unit order, with `pairWeights` at the same positions. */
  pairIds: string[];
  pairWeights: number[];
  /** The related projects' ids in code-unit order, with `relatedWeights` (a project's only). */
  relatedIds: string[];
  relatedWeights: number[];
}

export function emptyWeights(): NeighbourhoodWeights {
  return { person: new Map(), project: new Map() };
}

/** The shapes of the meetings' discussions, from their edges. */
export function shapesOf(parts: Iterable<MeetingPart>): DiscussionShape[] {
  const shapes: DiscussionShape[] = [];
  for (const part of parts) {
    const byId = new Map<string, DiscussionShape>();
    for (const d of part.discussions) byId.set(d.id, { people: [], projects: [] });
    for (const e of part.discussed) byId.get(e.discussionId)?.people.push(e.personId);
    for (const e of part.about) if (e.target === 'project') byId.get(e.discussionId)?.projects.push(e.targetId);
    shapes.push(...byId.values());
  }
  return shapes;
}

/** Adds (`sign` 1) or takes away (-1) each discussion's share of the weights. */
export function addShapes(weights: NeighbourhoodWeights, shapes: Iterable<DiscussionShape>, sign: 1 | -1): void {
  for (const { people, projects } of shapes) {
    // DISCUSSED and ABOUT are one edge per pair, so a shape names each id once; each is kept once
    // all the same, so that a repeated id could never count a discussion twice.
    const ps = [...new Set(people)];
    const js = [...new Set(projects)];
    for (const p of ps) add(weights.person, p, js, [], sign);
    for (const j of js) add(weights.project, j, ps, js, sign);
  }
}

function add(of: Map<string, EntityWeights>, id: string, others: string[], projects: string[], sign: 1 | -1): void {
  const w = weightsOf(of, id);
  w.total += sign;
  if (others.length > 0) w.linked += sign;
  for (const other of others) bump(w.pairs, other, sign);
  for (const other of projects) if (other !== id) bump(w.related, other, sign);
}

function weightsOf(of: Map<string, EntityWeights>, id: string): EntityWeights {
  let w = of.get(id);
  if (!w) of.set(id, (w = { total: 0, linked: 0, pairs: new Map(), related: new Map() }));
  return w;
}

/** Adds `n` to `key`'s count, dropping it at 0. */
function bump(counts: Map<string, number>, key: string, n: number): void {
  const sum = (counts.get(key) ?? 0) + n;
  if (sum === 0) counts.delete(key);
  else counts.set(key, sum);
}

/**
 * What the weights gain by deleting `deleted` and writing `written`: only the people and projects
 * whose weights change. A note edited in one place deletes and writes its meeting's discussions
 * again, nearly all as they were, and most of their shares cancel out.
 */
export function weightChanges(deleted: Iterable<DiscussionShape>, written: Iterable<DiscussionShape>): NeighbourhoodWeights {
  const changes = emptyWeights();
  addShapes(changes, deleted, -1);
  addShapes(changes, written, 1);
  for (const of of [changes.person, changes.project]) {
    for (const [id, w] of of) if (w.total === 0 && w.linked === 0 && w.pairs.size === 0 && w.related.size === 0) of.delete(id);
  }
  return changes;
}

/** Adds `changes` (from `weightChanges`) to `weights`. */
export function addChanges(weights: NeighbourhoodWeights, changes: NeighbourhoodWeights): void {
  for (const kind of ['person', 'project'] as const) {
    for (const [id, change] of changes[kind]) {
      const w = weightsOf(weights[kind], id);
      w.total += change.total;
      w.linked += change.linked;
      for (const [other, n] of change.pairs) bump(w.pairs, other, n);
      for (const [other, n] of change.related) bump(w.related, other, n);
    }
  }
}

/** Weights as stored, read back into maps (ids missing from `rows` start at zero). */
export function weightsFromRows(rows: { person: StoredWeights[]; project: StoredWeights[] }): NeighbourhoodWeights {
  const counts = (ids: string[] | null, weights: number[] | null) => new Map((ids ?? []).map((id, i) => [id, weights![i]]));
  const toMap = (list: StoredWeights[]) =>
    new Map(list.map((r) => [r.id, { total: r.total, linked: r.linked, pairs: counts(r.pairIds, r.pairWeights), related: counts(r.relatedIds, r.relatedWeights) }]));
  return { person: toMap(rows.person), project: toMap(rows.project) };
}

/** The rows to store for `ids` (every id of the weights when absent); an id without weights stores zeros. */
export function storedRows(of: Map<string, EntityWeights>, ids: Iterable<string> = of.keys()): StoredWeights[] {
  const out: StoredWeights[] = [];
  for (const id of new Set(ids)) {
    const w = of.get(id);
    const pairIds = w ? [...w.pairs.keys()].sort(compareText) : [];
    const relatedIds = w ? [...w.related.keys()].sort(compareText) : [];
    out.push({
      id,
      total: w?.total ?? 0,
      linked: w?.linked ?? 0,
      pairIds,
      pairWeights: pairIds.map((p) => w!.pairs.get(p)!),
      relatedIds,
      relatedWeights: relatedIds.map((j) => w!.related.get(j)!),
    });
  }
  return out;
}
