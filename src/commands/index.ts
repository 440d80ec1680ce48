import type { Command } from 'commander';
import { register as registerIngest } from './ingest.js';
import { register as registerEval } from './eval.js';
import { register as registerSearch } from './search.js';
import { register as registerAsk } from './ask.js';
import { register as registerEvalQuestions } from './eval-questions.js';
import { register as registerServe } from './serve.js';

/** Every CLI command, in the order `--help` lists them. Each module exports `register(program)`. */
export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}

const commands: Array<(program: Command) => void> = [registerIngest, registerEval, registerSearch, registerAsk, registerEvalQuestions, registerServe];
