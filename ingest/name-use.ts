/**
 * How a name is used where it stands in a sentence: as a noun of its own ("runs on X", "X is
 * ready", "X's API"), as a modifier of the noun after it ("the X list", "X hackers", "an X VM"),
 * or with a release number ("X 2.0"). A team's umbrella name is written as a modifier for the
 * community, its channels and its events far more often than for the software, while a sentence
 * that makes the name a noun of its own is about the thing itself. English word classes only —
 * closed-class words from a fixed list and verb forms from `compromise`'s lexicon (its tagger is
 * too slow to run over every sentence that names a project).
 */
import nlp from './nlp.js';

const lexicon: Record<string, string | string[]> = (
  nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }
).world().model.one.lexicon;

/**
 * Words that cannot be the noun a name modifies: prepositions, conjunctions, determiners,
 * pronouns, auxiliaries and modals, and adverbs common after a subject.
 */
const FUNCTION_WORDS = new Set(
  (
    'a about above across after again against ago all almost along already also although always am among an and any anyway are ' +
    'around as at away be because been before behind being below beside besides between beyond both but by can cannot could ' +
    'did do does doing done down due during each either else enough even ever every except far few for from further had has have ' +
    'having he her here hers him his how however i if in including inside instead into is it its itself just least less like ' +
    'many may me might more most much must my near neither never next no nor not now of off often on once one only onto or ' +
    'other others otherwise our out outside over own per perhaps please quite rather really same shall she should since so some ' +
    'soon still such than that the their them then there these they this those though through throughout thus till to together ' +
    'too toward towards under unless unlike until up upon us very via was we well were what whatever when where whereas whether ' +
    'which while who whom whose why will with within without would yet you your'
  ).split(' '),
);

/** Verb tags of the lexicon: a name followed by a finite verb is that verb's subject. */
const FINITE_VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary', 'Verb']);

function tagsOf(word: string): string[] {
  const t = lexicon[word];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** True for a lower-case word that reads as a finite verb ("is", "runs", "needed", "supports"). */
function isFiniteVerb(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.some((t) => FINITE_VERB_TAGS.has(t))) return true;
  if (tags.length) return false;
  // Regular inflections the lexicon leaves out: "-ed" past forms and "-s" forms of a known verb.
  if (/^[a-z]{3,}ed$/.test(word)) return true;
  const stem = /^([a-z]{2,}?)(?:es|s)$/.exec(word);
  return !!stem && (tagsOf(stem[1]).includes('Infinitive') || tagsOf(word.slice(0, -1)).includes('Infinitive'));
}

/**
 * How a name is used: its own noun, a modifier of the next noun, named with a release number, or
 * the first word of another proper name — an event or organisation ("X Summit", "X Developer
 * Hackathon", "X Foundation") that is not the software at all.
 */
export type NameUse = 'noun' | 'modifier' | 'versioned' | 'event';

/** "X 2.0", "X v1", and a dotted version given in a phrase: "X compiler version is 4.02.1", "X release 2.1". */
const VERSION_AFTER = /^(?:\s+v?\d+(?:\.\d+)*\b|(?:\s+(?:compiler|runtime|release|version)){1,2}(?:\s+(?:is|was|of))?\s+v?\d+\.\d+)/;
/** Head nouns of the names of events and organisations ("X Summit", "X Developer Hackathon", "X hackathon"). */
export const EVENT_NOUNS = ['summit', 'hackathon', 'hackday', 'conference', 'workshop', 'meetup', 'symposium', 'foundation', 'lab', 'labs', 'inc', 'ltd', 'day', 'camp', 'sprint'];
const EVENT_AFTER = new RegExp(`^(?:\\s+[A-Z][a-z]+){0,2}?\\s+(?:${EVENT_NOUNS.map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|')})\\b`);
const WORD_AFTER = /^\s+([\p{L}][\p{L}\p{N}'’-]*)/u;
const PHRASAL_AFTER = /^\s+[\p{L}][\p{L}\p{N}'’-]*\s+(?:up|out|off)\b/u;

/** How a name is used where it stands; for a modifier, the (lower-case) word it modifies. */
export interface NameUseReading {
  use: NameUse;
  modifies: string | null;
}

/**
 * How the name ending at `end` of `text` is used, read from what follows it: a release number;
 * an event's or organisation's name; nothing, punctuation or a possessive (a noun of its own); a
 * function word, an adverb in -ly or a finite verb (a noun of its own); any other word — a noun,
 * a capitalised word, a gerund — is the noun the name modifies.
 */
export function readNameUse(text: string, end: number): NameUseReading {
  const rest = text.slice(end, end + 40);
  if (VERSION_AFTER.test(rest)) return { use: 'versioned', modifies: null };
  if (EVENT_AFTER.test(text.slice(end, end + 60))) return { use: 'event', modifies: null };
  const word = WORD_AFTER.exec(rest);
  if (!word || !/^\s/.test(rest)) return { use: 'noun', modifies: null };
  const w = word[1].replace(/[’']s$/, '');
  const lower = w.toLowerCase();
  const modifier = { use: 'modifier' as const, modifies: lower };
  if (w !== lower) return w === w.toUpperCase() && w.length === 1 ? { use: 'noun', modifies: null } : modifier;
  if (FUNCTION_WORDS.has(lower) || /n['’]t$/.test(lower) || /^[a-z]{3,}ly$/.test(lower)) return { use: 'noun', modifies: null };
  // A word followed by a particle is a phrasal verb ("get X set up", "X rolled out").
  return PHRASAL_AFTER.test(rest) || isFiniteVerb(lower) ? { use: 'noun', modifies: null } : modifier;
}

