import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/index.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('openStore with Neo4j configured', () => {
  it('fails with a one-line StoreError naming the URI when nothing listens, and never falls back', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'meetgraph-open-'));
    dirs.push(dataDir);
    const uri = 'bolt://127.0.0.1:1';
    const err = await openStore({ dataDir, neo4j: { uri, user: 'neo4j', password: 'x', database: 'neo4j' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).name).toBe('StoreError');
    expect((err as StoreError).reason).toBe('unreachable');
    expect((err as StoreError).message).toContain(uri);
    expect((err as StoreError).message).toMatch(/ECONNREFUSED/);
    expect((err as StoreError).message).not.toContain('\n');
    // No embedded store was created instead.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('reads the Neo4j settings from the environment when not given', async () => {
    const saved = { ...process.env };
    process.env.NEO4J_URI = 'bolt://127.0.0.1:1';
    try {
      const err = await openStore({ dataDir: tmpdir() }).catch((e: unknown) => e);
      expect((err as StoreError).reason).toBe('unreachable');
    } finally {
      process.env = saved;
    }
  });
});
