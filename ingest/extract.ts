/**
 * Stage 3 — extract and resolve: one parsed note plus the folder's people and projects → the
 * note's facts: who attended, who took part in each discussion, which projects and topics it was
 * about, action items with owners, references. Every fact keeps its evidence. Short names that
 * could mean several people are decided by the meeting (its attendees) and the section (who was
 * already named there); when neither decides, the mention is reported as ambiguous, not guessed.
 */
import type { ActionStatus, AttendanceRole, Evidence, IngestWarning } from '../src/domain.js';
import type { ParsedNote, ParsedSection } from './parse.js';
import type { PeopleDirectory, PersonRecord } from './people.js';
import { withoutOtherKinds, type ProjectDirectory, type ProjectMention, type ProjectSalience } from './projects.js';
import { discoverProjectNames, isPersonHandle, type DiscoveryKind } from './project-discovery.js';
import { splitSentences, withoutCode, type Sentence } from './text.js';
import { extractActionItems } from './actions.js';

export interface PersonInSentence {
  key: number;
  start: number;
  end: number;
  text: string;
}

/** A sentence with the people and projects found in it. */
export interface AnnotatedSentence extends Sentence {
  /** The person of a speaker prefix (`Anil: …`, `TG: …`), if any. */
  speaker: number | null;
  people: PersonInSentence[];
  projects: Array<{ key: number; text: string }>;
}

export interface ActionCandidate {
  owner: number;
  task: string;
  status: ActionStatus;
  projects: number[];
  evidence: Evidence;
}

export interface SectionFacts {
  section: ParsedSection;
  order: number;
  text: string;
  people: Map<number, Evidence>;
  projects: Map<number, Evidence>;
  /** How each project was named here (heading included): the judgement of passing mentions reads it. */
  projectSalience: Map<number, ProjectSalience>;
  topics: Map<string, Evidence>;
  references: Map<string, Evidence>;
  actions: ActionCandidate[];
  discovered: Array<{ name: string; kind: DiscoveryKind; evidence: Evidence }>;
  /** The section's sentences (heading excluded), kept for the topic pass. */
  sentences: Sentence[];
}

export interface NoteFacts {
  note: ParsedNote;
  attendance: Array<{ key: number; role: AttendanceRole; evidence: Evidence }>;
  sections: SectionFacts[];
  warnings: IngestWarning[];
}

const SPEAKER_PREFIX = /^\s*(?:[*_]{1,2})?(@?[\p{L}][\p{L}\p{N}._-]*(?:\s[\p{Lu}][\p{L}.-]*)?)(?:[*_]{1,2})?\s*:\s+(?=\S)/u;
const SIGNATURE = /[-–—]\s?([A-Z]{2,3})\b(?=\s*(?:[:;)\]*]|$|\s:\)))/g;
const URL = /\bhttps?:\/\/[^\s)<>\]]+/g;
// `owner/repo#N`. A failed attempt consumes the rest of its word run (second alternative, no
// reference): every later start in that run would fail the same way, and retrying each one costs
// time quadratic in the length of a long run such as `a.a.a…`.
const REPO_REF = /\b(?:([\w.-]+\/[\w.-]+#\d+)\b|[\w.-]+)/g;

export interface ExtractContext {
  people: PeopleDirectory;
  projects: ProjectDirectory;
}

export function extractNote(note: ParsedNote, ctx: ExtractContext): NoteFacts {
  const warnings: IngestWarning[] = [];
  const attendance: NoteFacts['attendance'] = [];
  const attendees = new Set<number>();
  for (const entry of note.attendees) {
    const found = ctx.people.matchAttendee(entry.name, entry.handle);
    const evidence: Evidence = { file: note.source, line: entry.line, sentence: entry.raw };
    if (found.length === 1) {
      if (!attendees.has(found[0].key)) attendance.push({ key: found[0].key, role: entry.role, evidence });
      attendees.add(found[0].key);
    } else if (found.length > 1) {
      warnings.push({ kind: 'ambiguous', file: note.source, line: entry.line, mention: entry.name, message: `attendee "${entry.name}" could be ${found.map((p) => p.name).join(' or ')}`, candidates: found.map((p) => p.name) });
    }
  }

  const meetingPeople = new Set<number>(attendees);
  const sections: SectionFacts[] = [];
  note.sections.forEach((section, order) => {
    const facts = extractSection(note, section, order, attendees, meetingPeople, ctx, warnings);
    for (const k of facts.people.keys()) meetingPeople.add(k);
    sections.push(facts);
  });
  return { note, attendance, sections, warnings };
}

function extractSection(
  note: ParsedNote,
  section: ParsedSection,
  order: number,
  attendees: Set<number>,
  meetingPeople: Set<number>,
  ctx: ExtractContext,
  warnings: IngestWarning[],
): SectionFacts {
  const headingSentence: Sentence = { text: section.heading, line: section.line, display: section.heading };
  const sentences = splitSentences(section.lines);
  const all = section.heading ? [headingSentence, ...sentences] : sentences;
  const ev = (s: Sentence): Evidence => ({ file: note.source, line: s.line, sentence: s.display.slice(0, 400) });

  // Pass 1: every person form, with its candidates.
  interface Pending { sentence: Sentence; start: number; end: number; text: string; candidates: PersonRecord[]; speaker: boolean }
  const pending: Pending[] = [];
  const speakers = new Map<Sentence, Pending>();
  for (const s of all) {
    const prose = withoutCode(s.text);
    const prefix = s === headingSentence ? null : SPEAKER_PREFIX.exec(prose);
    if (prefix) {
      const token = prefix[1];
      let cands = ctx.people.lookup(token);
      if (cands.length === 0 && /^[A-Z]{2,3}$/.test(token)) cands = ctx.people.lookupInitials(token);
      if (cands.length === 0) cands = ctx.people.lookupLoose(token).filter((p) => attendees.has(p.key));
      if (cands.length) {
        const p: Pending = { sentence: s, start: prefix.index, end: prefix.index + token.length, text: token, candidates: cands, speaker: true };
        pending.push(p);
        speakers.set(s, p);
      }
    }
    for (const m of ctx.people.mentionsIn(prose)) {
      if (prefix && m.index! < prefix[0].length) continue;
      const cands = ctx.people.lookup(m[0]);
      if (cands.length) pending.push({ sentence: s, start: m.index!, end: m.index! + m[0].length, text: m[0], candidates: cands, speaker: false });
    }
    for (const m of prose.matchAll(SIGNATURE)) {
      const cands = ctx.people.lookupInitials(m[1]).filter((p) => attendees.has(p.key));
      if (cands.length === 1) pending.push({ sentence: s, start: m.index!, end: m.index! + m[0].length, text: m[1], candidates: cands, speaker: false });
    }
  }

  // Pass 2: decide. Unique forms first, then the meeting's attendees, then who the section already names.
  const resolved = new Map<Pending, number>();
  const inSection = new Set<number>();
  const decide = (p: Pending, pool: Set<number>) => {
    const inPool = p.candidates.filter((c) => pool.has(c.key));
    return inPool.length === 1 ? inPool[0].key : null;
  };
  for (const p of pending) {
    if (p.candidates.length === 1) resolved.set(p, p.candidates[0].key);
    else {
      const k = decide(p, attendees);
      if (k !== null) resolved.set(p, k);
    }
    const k = resolved.get(p);
    if (k !== undefined) inSection.add(k);
  }
  for (const p of pending) {
    if (resolved.has(p)) continue;
    const k = decide(p, inSection) ?? decide(p, meetingPeople);
    if (k !== null) resolved.set(p, k);
    else {
      const names = p.candidates.map((c) => c.name);
      warnings.push({
        kind: 'ambiguous',
        file: note.source,
        line: p.sentence.line,
        mention: p.text,
        candidates: names,
        message: `"${p.text}" could be ${names.join(' or ')}; add context or an alias to people.yml`,
      });
    }
  }

  const people = new Map<number, Evidence>();
  const annotated: AnnotatedSentence[] = all.map((s) => ({ ...s, speaker: null, people: [], projects: [] }));
  const bySentence = new Map<Sentence, AnnotatedSentence>(all.map((s, i) => [s, annotated[i]]));
  for (const [p, key] of resolved) {
    if (!people.has(key)) people.set(key, ev(p.sentence));
    const a = bySentence.get(p.sentence)!;
    if (p.speaker) a.speaker = key;
    else a.people.push({ key, start: p.start, end: p.end, text: p.text });
  }
  for (const a of annotated) a.people.sort((x, y) => x.start - y.start);

  // Projects, references and discovered names.
  const projects = new Map<number, Evidence>();
  const projectSalience = new Map<number, ProjectSalience>();
  const references = new Map<string, Evidence>();
  const discovered: SectionFacts['discovered'] = [];
  const personForms = (name: string) => ctx.people.lookup(name).length > 0 || isPersonHandle(name, ctx.people.records);
  const mentions = withoutOtherKinds(annotated.flatMap((a) => ctx.projects.findInSentence(a)));
  const mentionsOf = new Map<Sentence, ProjectMention[]>();
  for (const m of mentions) {
    const list = mentionsOf.get(m.sentence);
    if (list) list.push(m);
    else mentionsOf.set(m.sentence, [m]);
  }
  for (const a of annotated) {
    for (const m of mentionsOf.get(a) ?? []) {
      a.projects.push({ key: m.key, text: m.text });
      if (!projects.has(m.key)) projects.set(m.key, ev(a));
      const salience = projectSalience.get(m.key) ?? { mentions: 0, versioned: false, inHeading: false, uses: [] };
      salience.mentions++;
      salience.versioned ||= m.versioned;
      salience.inHeading ||= !!section.heading && a === annotated[0];
      salience.uses.push(m);
      projectSalience.set(m.key, salience);
    }
    for (const d of discoverProjectNames(a, ctx.projects)) if (!personForms(d.name)) discovered.push({ name: d.name, kind: d.kind, evidence: ev(a) });
  }
  for (const l of section.lines) {
    // Both patterns need a character most lines lack; REPO_REF matches every word, so skipping
    // the lines without a `#` saves a match per word of the folder.
    if (l.text.includes('://')) for (const m of l.text.matchAll(URL)) {
      const url = m[0].replace(/[.,;:]+$/, '');
      if (!references.has(url)) references.set(url, { file: note.source, line: l.line, sentence: l.text.trim().slice(0, 400) });
    }
    if (l.text.includes('#')) for (const m of l.text.matchAll(REPO_REF)) {
      if (m[1] !== undefined && !references.has(m[0])) references.set(m[0], { file: note.source, line: l.line, sentence: l.text.trim().slice(0, 400) });
    }
  }

  const presenter = section.heading ? annotated[0].people.find((p) => /\(([^)]*)\)\s*$/.test(section.heading) && section.heading.lastIndexOf('(') <= p.start)?.key ?? null : null;
  const actions = extractActionItems(section.heading ? annotated.slice(1) : annotated, {
    heading: section.heading,
    presenter,
    file: note.source,
    lines: section.lines,
    headingProjects: section.heading ? annotated[0].projects.map((p) => p.key) : [],
  });

  return {
    section,
    order,
    // Lines that were apart in the note (a blank line between) stay paragraphs apart.
    text: section.lines.map((l, i) => (i > 0 && l.line > section.lines[i - 1].line + 1 ? `\n${l.text}` : l.text)).join('\n'),
    people,
    projects,
    projectSalience,
    topics: new Map<string, Evidence>(),
    sentences,
    references,
    actions,
    discovered,
  };
}
