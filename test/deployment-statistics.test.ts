import { seedDeploymentWorld } from './factories/statistics';
import { TestUser } from './factories/users';
import { Data, startTestServer, TestServer } from './helpers/server';
import { Answer, CrossCell, possibleValues } from './security/support/attacker';

const QUERY = `query($groupBy: [DeploymentDimension!]!, $filter: DeploymentStatisticsFilter) {
  deploymentStatistics(groupBy: $groupBy, filter: $filter) {
    minimumGroupSize
    total { deployments daysDelivered totalPence brokerageFeePence homeSchoolPence suppressed }
    groups { areaOfExpertise { code } academicYear term phase { code name } localAuthority { code } commissionerType status impactRating
             deployments daysDelivered totalPence brokerageFeePence homeSchoolPence suppressed }
  }
}`;

describe('deploymentStatistics (SECURITY.md D2)', () => {
  let t: TestServer;
  let w: Awaited<ReturnType<typeof seedDeploymentWorld>>;
  const run = (as: TestUser, groupBy: string[], filter?: Record<string, unknown>) => t.execute<Data, Record<string, unknown>>(QUERY, { groupBy, filter }, { as });

  beforeAll(async () => {
    t = await startTestServer();
    w = await seedDeploymentWorld(t);
  });
  afterAll(() => t.close());

  it('gives the coordinator the figures counted by hand: cost by the per-session rule, computed in SQL', async () => {
    const { data, errors } = await run(w.coordinator, ['PHASE']);
    expect(errors).toBeUndefined();
    const stats = data!.deploymentStatistics;
    expect(stats.total).toEqual({ deployments: 14, daysDelivered: 13.5, totalPence: 472498, brokerageFeePence: 67498, homeSchoolPence: 405000, suppressed: false });
    expect(stats.groups.map((g: Data) => [g.phase.name, g.deployments, g.daysDelivered, g.totalPence, g.brokerageFeePence, g.homeSchoolPence])).toEqual([
      ['Primary', 6, 8.5, 297498, 42498, 255000],
      ['Secondary', 8, 5, 175000, 25000, 150000],
    ]);
  });

  it('groups the coordinator by several dimensions and filters, exactly, small groups included', async () => {
    const { data } = await run(w.coordinator, ['LOCAL_AUTHORITY', 'TERM'], { academicYear: { from: '2025/26', to: '2025/26' }, statuses: ['ACTIVE', 'EVALUATED'] });
    expect(data!.deploymentStatistics.groups.map((g: Data) => [g.localAuthority.code, g.term, g.deployments])).toEqual([
      ['202', 'SPRING', 6],
      ['208', 'SPRING', 2],
    ]);
    expect(data!.deploymentStatistics.total.deployments).toBe(8);
    const byArea = await run(w.coordinator, ['AREA_OF_EXPERTISE', 'IMPACT_RATING'], { areas: ['MATHS'] });
    expect(byArea.data!.deploymentStatistics.groups.map((g: Data) => [g.areaOfExpertise.code, g.impactRating, g.deployments])).toEqual([
      ['MATHS', 'SIGNIFICANT', 2],
      ['MATHS', null, 6],
    ]);
    const byCommissioner = await run(w.coordinator, ['COMMISSIONER_TYPE', 'ACADEMIC_YEAR']);
    expect(byCommissioner.data!.deploymentStatistics.groups.map((g: Data) => [g.commissionerType, g.academicYear, g.deployments])).toEqual([
      ['LOCAL_AUTHORITY', '2025/26', 6],
      ['SCHOOL', '2025/26', 8],
    ]);
  });

  it('never shows an analyst a group under the minimum, nor its money or days, and marks every hidden group', async () => {
    for (const dimension of ['AREA_OF_EXPERTISE', 'ACADEMIC_YEAR', 'TERM', 'PHASE', 'LOCAL_AUTHORITY', 'COMMISSIONER_TYPE', 'STATUS', 'IMPACT_RATING']) {
      const { data, errors } = await run(w.analyst, [dimension]);
      expect(errors).toBeUndefined();
      for (const g of data!.deploymentStatistics.groups) {
        if (g.suppressed) expect([g.deployments, g.daysDelivered, g.totalPence, g.brokerageFeePence, g.homeSchoolPence]).toEqual([null, null, null, null, null]);
        else expect(g.deployments).toBeGreaterThanOrEqual(5);
      }
      expect(data!.deploymentStatistics.groups.filter((g: Data) => g.suppressed).length).not.toBe(1);
    }
    const byLa = await run(w.analyst, ['LOCAL_AUTHORITY']);
    expect(byLa.data!.deploymentStatistics.groups.map((g: Data) => [g.localAuthority.code, g.suppressed])).toEqual([
      ['202', true],
      ['208', true],
    ]);
    expect(byLa.data!.deploymentStatistics.total).toMatchObject({ deployments: 14, totalPence: 472498, suppressed: false });
  });

  it('lets an analyst filter only on the dimension grouped by, picking groups out of the unfiltered answer, with no total', async () => {
    const all = await run(w.analyst, ['STATUS']);
    const some = await run(w.analyst, ['STATUS'], { statuses: ['COMPLETED', 'ACTIVE'] });
    expect(some.errors).toBeUndefined();
    expect(some.data!.deploymentStatistics.total).toBeNull();
    expect(some.data!.deploymentStatistics.groups).toEqual(all.data!.deploymentStatistics.groups.filter((g: Data) => ['COMPLETED', 'ACTIVE'].includes(g.status)));
    const off = await run(w.analyst, ['PHASE'], { statuses: ['COMPLETED'] });
    expect(off.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const none = await run(w.analyst, [], { academicYear: { from: '2025/26' } });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const two = await run(w.analyst, ['PHASE', 'STATUS']);
    expect(two.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
  });

  it('refuses heads and practitioners, who see only their own deployments (T4)', async () => {
    for (const as of [w.head, w.practitioner]) {
      const { errors } = await run(as, []);
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('answers bad input: an unknown dimension fails validation, an inverted range names its argument', async () => {
    const unknown = await t.execute<Data, Record<string, unknown>>(`{ deploymentStatistics(groupBy: [SCHOOL]) { minimumGroupSize } }`, {}, { as: w.coordinator });
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // As a variable, the same unknown value is the caller's input, refused before any SQL runs.
    t.db.counter.reset();
    const asVariable = await run(w.coordinator, ['SCHOOL']);
    expect(asVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(t.db.counter.queries.filter((sql) => /deployment_statistics_cells/.test(sql))).toHaveLength(0);
    for (const as of [w.coordinator, w.analyst]) {
      const inverted = await run(as, ['ACADEMIC_YEAR'], { academicYear: { from: '2026/27', to: '2024/25' } });
      expect(inverted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.academicYear' });
    }
    const area = await run(w.coordinator, ['ACADEMIC_YEAR'], { areas: ['no such area'] });
    expect(area.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads the figures in one statement (and one more to name areas), whatever the grouping', async () => {
    for (const [as, groupBy] of [[w.coordinator, ['PHASE', 'TERM', 'STATUS']], [w.analyst, ['PHASE']], [w.analyst, ['AREA_OF_EXPERTISE']]] as const) {
      t.db.counter.reset();
      const { errors } = await run(as, [...groupBy]);
      expect(errors).toBeUndefined();
      const statistics = t.db.counter.queries.filter((sql) => /deployment_statistics_cells|areas_of_expertise/.test(sql));
      expect(statistics).toHaveLength((groupBy as readonly string[]).includes('AREA_OF_EXPERTISE') ? 2 : 1);
    }
  });

  it('gives the raw cross-table to no one but through the API: the function answers analysts and coordinators of the acting alliance only', async () => {
    const runtime = async (role: string) =>
      t.db.dataSource.transaction(async (em) => {
        await em.query(`SELECT set_config('app.alliance_id', $1, true), set_config('app.role', $2, true)`, [w.alliance.id, role]);
        await em.query(`SET LOCAL ROLE alliance_graph_api`);
        return (await em.query(`SELECT count(*)::int AS n FROM deployment_statistics_cells()`))[0].n as number;
      });
    expect(await runtime('ANALYST')).toBeGreaterThan(0);
    expect(await runtime('SCHOOL_LEAD')).toBe(0);
    expect(await runtime('PRACTITIONER')).toBe(0);
    // The rows themselves stay behind the second wall for an analyst.
    const rows = await t.db.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('app.alliance_id', $1, true), set_config('app.role', 'ANALYST', true)`, [w.alliance.id]);
      await em.query(`SET LOCAL ROLE alliance_graph_api`);
      return (await em.query(`SELECT count(*)::int AS n FROM deployments`))[0].n as number;
    });
    expect(rows).toBe(0);
  });

  it("reopens no hidden group with an attacker's arithmetic: totals minus shown groups, every grouping differenced with every other", async () => {
    const key: Record<string, (g: Data) => string | null> = {
      AREA_OF_EXPERTISE: (g) => g.areaOfExpertise?.code, ACADEMIC_YEAR: (g) => g.academicYear, TERM: (g) => g.term, PHASE: (g) => g.phase?.code,
      LOCAL_AUTHORITY: (g) => g.localAuthority?.code, COMMISSIONER_TYPE: (g) => g.commissionerType, STATUS: (g) => g.status, IMPACT_RATING: (g) => g.impactRating,
    };
    const answers: Answer[] = [];
    for (const grouping of Object.keys(key)) {
      const { data } = await run(w.analyst, [grouping]);
      const stats = data!.deploymentStatistics;
      answers.push({ grouping, total: stats.total.deployments, cells: stats.groups.map((g: Data) => ({ key: key[grouping](g) ?? '-', count: g.deployments })) });
      // Money and days are hidden with the count: a cost divided by the day rate is a count.
      for (const g of stats.groups) if (g.suppressed) expect(g.totalPence ?? g.daysDelivered ?? g.brokerageFeePence ?? g.homeSchoolPence).toBeNull();
    }
    expect(answers.some((a) => a.cells.some((c) => c.count === null))).toBe(true);
    // The truth, with the owner's rights: which cross-table cells are not empty (an attacker may know it).
    const rows: CrossCell[] = await t.db.dataSource.query(
      `SELECT a.code AS "AREA_OF_EXPERTISE", (dp.academic_year || '/' || lpad(((dp.academic_year + 1) % 100)::text, 2, '0')) AS "ACADEMIC_YEAR", coalesce(t.term::text, '-') AS "TERM",
              s.phase_code AS "PHASE", s.la_code AS "LOCAL_AUTHORITY", sr.commissioner_type::text AS "COMMISSIONER_TYPE", dp.status::text AS "STATUS", coalesce(dp.impact_rating::text, '-') AS "IMPACT_RATING"
         FROM deployments dp JOIN support_requests sr ON sr.id = dp.support_request_id JOIN schools s ON s.id = dp.supported_school_id
         JOIN areas_of_expertise a ON a.id = sr.area_ids[1]
         LEFT JOIN alliance_terms t ON t.alliance_id = dp.alliance_id AND dp.starts_on BETWEEN t.starts_on AND t.ends_on
        WHERE dp.alliance_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
      [w.alliance.id],
    );
    const possible = possibleValues(answers, rows);
    expect(possible.size).toBeGreaterThan(0);
    for (const [cell, values] of possible) expect({ cell, reopened: values.size === 1 }).toEqual({ cell, reopened: false });
    for (const answer of answers) {
      const hidden = answer.cells.filter((c) => c.count === null);
      if (hidden.length) expect(answer.total! - answer.cells.reduce((s, c) => s + (c.count ?? 0), 0)).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives the same groups whatever filter an analyst adds, so two filters differenced tell nothing new', async () => {
    const all = (await run(w.analyst, ['ACADEMIC_YEAR'])).data!.deploymentStatistics;
    const from = (await run(w.analyst, ['ACADEMIC_YEAR'], { academicYear: { from: '2025/26' } })).data!.deploymentStatistics;
    const upTo = (await run(w.analyst, ['ACADEMIC_YEAR'], { academicYear: { to: '2024/25' } })).data!.deploymentStatistics;
    expect(from.groups).toEqual(all.groups.filter((g: Data) => g.academicYear >= '2025/26'));
    expect(upTo.groups).toEqual([]);
    expect([from.total, upTo.total]).toEqual([null, null]);
  });
});
