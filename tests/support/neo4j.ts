/**
 * Gating for suites that need a real Neo4j server.
 *
 * `npm test` (scripts/test.js) provides one through `NEO4J_URI`: a running server you name, or a
 * throw-away local Neo4j it starts. Without it, Neo4j suites skip with the reason, except under
 * `CI=true`, where a missing server must fail the run rather than pass it silently.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, it } from 'vitest';
import { neo4jConfigFromEnv, type Neo4jConfig } from '../../src/config.js';

/** True on CI machines, where skipping a Neo4j suite would hide a broken set-up. */
export function isCi(): boolean {
  return /^(1|true|yes)$/i.test(process.env.CI ?? '');
}

/** True when the tests have a Neo4j server to talk to (`NEO4J_URI` is set). */
export function neo4jAvailable(): boolean {
  return Boolean(process.env.NEO4J_URI);
}

/** Why Neo4j suites are skipped in this run. */
export function neo4jSkipReason(): string {
  return process.env.MEETGRAPH_NEO4J === 'absent'
    ? 'no local Neo4j (Java 17+ and Maven are needed to start one; or set NEO4J_URI)'
    : 'NEO4J_URI is not set (run the tests with `npm test`, which starts a local Neo4j, or set NEO4J_URI)';
}

/** The server settings from the environment; call only inside a `describeNeo4j` body or test. */
export function neo4jTestConfig(): Neo4jConfig {
  const config = neo4jConfigFromEnv();
  if (!config) throw new Error(`Neo4j is not configured: ${neo4jSkipReason()}`);
  return config;
}

/**
 * A driver for the test server. Integers come back as JavaScript numbers, which is what the
 * assertions compare against; the test must close it.
 */
export function openTestDriver(config: Neo4jConfig = neo4jTestConfig()): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
}

let reasonPrinted = false;

/**
 * `describe` for a suite that needs Neo4j: runs it when `NEO4J_URI` is set; otherwise skips it,
 * naming the reason, or, under `CI=true`, replaces it with a test that fails.
 */
export function describeNeo4j(name: string, fn: () => void): void {
  if (neo4jAvailable()) {
    describe(name, fn);
    return;
  }
  if (isCi()) {
    describe(name, () => {
      it('has a Neo4j server', () => {
        throw new Error(`NEO4J_URI not set under CI: ${neo4jSkipReason()}`);
      });
    });
    return;
  }
  if (!reasonPrinted) {
    reasonPrinted = true;
    console.warn(`Neo4j suites skipped: ${neo4jSkipReason()}`);
  }
  describe.skip(`${name} (skipped: ${neo4jSkipReason()})`, fn);
}
