import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { emptyGraph, type MeetingGraph } from '../../src/domain.js';
import { curationReport } from '../../src/server/curation.js';

function graph(): MeetingGraph {
  const g = emptyGraph();
  g.people = [
    { id: 'ada-lovelace', name: 'Ada Lovelace', aliases: ['Ada L'] },
    { id: 'ada-byron', name: 'Ada Byron', aliases: [] },
  ];
  g.warnings = [
    { kind: 'ambiguous', file: 'a.md', line: 3, mention: 'Ada', candidates: ['Ada Lovelace', 'Ada Byron'], message: '"Ada" could be…' },
    { kind: 'ambiguous', file: 'b.md', line: 9, mention: 'Ada', candidates: ['Ada Byron', 'Ada Lovelace'], message: '"Ada" could be…' },
    { kind: 'unresolved', file: 'a.md', line: 5, mention: '@bob: the builder', message: 'nobody named "@bob"' },
    { kind: 'skipped', file: 'c.md', message: 'not UTF-8' },
  ];
  g.projectCandidates = [
    { name: 'Zeta', count: 2, evidence: [{ file: 'a.md', line: 1, sentence: 'Zeta' }] },
    { name: 'key: value #x', count: 5, evidence: [{ file: 'b.md', line: 2, sentence: 'x' }] },
  ];
  return g;
}

describe('curationReport', () => {
  const report = curationReport(graph());

  it('groups mentions with their places and keeps other problems apart', () => {
    expect(report.ambiguous).toEqual([
      {
        mention: 'Ada',
        count: 2,
        places: [{ file: 'a.md', line: 3 }, { file: 'b.md', line: 9 }],
        candidates: ['Ada Byron', 'Ada Lovelace'],
        message: '"Ada" could be…',
      },
    ]);
    expect(report.unresolved.map((g) => g.mention)).toEqual(['@bob: the builder']);
    expect(report.problems).toEqual([{ kind: 'skipped', file: 'c.md', line: null, message: 'not UTF-8' }]);
    expect(report.projectCandidates.map((c) => c.name)).toEqual(['key: value #x', 'Zeta']);
  });

  it('writes YAML that parses back to the names, however odd they are', () => {
    expect(load(report.projectsYaml)).toEqual([
      { name: 'key: value #x', aliases: [] },
      { name: 'Zeta', aliases: [] },
    ]);
    expect(load(report.peopleYaml)).toEqual([{ name: '@bob: the builder', aliases: [] }]);
    // The ambiguous mention is a suggestion in comments, with the candidate's current aliases kept.
    expect(report.peopleYaml).toContain('# - name: Ada Byron');
    expect(report.peopleYaml).toMatch(/"Ada" \(2 times, e\.g\. a\.md:3\) could be Ada Byron or Ada Lovelace/);
  });
});
