#!/usr/bin/env node
/**
 * A local Neo4j 5.26 Community server without Docker: builds the launcher in `neo4j/` with Maven
 * (the first build fills ~/.m2 with Neo4j's jars) and runs it with `java`.
 *
 *   npm run neo4j                      run in the foreground; Ctrl-C stops it cleanly
 *   npm run neo4j -- start             start in the background, print the Bolt URI
 *   npm run neo4j -- stop | status     stop the background server / tell whether it runs
 *   npm run neo4j -- build             only resolve the jars and compile the launcher
 *   npm run neo4j -- shell [-- args]   cypher-shell on the running server
 *   options: --port <n> (Bolt, default 7687)  --http-port <n> (Browser, default 7474)
 *            --no-http  --data-dir <dir> (default neo4j/data)
 *
 * Plain Node (no TypeScript) so that it runs before anything else is built. The functions exported
 * here (`startNeo4j`, `missingTools`, ...) are what scripts/test.js uses.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The Maven project that holds the launcher. */
export const launcherProjectDir = path.join(repoRoot, 'neo4j');
/** Where `start`, `stop` and `status` keep the server's files unless `--data-dir` says otherwise. */
export const defaultDataDir = path.join(launcherProjectDir, 'data');
export const DEFAULT_BOLT_PORT = 7687;
export const DEFAULT_HTTP_PORT = 7474;

const pomFile = path.join(launcherProjectDir, 'pom.xml');
const launcherSource = path.join(launcherProjectDir, 'src/main/java/meetgraph/Neo4jLauncher.java');
const launcherClass = path.join(launcherProjectDir, 'target/classes/meetgraph/Neo4jLauncher.class');
const classpathFile = path.join(launcherProjectDir, 'target/classpath.txt');
const shellPomFile = path.join(launcherProjectDir, 'cypher-shell/pom.xml');
const shellClasspathFile = path.join(launcherProjectDir, 'target/cypher-shell/classpath.txt');
const READY_LINE = /^NEO4J READY (bolt:\/\/\S+)\s*$/m;
const HTTP_LINE = /^NEO4J HTTP (http:\/\/\S+)\s*$/m;
const LAUNCHER_MAIN = 'meetgraph.Neo4jLauncher';
/** The first start may wait for Maven to download Neo4j; later starts take well under a minute. */
const DEFAULT_READY_TIMEOUT_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 60_000;

/**
 * JVM flags. Neo4j's own start script adds the --add-opens flags; embedded, we must. Heap and page
 * cache are kept small because a notes graph is tiny and the machines have other work to do.
 * NEO4J_JAVA_OPTS (space-separated) is appended, so `-Xmx2g` there wins.
 */
function jvmArgs({ quickStart = false } = {}) {
  const extra = (process.env.NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean);
  return [
    // Only the quick JIT tier: a throw-away server for one test run starts in about two thirds of
    // the time and half the CPU (measured on 2 cores), and its queries stay fast enough for a notes graph.
    ...(quickStart ? ['-XX:TieredStopAtLevel=1'] : []),
    '-Xms256m',
    '-Xmx1g',
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    // The same system properties as Neo4j's default neo4j.conf.
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    ...extra,
  ];
}

/** A problem the user fixes by installing or configuring something; printed as one line. */
export class Neo4jSetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'Neo4jSetupError';
  }
}

// ---------------------------------------------------------------------------------------------
// Prerequisites and build

/** Major version of the `java` on PATH, or null when there is none. */
function javaMajorVersion() {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  if (!match) return 0;
  // Java 8 and older report "1.8.0_…".
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

function hasCommand(command) {
  return !spawnSync(command, ['--version'], { encoding: 'utf8' }).error;
}

/** True when the launcher is compiled, newer than its sources, and every jar it needs is in ~/.m2. */
export function isLauncherBuilt() {
  if (!existsSync(launcherClass) || !existsSync(classpathFile)) return false;
  // Maven leaves classpath.txt untouched when its content is unchanged, so each output is compared
  // with its own input only.
  if (statSync(launcherSource).mtimeMs > statSync(launcherClass).mtimeMs) return false;
  if (statSync(pomFile).mtimeMs > statSync(classpathFile).mtimeMs) return false;
  return readClasspath().every((jar) => existsSync(jar));
}

function readClasspath() {
  return readFileSync(classpathFile, 'utf8').trim().split(path.delimiter).filter(Boolean);
}

/**
 * What stops a local Neo4j from starting here, as one-line messages (empty when nothing does).
 * Maven is only needed while the launcher is not built yet.
 */
export function missingTools() {
  const problems = [];
  const java = javaMajorVersion();
  if (java === null) {
    problems.push('java not found on PATH: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  } else if (java < 17) {
    problems.push(`java ${java} is too old: Neo4j 5.26 needs Java 17 or newer`);
  }
  if (!isLauncherBuilt() && !hasCommand('mvn')) {
    problems.push('mvn not found on PATH: install Apache Maven (Debian: apt-get install maven) to build the Neo4j launcher');
  }
  return problems;
}

function assertTools() {
  const problems = missingTools();
  if (problems.length > 0) throw new Neo4jSetupError(problems.join('; '));
}

/**
 * Resolves Neo4j's jars and compiles the launcher unless that is already done.
 * @param {{ force?: boolean, log?: (line: string) => void, inheritOutput?: boolean }} [options]
 *   `inheritOutput` shows Maven's own output (CI wants to see downloads fail); otherwise it is
 *   captured and only its tail is shown on failure.
 */
export async function buildLauncher({ force = false, log = (line) => console.error(line), inheritOutput = false } = {}) {
  if (!force && isLauncherBuilt()) return;
  assertTools();
  log('neo4j: building the launcher with Maven (the first build downloads Neo4j, about 150 MB, into ~/.m2)…');
  await runMaven(pomFile, 'compile', inheritOutput);
  // Marks the class path as checked against the current pom.xml (Maven only rewrites it on change).
  const now = new Date();
  utimesSync(classpathFile, now, now);
}

async function runMaven(pom, phase, inheritOutput) {
  const args = ['-B', '--no-transfer-progress', '-f', pom, phase];
  const child = spawn('mvn', args, { cwd: path.dirname(pom), stdio: inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => { output = (output + chunk).slice(-20_000); });
  child.stderr?.on('data', (chunk) => { output = (output + chunk).slice(-20_000); });
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    const tail = output.split('\n').filter((l) => /ERROR|FAIL/.test(l)).slice(0, 15).join('\n');
    throw new Neo4jSetupError(`mvn ${phase} -f ${path.relative(repoRoot, pom)} failed (exit ${code})${tail ? `:\n${tail}` : ''}`);
  }
}

/** cypher-shell's class path, resolved from Maven Central on first use. */
async function cypherShellClasspath() {
  const stale = !existsSync(shellClasspathFile) || statSync(shellPomFile).mtimeMs > statSync(shellClasspathFile).mtimeMs;
  if (stale || !readFileSync(shellClasspathFile, 'utf8').trim().split(path.delimiter).every((jar) => existsSync(jar))) {
    if (!hasCommand('mvn')) throw new Neo4jSetupError('mvn not found on PATH: install Apache Maven (Debian: apt-get install maven) to fetch cypher-shell');
    console.error('neo4j: fetching cypher-shell from Maven Central (first use only)…');
    await runMaven(shellPomFile, 'generate-resources', false);
    const now = new Date();
    utimesSync(shellClasspathFile, now, now);
  }
  return readFileSync(shellClasspathFile, 'utf8').trim();
}

/** Runs cypher-shell attached to this terminal against `uri`; `args` go to cypher-shell as they are. */
async function runCypherShell(uri, args) {
  if (javaMajorVersion() === null) throw new Neo4jSetupError('java not found on PATH: install a JDK 17 or newer');
  const classpath = await cypherShellClasspath();
  const hasAddress = args.some((arg) => arg === '-a' || arg.startsWith('--address') || arg.startsWith('--uri'));
  const child = spawn('java', ['-cp', classpath, 'org.neo4j.shell.Main', ...(hasAddress ? [] : ['-a', uri]), ...args], { stdio: 'inherit' });
  // Ctrl-C belongs to cypher-shell (it cancels the running query); this process only waits.
  process.on('SIGINT', () => {});
  process.exitCode = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping

/** Resolves when `port` on 127.0.0.1 can be bound, rejects with a clear message when it is taken. */
async function assertPortFree(port, what) {
  if (port === 0) return;
  await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err) => {
      reject(new Neo4jSetupError(err.code === 'EADDRINUSE'
        ? `${what} port ${port} on 127.0.0.1 is already in use (another Neo4j? try: npm run neo4j -- status, or pass --port)`
        : `cannot bind ${what} port ${port}: ${err.message}`));
    });
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

function launcherArgs({ port, httpPort, dataDir, stopOnStdinEof, quickStart = false }) {
  const args = [...jvmArgs({ quickStart }), '-cp', [path.join(launcherProjectDir, 'target/classes'), ...readClasspath()].join(path.delimiter),
    LAUNCHER_MAIN, '--port', String(port), '--http-port', String(httpPort), '--data-dir', dataDir];
  if (stopOnStdinEof) args.push('--stop-on-stdin-eof');
  return args;
}

/** The launcher's output file inside a data directory; kept so that a failed start can be diagnosed. */
export function launcherLogFile(dataDir) {
  return path.join(dataDir, 'launcher.log');
}

function pidFile(dataDir) {
  return path.join(dataDir, 'neo4j.pid');
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Guards against signalling an unrelated process that reused a stale pid. */
function isOurLauncher(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(LAUNCHER_MAIN);
  } catch {
    return isAlive(pid);
  }
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

/** SIGTERM lets the shutdown hook close the store; SIGKILL only if that hangs. */
async function terminate(pid) {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
    console.error(`neo4j: pid ${pid} did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing it`);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 10_000);
  }
}

/** Polls the launcher's log for the ready line; fails early when the process dies. */
async function waitForReady(logFile, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, signal) => { exited = signal ?? `exit code ${code}`; });
  while (true) {
    const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const ready = READY_LINE.exec(text);
    if (ready) return { uri: ready[1], httpUrl: HTTP_LINE.exec(text)?.[1] };
    if (exited !== null || Date.now() > deadline) {
      const tail = text.trim().split('\n').slice(-12).join('\n');
      const why = exited !== null ? `exited (${exited}) before it was ready` : `was not ready after ${Math.round(timeoutMs / 1000)} s`;
      throw new Neo4jSetupError(`Neo4j ${why}; see ${logFile} and ${path.join(path.dirname(logFile), 'logs/debug.log')}${tail ? `\n${tail}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Builds if needed and starts a Neo4j server, resolving once it accepts Bolt connections.
 *
 * @param {object} [options]
 * @param {number} [options.port] Bolt port on 127.0.0.1; default 7687; 0 lets the OS pick a free one.
 * @param {number} [options.httpPort] HTTP (Browser) port; -1, the default here, leaves HTTP off.
 * @param {string} [options.dataDir] server home (stores, logs, launcher.log); default neo4j/data.
 * @param {boolean} [options.detached] keep running after this process exits (the `start` command);
 *   otherwise the server stops when this process's end closes its standard input.
 * @param {boolean} [options.quickStart] trade peak query speed for a faster start (C1 JIT only);
 *   meant for throw-away test servers.
 * @param {number} [options.readyTimeoutMs] how long to wait for the ready line; default 5 minutes.
 * @returns {Promise<{ uri: string, httpUrl?: string, pid: number, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startNeo4j({ port = DEFAULT_BOLT_PORT, httpPort = -1, dataDir = defaultDataDir, detached = false,
  quickStart = false, readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS } = {}) {
  assertTools();
  await buildLauncher();
  await assertPortFree(port, 'Bolt');
  if (httpPort > 0) await assertPortFree(httpPort, 'HTTP');
  const home = path.resolve(dataDir);
  const running = runningServer(home);
  if (running) throw new Neo4jSetupError(`a Neo4j (pid ${running.pid}, ${running.uri}) already uses ${home}: npm run neo4j -- stop`);
  mkdirSync(home, { recursive: true });
  const logFile = launcherLogFile(home);
  const logFd = openSync(logFile, 'w');
  const child = spawn('java', launcherArgs({ port, httpPort, dataDir: home, stopOnStdinEof: !detached, quickStart }), {
    cwd: home,
    detached,
    // A pipe we never write to: when this process ends, the launcher reads end-of-input and stops.
    stdio: [detached ? 'ignore' : 'pipe', logFd, logFd],
  });
  closeSync(logFd);
  const exitPromise = new Promise((resolve) => child.once('exit', resolve));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exitPromise;
      clearTimeout(timer);
    }
    if (detached) rmSync(pidFile(home), { force: true });
  };
  try {
    const { uri, httpUrl } = await waitForReady(logFile, child, readyTimeoutMs);
    if (detached) {
      writeFileSync(pidFile(home), JSON.stringify({ pid: child.pid, uri, httpUrl }) + '\n');
      child.unref();
    }
    return { uri, httpUrl, pid: child.pid, dataDir: home, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** What the pid file of a data directory says, if the process it names still runs. */
export function runningServer(dataDir = defaultDataDir) {
  const file = pidFile(path.resolve(dataDir));
  if (!existsSync(file)) return null;
  let info;
  try {
    info = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  return Number.isInteger(info.pid) && isAlive(info.pid) && isOurLauncher(info.pid) ? info : null;
}

/** Stops the background server of a data directory; resolves false when none was running. */
export async function stopNeo4j(dataDir = defaultDataDir) {
  const info = runningServer(dataDir);
  rmSync(pidFile(path.resolve(dataDir)), { force: true });
  if (!info) return false;
  await terminate(info.pid);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Command line

function portOption(value) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return port;
}

/** Runs the launcher attached to this terminal; Ctrl-C reaches both processes, we wait for Java to finish. */
async function runForeground({ port, httpPort, dataDir }) {
  assertTools();
  await buildLauncher();
  await assertPortFree(port, 'Bolt');
  if (httpPort > 0) await assertPortFree(httpPort, 'HTTP');
  const home = path.resolve(dataDir);
  if (runningServer(home)) throw new Neo4jSetupError(`a background Neo4j already uses ${home}: npm run neo4j -- stop`);
  mkdirSync(home, { recursive: true });
  const child = spawn('java', launcherArgs({ port, httpPort, dataDir: home, stopOnStdinEof: false }), { cwd: home, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // The terminal already sent Ctrl-C's SIGINT to Java too; forwarding covers `kill <node pid>`.
    process.on(signal, () => child.kill('SIGTERM'));
  }
  const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  // The JVM reports 130 / 143 after running its shutdown hook for SIGINT / SIGTERM: a clean stop.
  process.exitCode = code === 130 || code === 143 ? 0 : code;
}

function secondsOption(value) {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return seconds;
}

function dataDirOption(description) {
  return new Option('--data-dir <dir>', description).default(defaultDataDir, path.relative(process.cwd(), defaultDataDir) || '.');
}

function commonOptions(command) {
  return command
    .option('--port <port>', 'Bolt port on 127.0.0.1 (0 = any free port)', portOption, DEFAULT_BOLT_PORT)
    .option('--http-port <port>', 'HTTP port for Neo4j Browser on 127.0.0.1', portOption, DEFAULT_HTTP_PORT)
    .option('--no-http', 'leave the HTTP connector (Browser) off')
    .addOption(dataDirOption('server home: stores, logs, pid file'));
}

function httpPortFrom(options) {
  return options.http === false ? -1 : options.httpPort;
}

function buildProgram() {
  const program = new Command('neo4j')
    .description('A local Neo4j 5.26 Community server for meetgraph (no Docker needed)')
    .showHelpAfterError();

  commonOptions(program.command('run', { isDefault: true }).description('run in the foreground; Ctrl-C stops it'))
    .action(async (options) => {
      await runForeground({ port: options.port, httpPort: httpPortFrom(options), dataDir: options.dataDir });
    });

  commonOptions(program.command('start').description('start in the background and print the Bolt URI'))
    .option('--timeout <seconds>', 'how long to wait for the server once built', secondsOption, DEFAULT_READY_TIMEOUT_MS / 1000)
    .action(async (options) => {
      const running = runningServer(options.dataDir);
      if (running) {
        console.log(running.uri);
        console.error(`neo4j: already running (pid ${running.pid})`);
        return;
      }
      const started = Date.now();
      const server = await startNeo4j({ port: options.port, httpPort: httpPortFrom(options), dataDir: options.dataDir,
        detached: true, readyTimeoutMs: options.timeout * 1000 });
      console.error(`neo4j: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${server.pid}, data ${server.dataDir})`);
      if (server.httpUrl) console.error(`neo4j: Browser at ${server.httpUrl} (connect URL ${server.uri}, no authentication)`);
      console.log(server.uri);
    });

  program.command('stop').description('stop the background server')
    .addOption(dataDirOption('server home given to start'))
    .action(async (options) => {
      const stopped = await stopNeo4j(options.dataDir);
      console.error(stopped ? 'neo4j: stopped' : 'neo4j: not running');
    });

  program.command('status').description('tell whether the background server runs (exit 3 when not)')
    .addOption(dataDirOption('server home given to start'))
    .action((options) => {
      const running = runningServer(options.dataDir);
      if (running) {
        console.log(`running (pid ${running.pid}) ${running.uri}${running.httpUrl ? ` ${running.httpUrl}` : ''}`);
      } else {
        console.log('not running');
        process.exitCode = 3;
      }
    });

  program.command('shell').description('open cypher-shell on the server (fetched from Maven Central on first use)')
    .argument('[cypherShellArgs...]', 'passed to cypher-shell after --, e.g. -- --format plain "MATCH (n) RETURN count(n)"')
    .option('--port <port>', 'Bolt port when no background server of --data-dir is running', portOption, DEFAULT_BOLT_PORT)
    .addOption(dataDirOption('server home given to start; its Bolt URI is used'))
    .action(async (cypherShellArgs, options) => {
      const uri = runningServer(options.dataDir)?.uri ?? `bolt://127.0.0.1:${options.port}`;
      await runCypherShell(uri, cypherShellArgs);
    });

  program.command('build').description('resolve Neo4j from Maven Central and compile the launcher')
    .option('--force', 'rebuild even when up to date')
    .action(async (options) => {
      await buildLauncher({ force: options.force, inheritOutput: true });
      console.error(`neo4j: launcher built (${readClasspath().length} jars on the class path)`);
    });
  return program;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildProgram().parseAsync(process.argv).catch((err) => {
    if (err instanceof Neo4jSetupError) {
      console.error(`neo4j: ${err.message}`);
    } else {
      console.error(err);
    }
    process.exitCode = 1;
  });
}
