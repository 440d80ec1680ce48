/**
 * Starting servers for the API and browser tests: in-process, on a free port, over a notes folder
 * with a data directory of its own.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { resolveRegistryFiles } from '../../src/config.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server.js';
import { SHARED } from '../support/shared.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_NOTES = path.join(REPO, 'examples/notes');
export const MIRAGE = {
  notesDir: path.join(SHARED, 'corpus/mirage-weekly'),
  peopleFile: path.join(SHARED, 'corpus/mirage-weekly.people.yml'),
  projectsFile: path.join(SHARED, 'corpus/mirage-weekly.projects.yml'),
};

/** A fresh temporary folder; removed by `cleanup()`. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `meetgraph-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a notes folder that a test may change. */
export function copyNotes(from: string): { dir: string; cleanup: () => void } {
  const t = tempDir('notes');
  cpSync(from, t.dir, { recursive: true });
  return t;
}

export interface TestServer extends RunningServer {
  get(pathAndQuery: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any; text: string }>;
}

/**
 * Starts a server on 127.0.0.1 and a free port with a temporary data dir; like `meetgraph serve`,
 * people.yml / projects.yml beside the notes are used unless others are given. The store is the
 * embedded one unless `neo4j` says otherwise (`npm test` sets NEO4J_URI for every suite, and these
 * suites must not depend on it).
 */
export async function startTestServer(options: Partial<ServerOptions> & { notesDir: string }): Promise<TestServer> {
  const data = tempDir('data');
  const running = await startServer({
    dataDir: data.dir,
    port: 0,
    token: null,
    rateLimit: { limit: 100_000 },
    log: () => undefined,
    neo4j: null,
    ...resolveRegistryFiles(options.notesDir, { people: options.peopleFile, projects: options.projectsFile }),
    ...options,
  });
  return {
    ...running,
    get: (p, init) => fetchJson(running.url, p, init),
    async close() {
      await running.close();
      data.cleanup();
    },
  };
}

export async function fetchJson(base: string, p: string, init?: RequestInit) {
  const res = await fetch(`${base}${p}`, init);
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Listens with an app on a free port (for apps built with other options over the same state). */
export async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A GET with the request target sent exactly as given (no URL normalisation by the client). */
export function rawGet(base: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: target, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}
