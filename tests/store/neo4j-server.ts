/**
 * The Neo4j server the store tests use: `NEO4J_URI` (and `NEO4J_USER`, `NEO4J_PASSWORD`,
 * `NEO4J_DATABASE`) from the environment; suites skip when it is unset. Neo4j Community has a
 * single database, so a suite empties it before it loads.
 */
import neo4j from 'neo4j-driver';
import { neo4jConfigFromEnv, type Neo4jConfig } from '../../src/config.js';

export function neo4jTestConfig(): Neo4jConfig | null {
  return neo4jConfigFromEnv();
}

/** Deletes every node and relationship (schema stays). */
export async function emptyNeo4j(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: config.database });
  } finally {
    await driver.close();
  }
}
