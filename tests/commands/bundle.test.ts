/**
 * The command line's one-file build (src/bundle.js): made once, reused while the sources are
 * unchanged, made again after any of them changes; each module keeps its own `import.meta.url`.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript (it runs before tsx), without a declaration file
import { bundled } from '../../src/bundle.js';
import { childEnv, runCli } from '../support/processes.js';

let root: string;
let cacheDir: string;

function writeSources(value: string): void {
  mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
  writeFileSync(path.join(root, 'src', 'main.ts'), "import { value, where } from './lib/value.ts';\nexport const answer: string = value;\nexport const lib = where;\nexport const main = import.meta.url;\n");
  writeFileSync(path.join(root, 'src', 'lib', 'value.ts'), `export const value: string = ${JSON.stringify(value)};\nexport const where = import.meta.url;\n`);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'meetgraph-bundle-'));
  cacheDir = path.join(root, 'cache');
  writeSources('first');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bundled', () => {
  it('builds the sources into one module whose modules keep their own import.meta.url', async () => {
    const url: string = await bundled('src/main.ts', { root, cacheDir });
    expect(url).toMatch(/^file:.*\.mjs$/);
    expect(fileURLToPath(url).startsWith(cacheDir)).toBe(true);
    const mod = await import(url);
    expect(mod.answer).toBe('first');
    expect(mod.main).toBe(pathToFileURL(path.join(root, 'src', 'main.ts')).href);
    expect(mod.lib).toBe(pathToFileURL(path.join(root, 'src', 'lib', 'value.ts')).href);
  });

  it('reuses the build while no source changed, and builds again when one did', async () => {
    const first: string = await bundled('src/main.ts', { root, cacheDir });
    const builtAt = statSync(fileURLToPath(first)).mtimeMs;
    const again: string = await bundled('src/main.ts', { root, cacheDir });
    expect(again).toBe(first);
    expect(statSync(fileURLToPath(again)).mtimeMs).toBe(builtAt);

    writeSources('second');
    const changed: string = await bundled('src/main.ts', { root, cacheDir });
    expect(changed).not.toBe(first);
    expect((await import(changed)).answer).toBe('second');
    // The older build is removed.
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.mjs'))).toEqual([path.basename(fileURLToPath(changed))]);
  });

  it('builds again when a source the build read is gone', async () => {
    const first: string = await bundled('src/main.ts', { root, cacheDir });
    rmSync(path.join(root, 'src', 'lib', 'value.ts'));
    // The entry cannot be built without it: no build, and the caller loads the sources itself.
    expect(await bundled('src/main.ts', { root, cacheDir })).toBeNull();
    writeSources('back');
    const rebuilt: string = await bundled('src/main.ts', { root, cacheDir });
    expect(rebuilt).not.toBe(first);
    expect((await import(rebuilt)).answer).toBe('back');
  });

  it('builds again when its build is gone from the cache', async () => {
    const first: string = await bundled('src/main.ts', { root, cacheDir });
    rmSync(fileURLToPath(first));
    const again: string = await bundled('src/main.ts', { root, cacheDir });
    expect(again).toBe(first);
    expect((await import(`${again}?again`)).answer).toBe('first');
  });

  it('keeps a build per project when two share a cache (checkouts sharing node_modules)', async () => {
    const mine: string = await bundled('src/main.ts', { root, cacheDir });
    const other = path.join(root, 'other');
    mkdirSync(path.join(other, 'src', 'lib'), { recursive: true });
    writeFileSync(path.join(other, 'src', 'main.ts'), "export { value as answer } from './lib/value.ts';\n");
    writeFileSync(path.join(other, 'src', 'lib', 'value.ts'), "export const value = 'other';\n");
    const theirs: string = await bundled('src/main.ts', { root: other, cacheDir });
    expect(theirs).not.toBe(mine);
    // Neither build undoes the other.
    expect(await bundled('src/main.ts', { root, cacheDir })).toBe(mine);
    expect((await import(mine)).answer).toBe('first');
    expect((await import(theirs)).answer).toBe('other');
  });

  it('gives null when the entry does not build', async () => {
    writeFileSync(path.join(root, 'src', 'main.ts'), 'export const = ;\n');
    expect(await bundled('src/main.ts', { root, cacheDir })).toBeNull();
  });
});

describe('the meetgraph command', () => {
  it('builds: its one-file build loads and gives the command line', async () => {
    const url: string | null = await bundled('src/cli.ts');
    expect(url).not.toBeNull();
    const cli = await import(url!);
    expect(cli.buildProgram().commands.map((c: { name(): string }) => c.name())).toContain('serve');
  });

  it('runs the same from its one-file build and from the sources through tsx', async () => {
    const fromBuild = await runCli(['--help'], childEnv(null));
    const fromSources = await runCli(['--help'], childEnv(null, { MEETGRAPH_NO_BUNDLE: '1' }));
    expect(fromBuild.code).toBe(0);
    expect(fromBuild.stdout).toContain('Usage: meetgraph');
    expect(fromBuild.stdout).toBe(fromSources.stdout);
  });
});
