/**
 * The people↔project graph around a center, cut to the strongest nodes. Each store computes the
 * candidate nodes and edges for a date range (a query); the choice of what to show is made here,
 * once, so both stores return the same nodes and edges in the same order. A store that narrows the
 * candidates itself (Neo4j over a range reads only the edges among the nodes kept) uses the parts,
 * `strongestNodes` and `edgesAmong`.
 */
import { compareText } from './order.js';
import type { GraphEdge, GraphNode, Neighbourhood, NeighbourhoodParams } from './types.js';

/** Everything in a date range, before a center or a limit applies. */
export interface NeighbourhoodCandidates {
  /**
   * Each person with the number of discussions in the range they took part in, and each project
   * with the number of discussions in the range about it. Nodes without an edge are ignored.
   */
  nodes: GraphNode[];
  /** Person→project, weight = discussions in the range where the person took part and the project was discussed. */
  edges: GraphEdge[];
}

/** Strongest first: weight descending, then name, kind and id (code-unit order). */
export function compareNodes(a: GraphNode, b: GraphNode): number {
  return b.weight - a.weight || compareText(a.name, b.name) || compareText(a.kind, b.kind) || compareText(a.id, b.id);
}

/** Heaviest first, then source and target id. */
export function compareEdges(a: GraphEdge, b: GraphEdge): number {
  return b.weight - a.weight || compareText(a.source, b.source) || compareText(a.target, b.target);
}

/**
 * Picks what a neighbourhood shows:
 * - only people and projects with at least one edge in the range are nodes;
 * - with `center` (a person or project id; both when the id names one of each), only the center and
 *   its direct neighbours, with the edges among them; a center without edges gives an empty graph;
 * - at most `limit` nodes (none when `limit` < 1): the center always, then the strongest others,
 *   ties broken by name;
 * - only edges whose two ends were kept.
 * Nodes come strongest first (`compareNodes`), edges heaviest first (`compareEdges`).
 */
export function selectNeighbourhood(
  candidates: NeighbourhoodCandidates,
  params: Pick<NeighbourhoodParams, 'center' | 'limit'>,
): Neighbourhood {
  const limit = Math.max(0, Math.floor(params.limit));
  let edges = candidates.edges;
  // People and projects are kept in separate sets: a person and a project may share an id.
  const centers = { person: false, project: false };
  if (params.center !== undefined) {
    const center = params.center;
    const around = { person: new Set<string>(), project: new Set<string>() };
    for (const e of edges) {
      if (e.source === center || e.target === center) {
        around.person.add(e.source);
        around.project.add(e.target);
        if (e.source === center) centers.person = true;
        if (e.target === center) centers.project = true;
      }
    }
    edges = edges.filter((e) => around.person.has(e.source) && around.project.has(e.target));
  }
  const linked = { person: new Set<string>(), project: new Set<string>() };
  for (const e of edges) {
    linked.person.add(e.source);
    linked.project.add(e.target);
  }
  const isCenter = (n: GraphNode) => n.id === params.center && centers[n.kind];
  const nodes = strongestNodes(
    candidates.nodes.filter((n) => linked[n.kind].has(n.id)),
    isCenter,
    limit,
  );
  return { nodes, edges: edgesAmong(nodes, edges) };
}

/**
 * At most `limit` of the linked nodes (those with an edge): the center's first, then the strongest
 * others; strongest first (`compareNodes`).
 */
export function strongestNodes(linked: GraphNode[], isCenter: (n: GraphNode) => boolean, limit: number): GraphNode[] {
  const ranked = [...linked].sort(compareNodes);
  const centerNodes = ranked.filter(isCenter).slice(0, limit);
  const others = ranked.filter((n) => !isCenter(n)).slice(0, Math.max(0, limit - centerNodes.length));
  return [...centerNodes, ...others].sort(compareNodes);
}

/** The edges whose two ends are among `nodes`, heaviest first (`compareEdges`). */
export function edgesAmong(nodes: GraphNode[], edges: GraphEdge[]): GraphEdge[] {
  const kept = { person: new Set<string>(), project: new Set<string>() };
  for (const n of nodes) kept[n.kind].add(n.id);
  return edges.filter((e) => kept.person.has(e.source) && kept.project.has(e.target)).sort(compareEdges);
}
