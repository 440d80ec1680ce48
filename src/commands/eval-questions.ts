/**
 * `meetgraph eval-questions --questions FILE`: asks every question of a questions file and scores
 * the answers as the file's `format` says; prints each question's pass/fail and the accuracy.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../cli.js';
import { resolveDataDir } from '../config.js';
import { openAsker } from '../ask/index.js';
import { evaluateQuestions, loadQuestions, type EvaluationReport } from '../ask/evaluate.js';

interface EvalQuestionsFlags {
  questions: string;
  json?: boolean;
  minAccuracy?: number;
}

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

export function register(program: Command): void {
  program
    .command('eval-questions')
    .description('score the answers to a file of history questions with expected answers')
    .requiredOption('--questions <file>', 'questions file: {format, questions: [{id, question, kind, expect}]}')
    .option('--json', 'print the full report as JSON')
    .option('--min-accuracy <share>', 'exit with status 1 when the accuracy is below this (0-1)', share)
    .action(async (flags: EvalQuestionsFlags, command: Command) => {
      let file;
      try {
        file = await loadQuestions(flags.questions);
      } catch (err) {
        throw new UserError((err as Error).message);
      }
      const { asker, close } = await openAsker(resolveDataDir(command.optsWithGlobals().data));
      let report: EvaluationReport;
      try {
        report = await evaluateQuestions(file, (q) => asker.ask(q));
      } finally {
        await close();
      }
      process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      if (flags.minAccuracy !== undefined && report.accuracy < flags.minAccuracy) process.exitCode = 1;
    });
}

export function formatReport(r: EvaluationReport): string {
  const lines = r.results.map(
    (q) => `${q.pass ? 'PASS' : 'FAIL'}  ${q.id}  ${q.question}\n      ${q.interpretation}\n      ${q.detail}`,
  );
  lines.push('', `${r.passed}/${r.total} passed, accuracy ${r.accuracy.toFixed(3)}`);
  return `${lines.join('\n')}\n`;
}
