import { parse } from 'graphql';
import { ANALYST_LIMITS, ANONYMOUS_LIMITS, Limits, LOOSEST_LIMITS, queryCost, SIGNED_IN_LIMITS, TOO_COMPLEX } from '../src/limits/limits';
import { limitsClassOf, limitsFor } from '../src/limits/role-limits';
import { ActingRole, MembershipRole } from '../src/modules/users/user-enums';
import { Viewer } from '../src/context/context';
import { getSchema } from '../src/schema';
import { createDataSource } from '../src/database/data-source';
import { createServer } from '../src/server';
import { createAlliance, createSchool, addMember } from './factories';
import { createUser, TestUser } from './factories/users';
import { GraphQLBody, listen } from './helpers/http';
import { silentLogger, startTestServer, TestServer, verifyTestToken } from './helpers/server';

/**
 * Issue 12, "Fair limits": depth and cost per caller class (anonymous < staff < analysts' cost;
 * analysts nest less), with cost counted from page sizes; refusals name no number and come before
 * any of the request's data SQL.
 */
describe('limits per role', () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  let analyst: TestUser;
  let coordinator: TestUser;
  let platformAnalyst: TestUser;

  beforeAll(async () => {
    t = await startTestServer();
    http = await listen(t.server);
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const other = await createAlliance(em);
    await addMember(em, alliance, await createSchool(em, { urn: '100000' }));
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    // Analyst in two alliances, no X-Alliance-Id: still an analyst's limits.
    platformAnalyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }, { alliance: other, role: MembershipRole.ANALYST }] });
  });
  afterAll(() => t.close());

  it('are the reviewed numbers, ordered anonymous < staff < analysts for cost', () => {
    expect(ANONYMOUS_LIMITS).toEqual({ depth: 7, cost: 5_000, aliases: 5, directives: 5, tokens: 1000 });
    expect(SIGNED_IN_LIMITS).toEqual({ depth: 12, cost: 50_000, aliases: 30, directives: 20, tokens: 4000 });
    expect(ANALYST_LIMITS).toEqual({ depth: 12, cost: 100_000, aliases: 30, directives: 20, tokens: 4000 });
    expect(LOOSEST_LIMITS).toEqual({ depth: 12, cost: 100_000, aliases: 30, directives: 20, tokens: 4000 });
  });

  it('chooses the class from the caller and the acting role', () => {
    const viewer = (roles: MembershipRole[], isPlatformAdmin = false) =>
      ({ user: { id: 'u' }, isPlatformAdmin, memberships: roles.map((role, i) => ({ id: `m${i}`, allianceId: `a${i}`, allianceSlug: `a${i}`, role, schoolId: null, personId: null })) }) as unknown as Viewer;
    const acting = (role: ActingRole) => ({ allianceId: 'a0', role, schoolId: null, personId: null, userId: 'u' });
    expect(limitsFor({ viewer: null, acting: null })).toBe(ANONYMOUS_LIMITS);
    expect(limitsFor({ viewer: viewer([MembershipRole.ANALYST]), acting: acting(ActingRole.ANALYST) })).toBe(ANALYST_LIMITS);
    for (const role of [ActingRole.ALLIANCE_ADMIN, ActingRole.SCHOOL_LEAD, ActingRole.PRACTITIONER, ActingRole.PLATFORM_ADMIN]) {
      expect(limitsFor({ viewer: viewer([MembershipRole.ANALYST, role as unknown as MembershipRole]), acting: acting(role) })).toBe(SIGNED_IN_LIMITS);
    }
    expect(limitsFor({ viewer: viewer([MembershipRole.ANALYST, MembershipRole.ANALYST]), acting: null })).toBe(ANALYST_LIMITS);
    expect(limitsFor({ viewer: viewer([MembershipRole.ANALYST, MembershipRole.PRACTITIONER]), acting: null })).toBe(SIGNED_IN_LIMITS);
    expect(limitsFor({ viewer: viewer([]), acting: null })).toBe(SIGNED_IN_LIMITS);
    expect(limitsFor({ viewer: viewer([MembershipRole.ANALYST], true), acting: null })).toBe(SIGNED_IN_LIMITS);
    expect(limitsClassOf({ viewer: null, acting: null })).toBe('anonymous');
  });

  /** Depth d: school > allianceMemberships > edges > node > school > ..., ended by a leaf of the last type. */
  function depth(d: number): { query: string } {
    const cycle = ['allianceMemberships', 'edges', 'node', 'school'];
    const leafOf: Record<string, string> = { school: 'name', allianceMemberships: 'totalCount', edges: 'cursor', node: 'role' };
    const path = ['school', ...Array.from({ length: d - 2 }, (_, i) => cycle[i % cycle.length])];
    const open = path.map((f, i) => (i === 0 ? 'school(urn: "100000")' : `${f}(first: 1)`.replace(/^(edges|node|school)\(first: 1\)$/, '$1'))).join(' { ');
    return { query: `{ ${open} { ${leafOf[path.at(-1)!]} }${' }'.repeat(path.length)}` };
  }
  /** A query that costs exactly c: full nested pages of alliances × member schools, then nodes(ids) for the rest. */
  function cost(c: number): { query: string; variables: { ids: string[] } } {
    const page = (k: number) => `alliances(first: 100) { edges { node { memberSchools(first: ${k}) { totalCount } } } }`;
    const priced = (fields: string[], ids = 0) => queryCost(getSchema(), parse(`query($ids: [ID!]!) { ${fields.join(' ')} n: nodes(ids: $ids) { id } }`), { ids: Array(ids).fill('x') });
    const fields: string[] = [];
    while (priced([...fields, `p${fields.length}: ${page(100)}`]) <= c) fields.push(`p${fields.length}: ${page(100)}`);
    for (let k = 99; k >= 0 && priced(fields) < c; k--) if (priced([...fields, `p${fields.length}: ${page(k)}`]) <= c) fields.push(`p${fields.length}: ${page(k)}`);
    const built = { query: `query($ids: [ID!]!) { ${fields.join(' ')} n: nodes(ids: $ids) { id } }`, variables: { ids: Array.from({ length: c - priced(fields) }, (_, i) => `id${i}`) } };
    expect(queryCost(getSchema(), parse(built.query), built.variables)).toBe(c);
    return built;
  }
  const refusedByALimit = (body: GraphQLBody) => (body.errors ?? []).some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.code === 'GRAPHQL_PARSE_FAILED');
  const as = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });

  it.each([
    ['analyst', () => analyst, ANALYST_LIMITS],
    ['analyst in two alliances, none chosen', () => platformAnalyst, ANALYST_LIMITS],
    ['coordinator', () => coordinator, SIGNED_IN_LIMITS],
  ] as const)('%s: admitted at the cost and depth limits, refused one above, without the numbers', async (_who, user, limits: Limits) => {
    for (const [limit, build] of [['cost', cost], ['depth', depth]] as const) {
      const at = await http.gql(build(limits[limit]), as(user()));
      expect({ limit, refused: refusedByALimit(at) }).toEqual({ limit, refused: false });
      const over = await http.gql(build(limits[limit] + 1), as(user()));
      expect({ limit, refused: refusedByALimit(over) }).toEqual({ limit, refused: true });
      expect(JSON.stringify(over.errors)).not.toContain(String(limits[limit]));
    }
  });

  it('gives analysts the larger cost, and both the same nesting (staff refusals stay what they were)', async () => {
    const wide = cost(75_000);
    expect(refusedByALimit(await http.gql(wide, as(analyst)))).toBe(false);
    const refused = await http.gql(wide, as(coordinator));
    expect(refused.errors).toEqual([{ message: TOO_COMPLEX, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const deep = depth(11);
    expect(refusedByALimit(await http.gql(deep, as(coordinator)))).toBe(false);
    expect(refusedByALimit(await http.gql(deep, as(analyst)))).toBe(false);
    expect(refusedByALimit(await http.gql(depth(13), as(analyst)))).toBe(true);
    // Anonymous callers: the PedEx surface's limits, far below both.
    expect(refusedByALimit(await http.gql(cost(5_001)))).toBe(true);
  });

  it('counts the cost from the page sizes, variables included, and refuses before any data SQL', async () => {
    const query = `query($n: Int) { alliances(first: $n) { edges { node { memberSchools(first: $n) { edges { node { role school { name } } } } } } } }`;
    // Data SQL: anything but the identity lookup and the request transaction's start.
    const dataSql = () => t.db.counter.queries.filter((q) => !/^\s*START TRANSACTION|FROM users u\b/i.test(q));
    t.db.counter.reset();
    const small = await http.gql({ query, variables: { n: 2 } }, as(analyst));
    expect(small.errors).toBeUndefined();
    expect(dataSql().length).toBeGreaterThan(0);
    // 100 × 100 member schools with their school: over the staff's cost, within the analysts'.
    expect(queryCost(getSchema(), parse(query), { n: 100 })).toBeGreaterThan(SIGNED_IN_LIMITS.cost);
    const over: [Record<string, string>, unknown][] = [
      [as(coordinator), { query, variables: { n: 100 } }],
      [as(analyst), cost(ANALYST_LIMITS.cost + 1)],
      [{}, cost(ANONYMOUS_LIMITS.cost + 1)],
    ];
    for (const [headers, body] of over) {
      t.db.counter.reset();
      const answer = await http.gql(body, headers);
      expect(answer.errors?.[0].message).toBe(TOO_COMPLEX);
      expect(dataSql()).toEqual([]);
    }
  });

  it('bounds each statement of a request with the statement timeout, inside its transaction and as the runtime role', async () => {
    const impatient = createDataSource({ url: t.db.url, poolSize: 2, statementTimeoutMs: 300 });
    await impatient.initialize();
    const server = await createServer({ dataSource: impatient, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken });
    try {
      const ctx = await server.createContext({ requestId: 'timeout', log: silentLogger, authorization: `Bearer ${analyst.token}` });
      try {
        expect(await ctx.em.query(`SELECT current_setting('statement_timeout') AS timeout, current_user AS role`)).toEqual([{ timeout: '300ms', role: 'alliance_graph_api' }]);
        // Each statement has its own 300 ms: three quick ones in a row pass, one slow one is cancelled.
        for (let i = 0; i < 3; i++) await ctx.em.query('SELECT pg_sleep(0.2)');
        await expect(ctx.em.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
      } finally {
        await ctx.end(false);
      }
    } finally {
      await server.stop();
      await impatient.destroy();
    }
  });
});
