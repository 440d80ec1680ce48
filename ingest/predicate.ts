/**
 * Reading the verb phrase that follows a subject: which verb it is (its lemma), whether it
 * describes work or only talk ("agrees", "points out", "will be at the conference"), and what its form says
 * about the work's status — future or infinitive → todo, progressive → ongoing, past or perfect →
 * done. Word classes and verb lemmas come from `compromise`'s lexicon and conjugation tables; the
 * full tagger is too slow to run over every candidate sentence, and after a known subject the
 * position of a word already says most of what the tagger would.
 */
import nlp from './nlp.js';
import type { ActionStatus } from '../src/domain.js';

interface CompromiseWorld {
  model: { one: { lexicon: Record<string, string | string[]> } };
  methods: { two: { transform: { verb: { toInfinitive: (word: string, model: unknown, tense: string) => string } } } };
}
const world = nlp.world() as unknown as CompromiseWorld;
const lexicon = world.model.one.lexicon;

/** A word of a sentence with its place (character offsets into the sentence text). */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

// Contractions are split off so "Ann's been", "hasn't", "I'll" read as words.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}_-]*?(?=n't\b)|n't\b|'(?:s|ll|d|ve|re|m)\b|[\p{L}\p{N}][\p{L}\p{N}_+-]*(?:\.[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const plain = text.replace(/’/g, "'");
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(plain); m; m = TOKEN.exec(plain)) out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

/** The lexicon's tags of a word (`[]` when it does not know the word). */
export function tagsOf(word: string): string[] {
  const t = lexicon[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const ADVERBS = new Set([
  'also', 'now', 'just', 'still', 'then', 'already', 'currently', 'recently', 'previously', 'probably', 'hopefully', 'really',
  'finally', 'actually', 'soon', 'all', 'both', 'each', 'even', 'again', 'too', 'further', 'first', 'mostly', 'mainly', 'largely',
  'kindly', 'certainly', 'definitely', 'initially', 'eventually', 'meanwhile', 'since', 'always', 'often', 'sometimes', 'busily',
  'successfully', 'quickly', 'slowly', 'personally', 'apparently', 'clearly', 'originally', 'basically', 'essentially', 'happily',
  'gladly', 'briefly', 'kind', 'sort', 'somewhat', 'partly', 'partially', 'primarily', 'very', 'quite', 'here', 'there',
]);
const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'longer']);
const MODALS = new Set(['will', "'ll", 'wo', 'shall', 'would', "'d", 'could', 'should', 'can', 'ca', 'may', 'might', 'must']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'re", 'am', "'m"]);
const HAVE = new Set(['has', 'have', 'had', "'ve", 'having']);
/** "is keen to", "is going to", "is about to": the work is still ahead. */
const BE_READY_TO = new Set(['going', 'about', 'due', 'keen', 'happy', 'willing', 'planning', 'hoping', 'set', 'aiming', 'supposed', 'eager', 'likely', 'ready', 'trying', 'looking', 'expected', 'scheduled', 'planned']);
/** Complements of "is" that describe someone's current work ("is mentor for", "is stuck with"). */
const BE_AT_WORK = new Set(['mentor', 'mentoring', 'maintainer', 'lead', 'leader', 'author', 'owner', 'responsible', 'busy', 'stuck', 'blocked', 'charge', 'co-mentor', 'champion', 'coordinator', 'organiser', 'organizer']);
/** Verbs that take a `to`-infinitive and what they say about the status of the work that follows. */
const TO_VERBS = new Map<string, ActionStatus>([
  ['plan', 'todo'], ['intend', 'todo'], ['hope', 'todo'], ['want', 'todo'], ['need', 'todo'], ['aim', 'todo'], ['agree', 'todo'],
  ['offer', 'todo'], ['volunteer', 'todo'], ['promise', 'todo'], ['decide', 'todo'], ['expect', 'todo'], ['have', 'todo'],
  ['like', 'todo'], ['love', 'todo'], ['prefer', 'todo'], ['commit', 'todo'], ['try', 'ongoing'], ['start', 'ongoing'],
  ['begin', 'ongoing'], ['continue', 'ongoing'], ['attempt', 'ongoing'], ['manage', 'done'], ['get', 'done'], ['use', 'done'],
  ['arrange', 'todo'], ['wait', 'todo'], ['ask', 'todo'], ['wish', 'todo'], ['seek', 'todo'], ['set', 'todo'], ['go', 'todo'],
]);
/** Verbs that take a gerund ("started putting together", "keeps fixing") and the status they give it. */
const ING_VERBS = new Map<string, ActionStatus>([
  ['start', 'ongoing'], ['begin', 'ongoing'], ['keep', 'ongoing'], ['continue', 'ongoing'], ['finish', 'done'], ['end', 'done'],
  ['stop', 'done'], ['resume', 'ongoing'], ['try', 'ongoing'], ['consider', 'todo'], ['plan', 'todo'], ['go', 'ongoing'],
]);
/**
 * Verbs that report talk, opinion, presence or feeling rather than work: a person as their subject
 * takes nothing on ("Ann agrees", "Jules points out", "Max heard rumours").
 */
const TALK_VERBS = new Set([
  'say', 'ask', 'agree', 'disagree', 'think', 'believe', 'note', 'point', 'mention', 'wonder', 'suggest', 'propose', 'notice',
  'reckon', 'argue', 'question', 'answer', 'reply', 'respond', 'comment', 'remind', 'warn', 'lament', 'worry', 'joke', 'claim',
  'confirm', 'clarify', 'recommend', 'prefer', 'like', 'love', 'want', 'hear', 'know', 'feel', 'seem', 'appear', 'see', 'attend',
  'join', 'go', 'come', 'thank', 'welcome', 'apologise', 'apologize', 'complain', 'hope', 'expect', 'guess', 'assume', 'doubt',
  'recall', 'remember', 'forget', 'explain', 'wish', 'mean', 'sound', 'laugh', 'nod', 'stress', 'emphasise', 'emphasize',
  'observe', 'state', 'admit', 'accept', 'insist', 'happen', 'turn', 'stick', 'travel', 'visit', 'arrive', 'discuss', 'need',
  'enjoy', 'miss', 'care', 'mind', 'object', 'raise', 'express', 'deserve', 'realise', 'realize', 'find', 'consider', 'get', 'be',
  'sit', 'stay', 'return', 'leave', 'tell', 'vote', 'echo', 'chime', 'concur', 'favour', 'favor', 'keep', 'do', 'would', 'rather',
  'read', 'watch', 'look', 'register', 'understand', 'encourage', 'invite', 'owe', 'call', 'name', 'advise', 'pose', 'wait', 'meet',
]);
/** Verbs that report leading work to the meeting ("Max spoke about the prototype", "Ted walked us through"). */
const REPORT_VERBS = new Set(['describe', 'present', 'demo', 'demonstrate', 'report', 'talk', 'speak', 'walk', 'show', 'outline']);
/** Talk verbs that still mean work when an object of work follows ("looked at", "got X working", "came up with"). */
const WORK_WHEN_FOLLOWED: Record<string, RegExp> = {
  look: /^\s*(?:\w+\s+)?(?:at|into|over|through|after)\b/i,
  get: /^\s*(?!(?:to|back|in touch|on with|at|around|confused|excited|stuck|bored|lost)\b)\S+/i,
  do: /^\s*(?:a|an|the|some|lots?|most|much|more|all|this|that|it|on|\w+ing)\b/i,
  go: /^\s*(?:through|over)\b/i,
  come: /^\s*up with\b/i,
  keep: /^\s*(?:an?\s+eye|track)\b/i,
  find: /^\s*(?:and|a\s+(?:fix|bug|way))\b/i,
  consider: /^\s*\w+ing\b/i,
  // "is thinking about encryption for X" is work in hand; "thinks that …" is an opinion.
  think: /^\s*(?:of|about)\b/i,
};
/** Work verbs that only report presence or talk in these phrases ("didn't make it to the call", "brought up that …"). */
const TALK_WHEN_FOLLOWED: Record<string, RegExp> = {
  make: /^\s*it(?:\s*$|\s*[.,;!)]|\s+(?:to|on|in|into|back|along)\b)/i,
  bring: /^\s*up\b/i,
};

const IRREGULAR_PARTICIPLES = new Set([
  'been', 'done', 'gone', 'got', 'gotten', 'made', 'written', 'run', 'begun', 'taken', 'given', 'seen', 'sent', 'built', 'put',
  'set', 'spent', 'found', 'held', 'kept', 'left', 'met', 'read', 'said', 'told', 'thought', 'brought', 'caught', 'won', 'shown',
  'known', 'drawn', 'broken', 'chosen', 'spoken', 'driven', 'fallen', 'forgotten', 'hidden', 'cut', 'hit', 'let', 'shut', 'split',
  'led', 'stuck', 'dug', 'spun', 'sat', 'stood', 'understood', 'dealt', 'felt', 'meant', 'bent', 'lent', 'had', 'become', 'come',
  'rewritten', 'rebuilt', 'undone', 'redone', 'upset', 'fed', 'sped', 'lit', 'hung', 'swung', 'struck', 'ridden', 'risen', 'grown',
]);

// Word-level answers are memoised: a folder's vocabulary is small and every sentence asks again.
function memo(fn: (w: string) => boolean): (w: string) => boolean {
  const cache = new Map<string, boolean>();
  return (w) => {
    let v = cache.get(w);
    if (v === undefined) cache.set(w, (v = fn(w)));
    return v;
  };
}

export function isAdverb(t: Token): boolean {
  return adverb(t.lower);
}

const adverb = memo((w) => {
  if (ADVERBS.has(w)) return true;
  const tags = tagsOf(w);
  if (tags.includes('Adverb')) return true;
  return /^[a-z]{4,}ly$/.test(w) && tags.length === 0;
});

const NOT_GERUNDS = new Set(['something', 'nothing', 'anything', 'everything', 'morning', 'evening', 'string', 'thing', 'ceiling', 'during', 'spring', 'king', 'ring', 'bring', 'sing', 'wing', 'ping', 'swing', 'sting', 'ling']);

export function isGerund(word: string): boolean {
  return gerund(word.toLowerCase());
}

const gerund = memo((w) => {
  if (!/^[a-z][a-z-]{2,}ing$/.test(w) || NOT_GERUNDS.has(w)) return false;
  const tags = tagsOf(w);
  if (tags.includes('Gerund')) return true;
  return !(tags.length > 0 && tags.every((t) => ['Singular', 'Noun', 'Uncountable', 'Adjective', 'Plural'].includes(t)));
});

/** After "is"/"has been" an -ing word is a progressive verb ("is leading the audit") unless it only describes. */
const DESCRIBING_ING = new Set([
  'interesting', 'exciting', 'amazing', 'promising', 'confusing', 'annoying', 'boring', 'surprising', 'disappointing', 'encouraging',
  'frustrating', 'worrying', 'challenging', 'demanding', 'outstanding', 'pending', 'existing', 'upcoming', 'ongoing', 'willing',
  'following', 'missing', 'lacking', 'appealing', 'compelling', 'convincing', 'misleading', 'overwhelming', 'fascinating', 'charming',
  'alarming', 'puzzling', 'refreshing', 'rewarding', 'tempting', 'thrilling', 'understanding', 'loving', 'caring',
]);

/** An -ing verb form, also one the lexicon knows only as an adjective ("trying"), but not a describing word ("missing"). */
export function isProgressive(word: string): boolean {
  return isGerund(word) || (/^[a-z][a-z-]{2,}ing$/.test(word) && !NOT_GERUNDS.has(word) && !DESCRIBING_ING.has(word));
}

export function isPastForm(word: string): boolean {
  return pastForm(word.toLowerCase());
}

const pastForm = memo((w): boolean => {
  if (IRREGULAR_PARTICIPLES.has(w)) return true;
  // "rewrote", "rebuilt", "undid": a prefixed irregular verb.
  const prefixed = /^(?:re|un|over|out|mis|pre|co)-?([a-z]{3,})$/.exec(w);
  if (prefixed && !tagsOf(w).length && (IRREGULAR_PARTICIPLES.has(prefixed[1]) || tagsOf(prefixed[1]).includes('PastTense'))) return true;
  const tags = tagsOf(w);
  if (tags.includes('PastTense') || tags.includes('Participle') || tags.includes('PerfectTense')) return true;
  if (!/^[a-z][a-z-]+ed$/.test(w)) return false;
  return !tags.includes('Singular') && !['need', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'embed', 'proceed', 'exceed', 'succeed'].includes(w);
});

/** A word that can only be a noun, determiner, preposition, pronoun or conjunction — not a verb form. */
function cannotBeVerb(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.length === 0) return false;
  return tags.every((t) => ['Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'Possessive', 'Value', 'Cardinal', 'Ordinal', 'Adjective', 'Comparable', 'Actor', 'ProperNoun', 'Place', 'Organization', 'QuestionWord', 'Expression', 'Uncountable'].includes(t));
}

const lemmas = new Map<string, string>();

function lemmaOf(word: string, form: 'past' | 'gerund' | 'present' | 'base'): string {
  const w = word.toLowerCase();
  if (form === 'base') return w;
  const key = `${form}:${w}`;
  let lemma = lemmas.get(key);
  if (lemma === undefined) {
    const tense = form === 'past' ? 'PastTense' : form === 'gerund' ? 'Gerund' : 'PresentTense';
    try {
      lemma = world.methods.two.transform.verb.toInfinitive(w, world.model, tense) || w;
    } catch {
      lemma = w;
    }
    lemmas.set(key, lemma);
  }
  return lemma;
}

/** Verbs whose object is a clause ("said she would …", "thinks Ben should …"): a name or pronoun after them is a subject. */
const CLAUSE_VERBS = new Set([
  'say', 'mention', 'think', 'believe', 'reckon', 'note', 'agree', 'hope', 'expect', 'report', 'confirm', 'announce', 'suggest',
  'add', 'promise', 'feel', 'guess', 'explain', 'write', 'argue', 'claim', 'propose', 'decide', 'reply', 'answer', 'realise',
  'realize', 'notice', 'know', 'assume', 'understand', 'imagine', 'state', 'insist', 'hear', 'indicate', 'recommend',
]);

export function takesClause(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const form = isPastForm(w) ? 'past' : /s$/.test(w) ? 'present' : 'base';
  return CLAUSE_VERBS.has(lemmaOf(w, form));
}

export type PredicateKind = 'work' | 'report' | 'talk';

/** What a subject does, read from the words that follow it. */
export interface Predicate {
  kind: PredicateKind;
  status: ActionStatus;
  /** The main verb's lemma (`write` for "has written"). */
  verb: string;
  /** Token index just past the main verb. */
  next: number;
  /** Token index where the verb phrase starts. */
  first: number;
  /** Whether a modal ("will", "is going to") carries the phrase. */
  modal?: boolean;
}

export interface ReadOptions {
  /**
   * Status of a bare base-form verb ("Vic: get cloud bindings in shape" → todo; "Ann and Ben
   * look at" → ongoing). Without it a bare verb is not read as one.
   */
  baseStatus?: ActionStatus;
  /** Only accept a verb phrase that opens with an auxiliary, a modal or an inflected verb (no bare nouns taken for verbs). */
  strict?: boolean;
}

/**
 * Reads the verb phrase starting at token `i` (just after a subject). Returns null when no verb
 * phrase starts there. A talk predicate followed by a conjoined work predicate ("has suggestions
 * and will defer to the list", "is in Argentina but would like to merge") reads as the latter.
 */
export function readPredicate(tokens: Token[], i: number, opts: ReadOptions = {}): Predicate | null {
  const first = readVerbPhrase(tokens, i, opts);
  if (!first || first.kind !== 'talk') return first;
  // A modal carries over to a bare verb conjoined with it: "is going to wait until … and then break up …".
  return readConjoined(tokens, first.next, first.modal ? first.status : undefined) ?? first;
}

/** A second verb phrase of the same subject later in the clause: "…, and will …", "… but has …", "… while working on …". */
function readConjoined(tokens: Token[], from: number, carried: ActionStatus | undefined): Predicate | null {
  for (let j = from; j < tokens.length - 1; j++) {
    const t = tokens[j];
    if (['.', ';', '!', '?', ':'].includes(t.text)) return null;
    // A new subject ends the reach of ours.
    if (/^(?:he|she|they|we|i|you|which|who|someone|anyone|everyone|nobody)$/.test(t.lower)) return null;
    // … and so does a capitalised word opening a new clause ("…, and Anil will …"); elsewhere it is an object ("in Argentina").
    if (/^[A-Z]/.test(t.text) && j > from && !/^(?:And|But|So|Then|Also)$/.test(t.text) && /^(?:and|but|so|then|,|;|—|–|-)$/.test(tokens[j - 1].lower)) return null;
    // "… notices trunk is broken while working on performance": the same subject at work.
    if ((t.lower === 'while' || t.lower === 'whilst') && tokens[j + 1] && isGerund(tokens[j + 1].lower)) {
      const p = readVerbPhrase(tokens, j + 1, { strict: true });
      if (p && p.kind !== 'talk') return { ...p, status: 'ongoing' };
    }
    if (!['and', 'but', 'so', 'then', ','].includes(t.lower)) continue;
    let k = j + 1;
    while (k < tokens.length && (tokens[k].lower === 'and' || tokens[k].lower === 'then' || isAdverb(tokens[k]))) k++;
    const p = readVerbPhrase(tokens, k, { strict: true, baseStatus: carried });
    if (p && p.kind !== 'talk') return p;
  }
  return null;
}

function readVerbPhrase(tokens: Token[], start: number, opts: ReadOptions): Predicate | null {
  let i = start;
  let status: ActionStatus | null = null;
  let negated = false;
  let future = false;
  const skipAdverbs = () => {
    while (i < tokens.length && (isAdverb(tokens[i]) || NEGATIONS.has(tokens[i].lower))) {
      if (NEGATIONS.has(tokens[i].lower)) negated = true;
      i++;
    }
  };
  const result = (kind: PredicateKind, verb: string, form: ActionStatus, next: number): Predicate => {
    let s = status ?? form;
    // Work not yet done is still ahead: "hasn't sorted it out", "has not deployed yet"; but
    // "won't merge", "isn't working on it" refuse or deny the work.
    if (negated && s === 'done') s = 'todo';
    else if (negated && kind !== 'talk') kind = 'talk';
    return { kind, status: s, verb, next, first: start, modal: future };
  };

  for (let guard = 0; guard < 12; guard++) {
    skipAdverbs();
    const t = tokens[i];
    if (!t) return null;
    const w = t.lower;
    const next = tokens[i + 1]?.lower;
    if (MODALS.has(w)) {
      status ??= 'todo';
      future = true;
      i++;
      // "can only test once back": a limit on what someone can do, not work they take on.
      if ((w === 'can' || w === 'could') && tokens[i]?.lower === 'only') return result('talk', 'can', 'todo', i + 1);
      skipAdverbs();
      // "would rather stick with": a preference, not work.
      if (tokens[i]?.lower === 'rather') return result('talk', 'prefer', 'todo', i + 1);
      if (['like', 'love', 'prefer'].includes(tokens[i]?.lower ?? '') && tokens[i + 1]?.lower === 'to') i += 2;
      continue;
    }
    // "About to release …", "Going to wait …", "Keen to try …" (a subject-less note of intent).
    if (i === start && BE_READY_TO.has(w) && next === 'to') {
      status ??= w === 'trying' ? 'ongoing' : 'todo';
      future ||= w === 'going' || w === 'about';
      i += 2;
      continue;
    }
    if (w === 'to' && i === start) {
      // Agenda style: "Ann to review the PR".
      const v = tokens[i + 1];
      if (!v || cannotBeVerb(v.lower) || /^[A-Z]/.test(v.text)) return null;
      status ??= 'todo';
      i++;
      continue;
    }
    if (BE.has(w) || (w === "'s" && !looksPerfect(tokens[i + 1]))) {
      i++;
      skipAdverbs();
      const c = tokens[i];
      if (!c) return result('talk', 'be', 'ongoing', i);
      if (isProgressive(c.lower) && !(BE_READY_TO.has(c.lower) && tokens[i + 1]?.lower === 'to')) {
        status ??= future ? 'todo' : 'ongoing';
        return mainVerb(lemmaOf(c.lower, 'gerund'), 'ongoing', i + 1);
      }
      if (BE_READY_TO.has(c.lower) && tokens[i + 1]?.lower === 'to') {
        status ??= c.lower === 'trying' ? 'ongoing' : 'todo';
        future ||= c.lower === 'going' || c.lower === 'about';
        i += 2;
        continue;
      }
      if (c.lower === 'looking' && /^(?:at|into|over)$/.test(tokens[i + 1]?.lower ?? '')) {
        status ??= future ? 'todo' : 'ongoing';
        return result('work', 'look', 'ongoing', i + 1);
      }
      // "is mentor for", "is the maintainer of", "is stuck with", "is in charge of".
      for (let k = i; k < Math.min(i + 3, tokens.length); k++) {
        if (BE_AT_WORK.has(tokens[k].lower)) return result('work', 'lead', 'ongoing', k + 1);
        if (!['a', 'an', 'the', 'in', 'now', 'main', 'new', 'official', 'co'].includes(tokens[k].lower)) break;
      }
      return result('talk', 'be', 'ongoing', i);
    }
    if (HAVE.has(w) || w === "'s") {
      i++;
      skipAdverbs();
      const c = tokens[i];
      if (!c) return null;
      if (c.lower === 'been') {
        i++;
        skipAdverbs();
        const d = tokens[i];
        if (d && isProgressive(d.lower)) {
          status ??= 'ongoing';
          return mainVerb(lemmaOf(d.lower, 'gerund'), 'ongoing', i + 1);
        }
        for (let k = i; k < Math.min(i + 3, tokens.length); k++) if (BE_AT_WORK.has(tokens[k].lower)) return result('work', 'lead', 'ongoing', k + 1);
        return result('talk', 'be', 'done', i);
      }
      if (c.lower === 'to' && w !== "'s") {
        status ??= 'todo';
        i++;
        continue;
      }
      if (isPastForm(c.lower) && !/^(?:a|an|the|some)$/.test(c.lower)) {
        const lemma = lemmaOf(c.lower, 'past');
        const v = ING_VERBS.get(lemma) ?? TO_VERBS.get(lemma);
        const chained = tokens[i + 1]?.lower === 'to' ? !!tokens[i + 2] && !cannotBeVerb(tokens[i + 2].lower) : isGerund(tokens[i + 1]?.lower ?? '');
        if (v && chained) {
          status ??= v;
          i += tokens[i + 1].lower === 'to' ? 2 : 1;
          continue;
        }
        status ??= 'done';
        // "has had one other enquiry": the perfect of possession.
        if (lemma === 'have') return possession(i + 1);
        // "Mindy has used conduit", "the workflow Ann and Ben have used": experience, not a piece of work.
        if (lemma === 'use') return result('talk', lemma, 'done', i + 1);
        return mainVerb(lemma, 'done', i + 1);
      }
      if (w === "'s") return null;
      // Possession: "has a PR to fix it", "has the beginning of a simple daemon".
      return possession(i);
    }
    if (w === 'did' || w === 'does' || w === 'do') {
      // "did get Auth working", "didn't finish" (an auxiliary) or "did the port", "can do more" (the verb itself).
      let n = i + 1;
      while (tokens[n] && isAdverb(tokens[n]) && !NEGATIONS.has(tokens[n].lower)) n++;
      const c = tokens[n];
      if (c && (NEGATIONS.has(c.lower) || (!cannotBeVerb(c.lower) && !isAdverb(c) && /^[a-z]+$/.test(c.text) && !/^(?:a|an|the|some|lots?|most|much|all|this|that|it|more|so|well|on|with)$/.test(c.lower) && !isPastForm(c.lower) && !isGerund(c.lower)))) {
        status ??= w === 'did' ? 'done' : 'ongoing';
        i++;
        continue;
      }
      return mainVerb('do', w === 'did' ? 'done' : 'ongoing', i + 1);
    }
    // The main verb.
    if (!/^[a-z][a-z-]*$/.test(t.text)) return null;
    if (cannotBeVerb(w) && !isPastForm(w) && !isGerund(w)) return null;
    let form: 'past' | 'gerund' | 'present' | 'base';
    if (isGerund(w)) form = 'gerund';
    else if (isPastForm(w)) form = 'past';
    else if (/[^s]s$/.test(w) || /(?:ches|shes|sses|xes|zes|oes|ies)$/.test(w)) form = 'present';
    else form = 'base';
    const lemma = lemmaOf(w, form);
    const toVerb = TO_VERBS.get(lemma);
    if (toVerb && tokens[i + 1]?.lower === 'to' && tokens[i + 2] && !cannotBeVerb(tokens[i + 2].lower)) {
      status ??= form === 'past' && toVerb === 'ongoing' ? 'ongoing' : toVerb;
      i += 2;
      continue;
    }
    if (status === null && form === 'base' && !opts.baseStatus) return null;
    // A bare word followed by a finite verb is a subject, not an imperative: "cut-over went fine".
    if (status === null && form === 'base' && tokens[i + 1] && (MODALS.has(tokens[i + 1].lower) || BE.has(tokens[i + 1].lower) || HAVE.has(tokens[i + 1].lower) || (isPastForm(tokens[i + 1].lower) && tagsOf(tokens[i + 1].lower).includes('PastTense')))) return null;
    if (status === null && opts.strict && form === 'present' && !tagsOf(w).some((x) => x === 'PresentTense' || x === 'Verb')) return null;
    const formStatus: ActionStatus = form === 'gerund' ? 'ongoing' : form === 'past' ? 'done' : form === 'present' ? 'ongoing' : (opts.baseStatus ?? 'ongoing');
    const chain = ING_VERBS.get(lemma);
    if (chain && tokens[i + 1] && isGerund(tokens[i + 1].lower)) {
      status ??= chain;
      i++;
      continue;
    }
    if (lemma === 'end' && tokens[i + 1]?.lower === 'up') {
      status ??= 'done';
      i += 2;
      continue;
    }
    return mainVerb(lemma, formStatus, i + 1);
  }
  return null;

  function looksPerfect(n: Token | undefined): boolean {
    if (!n) return false;
    return n.lower === 'been' || n.lower === 'got' || (isPastForm(n.lower) && !isGerund(n.lower) && !tagsOf(n.lower).includes('Adjective'));
  }

  function mainVerb(lemma: string, form: ActionStatus, next: number): Predicate {
    if (REPORT_VERBS.has(lemma)) return result('report', lemma, status === 'todo' ? 'todo' : 'ongoing', next);
    // "has made a start on it": begun, not finished.
    if (lemma === 'make' && /^an?\s+(?:start|beginning)\b/i.test(tokens.slice(next, next + 3).map((x) => x.text).join(' '))) {
      return { kind: 'work', status: status === 'todo' ? 'todo' : 'ongoing', verb: lemma, next, first: start };
    }
    const rest = tokens.slice(next, next + 4).map((x) => x.text).join(' ');
    // "put Dom in touch with Gus", "didn't make it to the call", "brought up that …": not work.
    // ("will bring up X at the next call" is a commitment to raise it; "brought up that …" only reports talk.)
    if (/^(?:\S+\s+)?in touch\b/i.test(rest) || (TALK_WHEN_FOLLOWED[lemma]?.test(rest) && !(lemma === 'bring' && future))) return result('talk', lemma, form, next);
    if (TALK_VERBS.has(lemma) && !WORK_WHEN_FOLLOWED[lemma]?.test(rest)) return result('talk', lemma, form, next);
    // "X added that …", "X noted: …": reported speech.
    if (['add', 'write', 'reply', 'offer'].includes(lemma) && /^(?:that|:)/.test(tokens[next]?.lower ?? '')) return result('talk', lemma, form, next);
    return result('work', lemma, form, next);
  }

  function possession(j: number): Predicate {
    for (let k = j; k < Math.min(j + 5, tokens.length); k++) {
      const w = tokens[k].lower;
      if (POSSESSED_WORK.test(w)) return result('work', 'have', 'ongoing', k + 1);
      if (['.', ',', ';', 'and', 'but'].includes(w)) break;
    }
    return result('talk', 'have', 'ongoing', j);
  }
}

/** Things whose having means work in hand ("has a PR", "has the beginnings of …", "has some change sets"). */
const POSSESSED_WORK = /^(?:pr|prs|pull|patch|patches|patchset|change|changes|changeset|changesets|branch|branches|prototype|draft|fork|implementation|port|beginnings?|start|version|rewrite|plan|plans|fix|fixes|proposal|design|demo|work|code|script|scripts|library|bindings|tests?)$/;

/** Nouns that name someone's piece of work ("Vic's patchset", "Nina's changes", "Ben's work on the scheduler"). */
export const WORK_NOUNS = /^(?:work|patch|patches|patchset|patchsets|changes|prs?|pull|branch|branches|code|library|libraries|lib|libs|bindings|implementation|prototype|port|rewrite|fork|tool|tools|scripts?|infrastructure|effort|efforts|commits?|fixes|harness|framework|refactoring|experiments?|benchmarks?|binding|backend|frontend|driver|drivers|proposal|release|releases)$/;
