import { DeploymentStatus } from '../src/modules/deployments/deployment-enums';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { MembershipRole } from '../src/modules/users/user-enums';
import { limitsClassOf } from '../src/limits/role-limits';
import { createAlliance, createSchool } from './factories';
import { createDeployment, createSupportRequest } from './factories/deployments';
import { createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { Data, startTestServer, TestServer } from './helpers/server';
import { Answer, CrossCell, possibleValues } from './security/support/attacker';
import { seedDeploymentWorld } from './factories/statistics';

const DEPLOYMENTS = `query($groupBy: [DeploymentDimension!]!, $filter: DeploymentStatisticsFilter) {
  platformDeploymentStatistics(groupBy: $groupBy, filter: $filter) {
    minimumGroupSize
    total { deployments totalPence suppressed }
    groups { alliance { code name } phase { code } localAuthority { code } status commissionerType academicYear deployments daysDelivered totalPence suppressed }
  }
}`;
const DESIGNATIONS = `query($groupBy: [DesignationDimension!]!, $filter: DesignationStatisticsFilter) {
  platformDesignationStatistics(groupBy: $groupBy, filter: $filter) { total { designations suppressed } groups { alliance { code } type status designations suppressed } }
}`;

/**
 * Three alliances: the counted-by-hand world of deployment-statistics (14 deployments, and one of
 * another alliance), and an alliance of 7 deployments into one Hackney secondary, ACTIVE.
 */
describe('platform statistics: every alliance counted, for platform analysts, suppressed (SECURITY.md D2)', () => {
  let t: TestServer;
  let w: Awaited<ReturnType<typeof seedDeploymentWorld>>;
  let platformAnalyst: TestUser;
  let platformAdmin: TestUser;
  let third: { id: string; slug: string };
  const deployments = (as: TestUser | 'anonymous', groupBy: string[], filter?: Record<string, unknown>) => t.execute<Data, Record<string, unknown>>(DEPLOYMENTS, { groupBy, filter }, { as });

  beforeAll(async () => {
    t = await startTestServer();
    w = await seedDeploymentWorld(t);
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    third = alliance;
    const hackney = await createSchool(em, { laCode: '204', laName: 'Hackney', phaseCode: '4', phaseName: 'Secondary' });
    const home = await createSchool(em, { laCode: '204', laName: 'Hackney', phaseCode: '2', phaseName: 'Primary' });
    const designation = await createDesignation(em, await createPerson(em, alliance, { schoolId: home.id }), { status: DesignationStatus.ACTIVE });
    for (let i = 0; i < 7; i++) {
      await createDeployment(em, await createSupportRequest(em, alliance, hackney), designation, home.id, { status: DeploymentStatus.ACTIVE, startsOn: '2026-02-02', startedOn: '2026-02-02' });
    }
    for (let i = 0; i < 5; i++) await createDesignation(em, await createPerson(em, alliance, { schoolId: home.id }), { status: DesignationStatus.APPLIED });
    platformAnalyst = await createUser(em, { platformAnalyst: true });
    platformAdmin = await createUser(em, { platformAdmin: true });
  });
  afterAll(() => t.close());

  it('counts every alliance, the alliance a dimension, and never shows a group under the minimum', async () => {
    const { data, errors } = await deployments(platformAnalyst, ['ALLIANCE']);
    expect(errors).toBeUndefined();
    const stats = data!.platformDeploymentStatistics;
    expect(stats.total).toMatchObject({ deployments: 22, suppressed: false });
    const bySlug = Object.fromEntries(stats.groups.map((g: Data) => [g.alliance.code, g]));
    expect(Object.keys(bySlug)).toHaveLength(3);
    expect(bySlug[w.alliance.slug]).toMatchObject({ deployments: 14, totalPence: 472498, suppressed: false, alliance: { name: w.alliance.name } });
    // One deployment in the second alliance: hidden, and so the third, or 22 - 14 would give it away.
    expect(stats.groups.filter((g: Data) => g.suppressed).map((g: Data) => g.deployments)).toEqual([null, null]);
    expect(bySlug[third.slug].suppressed).toBe(true);
  });

  it('applies the same suppression to every dimension: no shown group under five, never exactly one hidden, figures hidden with counts', async () => {
    for (const dimension of ['ALLIANCE', 'AREA_OF_EXPERTISE', 'ACADEMIC_YEAR', 'TERM', 'PHASE', 'LOCAL_AUTHORITY', 'COMMISSIONER_TYPE', 'STATUS', 'IMPACT_RATING']) {
      const { data, errors } = await deployments(platformAnalyst, [dimension]);
      expect(errors).toBeUndefined();
      const groups = data!.platformDeploymentStatistics.groups;
      for (const g of groups) {
        if (g.suppressed) expect([g.deployments, g.daysDelivered, g.totalPence]).toEqual([null, null, null]);
        else expect(g.deployments).toBeGreaterThanOrEqual(5);
      }
      expect(groups.filter((g: Data) => g.suppressed).length).not.toBe(1);
    }
  });

  it("reopens no hidden group with an attacker's arithmetic across alliances and dimensions", async () => {
    const key: Record<string, (g: Data) => string | null> = {
      ALLIANCE: (g) => g.alliance?.code, PHASE: (g) => g.phase?.code, LOCAL_AUTHORITY: (g) => g.localAuthority?.code, STATUS: (g) => g.status,
      COMMISSIONER_TYPE: (g) => g.commissionerType, ACADEMIC_YEAR: (g) => g.academicYear,
    };
    const answers: Answer[] = [];
    for (const grouping of Object.keys(key)) {
      const stats = (await deployments(platformAnalyst, [grouping])).data!.platformDeploymentStatistics;
      answers.push({ grouping, total: stats.total.deployments, cells: stats.groups.map((g: Data) => ({ key: key[grouping](g) ?? '-', count: g.deployments })) });
    }
    expect(answers.some((a) => a.cells.some((c) => c.count === null))).toBe(true);
    const rows: CrossCell[] = await t.db.dataSource.query(
      `SELECT a.slug AS "ALLIANCE", s.phase_code AS "PHASE", s.la_code AS "LOCAL_AUTHORITY", dp.status::text AS "STATUS", sr.commissioner_type::text AS "COMMISSIONER_TYPE",
              coalesce(dp.academic_year || '/' || lpad(((dp.academic_year + 1) % 100)::text, 2, '0'), '-') AS "ACADEMIC_YEAR"
         FROM deployments dp JOIN alliances a ON a.id = dp.alliance_id JOIN support_requests sr ON sr.id = dp.support_request_id JOIN schools s ON s.id = dp.supported_school_id
        GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    const possible = possibleValues(answers, rows);
    expect(possible.size).toBeGreaterThan(0);
    for (const [cell, values] of possible) expect({ cell, reopened: values.size === 1 }).toEqual({ cell, reopened: false });
  });

  it('lets a platform analyst filter on the alliances only when grouping by alliance, and names an unknown one', async () => {
    const all = (await deployments(platformAnalyst, ['ALLIANCE'])).data!.platformDeploymentStatistics;
    const one = await deployments(platformAnalyst, ['ALLIANCE'], { alliances: [w.alliance.slug, third.id] });
    expect(one.errors).toBeUndefined();
    expect(one.data!.platformDeploymentStatistics.total).toBeNull();
    expect(one.data!.platformDeploymentStatistics.groups).toEqual(all.groups.filter((g: Data) => [w.alliance.slug, third.slug].includes(g.alliance.code)));
    const off = await deployments(platformAnalyst, ['PHASE'], { alliances: [w.alliance.slug] });
    expect(off.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const unknown = await deployments(platformAnalyst, ['ALLIANCE'], { alliances: ['no-such-alliance'] });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.alliances' });
    const two = await deployments(platformAnalyst, ['ALLIANCE', 'PHASE']);
    expect(two.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
  });

  it('refuses everyone but platform analysts: alliance analysts, coordinators, platform admins and anonymous callers', async () => {
    for (const as of [w.analyst, w.coordinator, platformAdmin]) {
      const { errors } = await deployments(as, ['ALLIANCE']);
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const designations = await t.execute<Data, Record<string, unknown>>(DESIGNATIONS, { groupBy: [] }, { as });
      expect(designations.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await deployments('anonymous', [])).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // A platform analyst acts for no alliance: an alliance's own statistics and rows are not theirs.
    const own = await t.execute<Data, Record<string, unknown>>(`{ deploymentStatistics(groupBy: []) { minimumGroupSize } }`, {}, { as: platformAnalyst });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const viewer = await t.execute<Data, Record<string, unknown>>(`{ viewer { isPlatformAnalyst actingRole } }`, {}, { as: platformAnalyst });
    expect(viewer.data!.viewer).toEqual({ isPlatformAnalyst: true, actingRole: null });
  });

  it('counts every alliance’s designations the same way', async () => {
    const { data, errors } = await t.execute<Data, Record<string, unknown>>(DESIGNATIONS, { groupBy: ['ALLIANCE'] }, { as: platformAnalyst });
    expect(errors).toBeUndefined();
    const stats = data!.platformDesignationStatistics;
    // 1 + 1 in the world of deployment-statistics' two alliances, 6 in the third.
    expect(stats.total).toEqual({ designations: 8, suppressed: false });
    // The two alliances of one designation each are hidden; their sum, 2, would be the total less the third: so it is hidden too.
    expect(stats.groups.map((g: Data) => [g.alliance.code, g.designations, g.suppressed])).toEqual(
      [...stats.groups.map((g: Data) => g.alliance.code)].sort().map((code) => [code, null, true]),
    );
    expect(stats.groups.map((g: Data) => g.alliance.code)).toContain(third.slug);
  });

  it('keeps the alliance grouping of an alliance’s own statistics to that alliance, equal to its total', async () => {
    const { data } = await t.execute<Data, Record<string, unknown>>(`{ deploymentStatistics(groupBy: [ALLIANCE]) { total { deployments } groups { alliance { code } deployments } } }`, {}, { as: w.coordinator });
    expect(data!.deploymentStatistics.groups).toEqual([{ alliance: { code: w.alliance.slug }, deployments: 14 }]);
  });

  it('reads the cross-table in one statement and names the alliances in one more', async () => {
    t.db.counter.reset();
    expect((await deployments(platformAnalyst, ['ALLIANCE'])).errors).toBeUndefined();
    expect(t.db.counter.queries.filter((sql) => /platform_deployment_statistics_cells/.test(sql))).toHaveLength(1);
    expect(t.db.counter.queries.filter((sql) => /FROM "alliances"|FROM alliances/i.test(sql))).toHaveLength(1);
  });

  it('gives the cross-table to platform analysts alone at the database, and no tenant row', async () => {
    const runtime = async (userId: string, sql: string) =>
      t.db.dataSource.transaction(async (em) => {
        await em.query(`SELECT set_config('app.user_id', $1, true), set_config('app.role', 'SIGNED_IN', true)`, [userId]);
        await em.query(`SET LOCAL ROLE alliance_graph_api`);
        return (await em.query(sql))[0].n as number;
      });
    expect(await runtime(platformAnalyst.user.id, `SELECT count(*)::int AS n FROM platform_deployment_statistics_cells()`)).toBeGreaterThan(0);
    expect(await runtime(platformAnalyst.user.id, `SELECT count(*)::int AS n FROM platform_designation_statistics_cells()`)).toBeGreaterThan(0);
    for (const user of [w.analyst, w.coordinator, platformAdmin]) {
      expect(await runtime(user.user.id, `SELECT count(*)::int AS n FROM platform_deployment_statistics_cells()`)).toBe(0);
      expect(await runtime(user.user.id, `SELECT count(*)::int AS n FROM platform_designation_statistics_cells()`)).toBe(0);
    }
    for (const table of ['deployments', 'designations', 'people', 'support_requests']) {
      expect(await runtime(platformAnalyst.user.id, `SELECT count(*)::int AS n FROM ${table}`)).toBe(0);
    }
  });

  it('gives a platform analyst the analysts’ limits', async () => {
    const ctx = await t.server.createContext({ requestId: 'limits', log: (await import('./helpers/server')).silentLogger, authorization: `Bearer ${platformAnalyst.token}` });
    try {
      expect(limitsClassOf(ctx)).toBe('analyst');
    } finally {
      await ctx.end(false);
    }
  });
});

/**
 * The flag on a member of an alliance gives no platform figure: the platform family and the
 * alliance's are suppressed separately, and the member's own alliance's total would reopen the
 * platform's complementary suppression (three alliances of 14, 1 and 7 deployments: the platform
 * shows 14 and the total 22, hides 1 and 7; the member of the 7 knows it, so 22 - 14 - 7 = 1).
 */
describe('a platform analyst who is also a member of an alliance', () => {
  let t: TestServer;
  let both: TestUser;
  let x: { slug: string };

  beforeAll(async () => {
    t = await startTestServer();
    await seedDeploymentWorld(t);
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    x = alliance;
    const hackney = await createSchool(em, { laCode: '204', laName: 'Hackney', phaseCode: '4', phaseName: 'Secondary' });
    const home = await createSchool(em, { laCode: '204', laName: 'Hackney', phaseCode: '2', phaseName: 'Primary' });
    const designation = await createDesignation(em, await createPerson(em, alliance, { schoolId: home.id }), { status: DesignationStatus.ACTIVE });
    for (let i = 0; i < 7; i++) {
      await createDeployment(em, await createSupportRequest(em, alliance, hackney), designation, home.id, { status: DeploymentStatus.ACTIVE, startsOn: '2026-02-02', startedOn: '2026-02-02' });
    }
    both = await createUser(em, { platformAnalyst: true, memberships: [{ alliance, role: MembershipRole.ANALYST }] });
  });
  afterAll(() => t.close());

  it('gets no platform figure, from the API or from the function, and stays their alliance’s analyst', async () => {
    for (const query of [`{ platformDeploymentStatistics(groupBy: [ALLIANCE]) { total { deployments } } }`, `{ platformDesignationStatistics(groupBy: []) { total { designations } } }`]) {
      for (const alliance of [undefined, x.slug]) {
        const { errors } = await t.execute<Data, Record<string, unknown>>(query, {}, { as: both, alliance });
        expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    const lines = await t.db.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('app.user_id', $1, true), set_config('app.role', 'SIGNED_IN', true)`, [both.user.id]);
      await em.query(`SET LOCAL ROLE alliance_graph_api`);
      return (await em.query(`SELECT (SELECT count(*) FROM platform_deployment_statistics_cells()) + (SELECT count(*) FROM platform_designation_statistics_cells()) AS n`))[0].n;
    });
    expect(Number(lines)).toBe(0);
    const own = await t.execute<Data, Record<string, unknown>>(`{ deploymentStatistics(groupBy: []) { total { deployments } } }`, {}, { as: both, alliance: x.slug });
    expect(own.data!.deploymentStatistics.total.deployments).toBe(7);
  });
});
