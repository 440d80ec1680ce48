/**
 * Words that belong to how questions are asked, not to what they are about. A person or project
 * whose alias is one of these (a project called "Calendar", a person nicknamed "AM") is only
 * recognised when written exactly as registered; a leftover capitalised word that is one of these
 * is not taken for an unknown name.
 */
import nlp from '../../ingest/nlp.js';
import { STOP_WORDS } from '../search/terms.js';

const QUESTION_WORDS = new Set(
  (
    'who whom whose what which when where why how many much often list show tell give find me us our we i ' +
    'meeting meetings call calls session sessions discussion discussions discussed discuss discussing talk talked ' +
    'talking talks mention mentioned mentions attend attended attending attendee attendees attendance present ' +
    'people person project projects topic topics item items action actions task tasks work worked working ' +
    'own owned owns owner owners take took taken taking on first last earliest latest recent recently time ' +
    'times per month months year years week weeks day days date dates number count every all each any ' +
    'involve involved involving involvement together with part participate participated participant ' +
    'participants come came up raise raised cover covered weekly notes note agenda status update updates ' +
    'please could would did does do was were is are been be has have had there their they them ' +
    'library libraries tool tools software package packages repo repos repository repositories component ' +
    'components system systems subject subjects theme themes thing things anything everything'
  ).split(' '),
);

/** Tags of compromise's lexicon that mark a word as a name rather than an ordinary English word. */
const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'ProperNoun', 'Place', 'Country', 'City', 'Organization']);

const lexicon: Record<string, string | string[]> = (
  nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }
).world().model.one.lexicon;

/** True for words of the question language: stop words, question vocabulary, month names. */
export function isQuestionWord(word: string): boolean {
  const w = word.toLowerCase();
  return STOP_WORDS.has(w) || QUESTION_WORDS.has(w) || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/.test(w);
}

/** True for a common English word (in compromise's lexicon with a tag that is not a name's). */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  if (isQuestionWord(w)) return true;
  const tags = lexicon[w];
  if (!tags) return false;
  const list = Array.isArray(tags) ? tags : [tags];
  return !list.some((t) => NAME_TAGS.has(t));
}
