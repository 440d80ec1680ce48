/**
 * Finds the people, projects and topics a question names, from the graph's own names and aliases:
 * longest match first ("mark tool" over "Mark", "Alan Turing" over "Alan"), any case except for
 * aliases that are also ordinary words, possessives allowed ("Ada's"), surnames and unique first
 * names of people accepted, ambiguous first names ("David") and unknown capitalised names reported
 * with the nearest known ones.
 */
import nlp from '../../ingest/nlp.js';
import type { Person, Project, Topic } from '../domain.js';
import { EntityDirectory, type NamedEntity } from '../search/entities.js';
import { isCommonWord, isQuestionWord } from './vocabulary.js';

/** One place in the question where an entity is named. */
export interface Mention {
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  entity: NamedEntity;
}

export interface Recognised {
  /** Distinct entities by kind, in the order the question names them. */
  people: NamedEntity[];
  projects: NamedEntity[];
  topics: NamedEntity[];
  mentions: Mention[];
  /** Forms that name several known entities ("David"). */
  ambiguous: Array<{ text: string; candidates: string[] }>;
  /** Capitalised names that match nothing known, with the nearest known names. */
  unknown: Array<{ text: string; nearest: string[] }>;
}

interface Form {
  /** Folded (lower case, no diacritics) text to look for. */
  key: string;
  /** Diacritics removed but case kept, for forms that must match case exactly. */
  cased: string;
  caseSensitive: boolean;
  /** Registered in backticks: names the entity only inside a code span. */
  codeOnly: boolean;
  /** A handle registered with `@`: names the entity only when written with it (`@david`, not `David`). */
  handle: boolean;
  /** A part of a person's name (surname, first name) rather than a registered form. */
  derived: boolean;
  /** Must be written with a capital (derived name parts). */
  capitalised: boolean;
  entity: NamedEntity;
}

/** Folds one character at a time so that offsets in the folded text are those of the original. */
function foldAligned(text: string, lower: boolean): string {
  let out = '';
  for (const c of text) {
    let f = c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (lower) f = f.toLowerCase();
    if (f.length !== c.length) {
      const l = lower ? c.toLowerCase() : c;
      f = l.length === c.length ? l : c;
    }
    out += f;
  }
  return out;
}

const normaliseSpaces = (s: string) => s.replace(/\s+/g, ' ').trim();
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

export class EntityRecogniser {
  private readonly forms: Form[] = [];
  readonly people: EntityDirectory;
  readonly projects: EntityDirectory;
  readonly topics: EntityDirectory;

  constructor(people: readonly Person[], projects: readonly Project[], topics: readonly Topic[] = []) {
    this.people = EntityDirectory.people(people);
    this.projects = EntityDirectory.projects(projects);
    this.topics = EntityDirectory.topics(topics);
    for (const e of this.people.entities) this.addForms(e);
    for (const e of this.projects.entities) this.addForms(e);
    for (const e of this.topics.entities) {
      // Topics made of question words ("meeting", "update") would match every question, and a single
      // ordinary word ("code", "list") questions that are not about it.
      const words = e.name.split(/\s+/);
      if (words.every(isQuestionWord) || e.name.length < 3 || (words.length === 1 && isCommonWord(e.name))) continue;
      this.addForm(e, e.name, { derived: false });
    }
    this.addNameParts();
    // Longest first; registered forms before derived ones.
    this.forms.sort((a, b) => b.key.length - a.key.length || Number(a.derived) - Number(b.derived));
  }

  private addForms(e: NamedEntity): void {
    for (const form of new Set([e.name, ...e.aliases])) this.addForm(e, form, { derived: false });
  }

  private addForm(entity: NamedEntity, raw: string, opts: { derived: boolean; capitalised?: boolean }): void {
    const codeOnly = /^`.+`$/.test(raw.trim());
    const handle = raw.trim().startsWith('@');
    const text = normaliseSpaces(raw.replace(/[`]/g, '').replace(/^@/, ''));
    if (!text) return;
    const key = foldAligned(text, true);
    const single = !/\s/.test(text);
    // An alias that is also an ordinary word ("AM", "Logs", "FAT") is only taken as written.
    const caseSensitive = single && (isCommonWord(key) || key.length <= 2);
    this.forms.push({
      key,
      cased: foldAligned(text, false),
      caseSensitive,
      codeOnly,
      handle,
      derived: opts.derived,
      capitalised: opts.capitalised ?? false,
      entity,
    });
  }

  /** Surnames and first names of people, when they are not ordinary words. */
  private addNameParts(): void {
    const registered = new Set(this.forms.filter((f) => !f.handle && !f.codeOnly).map((f) => f.key));
    for (const e of this.people.entities) {
      const parts = new Set<string>();
      for (const form of [e.name, ...e.aliases]) {
        if (/^[`@]/.test(form)) continue;
        const words = normaliseSpaces(form).split(' ');
        if (words.length < 2) continue;
        for (const w of words) if (/^\p{Lu}[\p{L}'-]{2,}$/u.test(w)) parts.add(w);
      }
      for (const part of parts) {
        const key = foldAligned(part, true);
        if (registered.has(key) || isCommonWord(key)) continue;
        this.addForm(e, part, { derived: true, capitalised: true });
      }
    }
  }

  /** Every entity mention in the question, except inside the `skip` spans (dates). */
  recognise(question: string, skip: Array<[number, number]> = []): Recognised {
    const lower = foldAligned(question, true);
    const cased = foldAligned(question, false);
    const blocked = new Array<boolean>(question.length).fill(false);
    for (const [s, e] of skip) for (let i = s; i < e; i++) blocked[i] = true;

    // All candidate matches, then the longest non-overlapping ones.
    type Candidate = { start: number; end: number; forms: Form[] };
    const candidates = new Map<string, Candidate>();
    for (const form of this.forms) {
      for (let at = lower.indexOf(form.key); at >= 0; at = lower.indexOf(form.key, at + 1)) {
        const end = at + form.key.length;
        if (isWordChar(lower[at - 1]) || isWordChar(lower[end])) continue;
        if (blocked.slice(at, end).some(Boolean)) continue;
        if (form.caseSensitive && cased.slice(at, end) !== form.cased) continue;
        if (form.capitalised && !/\p{Lu}/u.test(question[at])) continue;
        if (form.codeOnly && !(question[at - 1] === '`' && question[end] === '`')) continue;
        if (form.handle && question[at - 1] !== '@') continue;
        const id = `${at}:${end}`;
        const c = candidates.get(id) ?? { start: at, end, forms: [] };
        c.forms.push(form);
        candidates.set(id, c);
      }
    }
    const ordered = [...candidates.values()].sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        Number(a.forms.every((f) => f.derived)) - Number(b.forms.every((f) => f.derived)) ||
        a.start - b.start,
    );
    const taken = new Array<boolean>(question.length).fill(false);
    const mentions: Mention[] = [];
    const ambiguous: Recognised['ambiguous'] = [];
    for (const c of ordered) {
      if (taken.slice(c.start, c.end).some(Boolean)) continue;
      const entities = pickEntities(c.forms, cased.slice(c.start, c.end));
      for (let i = c.start; i < c.end; i++) taken[i] = true;
      const text = question.slice(c.start, c.end);
      if (entities.length === 1) mentions.push({ start: c.start, end: c.end, text, entity: entities[0] });
      else ambiguous.push({ text, candidates: entities.map((e) => e.name).sort() });
    }
    mentions.sort((a, b) => a.start - b.start);

    const distinct = (kind: NamedEntity['kind']) => {
      const seen = new Map<string, NamedEntity>();
      for (const m of mentions) if (m.entity.kind === kind && !seen.has(m.entity.id)) seen.set(m.entity.id, m.entity);
      return [...seen.values()];
    };
    for (let i = 0; i < question.length; i++) if (blocked[i]) taken[i] = true;
    return {
      people: distinct('person'),
      projects: distinct('project'),
      topics: distinct('topic'),
      mentions,
      ambiguous,
      unknown: this.unknownNames(question, taken),
    };
  }

  /** Capitalised words left over that are neither ordinary words nor known names. */
  private unknownNames(question: string, taken: boolean[]): Recognised['unknown'] {
    const out: Recognised['unknown'] = [];
    const word = /[\p{L}\p{N}@][\p{L}\p{N}._\-/+#]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
    for (const m of question.matchAll(word)) {
      const start = m.index;
      if (taken.slice(start, start + m[0].length).some(Boolean)) continue;
      const text = m[0].replace(/['’]s$/, '');
      if (!/\p{Lu}/u.test(text) || /^\d+$/.test(text) || text === 'I') continue;
      if (isCommonWord(text) || isCommonWord(text.replace(/s$/, ''))) continue;
      if (isSentenceStart(question, start) && looksLikeCommand(question, start, m[0])) continue;
      const nearest = [...new Set([...this.people.nearest(text, 3), ...this.projects.nearest(text, 3)])].slice(0, 4);
      out.push({ text, nearest });
    }
    return out;
  }
}

function isSentenceStart(text: string, at: number): boolean {
  return /^\s*$|[.!?]\s*$/.test(text.slice(0, at));
}

/**
 * A capitalised first word that is a command ("Enumerate the calls…", "Recap the discussions…"):
 * tagged as a verb by compromise, or followed by a determiner, which a name seldom is.
 */
function looksLikeCommand(text: string, at: number, word: string): boolean {
  const rest = text.slice(at + word.length);
  if (/^\s+(the|a|an|all|every|each|me|us|my|our|any|some|how|what|which|who|when)\b/i.test(rest)) return true;
  const term = nlp(text.slice(at)).json({ offset: true })[0]?.terms?.[0] as { tags?: string[] } | undefined;
  return !!term?.tags?.includes('Verb') && !term.tags.includes('ProperNoun');
}

/** The entities a matched span stands for: exact-case forms win over case-folded ones. */
function pickEntities(forms: Form[], written: string): NamedEntity[] {
  // a person or project named like a topic ("cobol") is the person or project
  const named = forms.filter((f) => f.entity.kind !== 'topic');
  if (named.length) forms = named;
  const registered = forms.filter((f) => !f.derived);
  const pool = registered.length ? registered : forms;
  const exact = pool.filter((f) => f.cased === written);
  const chosen = exact.length ? exact : pool;
  return [...new Set(chosen.map((f) => f.entity))];
}
