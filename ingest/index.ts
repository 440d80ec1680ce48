/**
 * The ingest pipeline: read → parse → build the people and projects of the folder → extract →
 * assemble. Pure stages over typed data; nothing here knows about stores, search or HTTP.
 */
import type { IngestWarning, MeetingGraph } from '../src/domain.js';
import { readNotesFolder, type RawNote, type ReadOptions } from './read.js';
import type { ParsedNote } from './parse.js';
import { parseNoteCached } from './parse-cache.js';
import { loadRegistry, type RegistryEntry } from './registry.js';
import { PeopleDirectory } from './people.js';
import { ProjectDirectory } from './projects.js';
import { extractNote } from './extract.js';
import { assembleGraph } from './assemble.js';
import { topicsOfTexts } from './topics.js';
import type { NoteFacts } from './extract.js';

export interface IngestOptions extends ReadOptions {
  /** A people registry (`people.yml`): canonical names and aliases. */
  peopleFile?: string;
  /** A projects registry (`projects.yml`). */
  projectsFile?: string;
  /** Extract topics with NLP (default true). */
  topics?: boolean;
  /** Called after each note is parsed. */
  onProgress?: (done: number, total: number, source: string) => void;
}

/** Ingests every note below `notesDir`. Bad notes become warnings; only an unusable folder or registry throws. */
export async function ingestFolder(notesDir: string, options: IngestOptions = {}): Promise<MeetingGraph> {
  const { notes, warnings } = await readNotesFolder(notesDir, options);
  return ingestNotes(notes, {
    ...options,
    people: options.peopleFile ? loadRegistry(options.peopleFile) : null,
    projects: options.projectsFile ? loadRegistry(options.projectsFile) : null,
    readWarnings: warnings,
  });
}

export interface IngestNotesOptions {
  people: RegistryEntry[] | null;
  projects: RegistryEntry[] | null;
  readWarnings?: IngestWarning[];
  topics?: boolean;
  onProgress?: IngestOptions['onProgress'];
}

/** The pure part of ingest: notes already read → graph. */
export function ingestNotes(notes: RawNote[], options: IngestNotesOptions): MeetingGraph {
  const warnings: IngestWarning[] = [...(options.readWarnings ?? [])];
  const parsed: ParsedNote[] = [];
  notes.forEach((n, i) => {
    try {
      parsed.push(parseNoteCached(n));
    } catch (err) {
      warnings.push({ kind: 'skipped', file: n.source, message: `could not be parsed: ${(err as Error).message}` });
    }
    options.onProgress?.(i + 1, notes.length, n.source);
  });
  parsed.sort((a, b) => ((a.date ?? '') + a.id < (b.date ?? '') + b.id ? -1 : 1));
  const people = PeopleDirectory.build(parsed, options.people);
  const projects = new ProjectDirectory(options.projects);
  const facts: NoteFacts[] = [];
  for (const note of parsed) {
    try {
      facts.push(extractNote(note, { people, projects }));
    } catch (err) {
      warnings.push({ kind: 'skipped', file: note.source, message: `extraction failed: ${(err as Error).message}` });
    }
  }
  if (options.topics !== false) assignTopics(facts);
  return assembleGraph(facts, people, projects, warnings, { promoteDiscoveredAt: options.projects ? null : 2, umbrellaShare: 0.9 });
}

/** Topics of every discussion, from its heading (or opening sentence when it has none), in one NLP pass. */
function assignTopics(facts: NoteFacts[]): void {
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
