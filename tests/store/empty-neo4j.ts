import type { Neo4jConfig } from '../../src/config.js';
import { neo4jTestConfig, openTestDriver } from '../support/neo4j.js';

/**
 * Deletes every node and relationship of the test server (the schema stays): Neo4j Community has a
 * single database, so each suite empties it before it loads.
 */
export async function emptyNeo4j(config: Neo4jConfig = neo4jTestConfig()): Promise<void> {
  const driver = openTestDriver(config);
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: config.database });
  } finally {
    await driver.close();
  }
}
