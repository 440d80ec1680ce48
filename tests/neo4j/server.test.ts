/**
 * The Neo4j server the tests run against answers over Bolt and is the 5.26 line the project
 * targets (the last one that runs on Java 17).
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeNeo4j, neo4jTestConfig, openTestDriver } from '../support/neo4j.js';

describeNeo4j('neo4j server', () => {
  let driver: Driver;
  let database: string;

  beforeAll(() => {
    const config = neo4jTestConfig();
    database = config.database;
    driver = openTestDriver(config);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('runs a query over Bolt', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database });
    expect(records.map((r) => r.get('one'))).toEqual([1]);
  });

  it('passes parameters through and returns integers as numbers', async () => {
    const { records } = await driver.executeQuery('RETURN $n * 2 AS doubled, $s AS s', { n: 21, s: 'é"<>' }, { database });
    expect(records[0].get('doubled')).toBe(42);
    expect(records[0].get('s')).toBe('é"<>');
  });

  it('is Neo4j 5.26', async () => {
    const info = await driver.getServerInfo({ database });
    expect(info.agent).toMatch(/^Neo4j\/5\.26\.\d+/);
    const { records } = await driver.executeQuery(
      "CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version",
      {},
      { database },
    );
    const kernel = records.find((r) => r.get('name') === 'Neo4j Kernel');
    expect(kernel?.get('version')).toMatch(/^5\.26\.\d+$/);
  });
});
