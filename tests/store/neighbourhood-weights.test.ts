import { describe, expect, it } from 'vitest';
import { addChanges, addShapes, emptyWeights, shapesOf, storedRows, weightChanges, weightsFromRows, type DiscussionShape } from '../../src/store/neighbourhood-weights.js';
import { partitionGraph } from '../../src/store/meeting-parts.js';
import { smallGraph } from '../fixtures/small-graph.js';

const shapes: DiscussionShape[] = [
  { people: ['alice', 'bob'], projects: ['mirage'] },
  { people: ['alice'], projects: ['mirage', 'tls'] },
  { people: ['carol'], projects: [] },
  { people: [], projects: ['xen'] },
];

const NONE_RELATED = { relatedIds: [], relatedWeights: [] };

describe('neighbourhood weights', () => {
  it('counts discussions per person and project, linked ones and pairs', () => {
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    expect(storedRows(w.person)).toEqual([
      { id: 'alice', total: 2, linked: 2, pairIds: ['mirage', 'tls'], pairWeights: [2, 1], ...NONE_RELATED },
      { id: 'bob', total: 1, linked: 1, pairIds: ['mirage'], pairWeights: [1], ...NONE_RELATED },
      { id: 'carol', total: 1, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED },
    ]);
    expect(storedRows(w.project, ['xen', 'mirage', 'nobody'])).toEqual([
      { id: 'xen', total: 1, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED },
      { id: 'mirage', total: 2, linked: 2, pairIds: ['alice', 'bob'], pairWeights: [2, 1], relatedIds: ['tls'], relatedWeights: [1] },
      { id: 'nobody', total: 0, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED },
    ]);
    // Related projects: the discussions about both.
    expect(storedRows(w.project, ['tls'])).toEqual([{ id: 'tls', total: 1, linked: 1, pairIds: ['alice'], pairWeights: [1], relatedIds: ['mirage'], relatedWeights: [1] }]);
  });

  it('takes a discussion away again, dropping pairs that reach zero', () => {
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    addShapes(w, [shapes[1]], -1);
    expect(storedRows(w.person, ['alice'])).toEqual([{ id: 'alice', total: 1, linked: 1, pairIds: ['mirage'], pairWeights: [1], ...NONE_RELATED }]);
    expect(storedRows(w.project, ['tls', 'mirage'])).toEqual([
      { id: 'tls', total: 0, linked: 0, pairIds: [], pairWeights: [], ...NONE_RELATED },
      { id: 'mirage', total: 1, linked: 1, pairIds: ['alice', 'bob'], pairWeights: [1, 1], ...NONE_RELATED },
    ]);
  });

  it('reads stored rows back to the same weights', () => {
    const w = emptyWeights();
    addShapes(w, shapes, 1);
    const rows = { person: storedRows(w.person), project: storedRows(w.project) };
    const back = weightsFromRows(rows);
    expect({ person: storedRows(back.person), project: storedRows(back.project) }).toEqual(rows);
  });

  it('shapes a graph\'s discussions from their DISCUSSED and ABOUT edges, topics left out', () => {
    const parts = partitionGraph(smallGraph());
    const all = shapesOf(parts.meetings);
    expect(all).toHaveLength(smallGraph().discussions.length);
    expect(all.filter((d) => d.people.includes('carol')).map((d) => d.projects.sort())).toEqual([['mirage', 'xen'], ['mirage', 'ocaml-tls']]);
    expect(new Set(all.flatMap((d) => d.projects))).toEqual(new Set(['mirage', 'xen', 'irmin', 'ocaml-tls']));
  });

  it('changes only the weights that a delete and a write do not cancel out', () => {
    const edited = [shapes[0], { people: ['alice'], projects: ['mirage'] }, shapes[2], shapes[3]];
    const changes = weightChanges(shapes, edited);
    // Bob's, Carol's and Xen's discussions were written again as they were.
    expect([...changes.person.keys()]).toEqual(['alice']);
    expect(storedRows(changes.person)).toEqual([{ id: 'alice', total: 0, linked: 0, pairIds: ['tls'], pairWeights: [-1], ...NONE_RELATED }]);
    // MirageOS loses TLS as a related project; its people are as they were.
    expect(storedRows(changes.project)).toEqual([
      { id: 'mirage', total: 0, linked: 0, pairIds: [], pairWeights: [], relatedIds: ['tls'], relatedWeights: [-1] },
      { id: 'tls', total: -1, linked: -1, pairIds: ['alice'], pairWeights: [-1], relatedIds: ['mirage'], relatedWeights: [-1] },
    ]);
    expect(weightChanges(shapes, [...shapes].reverse()).person.size).toBe(0);

    const w = emptyWeights();
    addShapes(w, shapes, 1);
    addChanges(w, changes);
    const direct = emptyWeights();
    addShapes(direct, edited, 1);
    expect({ person: storedRows(w.person), project: storedRows(w.project, direct.project.keys()) }).toEqual({
      person: storedRows(direct.person),
      project: storedRows(direct.project),
    });
  });
});
