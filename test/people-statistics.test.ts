import { PeopleStatisticsDocument } from '../operations/generated/graphql';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { LeadershipLevel } from '../src/modules/people/person-enums';
import { MembershipRole } from '../src/modules/users/user-enums';
import { createAlliance, createSchool } from './factories';
import { createPerson, createUser, TestUser } from './factories/users';
import { startTestServer, TestServer } from './helpers/server';

describe('peopleStatistics (SECURITY.md D2)', () => {
  let t: TestServer;
  let analyst: TestUser;
  let coordinator: TestUser;
  let alliance: Alliance;

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em);
    const other = await createAlliance(em);
    const big = await createSchool(em, { laCode: '202', laName: 'Camden', phaseCode: '2', phaseName: 'Primary' });
    const mid = await createSchool(em, { laCode: '202', laName: 'Camden', phaseCode: '4', phaseName: 'Secondary' });
    const tiny = await createSchool(em, { laCode: '208', laName: 'Lambeth', phaseCode: '4', phaseName: 'Secondary' });
    // 8 at one school, 6 at another, 2 at a third: the third is below the threshold of 5.
    for (let i = 0; i < 8; i++) await createPerson(em, alliance, { schoolId: big.id, leadershipLevel: i < 5 ? LeadershipLevel.MIDDLE : LeadershipLevel.SENIOR });
    for (let i = 0; i < 6; i++) await createPerson(em, alliance, { schoolId: mid.id, leadershipLevel: LeadershipLevel.MIDDLE });
    for (let i = 0; i < 2; i++) await createPerson(em, alliance, { schoolId: tiny.id, leadershipLevel: LeadershipLevel.HEADTEACHER });
    // Another alliance's staff must not be counted.
    for (let i = 0; i < 9; i++) await createPerson(em, other, { schoolId: big.id });
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
  });
  afterAll(() => t.close());

  it('gives analysts counts of their own alliance only', async () => {
    const { data, errors } = await t.execute(PeopleStatisticsDocument, { groupBy: ['PHASE'] }, { as: analyst });
    expect(errors).toBeUndefined();
    expect(data!.peopleStatistics.total).toBe(16);
    expect(data!.peopleStatistics.groups).toEqual([
      expect.objectContaining({ phase: { code: '2', name: 'Primary' }, count: 8, suppressed: false }),
      expect.objectContaining({ phase: { code: '4', name: 'Secondary' }, count: 8, suppressed: false }),
    ]);
  });

  it('hides both groups when there are two and one is small: the total would give it away', async () => {
    const { data } = await t.execute(PeopleStatisticsDocument, { groupBy: ['LOCAL_AUTHORITY'] }, { as: analyst });
    expect(data!.peopleStatistics.total).toBe(16);
    expect(data!.peopleStatistics.groups.map((g) => [g.localAuthority?.code, g.count, g.suppressed])).toEqual([
      ['202', null, true],
      ['208', null, true],
    ]);
  });

  it('gives coordinators, who read every staff record, exact counts: even by school, small groups included', async () => {
    const { data } = await t.execute(PeopleStatisticsDocument, { groupBy: ['SCHOOL'] }, { as: coordinator });
    expect(data!.peopleStatistics.groups.map((g) => g.count).sort()).toEqual([2, 6, 8]);
    expect(data!.peopleStatistics.total).toBe(16);
  });

  it('does not let analysts count by school, which an authority total minus its schools could give away', async () => {
    const { errors } = await t.execute(PeopleStatisticsDocument, { groupBy: ['SCHOOL'] }, { as: analyst });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses combined groupings, whose cells could be subtracted from the single ones', async () => {
    const { errors } = await t.execute(PeopleStatisticsDocument, { groupBy: ['PHASE', 'LEADERSHIP_LEVEL'] }, { as: analyst });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
  });

  it('never shows a count below the threshold, in any grouping', async () => {
    for (const groupBy of [['LEADERSHIP_LEVEL'], ['PHASE'], ['LOCAL_AUTHORITY']] as const) {
      const { data } = await t.execute(PeopleStatisticsDocument, { groupBy: [...groupBy] }, { as: analyst });
      const shown = data!.peopleStatistics.groups.map((g) => g.count).filter((c): c is number => c !== null);
      expect(shown.every((c) => c >= data!.peopleStatistics.minimumGroupSize)).toBe(true);
      expect(data!.peopleStatistics.groups.filter((g) => g.suppressed).length).not.toBe(1);
    }
  });

  it('hides a total below the threshold', async () => {
    const em = t.db.dataSource.manager;
    const small = await createAlliance(em);
    for (let i = 0; i < 3; i++) await createPerson(em, small);
    const smallAnalyst = await createUser(em, { memberships: [{ alliance: small, role: MembershipRole.ANALYST }] });
    const { data } = await t.execute(PeopleStatisticsDocument, { groupBy: [] }, { as: smallAnalyst });
    expect(data!.peopleStatistics).toMatchObject({ total: null, groups: [{ count: null, suppressed: true }] });
  });
});
