import { describe, expect, it } from 'vitest';
import { selectNeighbourhood, type NeighbourhoodCandidates } from '../../src/store/neighbourhood.js';

// p1 and j1 share the id "x": a person and a project may.
const candidates: NeighbourhoodCandidates = {
  nodes: [
    { id: 'x', name: 'Xavier', kind: 'person', weight: 5 },
    { id: 'y', name: 'Yann', kind: 'person', weight: 2 },
    { id: 'x', name: 'Xen', kind: 'project', weight: 4 },
    { id: 'z', name: 'Zeta', kind: 'project', weight: 1 },
    { id: 'lonely', name: 'Lonely', kind: 'person', weight: 9 },
  ],
  edges: [
    { source: 'x', target: 'z', weight: 1 },
    { source: 'y', target: 'x', weight: 2 },
    { source: 'y', target: 'z', weight: 1 },
  ],
};

describe('selectNeighbourhood', () => {
  it('ignores nodes without edges, however heavy', () => {
    const n = selectNeighbourhood(candidates, { limit: 10 });
    expect(n.nodes.map((x) => `${x.kind}:${x.id}`)).toEqual(['person:x', 'project:x', 'person:y', 'project:z']);
    expect(n.edges).toEqual([
      { source: 'y', target: 'x', weight: 2 },
      { source: 'x', target: 'z', weight: 1 },
      { source: 'y', target: 'z', weight: 1 },
    ]);
  });

  it('centers on every node with the id, with the edges among the center and its neighbours', () => {
    const n = selectNeighbourhood(candidates, { center: 'x', limit: 10 });
    // person x → project z; project x ← person y; and y → z lies among them.
    expect(n.nodes.map((x) => `${x.kind}:${x.id}`)).toEqual(['person:x', 'project:x', 'person:y', 'project:z']);
    expect(n.edges).toHaveLength(3);
  });

  it('keeps the center first within the limit, and only edges between kept nodes', () => {
    const n = selectNeighbourhood(candidates, { center: 'z', limit: 2 });
    expect(n.nodes.map((x) => `${x.kind}:${x.id}`)).toEqual(['person:x', 'project:z']);
    expect(n.edges).toEqual([{ source: 'x', target: 'z', weight: 1 }]);
    expect(selectNeighbourhood(candidates, { center: 'z', limit: 1 })).toEqual({
      nodes: [{ id: 'z', name: 'Zeta', kind: 'project', weight: 1 }],
      edges: [],
    });
  });

  it('returns nothing for a limit below one or an unknown center', () => {
    expect(selectNeighbourhood(candidates, { limit: 0.5 })).toEqual({ nodes: [], edges: [] });
    expect(selectNeighbourhood(candidates, { center: 'lonely', limit: 5 })).toEqual({ nodes: [], edges: [] });
  });
});
