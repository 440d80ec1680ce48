/**
 * What a question asks for, as two independent choices: which rows to fetch (the `source`:
 * discussions, meetings attended, attendees, action items, meetings) and how to present them
 * (the `view`: the rows themselves, the people / projects / topics / meetings among them, their
 * number, the first or last date, a series per month or year). "How many Enigma discussions
 * per month" is discussions × series; "Who owns work on Enigma" is action items × people.
 *
 * Cues are read from the question lemmatised by compromise, after names and dates have been
 * replaced by placeholders, so that the wording of a name never passes for a cue.
 */
import nlp from '../../ingest/nlp.js';

export type Source = 'discussions' | 'attended' | 'attendees' | 'actions' | 'meetings';
export type View = 'rows' | 'people' | 'projects' | 'topics' | 'meetings' | 'count' | 'first' | 'last' | 'series';

export interface Intent {
  source: Source;
  view: View;
  /** Series granularity. */
  period?: 'month' | 'year';
  /** Several people or projects: all of them (`and`) or any (`or`). */
  combine: 'all' | 'any';
  /** The question names a meeting by position ("the first call", "the last meeting"). */
  meetingOrdinal?: 'first' | 'last';
  /** For `count`: what is counted among the rows ("how many people discussed Enigma"); default the rows. */
  countOf?: 'people' | 'projects' | 'meetings';
}

/** Placeholders that stand for the names and dates of the question while cues are read. */
export const PLACEHOLDER = { person: 'zzperson', project: 'zzproject', topic: 'zztopic', date: 'zzdate' } as const;

/** What the cue reader knows about the question besides its words. */
export interface IntentContext {
  people: number;
  projects: number;
  topics: number;
  /** A single day is named (a meeting's date). */
  day: boolean;
}

const has = (text: string, re: RegExp) => re.test(text);

/** The question in lower case and lemmatised (`attended` → `attend`), both forms joined. */
function cueText(masked: string): string {
  const doc = nlp(masked);
  doc.compute('root');
  const lemma = doc.text('root');
  return ` ${masked.toLowerCase().replace(/[?!.,;:]+/g, ' ')} | ${lemma.replace(/[?!.,;:]+/g, ' ')} `.replace(/\s+/g, ' ');
}

const CUE = {
  action:
    /\b(action items?|actions?|tasks?|to-?dos?|take on|took on|taken on|taking on|take up|took up|pick(?:ed)? up|assign\w*|owns?|owned|owning|owners?|ownership|responsib\w+|in charge|volunteer\w*|commit(?:ted)? to|promise\w*|agree\w* to|sign(?:ed)? up|work(?:ed|ing)? on|follow[- ]?ups?)\b/,
  attend:
    /\b(attend\w*|present|presence|join\w*|show(?:ed)? up|turn(?:ed)? up|make it to|made it to|went to|go to|been to|participa\w* in (?:the |a |any )?(?:meeting|call|session)s?|(?:was|were|is|be|been) (?:at|in|on) (?:the |a |any |all |each |every )?(?:\w+ )?(?:meeting|call|session)s?|(?:was|were|is|be|been) (?:at|in|on) (?:the |a )?zzdate|at the zzdate|in attendance)\b/,
  discuss: /\b(discuss\w*|talk\w*|mention\w*|cover\w*|came up|come up|bring up|brought up|raise\w*|conversations?|agenda|debat\w*|about)\b/,
  meetingWord: /\b(meetings?|calls?|sessions?)\b/,
  series:
    /\b(per|each|every|by|a) (month|year)\b|\b(monthly|yearly|annually|month by month|year by year|over time|over the years|trend|breakdown|timeline)\b|\bhow often\b.*\b(month|year)s?\b/,
  monthly: /\b(per|each|every|by|a) month\b|\bmonthly\b|\bmonth by month\b|\bhow often\b.*\bmonths?\b/,
  count: /\b(how many|how often|number of|count|total)\b/,
  when: /\bwhen\b|\bwhat date\b|\bwhich date\b|\bwhat day\b/,
  first: /\b(first|earliest|initial(?:ly)?|start\w*|began|begin\w*|introduc\w*|originally)\b/,
  last: /\b(last|latest|most recent(?:ly)?|final(?:ly)?|stop\w*|end(?:ed)?)\b/,
  who: /\b(who|whom|whose|which (?:people|persons?|attendees|participants|members)|what (?:people|persons?)|people|anyone|anybody|everyone|participants|attendees|attendance list|owners?)\b/,
  projects: /\b(which|what|list|show|name)\b.*\b(projects?|librar(?:y|ies)|tools?|software|repos?|repositories|packages?|components?|systems?)\b/,
  topics: /\b(which|what|list|show)\b.*\b(topics?|subjects?|themes?)\b/,
  or: /\bzz(?:person|project|topic) or (?:the )?zz(?:person|project|topic)\b/,
  meetingOrdinal:
    /\b(?:at|in|during|on|of|from|attend\w*|for) (?:the |our )?(?:very )?(first|last|latest|most recent|earliest|final|previous|opening) (?:weekly )?(?:meeting|call|session)\b/,
};

/** Reads the intent of a question whose names and dates were replaced by `PLACEHOLDER`s. */
export function readIntent(masked: string, ctx: IntentContext): Intent {
  const t = cueText(masked);
  const combine = has(t, CUE.or) ? 'any' : 'all';
  const ordinal = CUE.meetingOrdinal.exec(t);
  const which = (word: string) => (/first|earliest|opening/.test(word) ? 'first' : 'last');
  // "What was the date of the latest call?" asks for a date, not about that call
  if (ordinal && !ctx.people && !ctx.projects && !ctx.topics && has(t, /\b(date|when|day)\b/)) {
    return { source: 'meetings', view: which(ordinal[1]), combine };
  }
  const meetingOrdinal = ordinal && (ctx.people === 0 || !has(t, CUE.attend)) ? which(ordinal[1]) : undefined;
  const namedMeeting = ctx.day || meetingOrdinal !== undefined;
  const subject = ctx.projects + ctx.topics;

  const view = readView(t, ctx, namedMeeting);
  const source = readSource(t, ctx, namedMeeting, view);
  const intent: Intent = { source, view, combine };
  if (meetingOrdinal) intent.meetingOrdinal = meetingOrdinal;
  if (view === 'series') intent.period = has(t, CUE.monthly) ? 'month' : 'year';
  if (view === 'count') {
    const counted = /\b(?:how many|number of|count(?: of)?(?: the)?) (people|persons|attendees|participants|speakers|owners|projects|librar(?:y|ies)|tools|meetings|calls|sessions)\b/.exec(t);
    if (counted) {
      const what = counted[1];
      const countOf = /meeting|call|session/.test(what) ? 'meetings' : /project|librar|tool/.test(what) ? 'projects' : 'people';
      // meetings counted from meetings, people from attendees, are the rows themselves
      if (!(countOf === 'meetings' && (source === 'attended' || source === 'meetings')) && !(countOf === 'people' && source === 'attendees')) {
        intent.countOf = countOf;
      }
    }
  }
  // "When was Enigma discussed?" lists the meetings; "when … first" is a date.
  if (view === 'rows' && source === 'discussions' && has(t, CUE.when) && subject + ctx.people > 0) intent.view = 'meetings';
  return intent;
}

function readView(t: string, ctx: IntentContext, namedMeeting: boolean): View {
  if (has(t, CUE.series)) return 'series';
  if (has(t, CUE.count)) return 'count';
  const firstOrLast = (): View | null => {
    // "the first/last meeting" naming a meeting is not a question about a date
    const stripped = t.replace(CUE.meetingOrdinal, ' ');
    if (namedMeeting && !ctx.people) return null;
    if (has(stripped, CUE.first)) return 'first';
    if (has(stripped, CUE.last)) return 'last';
    return null;
  };
  if (has(t, CUE.when)) {
    const fl = firstOrLast();
    if (fl) return fl;
    return 'meetings';
  }
  // the topics of a named meeting are its discussions
  if (has(t, CUE.topics)) return namedMeeting ? 'rows' : 'topics';
  if (has(t, CUE.projects) && !has(t, /\bwho\b/)) return 'projects';
  if (has(t, CUE.who)) return 'people';
  // "What was the first Enigma discussion?", "the last meeting Grace attended", "the first time …"
  const ordinal = /\b(first|last|latest|earliest|most recent) (?:zz\w+ |\w+ )?(?:time|date|day|mention|meeting|call|session|discussion|conversation)s?\b/.exec(t);
  if (ordinal && !namedMeeting) return /first|earliest/.test(ordinal[1]) ? 'first' : 'last';
  if (has(t, /\b(which|what|list|show|name)\b.*\b(meetings?|calls?|sessions?|dates)\b/) && !namedMeeting) {
    return 'meetings';
  }
  return 'rows';
}

function readSource(t: string, ctx: IntentContext, namedMeeting: boolean, view: View): Source {
  const action = has(t, CUE.action);
  const attend = has(t, CUE.attend);
  const discuss = has(t, CUE.discuss);
  const subject = ctx.projects + ctx.topics;

  if (action && !(view === 'meetings' && attend)) return 'actions';
  // "Which Enigma discussions did Alan join?", "Who joined the COBOL discussions?": discussions, not meetings
  if (!namedMeeting && subject && has(t, /\bdiscussions?\b/)) return 'discussions';
  if (namedMeeting) {
    if (view === 'people' && (attend || !discuss || !subject)) return 'attendees';
    if (view === 'count' && (attend || has(t, CUE.who))) return 'attendees';
    return 'discussions';
  }
  if (attend) {
    if (ctx.people) return 'attended';
    return view === 'people' || (view === 'count' && has(t, CUE.who)) ? 'attendees' : 'meetings';
  }
  // "Which meetings did Grace …", "How many calls did Ada …": meetings of a person, no subject
  if (ctx.people && !subject && has(t, CUE.meetingWord) && !discuss) return 'attended';
  if (!ctx.people && !subject && has(t, CUE.meetingWord) && ['count', 'meetings', 'series', 'first', 'last'].includes(view)) {
    return 'meetings';
  }
  return 'discussions';
}

/** The question with people, projects, topics and dates replaced by placeholders. */
export function maskQuestion(
  question: string,
  spans: Array<{ start: number; end: number; kind: keyof typeof PLACEHOLDER }>,
): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += `${question.slice(at, s.start)} ${PLACEHOLDER[s.kind]} `;
    at = s.end;
  }
  out += question.slice(at);
  // "zzperson's" → "zzperson"; repeated placeholders joined by "and" collapse
  return out
    .replace(/(zz\w+)['’]s?\b/g, '$1')
    .replace(/(zz(person|project|topic))(?:\s*(?:,|and|&)\s*\1)+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
