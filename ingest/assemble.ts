/**
 * Stage 4 — assemble: the facts of every note → one serialisable MeetingGraph with stable ids.
 *
 * In two steps. First the folder-wide decisions, read from every note: which discovered names
 * the folder writes as names and which of them become projects, the ids of people and projects,
 * and which projects are named only in passing. Then each meeting's slice of the graph, a
 * function of its note's facts and those decisions alone. A caller that keeps the slices of its
 * last assembly (the server, through its memo) hands them back, and the slice of a note whose
 * facts are the same is reused when the decisions are the same too: a changed note then costs
 * its own slice, and the caller learns which meetings were assembled anew.
 */
import { createHash } from 'node:crypto';
import {
  emptyGraph,
  joinItems,
  slug,
  type Evidence,
  type IngestWarning,
  type Meeting,
  type MeetingGraph,
  type MeetingItems,
  type Person,
  type Project,
  type ProjectCandidate,
  type Reference,
  type Topic,
  UNDATED,
} from '../src/domain.js';
import type { NoteFacts, SectionFacts } from './extract.js';
import type { PeopleDirectory } from './people.js';
import { isProgrammingLanguage, namedInPassing, type PassingKind, type ProjectDirectory } from './projects.js';
import { NameCaseEvidence } from './project-discovery.js';

export interface AssembleOptions {
  /** With no projects registry, discovered names seen in at least this many meetings become projects. */
  promoteDiscoveredAt: number | null;
  /** Share of meetings at or above which a project is the folder's umbrella name. */
  umbrellaShare: number;
  /**
   * Makes ready, in one call, the facts of the notes about to be sliced anew, and returns the
   * facts to slice: the topic pass, on copies when the facts given must stay as they are.
   * The decisions never read what it adds. Default: the facts as given.
   */
  prepare?: (facts: NoteFacts[]) => NoteFacts[];
  /**
   * The slices of an earlier assembly: `slices[i]`, made from the very facts now at `facts[i]`
   * (null where there is none), is reused when it was made under the same decisions.
   */
  reuse?: { decisionsKey: string; slices: Array<MeetingSlice | null> };
  /** Kept across assemblies of one folder, so that only the notes that came or went are counted again. */
  caseTally?: CaseEvidenceTally;
  /** Kept across assemblies of one folder, so that only the slices that came or went are counted again. */
  entityTally?: EntityTally;
}

/**
 * How a folder writes each word (see NameCaseEvidence), kept from one assembly to the next: the
 * counts add up note by note, so an assembly counts the sentences of the notes whose facts are
 * new (by identity) and takes back those of the notes whose facts went, instead of every
 * sentence of the folder. The facts counted must not change afterwards (a memo's do not).
 */
export class CaseEvidenceTally {
  private readonly evidence = new NameCaseEvidence();
  private counted = new Set<NoteFacts>();

  /** The evidence of exactly `facts`. */
  sync(facts: NoteFacts[]): NameCaseEvidence {
    const now = new Set(facts);
    for (const f of this.counted) if (!now.has(f)) countSentences(this.evidence, f, -1);
    for (const f of now) if (!this.counted.has(f)) countSentences(this.evidence, f, 1);
    this.counted = now;
    return this.evidence;
  }
}

/**
 * Which people, projects, topics and references the slices use, counted slice by slice and kept
 * from one assembly to the next, as `CaseEvidenceTally` is: joining the slices then visits the
 * slices that came or went, not the 110,000 citations and 85,000 topic edges of 10,000 meetings.
 * What it gives depends only on the slices counted, never on their order or history: references
 * by id, and each topic under the spelling most of its edges use (the least by code unit on a tie).
 */
export class EntityTally {
  private counted = new Set<MeetingSlice>();
  private readonly people = new Map<number, number>();
  private readonly projects = new Map<number, number>();
  private readonly topics = new Map<string, Map<string, number>>();
  private readonly references = new Map<string, number>();
  /** The last reference list, kept while no reference comes or goes. */
  private referenceList: Reference[] = [];

  /** The entities that exactly `slices` use. */
  sync(slices: MeetingSlice[]): { personKeys: number[]; projectKeys: number[]; topics: Topic[]; references: Reference[] } {
    const now = new Set(slices);
    // Whether each reference counted here was used before: a changed meeting takes its citations
    // back and gives them again, which moves no reference in or out of the list.
    const wasUsed = new Map<string, boolean>();
    const count = (slice: MeetingSlice, by: 1 | -1) => {
      for (const k of slice.personKeys) bump(this.people, k, by);
      for (const k of slice.projectKeys) bump(this.projects, k, by);
      for (const [id, name] of slice.topics) {
        const names = this.topics.get(id) ?? new Map<string, number>();
        this.topics.set(id, names);
        bump(names, name, by);
        if (names.size === 0) this.topics.delete(id);
      }
      for (const { referenceId } of slice.cites) {
        if (!wasUsed.has(referenceId)) wasUsed.set(referenceId, this.references.has(referenceId));
        bump(this.references, referenceId, by);
      }
    };
    for (const slice of this.counted) if (!now.has(slice)) count(slice, -1);
    for (const slice of now) if (!this.counted.has(slice)) count(slice, 1);
    this.counted = now;
    const arrived: string[] = [];
    const left = new Set<string>();
    for (const [id, was] of wasUsed) {
      const used = this.references.has(id);
      if (used && !was) arrived.push(id);
      else if (was && !used) left.add(id);
    }
    if (arrived.length > 0 || left.size > 0) {
      const kept = left.size > 0 ? this.referenceList.filter((r) => !left.has(r.id)) : this.referenceList;
      this.referenceList = mergeById(kept, arrived.sort().map((id): Reference => ({ id, url: id })));
    }
    const byKey = (counts: Map<number, number>) => [...counts.keys()].sort((a, b) => a - b);
    const topics = [...this.topics.entries()]
      .map(([id, names]): Topic => ({ id, name: mostUsed(names) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return { personKeys: byKey(this.people), projectKeys: byKey(this.projects), topics, references: this.referenceList };
  }
}

/** Adds `by` to a count, dropping the entry at zero. */
function bump<K>(counts: Map<K, number>, key: K, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}

/** The name counted most often; the least by code unit among equals. */
function mostUsed(names: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [name, n] of names) if (n > bestCount || (n === bestCount && name < best)) [best, bestCount] = [name, n];
  return best;
}

/** Two lists sorted by id, as one (neither holds an id of the other). */
function mergeById(a: Reference[], b: Reference[]): Reference[] {
  const out = new Array<Reference>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i].id < b[j].id ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

function countSentences(evidence: NameCaseEvidence, f: NoteFacts, by: 1 | -1): void {
  for (const s of f.sections) for (const sentence of s.sentences) evidence.add(sentence.text, by);
}

/** What one meeting adds to the graph: a function of its note's facts and the folder's decisions. */
export interface MeetingSlice extends MeetingItems {
  meeting: Meeting;
  /** The note's own date (null when it has none): two notes of one date are reported by the folder pass. */
  date: string | null;
  /** The note's parse and extraction warnings. */
  warnings: IngestWarning[];
  /** Keys of the people and projects its edges use (the graph lists only those). */
  personKeys: number[];
  projectKeys: number[];
  /** The topics its discussions are about, [id, name], in the order met. */
  topics: Array<[string, string]>;
}

/** What the folder decides for every slice; a slice reads nothing else of the other notes. */
interface FolderDecisions {
  /** Of each capitalised discovered name: whether the folder writes it as a name (see NameCaseEvidence). */
  nameVerdicts: Map<string, boolean>;
  /** Discovered names that became projects, to the project's key. */
  promoted: Map<string, number>;
  /** By directory key. */
  personIds: string[];
  projectIds: string[];
  /** By project key: whether a passing mention of it does not count (see namedInPassing). */
  passingKinds: PassingKind[];
}

export interface Assembly {
  graph: MeetingGraph;
  /** Each note's slice, in the order of the facts given. */
  slices: MeetingSlice[];
  /** Fingerprint of the decisions the slices were made under. */
  decisionsKey: string;
  /** The meetings sliced anew (all of them unless slices were reused): their slices by meeting id. */
  rebuilt: Map<string, MeetingSlice>;
}

export function assembleGraph(
  facts: NoteFacts[],
  people: PeopleDirectory,
  projects: ProjectDirectory,
  warnings: IngestWarning[],
  options: AssembleOptions,
): MeetingGraph {
  return assembleFolder(facts, people, projects, warnings, options).graph;
}

/** `assembleGraph`, with the slices and what was sliced anew. */
export function assembleFolder(
  facts: NoteFacts[],
  people: PeopleDirectory,
  projects: ProjectDirectory,
  warnings: IngestWarning[],
  options: AssembleOptions,
): Assembly {
  const { decisions, projectCandidates } = decide(facts, people, projects, options);
  const decisionsKey = fingerprintOf(decisions);
  const reusable = options.reuse?.decisionsKey === decisionsKey ? options.reuse.slices : [];
  const slices: Array<MeetingSlice | null> = facts.map((_, i) => reusable[i] ?? null);
  const fresh = facts.flatMap((f, i) => (slices[i] ? [] : [i]));
  const ready = options.prepare ? options.prepare(fresh.map((i) => facts[i])) : fresh.map((i) => facts[i]);
  fresh.forEach((i, j) => {
    slices[i] = sliceOf(ready[j], decisions, projects);
  });
  const made = slices as MeetingSlice[];
  const graph = joinSlices(made, warnings, people, projects, decisions, options.entityTally ?? new EntityTally());
  graph.projectCandidates = projectCandidates;
  return { graph, slices: made, decisionsKey, rebuilt: new Map(fresh.map((i) => [made[i].meeting.id, made[i]])) };
}

/** The folder-wide step. Reads the facts without changing them; promotes names into `projects`. */
function decide(
  facts: NoteFacts[],
  people: PeopleDirectory,
  projects: ProjectDirectory,
  options: AssembleOptions,
): { decisions: FolderDecisions; projectCandidates: ProjectCandidate[] } {
  // Discovered project names: candidates for the user, promoted to projects when there is no registry.
  // A capitalised word counts only if the folder writes it as a name, not as an ordinary word.
  const caseEvidence = options.caseTally ? options.caseTally.sync(facts) : new CaseEvidenceTally().sync(facts);
  const nameVerdicts = new Map<string, boolean>();
  // Of each kept name: how many meetings name it (the notes come one at a time, so a note counts
  // once) and its first three uses. One pass, and no set per name: at 10,000 notes there are
  // about as many names, and this runs after every change.
  const discovered = new Map<string, { meetings: number; lastNote: NoteFacts | null; evidence: Evidence[] }>();
  const meetingsNaming = new Map<number, number>();
  for (const f of facts) {
    const summary = summaryOf(f);
    for (const d of summary.discovered) {
      if (d.kind === 'capitalised' && !nameVerdicts.has(d.name)) nameVerdicts.set(d.name, caseEvidence.isName(d.name));
      if (!isKeptName(d, nameVerdicts)) continue;
      let entry = discovered.get(d.name);
      if (!entry) discovered.set(d.name, (entry = { meetings: 0, lastNote: null, evidence: [] }));
      if (entry.lastNote !== f) {
        entry.meetings++;
        entry.lastNote = f;
      }
      if (entry.evidence.length < 3) entry.evidence.push(d.evidence);
    }
    for (const k of summary.projectKeys) meetingsNaming.set(k, (meetingsNaming.get(k) ?? 0) + 1);
  }
  const promoted = new Map<string, number>();
  if (options.promoteDiscoveredAt !== null) {
    // Spellings that differ only in case are one name ("Lwt", `lwt`); the one seen in most meetings names it.
    const spellingsOf = new Map<string, string[]>();
    for (const name of discovered.keys()) spellingsOf.set(name.toLowerCase(), [...(spellingsOf.get(name.toLowerCase()) ?? []), name]);
    for (const spellings of spellingsOf.values()) {
      const meetings = spellings.length === 1 ? discovered.get(spellings[0])!.meetings : notesNamingAny(facts, new Set(spellings), nameVerdicts);
      if (meetings < options.promoteDiscoveredAt || projects.lookupLoose(spellings[0]).length > 0) continue;
      spellings.sort((a, b) => discovered.get(b)!.meetings - discovered.get(a)!.meetings || (a < b ? -1 : 1));
      const key = projects.add(spellings[0], spellings.slice(1), 'discovered').key;
      for (const n of spellings) promoted.set(n, key);
    }
  }
  const projectCandidates = [...discovered.entries()]
    .filter(([name]) => !promoted.has(name))
    .map(([name, e]): ProjectCandidate => ({ name, count: e.meetings, evidence: e.evidence }))
    // With a registry, names seen once are noise beside it; without one they are all there is to review.
    .filter((c) => c.count >= 2 || options.promoteDiscoveredAt !== null)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));

  // The folder's umbrella name (named in nearly every meeting; read from the folder, not
  // configured) and programming languages are mostly named in passing: see namedInPassing.
  const passingKinds = projects.records.map((r): PassingKind =>
    isProgrammingLanguage(r.name)
      ? 'language'
      : facts.length >= 10 && (meetingsNaming.get(r.key) ?? 0) >= options.umbrellaShare * facts.length
        ? 'umbrella'
        : 'other',
  );
  const decisions: FolderDecisions = {
    nameVerdicts,
    promoted,
    personIds: uniqueIds(people.records.map((r) => r.name)),
    projectIds: uniqueIds(projects.records.map((r) => r.name)),
    passingKinds,
  };
  return { decisions, projectCandidates };
}

/** How many of the notes use one of `names` where it is kept. */
function notesNamingAny(facts: NoteFacts[], names: Set<string>, nameVerdicts: Map<string, boolean>): number {
  return facts.filter((f) => summaryOf(f).discovered.some((d) => names.has(d.name) && isKeptName(d, nameVerdicts))).length;
}

/** What the decisions read of a note, in section order: its discovered names and the keys of the projects it names. */
interface NoteSummary {
  discovered: SectionFacts['discovered'];
  projectKeys: number[];
}

/** By the facts' identity: a memo hands the same facts to every assembly, which then reads each note once. */
const summaries = new WeakMap<NoteFacts, NoteSummary>();

function summaryOf(f: NoteFacts): NoteSummary {
  let summary = summaries.get(f);
  if (!summary) {
    summary = {
      discovered: f.sections.flatMap((s) => s.discovered),
      projectKeys: [...new Set(f.sections.flatMap((s) => [...s.projects.keys()]))],
    };
    summaries.set(f, summary);
  }
  return summary;
}

/** A section's discovered names, less the capitalised words the folder does not write as names. */
function keptDiscovered(s: SectionFacts, nameVerdicts: Map<string, boolean>): SectionFacts['discovered'] {
  return s.discovered.filter((d) => isKeptName(d, nameVerdicts));
}

function isKeptName(d: SectionFacts['discovered'][number], nameVerdicts: Map<string, boolean>): boolean {
  return d.kind !== 'capitalised' || nameVerdicts.get(d.name) === true;
}

/** One meeting's slice. Reads `facts` without changing them. */
function sliceOf(f: NoteFacts, decisions: FolderDecisions, projects: ProjectDirectory): MeetingSlice {
  const { note } = f;
  const { personIds, projectIds } = decisions;
  const meetingId = note.id;
  const slice: MeetingSlice = {
    meeting: { id: meetingId, date: note.date ?? UNDATED, title: note.title, description: note.description, source: note.source, contentHash: note.contentHash },
    date: note.date,
    discussions: [],
    attendance: [],
    discussed: [],
    about: [],
    cites: [],
    actionItems: [],
    warnings: [...note.warnings, ...f.warnings],
    personKeys: [],
    projectKeys: [],
    topics: [],
  };
  const personKeys = new Set<number>();
  const projectKeys = new Set<number>();
  for (const a of f.attendance) {
    personKeys.add(a.key);
    slice.attendance.push({ personId: personIds[a.key], meetingId, role: a.role, evidence: a.evidence });
  }
  for (const s of f.sections) {
    const discussionId = `${meetingId}#${s.order}`;
    slice.discussions.push({ id: discussionId, meetingId, heading: s.section.heading, text: s.text, order: s.order, line: s.section.line });
    for (const [key, evidence] of s.people) {
      personKeys.add(key);
      slice.discussed.push({ personId: personIds[key], discussionId, evidence });
    }
    const about = new Map<number, Evidence>();
    for (const [key, evidence] of s.projects) {
      const salience = s.projectSalience.get(key);
      if (!salience || !namedInPassing(salience, decisions.passingKinds[key])) about.set(key, evidence);
    }
    for (const [key, evidence] of about) {
      projectKeys.add(key);
      slice.about.push({ discussionId, targetId: projectIds[key], target: 'project', evidence });
    }
    for (const d of keptDiscovered(s, decisions.nameVerdicts)) {
      const key = decisions.promoted.get(d.name);
      if (key !== undefined && !about.has(key)) {
        about.set(key, d.evidence);
        projectKeys.add(key);
        slice.about.push({ discussionId, targetId: projectIds[key] ?? slug(d.name), target: 'project', evidence: d.evidence });
      }
    }
    for (const [name, evidence] of s.topics) {
      const id = `topic:${slug(name)}`;
      slice.topics.push([id, name]);
      slice.about.push({ discussionId, targetId: id, target: 'topic', evidence });
    }
    for (const [url, evidence] of s.references) slice.cites.push({ discussionId, referenceId: url, evidence });
    s.actions.forEach((a, i) => {
      personKeys.add(a.owner);
      for (const p of a.projects) projectKeys.add(p);
      slice.actionItems.push({
        id: `${discussionId}/a${i + 1}`,
        task: a.task,
        status: a.status,
        ownerId: personIds[a.owner],
        discussionId,
        projectIds: [...new Set(a.projects.map((p) => projectIds[p] ?? slug(projects.records[p].name)))],
        evidence: a.evidence,
      });
    });
  }
  slice.personKeys = [...personKeys];
  slice.projectKeys = [...projectKeys];
  return slice;
}

/** The graph of the slices, in their order, with the entities they use and the folder's warnings. */
function joinSlices(
  slices: MeetingSlice[],
  warnings: IngestWarning[],
  people: PeopleDirectory,
  projects: ProjectDirectory,
  decisions: FolderDecisions,
  tally: EntityTally,
): MeetingGraph {
  const graph = emptyGraph();
  graph.warnings.push(...warnings);
  const seenDates = new Map<string, string>();
  for (const slice of slices) {
    const { meeting } = slice;
    graph.warnings.push(...slice.warnings);
    if (slice.date && seenDates.has(slice.date)) {
      graph.warnings.push({ kind: 'duplicate-date', file: meeting.source, line: 1, message: `same date as ${seenDates.get(slice.date)}; both kept as separate meetings` });
    } else if (slice.date) seenDates.set(slice.date, meeting.source);
    graph.meetings.push(meeting);
  }
  Object.assign(graph, joinItems(slices));
  const used = tally.sync(slices);
  graph.people = used.personKeys.map((k): Person => {
    const r = people.records[k];
    const aliases = new Set<string>([...r.registryAliases, ...[...r.spellings.keys()].filter((s) => s !== r.name), ...r.handles]);
    return { id: decisions.personIds[k], name: r.name, aliases: [...aliases].sort() };
  });
  graph.projects = used.projectKeys.map((k): Project => {
    const r = projects.records[k];
    return { id: decisions.projectIds[k], name: r.name, aliases: [...r.aliases], origin: r.origin };
  });
  graph.topics = used.topics;
  graph.references = used.references;
  return graph;
}

function fingerprintOf(decisions: FolderDecisions): string {
  const { nameVerdicts, promoted, personIds, projectIds, passingKinds } = decisions;
  return createHash('sha256')
    .update(JSON.stringify([[...nameVerdicts], [...promoted], personIds, projectIds, passingKinds]))
    .digest('hex');
}

/** Slug ids, suffixed when two names slug the same. */
function uniqueIds(names: string[]): string[] {
  const used = new Map<string, number>();
  return names.map((n) => {
    const base = slug(n);
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  });
}
