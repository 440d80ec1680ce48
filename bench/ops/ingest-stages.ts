/**
 * Where a full ingest's time goes: the single-threaded pipeline of `ingestNotes` run stage by
 * stage in a fresh process (read, parse, people and projects directories, extraction, topics,
 * assembly), the CPU time of each.
 *
 *   node --import tsx bench/ops/ingest-stages.ts --dataset corpus|1k|10k
 */
import { assignTopics, completeGraph, type IngestNotesOptions } from '../../ingest/index.js';
import { extractContext, extractStep, inMeetingOrder, parseStep } from '../../ingest/note-stages.js';
import type { NoteFacts } from '../../ingest/extract.js';
import type { ParsedNote } from '../../ingest/parse.js';
import { readNotesFolder } from '../../ingest/read.js';
import { loadRegistry } from '../../ingest/registry.js';
import { dataset } from '../lib/datasets.js';
import { count, ms, opOptions, report, runOp, timed, type Figure } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions('ingest-stages');
  const ds = dataset(opts.dataset);
  const figures: Record<string, Figure> = {};
  const stage = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const run = await timed(work);
    figures[name] = ms(run.cpuMs);
    return run.value;
  };
  const options: IngestNotesOptions = await stage('registries', () => ({ people: loadRegistry(ds.peopleFile), projects: loadRegistry(ds.projectsFile) }));
  const { notes, warnings } = await stage('read', () => readNotesFolder(ds.notesDir));
  const parsed = inMeetingOrder(await stage('parse', () => notes.flatMap((n): ParsedNote[] => {
    const outcome = parseStep(n);
    return outcome.ok ? [outcome.value] : [];
  })), (p) => p);
  const ctx = await stage('directories', () => {
    const c = extractContext(parsed, options.people, options.projects);
    c.people.mentionsIn(''); // builds the name patterns, as the first extraction would
    return c;
  });
  const facts = await stage('extract', () => parsed.flatMap((p): NoteFacts[] => {
    const outcome = extractStep(p, ctx);
    return outcome.ok ? [outcome.value] : [];
  }));
  await stage('topics', () => assignTopics(facts));
  const graph = await stage('assemble', () => completeGraph(facts, ctx, warnings, { ...options, topics: false }));
  figures.meetings = count(graph.meetings.length);
  report(figures);
});
