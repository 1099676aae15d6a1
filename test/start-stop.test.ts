import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce } from './helpers/run-api';

/**
 * The real start-up, as `npm start` runs it: the compiled server on its own embedded PostgreSQL,
 * stopped by SIGTERM, started again on the same data.
 */
const root = path.join(__dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-graph-start-'));
// mkdtemp makes it private; under root the postgres user must be able to enter it, or the data would move elsewhere.
fs.chmodSync(dataDir, 0o755);

interface Running {
  child: ChildProcess;
  url: string;
  /** Where the server says its database lives. */
  databaseDir: string;
  output: () => string;
}

function start(env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: path.join(dataDir, 'data'), PORT: '0', LOG_LEVEL: 'info', ...env },
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

function stop(running: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', (code) => resolve(code));
    running.child.kill(signal);
  });
}

const postgresProcessesOn = (dir: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dir) && /postgres/.test(line));

/** The token CLI, as a new user runs it beside a running server: it shares that server's database. */
const demoToken = (email: string) =>
  execFileSync(process.execPath, ['dist/src/auth/token-cli.js', '--email', email], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: path.join(dataDir, 'data') }, encoding: 'utf8' });

const countAlliances = async (url: string) => {
  const token = demoToken('coordinator@romero.demo');
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.trim()}` },
    body: JSON.stringify({ query: '{ alliances { totalCount } }' }),
  });
  return ((await response.json()) as { data: { alliances: { totalCount: number } } }).data.alliances.totalCount;
};

describe('npm start', () => {
  // One compiler at a time across the test files that run dist/.
  beforeAll(() => buildOnce(), 240_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo data, stops cleanly on SIGTERM and SIGINT, and reuses its data on the next start', async () => {
    const first = await start();
    expect(first.output()).toMatch(/demo data loaded/);
    expect((await fetch(first.url.replace('/graphql', '/readyz'))).status).toBe(200);
    expect(await countAlliances(first.url)).toBe(5);
    expect(first.databaseDir.startsWith(dataDir)).toBe(true);
    expect(postgresProcessesOn(first.databaseDir)).toHaveLength(1);
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(postgresProcessesOn(first.databaseDir)).toEqual([]);

    const second = await start();
    expect(second.output()).not.toMatch(/demo data loaded|creating a PostgreSQL cluster/);
    expect(await countAlliances(second.url)).toBe(5);
    expect(second.databaseDir).toBe(first.databaseDir);
    expect(postgresProcessesOn(second.databaseDir)).toHaveLength(1);
    expect(await stop(second, 'SIGINT')).toBe(0);
    expect(postgresProcessesOn(second.databaseDir)).toEqual([]);
  }, 120_000);

  it('stops with the variable name and a non-zero exit on bad configuration', async () => {
    const failure = await start({ PORT: 'eighty' }).catch((error: { code: number; output: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { output: string }).output).toMatch(/PORT: must be a whole number/);
  });
});
