import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/store/cypher.js';
import { neo4jStatement, WHOLE_LIST } from '../../src/store/neo4j-statements.js';

describe('neo4jStatement', () => {
  it('runs discussions from the most selective anchor: meeting, person, topic, then projects', () => {
    const all = { meeting: 'm1', person: 'alice', topic: 'release', project: 'mirage', from: '2024-01-01', to: '2024-12-31' };
    expect(neo4jStatement('discussions', all)).toMatchObject({
      name: 'discussions-by-meeting',
      parameters: { meeting: 'm1', person: 'alice', topic: 'release', projects: ['mirage'], from: '2024-01-01', to: '2024-12-31' },
    });
    const { meeting: _m, ...noMeeting } = all;
    expect(neo4jStatement('discussions', noMeeting)).toMatchObject({
      name: 'discussions-by-person',
      parameters: { person: 'alice', topic: 'release', projects: ['mirage'], from: '2024-01-01', to: '2024-12-31' },
    });
    const { person: _p, ...noPerson } = noMeeting;
    expect(neo4jStatement('discussions', noPerson)).toMatchObject({
      name: 'discussions-by-topic',
      parameters: { topic: 'release', projects: ['mirage'], from: '2024-01-01', to: '2024-12-31' },
    });
    expect(neo4jStatement('discussions', { project: ['xen', 'irmin'], to: '2024-06-30' })).toEqual({
      name: 'discussions-by-projects',
      text: cypher('discussions-by-projects').text,
      parameters: { projects: ['xen', 'irmin'], from: null, to: '2024-06-30', ...WHOLE_LIST },
    });
    // An empty list is still a filter (it matches nothing), not an absent one.
    expect(neo4jStatement('discussions', { project: [] })).toMatchObject({ name: 'discussions-by-projects', parameters: { projects: [] } });
    expect(neo4jStatement('discussions', { from: '2024-01-01' })).toEqual({
      name: 'discussions',
      text: cypher('discussions').text,
      parameters: { from: '2024-01-01', to: null, ...WHOLE_LIST },
    });
  });

  it('asks a list query for the whole list, or for the page given', () => {
    expect(WHOLE_LIST.offset).toBe(0);
    expect(WHOLE_LIST.limit).toBeGreaterThan(2 ** 32);
    for (const query of ['discussions', 'meetings', 'actions'] as const) {
      expect(neo4jStatement(query, {}).parameters).toMatchObject(WHOLE_LIST);
      expect(neo4jStatement(query, {}, { offset: 200, limit: 50 }).parameters).toMatchObject({ offset: 200, limit: 50 });
    }
    expect(neo4jStatement('discussions', { person: 'alice' }, { offset: 5, limit: 10 }).parameters).toEqual({
      person: 'alice',
      projects: null,
      topic: null,
      from: null,
      to: null,
      offset: 5,
      limit: 10,
    });
    // The other named queries take no page.
    expect(neo4jStatement('attendees', { meeting: 'm1' }, { offset: 5, limit: 10 }).parameters).toEqual({ meeting: 'm1' });
  });

  it('sends an absent filter of the chosen variant as null', () => {
    expect(neo4jStatement('discussions', { meeting: 'm1' }).parameters).toEqual({
      meeting: 'm1',
      person: null,
      projects: null,
      topic: null,
      from: null,
      to: null,
      ...WHOLE_LIST,
    });
    expect(neo4jStatement('actions', { person: 'bob', project: undefined }).parameters).toEqual({
      person: 'bob',
      project: null,
      discussionProject: null,
      status: null,
      from: null,
      to: null,
      ...WHOLE_LIST,
    });
  });

  it('runs actions from the owner, else the project, else the project of the discussion, else the generic text', () => {
    expect(neo4jStatement('actions', { person: 'bob', project: 'mirage', status: 'todo' })).toMatchObject({
      name: 'actions-by-person',
      parameters: { person: 'bob', project: 'mirage', status: 'todo' },
    });
    expect(neo4jStatement('actions', { project: 'mirage', from: '2024-02-01' })).toMatchObject({
      name: 'actions-by-project',
      parameters: { project: 'mirage', from: '2024-02-01', status: null, to: null },
    });
    expect(neo4jStatement('actions', { discussionProject: 'mirage', status: 'todo' })).toMatchObject({
      name: 'actions-by-discussion-project',
      parameters: { discussionProject: 'mirage', status: 'todo', from: null, to: null },
    });
    expect(neo4jStatement('actions', { person: 'bob', discussionProject: 'mirage' })).toMatchObject({
      name: 'actions-by-person',
      parameters: { person: 'bob', project: null, discussionProject: 'mirage' },
    });
    expect(neo4jStatement('actions', { status: 'done' })).toMatchObject({ name: 'actions', parameters: { status: 'done', from: null, to: null } });
  });

  it('runs meetings and coAttendance from the person when one is named', () => {
    expect(neo4jStatement('meetings', { attendee: 'dave', from: '2024-02-20' })).toMatchObject({
      name: 'meetings-by-attendee',
      parameters: { attendee: 'dave', from: '2024-02-20', to: null },
    });
    expect(neo4jStatement('meetings', {})).toMatchObject({ name: 'meetings', parameters: { from: null, to: null } });
    expect(neo4jStatement('coAttendance', { person: 'dave' })).toMatchObject({ name: 'co-attendance-by-person', parameters: { person: 'dave' } });
    expect(neo4jStatement('coAttendance', {})).toMatchObject({ name: 'co-attendance', parameters: {} });
    expect(neo4jStatement('attendees', { meeting: 'm1' })).toMatchObject({ name: 'attendees', parameters: { meeting: 'm1' } });
  });

  it('gives every variant the columns and order of its generic text', () => {
    // What follows the anchored MATCH and its filters (the page's order, cut and columns) must be
    // the generic file's, word for word.
    const tail = (name: string) => {
      const text = cypher(name).text;
      return text.slice(text.search(/^(WITH a, b|WITH total, |RETURN)/m));
    };
    const families: Record<string, string[]> = {
      discussions: ['discussions-by-meeting', 'discussions-by-person', 'discussions-by-topic', 'discussions-by-projects'],
      actions: ['actions-by-person', 'actions-by-project', 'actions-by-discussion-project'],
      meetings: ['meetings-by-attendee'],
      'co-attendance': ['co-attendance-by-person'],
    };
    // A variant may read the meeting's date and id from the discussion's copies of them (see
    // load-meetings.cypher) instead of from the meeting: the same columns in the same order.
    const readingCopies = new Set(['discussions-by-topic', 'discussions-by-person']);
    const asFromMeeting = (text: string) =>
      text.replace('WITH total, d\n', 'WITH total, m, d\n').replaceAll('d.date', 'm.date').replaceAll('d.meetingId', 'm.id');
    for (const [generic, variants] of Object.entries(families)) {
      expect(tail(generic), generic).toMatch(/^(WITH a, b|WITH total, |RETURN)/);
      for (const variant of variants) {
        const text = tail(variant);
        expect(readingCopies.has(variant) ? asFromMeeting(text) : text, variant).toBe(tail(generic));
      }
    }
  });

  it('counts, in each anchored list variant, the very pattern whose page it returns', () => {
    // The count subquery repeats the MATCH and its filters; a filter changed in one place only
    // would make `total` disagree with the rows.
    const variants = ['discussions-by-meeting', 'discussions-by-person', 'discussions-by-topic', 'discussions-by-projects', 'actions-by-person', 'actions-by-project', 'actions-by-discussion-project', 'meetings-by-attendee'];
    for (const name of variants) {
      const text = cypher(name).text;
      const counted = /^CALL \(\) \{\n([\s\S]*?)\n {2}RETURN count\(\*\) AS total\n\}\n/.exec(text);
      expect(counted, name).not.toBeNull();
      const countedPattern = counted![1].replace(/^ {2}/gm, '');
      const rest = text.slice(counted![0].length);
      const pattern = rest.slice(0, rest.search(/^WITH total, /m)).trimEnd().replace('WITH DISTINCT total, ', 'WITH DISTINCT ');
      expect(pattern, name).toBe(countedPattern);
    }
  });
});
