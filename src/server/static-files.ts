/**
 * The web pages: files under `web/`, plus an allow-list of browser builds from node_modules served
 * from our own origin under `/vendor/` (no page loads anything from elsewhere). Nothing outside
 * these is reachable: `express.static` refuses paths that climb out of `web/`, and `/vendor/`
 * answers only the names listed here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** `web/` of the repository. */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

const require = createRequire(import.meta.url);

/** Vendor file name under /vendor/ → [package, file inside the package's dist folder]. */
const VENDOR_FILES: Record<string, [string, string]> = {
  'cytoscape.esm.min.mjs': ['cytoscape', 'cytoscape.esm.min.mjs'],
  'chart.umd.min.js': ['chart.js', 'chart.umd.min.js'],
};

function vendorPath(name: string): string | null {
  const entry = Object.hasOwn(VENDOR_FILES, name) ? VENDOR_FILES[name] : undefined;
  if (!entry) return null;
  const [pkg, file] = entry;
  // Both packages keep their browser builds beside their main entry, in dist/.
  return path.join(path.dirname(require.resolve(pkg)), file);
}

export function staticFiles(webDir: string = WEB_DIR): Router {
  const router = express.Router();
  router.get('/vendor/:name', (req, res, next) => {
    const file = vendorPath(req.params.name);
    if (!file) return next();
    res.sendFile(file, { maxAge: '1d', dotfiles: 'deny' }, (err) => {
      if (err) next();
    });
  });
  router.use(
    express.static(webDir, {
      dotfiles: 'ignore',
      index: 'index.html',
      redirect: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
