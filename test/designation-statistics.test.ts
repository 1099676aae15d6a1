import { DesignationStatus, DesignationType, EducationPhase } from '../src/modules/designations/designation-enums';
import { MembershipRole } from '../src/modules/users/user-enums';
import { createAlliance, createSchool } from './factories';
import { areaId, createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { Data, startTestServer, TestServer } from './helpers/server';

const QUERY = `query($groupBy: [DesignationDimension!]!, $filter: DesignationStatisticsFilter) {
  designationStatistics(groupBy: $groupBy, filter: $filter) {
    minimumGroupSize
    total { designations suppressed }
    groups { type status areaOfExpertise { code } phase academicYear designations suppressed }
  }
}`;

describe('designationStatistics (SECURITY.md D2)', () => {
  let t: TestServer;
  let analyst: TestUser;
  let coordinator: TestUser;
  let head: TestUser;
  const run = (as: TestUser, groupBy: string[], filter?: Record<string, unknown>) => t.execute<Data, Record<string, unknown>>(QUERY, { groupBy, filter }, { as });

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const maths = await areaId(em, 'MATHS');
    const english = await areaId(em, 'ENGLISH');
    // 6 active maths SLEs in primary, applied 2023/24; 7 English SLEs applying in 2024/25, primary and secondary;
    // 2 NLEs, active, maths and English, secondary, applied 2023/24.
    const add = async (n: number, o: Parameters<typeof createDesignation>[2]) => {
      for (let i = 0; i < n; i++) await createDesignation(em, await createPerson(em, alliance), o);
    };
    await add(6, { status: DesignationStatus.ACTIVE, areaIds: [maths], phases: [EducationPhase.PRIMARY], appliedOn: '2024-01-10' });
    await add(7, { status: DesignationStatus.APPLIED, areaIds: [english], phases: [EducationPhase.PRIMARY, EducationPhase.SECONDARY], appliedOn: '2024-10-01' });
    await add(2, { type: DesignationType.NLE, status: DesignationStatus.ACTIVE, areaIds: [maths, english], phases: [EducationPhase.SECONDARY], appliedOn: '2024-01-10' });
    const other = await createAlliance(em);
    await createDesignation(em, await createPerson(em, other));
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: await createSchool(em) }] });
  });
  afterAll(() => t.close());

  it('gives the coordinator exact counts: a designation with several areas or phases counts in each', async () => {
    const byPhase = await run(coordinator, ['PHASE']);
    expect(byPhase.errors).toBeUndefined();
    expect(byPhase.data!.designationStatistics.total.designations).toBe(15);
    expect(byPhase.data!.designationStatistics.groups.map((g: Data) => [g.phase, g.designations])).toEqual([
      ['PRIMARY', 13],
      ['SECONDARY', 9],
    ]);
    const byTypeYear = await run(coordinator, ['TYPE', 'ACADEMIC_YEAR'], { academicYear: { from: '2023/24', to: '2023/24' } });
    expect(byTypeYear.data!.designationStatistics.groups.map((g: Data) => [g.type, g.academicYear, g.designations])).toEqual([
      ['NLE', '2023/24', 2],
      ['SLE', '2023/24', 6],
    ]);
    const byArea = await run(coordinator, ['AREA_OF_EXPERTISE'], { types: ['NLE', 'SLE'] });
    expect(byArea.data!.designationStatistics.groups.map((g: Data) => [g.areaOfExpertise.code, g.designations])).toEqual([
      ['ENGLISH', 9],
      ['MATHS', 8],
    ]);
  });

  it('suppresses the analyst: the 2 NLEs are hidden with another type, so the total cannot give them away', async () => {
    const { data, errors } = await run(analyst, ['TYPE']);
    expect(errors).toBeUndefined();
    const groups = data!.designationStatistics.groups;
    expect(groups.map((g: Data) => [g.type, g.designations, g.suppressed])).toEqual([
      ['NLE', null, true],
      ['SLE', null, true],
    ]);
    expect(data!.designationStatistics.total).toEqual({ designations: 15, suppressed: false });
    for (const dimension of ['TYPE', 'STATUS', 'AREA_OF_EXPERTISE', 'PHASE', 'ACADEMIC_YEAR']) {
      const answer = await run(analyst, [dimension]);
      for (const g of answer.data!.designationStatistics.groups) if (!g.suppressed) expect(g.designations).toBeGreaterThanOrEqual(5);
      expect(answer.data!.designationStatistics.groups.filter((g: Data) => g.suppressed).length).not.toBe(1);
    }
  });

  it("keeps analysts' filters to the grouped dimension, with no total, and refuses heads", async () => {
    const off = await run(analyst, ['TYPE'], { statuses: ['ACTIVE'] });
    expect(off.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    const all = await run(analyst, ['STATUS']);
    const some = await run(analyst, ['STATUS'], { statuses: ['APPLIED'] });
    expect(some.data!.designationStatistics.total).toBeNull();
    expect(some.data!.designationStatistics.groups).toEqual(all.data!.designationStatistics.groups.filter((g: Data) => g.status === 'APPLIED'));
    const inverted = await run(analyst, ['ACADEMIC_YEAR'], { academicYear: { from: '2025/26', to: '2023/24' } });
    expect(inverted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.academicYear' });
    const unknown = await t.execute<Data, Record<string, unknown>>(`{ designationStatistics(groupBy: [SCHOOL]) { minimumGroupSize } }`, {}, { as: analyst });
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const refused = await run(head, []);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('reads the counts in one statement', async () => {
    t.db.counter.reset();
    await run(analyst, ['PHASE']);
    expect(t.db.counter.queries.filter((sql) => /FROM designations d/.test(sql))).toHaveLength(1);
  });
});
