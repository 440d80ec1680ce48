import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInOrder, SearchIndex } from '../../src/search/index.js';
import { loadSearchIndex, savedSearchIndexKey, saveSearchIndex, searchIndexPath, updateSearchIndexFile } from '../../src/search/persist.js';
import { QueryError } from '../../src/search/query.js';
import { emptyGraph } from '../../src/domain.js';
import { historyGraph } from '../fixtures/history-graph.js';

const index = SearchIndex.build(historyGraph());
const ids = (q: string, opts = {}) => index.search(q, { limit: 100, ...opts }).hits.map((h) => h.discussionId);

describe('SearchIndex', () => {
  it('indexes one document per discussion', () => {
    expect(index.size).toBe(historyGraph().discussions.length);
  });

  it('finds words in text and ranks heading matches first', () => {
    const hits = index.search('release').hits;
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits[0].heading).toMatch(/release/i);
    expect(hits.map((h) => h.discussionId)).toContain('2019-06-20#0');
  });

  it('folds case, diacritics, possessives and plurals', () => {
    expect(ids('MULLER')).toContain('2020-02-11#0'); // José Müller in people field
    expect(ids("Ada's")).toEqual(expect.arrayContaining(ids('ada')));
    expect(ids('benchmark')).toContain('2019-03-05#1'); // text says "benchmarks"
    expect(ids('wirings')).toContain('2019-03-05#1');
  });

  it('matches people and projects by any alias', () => {
    expect(ids('AlanT')).toEqual(expect.arrayContaining(['2019-01-15#0', '2019-03-05#1', '2019-06-20#1']));
    expect(ids('AnalyticalEngine')).toEqual(expect.arrayContaining(['2019-03-05#0', '2019-06-20#1']));
  });

  it('combines free words with AND', () => {
    expect(ids('enigma charles')).toEqual(['2019-06-20#1']);
  });

  it('uses prefixes and fuzzy matching only for longer words', () => {
    expect(ids('retrosp')).toContain('2020-02-11#1');
    expect(ids('retrospectiv')).toContain('2020-02-11#1');
    expect(ids('enigmaa')).toContain('2019-03-05#1'); // one edit on a 7-letter word
    expect(ids('cobl')).toEqual([]); // 4 letters: no fuzzy
  });

  it('looks for typos only when the words as typed find less than a page', () => {
    // "firmware" in 25 discussions, the misspelling "firmwear" in one more.
    const g = emptyGraph();
    for (let i = 0; i < 26; i++) {
      const id = `2021-01-${String(i + 1).padStart(2, '0')}`;
      g.meetings.push({ id, date: id, title: 'Call', description: '', source: `${id}.md`, contentHash: id });
      g.discussions.push({ id: `${id}#0`, meetingId: id, heading: 'Item', text: i < 25 ? 'The firmware update.' : 'The firmwear update.', order: 0, line: 1 });
    }
    const many = SearchIndex.build(g);
    const found = (q: string) => many.search(q, { limit: 100 }).hits.map((h) => h.discussionId);
    expect(found('firmware')).toHaveLength(25);
    expect(found('firmware')).not.toContain('2021-01-26#0');
    expect(found('firmwear')).toEqual(expect.arrayContaining(['2021-01-26#0', '2021-01-01#0']));
    expect(found('firmwear')).toHaveLength(26);
  });

  it('filters by phrase and excludes words and phrases', () => {
    expect(ids('"rotor   wiring"')).toEqual(['2019-03-05#1']);
    expect(ids('"rotor wiring" enigma')).toEqual(['2019-03-05#1']);
    // Whole words: a phrase does not match inside longer words.
    expect(ids('"otor wiring"')).toEqual([]);
    expect(ids('"rotor wirin"')).toEqual([]);
    expect(ids('enigma -charles')).not.toContain('2019-06-20#1');
    expect(ids('enigma -"rotor wiring"')).not.toContain('2019-03-05#1');
    expect(ids('enigma -"rotor wiring"').length).toBeGreaterThan(0);
  });

  it('resolves operators through names, aliases, slugs and unique prefixes', () => {
    const viaAlias = ids('person:AlanT');
    expect(viaAlias.sort()).toEqual(['2019-01-15#0', '2019-03-05#1', '2019-06-20#1']);
    expect(ids('person:"Alan Turing"').sort()).toEqual(viaAlias);
    expect(ids('person:alan-turing').sort()).toEqual(viaAlias);
    expect(ids('person:Jose').length).toBe(1);
    expect(ids('project:enigma person:ada').sort()).toEqual(['2019-03-05#1', '2020-02-11#1']);
    expect(ids('project:differ')).toEqual(['2020-02-11#0']);
    expect(ids('topic:release').sort()).toEqual(['2019-01-15#1', '2019-06-20#0']);
    expect(ids('topic:rotor').sort()).toEqual(['2019-01-15#0', '2019-03-05#1', '2020-02-11#1']);
  });

  it('an operator-only query returns every match, newest first', () => {
    const r = index.search('project:cobol');
    expect(r.total).toBe(3);
    expect(r.hits.map((h) => h.meeting)).toEqual(['2020-02-25', '2019-01-15', '2019-01-15']);
    expect(r.hits.every((h) => h.score === 0)).toBe(true);
  });

  it('filters by dates and meetings', () => {
    expect(ids('in:2020').every((id) => id.startsWith('2020'))).toBe(true);
    expect(ids('in:2020')).toHaveLength(3);
    expect(ids('after:2019-06 before:2019-12')).toHaveLength(3);
    expect(ids('meeting:2019-03-05')).toHaveLength(3);
    expect(ids('enigma meeting:2019-03-05')).toEqual(['2019-03-05#1']);
  });

  it('suggests the nearest names for an unknown person or project', () => {
    expect(() => index.search('person:Alann')).toThrow(QueryError);
    try {
      index.search('person:Alna Turing');
    } catch (e) {
      expect((e as QueryError).field).toBe('person');
    }
    try {
      index.search('project:Enigmo');
      expect.unreachable();
    } catch (e) {
      expect((e as QueryError).field).toBe('project');
      expect((e as Error).message).toContain('"Enigma"');
    }
    expect(() => index.search('meeting:nope')).toThrow(QueryError);
  });

  it('returns result fields with an escaped, marked snippet', () => {
    const hit = index.search('design').hits[0];
    expect(hit).toMatchObject({
      discussionId: '2019-03-05#0',
      meetingId: '2019-03-05',
      meeting: '2019-03-05',
      title: 'Weekly call 2019-03-05',
      heading: 'Analytical Engine',
      people: ['Ada Lovelace', 'Charles Babbage'],
      projects: ['Analytical Engine'],
    });
    expect(hit.snippet).toContain('<mark>design</mark>');
    expect(hit.snippet).not.toContain('https://'); // link targets are not shown
    expect(hit.snippet).toContain('Ada&#39;s');
    expect(hit.score).toBeGreaterThan(0);
  });

  it('escapes HTML in documents', () => {
    const g = historyGraph({
      edit: (graph) => {
        graph.discussions[0].text = 'Use <script>alert(1)</script> & enigma';
      },
    });
    const hit = SearchIndex.build(g).search('enigma alert').hits[0];
    expect(hit.snippet).not.toContain('<script>');
  });

  it('paginates, sorts by date and counts facets over all results', () => {
    const all = index.search('project:enigma', { limit: 100 });
    expect(all.total).toBe(4);
    const page = index.search('project:enigma', { limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.hits.map((h) => h.discussionId)).toEqual(all.hits.slice(2).map((h) => h.discussionId));
    expect(page.facets.years).toEqual([
      { value: '2020', count: 1 },
      { value: '2019', count: 3 },
    ]);
    expect(page.facets.people[0]).toEqual({ value: 'Alan Turing', count: 3 });
    expect(page.facets.projects[0]).toEqual({ value: 'Enigma', count: 4 });
    const byDate = index.search('enigma', { sort: 'date', limit: 100 }).hits.map((h) => h.meeting);
    expect(byDate).toEqual([...byDate].sort().reverse());
    expect(() => index.search('enigma', { limit: -1 })).toThrow(QueryError);
  });

  it('prepares its phrase and operator tables ahead, and answers as it does without', async () => {
    const prepared = SearchIndex.build(historyGraph());
    await prepared.prepare();
    const fresh = SearchIndex.build(historyGraph());
    for (const q of ['"rotor wiring"', '"and ada"', 'the', 'person:ada', 'meeting:2019-03-05 enigma', 'enigma -"rotor wiring"']) {
      expect(prepared.search(q), q).toEqual(fresh.search(q));
    }
  });

  it('round-trips through JSON', () => {
    const again = SearchIndex.loadJSON(JSON.stringify(index.toJSON()));
    for (const q of ['enigma', 'person:ada project:enigma', '"rotor wiring"', 'retrosp', 'design']) {
      expect(again.search(q)).toEqual(index.search(q));
    }
  });

  it('updates incrementally per meeting', async () => {
    const partial = SearchIndex.build(historyGraph({ only: ['2019-01-15', '2019-03-05'] }));
    expect(partial.search('funding').total).toBe(0);
    const first = partial.update(historyGraph());
    expect(first).toEqual({ added: 3, changed: 0, removed: 0, unchanged: 2 });
    expect(partial.search('funding').total).toBe(1);
    // Phrases, operators, date order and facets read tables made on first use: made now, before the edit.
    for (const q of ['"rotor wiring"', 'person:ada', 'meeting:2019-03-05', 'enigma']) partial.search(q, { sort: 'date' });

    const edited = historyGraph({
      edit: (g) => {
        const d = g.discussions.find((x) => x.id === '2019-03-05#1')!;
        d.text = 'Alan and Ada discussed plugboard cabling.';
        g.meetings = g.meetings.filter((m) => m.id !== '2020-02-25');
        g.discussions = g.discussions.filter((x) => x.meetingId !== '2020-02-25');
      },
    });
    expect(partial.update(edited)).toEqual({ added: 0, changed: 1, removed: 1, unchanged: 3 });
    expect(partial.search('plugboard').hits.map((h) => h.discussionId)).toEqual(['2019-03-05#1']);
    expect(partial.search('"plugboard cabling"').hits.map((h) => h.discussionId)).toEqual(['2019-03-05#1']);
    expect(partial.search('"rotor wiring"').total).toBe(0);
    expect(partial.search('naming').total).toBe(0);
    expect(partial.size).toBe(index.size - 1);
    // once cleaned up, it ranks exactly as a rebuilt index
    await partial.vacuum();
    const rebuilt = SearchIndex.build(edited);
    const answer = (i: SearchIndex, q: string, sort: 'date' | 'relevance') => {
      const r = i.search(q, { sort });
      return { total: r.total, hits: r.hits.map((h) => [h.discussionId, h.snippet, h.people, h.projects]), facets: r.facets };
    };
    for (const q of ['enigma', 'plugboard', 'rotor', 'person:ada', '"plugboard cabling"', '"and ada"', 'meeting:2019-03-05', 'in:2019', 'the']) {
      for (const sort of ['relevance', 'date'] as const) expect(answer(partial, q, sort), q).toEqual(answer(rebuilt, q, sort));
    }
  });

  it('with the changes since the graph it last took, looks only at the meetings listed and those naming a renamed entity', () => {
    const before = historyGraph();
    const hinted = SearchIndex.build(before);
    // One meeting's text changed, and an alias added to Charles Babbage, who is in other meetings' discussions.
    const after = historyGraph({
      edit: (g) => {
        g.discussions.find((x) => x.id === '2019-03-05#1')!.text = 'Alan and Ada discussed plugboard cabling.';
        g.people = g.people.map((p) => (p.id === 'charles-babbage' ? { ...p, aliases: [...p.aliases, 'Chuck'] } : p));
      },
    });
    const changes = { since: before, meetings: new Set(['2019-03-05']) };
    const meetingsNamingCharles = new Set(after.discussed.filter((e) => e.personId === 'charles-babbage').map((e) => e.discussionId.split('#')[0]));
    expect(meetingsNamingCharles.size).toBeGreaterThan(1);
    const update = hinted.update(after, changes);
    expect(update.changed).toBe(new Set([...meetingsNamingCharles, '2019-03-05']).size);
    expect(update.unchanged + update.changed).toBe(after.meetings.length);
    const docs = (i: SearchIndex) => [...i.toJSON().docs].sort((a, b) => (a.discussionId < b.discussionId ? -1 : 1));
    expect(docs(hinted)).toEqual(docs(SearchIndex.build(after)));
    expect(hinted.toJSON().meetings).toEqual(SearchIndex.build(after).toJSON().meetings);
    expect(hinted.search('plugboard').total).toBe(1);
    expect(hinted.search('chuck').total).toBe(after.discussed.filter((e) => e.personId === 'charles-babbage').length);

    // Changes relative to a graph the index did not take are not trusted: every meeting is compared.
    const other = SearchIndex.build(before);
    const untrusted = other.update(after, { since: historyGraph(), meetings: new Set() });
    expect(untrusted.changed).toBe(update.changed);
    // Trusted changes are taken at their word: a meeting they do not list is not looked at.
    const textOnly = historyGraph({ edit: (g) => void (g.discussions.find((x) => x.id === '2019-03-05#1')!.text = 'plugboard') });
    const trusting = SearchIndex.build(before);
    expect(trusting.update(textOnly, { since: before, meetings: new Set() }).changed).toBe(0);
    expect(trusting.search('plugboard').total).toBe(0);
  });

  it('updates a slice of meetings at a time, to the same index as a whole update, answering searches between slices', async () => {
    const before = historyGraph({ only: ['2019-01-15', '2019-03-05'] });
    const after = historyGraph({
      edit: (g) => {
        g.discussions.find((x) => x.id === '2019-03-05#1')!.text = 'Alan and Ada discussed plugboard cabling.';
        g.discussed.push({ personId: 'grace-hopper', discussionId: '2019-03-05#1', evidence: { file: '2019-03-05.md', line: 20, sentence: 'Grace' } });
        g.people = g.people.map((p) => (p.id === 'charles-babbage' ? { ...p, aliases: [...p.aliases, 'Chuck'] } : p));
      },
    });
    const whole = SearchIndex.build(before);
    const sliced = SearchIndex.empty();
    expect(await sliced.updateInSlices(before)).toEqual({ added: 2, changed: 0, removed: 0, unchanged: 0 });

    // With slices of no length, the event loop turns after every meeting. Searches in between
    // answer, and their postings and names are read again as meetings are done.
    const queries = ['enigma', 'chuck', 'plugboard', 'person:ada', 'the', 'person:grace'];
    let turns = 0;
    let searching: NodeJS.Immediate;
    const search = () => {
      turns++;
      for (const q of queries) sliced.search(q);
      searching = setImmediate(search);
    };
    search();
    const under = sliced.updateInSlices(after, null, { sliceMs: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => sliced.update(after)).toThrow(/already being updated/);
    const update = await under;
    clearImmediate(searching!);
    expect(update).toEqual(whole.update(after));
    expect(update.added + update.changed).toBeGreaterThan(2);
    expect(turns).toBeGreaterThanOrEqual(after.meetings.length);

    const docs = (i: SearchIndex) => [...i.toJSON().docs].sort((a, b) => (a.discussionId < b.discussionId ? -1 : 1));
    expect(docs(sliced)).toEqual(docs(whole));
    expect(sliced.toJSON().meetings).toEqual(whole.toJSON().meetings);
    for (const q of [...queries, 'funding', '"plugboard cabling"', 'in:2019']) expect(sliced.search(q), q).toEqual(whole.search(q));
  });

  it('saves and loads from the data dir', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-search-'));
    expect(await loadSearchIndex(dir)).toBeNull();
    await updateSearchIndexFile(dir, historyGraph({ only: ['2019-01-15'] }));
    expect(existsSync(searchIndexPath(dir))).toBe(true);
    const r = await updateSearchIndexFile(dir, historyGraph());
    expect(r.update.unchanged).toBe(1);
    expect(r.index.search('enigma')).toEqual(index.search('enigma'));
    const loaded = (await loadSearchIndex(dir))!;
    expect(loaded.search('enigma')).toEqual(index.search('enigma'));
    await saveSearchIndex(dir, loaded);
  });

  it('saves piece by piece the very file a whole save writes, and an abandoned save leaves the file as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-search-'));
    const edited = SearchIndex.build(historyGraph({ only: ['2019-01-15', '2019-03-05'] }));
    edited.update(historyGraph()); // discarded and added documents: a dirt count, short ids past the first
    await saveSearchIndex(dir, edited);
    const whole = readFileSync(searchIndexPath(dir), 'utf8');
    await saveSearchIndex(dir, edited, { streaming: true });
    const streamed = readFileSync(searchIndexPath(dir), 'utf8');
    expect(streamed).toBe(whole);
    expect((await loadSearchIndex(dir))!.search('enigma')).toEqual(edited.search('enigma'));

    const abandoned = new AbortController();
    const saving = saveSearchIndex(dir, SearchIndex.build(historyGraph({ only: ['2019-01-15'] })), { streaming: true, signal: abandoned.signal });
    abandoned.abort();
    await expect(saving).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(readFileSync(searchIndexPath(dir), 'utf8')).toBe(whole);
    expect(readdirSync(dir)).toEqual([path.basename(searchIndexPath(dir))]);
  });

  it("keeps the key of its graph in the file, read back from the file's first bytes alone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meetgraph-search-'));
    expect(await savedSearchIndexKey(dir)).toBeNull();
    await updateSearchIndexFile(dir, historyGraph());
    expect(await savedSearchIndexKey(dir)).toBeNull();
    expect((await loadSearchIndex(dir))!.graphKey).toBeNull();

    const key = 'ab'.repeat(32);
    await updateSearchIndexFile(dir, historyGraph(), key);
    expect(await savedSearchIndexKey(dir)).toBe(key);
    const loaded = (await loadSearchIndex(dir))!;
    expect(loaded.graphKey).toBe(key);
    loaded.graphKey = 'cd'.repeat(32);
    await saveSearchIndex(dir, loaded, { streaming: true });
    expect(await savedSearchIndexKey(dir)).toBe('cd'.repeat(32));
    // A file of another shape gives no key, and is then brought in line rather than trusted.
    writeFileSync(searchIndexPath(dir), JSON.stringify({ graphKey: key, version: 1 }));
    expect(await savedSearchIndexKey(dir)).toBeNull();
  });
});

describe('firstInOrder', () => {
  it('gives the first k of a full stable sort, for any k, ties included', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 20));
      const before = (i: number, j: number) => values[j] - values[i];
      const sorted = values.map((_, i) => i).sort(before);
      for (const k of [0, 1, 5, 20, values.length - 1, values.length, values.length + 3]) {
        expect(firstInOrder(values.length, k, before)).toEqual(sorted.slice(0, Math.max(0, k)));
      }
    }
  });
});
