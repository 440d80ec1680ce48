/**
 * Action items with owners: who took on, was handed, or reports leading a concrete piece of work.
 * Reads the sentences of one discussion with their resolved people and projects; the owner is a
 * person named as the subject of a commitment ("X will …", "X to …", "X has a PR to …"), the
 * speaker of a first-person commitment ("Anil: I'll look at it"), or the person a suggestion is
 * handed to ("Y suggested something that X would look into").
 */
import type { ActionStatus } from '../src/domain.js';
import type { ActionCandidate, AnnotatedSentence } from './extract.js';

export interface ActionContext {
  heading: string;
  /** The person named in the heading's brackets (`Jenga (Dave Scott)`), if any. */
  presenter: number | null;
  file: string;
}

/** Commitment phrases right after a subject, with the status they imply. */
const COMMITMENTS: Array<{ re: RegExp; status: ActionStatus }> = [
  { re: /^(?:will|'ll|’ll|shall|is going to|are going to|to|would|could|should|can|has agreed to|agreed to|offered to|volunteered to|promised to|plans? to|intends? to|wants? to|hopes? to|is planning to|is happy to|said (?:he|she|they)(?:'d| would| will)|says (?:he|she|they)(?:'ll| will))\b/i, status: 'todo' },
  { re: /^(?:is|are|has been|have been|was|were|been|also|currently|still|now)?\s*(?:working on|looking (?:at|into)|investigating|leading|driving|handling|writing|building|porting|implementing|preparing|organising|organizing|maintaining|coordinating|fixing|testing|running|experimenting)\b/i, status: 'ongoing' },
  { re: /^(?:has|have) (?:a |an )?(?:PR|pull request|patch|branch|prototype|draft|fork)\b/i, status: 'ongoing' },
  { re: /^(?:has|have|had)?\s*(?:now\s+)?(?:done|finished|completed|released|merged|fixed|written|wrote|published|shipped|landed|sent|submitted|added|implemented|ported|created|set up|got|made|updated|rewritten|refactored|pushed|uploaded|booked|started|began)\b/i, status: 'done' },
  { re: /^(?:takes?|took|take) (?:on|over|the lead|ownership|charge)\b/i, status: 'todo' },
  { re: /^(?:leads?|owns?|maintains?)\b/i, status: 'ongoing' },
];

const FIRST_PERSON = /^(?:I|I'll|I’ll|I will|I'm|I’m|I am|I've|I’ve|will|'ll|going to|working on|looking at|have|has)\b/i;
const HANDOFF = /\b(?:that|which|and)\s*$/i;

function statusOf(rest: string): ActionStatus | null {
  const r = rest.replace(/^[\s,]*(?:also|then|now|just|probably|hopefully|definitely|soon|already)\s+/i, '').trim();
  for (const c of COMMITMENTS) if (c.re.test(r)) return c.status;
  return null;
}

function taskText(rest: string): string {
  return rest.replace(/^\s*[:,-]?\s*/, '').replace(/\s+/g, ' ').slice(0, 200).trim();
}

/** The action items of one discussion. */
export function extractActionItems(sentences: AnnotatedSentence[], ctx: ActionContext): ActionCandidate[] {
  const out: ActionCandidate[] = [];
  const seen = new Set<string>();
  const add = (owner: number, rest: string, status: ActionStatus, s: AnnotatedSentence) => {
    const key = `${owner}|${s.line}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      owner,
      task: taskText(rest) || s.display.slice(0, 200),
      status,
      projects: [...new Set(s.projects.map((p) => p.key))],
      evidence: { file: ctx.file, line: s.line, sentence: s.display.slice(0, 400) },
    });
  };
  for (const s of sentences) {
    // A person as the subject of a commitment.
    for (const p of s.people) {
      const before = s.text.slice(0, p.start);
      const rest = s.text.slice(p.end).replace(/^['’]s\b/, '');
      const clauseStart = /(^|[.;:!?]\s*|\b(?:and|but|so|then|while|whereas)\s+|[-–]\s+|\(\s*)$/i.test(before.trimEnd() === '' ? '' : before) || before.trim() === '';
      // "Y suggested something that X would look into": the handed-to person owns it.
      const handedTo = HANDOFF.test(before);
      if (!clauseStart && !handedTo) continue;
      const joint = /^\s*(?:and|&|\/)\s*[\p{Lu}@]/u.test(rest);
      if (joint) continue; // "Anil and Dave will …": each name is visited; the last one carries the verb
      const status = statusOf(rest);
      if (status) add(p.key, rest, status, s);
    }
    // Joint subjects: "Anil and Dave will …" — every name before the verb owns it.
    const joint = /^([\p{Lu}@][^.;:]*?)\s+(?:will|to|are going to|are working on|have)\b/u.exec(s.text);
    if (joint) {
      const owners = s.people.filter((p) => p.end <= joint[1].length);
      const rest = s.text.slice(joint[1].length);
      const status = statusOf(rest);
      if (owners.length > 1 && status) for (const o of owners) add(o.key, rest, status, s);
    }
    // A speaker's first-person commitment.
    if (s.speaker !== null) {
      const body = s.text.replace(/^[^:]*:\s*/, '');
      if (FIRST_PERSON.test(body)) {
        const rest = body.replace(/^(?:I|I'll|I’ll|I'm|I’m|I am|I've|I’ve)\s*/i, '');
        const status = statusOf(/^'ll|’ll/.test(body.slice(1)) ? `will ${rest}` : rest) ?? (/\b(will|'ll|going to)\b/i.test(body) ? 'todo' : null);
        if (status) add(s.speaker, rest, status, s);
      }
    }
  }
  void ctx.presenter;
  return out;
}
