import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import { createHash } from 'node:crypto';
import { canonicalGraph, partitionGraph } from '../../src/store/meeting-parts.js';
import { planLoad } from '../../src/store/load-plan.js';
import { smallGraph } from '../fixtures/small-graph.js';

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof StoreError ? `${err.reason}: ${err.message}` : String(err);
  }
  return 'no error';
};

describe('partitionGraph', () => {
  it('gives each meeting its discussions, action items and edges', () => {
    const parts = partitionGraph(smallGraph());
    expect(parts.meetings.map((p) => p.meeting.id)).toEqual(['2024-01-09', '2024-02-06', '2024-02-20', 'team/2024-02-20-retro']);
    const m2 = parts.meetings[1];
    expect(m2.discussions.map((d) => d.id)).toEqual(['2024-02-06#0', '2024-02-06#1']);
    expect(m2.actionItems.map((a) => [a.id, a.projectIds])).toEqual([['2024-02-06#0/a1', ['irmin', 'mirage']]]);
    expect(m2.attendance.map((a) => `${a.personId}/${a.role}`)).toEqual(['alice/attendee', 'bob/attendee', 'dave/attendee', 'dave/author']);
    expect(m2.cites.map((c) => c.referenceId)).toEqual(['https://example.org/b']);
  });

  it('collapses a repeated edge into the first one, keeping its evidence', () => {
    const graph = smallGraph();
    const first = graph.discussed[0];
    graph.discussed.push({ ...first, evidence: { file: first.evidence.file, line: 99, sentence: 'again' } });
    const parts = partitionGraph(graph);
    const kept = parts.meetings[0].discussed.filter((d) => d.personId === first.personId && d.discussionId === first.discussionId);
    expect(kept).toEqual([first]);
  });

  it('refuses edges to unknown nodes and duplicate ids, naming them', () => {
    const ghostAttendee = smallGraph();
    ghostAttendee.attendance.push({ ...ghostAttendee.attendance[0], personId: 'ghost' });
    expect(reason(() => partitionGraph(ghostAttendee))).toMatch(/^inconsistent-graph: .*unknown person "ghost"/);

    const lostDiscussion = smallGraph();
    lostDiscussion.discussions[0].meetingId = 'nowhere';
    expect(reason(() => partitionGraph(lostDiscussion))).toMatch(/unknown meeting "nowhere"/);

    const badTopic = smallGraph();
    badTopic.about.push({ ...badTopic.about[0], target: 'topic', targetId: 'mirage' });
    expect(reason(() => partitionGraph(badTopic))).toMatch(/unknown topic "mirage"/);

    const twice = smallGraph();
    twice.projects.push({ ...twice.projects[0] });
    expect(reason(() => partitionGraph(twice))).toMatch(/project id "mirage" appears twice/);

    const orphanAction = smallGraph();
    orphanAction.actionItems[0].projectIds = ['nope'];
    expect(reason(() => partitionGraph(orphanAction))).toMatch(/unknown project "nope"/);
  });

  it('fingerprints a meeting by content, not by the order or shape of the input', () => {
    const base = partitionGraph(smallGraph()).meetings.map((p) => p.fingerprint);
    const shuffled = smallGraph();
    shuffled.discussed.reverse();
    shuffled.attendance.reverse();
    // Fields in another order, and one the stores do not keep.
    shuffled.meetings = shuffled.meetings.map(({ id, ...rest }) => ({ ...rest, extra: 1, id }));
    expect(partitionGraph(shuffled).meetings.map((p) => p.fingerprint)).toEqual(base);

    const edited = smallGraph();
    edited.about[0].evidence.line = 11;
    const after = partitionGraph(edited).meetings.map((p) => p.fingerprint);
    expect(after[0]).not.toBe(base[0]);
    expect(after.slice(1)).toEqual(base.slice(1));
  });

  it('takes the graph objects that have exactly a part fields as they are, and copies the others', () => {
    const graph = smallGraph();
    const parts = partitionGraph(graph);
    const inParts = (kind: 'discussions' | 'attendance' | 'discussed' | 'about' | 'cites') => parts.meetings.flatMap((p) => p[kind] as object[]);
    for (const kind of ['discussions', 'attendance', 'discussed', 'about', 'cites'] as const) {
      const own = new Set<object>(graph[kind]);
      expect(inParts(kind).length, kind).toBeGreaterThan(0);
      expect(inParts(kind).every((o) => own.has(o)), kind).toBe(true);
    }
    expect(parts.meetings.every((p) => graph.meetings.includes(p.meeting))).toBe(true);

    // Another order of fields, a field the stores do not keep (on an edge, on its evidence),
    // repeated or unsorted project ids: copies with the part's fields alone, and the graph as it was.
    const odd = smallGraph();
    const [discussed, about] = [odd.discussed[0], odd.about[0]];
    odd.discussed[0] = { evidence: discussed.evidence, discussionId: discussed.discussionId, personId: discussed.personId };
    odd.about[0] = { ...about, evidence: { ...about.evidence, confidence: 0.9 } as typeof about.evidence };
    const item = odd.actionItems.find((a) => a.projectIds.length > 1)!;
    const projectIds = [...item.projectIds].reverse().concat(item.projectIds[0]);
    item.projectIds = projectIds;
    const oddParts = partitionGraph(odd);
    const discussedCopy = oddParts.meetings.flatMap((p) => p.discussed).find((d) => d.personId === discussed.personId && d.discussionId === discussed.discussionId)!;
    expect(discussedCopy).not.toBe(odd.discussed[0]);
    expect(Object.keys(discussedCopy)).toEqual(['personId', 'discussionId', 'evidence']);
    const aboutCopy = oddParts.meetings.flatMap((p) => p.about).find((a) => a.discussionId === about.discussionId && a.targetId === about.targetId)!;
    expect(aboutCopy).not.toBe(odd.about[0]);
    expect(Object.keys(aboutCopy.evidence)).toEqual(['file', 'line', 'sentence']);
    expect(odd.about[0].evidence).toHaveProperty('confidence', 0.9);
    const itemCopy = oddParts.meetings.flatMap((p) => p.actionItems).find((a) => a.id === item.id)!;
    expect(itemCopy).not.toBe(item);
    expect(itemCopy.projectIds).toEqual([...new Set(projectIds)].sort());
    expect(item.projectIds).toBe(projectIds);
    expect(oddParts.meetings.map((p) => p.fingerprint)).toEqual(parts.meetings.map((p) => p.fingerprint));
  });

  it('round-trips through canonicalGraph', () => {
    const once = canonicalGraph(partitionGraph(smallGraph()));
    expect(canonicalGraph(partitionGraph(once))).toEqual(once);
    expect(partitionGraph(once).meetings.map((p) => p.fingerprint)).toEqual(
      partitionGraph(smallGraph()).meetings.map((p) => p.fingerprint),
    );
  });
});

describe('planLoad', () => {
  it('sorts meetings into written, removed and unchanged', () => {
    const parts = partitionGraph(smallGraph()).meetings;
    const stored = new Map([
      [parts[0].meeting.id, { contentHash: parts[0].meeting.contentHash, fingerprint: parts[0].fingerprint }],
      [parts[1].meeting.id, { contentHash: 'older', fingerprint: parts[1].fingerprint }],
      [parts[2].meeting.id, { contentHash: parts[2].meeting.contentHash, fingerprint: 'older' }],
      ['1999-01-01', { contentHash: 'x', fingerprint: 'y' }],
    ]);
    const plan = planLoad(stored, parts);
    expect(plan.unchanged).toEqual([parts[0].meeting.id]);
    expect(plan.write.map((p) => p.meeting.id)).toEqual([parts[1].meeting.id, parts[2].meeting.id, parts[3].meeting.id]);
    expect(plan.remove).toEqual(['1999-01-01']);
  });
});

describe('meeting fingerprints', () => {
  it('are sha256 of the part\'s JSON (stored by Neo4j: a new definition would rewrite every meeting once)', () => {
    for (const { fingerprint, ...part } of partitionGraph(smallGraph()).meetings) {
      expect(fingerprint).toBe(createHash('sha256').update(JSON.stringify(part)).digest('hex'));
    }
  });
});
