/**
 * `meetgraph ask "<question>"`: a plain-English question about the meetings' history.
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../config.js';
import { openAsker, type Answer } from '../ask/index.js';

export function register(program: Command): void {
  program
    .command('ask')
    .description('ask a question about the history, e.g. "Who discussed the website with Ada?"')
    .argument('<question>', 'the question, in plain English')
    .option('--json', 'print the answer as JSON (with the query that produced it)')
    .action(async (question: string, flags: { json?: boolean }, command: Command) => {
      const { asker, close } = await openAsker(resolveDataDir(command.optsWithGlobals().data));
      try {
        const answer = await asker.ask(question);
        process.stdout.write(flags.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
      } finally {
        await close();
      }
    });
}

/** The answer as terminal text: the interpretation, then one line per item. */
export function formatAnswer(a: Answer): string {
  const lines = [a.interpretation];
  if (a.kind !== 'none') lines.push('');
  for (const item of a.items as unknown as Array<Record<string, unknown>>) {
    switch (a.kind) {
      case 'discussions': {
        const who = (item.people as string[]).join(', ');
        lines.push(`${item.meeting}  ${item.heading || '(untitled)'}${who ? `  [${who}]` : ''}`);
        break;
      }
      case 'meetings':
        lines.push(`${item.meeting}  ${item.title}`);
        break;
      case 'people':
      case 'projects':
      case 'topics':
        lines.push(`${item.name} (${item.count})`);
        break;
      case 'actions': {
        const projects = (item.projects as string[]).join(', ');
        lines.push(`${item.meeting}  ${item.person}: ${item.task} [${item.status}]${projects ? ` (${projects})` : ''}`);
        break;
      }
      case 'count':
        lines.push(String(item.value));
        break;
      case 'date':
        lines.push(String(item.meeting));
        break;
      case 'series':
        lines.push(`${item.period}  ${item.value}`);
        break;
    }
  }
  if (a.kind !== 'none' && !a.items.length) lines.push('(nothing found)');
  return `${lines.join('\n')}\n`;
}
