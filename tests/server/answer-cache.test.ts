import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/server/answer-cache.js';

describe('AnswerCache', () => {
  it('answers a repeated key from the kept JSON text, computing it once per graph view', async () => {
    const cache = new AnswerCache();
    const view = {};
    let computed = 0;
    const compute = () => ({ n: ++computed });
    expect(await cache.answer(view, 'q=irmin', compute)).toBe('{"n":1}');
    expect(await cache.answer(view, 'q=irmin', compute)).toBe('{"n":1}');
    expect(await cache.answer(view, 'q=xen', compute)).toBe('{"n":2}');
    expect(computed).toBe(2);
  });

  it('never answers a new graph view from an older one', async () => {
    const cache = new AnswerCache();
    let graph = 'before';
    const compute = () => ({ graph });
    expect(await cache.answer({}, 'k', compute)).toBe('{"graph":"before"}');
    graph = 'after';
    expect(await cache.answer({}, 'k', compute)).toBe('{"graph":"after"}');
  });

  it('keeps no failure: the next call computes again', async () => {
    const cache = new AnswerCache();
    const view = {};
    await expect(cache.answer(view, 'k', () => Promise.reject(new Error('store away')))).rejects.toThrow('store away');
    expect(await cache.answer(view, 'k', () => 'ok')).toBe('"ok"');
  });

  it('drops the least recently used answer beyond its size', async () => {
    const cache = new AnswerCache(2);
    const view = {};
    let computed = 0;
    const compute = () => ++computed;
    await cache.answer(view, 'a', compute); // 1
    await cache.answer(view, 'b', compute); // 2
    await cache.answer(view, 'a', compute); // kept: a is now the most recent
    await cache.answer(view, 'c', compute); // 3, drops b
    expect(await cache.answer(view, 'a', compute)).toBe('1');
    expect(await cache.answer(view, 'b', compute)).toBe('4');
  });
});
