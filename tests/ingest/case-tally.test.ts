/**
 * The case evidence a memo keeps across assemblies: after any sequence of folders, its verdicts
 * are those of evidence counted afresh over the folder's sentences.
 */
import { describe, expect, it } from 'vitest';
import { CaseEvidenceTally } from '../../ingest/assemble.js';
import type { NoteFacts } from '../../ingest/extract.js';
import { NameCaseEvidence } from '../../ingest/project-discovery.js';

/** Just what the tally reads of a note's facts: its sections' sentences. */
const facts = (...sentences: string[]) => ({ sections: [{ sentences: sentences.map((text) => ({ text })) }] }) as unknown as NoteFacts;

const words = ['Quux', 'Zorp', 'Mirage', 'Release'];
const verdicts = (evidence: NameCaseEvidence) => words.map((w) => [w, evidence.isName(w)]);
function fresh(folder: NoteFacts[]): NameCaseEvidence {
  const evidence = new NameCaseEvidence();
  for (const f of folder) for (const s of f.sections) for (const sentence of s.sentences) evidence.add(sentence.text);
  return evidence;
}

describe('CaseEvidenceTally', () => {
  it('gives the verdicts of a fresh count as notes come, go and change', () => {
    const a = facts('We talked to Quux about Mirage.', 'The Release of Zorp slipped.');
    const b = facts('Quux and Zorp again; Mirage is fine.');
    const c = facts('the quux tool and the quux patch, a quux release', 'zorp zorp');
    const d = facts('Quux shipped.');
    const tally = new CaseEvidenceTally();
    const folders = [[a, b], [a, b, c], [a, c], [b, d], [a, b, c, d], [], [c]];
    const seen = new Set<string>();
    for (const folder of folders) {
      const got = verdicts(tally.sync(folder));
      expect(got).toEqual(verdicts(fresh(folder)));
      seen.add(JSON.stringify(got));
    }
    // The folders disagree about the words, so the comparison above compares something.
    expect(seen.size).toBeGreaterThan(1);
  });
});
