/**
 * What a person curating the registries needs: the mentions no one could be found for, the ones
 * that could be several people, the project-like names no registry lists — each with where it was
 * seen — and the YAML entries to paste into people.yml / projects.yml to settle them.
 */
import { dump } from 'js-yaml';
import type { IngestWarning, MeetingGraph } from '../domain.js';

export interface Place {
  file: string;
  line: number | null;
}

export interface MentionGroup {
  mention: string;
  /** How many times it was reported. */
  count: number;
  /** Where, in note order (the first 20). */
  places: Place[];
  /** For ambiguous mentions: who it could be. */
  candidates: string[];
  message: string;
}

export interface CurationReport {
  unresolved: MentionGroup[];
  ambiguous: MentionGroup[];
  projectCandidates: Array<{ name: string; count: number; evidence: Array<{ file: string; line: number; sentence: string }> }>;
  /** Other ingest warnings (skipped or partial notes, dates, registry problems). */
  problems: Array<{ kind: string; file: string; line: number | null; message: string }>;
  /** Entries to add to people.yml (YAML, with comments saying why). */
  peopleYaml: string;
  /** Entries to add to projects.yml. */
  projectsYaml: string;
}

const MAX_PLACES = 20;

export function curationReport(graph: MeetingGraph): CurationReport {
  const unresolved = groupMentions(graph.warnings.filter((w) => w.kind === 'unresolved'));
  const ambiguous = groupMentions(graph.warnings.filter((w) => w.kind === 'ambiguous'));
  const projectCandidates = [...graph.projectCandidates]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .map((c) => ({ name: c.name, count: c.count, evidence: c.evidence.slice(0, 5) }));
  const problems = graph.warnings
    .filter((w) => w.kind !== 'unresolved' && w.kind !== 'ambiguous')
    .map((w) => ({ kind: w.kind, file: w.file, line: w.line ?? null, message: w.message }));
  return {
    unresolved,
    ambiguous,
    projectCandidates,
    problems,
    peopleYaml: peopleYaml(unresolved, ambiguous, graph),
    projectsYaml: projectsYaml(projectCandidates),
  };
}

function groupMentions(warnings: IngestWarning[]): MentionGroup[] {
  const groups = new Map<string, MentionGroup>();
  for (const w of warnings) {
    const mention = w.mention ?? w.message;
    const candidates = [...(w.candidates ?? [])].sort();
    const key = `${mention}\u0000${candidates.join('\u0000')}`;
    let g = groups.get(key);
    if (!g) {
      g = { mention, count: 0, places: [], candidates, message: w.message };
      groups.set(key, g);
    }
    g.count++;
    if (g.places.length < MAX_PLACES) g.places.push({ file: w.file, line: w.line ?? null });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.mention.localeCompare(b.mention));
}

const where = (p: Place | undefined) => (p ? `${p.file}${p.line ? `:${p.line}` : ''}` : '');

function peopleYaml(unresolved: MentionGroup[], ambiguous: MentionGroup[], graph: MeetingGraph): string {
  const out: string[] = [];
  const known = new Map(graph.people.map((p) => [p.name, p]));
  for (const g of ambiguous) {
    out.push(`# "${oneLine(g.mention)}" (${times(g.count)}, e.g. ${where(g.places[0])}) could be ${g.candidates.join(' or ')}.`);
    out.push('# Add it to the aliases of the one it usually means (replacing that entry), e.g.:');
    const first = known.get(g.candidates[0]);
    const entry = { name: g.candidates[0], aliases: [...new Set([...(first?.aliases ?? []), g.mention])] };
    out.push(...comment(dump([entry], { flowLevel: 2 })));
    out.push('');
  }
  for (const g of unresolved) {
    out.push(`# "${oneLine(g.mention)}": ${times(g.count)}, e.g. ${where(g.places[0])}`);
    out.push(dump([{ name: g.mention, aliases: [] }], { flowLevel: 2 }).trimEnd());
    out.push('');
  }
  return out.join('\n').trim() + (out.length ? '\n' : '');
}

function projectsYaml(candidates: CurationReport['projectCandidates']): string {
  const out: string[] = [];
  for (const c of candidates) {
    out.push(`# ${times(c.count)}${c.evidence[0] ? `, e.g. ${c.evidence[0].file}:${c.evidence[0].line}` : ''}`);
    out.push(dump([{ name: c.name, aliases: [] }], { flowLevel: 2 }).trimEnd());
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function comment(yaml: string): string[] {
  return yaml.trimEnd().split('\n').map((line) => `# ${line}`);
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** A mention inside a YAML comment must stay on its line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
