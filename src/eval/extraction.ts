/**
 * Scores an extracted MeetingGraph against hand-made ground truth (one JSON file per meeting, the
 * format of `shared/gold/README.md`): micro-averaged precision, recall and F1 over attendees
 * (meeting, person), section people (meeting, section, person), section projects (meeting,
 * section, project; registry projects only) and owners (meeting, section, person).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { MeetingGraph } from '../domain.js';

const goldSchema = z.object({
  meeting: z.string(),
  attendees: z.array(z.string()),
  sections: z.array(
    z.object({
      heading: z.string(),
      people: z.array(z.string()).default([]),
      projects: z.array(z.string()).default([]),
      owners: z.array(z.object({ person: z.string() }).passthrough()).default([]),
    }),
  ),
});
export type GoldMeeting = z.infer<typeof goldSchema>;

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface ScoreWithErrors extends Score {
  falsePositives: string[];
  falseNegatives: string[];
}

export interface ExtractionScores {
  attendees: ScoreWithErrors;
  people: ScoreWithErrors;
  projects: ScoreWithErrors;
  owners: ScoreWithErrors;
}

export function loadGold(dir: string): GoldMeeting[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = goldSchema.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${path.join(dir, f)}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

/** Section headings match trimmed, `#` marks removed, case-insensitive. */
export function headingKey(heading: string): string {
  return heading.replace(/#+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

function score(predicted: Set<string>, expected: Set<string>): ScoreWithErrors {
  const falsePositives = [...predicted].filter((x) => !expected.has(x)).sort();
  const falseNegatives = [...expected].filter((x) => !predicted.has(x)).sort();
  const tp = predicted.size - falsePositives.length;
  const precision = predicted.size ? tp / predicted.size : expected.size ? 0 : 1;
  const recall = expected.size ? tp / expected.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp: falsePositives.length, fn: falseNegatives.length, falsePositives, falseNegatives };
}

/**
 * @param registryProjects names of the projects registry: only these count when scoring projects
 *   (null: every project counts).
 */
export function scoreExtraction(graph: MeetingGraph, gold: GoldMeeting[], registryProjects: Set<string> | null): ExtractionScores {
  const personName = new Map(graph.people.map((p) => [p.id, p.name]));
  const projectName = new Map(graph.projects.map((p) => [p.id, p.name]));
  const meetings = new Set(gold.map((g) => g.meeting));
  const discussions = new Map(graph.discussions.map((d) => [d.id, d]));
  const sectionKey = (discussionId: string) => {
    const d = discussions.get(discussionId)!;
    return `${d.meetingId} | ${headingKey(d.heading)}`;
  };
  const countsProject = (name: string) => !registryProjects || registryProjects.has(name);

  const pred = { attendees: new Set<string>(), people: new Set<string>(), projects: new Set<string>(), owners: new Set<string>() };
  for (const a of graph.attendance) if (meetings.has(a.meetingId)) pred.attendees.add(`${a.meetingId} | ${personName.get(a.personId)}`);
  for (const d of graph.discussed) {
    const disc = discussions.get(d.discussionId)!;
    if (meetings.has(disc.meetingId)) pred.people.add(`${sectionKey(d.discussionId)} | ${personName.get(d.personId)}`);
  }
  for (const a of graph.about) {
    if (a.target !== 'project') continue;
    const disc = discussions.get(a.discussionId)!;
    const name = projectName.get(a.targetId)!;
    if (meetings.has(disc.meetingId) && countsProject(name)) pred.projects.add(`${sectionKey(a.discussionId)} | ${name}`);
  }
  for (const a of graph.actionItems) {
    const disc = discussions.get(a.discussionId)!;
    if (meetings.has(disc.meetingId)) pred.owners.add(`${sectionKey(a.discussionId)} | ${personName.get(a.ownerId)}`);
  }

  const exp = { attendees: new Set<string>(), people: new Set<string>(), projects: new Set<string>(), owners: new Set<string>() };
  for (const g of gold) {
    for (const a of g.attendees) exp.attendees.add(`${g.meeting} | ${a}`);
    for (const s of g.sections) {
      const key = `${g.meeting} | ${headingKey(s.heading)}`;
      for (const p of s.people) exp.people.add(`${key} | ${p}`);
      for (const p of s.projects) if (countsProject(p)) exp.projects.add(`${key} | ${p}`);
      for (const o of s.owners) exp.owners.add(`${key} | ${o.person}`);
    }
  }
  return {
    attendees: score(pred.attendees, exp.attendees),
    people: score(pred.people, exp.people),
    projects: score(pred.projects, exp.projects),
    owners: score(pred.owners, exp.owners),
  };
}
