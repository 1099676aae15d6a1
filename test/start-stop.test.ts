import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, RunningApi, startApi } from './helpers/run-api';

/**
 * The real start-up, as `npm start` runs it: the compiled server on its own embedded PostgreSQL,
 * stopped by SIGTERM, started again on the same data.
 */
const root = path.join(__dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-graph-start-'));
// mkdtemp makes it private; under root the postgres user must be able to enter it, or the data would move elsewhere.
fs.chmodSync(dataDir, 0o755);

type Running = RunningApi;

/** The compiled server itself, as `npm run start:prod` runs it. */
const start = (env: Record<string, string> = {}): Promise<Running> =>
  startApi({ DATA_DIR: path.join(dataDir, 'data'), ...env }, [process.execPath, ['dist/src/main.js']]);

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
