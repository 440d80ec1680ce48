/**
 * Stage 4 — assemble: the facts of every note → one serialisable MeetingGraph with stable ids.
 */
import {
  emptyGraph,
  slug,
  type Evidence,
  type IngestWarning,
  type MeetingGraph,
  type Person,
  type Project,
  type ProjectCandidate,
} from '../src/domain.js';
import type { NoteFacts } from './extract.js';
import type { PeopleDirectory } from './people.js';
import { isProgrammingLanguage, namedInPassing, type PassingKind, type ProjectDirectory } from './projects.js';
import { NameCaseEvidence } from './project-discovery.js';

export interface AssembleOptions {
  /** With no projects registry, discovered names seen in at least this many meetings become projects. */
  promoteDiscoveredAt: number | null;
  /** Share of meetings at or above which a project is the folder's umbrella name. */
  umbrellaShare: number;
}

export function assembleGraph(
  facts: NoteFacts[],
  people: PeopleDirectory,
  projects: ProjectDirectory,
  warnings: IngestWarning[],
  options: AssembleOptions,
): MeetingGraph {
  const graph = emptyGraph();
  graph.warnings.push(...warnings);

  // Discovered project names: candidates for the user, promoted to projects when there is no registry.
  // A capitalised word counts only if the folder writes it as a name, not as an ordinary word.
  const caseEvidence = new NameCaseEvidence();
  for (const f of facts) for (const s of f.sections) for (const sentence of s.sentences) caseEvidence.add(sentence.text);
  const discovered = new Map<string, { meetings: Set<string>; evidence: Evidence[] }>();
  for (const f of facts) {
    for (const s of f.sections) {
      s.discovered = s.discovered.filter((d) => d.kind !== 'capitalised' || caseEvidence.isName(d.name));
      for (const d of s.discovered) {
        const entry = discovered.get(d.name) ?? { meetings: new Set(), evidence: [] };
        entry.meetings.add(f.note.id);
        if (entry.evidence.length < 3) entry.evidence.push(d.evidence);
        discovered.set(d.name, entry);
      }
    }
  }
  const promoted = new Map<string, number>();
  if (options.promoteDiscoveredAt !== null) {
    // Spellings that differ only in case are one name ("Lwt", `lwt`); the one seen in most meetings names it.
    const spellingsOf = new Map<string, string[]>();
    for (const name of discovered.keys()) spellingsOf.set(name.toLowerCase(), [...(spellingsOf.get(name.toLowerCase()) ?? []), name]);
    for (const spellings of spellingsOf.values()) {
      const meetings = new Set(spellings.flatMap((n) => [...discovered.get(n)!.meetings]));
      if (meetings.size < options.promoteDiscoveredAt || projects.lookupLoose(spellings[0]).length > 0) continue;
      spellings.sort((a, b) => discovered.get(b)!.meetings.size - discovered.get(a)!.meetings.size || (a < b ? -1 : 1));
      const key = projects.add(spellings[0], spellings.slice(1), 'discovered').key;
      for (const n of spellings) promoted.set(n, key);
    }
  }
  graph.projectCandidates = [...discovered.entries()]
    .filter(([name]) => !promoted.has(name))
    .map(([name, e]): ProjectCandidate => ({ name, count: e.meetings.size, evidence: e.evidence }))
    // With a registry, names seen once are noise beside it; without one they are all there is to review.
    .filter((c) => c.count >= 2 || options.promoteDiscoveredAt !== null)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));

  const personIds = uniqueIds(people.records.map((r) => r.name));
  const projectIds = uniqueIds(projects.records.map((r) => r.name));
  const usedPeople = new Set<number>();
  const usedProjects = new Set<number>();
  const topicIds = new Map<string, string>();
  const referenceIds = new Set<string>();

  // The folder's umbrella name (named in nearly every meeting; read from the folder, not
  // configured) and programming languages are mostly named in passing: see namedInPassing.
  const meetingsNaming = new Map<number, number>();
  for (const f of facts) {
    const keys = new Set(f.sections.flatMap((s) => [...s.projects.keys()]));
    for (const k of keys) meetingsNaming.set(k, (meetingsNaming.get(k) ?? 0) + 1);
  }
  const kindOf = (key: number): PassingKind =>
    isProgrammingLanguage(projects.records[key].name)
      ? 'language'
      : facts.length >= 10 && (meetingsNaming.get(key) ?? 0) >= options.umbrellaShare * facts.length
        ? 'umbrella'
        : 'other';
  for (const f of facts) {
    for (const s of f.sections) {
      for (const [k, salience] of s.projectSalience) if (namedInPassing(salience, kindOf(k))) s.projects.delete(k);
    }
  }

  const seenDates = new Map<string, string>();
  for (const f of facts) {
    const { note } = f;
    const meetingId = note.id;
    graph.warnings.push(...note.warnings, ...f.warnings);
    const date = note.date ?? '0000-00-00';
    if (note.date && seenDates.has(note.date)) {
      graph.warnings.push({ kind: 'duplicate-date', file: note.source, line: 1, message: `same date as ${seenDates.get(note.date)}; both kept as separate meetings` });
    } else if (note.date) seenDates.set(note.date, note.source);
    graph.meetings.push({ id: meetingId, date, title: note.title, description: note.description, source: note.source, contentHash: note.contentHash });
    for (const a of f.attendance) {
      usedPeople.add(a.key);
      graph.attendance.push({ personId: personIds[a.key], meetingId, role: a.role, evidence: a.evidence });
    }
    for (const s of f.sections) {
      const discussionId = `${meetingId}#${s.order}`;
      graph.discussions.push({ id: discussionId, meetingId, heading: s.section.heading, text: s.text, order: s.order, line: s.section.line });
      for (const [key, evidence] of s.people) {
        usedPeople.add(key);
        graph.discussed.push({ personId: personIds[key], discussionId, evidence });
      }
      for (const [key, evidence] of s.projects) {
        usedProjects.add(key);
        graph.about.push({ discussionId, targetId: projectIds[key], target: 'project', evidence });
      }
      for (const d of s.discovered) {
        const key = promoted.get(d.name);
        if (key !== undefined && !s.projects.has(key)) {
          s.projects.set(key, d.evidence);
          usedProjects.add(key);
          graph.about.push({ discussionId, targetId: projectIds[key] ?? slug(d.name), target: 'project', evidence: d.evidence });
        }
      }
      for (const [name, evidence] of s.topics) {
        const id = `topic:${slug(name)}`;
        topicIds.set(id, name);
        graph.about.push({ discussionId, targetId: id, target: 'topic', evidence });
      }
      for (const [url, evidence] of s.references) {
        if (!referenceIds.has(url)) {
          referenceIds.add(url);
          graph.references.push({ id: url, url });
        }
        graph.cites.push({ discussionId, referenceId: url, evidence });
      }
      s.actions.forEach((a, i) => {
        usedPeople.add(a.owner);
        for (const p of a.projects) usedProjects.add(p);
        graph.actionItems.push({
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
  }

  // Project ids may have been added by promotion after the first id pass.
  const finalProjectIds = uniqueIds(projects.records.map((r) => r.name));
  graph.people = [...usedPeople].sort((a, b) => a - b).map((k): Person => {
    const r = people.records[k];
    const aliases = new Set<string>([...r.registryAliases, ...[...r.spellings.keys()].filter((s) => s !== r.name), ...r.handles]);
    return { id: personIds[k], name: r.name, aliases: [...aliases].sort() };
  });
  graph.projects = [...usedProjects].sort((a, b) => a - b).map((k): Project => {
    const r = projects.records[k];
    return { id: finalProjectIds[k], name: r.name, aliases: [...r.aliases], origin: r.origin };
  });
  graph.topics = [...topicIds.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => (a.id < b.id ? -1 : 1));
  return graph;
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
