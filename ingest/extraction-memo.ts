/**
 * What each note gave at the last ingest in this process, kept by a long-lived caller (the
 * server) so that its next ingest extracts only the notes that changed.
 *
 * A note's facts depend on the note and on the folder-wide people and projects every extraction
 * reads (`ExtractContext`), and nothing else. That context is built from the registries and from
 * every attendee list in meeting order; the memo keeps a fingerprint of those inputs. When the
 * next ingest's notes give the same fingerprint (no attendee list or registry changed, no note
 * with attendees came, went or moved in the meeting order), the facts of every note with an unchanged content hash are
 * what extraction would give again, and only the others are parsed and extracted. Otherwise the
 * caller extracts the whole folder and the memo starts over from that run.
 *
 * Assembly's folder-wide decisions still read every note: they count across notes (promoted
 * project names, the umbrella project, ids). The memo keeps the last assembly's slice of each
 * note, which assembly reuses for the same facts under the same decisions (see `assembleFolder`),
 * and from that what changed, meeting by meeting (`lastChanges`). The topic pass changes the
 * facts it is given, so it gets copies and the memo keeps its facts as extraction made them.
 */
import { createHash } from 'node:crypto';
import type { GraphChanges, IngestWarning, MeetingGraph } from '../src/domain.js';
import { CaseEvidenceTally, EntityTally, type AssembleOptions, type Assembly, type MeetingSlice } from './assemble.js';
import type { AttendeeEntry } from './attendees.js';
import type { ExtractContext, NoteFacts, SectionFacts } from './extract.js';
import type { MeetingKey } from './note-stages.js';
import type { PeopleDirectory } from './people.js';
import type { RawNote } from './read.js';
import type { RegistryEntry } from './registry.js';

/** What became of one note: its facts, or the warning it became at the step where it failed. */
export interface NoteOutcome {
  /** What orders the note and who attended, once it is parsed (both feed the people directory). */
  parsed: { key: MeetingKey; attendees: AttendeeEntry[] } | null;
  result: { facts: NoteFacts } | { warning: IngestWarning };
}

interface MemoEntry extends NoteOutcome {
  contentHash: string;
}

/** How the last ingest that used the memo went. */
export interface MemoRun {
  /** Notes whose facts were taken from the memo. */
  reused: number;
  /** Notes parsed and extracted again (all of them when the context changed). */
  extracted: number;
  /** Why everything was extracted again, when it was. */
  fullBecause: string | null;
}

export class ExtractionMemo {
  private entries = new Map<string, MemoEntry>();
  private contextKey: string | null = null;
  private people: PeopleDirectory | null = null;
  lastRun: MemoRun | null = null;
  /** The last assembly: each slice by the very facts it was made from. */
  private assembly: { decisionsKey: string; slices: Map<NoteFacts, MeetingSlice>; graph: MeetingGraph } | null = null;
  /** How the folder writes each word, counted note by note (see `CaseEvidenceTally`). */
  readonly caseTally = new CaseEvidenceTally();
  /** The entities the kept slices use, counted slice by slice (see `EntityTally`). */
  readonly entityTally = new EntityTally();
  /** How the last assembled graph differs from the one before it (null until there are two). */
  lastChanges: GraphChanges | null = null;

  /** Whether an ingest has filled the memo (before that there is nothing to reuse). */
  get filled(): boolean {
    return this.contextKey !== null;
  }

  /** The outcome kept for `note`, when its content is what it was. */
  outcomeOf(note: RawNote): NoteOutcome | null {
    const entry = this.entries.get(note.source);
    return entry && entry.contentHash === note.contentHash ? entry : null;
  }

  /**
   * The people directory to extract changed notes with, when `key` (see `contextKey`) is the
   * key of the context the kept facts were extracted with; null when the folder must be
   * extracted whole.
   */
  peopleFor(key: string): PeopleDirectory | null {
    return key === this.contextKey ? this.people : null;
  }

  /** Why a whole-folder extraction with context `key` could not use the memo (for `MemoRun.fullBecause`). */
  missReason(key: string): string {
    if (this.contextKey === null) return 'first ingest';
    return key === this.contextKey ? 'extracted whole' : 'the attendee lists, their meeting order or a registry changed';
  }

  /** Keeps the outcomes of one ingest, replacing everything kept before. */
  remember(notes: RawNote[], outcomes: Array<NoteOutcome | null>, context: ExtractContext, key: string, run: MemoRun): void {
    this.entries = new Map();
    notes.forEach((note, i) => {
      const outcome = outcomes[i];
      if (outcome) this.entries.set(note.source, { contentHash: note.contentHash, ...outcome });
    });
    this.contextKey = key;
    this.people = context.people;
    this.lastRun = run;
  }

  /** The last assembly's slices for `facts` (by identity: facts taken from this memo), for `assembleFolder`'s `reuse`. */
  slicesFor(facts: NoteFacts[]): AssembleOptions['reuse'] {
    if (!this.assembly) return undefined;
    const { decisionsKey, slices } = this.assembly;
    return { decisionsKey, slices: facts.map((f) => slices.get(f) ?? null) };
  }

  /**
   * Takes `graph` as the graph of the last assembly, which it equals (the caller compared them):
   * the next assembly's changes are then relative to it. A server that started from its saved
   * graph and filled the memo afterwards keeps serving that graph, and its store and search index,
   * which hold that very graph, take the next change's hint.
   */
  adoptGraph(graph: MeetingGraph): void {
    if (this.assembly) this.assembly.graph = graph;
    this.lastChanges = null;
  }

  /** Keeps an assembly of `facts` (the facts as this memo keeps them), and what changed since the last one. */
  rememberAssembly(facts: NoteFacts[], assembly: Assembly): void {
    const since = this.assembly?.graph;
    this.lastChanges = since ? { since, meetings: new Set(assembly.rebuilt.keys()), items: assembly.rebuilt } : null;
    this.assembly = { decisionsKey: assembly.decisionsKey, slices: new Map(facts.map((f, i) => [f, assembly.slices[i]])), graph: assembly.graph };
  }
}

/**
 * The fingerprint of everything `extractContext` reads: the registries and, in meeting order,
 * each attendee's name and handle (the directory reads nothing else of an entry).
 */
export function contextKey(attendeeLists: AttendeeEntry[][], people: RegistryEntry[] | null, projects: RegistryEntry[] | null): string {
  const hash = createHash('sha256').update(JSON.stringify([people, projects]));
  // A note without an attendee list adds nothing to the directory, wherever it falls in the order.
  // JSON has no raw line break, so one between lists keeps them apart.
  for (const list of attendeeLists) if (list.length > 0) hash.update('\n').update(attendeeListText(list));
  return hash.digest('hex');
}

/** By the list's identity: a memo hands the same lists to every ingest, which then writes each once (30–60 ms at 10,000 notes). */
const attendeeListTexts = new WeakMap<AttendeeEntry[], string>();

function attendeeListText(list: AttendeeEntry[]): string {
  let text = attendeeListTexts.get(list);
  if (text === undefined) {
    text = JSON.stringify(list.map((a) => [a.name, a.handle ?? null]));
    attendeeListTexts.set(list, text);
  }
  return text;
}

/**
 * A copy of kept facts that topics and assembly may change: they set a section's topics,
 * filter its discovered names and add or drop its projects. The rest is only read.
 */
export function workingCopy(facts: NoteFacts): NoteFacts {
  return { ...facts, sections: facts.sections.map((s): SectionFacts => ({ ...s, projects: new Map(s.projects), topics: new Map(s.topics) })) };
}
