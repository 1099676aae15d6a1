import { parse } from 'graphql';
import { DataSource } from 'typeorm';
import { queryCost } from '../src/limits/limits';
import { getSchema } from '../src/schema';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/database/data-source';
import { budgetPoints } from '../src/limits/request-budget';
import { AppServer, createServer } from '../src/server';
import { RUNTIME_ROLE } from '../migrations/support/row-level-security';
import { createUser, TestUser } from './factories/users';
import { createTestDatabase, QueryCounter, TestDatabase } from './helpers/database';
import { HttpClient, listen } from './helpers/http';
import { silentLogger, verifyTestToken } from './helpers/server';

/**
 * Issue 12, "Fair limits": a per-caller request budget kept in PostgreSQL, so that it holds across
 * API processes on one database: two servers, each with its own pool, spend from one budget; over it,
 * a 429 with Retry-After and RATE_LIMITED, before any of the request's data SQL; a new window, a new budget.
 */
describe('the request budget', () => {
  const POINTS = 6;
  const WINDOW = 2;
  let db: TestDatabase;
  let second: DataSource;
  const secondCounter = new QueryCounter();
  let servers: AppServer[];
  let a: HttpClient;
  let b: HttpClient;
  let user: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    second = createDataSource({ url: db.url, poolSize: 2 });
    second.setOptions({ logger: secondCounter, logging: ['query'] });
    await second.initialize();
    const config = { NODE_ENV: 'production' as const, CORS_ORIGINS: [], REQUEST_BUDGET_POINTS: POINTS, REQUEST_BUDGET_WINDOW_SECONDS: WINDOW };
    servers = [
      await createServer({ dataSource: db.dataSource, config, logger: silentLogger, verifyToken: verifyTestToken }),
      await createServer({ dataSource: second, config, logger: silentLogger, verifyToken: verifyTestToken }),
    ];
    [a, b] = [await listen(servers[0]), await listen(servers[1])];
    user = await createUser(db.dataSource.manager);
    other = await createUser(db.dataSource.manager);
  });
  afterAll(async () => {
    for (const s of servers ?? []) await s.stop();
    if (second?.isInitialized) await second.destroy();
    await db?.drop();
  });

  const small = { query: '{ alliances(first: 1) { totalCount } }' };
  const auth = (u: TestUser) => ({ authorization: `Bearer ${u.token}` });
  const status = async (client: HttpClient, headers: Record<string, string> = {}, body: unknown = small) => {
    const response = await client.post(body, headers);
    await response.arrayBuffer();
    return response.status;
  };
  /** Waits for the start of a fresh window of every key: counters expire WINDOW seconds after their first request. */
  const nextWindow = () => new Promise((resolve) => setTimeout(resolve, WINDOW * 1000 + 200));

  it('holds across two API processes on one database, then answers 429 with Retry-After', async () => {
    // Alternating servers: six requests of one point each, the seventh is over, on either server.
    const answers = [];
    for (let i = 0; i < POINTS; i++) answers.push(await status(i % 2 ? b : a, auth(user)));
    expect(answers).toEqual(Array(POINTS).fill(200));
    const refused = await b.post(small, auth(user));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    const body = await refused.json();
    expect(body).toEqual({ errors: [{ message: expect.stringMatching(/^request budget spent: try again in \d+ s$/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] });
    expect(await status(a, auth(user))).toBe(429);
    // Another user has a budget of their own.
    expect(await status(a, auth(other))).toBe(200);
    // The counter is one row in PostgreSQL, keyed by user id.
    const rows = await db.dataSource.query(`SELECT key, points FROM request_budget WHERE key = $1`, [`budget:user:${user.user.id}`]);
    expect(rows).toEqual([{ key: `budget:user:${user.user.id}`, points: expect.any(Number) }]);
    expect(rows[0].points).toBeGreaterThan(POINTS);
  });

  it('refuses a request over budget before any of its data SQL', async () => {
    await nextWindow();
    for (let i = 0; i < POINTS; i++) expect(await status(b, auth(user))).toBe(200);
    for (const client of [a, b]) {
      db.counter.reset();
      secondCounter.reset();
      expect(await status(client, auth(user))).toBe(429);
      const data = [...db.counter.queries, ...secondCounter.queries].filter((q) => !/^\s*START TRANSACTION|FROM users u\b/i.test(q));
      expect(data).toEqual([]);
    }
  });

  it('starts a new budget with a new window', async () => {
    expect(await status(a, auth(user))).toBe(429);
    await nextWindow();
    expect(await status(a, auth(user))).toBe(200);
    expect(await status(b, auth(user))).toBe(200);
  });

  it('weighs a request by its cost', async () => {
    expect([budgetPoints(0), budgetPoints(999), budgetPoints(1000), budgetPoints(50_000), budgetPoints(100_000)]).toEqual([1, 1, 2, 51, 101]);
    await nextWindow();
    // 10 alliances × 100 member schools × 2 fields: about 3,000 of cost, 4 points; then two of 1 fill the budget.
    const heavy = { query: '{ alliances(first: 10) { edges { node { memberSchools(first: 100) { edges { node { role } } } } } } }' };
    expect(budgetPoints(queryCost(getSchema(), parse(heavy.query)))).toBe(4);
    expect(await status(a, auth(user), heavy)).toBe(200);
    expect(await status(b, auth(user))).toBe(200);
    expect(await status(a, auth(user))).toBe(200);
    expect(await status(b, auth(user))).toBe(429);
  });

  it('counts anonymous callers by their address', async () => {
    await nextWindow();
    for (let i = 0; i < POINTS; i++) expect(await status(i % 2 ? b : a)).toBe(200);
    expect(await status(a)).toBe(429);
    const rows = await db.dataSource.query(`SELECT key FROM request_budget WHERE key LIKE 'budget:ip:%'`);
    expect(rows.map((r: { key: string }) => r.key)).toEqual([expect.stringMatching(/^budget:ip:(::ffff:)?127\.0\.0\.1$/)]);
    // A signed-in user behind the same address is counted apart.
    expect(await status(b, auth(other))).toBe(200);
  });

  it('is out of reach of the runtime role: a request cannot read or reset counters', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL ROLE ${RUNTIME_ROLE}`);
      await expect(runner.query('SELECT key FROM request_budget')).rejects.toMatchObject({ driverError: { code: '42501' } });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('is on by default, off with 0, and off for a server built without it', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), METRICS: 'false' };
    expect(loadConfig(production)).toMatchObject({ REQUEST_BUDGET_POINTS: 1200, REQUEST_BUDGET_WINDOW_SECONDS: 60, TRUST_PROXY: 0 });
    expect(loadConfig({ ...production, REQUEST_BUDGET_POINTS: '0' }).REQUEST_BUDGET_POINTS).toBe(0);
    expect(() => loadConfig({ ...production, REQUEST_BUDGET_WINDOW_SECONDS: '0' })).toThrow(/REQUEST_BUDGET_WINDOW_SECONDS/);
    expect(() => loadConfig({ ...production, REQUEST_BUDGET_POINTS: '-1' })).toThrow(/REQUEST_BUDGET_POINTS/);
  });
});
