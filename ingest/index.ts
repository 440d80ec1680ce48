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
import { assembleGraph } from './assemble.js';
import { topicsOfTexts } from './topics.js';
import { extractContext, extractStep, meetingOrder, parseStep } from './note-stages.js';
import { IngestWorkers, workerCount } from './parallel.js';

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
}

/** The pure part of ingest: notes already read → graph, on the calling thread. */
export function ingestNotes(notes: RawNote[], options: IngestNotesOptions): MeetingGraph {
  const warnings: IngestWarning[] = [...(options.readWarnings ?? [])];
  const parsed: ParsedNote[] = [];
  notes.forEach((n, i) => {
    const outcome = parseStep(n, parseNoteCached);
    if (outcome.ok) parsed.push(outcome.value);
    else warnings.push(outcome.warning);
    options.onProgress?.(i + 1, notes.length, n.source);
  });
  parsed.sort(meetingOrder);
  const ctx = extractContext(parsed, options.people, options.projects);
  const facts: NoteFacts[] = [];
  for (const note of parsed) {
    const outcome = extractStep(note, ctx);
    if (outcome.ok) facts.push(outcome.value);
    else warnings.push(outcome.warning);
  }
  return completeGraph(facts, ctx, warnings, options);
}

/**
 * `ingestNotes` with parse and extraction on worker threads when the folder is large (see
 * `IngestOptions.workers`): the same graph, sooner on a machine with several cores. Should the
 * workers fail to start or die, the notes are ingested on the calling thread instead.
 */
export async function ingestNotesAsync(notes: RawNote[], options: IngestNotesOptions): Promise<MeetingGraph> {
  const count = workerCount(notes.length, options.workers);
  if (count === 0) return ingestNotes(notes, options);
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
  try {
    return await extractWith(started, notes, options);
  } finally {
    await started.close();
  }
}

async function ingestWithWorkers(notes: RawNote[], options: IngestNotesOptions, workers: IngestWorkers): Promise<MeetingGraph> {
  return extractWith(workers, notes, options).catch(() => ingestNotes(notes, options));
}

async function extractWith(workers: IngestWorkers, notes: RawNote[], options: IngestNotesOptions): Promise<MeetingGraph> {
  const extracted = await workers.extract(notes, options);
  // Stopped before the folder-wide stages: an idle worker keeps its garbage (hundreds of MB at 10,000 notes).
  await workers.close();
  const warnings = [...(options.readWarnings ?? []), ...extracted.warnings];
  return completeGraph(extracted.facts, extracted.context, warnings, options);
}

/** Topics (one NLP pass over the folder) and assembly: the folder-wide stages after extraction. */
export function completeGraph(facts: NoteFacts[], ctx: ExtractContext, warnings: IngestWarning[], options: IngestNotesOptions): MeetingGraph {
  if (options.topics !== false) assignTopics(facts);
  return assembleGraph(facts, ctx.people, ctx.projects, warnings, { promoteDiscoveredAt: options.projects ? null : 2, umbrellaShare: 0.9 });
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
