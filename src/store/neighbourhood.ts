/**
 * The people↔project graph around a center, cut to the strongest nodes. Each store computes the
 * candidate nodes and edges for a date range (a query); the choice of what to show is made here,
 * once, so both stores return the same nodes and edges in the same order.
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
  const key = (kind: GraphNode['kind'], id: string) => `${kind}\u0000${id}`;
  const sourceKey = (e: GraphEdge) => key('person', e.source);
  const targetKey = (e: GraphEdge) => key('project', e.target);
  const limit = Math.max(0, Math.floor(params.limit));
  let edges = candidates.edges;
  const centerKeys = new Set<string>();
  if (params.center !== undefined) {
    const center = params.center;
    const around = new Set<string>();
    for (const e of edges) {
      if (e.source === center) centerKeys.add(sourceKey(e));
      if (e.target === center) centerKeys.add(targetKey(e));
      if (e.source === center || e.target === center) around.add(sourceKey(e)).add(targetKey(e));
    }
    edges = edges.filter((e) => around.has(sourceKey(e)) && around.has(targetKey(e)));
  }
  const linked = new Set<string>();
  for (const e of edges) linked.add(sourceKey(e)).add(targetKey(e));
  const ranked = candidates.nodes.filter((n) => linked.has(key(n.kind, n.id))).sort(compareNodes);
  const centers = ranked.filter((n) => centerKeys.has(key(n.kind, n.id))).slice(0, limit);
  const others = ranked.filter((n) => !centerKeys.has(key(n.kind, n.id))).slice(0, limit - centers.length);
  const nodes = [...centers, ...others].sort(compareNodes);
  const kept = new Set(nodes.map((n) => key(n.kind, n.id)));
  return {
    nodes,
    edges: edges.filter((e) => kept.has(sourceKey(e)) && kept.has(targetKey(e))).sort(compareEdges),
  };
}
