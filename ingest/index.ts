/**
 * The ingest pipeline: read → parse → build the people and projects of the folder → extract →
 * assemble. Pure stages over typed data; nothing here knows about stores, search or HTTP.
 */
import type { IngestWarning, MeetingGraph } from '../src/domain.js';
import { listNoteFiles, readNotesFolder, type RawNote, type ReadOptions } from './read.js';
import type { ParsedNote } from './parse.js';
import { parseNoteCached } from './parse-cache.js';
import { loadRegistry, type RegistryEntry } from './registry.js';
import type { ExtractContext, NoteFacts } from './extract.js';
import { assembleFolder, assembleGraph, type AssembleOptions } from './assemble.js';
import { topicsOfTexts } from './topics.js';
import { extractContext, extractStep, inMeetingOrder, parseStep } from './note-stages.js';
import { IngestWorkers, workerCount } from './parallel.js';
import { contextKey, workingCopy, type ExtractionMemo, type MemoRun, type NoteOutcome } from './extraction-memo.js';
import type { AttendeeEntry } from './attendees.js';
import { ProjectDirectory } from './projects.js';
import type { MeetingKey } from './note-stages.js';

export interface IngestOptions extends ReadOptions {
  /** A people registry (`people.yml`): canonical names and aliases. */
  peopleFile?: string;
  /** A projects registry (`projects.yml`). */
  projectsFile?: string;
  /** Extract topics with NLP (default true). */
  topics?: boolean;
  /** Called after each note is parsed. */
  onProgress?: (done: number, total: number, source: string) => void;
  /**
   * Worker threads that parse and extract beside the calling thread, which takes a share too. By
   * default a folder of at least 3,000 notes (PARALLEL_MIN_NOTES) uses one per core but one (none on one core) and a
   * smaller folder none: starting a worker costs more than it saves there. 0 means none. The
   * graph is the same either way.
   */
  workers?: number;
}

/** Ingests every note below `notesDir`. Bad notes become warnings; only an unusable folder or registry throws. */
export async function ingestFolder(notesDir: string, options: IngestOptions = {}): Promise<MeetingGraph> {
  // Workers take a second or two to load the extraction code: they start while the notes are read.
  const count = workerCount((await listNoteFiles(notesDir)).length, options.workers);
  const workers = count > 0 ? IngestWorkers.start(count) : null;
  try {
    const { notes, warnings } = await readNotesFolder(notesDir, options);
    const notesOptions: IngestNotesOptions = {
      ...options,
      people: options.peopleFile ? loadRegistry(options.peopleFile) : null,
      projects: options.projectsFile ? loadRegistry(options.projectsFile) : null,
      readWarnings: warnings,
    };
    return workers ? await ingestWithWorkers(notes, notesOptions, workers) : ingestNotes(notes, notesOptions);
  } finally {
    await workers?.close();
  }
}

export interface IngestNotesOptions {
  people: RegistryEntry[] | null;
  projects: RegistryEntry[] | null;
  readWarnings?: IngestWarning[];
  topics?: boolean;
  onProgress?: IngestOptions['onProgress'];
  /** See `IngestOptions.workers`; only `ingestNotesAsync` uses workers. */
  workers?: number;
  /**
   * What the last ingest in this process gave per note (a server keeps one): notes whose facts
   * still hold are not extracted again (see `ExtractionMemo`). Updated with this ingest's outcomes.
   */
  memo?: ExtractionMemo;
}

/** What extraction gives for a folder, before the folder-wide stages. */
interface Extracted {
  /** Facts of every note that was parsed and extracted, in meeting order. */
  facts: NoteFacts[];
  context: ExtractContext;
  /** Notes that could not be parsed (in note order), then notes whose extraction failed (in meeting order). */
  warnings: IngestWarning[];
  /** What became of each note, by its index in the notes given. */
  outcomes: Array<NoteOutcome | null>;
  /** Every parsed note's attendee list, in meeting order. */
  attendeeLists: AttendeeEntry[][];
  /** Set when the outcomes of unchanged notes came from a memo: their number and the context's key. */
  fromMemo?: { reused: number; contextKey: string };
}

/** The pure part of ingest: notes already read → graph, on the calling thread. */
export function ingestNotes(notes: RawNote[], options: IngestNotesOptions): MeetingGraph {
  const extracted = (options.memo && extractWithMemo(notes, options, options.memo)) || extractOnThisThread(notes, options);
  return finish(notes, extracted, options);
}

/**
 * `ingestNotes` with parse and extraction on worker threads when the folder is large (see
 * `IngestOptions.workers`): the same graph, sooner on a machine with several cores. Should the
 * workers fail to start or die, the notes are ingested on the calling thread instead.
 */
export async function ingestNotesAsync(notes: RawNote[], options: IngestNotesOptions): Promise<MeetingGraph> {
  const fromMemo = options.memo && extractWithMemo(notes, options, options.memo);
  if (fromMemo) return finish(notes, fromMemo, options);
  const count = workerCount(notes.length, options.workers);
  if (count === 0) return finish(notes, extractOnThisThread(notes, options), options);
  const workers = IngestWorkers.start(count);
  try {
    return await ingestWithWorkers(notes, options, workers);
  } finally {
    await workers.close();
  }
}

/**
 * `ingestNotes` on this thread and `workers` worker threads (at least 1), without falling back:
 * rejects when a worker cannot be started or dies.
 */
export async function ingestNotesInWorkers(notes: RawNote[], options: IngestNotesOptions, workers: number): Promise<MeetingGraph> {
  const started = IngestWorkers.start(workers);
  let extracted: Extracted;
  try {
    extracted = await extractWith(started, notes, options);
  } finally {
    await started.close();
  }
  return finish(notes, extracted, options);
}

async function ingestWithWorkers(notes: RawNote[], options: IngestNotesOptions, workers: IngestWorkers): Promise<MeetingGraph> {
  const extracted = await extractWith(workers, notes, options).catch(() => extractOnThisThread(notes, options));
  return finish(notes, extracted, options);
}

async function extractWith(workers: IngestWorkers, notes: RawNote[], options: IngestNotesOptions): Promise<Extracted> {
  const extracted = await workers.extract(notes, options);
  // Stopped before the folder-wide stages: an idle worker keeps its garbage (hundreds of MB at 10,000 notes).
  await workers.close();
  return extracted;
}

/** Parse and extraction of every note on this thread. */
function extractOnThisThread(notes: RawNote[], options: IngestNotesOptions): Extracted {
  const warnings: IngestWarning[] = [];
  const outcomes: Array<NoteOutcome | null> = new Array(notes.length).fill(null);
  const parsed: Array<{ index: number; note: ParsedNote }> = [];
  notes.forEach((n, index) => {
    const outcome = parseStep(n, parseNoteCached);
    if (outcome.ok) parsed.push({ index, note: outcome.value });
    else {
      warnings.push(outcome.warning);
      outcomes[index] = { parsed: null, result: { warning: outcome.warning } };
    }
    options.onProgress?.(index + 1, notes.length, n.source);
  });
  const inOrder = inMeetingOrder(parsed, (p) => p.note);
  const context = extractContext(inOrder.map((p) => p.note), options.people, options.projects);
  const facts: NoteFacts[] = [];
  for (const { index, note } of inOrder) {
    const outcome = extractStep(note, context);
    const summary = { key: { date: note.date, id: note.id }, attendees: note.attendees };
    if (outcome.ok) facts.push(outcome.value);
    else warnings.push(outcome.warning);
    outcomes[index] = { parsed: summary, result: outcome.ok ? { facts: outcome.value } : { warning: outcome.warning } };
  }
  return { facts, context, warnings, outcomes, attendeeLists: inOrder.map((p) => p.note.attendees) };
}

/**
 * Extraction that takes every unchanged note's outcome from `memo` and parses and extracts only
 * the others, on this thread; null when the folder-wide context changed and every note must be
 * extracted again. Warnings and facts come in the order `extractOnThisThread` gives them.
 */
function extractWithMemo(notes: RawNote[], options: IngestNotesOptions, memo: ExtractionMemo): Extracted | null {
  if (!memo.filled) return null;
  const warnings: IngestWarning[] = [];
  const outcomes: Array<NoteOutcome | null> = new Array(notes.length).fill(null);
  const fresh = new Map<number, ParsedNote>();
  const parsed: Array<{ index: number; key: MeetingKey; attendees: AttendeeEntry[] }> = [];
  notes.forEach((n, index) => {
    const kept = memo.outcomeOf(n);
    if (kept) {
      outcomes[index] = kept;
      if (kept.parsed) parsed.push({ index, ...kept.parsed });
      else if ('warning' in kept.result) warnings.push(kept.result.warning);
      return;
    }
    const outcome = parseStep(n, parseNoteCached);
    if (outcome.ok) {
      fresh.set(index, outcome.value);
      parsed.push({ index, key: { date: outcome.value.date, id: outcome.value.id }, attendees: outcome.value.attendees });
    } else {
      warnings.push(outcome.warning);
      outcomes[index] = { parsed: null, result: { warning: outcome.warning } };
    }
  });
  const ordered = inMeetingOrder(parsed, (p) => p.key);
  const attendeeLists = ordered.map((o) => o.attendees);
  const key = contextKey(attendeeLists, options.people, options.projects);
  const people = memo.peopleFor(key);
  if (!people) return null;
  options.onProgress?.(notes.length, notes.length, '');
  // Promoting discovered names adds to a projects directory, so each ingest starts from the registry's.
  const context: ExtractContext = { people, projects: new ProjectDirectory(options.projects) };
  const facts: NoteFacts[] = [];
  for (const { index, key: noteKey, attendees } of ordered) {
    const note = fresh.get(index);
    if (note) {
      const outcome = extractStep(note, context);
      outcomes[index] = { parsed: { key: noteKey, attendees }, result: outcome.ok ? { facts: outcome.value } : { warning: outcome.warning } };
    }
    const result = outcomes[index]!.result;
    if ('facts' in result) facts.push(result.facts);
    else warnings.push(result.warning);
  }
  return { facts, context, warnings, outcomes, attendeeLists, fromMemo: { reused: notes.length - fresh.size, contextKey: key } };
}

/**
 * The folder-wide stages. A memo keeps this ingest's outcomes and assembly; the slices of the last
 * assembly are handed back for the notes whose facts came from the memo, and topics and assembly
 * work on copies of the facts the memo keeps.
 */
function finish(notes: RawNote[], extracted: Extracted, options: IngestNotesOptions): MeetingGraph {
  const { memo } = options;
  const warnings = [...(options.readWarnings ?? []), ...extracted.warnings];
  if (!memo) return completeGraph(extracted.facts, extracted.context, warnings, options);
  const { fromMemo } = extracted;
  const key = fromMemo?.contextKey ?? contextKey(extracted.attendeeLists, options.people, options.projects);
  const run: MemoRun = fromMemo
    ? { reused: fromMemo.reused, extracted: notes.length - fromMemo.reused, fullBecause: null }
    : { reused: 0, extracted: notes.length, fullBecause: memo.missReason(key) };
  memo.remember(notes, extracted.outcomes, extracted.context, key, run);
  const assembly = assembleFolder(extracted.facts, extracted.context.people, extracted.context.projects, warnings, {
    ...assembleOptions(options),
    prepare: (facts) => {
      const copies = facts.map(workingCopy);
      if (options.topics !== false) assignTopics(copies);
      return copies;
    },
    reuse: memo.slicesFor(extracted.facts),
    caseTally: memo.caseTally,
    entityTally: memo.entityTally,
  });
  memo.rememberAssembly(extracted.facts, assembly);
  return assembly.graph;
}

/** Topics (one NLP pass over the folder) and assembly: the folder-wide stages after extraction. */
export function completeGraph(facts: NoteFacts[], ctx: ExtractContext, warnings: IngestWarning[], options: IngestNotesOptions): MeetingGraph {
  if (options.topics !== false) assignTopics(facts);
  return assembleGraph(facts, ctx.people, ctx.projects, warnings, assembleOptions(options));
}

function assembleOptions(options: IngestNotesOptions): AssembleOptions {
  return { promoteDiscoveredAt: options.projects ? null : 2, umbrellaShare: 0.9 };
}

/** Topics of every discussion, from its heading (or opening sentence when it has none), in one NLP pass. */
export function assignTopics(facts: NoteFacts[]): void {
  const sections = facts.flatMap((f) => f.sections.map((s) => ({ s, file: f.note.source })));
  const sources = sections.map(({ s }) =>
    s.section.heading ? { text: s.section.heading, line: s.section.line, display: s.section.heading } : s.sentences[0],
  );
  const topics = topicsOfTexts(sources.map((t) => t?.text ?? ''));
  sections.forEach(({ s, file }, i) => {
    const source = sources[i];
    if (!source) return;
    for (const t of topics[i]) s.topics.set(t, { file, line: source.line, sentence: source.display.slice(0, 400) });
  });
}
