/**
 * The benchmarks' Neo4j: the configuration from the environment (`bench/run.js` starts a server
 * and sets NEO4J_URI), and a way to empty the database between operations.
 */
import neo4j from 'neo4j-driver';
import { neo4jConfigFromEnv, type Neo4jConfig } from '../../src/config.js';

export function benchNeo4jConfig(): Neo4jConfig {
  const config = neo4jConfigFromEnv();
  if (!config) throw new Error('set NEO4J_URI (bench/run.js starts a Neo4j and sets it)');
  return config;
}

/**
 * Deletes every relationship, then every node, in transactions of a few thousand: removing a
 * 10,000-meeting graph in one transaction exceeds the transaction memory limit of a server with
 * a 1 GB heap, and so does deleting a thousand nodes with all their relationships at once (a
 * person may have tens of thousands).
 */
export async function emptyNeo4j(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const session = driver.session({ database: config.database });
  try {
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS');
    await session.run('MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}
