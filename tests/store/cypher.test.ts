import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindParameters, cypher, cypherStatements, explained } from '../../src/store/cypher.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const names = readdirSync(path.join(root, 'queries'))
  .filter((f) => f.endsWith('.cypher'))
  .map((f) => f.replace(/\.cypher$/, ''));

describe('queries/*.cypher', () => {
  it('are all read by the Neo4j store, and it builds no Cypher of its own', () => {
    const sources = ['src/store/neo4j.ts', 'src/store/neo4j-statements.ts'].map((f) => readFileSync(path.join(root, f), 'utf8'));
    for (const name of names) expect(sources.join('\n'), name).toContain(`'${name}'`);
    for (const source of sources) expect(source).not.toMatch(/\b(tx|session)\.run\(\s*[`'"]/);
  });

  it('each hold one statement (schema.cypher several), with parameters, never interpolation', () => {
    for (const name of names) {
      const statements = cypherStatements(name);
      expect(statements.length, name).toBeGreaterThan(0);
      if (name !== 'schema') expect(statements, name).toHaveLength(1);
      for (const s of statements) expect(s.text, name).not.toMatch(/\$\{|\+\s*\$/);
    }
  });

  it('come prefixed with EXPLAIN, to be planned without running, with the same parameters', () => {
    expect(explained('claim-load')).toEqual({ ...cypher('claim-load'), text: `EXPLAIN ${cypher('claim-load').text}` });
  });

  it('know their parameters', () => {
    expect(cypher('discussions').parameters).toEqual(['from', 'limit', 'offset', 'to']);
    expect(cypher('discussions-by-meeting').parameters).toEqual(['from', 'limit', 'meeting', 'offset', 'person', 'projects', 'to', 'topic']);
    expect(cypher('discussions-by-person').parameters).toEqual(['from', 'limit', 'offset', 'person', 'projects', 'to', 'topic']);
    expect(cypher('discussions-by-topic').parameters).toEqual(['from', 'limit', 'offset', 'projects', 'to', 'topic']);
    expect(cypher('discussions-by-projects').parameters).toEqual(['from', 'limit', 'offset', 'projects', 'to']);
    expect(cypher('actions').parameters).toEqual(['from', 'limit', 'offset', 'status', 'to']);
    expect(cypher('actions-by-person').parameters).toEqual(['discussionProject', 'from', 'limit', 'offset', 'person', 'project', 'status', 'to']);
    expect(cypher('actions-by-project').parameters).toEqual(['discussionProject', 'from', 'limit', 'offset', 'project', 'status', 'to']);
    expect(cypher('actions-by-discussion-project').parameters).toEqual(['discussionProject', 'from', 'limit', 'offset', 'status', 'to']);
    expect(cypher('attendees').parameters).toEqual(['meeting']);
    expect(cypher('stats').parameters).toEqual([]);
  });

  it('send every declared parameter, null when absent, and refuse undeclared ones', () => {
    const query = cypher('meetings-by-attendee');
    expect(bindParameters(query, { attendee: 'alice' })).toEqual({ attendee: 'alice', from: null, to: null, offset: null, limit: null });
    expect(bindParameters(query, { from: undefined })).toEqual({ attendee: null, from: null, to: null, offset: null, limit: null });
    expect(() => bindParameters(query, { person: 'alice' })).toThrow(/no parameter \$person/);
  });

  it('refuse names that are not query names', () => {
    expect(() => cypher('../package')).toThrow(/not a query name/);
  });
});
