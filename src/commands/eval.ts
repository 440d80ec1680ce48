/**
 * `meetgraph eval`: scores extraction against hand-made ground truth (precision, recall, F1 for
 * attendees, section people, section projects and owners), with the errors so a developer can
 * see what went wrong.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { ingestFolder } from '../../ingest/index.js';
import { loadRegistry } from '../../ingest/registry.js';
import { loadGold, scoreExtraction, type ExtractionScores } from '../eval/extraction.js';
import { resolveRegistryFiles } from '../config.js';

interface EvalFlags {
  notes: string;
  gold: string;
  people?: string;
  projects?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('score extraction against ground truth: precision, recall and F1 per kind of fact')
    .requiredOption('--notes <dir>', 'folder of notes')
    .requiredOption('--gold <dir>', 'folder of ground-truth JSON files, one per meeting')
    .option('--people <file>', 'people registry')
    .option('--projects <file>', 'projects registry (only its projects are scored)')
    .option('--json', 'print scores and errors as JSON')
    .action(async (flags: EvalFlags) => {
      const scores = await evaluate(flags);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
        return;
      }
      for (const [kind, s] of Object.entries(scores)) {
        process.stdout.write(`${kind.padEnd(10)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n`);
      }
    });
}

export async function evaluate(flags: EvalFlags): Promise<ExtractionScores> {
  const notesDir = path.resolve(flags.notes);
  const registries = resolveRegistryFiles(notesDir, flags);
  const graph = await ingestFolder(notesDir, { ...registries, topics: false });
  const registryProjects = registries.projectsFile ? new Set(loadRegistry(registries.projectsFile).map((e) => e.name)) : null;
  return scoreExtraction(graph, loadGold(path.resolve(flags.gold)), registryProjects);
}
