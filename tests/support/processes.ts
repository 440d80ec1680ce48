/**
 * Child processes for the fault tests: the `meetgraph` CLI run as a user runs it, a free loopback
 * port, and a Neo4j server of the test's own (scripts/neo4j.js), which the test may stop or kill
 * without disturbing the server the other suites share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../../bench/lib/server.js';

export { freePort };

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The environment of a child: this process's, without a Neo4j unless `neo4jUri` names one. */
export function childEnv(neo4jUri: string | null, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NEO4J_URI;
  delete env.MEETGRAPH_DATA;
  if (neo4jUri) env.NEO4J_URI = neo4jUri;
  return env;
}

/** A running `meetgraph` command: its output so far and its exit. */
export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `node src/bin.js <args>` in the repository. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): CliRun {
  const child = spawn(process.execPath, ['src/bin.js', ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs a `meetgraph` command to its end, killing it after `timeoutMs`. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000) {
  const run = startCli(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  try {
    return await run.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `condition` holds (polling), or fails naming what was awaited. */
export async function waitFor<T>(what: string, condition: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A Neo4j server started by a test (see scripts/neo4j.js `startNeo4j`). */
export interface OwnNeo4j {
  uri: string;
  /** The Java process: what a fault test kills. */
  pid: number;
  dataDir: string;
  /** Stops it cleanly (a no-op once it has died). */
  stop(): Promise<void>;
}

interface Neo4jScript {
  startNeo4j(options: { port: number; httpPort?: number; dataDir: string; quickStart?: boolean; readyTimeoutMs?: number }): Promise<OwnNeo4j>;
}

/**
 * Starts a Neo4j of the test's own on `port` with `dataDir` as its home (a data directory left by
 * a killed server is recovered on start). It stops with the test process at the latest.
 */
export async function startOwnNeo4j(port: number, dataDir: string): Promise<OwnNeo4j> {
  const script = (await import(pathToFileURL(path.join(REPO, 'scripts/neo4j.js')).href)) as Neo4jScript;
  return script.startNeo4j({ port, httpPort: -1, dataDir, quickStart: true, readyTimeoutMs: 5 * 60_000 });
}
