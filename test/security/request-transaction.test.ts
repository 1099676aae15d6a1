import http from 'node:http';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { inTransaction } from '../../src/context/transaction';
import { RequestContext } from '../../src/context/context';
import { AppServer, createServer } from '../../src/server';
import { TestUser } from '../factories/users';
import { silentLogger, startTestServer, TestServer, verifyTestToken } from '../helpers/server';
import { seedWorld, World } from './support/world';

/**
 * Issue 6: each request runs in one transaction on one pooled connection, and gives it back without
 * its settings whatever happened: success, a failed statement, a statement timeout, a client gone.
 * One connection in the pool, so every request below reuses the same one.
 */
describe('one transaction per request, on a pool of one connection', () => {
  let t: TestServer;
  let world: World;
  let pool: DataSource;
  let server: AppServer;
  let url: string | undefined;
  const listening = async () => (url ??= await server.listen(0, '127.0.0.1'));

  beforeAll(async () => {
    t = await startTestServer();
    world = await seedWorld(t.db.dataSource.manager);
    // Long enough that a lock wait outlasts the test's pauses on a loaded machine; a statement timeout still comes within the test.
    pool = createDataSource({ url: t.db.url, poolSize: 1, statementTimeoutMs: 1500 });
    await pool.initialize();
    server = await createServer({ dataSource: pool, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken });
  });
  afterAll(async () => {
    await server.stop();
    await pool.destroy();
    await t.close();
  });

  const context = (user: TestUser | 'anonymous') =>
    server.createContext({ requestId: 'tx', log: silentLogger, authorization: user === 'anonymous' ? undefined : `Bearer ${user.token}` });
  const execute = async (ctx: RequestContext, query: string, variables?: Record<string, unknown>) => {
    const response = await server.apollo.executeOperation({ query, variables }, { contextValue: ctx });
    if (response.body.kind !== 'single') throw new Error('single result expected');
    return response.body.singleResult;
  };
  /** What the pooled connection carries between requests: the owner's role and no tenant. */
  const between = async () => (await pool.query(`SELECT current_user = session_user AS own_role, coalesce(current_setting('app.alliance_id', true), '') AS alliance`))[0];
  const PEOPLE = `{ people(first: 100) { edges { node { id } } } }`;

  it('never lets one request’s tenant reach the next, over hundreds of alternating requests and faults', async () => {
    const callers = [world.A.users.ALLIANCE_ADMIN, world.B.users.ALLIANCE_ADMIN, 'anonymous', world.A.users.PRACTITIONER] as const;
    const expected = new Map<unknown, string[]>([
      [world.A.users.ALLIANCE_ADMIN, [world.A.alliance.id]],
      [world.B.users.ALLIANCE_ADMIN, [world.B.alliance.id]],
      ['anonymous', []],
      [world.A.users.PRACTITIONER, [world.A.alliance.id]],
    ]);
    for (let i = 0; i < 320; i++) {
      const caller = callers[i % callers.length];
      const ctx = await context(caller);
      if (caller === 'anonymous') {
        // The public reader, with no tenant: it may not even read the staff table.
        expect(await ctx.em.query(`SELECT current_user AS role, coalesce(current_setting('app.alliance_id', true), '') AS alliance`)).toEqual([{ role: 'alliance_graph_public', alliance: '' }]);
      } else {
        const rows: { alliance_id: string }[] = await ctx.em.query('SELECT alliance_id FROM people');
        expect([...new Set(rows.map((r) => r.alliance_id))]).toEqual(expected.get(caller));
      }
      switch (i % 5) {
        case 0: // a GraphQL request to its end, as the server runs one
          await execute(ctx, caller === 'anonymous' ? `{ __typename }` : `{ viewer { user { email } } }`);
          break;
        case 1: // a failed statement aborts the transaction: it is rolled back, not committed
          await expect(ctx.em.query('SELECT 1 / 0')).rejects.toThrow();
          expect(await ctx.end(true)).toBe(false);
          break;
        case 2: // a resolver's exception
          expect((await execute(ctx, `{ people(first: 1000) { totalCount } }`)).errors?.length).toBeGreaterThan(0);
          break;
        case 3: // the client went away mid-statement: the server ends it at once
          await Promise.all([ctx.em.query('SELECT pg_sleep(0.05)').catch(() => undefined), ctx.end(false)]);
          break;
        default:
          expect(await ctx.end(true)).toBe(true);
      }
      await ctx.end(false);
      await expect(ctx.em.query('SELECT 1')).rejects.toThrow(/request has ended|already released/);
      expect(await between()).toEqual({ own_role: true, alliance: '' });
    }
  });

  it('gives the connection back after a statement timeout, clean', async () => {
    const ctx = await context(world.A.users.ALLIANCE_ADMIN);
    await expect(ctx.em.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    expect(await ctx.end(true)).toBe(false);
    expect(await between()).toEqual({ own_role: true, alliance: '' });
    const next = await context(world.B.users.ALLIANCE_ADMIN);
    expect((await execute(next, PEOPLE)).errors).toBeUndefined();
  });

  it('commits a mutation before the answer is sent, and runs parallel root fields on the one connection', async () => {
    const ctx = await context(world.A.users.ALLIANCE_ADMIN);
    const result = await execute(ctx, `mutation { createPerson(input: { givenName: "Tx", familyName: "Committed" }) { person { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE family_name = 'Committed'`)).toEqual([{ n: 1 }]);
    const parallel = await execute(await context(world.A.users.ALLIANCE_ADMIN), `{ a: people(first: 5) { totalCount } b: people(first: 5) { totalCount } c: viewer { user { email } } }`);
    expect(parallel.errors).toBeUndefined();
  });

  it('rolls back and frees the connection when an HTTP client disconnects mid-request', async () => {
    const url = await listening();
    const target = world.A.colleagueAtLeadSchool;
    // Hold the row, so that the request waits on its lock while the client goes away.
    const holder = t.db.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM people WHERE id = $1 FOR UPDATE`, [target.id]);
    const body = JSON.stringify({ query: `mutation($id: ID!) { updatePerson(input: { id: $id, jobTitle: "left behind" }) { person { id } } }`, variables: { id: Buffer.from(`Person:${target.id}`).toString('base64url') } });
    await new Promise<void>((resolve) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${world.A.users.ALLIANCE_ADMIN.token}` } });
      req.on('error', () => resolve());
      req.end(body);
      setTimeout(() => (req.destroy(), resolve()), 100);
    });
    // Time for the server to see the client go (it waits on the lock, half the statement timeout, meanwhile).
    await new Promise((r) => setTimeout(r, 300));
    await holder.rollbackTransaction();
    await holder.release();
    // The one connection is back, clean, and the change was not made.
    expect(await between()).toEqual({ own_role: true, alliance: '' });
    expect(await t.db.dataSource.query(`SELECT job_title FROM people WHERE id = $1`, [target.id])).not.toEqual([{ job_title: 'left behind' }]);
    const next = await context(world.B.users.ALLIANCE_ADMIN);
    expect((await execute(next, PEOPLE)).errors).toBeUndefined();
  });

  it.each([
    ['a valid request', JSON.stringify({ query: '{ __typename }' })],
    ['a batch, which Apollo refuses after the context and before any plugin', JSON.stringify([{ query: '{ __typename }' }])],
    ['a body without a query', JSON.stringify({ variables: 'x' })],
  ])('gives the connection back when the client of %s goes away while its context waits for a connection', async (_what, body) => {
    const url = await listening();
    // Another request holds the only connection, so the next context waits in the pool's queue.
    const held = await context(world.A.users.ALLIANCE_ADMIN);
    await new Promise<void>((resolve) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('error', () => resolve());
      req.end(body);
      setTimeout(() => (req.destroy(), resolve()), 100);
    });
    await held.end(true);
    await new Promise((r) => setTimeout(r, 300));
    const served = await Promise.race([pool.query('SELECT 1 AS ok').then(() => 'served'), new Promise((r) => setTimeout(() => r('pool exhausted'), 3000))]);
    expect(served).toBe('served');
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)).toEqual([{ n: 0 }]);
  });

  it('never lets a mutation run outside the request transaction after a failed statement aborted it', async () => {
    const ctx = await context(world.A.users.ALLIANCE_ADMIN);
    await expect(ctx.em.query('SELECT 1 / 0')).rejects.toThrow();
    // The savepoint is refused in the aborted transaction, and so is every way around it.
    await expect(inTransaction(ctx, async () => 1)).rejects.toThrow();
    await expect(inTransaction(ctx, (tx) => tx.em.query(`INSERT INTO people (alliance_id, given_name, family_name) VALUES ($1, 'Outside', 'Transaction')`, [world.A.alliance.id]))).rejects.toThrow();
    expect(await ctx.end(true)).toBe(false);
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE family_name = 'Transaction'`)).toEqual([{ n: 0 }]);
  });

  it('answers "nothing was saved" to a mutation whose request transaction a failed statement aborted, and saves nothing', async () => {
    const school = world.A.leadSchool;
    const locker = t.db.dataSource.createQueryRunner();
    await locker.startTransaction();
    // The first field's school check waits for this lock outside its savepoint and gives up, aborting the transaction.
    await locker.query('LOCK TABLE schools IN ACCESS EXCLUSIVE MODE');
    try {
      const result = await execute(
        await context(world.A.users.ALLIANCE_ADMIN),
        `mutation($s: ID!) {
          a: createPerson(input: { givenName: "A", familyName: "Aborted", schoolId: $s }) { person { id } }
          b: createPerson(input: { givenName: "B", familyName: "Aborted" }) { person { id } }
        }`,
        { s: Buffer.from(`School:${school.id}`).toString('base64url') },
      );
      expect(result.data).toBeNull();
      expect(result.errors?.map((e) => e.message)).toEqual(['Internal server error: nothing was saved']);
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE family_name = 'Aborted'`)).toEqual([{ n: 0 }]);
    expect(await between()).toEqual({ own_role: true, alliance: '' });
  });
});
