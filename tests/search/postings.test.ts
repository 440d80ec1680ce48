import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { PostingsScorer, type TermSpec } from '../../src/search/postings.js';
import { processTerm, queryTerms, tokenize } from '../../src/search/terms.js';
import { plainText } from '../../src/search/snippet.js';
import { ingestFolder } from '../../ingest/index.js';
import { corpus, corpusAvailable } from '../fixtures/corpus.js';

const FIELDS = ['heading', 'text', 'people'] as const;
const BOOST = { heading: 3, text: 1, people: 2.5 };

/** The corpus's discussions as documents of three fields. */
async function corpusDocuments() {
  const graph = await ingestFolder(corpus.notes, { peopleFile: corpus.people, projectsFile: corpus.projects });
  const people = new Map(graph.people.map((p) => [p.id, p.name]));
  const names = new Map<string, string[]>();
  for (const e of graph.discussed) names.set(e.discussionId, [...(names.get(e.discussionId) ?? []), people.get(e.personId) ?? '']);
  return graph.discussions.map((d) => ({ id: d.id, heading: d.heading, text: plainText(d.text), people: (names.get(d.id) ?? []).join(' ; ') }));
}

function miniSearch() {
  return new MiniSearch<{ id: string; heading: string; text: string; people: string }>({
    fields: [...FIELDS],
    processTerm: (t) => processTerm(t),
    tokenize: (t) => tokenize(t),
    autoVacuum: false,
  });
}

/** MiniSearch's own answer for the same terms: document id → score. */
function reference(mini: ReturnType<typeof miniSearch>, specs: TermSpec[]): Map<string, number> {
  const results = mini.search(specs.map((s) => s.term).join(' '), {
    combineWith: 'AND',
    boost: BOOST,
    maxFuzzy: 2,
    tokenize: (t) => t.split(' ').filter(Boolean),
    processTerm: (t) => t,
    prefix: (_t, i) => specs[i].prefix,
    fuzzy: (_t, i) => specs[i].fuzzy,
  });
  return new Map(results.map((r) => [r.id as string, r.score]));
}

function ours(mini: ReturnType<typeof miniSearch>, scorer: PostingsScorer, specs: TermSpec[]): Map<string, number> {
  const found = scorer.all(specs);
  const idOf = new Map([...(mini as unknown as { _documentIds: Map<number, string> })._documentIds]);
  const out = new Map<string, number>();
  for (let j = 0; j < found.length; j++) out.set(idOf.get(found.ids[j])!, found.scores[j]);
  return out;
}

/** Queries over the corpus's own words: single terms, pairs, a prefix last, fuzzy terms, unknown words. */
function specsFrom(docs: Array<{ text: string }>): TermSpec[][] {
  const words = [...new Set(docs.flatMap((d) => queryTerms(d.text)))].filter((w) => /^[a-z]{3,}$/.test(w));
  const pick = (i: number) => words[(i * 7919) % words.length];
  const out: TermSpec[][] = [];
  for (let i = 0; i < 60; i++) {
    const a = pick(i);
    const b = pick(i + 101);
    out.push([{ term: a, prefix: false, fuzzy: false }]);
    out.push([{ term: a, prefix: false, fuzzy: false }, { term: b.slice(0, 3), prefix: true, fuzzy: false }]);
    out.push([{ term: `${a.slice(0, 2)}x${a.slice(3)}`, prefix: false, fuzzy: 0.2 }]);
    out.push([{ term: a, prefix: false, fuzzy: 0.2 }, { term: b, prefix: true, fuzzy: 0.2 }]);
  }
  out.push([{ term: 'tls', prefix: false, fuzzy: false }, { term: 'tls', prefix: false, fuzzy: false }]);
  out.push([{ term: 'nosuchwordanywhere', prefix: true, fuzzy: 0.2 }]);
  return out;
}

describe.skipIf(!corpusAvailable)('PostingsScorer on the corpus', () => {
  it('scores every query as MiniSearch does, to the bit, and finds the same documents', async () => {
    const docs = await corpusDocuments();
    const mini = miniSearch();
    mini.addAll(docs);
    const scorer = new PostingsScorer(mini, { fields: FIELDS, boost: BOOST, maxFuzzy: 2 });
    let nonEmpty = 0;
    for (const specs of specsFrom(docs)) {
      const expected = reference(mini, specs);
      expect(ours(mini, scorer, specs), JSON.stringify(specs)).toEqual(expected);
      if (expected.size > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('follows documents discarded and added once told the index changed', async () => {
    const docs = await corpusDocuments();
    const mini = miniSearch();
    mini.addAll(docs);
    const scorer = new PostingsScorer(mini, { fields: FIELDS, boost: BOOST, maxFuzzy: 2 });
    const queries = specsFrom(docs);
    for (const specs of queries) ours(mini, scorer, specs); // postings read before the change

    for (const d of docs.slice(0, 40)) mini.discard(d.id);
    mini.addAll(docs.slice(0, 10).map((d) => ({ ...d, id: `${d.id}-again`, text: `${d.text} zyzzogeton` })));
    scorer.invalidate();
    const discarded = new Set(docs.slice(10, 40).map((d) => d.id));
    for (const specs of queries) {
      // Before a vacuum MiniSearch still counts discarded documents in a term's frequency until it meets them: same documents.
      const found = ours(mini, scorer, specs);
      expect([...found.keys()].some((id) => discarded.has(id))).toBe(false);
      expect(new Set(found.keys())).toEqual(new Set(reference(mini, specs).keys()));
    }
    await mini.vacuum();
    scorer.invalidate();
    for (const specs of queries) expect(ours(mini, scorer, specs), JSON.stringify(specs)).toEqual(reference(mini, specs));
    expect(ours(mini, scorer, [{ term: "zyzzogeton", prefix: false, fuzzy: false }]).size).toBe(10);
  });
});
