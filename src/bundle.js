// The TypeScript sources of an entry (the command line, an ingest worker) as one JavaScript
// module, built on the first start and again after any of them changes, into
// node_modules/.cache/meetgraph/.
//
// Why: loaded one by one through tsx, the command line's sources (some 110 modules) took
// 0.6–0.8 s of every start, the loader handing each module between threads; the one-file build
// loads without that.
// Packages stay outside the build and load as they do anyway. Each module's `import.meta.url`
// stays its own file's, so that the paths it resolves (queries/, web/, the ingest worker) do not
// move. A build that cannot be made or checked leaves the caller to load the sources through tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Hash of the files a build was made from, as `read` gives them (the disk by default); null
 * when one is gone.
 */
function hashOf(root, inputs, read = (file) => readFileSync(path.join(root, file))) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    try {
      hash.update(input).update('\0').update(read(input)).update('\0');
    } catch {
      return null;
    }
  }
  return hash.digest('hex');
}

/**
 * Replaces `import.meta.url` in each source with that source's own URL, and keeps what it read
 * in `seen` (path from the root → text): the build's hash is of what went into it.
 */
const ownModuleUrls = (root, seen) => ({
  name: 'own-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      seen.set(path.relative(root, args.path).split(path.sep).join('/'), text);
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
});

/**
 * The URL of the one-file build of `entry` (a path from `root`, the project's by default), made
 * now if the sources changed since the last build; null when it cannot be had.
 */
export async function bundled(entry, { root = projectRoot, cacheDir = path.join(root, 'node_modules', '.cache', 'meetgraph') } = {}) {
  // Named by the root too: two checkouts may share one node_modules (a symbolic link).
  const name = `${entry.replace(/[^\w]+/g, '-')}-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`;
  const manifestFile = path.join(cacheDir, `${name}.json`);
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const file = path.join(cacheDir, manifest.file);
    if (manifest.hash && existsSync(file) && hashOf(root, manifest.inputs) === manifest.hash) return pathToFileURL(file).href;
  } catch {
    // No build yet, or an unreadable one: make it.
  }
  try {
    const { build } = await import('esbuild');
    mkdirSync(cacheDir, { recursive: true });
    const seen = new Map();
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      sourcemap: 'inline',
      sourcesContent: false,
      outfile: path.join(cacheDir, `${name}.mjs`),
      plugins: [ownModuleUrls(root, seen)],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).sort();
    const hash = hashOf(root, inputs, (file) => seen.get(file) ?? readFileSync(path.join(root, file)));
    if (!hash) return null;
    // Every start may build at once (tests start many): each writes its own files, then renames.
    const file = `${name}-${hash.slice(0, 16)}.mjs`;
    const temp = `.${process.pid}-${Date.now()}`;
    writeFileSync(path.join(cacheDir, file + temp), result.outputFiles[0].contents);
    renameSync(path.join(cacheDir, file + temp), path.join(cacheDir, file));
    writeFileSync(manifestFile + temp, JSON.stringify({ entry, file, hash, inputs }));
    renameSync(manifestFile + temp, manifestFile);
    // Earlier builds: a start that read the manifest before this one may still be loading one, and
    // falls back to the sources if it is gone (importSources).
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith(`${name}-`) && old.endsWith('.mjs') && old !== file) rmSync(path.join(cacheDir, old), { force: true });
    }
    return pathToFileURL(path.join(cacheDir, file)).href;
  } catch {
    return null;
  }
}

/**
 * Imports `entry` (a TypeScript source, as a path from the project's root) from its one-file
 * build, or through tsx when that cannot be had or MEETGRAPH_NO_BUNDLE is set.
 */
export async function importSources(entry) {
  const built = process.env.MEETGRAPH_NO_BUNDLE ? null : await bundled(entry);
  if (built) {
    try {
      return await import(built);
    } catch (err) {
      // Removed by a newer build meanwhile, or failing as it loads: the sources say which.
      if (process.env.MEETGRAPH_DEBUG) process.stderr.write(`meetgraph: the one-file build of ${entry} did not load (${err?.message}); loading the sources\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(projectRoot, entry)).href);
}
