/**
 * `meetgraph serve`: ingest a notes folder and serve the web pages and the JSON API.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { resolveDataDir, resolveRegistryFiles } from '../config.js';
import { startServer } from '../server/server.js';
import { limitHeapGrowth } from '../server/heap-growth.js';
import { UserError } from '../cli.js';

interface ServeFlags {
  notes?: string;
  people?: string;
  projects?: string;
  port?: number;
  host: string;
  watch?: boolean;
  rateLimit?: number;
}

/** The example notes of the repository: what a fresh clone serves. */
const EXAMPLE_NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/notes');

/** Requests a minute: a whole number from 1 (the API rate limit per client address). */
function requestsPerMinute(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of requests a minute, at least 1');
  return Number(value);
}

function portNumber(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web pages and JSON API over a notes folder (ingested first)')
    .option('--notes <dir>', 'folder of Markdown notes (default NOTES_DIR, else examples/notes)')
    .option('--people <file>', 'people registry (default people.yml beside the notes)')
    .option('--projects <file>', 'projects registry (default projects.yml beside the notes)')
    .option('--port <n>', 'port to listen on (default PORT, else 3000)', portNumber)
    .option('--host <address>', 'address to bind; 0.0.0.0 exposes the server to the network', '127.0.0.1')
    .option('--watch', 're-ingest when a note is added, changed or deleted')
    .option('--rate-limit <n>', 'API requests a minute per client address (default MEETGRAPH_RATE_LIMIT, else 600)', requestsPerMinute)
    .action(async (flags: ServeFlags, command: Command) => {
      const notesDir = path.resolve(flags.notes ?? process.env.NOTES_DIR ?? EXAMPLE_NOTES);
      const dataDir = resolveDataDir(command.optsWithGlobals().data);
      const port = flags.port ?? (process.env.PORT ? portNumber(process.env.PORT) : 3000);
      const token = process.env.MEETGRAPH_TOKEN || null;
      const rateLimit = flags.rateLimit ?? (process.env.MEETGRAPH_RATE_LIMIT ? rateLimitFromEnv(process.env.MEETGRAPH_RATE_LIMIT) : undefined);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      limitHeapGrowth();
      out(`meetgraph: ingesting ${notesDir} …`);
      const running = await startServer({
        notesDir,
        dataDir,
        ...resolveRegistryFiles(notesDir, flags),
        port,
        host: flags.host,
        watch: flags.watch,
        token,
        rateLimit: rateLimit === undefined ? undefined : { limit: rateLimit },
      });
      const counts = running.state.view.graph;
      const health = running.state.storeLink;
      out(`meetgraph: ${counts.meetings.length} meetings, ${counts.discussions.length} discussions, ${counts.people.length} people, ${counts.projects.length} projects (store: ${health.kind ?? 'unavailable, retrying'}, data: ${dataDir})`);
      if (flags.watch) out(`meetgraph: watching ${notesDir} for changes`);
      const wildcard = flags.host === '0.0.0.0' || flags.host === '::';
      out(`meetgraph: serving on ${running.url}${wildcard ? ` (all addresses; e.g. http://127.0.0.1:${new URL(running.url).port})` : ''}`);
      if (flags.host !== '127.0.0.1' && flags.host !== 'localhost' && flags.host !== '::1' && !token) {
        out('meetgraph: warning: reachable from the network without a token; set MEETGRAPH_TOKEN to require one');
      }
      if (token) out('meetgraph: API requests need the token (MEETGRAPH_TOKEN); open the pages with ?token=… once');
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          out('meetgraph: stopping');
          running.close().finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

function rateLimitFromEnv(value: string): number {
  try {
    return requestsPerMinute(value);
  } catch (err) {
    throw new UserError(`MEETGRAPH_RATE_LIMIT: ${(err as Error).message}, not "${value}"`);
  }
}
