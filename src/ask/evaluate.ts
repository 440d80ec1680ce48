/**
 * Scoring answers against a questions file (`{format, questions: [{id, question, kind, expect}]}`),
 * following the rules its `format` states: list kinds compared as sets by key with an F1
 * threshold, `count` and `date` exact, `series` by the share of non-zero periods that agree.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Answer, AnswerKind } from './types.js';

const questionSchema = z.object({
  id: z.string(),
  family: z.string().optional(),
  question: z.string().min(1),
  kind: z.enum(['discussions', 'meetings', 'people', 'projects', 'topics', 'actions', 'count', 'date', 'series', 'none']),
  expect: z.array(z.record(z.string(), z.unknown())),
});

const fileSchema = z.object({
  format: z.string().default(''),
  questions: z.array(questionSchema),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

export interface QuestionsFile {
  format: string;
  questions: EvalQuestion[];
}

/** Thresholds of the scoring, read from the file's `format` text where it states them. */
export interface ScoringRules {
  /** A list answer passes at this F1 or above. */
  minF1: number;
  /** A series passes when at least this share of the non-zero periods agree. */
  minSeriesAgreement: number;
}

export const DEFAULT_RULES: ScoringRules = { minF1: 0.8, minSeriesAgreement: 0.8 };

export function rulesFromFormat(format: string): ScoringRules {
  const f1 = /F1\s*(?:>=|≥|of at least)\s*([0-9.]+)/i.exec(format);
  const share = /at least\s+([0-9.]+)\s*%\s+of the periods/i.exec(format);
  return {
    minF1: f1 ? Number(f1[1]) : DEFAULT_RULES.minF1,
    minSeriesAgreement: share ? Number(share[1]) / 100 : DEFAULT_RULES.minSeriesAgreement,
  };
}

/** Reads and validates a questions file; errors name the file and the offending field. */
export async function loadQuestions(file: string): Promise<QuestionsFile> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export interface QuestionScore {
  id: string;
  family?: string;
  question: string;
  expectedKind: AnswerKind;
  kind: AnswerKind;
  pass: boolean;
  /** F1 for list kinds, agreement share for series, 1/0 for exact kinds. */
  score: number;
  interpretation: string;
  detail: string;
}

export interface EvaluationReport {
  total: number;
  passed: number;
  accuracy: number;
  rules: ScoringRules;
  results: QuestionScore[];
}

const text = (v: unknown) => String(v ?? '').trim();
const fold = (v: unknown) => text(v).replace(/^#+|#+$/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The comparison key of an item of a list kind. */
function itemKey(kind: AnswerKind, item: Record<string, unknown>): string {
  switch (kind) {
    case 'discussions':
      return `${text(item.meeting)}|${fold(item.heading)}`;
    case 'meetings':
      return text(item.meeting);
    case 'people':
    case 'projects':
    case 'topics':
      return fold(item.name);
    case 'actions':
      return `${fold(item.person)}|${text(item.meeting)}`;
    default:
      return JSON.stringify(item);
  }
}

export function f1(expected: Set<string>, actual: Set<string>): number {
  if (!expected.size && !actual.size) return 1;
  let hits = 0;
  for (const k of actual) if (expected.has(k)) hits++;
  if (!hits) return 0;
  const precision = hits / actual.size;
  const recall = hits / expected.size;
  return (2 * precision * recall) / (precision + recall);
}

/** Scores one answer against the expected items of its question. */
export function scoreAnswer(q: EvalQuestion, answer: Answer, rules: ScoringRules = DEFAULT_RULES): QuestionScore {
  const base = {
    id: q.id,
    family: q.family,
    question: q.question,
    expectedKind: q.kind,
    kind: answer.kind,
    interpretation: answer.interpretation,
  };
  if (answer.kind !== q.kind) {
    return { ...base, pass: false, score: 0, detail: `expected a ${q.kind} answer, got ${answer.kind}` };
  }
  const items = answer.items as unknown as Array<Record<string, unknown>>;
  switch (q.kind) {
    case 'count':
    case 'date': {
      const field = q.kind === 'count' ? 'value' : 'meeting';
      const want = q.expect.map((e) => text(e[field]));
      const got = items.map((e) => text(e[field]));
      const pass = want.length === got.length && want.every((w, i) => w === got[i]);
      return { ...base, pass, score: pass ? 1 : 0, detail: `expected ${want.join(', ') || '(none)'}, got ${got.join(', ') || '(none)'}` };
    }
    case 'series': {
      const toMap = (list: Array<Record<string, unknown>>) =>
        new Map(list.filter((e) => Number(e.value) !== 0).map((e) => [text(e.period), Number(e.value)]));
      const want = toMap(q.expect);
      const got = toMap(items);
      const periods = new Set([...want.keys(), ...got.keys()]);
      const agree = [...periods].filter((p) => want.get(p) === got.get(p)).length;
      const share = periods.size ? agree / periods.size : 1;
      const differ = [...periods].filter((p) => want.get(p) !== got.get(p)).map((p) => `${p}: ${want.get(p) ?? 0}≠${got.get(p) ?? 0}`);
      return {
        ...base,
        pass: share >= rules.minSeriesAgreement,
        score: share,
        detail: `${agree}/${periods.size} periods agree${differ.length ? ` (${differ.slice(0, 6).join(', ')})` : ''}`,
      };
    }
    case 'none':
      return { ...base, pass: true, score: 1, detail: 'no answer expected' };
    default: {
      const want = new Set(q.expect.map((e) => itemKey(q.kind, e)));
      const got = new Set(items.map((e) => itemKey(q.kind, e)));
      const score = f1(want, got);
      const missing = [...want].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !want.has(k));
      return {
        ...base,
        pass: score >= rules.minF1,
        score,
        detail: `F1 ${score.toFixed(2)} (${want.size} expected, ${got.size} given; missing ${missing.length}${missing.length ? `: ${missing.slice(0, 4).join('; ')}` : ''}; extra ${extra.length}${extra.length ? `: ${extra.slice(0, 4).join('; ')}` : ''})`,
      };
    }
  }
}

/** Asks every question of the file and scores the answers. */
export async function evaluateQuestions(
  file: QuestionsFile,
  ask: (question: string) => Promise<Answer>,
): Promise<EvaluationReport> {
  const rules = rulesFromFormat(file.format);
  const results: QuestionScore[] = [];
  for (const q of file.questions) results.push(scoreAnswer(q, await ask(q.question), rules));
  const passed = results.filter((r) => r.pass).length;
  return { total: results.length, passed, accuracy: results.length ? passed / results.length : 0, rules, results };
}
