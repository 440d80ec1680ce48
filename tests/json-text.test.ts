import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonFileStreaming } from '../src/json-file.js';
import { inChunks, jsonText, JsonText } from '../src/json-text.js';
import { smallGraph } from './fixtures/small-graph.js';

const text = (value: unknown) => [...jsonText(value)].join('');

describe('jsonText', () => {
  it('gives the text JSON.stringify gives', () => {
    const nullPrototype = Object.assign(Object.create(null), { b: 1, a: [2] });
    const values: unknown[] = [
      smallGraph(),
      { format: 'x', version: 2, graph: smallGraph() },
      {},
      [],
      [[], {}, [[1, 'two']], null],
      { skipped: undefined, call: () => 1, kept: null, '10': 'integer keys first', 2: 'ascending', 'é "quoted"\n': '\u2028' },
      [undefined, () => 1, 'kept'],
      { when: new Date(Date.UTC(2024, 1, 6)), inner: { when: new Date(0), deep: { list: [new Date(1)] } } },
      nullPrototype,
      'a string',
      42,
      null,
      { n: NaN, inf: -Infinity, nested: [NaN] },
    ];
    for (const value of values) expect(text(value)).toBe(JSON.stringify(value));
  });

  it('cuts objects between fields and arrays between items, and takes a JsonText as its pieces', () => {
    const pieces = [...jsonText({ a: [{ x: 1 }, { y: 2 }], b: 'c' })];
    expect(pieces).toEqual(['{"a":', '[', '{"x":1}', ',', '{"y":2}', ']', ',"b":', '"c"', '}']);
    const own = new JsonText(() => ['[1,', '2]']);
    expect([...jsonText({ own, list: [own] })].join('')).toBe('{"own":[1,2],"list":[[1,2]]}');
  });

  it('joins pieces into chunks of at least the size asked, the last one shorter', () => {
    const pieces = ['ab', 'cde', 'f', 'ghij', 'k'];
    const chunks = [...inChunks(pieces, 4)];
    expect(chunks).toEqual(['abcde', 'fghij', 'k']);
    expect([...inChunks([], 4)]).toEqual([]);
  });
});

describe('writeJsonFileStreaming', () => {
  it('writes the text JSON.stringify gives, and an abandoned write leaves the file as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-json-'));
    const file = path.join(dir, 'graph.json');
    // Large enough for several chunks of 64 KiB.
    const graph = smallGraph();
    graph.discussions = Array.from({ length: 400 }, (_, i) => ({ ...graph.discussions[0], id: `d${i}`, text: 'x'.repeat(500 + i) }));
    await writeJsonFileStreaming(file, graph);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(graph));

    writeFileSync(file, '"before"');
    const abandoned = new AbortController();
    const writing = writeJsonFileStreaming(file, graph, abandoned.signal);
    abandoned.abort();
    await expect(writing).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(readFileSync(file, 'utf8')).toBe('"before"');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });
});
