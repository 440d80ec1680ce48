/**
 * The `meetgraph` command line. Each command lives in `src/commands/<name>.ts` and registers
 * itself on the program; this file only assembles them and turns user errors into one line.
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';

export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }
}

export function buildProgram(): Command {
  const program = new Command('meetgraph')
    .description('Meeting notes turned into a knowledge graph and a search engine.')
    .option('--data <dir>', 'where ingest output, the embedded store and the index live (default .meetgraph/ or MEETGRAPH_DATA)')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode;
    }
    const e = err as Error;
    const known = ['UserError', 'ConfigError', 'StoreError', 'QueryError'].includes(e?.name);
    process.stderr.write(`meetgraph: ${e?.message ?? String(err)}\n`);
    if (!known && process.env.MEETGRAPH_DEBUG) process.stderr.write(`${e?.stack}\n`);
    return (err as UserError).exitCode ?? 1;
  }
}
