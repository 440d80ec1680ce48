/**
 * A `meetgraph serve` child process for the benchmarks: started on a free loopback port over a
 * notes folder and a data directory, polled over HTTP, stopped by its process id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './datasets.js';

export interface ServeOptions {
  notesDir: string;
  dataDir: string;
  peopleFile?: string;
  projectsFile?: string;
  watch?: boolean;
  /** API requests a minute per client address (`--rate-limit`); the server's default is 600. */
  rateLimit?: number;
  /** The Neo4j of NEO4J_URI as the store; by default the embedded store. */
  neo4j?: boolean;
}

export class ServerProcess {
  private exited: string | null = null;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-4000)));
    child.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-4000)));
    child.on('exit', (code, signal) => (this.exited = `exit code ${code ?? signal}`));
  }

  /** Spawns the server (with the embedded store unless `neo4j`: NEO4J_URI is then removed from its environment). */
  static async start(options: ServeOptions): Promise<ServerProcess> {
    const port = await freePort();
    const args = [path.join(repoRoot, 'src/bin.js'), '--data', options.dataDir, 'serve', '--notes', options.notesDir, '--port', String(port)];
    if (options.peopleFile) args.push('--people', options.peopleFile);
    if (options.projectsFile) args.push('--projects', options.projectsFile);
    if (options.watch) args.push('--watch');
    if (options.rateLimit !== undefined) args.push('--rate-limit', String(options.rateLimit));
    const env = { ...process.env };
    if (!options.neo4j) delete env.NEO4J_URI;
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new ServerProcess(child, `http://127.0.0.1:${port}`);
  }

  /** Polls `path` every `everyMs` until `accept` says yes; resolves with the answer's JSON. */
  async poll<T>(urlPath: string, accept: (status: number, body: T | null) => boolean, timeoutMs: number, everyMs = 10): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.exited) throw new Error(`server stopped (${this.exited}):\n${this.output}`);
      try {
        const res = await fetch(this.baseUrl + urlPath);
        // A poll that outruns the server's rate limit would wait for the next window and time
        // that wait as the server's: refuse instead.
        if (res.status === 429) throw new RateLimited(urlPath);
        const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as T) : null;
        if (accept(res.status, body)) return body as T;
      } catch (err) {
        if (err instanceof RateLimited) throw err;
        // not listening yet
      }
      if (performance.now() > deadline) throw new Error(`no answer from ${urlPath} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }

  /**
   * The process's resident set now and at its peak so far, in bytes (Linux's `/proc`); null
   * where that cannot be read.
   */
  memory(): { rss: number; peak: number } | null {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      const memory = { rss: kb('VmRSS'), peak: kb('VmHWM') };
      return Number.isFinite(memory.rss) && Number.isFinite(memory.peak) ? memory : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    if (this.exited || this.child.pid === undefined) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
}

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

class RateLimited extends Error {
  constructor(urlPath: string) {
    super(`${urlPath}: the server's rate limit answered 429; start it with a higher rateLimit`);
  }
}
