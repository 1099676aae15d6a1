import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { attachToRunning } from '../src/database/embedded-postgres';
import { EMBEDDED_DATABASE } from '../src/database/connect';
import { buildOnce, demoToken, failedStart, processesMentioning, root, startApi, stopApi, waitUntil } from './helpers/run-api';

/**
 * The embedded database survives crashes: SIGKILL of the API during load leaves no PostgreSQL behind
 * (the lifeline stops it), the next start recovers by itself, and every committed write is there.
 */
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-graph-crash-'));
// mkdtemp makes it private; under root the postgres user must be able to enter it.
fs.chmodSync(base, 0o755);
const dataDir = path.join(base, 'data');
const env = { DATA_DIR: dataDir };

const CREATE = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id email } } }';

/** Creates staff records as fast as `parallel` clients can until stopped; returns the emails whose creation was answered as done. */
function load(url: string, token: string, parallel = 4) {
  const committed: string[] = [];
  let running = true;
  let n = 0;
  const worker = async () => {
    while (running) {
      const email = `crash-${process.pid}-${++n}@romero.demo`;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: CREATE, variables: { input: { givenName: 'Crash', familyName: `Test ${n}`, email } } }),
        });
        const body = (await response.json()) as { data?: { createPerson?: { person: { email: string } } }; errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        if (body.data?.createPerson?.person.email === email) committed.push(email);
      } catch (error) {
        // The server died under us: that request's outcome is unknown, and it is not counted.
        if (!running) return;
        if (!/fetch failed|ECONNRESET|ECONNREFUSED|socket|terminated/i.test(String((error as Error).message) + String((error as { cause?: unknown }).cause))) throw error;
        return;
      }
    }
  };
  const workers = Array.from({ length: parallel }, worker);
  return { committed, stop: async () => ((running = false), await Promise.allSettled(workers)) };
}

async function emailsPresent(emails: string[]): Promise<number> {
  const cluster = attachToRunning({ dataDir: path.join(dataDir, 'pg') });
  if (!cluster) throw new Error('no running cluster to check');
  const url = new URL(cluster.url);
  url.pathname = `/${EMBEDDED_DATABASE}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM people WHERE email = ANY($1)', [emails]);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

describe('crashes and restarts of the API with its embedded database', () => {
  beforeAll(() => buildOnce(), 240_000);
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('SIGKILL during load: the lifeline stops PostgreSQL, the next start recovers, and every committed write is kept', async () => {
    const first = await startApi(env);
    const token = demoToken('coordinator@romero.demo', dataDir);
    const traffic = load(first.url, token);
    await waitUntil(() => traffic.committed.length >= 40, 20_000);
    first.child.kill('SIGKILL');
    await traffic.stop();
    expect(traffic.committed.length).toBeGreaterThanOrEqual(20);

    // Nothing of that API is left running: its PostgreSQL and its lifeline stop within seconds.
    expect(await waitUntil(() => processesMentioning(first.databaseDir).length === 0, 20_000)).toBe(true);

    const second = await startApi(env);
    expect(await emailsPresent(traffic.committed)).toBe(traffic.committed.length);
    expect(await stopApi(second)).toBe(0);
    expect(processesMentioning(second.databaseDir)).toEqual([]);
  }, 120_000);

  it('an orphaned PostgreSQL (its API and lifeline both killed) is stopped by the next start, with the data kept', async () => {
    const first = await startApi(env);
    const token = demoToken('coordinator@romero.demo', dataDir);
    const traffic = load(first.url, token, 2);
    await waitUntil(() => traffic.committed.length >= 10, 20_000);
    // The lifeline dies first, as if the whole process tree had been cut down but for PostgreSQL.
    for (const line of processesMentioning(path.join(first.databaseDir, 'postmaster.pid'), /-e/)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    first.child.kill('SIGKILL');
    await traffic.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(processesMentioning(first.databaseDir)).toHaveLength(1);

    const restarted = Date.now();
    const second = await startApi(env);
    expect(second.output()).toMatch(/left running on .* by an API that did not stop it; stopping it/);
    expect(await emailsPresent(traffic.committed)).toBe(traffic.committed.length);
    expect(await stopApi(second)).toBe(0);
    expect(processesMentioning(second.databaseDir)).toEqual([]);
  }, 120_000);

  it('a stale lock file (its process gone) does not block the next start', async () => {
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const ghost = await new Promise<number>((resolve) => {
      const child = require('node:child_process').spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid as number));
    });
    fs.writeFileSync(pidFile, `${ghost}\n${path.join(dataDir, 'pg')}\n0\n5999\n`);
    const running = await startApi(env);
    expect(running.output()).toMatch(/removing the stale lock file/);
    expect(await stopApi(running)).toBe(0);
  }, 60_000);

  it('a second API on the same data refuses to start, naming the first, which keeps serving', async () => {
    const first = await startApi(env);
    try {
      const second = await failedStart(env);
      expect(second.code).toBe(1);
      expect(second.output).toContain(`in use by another Alliance Graph (process ${first.child.pid}`);
      expect(second.output).toMatch(/Stop it first \(kill \d+\), or set DATA_DIR/);
      expect((await fetch(first.url.replace('/graphql', '/readyz'))).status).toBe(200);
    } finally {
      await stopApi(first);
    }
  }, 60_000);

  it('a taken PORT or a wrong HOST stops the start before any database is created', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const fresh = path.join(base, 'never');
      const taken = await failedStart({ DATA_DIR: fresh, PORT: String(port) });
      expect(taken.code).toBe(1);
      expect(taken.output).toContain(`PORT ${port} is already in use by process ${process.pid}`);
      expect(taken.output).toContain('Nothing was started');
      const badHost = await failedStart({ DATA_DIR: fresh, HOST: '203.0.113.7', PORT: '0' });
      expect(badHost.output).toMatch(/cannot listen on 203\.0\.113\.7/);
      const typo = await failedStart({ DATA_DIR: fresh, HOST: 'local host' });
      expect(typo.output).toMatch(/HOST: must be an IP address or a host name/);
      expect(typo.output).not.toMatch(/\n\s+at /);
      expect(fs.existsSync(fresh)).toBe(false);
    } finally {
      holder.close();
    }
  }, 60_000);

  it('a start killed while it creates the cluster leaves nothing that blocks the next start', async () => {
    const fresh = path.join(base, 'killed-in-initdb');
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: fresh, PORT: '0', LOG_FORMAT: 'json' } });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    expect(await waitUntil(() => /creating a PostgreSQL cluster/.test(output), 30_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGKILL');
    // The whole tree dies: initdb too, half way through its files.
    for (const line of processesMentioning(fresh, /initdb/)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    const running = await startApi({ DATA_DIR: fresh });
    expect(await stopApi(running)).toBe(0);
    expect(await waitUntil(() => processesMentioning(fresh, /initdb|postgres/).length === 0, 20_000)).toBe(true);
  }, 90_000);

  it('an unreachable DATABASE_URL says where and what to check, without the password or a stack', async () => {
    const failure = await failedStart({ DATABASE_URL: 'postgres://someone:s3cret-pw@127.0.0.1:1/nowhere' });
    expect(failure.code).toBe(1);
    expect(failure.output).toContain('Start failed while connecting to the database (postgres://someone:***@127.0.0.1:1/nowhere)');
    expect(failure.output).toMatch(/ECONNREFUSED.*check that the server runs/);
    expect(failure.output).not.toContain('s3cret-pw');
    expect(failure.output).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('Ctrl-C (SIGINT to the terminal\'s process group) reaches the API only, which stops PostgreSQL in order', async () => {
    const running = await startApi(env, undefined, { ownProcessGroup: true });
    const postmaster = processesMentioning(running.databaseDir).map((line) => Number(line.trim().split(/\s+/)[0]))[0];
    const groupOf = (pid: number) => Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    expect(groupOf(running.child.pid!)).toBe(running.child.pid);
    // PostgreSQL is not in the API's group: the terminal's SIGINT does not cut its connections under in-flight requests.
    expect(groupOf(postmaster)).not.toBe(running.child.pid);
    const exited = new Promise<number | null>((resolve) => {
      running.child.removeAllListeners('exit');
      running.child.on('exit', resolve);
    });
    process.kill(-running.child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(running.output()).toMatch(/shutting down[\s\S]*"stopped"/);
    expect(await waitUntil(() => processesMentioning(running.databaseDir).length === 0, 10_000)).toBe(true);
  }, 60_000);

  it('an API whose launcher\'s parent (npm) is killed stops by itself, in order', async () => {
    // A stand-in for npm: it starts the launcher and is then killed with SIGKILL, forwarding nothing.
    const npm = spawn(process.execPath, ['-e', `require('child_process').spawn(process.execPath, ['scripts/run.js', 'src/main.js'], { stdio: 'inherit' }); setInterval(() => {}, 1000);`], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', LOG_FORMAT: 'json', SKIP_BUILD: '1' },
    });
    let output = '';
    npm.stdout!.on('data', (chunk) => (output += chunk));
    npm.stderr!.on('data', (chunk) => (output += chunk));
    expect(await waitUntil(() => /ready at/.test(output), 60_000)).toBe(true);
    const api = (JSON.parse(fs.readFileSync(path.join(dataDir, 'pg.owner'), 'utf8')) as { pid: number }).pid;
    npm.kill('SIGKILL');
    expect(await waitUntil(() => processesMentioning(path.join(dataDir, 'pg')).length === 0 && !fs.existsSync(`/proc/${api}`), 20_000)).toBe(true);
    // It stopped itself (a graceful stop removes the owner file), not the lifeline after a crash.
    expect(fs.existsSync(path.join(dataDir, 'pg.owner'))).toBe(false);
  }, 90_000);

  it('SIGTERM to `npm start` stops the API and then its database, and npm exits with it', async () => {
    const running = await startApi({ ...env, SKIP_BUILD: '1' }, ['npm', ['start']]);
    expect(await stopApi(running, 'SIGTERM')).toBe(0);
    expect(running.output()).toMatch(/shutting down[\s\S]*"stopped"|shutting down[\s\S]*stopped/);
    expect(processesMentioning(running.databaseDir)).toEqual([]);
    expect(processesMentioning(root, /scripts\/run\.js src\/main\.js/).filter((l) => l.includes(String(running.child.pid)))).toEqual([]);
  }, 60_000);
});
