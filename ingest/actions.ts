/**
 * Action items with owners: who took on, was handed, or reports leading a concrete piece of work.
 * Reads the sentences of one discussion with their resolved people and projects, and finds the
 * people who are the subject of a verb phrase of work (`predicate.ts`):
 * - a named subject: "X will …", "X has a PR to …", "X and Y are working on …", "X to …" (agenda
 *   style), "Y suggested that X look into …", "the work X did on …";
 * - a speaker's turn (`Ann: I'll look at it`, `Vic/Ben: look at …`), where "I", "he" and a
 *   sentence with no subject of its own ("Will start on it next week") mean the speaker;
 * - a pronoun or a missing subject continuing the last person named as a subject ("Ben has been
 *   working on X. Also fixed Y.");
 * - the person behind a piece of work: "X's work on …", "… was written by X", "thanks to X",
 *   "for X to pick up", "asked X to …", co-workers ("working with X on …");
 * - an assignment list item (`- Docs (Jo)`).
 * Talk is not work: a person who only agrees, asks or points something out owns nothing.
 */
import type { ActionStatus } from '../src/domain.js';
import type { ActionCandidate, AnnotatedSentence, PersonInSentence } from './extract.js';
import type { SourceLine } from './parse.js';
import { WORK_NOUNS, isAdverb, isGerund, isPastForm, isProgressive, readPredicate, tagsOf, takesClause, tokenize, type Predicate, type Token } from './predicate.js';

export interface ActionContext {
  heading: string;
  /** The person named in the heading's brackets (`Parser (Ben Stone)`), if any. */
  presenter: number | null;
  file: string;
  /** The section's source lines: paragraph breaks and list items end a speaker's turn. */
  lines?: SourceLine[];
  /** Projects named in the heading: the work is about them when its sentence names none. */
  headingProjects?: number[];
}

/** People named side by side ("Ann and Ben", "Vic/Ben", "Ann, Max and Jo"). */
interface NameGroup {
  keys: number[];
  start: number;
  end: number;
}

/** Words after which a name starts a clause (so it is a subject, not an object). */
const CLAUSE_OPENERS = new Set([
  'and', 'but', 'so', 'then', 'that', 'which', 'who', 'while', 'whereas', 'as', 'because', 'since', 'once', 'when', 'until',
  'although', 'though', 'if', 'where', 'or', 'also', 'now', 'meanwhile', 'plus', 'overall', 'otherwise', 'unless', 'whether',
  'both', 'hence', 'thus', 'therefore', 'instead', 'however', 'anyway', 'currently', 'recently', 'today', 'yesterday',
]);
const CLAUSE_PUNCTUATION = /^[.;:!?(\u2014\u2013\-"*,[\]]$/;
/** "asked X to …", "wants X to …", "would like X to …": the work is handed to X. */
const HANDING_VERBS = new Set(['like', 'love', 'ask', 'asked', 'asks', 'want', 'wants', 'wanted', 'get', 'got', 'encourage', 'encouraged', 'invite', 'invited', 'tell', 'told', 'remind', 'reminded', 'need', 'needs', 'expect', 'expects', 'persuade', 'persuaded', 'convince', 'convinced', 'nominate', 'nominated', 'volunteer', 'volunteered']);
/** Verbs of shared work: "working with X on …" makes X a co-owner. */
const SHARED_WORK = new Set(['work', 'collaborate', 'team', 'pair', 'partner', 'coordinate', 'hack']);
/** Adverbs that may open a sentence that continues its subject ("Also fixed Y", "Previously demoed it"). */
const IMPLICIT_ADVERBS = new Set(['also', 'just', 'then', 'now', 'still', 'already', 'previously', 'recently', 'currently', 'probably', 'hopefully', 'definitely', 'eventually', 'finally', 'first', 'again', 'initially', 'later', 'soon', 'meanwhile', 'additionally', 'subsequently']);
const DONE_NOUNS = /^(?:changes|patch|patches|patchset|patchsets|commits?|fixes|prs?)$/;

/**
 * Who the sentences of a discussion are about, as they are read in order: the speakers of the
 * current turn and the people last named as a subject, whom "he", "they" or a sentence with no
 * subject of its own continue.
 */
class Discourse {
  /** Speakers of the current turn (`Ann: …` until the paragraph or list item ends). */
  turn: number[] | null = null;
  /** Whether the current turn has named a subject: until then "he" is the speaker. */
  namedInTurn = false;
  /** The people last named as a subject. */
  lastSubject: number[] | null;
  /** Sentences since lastSubject was named ("they" reaches back two sentences at most). */
  subjectAge = 0;
  // List depths where the turn and the subject were set: bullets nested deeper still belong to them.
  private turnIndent = -1;
  private subjectIndent = -1;

  /** The presenter named in the heading (`Parser (Ben Stone)`) is the subject of the section's subject-less reports. */
  constructor(presenter: number | null) {
    this.lastSubject = presenter !== null ? [presenter] : null;
  }

  nextSentence(block: 'item' | 'paragraph' | null, item: LineShape | undefined): void {
    this.subjectAge++;
    if (!block) return;
    const indent = block === 'item' ? item!.indent : -1;
    if (!(block === 'item' && indent > this.turnIndent)) this.turn = null;
    if (block === 'item' && !(indent > this.subjectIndent)) this.lastSubject = null;
  }

  openTurn(speakers: number[], item: LineShape | undefined): void {
    this.turn = speakers;
    this.namedInTurn = false;
    this.turnIndent = item?.isItem ? item.indent : -1;
  }

  nameSubject(keys: number[], item: LineShape | undefined): void {
    this.lastSubject = keys;
    this.subjectAge = 0;
    this.namedInTurn = true;
    this.subjectIndent = item?.indent ?? -1;
  }

  /** Whom a subject pronoun means; `rest` is the text after it. */
  pronoun(word: string, rest: string): number[] | null {
    if (word === 'i') return this.turn;
    // "we" is the speaker's only in a commitment: "Ann: we'll work with Ted next week".
    if (word === 'we') return this.turn && /^(?:'ll|will|'re going to|are going to)\b/.test(rest.replace(/’/g, "'").trimStart()) ? this.turn : null;
    if (word === 'they') return this.lastSubject && this.lastSubject.length > 1 && this.subjectAge <= 2 ? this.lastSubject : null;
    if (this.turn && !this.namedInTurn) return this.turn;
    return this.lastSubject?.length === 1 ? this.lastSubject : null;
  }
}

type Recorder = (owners: number[], status: ActionStatus, task: string) => void;

/** The action items of one discussion. */
export function extractActionItems(sentences: AnnotatedSentence[], ctx: ActionContext): ActionCandidate[] {
  const out: ActionCandidate[] = [];
  const layout = lineLayout(ctx.lines ?? []);
  const discourse = new Discourse(ctx.presenter);
  let prev: AnnotatedSentence | null = null;
  for (const s of sentences) {
    const item = layout.get(s.line);
    discourse.nextSentence(startsBlock(s, prev, layout), item);
    prev = s;
    // Nobody named, nobody speaking, nobody to continue: nothing here can have an owner.
    if (s.people.length === 0 && s.speaker === null && discourse.turn === null && discourse.lastSubject === null) continue;
    // One item per owner and sentence: the first reading of the sentence that names them wins.
    const owned = new Set<number>();
    const record: Recorder = (owners, status, task) => {
      if (status === 'done' && longAgo(task)) return;
      for (const owner of owners) {
        if (owned.has(owner)) continue;
        owned.add(owner);
        const named = [...new Set(s.projects.map((p) => p.key))];
        out.push({
          owner,
          task: taskText(task) || s.display.slice(0, 200),
          status,
          projects: named.length ? named : [...(ctx.headingProjects ?? [])],
          evidence: { file: ctx.file, line: s.line, sentence: s.display.slice(0, 400) },
        });
      }
    };
    readSentence(s, item, discourse, record);
  }
  return out;
}

/**
 * "have played with this a couple of years ago": history told for context, not work reported to
 * the meeting. Only the task's first clause counts ("…, as we did years ago" is about something else).
 */
function longAgo(task: string): boolean {
  const clause = task.split(/[,;:—–]|\s-\s/, 1)[0];
  return /\b(?:years|decades)\s+ago\b/i.test(clause);
}

/** One sentence: its speaker prefix, its subject-less opening, then every name and pronoun in order. */
function readSentence(s: AnnotatedSentence, item: LineShape | undefined, d: Discourse, record: Recorder): void {
  const tokens = tokenize(s.text);
  const groups = nameGroups(s.text, s.people);

  // A speaker prefix opens a turn: `Ann: …`, `*Jo*: …`, `Vic/Ben: …`.
  let bodyStart = 0;
  if (s.speaker !== null) {
    d.openTurn([s.speaker], item);
    bodyStart = s.text.indexOf(':') + 1;
  } else if (groups.length && groups[0].start === 0 && /^\s*:/.test(s.text.slice(groups[0].end))) {
    d.openTurn(groups[0].keys, item);
    bodyStart = s.text.indexOf(':', groups[0].end) + 1;
    groups.shift();
  }
  const body = tokens.findIndex((t) => t.start >= bodyStart);
  if (body < 0) return;
  const inList = !!item?.isItem;

  // An assignment list item: "- Docs (Jo)", "- Auth (Hal/Dina): overview …".
  if (inList && s.speaker === null && groups.length) {
    const g = groups[0];
    if (/^[^()]{1,60}\(\s*$/.test(s.text.slice(0, g.start)) && /^\s*\)\s*(?::|$|[-–—])/.test(s.text.slice(g.end))) {
      record(g.keys, 'todo', s.text);
      return;
    }
  }
  // Questions ask; they take nothing on ("Can this connect with Dora's viewer?").
  if (/\?\s*\)?\s*$/.test(s.text)) return;

  const opening = openingOf(tokens, body);
  if (opening >= 0 && !startsWithName(tokens, opening, groups) && !isSubjectPronoun(tokens[opening])) {
    readSubjectless(s, tokens, opening, groups, inList && bodyStart > 0, d, record);
  }

  // Named people and pronouns, in the order they occur.
  const slots: Array<{ at: number; group?: NameGroup; pronoun?: number }> = [
    ...groups.filter((g) => g.start >= bodyStart).map((g) => ({ at: g.start, group: g })),
    ...tokens.flatMap((t, i) => (i >= body && isSubjectPronoun(t) ? [{ at: t.start, pronoun: i }] : [])),
  ].sort((x, y) => x.at - y.at);
  for (const slot of slots) {
    if (slot.pronoun !== undefined) readPronoun(s, tokens, slot.pronoun, body, groups, d, record);
    else readNameGroup(s, tokens, slot.group!, body, groups, item, d, record);
  }
}

function isSubjectPronoun(t: Token): boolean {
  return /^(?:he|she|they|we)$/.test(t.lower) || t.text === 'I';
}

/** A sentence with no subject of its own continues the speaker's turn or the last subject. */
function readSubjectless(s: AnnotatedSentence, tokens: Token[], opening: number, groups: NameGroup[], agendaLine: boolean, d: Discourse, record: Recorder): void {
  const owner = d.turn ?? d.lastSubject;
  const p = owner ? implicitPredicate(tokens, opening, { inTurn: !!d.turn, agendaLine }) : null;
  const task = s.text.slice(tokens[opening].start);
  if (owner && p && p.kind !== 'talk') {
    record(owner, p.status, task);
    record(coWorkers(p, tokens, groups), p.status, task);
    return;
  }
  if (p) return;
  // Something else is the subject now ("The Auth library is …"): later subject-less sentences are about it.
  // ("It's now in the dev remote" names no new subject: the next "Will send PRs" still continues the person.)
  if (!d.turn && !/^(?:it|this|that|there)$/.test(tokens[opening].lower)) d.lastSubject = null;
  // In a speaker's turn, work reported in the passive with no agent is the speaker's ("The new snapshot has been uploaded").
  if (d.turn && !groups.some((g) => g.start >= tokens[opening].start) && passiveReport(tokens, opening)) record(d.turn, 'done', task);
}

/** "he'll try …", "She's run some tests", "They ended up starting …", "I'll take a look". */
function readPronoun(s: AnnotatedSentence, tokens: Token[], i: number, body: number, groups: NameGroup[], d: Discourse, record: Recorder): void {
  const t = tokens[i];
  if (!opensClause(tokens, i, body)) return;
  const who = d.pronoun(t.lower, s.text.slice(t.end));
  if (!who) return;
  const p = readPredicate(tokens, i + 1, {});
  if (!p || p.kind === 'talk') return;
  const task = s.text.slice(t.end);
  record(who, p.status, task);
  record(coWorkers(p, tokens, groups), p.status, task);
}

/** People named side by side: a subject, a possessor of work, an agent, someone thanked or handed work, or none of these. */
function readNameGroup(s: AnnotatedSentence, tokens: Token[], g: NameGroup, body: number, groups: NameGroup[], item: LineShape | undefined, d: Discourse, record: Recorder): void {
  const first = tokens.findIndex((t) => t.start >= g.start);
  if (first < 0) return;
  const found = tokens.findIndex((t) => t.start >= g.end);
  const after = found < 0 ? tokens.length : found;
  const prev = first > body ? tokens[first - 1] : undefined;
  const prevPrev = first - 2 >= body ? tokens[first - 2] : undefined;
  const rest = s.text.slice(g.end);

  // A speaker prefix in mid-paragraph: "… by hand. Ann: the tool should …".
  if (tokens[after]?.text === ':' && (!prev || /^[.!?]$/.test(prev.text))) {
    d.openTurn(g.keys, undefined);
    return;
  }
  const subject = opensClause(tokens, first, body);
  // "… from Vic, who will have patches soon", "Gus (who's working on the mail server)", "Bea's email, who has been bisecting".
  const who = relativeWho(tokens, after);
  if (who >= 0 && !subject) {
    const p = readPredicate(tokens, who, { strict: true });
    if (p && p.kind !== 'talk') record(g.keys, p.status, s.text.slice(tokens[who].start));
    return;
  }
  // Possessive: "X's work on …", "Nina's changes", "X's <project> now works"; or a contraction "X's been …".
  if (tokens[after]?.lower === "'s" && !contractionFollows(tokens, after + 1)) {
    const thanks = prev?.lower === 'to' && prevPrev?.lower === 'thanks';
    const owned = possessedWork(tokens, after + 1, s, subject || thanks);
    if (owned) record(g.keys, thanks ? 'done' : owned, s.text.slice(g.start));
    return;
  }
  // "… by X": the agent of a passive or the author of a piece of work.
  if (prev?.lower === 'by') {
    const status = agentStatus(tokens, first - 1);
    if (status) record(g.keys, status, s.text.slice(0, g.start));
    return;
  }
  // "thanks to X for …".
  if ((prev?.lower === 'to' && prevPrev?.lower === 'thanks') || prev?.lower === 'thank' || prev?.lower === 'thanks') {
    record(g.keys, 'done', rest);
    return;
  }
  // "for X to pick up", "asked X to look at", "hand over to X to maintain": handed over.
  if (tokens[after]?.lower === 'to' && prev && (prev.lower === 'for' || prev.lower === 'to' || HANDING_VERBS.has(prev.lower))) {
    const p = readPredicate(tokens, after, {});
    if (p && p.kind !== 'talk') record(g.keys, 'todo', rest);
    return;
  }
  // A name after a noun can open a relative clause ("the work Joe did on …", "For the time being Ann can …").
  const afterNoun = !subject && !!prev && /^[a-z][a-z-]*$/.test(prev.text) && nounLike(prev);
  if (!subject && !afterNoun) return;

  const k = skipAside(tokens, after, (p) => record(g.keys, p.status, rest));
  // "Y suggested that X look into it": a bare verb after "that" is handed-over work.
  const baseStatus: ActionStatus | undefined = prev?.lower === 'that' ? 'todo' : g.keys.length > 1 ? 'ongoing' : undefined;
  const p = readPredicate(tokens, k, { baseStatus, strict: afterNoun });
  if (!p && afterNoun) return;
  d.nameSubject(g.keys, item);
  if (!p || p.kind === 'talk') return;
  record(g.keys, p.status, rest);
  record(coWorkers(p, tokens, groups), p.status, rest);
}

/** Index of the token that opens the body's first clause (after "Also,", "And", "So" …), or -1. */
function openingOf(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length && (/^[*_\-–—,(]$/.test(tokens[i].text) || /^(?:and|but|so|then|also|now|still|plus|overall|meanwhile|previously|recently|currently|finally|again|just|already|anyway)$/.test(tokens[i].lower))) i++;
  return i < tokens.length ? i : -1;
}

/** Whether token i starts a clause, so that a name or pronoun there is a subject, not an object. */
function opensClause(tokens: Token[], i: number, bodyTok: number): boolean {
  const prevTok = i > bodyTok ? tokens[i - 1] : undefined;
  if (!prevTok || CLAUSE_PUNCTUATION.test(prevTok.text) || CLAUSE_OPENERS.has(prevTok.lower)) return true;
  if (isAdverb(prevTok) && !/^(?:only|even|like)$/.test(prevTok.lower)) return true;
  // Reported speech without "that": "Priya said she would …", "Max pointed out Ben has …".
  return takesClause(prevTok.lower) || (prevTok.lower === 'out' && i - 2 >= bodyTok && /^point/.test(tokens[i - 2].lower));
}

function startsWithName(tokens: Token[], i: number, groups: NameGroup[]): boolean {
  return groups.some((g) => g.start <= tokens[i].start && tokens[i].start < g.end);
}

/**
 * The verb phrase of a sentence that has no subject ("Will start cross-comparisons with Erlang.",
 * "Has released version 3.", "Merged in Ted's changes"). Openings that are just as often a
 * clause of their own ("Using the event loop at the moment", "Should be fine") count only in a speaker's turn.
 */
function implicitPredicate(tokens: Token[], i: number, where: { inTurn: boolean; agendaLine: boolean }): Predicate | null {
  const t = tokens[i];
  if (!/^[A-Za-z]/.test(t.text) || tokens[i - 1]?.text === '(') return null;
  const lowered = tokens.map((x, j) => (j === i ? { ...x, text: x.lower } : x));
  const w = t.lower;
  if (/^(?:it|this|that|there|these|those|we|you|everyone|someone|anyone|nobody|people|the|a|an)$/.test(w)) return null;
  // "Very exciting work": an adverb opening describes, it does not report what someone did.
  if (isAdverb(t) && !IMPLICIT_ADVERBS.has(w)) return null;
  // An -ing opening, also one the lexicon knows only as an adjective ("Trying to control everything is difficult").
  if (isProgressive(w)) {
    if (!where.inTurn || tokens[i + 1]?.lower === 'of') return null;
    // "Writing up these minutes is a good excuse", "Preparing for the release, we need …": the gerund is not the predicate.
    for (let j = i + 1; j < Math.min(i + 10, tokens.length); j++) {
      if (tokens[j].text === ',' && /^(?:we|they|he|she|i|it|you|there)$/i.test(tokens[j + 1]?.lower ?? '')) return null;
      if (/^(?:[,;:.]|but|and)$/.test(tokens[j].lower)) break;
      if (/^(?:is|are|was|were|may|might|would|should|could|will|can|seems|makes|sounds)$/.test(tokens[j].lower)) return null;
    }
  }
  // Modal openings without a subject are mostly impersonal ("Could use Fable", "Should be one last change",
  // "Need to think about the FRP model"): a need is the team's, not yet anybody's work.
  if (/^(?:should|could|can|may|might|must|ca|need|needs)$/.test(w)) return null;
  // "Have you seen …", "Will we …": a question, whatever its punctuation.
  if (/^(?:you|we|they|he|she|i|it|anyone|someone|everyone)$/i.test(tokens[i + 1]?.lower ?? '')) return null;
  // A bare verb ("look at X") is an assignment only on an agenda line (`* Vic: get cloud bindings in shape`).
  const p = readPredicate(lowered, i, { strict: !where.agendaLine, baseStatus: where.agendaLine ? 'todo' : undefined });
  if (!p) return null;
  // A past participle opening can be a passive clause about a thing ("Followed by some sniggering").
  if (p.first === i && isPastForm(w) && tokens[i + 1]?.lower === 'by') return null;
  return p;
}

/** Skips a parenthesis or a relative clause after a subject; one that says what the person does is reported. */
function skipAside(tokens: Token[], i: number, report: (p: Predicate) => void): number {
  let k = i;
  if (tokens[k]?.text === ',' && tokens[k + 1]?.lower === 'who') k++;
  if (tokens[k]?.text === '(' || tokens[k]?.lower === 'who') {
    const open = tokens[k].text === '(';
    let j = k + 1;
    if (tokens[j]?.lower === 'who') j++;
    const p = readPredicate(tokens, j, { strict: true });
    if (p && p.kind !== 'talk') report(p);
    else if (open && tokens[k + 1] && isGerund(tokens[k + 1].lower)) {
      const g = readPredicate(tokens, k + 1, {});
      if (g && g.kind !== 'talk') report(g);
    }
    let depth = 0;
    for (j = k; j < tokens.length; j++) {
      if (tokens[j].text === '(') depth++;
      if (tokens[j].text === ')') depth--;
      if (open ? depth === 0 && tokens[j].text === ')' : tokens[j].text === ',' && j > k) return j + 1;
    }
    return open ? j : i;
  }
  return k;
}

/** "working with X on …", "… together with X": the people named after "with" share the work. */
function coWorkers(p: Predicate, tokens: Token[], groups: NameGroup[]): number[] {
  const out: number[] = [];
  for (let j = p.first; j < Math.min(p.next + 14, tokens.length); j++) {
    if (/^[.;!?]$/.test(tokens[j].text)) break;
    if (tokens[j].lower !== 'with') continue;
    const before = tokens[j - 1]?.lower ?? '';
    const shared = (j === p.next && SHARED_WORK.has(p.verb)) || before === 'together' || /^(?:work|working|worked|works|collaborating|teaming|pairing)$/.test(before) || (j > p.next && SHARED_WORK.has(p.verb) && j < p.next + 4);
    if (!shared) continue;
    const g = groups.find((x) => x.start >= tokens[j].end && x.start <= tokens[j].end + 2);
    if (g) out.push(...g.keys);
  }
  return out;
}

/** Index of the verb after a relative "who" that follows a name ("X, who's joined", "X's email, who has"), or -1. */
function relativeWho(tokens: Token[], i: number): number {
  let k = i;
  if (tokens[k]?.lower === "'s") k += 2; // "Bea's email, who …"
  if (tokens[k]?.text === ',' || tokens[k]?.text === '(') k++;
  if (tokens[k]?.lower !== 'who') return -1;
  return k + 1;
}

/** "The new snapshot has been uploaded", "The fix was merged": a passive report of finished work, with no agent. */
function passiveReport(tokens: Token[], from: number): boolean {
  for (let j = from; j < Math.min(from + 10, tokens.length - 1); j++) {
    const w = tokens[j].lower;
    if (/^[,;:]$/.test(w) || /^(?:if|when|should|would|could|will|can|may|might|need|needs)$/.test(w)) return false;
    const perfect = (w === 'been' && /^(?:has|have|'s|'ve)$/.test(tokens[j - 1]?.lower ?? '')) || /^(?:was|were)$/.test(w);
    if (!perfect) continue;
    let k = j + 1;
    while (k < tokens.length && isAdverb(tokens[k])) k++;
    const v = tokens[k];
    if (!v || !isPastForm(v.lower) || tokens[k + 1]?.lower === 'by') return false;
    return /^(?:upload|release|merge|fix|publish|push|tag|add|port|implement|write|update|commit|submit|land|ship|cut|rewrite|finish|complete|deploy|integrate|upstream)/.test(v.lower);
  }
  return false;
}

/** "'s" followed by "been", a participle, a gerund or an adverb is "has"/"is", not a possessive. */
function contractionFollows(tokens: Token[], i: number): boolean {
  const n = tokens[i];
  if (!n) return false;
  if (/^(?:been|got|now|also|just|still|already|currently|going|not|never|done|had|made|run|started|finished)$/.test(n.lower)) return true;
  if (isGerund(n.lower)) return true;
  return isPastForm(n.lower) && !WORK_NOUNS.test(n.lower);
}

/**
 * After "X's": a piece of work. As the subject ("Vic's patchset split out …", "Jess's parser
 * now works") any work noun or project counts; elsewhere only contributions that others act on
 * ("merged Nina's changes"), since "read X's post" or "use X's library" is not X taking work on.
 */
function possessedWork(tokens: Token[], i: number, s: AnnotatedSentence, asSubject: boolean): ActionStatus | null {
  for (let j = i; j < Math.min(i + 3, tokens.length); j++) {
    const w = tokens[j].lower;
    if (DONE_NOUNS.test(w)) return 'done';
    if (asSubject && WORK_NOUNS.test(w)) return 'ongoing';
    if (asSubject && j === i && s.projects.some((p) => s.text.startsWith(p.text, tokens[j].start))) return 'ongoing';
    if (!/^[a-z][a-z-]*$/.test(tokens[j].text) || tagsOf(w).some((t) => FUNCTION_TAGS.has(t))) return null;
  }
  return null;
}

const FUNCTION_TAGS = new Set(['Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Modal', 'Copula', 'Auxiliary', 'QuestionWord']);

/** "… was released by X" (done), "… is being used by X" (ongoing), "bindings by X" (ongoing). */
function agentStatus(tokens: Token[], by: number): ActionStatus | null {
  let j = by - 1;
  while (j >= 0 && isAdverb(tokens[j])) j--;
  const v = tokens[j];
  if (!v) return null;
  if (WORK_NOUNS.test(v.lower)) return 'ongoing';
  if (!isPastForm(v.lower) || /^(?:followed|led|caused|affected|blocked|impressed|surprised|confused|interested|inspired|hit|bitten|attended|joined)$/.test(v.lower)) return null;
  let a = j - 1;
  while (a >= 0 && isAdverb(tokens[a])) a--;
  const aux = tokens[a]?.lower;
  if (aux === 'being') return 'ongoing';
  if (aux === 'is' || aux === 'are') return 'ongoing';
  return 'done';
}

function nounLike(t: Token): boolean {
  return !isPastForm(t.lower) && !/^(?:to|of|with|for|from|at|on|in|into|about|by|via|than|like|the|a|an|his|her|their|our|my|your|its|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|ask|asked|tell|told|thank|thanks|let|cc|ping|pinged|email|emailed|contact|contacted|see|saw|meet|met|give|gave|gives|put|puts|help|helped|helps|introduce|introduced)$/.test(t.lower) && (!isGerund(t.lower) || t.lower.includes('-'));
}

function nameGroups(text: string, people: PersonInSentence[]): NameGroup[] {
  const groups: NameGroup[] = [];
  for (const p of people) {
    const last = groups[groups.length - 1];
    if (last && /^\s*(?:,|,?\s*and|&|\/|\+|,?\s*as well as)\s*$/i.test(text.slice(last.end, p.start))) {
      if (!last.keys.includes(p.key)) last.keys.push(p.key);
      last.end = p.end;
    } else groups.push({ keys: [p.key], start: p.start, end: p.end });
  }
  return groups;
}

interface LineShape {
  isItem: boolean;
  indent: number;
}

function lineLayout(lines: SourceLine[]): Map<number, LineShape> {
  const m = new Map<number, LineShape>();
  for (const l of lines) {
    const item = /^(\s*)(?:[*+-]|\d+[.)])\s+/.exec(l.text);
    m.set(l.line, { isItem: !!item, indent: item ? item[1].length : -1 });
  }
  return m;
}

/** Whether a sentence opens a new paragraph or list item (a speaker's turn ends there). */
function startsBlock(s: AnnotatedSentence, prev: AnnotatedSentence | null, layout: Map<number, LineShape>): 'item' | 'paragraph' | null {
  if (!prev) return 'paragraph';
  if (s.line === prev.line) return null;
  if (layout.get(s.line)?.isItem) return 'item';
  for (let l = prev.line + 1; l < s.line; l++) if (!layout.has(l)) return 'paragraph';
  return null;
}

function taskText(rest: string): string {
  return rest.slice(0, 240).replace(/^\s*[:,-]?\s*/, '').replace(/\s+/g, ' ').slice(0, 200).trim();
}
