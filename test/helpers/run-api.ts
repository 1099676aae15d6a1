import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The compiled API as a process, the way `npm start` and a process manager run it. */
export const root = path.join(__dirname, '..', '..');

export interface RunningApi {
  child: ChildProcess;
  url: string;
  /** Where the server says its database lives. */
  databaseDir: string;
  output: () => string;
}

/**
 * Compiles dist/ for the tests that run the compiled server. Test files run in parallel workers:
 * one compiler at a time (a lock file), or two would write the same files at once.
 * SKIP_BUILD=1: use dist/ as it is (as scripts/run.js does).
 */
export function buildOnce(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const lock = path.join(os.tmpdir(), `alliance-graph-build-${createHash('sha1').update(root).digest('hex').slice(0, 10)}.lock`);
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      // A lock of a process that is gone (a killed run) is stale.
      const holder = Number(fs.readFileSync(lock, 'utf8') || 0);
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch {
        fs.rmSync(lock, { force: true });
      }
      if (alive && Date.now() > until) throw new Error(`another build (process ${holder}) holds ${lock}`);
      if (alive) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    // As scripts/run.js does: the build is current as of now (tsc leaves unchanged outputs untouched).
    const now = new Date();
    fs.utimesSync(path.join(root, 'dist', '.tsbuildinfo'), now, now);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Runs `command` and resolves once the banner says it is ready. The default runs dist/ through the
 * launcher as `npm start` does (without its build: the test built already), which also stops the API
 * if this test process dies without stopping it.
 */
export function startApi(
  env: Record<string, string>,
  command: [string, string[]] = [process.execPath, ['scripts/run.js', 'src/main.js']],
  options: { ownProcessGroup?: boolean } = {},
): Promise<RunningApi> {
  const child = spawn(command[0], command[1], {
    cwd: root,
    // As a terminal runs it: the API leads a process group, which Ctrl-C signals as a whole.
    detached: options.ownProcessGroup ?? false,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'info', LOG_FORMAT: 'json', SKIP_BUILD: '1', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child.stderr!.on('data', () => {
      const match = /ready at (http:\/\/\S+)/.exec(output);
      const database = /Database: embedded PostgreSQL on port \d+, data in (\S+)\n/.exec(output);
      if (match && database) {
        clearTimeout(timer);
        resolve({ child, url: match[1], databaseDir: database[1], output: () => output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`exited with ${code}:\n${output}`), { code, output }));
    });
  });
}

/** A start that is expected to fail: its exit code and everything it printed. */
export async function failedStart(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const failure = await startApi(env).then(
    async (running) => {
      running.child.kill('SIGTERM');
      throw new Error(`started although it should not have:\n${running.output()}`);
    },
    (error: { code: number; output: string }) => error,
  );
  return failure;
}

export function stopApi(running: RunningApi, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    if (running.child.exitCode !== null || running.child.signalCode !== null) return resolve(running.child.exitCode);
    running.child.on('exit', (code) => resolve(code));
    running.child.kill(signal);
  });
}

/** Processes whose command line mentions `text`: PostgreSQL servers on a data directory, lifelines. */
export const processesMentioning = (text: string, pattern = /postgres/) =>
  execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && pattern.test(line));

export async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** The token CLI, beside a running server: it shares that server's database. */
export const demoToken = (email: string, dataDir: string) =>
  execFileSync(process.execPath, ['dist/src/auth/token-cli.js', '--email', email], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir }, encoding: 'utf8' }).trim();
