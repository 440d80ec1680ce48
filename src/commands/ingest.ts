/**
 * `meetgraph ingest <notes-dir>`: notes → graph → store and search index, with a progress bar on a
 * terminal and a summary that lists every warning with its file and line.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import path from 'node:path';
import { resolveDataDir, resolveRegistryFiles, neo4jConfigFromEnv } from '../config.js';
import { openStore } from '../store/index.js';
import { discardedSnapshotNotice } from '../store/discarded-snapshot.js';
import { runIngest, type IngestRunResult } from '../ingest-run.js';
import type { IngestWarning } from '../domain.js';
import { UserError } from '../cli.js';

interface IngestFlags {
  people?: string;
  projects?: string;
  json?: boolean;
  strict?: boolean;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read a folder of meeting notes into the graph store and the search index')
    .argument('<notes-dir>', 'folder of Markdown notes (people.yml / projects.yml beside them are used)')
    .option('--people <file>', 'people registry: canonical names and aliases (YAML list of {name, aliases})')
    .option('--projects <file>', 'projects registry (YAML list of {name, aliases})')
    .option('--json', 'print the summary as JSON')
    .option('--strict', 'exit with status 1 when any note was skipped')
    .action(async (notesDir: string, flags: IngestFlags, cmd: Command) => {
      const globals = cmd.optsWithGlobals() as { data?: string };
      const code = await ingestCommand(path.resolve(notesDir), resolveDataDir(globals.data), flags);
      process.exitCode = code;
    });
}

export async function ingestCommand(notesDir: string, dataDir: string, flags: IngestFlags): Promise<number> {
  const registries = resolveRegistryFiles(notesDir, flags);
  const store = await openStore({
    dataDir,
    neo4j: neo4jConfigFromEnv(),
    discardCorruptSnapshot: true,
    onDiscardCorruptSnapshot: (problem) => process.stderr.write(`meetgraph: ${discardedSnapshotNotice(problem)}\n`),
  });
  const bar = process.stderr.isTTY && !flags.json
    ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  let result: IngestRunResult;
  try {
    result = await runIngest({
      notesDir,
      dataDir,
      ...registries,
      store,
      onProgress: (done, total, file) => {
        if (!bar) return;
        if (done === 1 || done === total) bar.start(total, 0, { file: '' });
        bar.update(done, { file });
      },
    });
  } finally {
    bar?.stop();
    await store.close();
  }
  const { graph } = result;
  const skipped = graph.warnings.filter((w) => w.kind === 'skipped');
  const summary = {
    notesDir,
    dataDir,
    store: store.kind,
    registries,
    meetings: graph.meetings.length,
    discussions: graph.discussions.length,
    people: graph.people.length,
    projects: graph.projects.length,
    topics: graph.topics.length,
    actionItems: graph.actionItems.length,
    references: graph.references.length,
    skipped: skipped.length,
    reused: result.reused,
    load: result.load,
    timingsMs: Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v)])),
    warnings: graph.warnings,
    projectCandidates: graph.projectCandidates.slice(0, 50),
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary, graph.warnings);
  if (graph.meetings.length === 0) {
    throw new UserError(`nothing could be ingested from ${notesDir}${skipped.length ? ` (${skipped.length} notes skipped)` : ' (no .md notes found)'}`);
  }
  return flags.strict && skipped.length ? 1 : 0;
}

function printSummary(s: { meetings: number; discussions: number; people: number; projects: number; topics: number; actionItems: number; references: number; store: string; dataDir: string; reused: boolean; timingsMs: Record<string, number>; projectCandidates: Array<{ name: string; count: number }> }, warnings: IngestWarning[]): void {
  const out = process.stdout;
  out.write(`${s.reused ? 'unchanged since the last ingest' : 'ingested'}: ${s.meetings} meetings, ${s.discussions} discussions, ${s.people} people, ${s.projects} projects, ${s.topics} topics, ${s.actionItems} action items, ${s.references} references\n`);
  out.write(`store: ${s.store}, data: ${s.dataDir}, ${s.timingsMs.totalMs} ms\n`);
  const order: IngestWarning['kind'][] = ['skipped', 'partial', 'no-date', 'duplicate-date', 'registry', 'ambiguous', 'unresolved'];
  for (const kind of order) {
    const list = warnings.filter((w) => w.kind === kind);
    if (!list.length) continue;
    out.write(`\n${kind} (${list.length}):\n`);
    for (const w of list) out.write(`  ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}\n`);
  }
  if (s.projectCandidates.length) {
    out.write(`\nproject candidates (add to projects.yml to promote): ${s.projectCandidates.slice(0, 15).map((c) => `${c.name} (${c.count})`).join(', ')}\n`);
  }
}
