#!/usr/bin/env node
/**
 * `npm test [-- <vitest args>]`: runs Vitest with a Neo4j server to test against.
 *
 * - NEO4J_URI set: that server is used as it is.
 * - Otherwise, with Java (and Maven until the launcher is built): a throw-away Neo4j 5.26 is started
 *   on a free loopback port with a temporary data directory, and stopped after the run.
 * - Otherwise, or when MEETGRAPH_NEO4J=absent is set: the tests run with MEETGRAPH_NEO4J=absent and
 *   the Neo4j suites skip with the reason.
 * - Under CI=true, a Neo4j that cannot be had is a failure, not a skip.
 *
 * Ends with one plain summary line ("tests: N passed, N failed, N skipped") and Vitest's exit code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Neo4jSetupError, missingTools, startNeo4j } from './neo4j.js';

const isCi = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const vitestArgs = process.argv.slice(2);

function say(message) {
  console.error(`test: ${message}`);
}

/** Decides which Neo4j the tests get; returns the environment additions and how to release it. */
async function provideNeo4j() {
  if (process.env.NEO4J_URI) {
    say(`using Neo4j at ${process.env.NEO4J_URI} (NEO4J_URI)`);
    return { env: {}, release: async () => {} };
  }
  if (!isCi && process.env.MEETGRAPH_NEO4J === 'absent') {
    say('MEETGRAPH_NEO4J=absent: not starting Neo4j; its suites will be skipped');
    return { env: {}, release: async () => {} };
  }
  const problems = missingTools();
  if (problems.length > 0) {
    if (isCi) throw new Neo4jSetupError(`CI needs a Neo4j and none can be started: ${problems.join('; ')}`);
    say(`no local Neo4j (${problems.join('; ')}); Neo4j suites will be skipped. Set NEO4J_URI to use a running server.`);
    return { env: { MEETGRAPH_NEO4J: 'absent' }, release: async () => {} };
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'meetgraph-neo4j-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const started = Date.now();
  say('starting a throw-away Neo4j 5.26…');
  let server;
  try {
    server = await startNeo4j({ port: 0, httpPort: -1, dataDir, quickStart: true });
  } catch (err) {
    if (isCi || !(err instanceof Neo4jSetupError)) {
      // Keep the data directory: its launcher.log and logs/debug.log say why.
      throw err;
    }
    removeDataDir();
    say(`Neo4j did not start (${err.message.split('\n')[0]}); Neo4j suites will be skipped`);
    return { env: { MEETGRAPH_NEO4J: 'absent' }, release: async () => {} };
  }
  say(`Neo4j ready at ${server.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (data ${dataDir})`);
  return {
    env: { NEO4J_URI: server.uri },
    release: async () => {
      await server.stop();
      removeDataDir();
    },
  };
}

/** Runs Vitest; adds a JSON report (for the summary line) unless the caller chose reporters. */
async function runVitest(env) {
  const reportFile = path.join(os.tmpdir(), `meetgraph-vitest-${process.pid}.json`);
  const chooseReporters = !vitestArgs.some((arg) => arg.startsWith('--reporter'));
  const args = ['vitest', 'run', ...vitestArgs];
  if (chooseReporters) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`);
  const child = spawn('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 130 : 1))));
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  return { code, summary: chooseReporters ? readSummary(reportFile) : null };
}

function readSummary(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    return `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`;
  } catch {
    return null;
  } finally {
    rmSync(reportFile, { force: true });
  }
}

async function main() {
  let neo4j;
  try {
    neo4j = await provideNeo4j();
  } catch (err) {
    say(err instanceof Neo4jSetupError ? err.message : String(err?.stack ?? err));
    return 1;
  }
  // A Ctrl-C reaches Vitest directly; the server is stopped below once Vitest has exited.
  let result;
  try {
    result = await runVitest(neo4j.env);
  } finally {
    await neo4j.release();
  }
  if (result.summary) console.log(result.summary);
  return result.code;
}

process.exitCode = await main();
