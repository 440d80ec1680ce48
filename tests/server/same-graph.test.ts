import { describe, expect, it } from 'vitest';
import { sameGraphInSteps } from '../../src/server/same-graph.js';
import { sameJson } from '../../src/same-json.js';
import { smallGraph } from '../fixtures/small-graph.js';

describe('sameGraphInSteps', () => {
  it('holds for a graph and its copy read back from JSON, where fields holding undefined are gone', async () => {
    const graph = smallGraph();
    graph.warnings.push({ kind: 'unresolved', file: 'a.md', line: undefined, message: 'nobody known as "Q"', mention: 'Q' });
    const readBack = JSON.parse(JSON.stringify(graph));
    expect('line' in readBack.warnings.at(-1)).toBe(false);
    expect(await sameGraphInSteps(graph, readBack)).toBe(true);
  });

  it('fails for one field changed, one item more, or the same items in another order', async () => {
    const changed = smallGraph();
    changed.actionItems[0].evidence.line += 1;
    expect(await sameGraphInSteps(smallGraph(), changed)).toBe(false);
    const longer = smallGraph();
    longer.topics.push({ id: 'x', name: 'x' });
    expect(await sameGraphInSteps(smallGraph(), longer)).toBe(false);
    const reordered = smallGraph();
    reordered.people.reverse();
    expect(await sameGraphInSteps(smallGraph(), reordered)).toBe(false);
  });

  it('compares more items than it takes between two turns of the event loop', async () => {
    const big = smallGraph();
    for (let i = 0; i < 12_000; i += 1) big.topics.push({ id: `t${i}`, name: `topic ${i}` });
    const other = JSON.parse(JSON.stringify(big));
    expect(await sameGraphInSteps(big, other)).toBe(true);
    other.topics[11_999].name = 'changed';
    expect(await sameGraphInSteps(big, other)).toBe(false);
  });
});

describe('sameJson', () => {
  it('compares values as JSON would write them', () => {
    expect(sameJson({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
