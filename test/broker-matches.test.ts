import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { BROKER_WEIGHTS as W } from '../src/modules/deployments/broker-matches';
import { DeploymentStatus, ImpactRating } from '../src/modules/deployments/deployment-enums';
import { DesignationStatus, DesignationType, EducationPhase } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { School } from '../src/modules/schools/school.entity';
import { SupportRequest } from '../src/modules/support-requests/support-request.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDeployment, createSupportRequest } from './factories/deployments';
import { areaId, createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { startTestServer, TestServer } from './helpers/server';

/** Issue 10, item 2: brokerMatches ranks a request's candidates in SQL, with reasons that add up to the score. */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Reason = { factor: string; points: number; detail: string };
type Match = { designation: { id: string }; score: number; availableDays: number; academicYear: string; reasons: Reason[] };

const MATCHES = `query($id: ID!, $first: Int, $underReview: Boolean, $withoutCapacity: Boolean) {
  brokerMatches(supportRequestId: $id, first: $first, includeUnderReview: $underReview, includeWithoutCapacity: $withoutCapacity) {
    designation { id } score availableDays academicYear reasons { factor points detail }
  }
}`;
const YEAR = 2025;
const START = '2025-10-01';

describe('brokerMatches', () => {
  let t: TestServer;
  const em = () => t.db.dataSource.manager;

  /** An alliance of its own per test: a coordinator, a head, the supported school (Camden, primary) and its request for Maths and English. */
  async function world(requestOverrides: Partial<SupportRequest> = {}) {
    const alliance = await createAlliance(em());
    const supported = await createSchool(em(), { laCode: '202', laName: 'Camden', phaseCode: '2', phaseName: 'Primary' });
    const camden = await createSchool(em(), { laCode: '202', laName: 'Camden', phaseCode: '4', phaseName: 'Secondary' });
    const lambeth = await createSchool(em(), { laCode: '208', laName: 'Lambeth', phaseCode: '4', phaseName: 'Secondary' });
    for (const school of [supported, camden, lambeth]) await addMember(em(), alliance, school);
    const coordinator = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    const head = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: supported }] });
    const request = await createSupportRequest(em(), alliance, supported, {
      areaIds: [await areaId(em(), 'MATHS'), await areaId(em(), 'ENGLISH')], preferredStart: START, ...requestOverrides,
    });
    return { alliance, supported, camden, lambeth, coordinator, head, request, id: toGlobalId('SupportRequest', request.id) };
  }

  /** A system leader at `school` with a designation (by default: ACTIVE SLE in Science, secondary) and `days` committed this year. */
  async function candidate(alliance: Alliance, school: School, days: number | null, overrides: Partial<Designation> = {}): Promise<Designation> {
    const person = await createPerson(em(), alliance, { schoolId: school.id });
    const designation = await createDesignation(em(), person, {
      status: DesignationStatus.ACTIVE, areaIds: [await areaId(em(), 'SCIENCE')], phases: [EducationPhase.SECONDARY], ...overrides,
    });
    if (days !== null) {
      await em().query(`INSERT INTO release_commitments (alliance_id, designation_id, academic_year, committed_days, signed_by_name, signed_on) VALUES ($1, $2, $3, $4, 'Head', '2025-07-01')`, [
        alliance.id, designation.id, YEAR, days,
      ]);
    }
    return designation;
  }

  const run = (variables: Record<string, unknown>, as: TestUser) => t.execute<Data, Record<string, unknown>>(MATCHES, variables, { as });
  async function matches(variables: Record<string, unknown>, as: TestUser): Promise<Match[]> {
    const result = await run(variables, as);
    expect(result.errors).toBeUndefined();
    const list = result.data!.brokerMatches as Match[];
    // Every score is the sum of its reasons' points.
    for (const m of list) expect(m.score).toBe(m.reasons.reduce((sum, r) => sum + r.points, 0));
    return list;
  }
  const ids = (list: Match[]) => list.map((m) => m.designation.id);
  const gid = (d: Designation) => toGlobalId('Designation', d.id);
  const capacityReason = (days: number): Reason => ({
    factor: 'CAPACITY', points: W.perAvailableDay * Math.min(Math.max(Math.floor(days), 0), W.availableDaysCounted), detail: `${days} ${days === 1 ? 'day' : 'days'} available in 2025/26`,
  });

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('scores each factor by its weight, the reasons saying what each added, and ranks by score', async () => {
    const w = await world();
    const baseline = await candidate(w.alliance, w.lambeth, 4);
    const maths = await candidate(w.alliance, w.lambeth, 4, { areaIds: [await areaId(em(), 'MATHS')] });
    const both = await candidate(w.alliance, w.lambeth, 4, { areaIds: [await areaId(em(), 'MATHS'), await areaId(em(), 'ENGLISH'), await areaId(em(), 'SCIENCE')] });
    const primary = await candidate(w.alliance, w.lambeth, 4, { phases: [EducationPhase.PRIMARY, EducationPhase.SECONDARY] });
    const roomy = await candidate(w.alliance, w.lambeth, 30);
    const local = await candidate(w.alliance, w.camden, 4);
    const significant = await candidate(w.alliance, w.lambeth, 4);
    const some = await candidate(w.alliance, w.lambeth, 4);
    const none = await candidate(w.alliance, w.lambeth, 4);
    const earlier = async (d: Designation, rating: ImpactRating | null, n = 1) => {
      for (let i = 0; i < n; i++) {
        await createDeployment(em(), w.request, d, w.lambeth.id, rating
          ? { status: DeploymentStatus.EVALUATED, completedOn: '2025-12-01', impactRating: rating, impactEvidence: 'Seen', evaluatedOn: '2025-12-10', evaluatedByName: 'Head', evaluationRecordedByCoordinator: true }
          : { status: DeploymentStatus.COMPLETED, completedOn: '2025-12-01' });
      }
    };
    await earlier(significant, ImpactRating.SIGNIFICANT, 2);
    await earlier(significant, null);
    await earlier(some, ImpactRating.SOME);
    await earlier(none, ImpactRating.NONE);
    // An earlier deployment elsewhere is no history with this school.
    const elsewhere = await createSupportRequest(em(), w.alliance, w.camden);
    await createDeployment(em(), elsewhere, baseline, w.lambeth.id, { status: DeploymentStatus.EVALUATED, completedOn: '2025-12-01', impactRating: ImpactRating.NONE, impactEvidence: 'x', evaluatedOn: '2025-12-10' });

    const list = await matches({ id: w.id, first: 50 }, w.coordinator);
    const of = (d: Designation) => list.find((m) => m.designation.id === gid(d))!;
    const base = capacityReason(4);
    expect(of(baseline)).toMatchObject({ score: base.points, availableDays: 4, academicYear: '2025/26', reasons: [base] });
    expect(of(maths).reasons).toEqual([{ factor: 'AREA_OF_EXPERTISE', points: W.perMatchedArea, detail: 'expert in Maths' }, base]);
    expect(of(both).reasons).toEqual([{ factor: 'AREA_OF_EXPERTISE', points: 2 * W.perMatchedArea, detail: 'expert in English, Maths' }, base]);
    expect(of(primary).reasons).toEqual([{ factor: 'PHASE', points: W.phase, detail: 'works in Primary' }, base]);
    expect(of(roomy).reasons).toEqual([capacityReason(30)]);
    expect(of(roomy).score).toBe(W.perAvailableDay * W.availableDaysCounted);
    expect(of(local).reasons).toEqual([base, { factor: 'SAME_LOCAL_AUTHORITY', points: W.sameLocalAuthority, detail: 'same local authority (Camden)' }]);
    expect(of(significant).reasons).toEqual([
      base,
      { factor: 'EARLIER_DEPLOYMENTS', points: 2 * W.earlierSignificant, detail: '2 earlier deployments rated SIGNIFICANT' },
      { factor: 'EARLIER_DEPLOYMENTS', points: W.earlierUnrated, detail: '1 earlier deployment not yet rated' },
    ]);
    expect(of(some).reasons).toEqual([base, { factor: 'EARLIER_DEPLOYMENTS', points: W.earlierSome, detail: '1 earlier deployment rated SOME' }]);
    expect(of(none).reasons).toEqual([base, { factor: 'EARLIER_DEPLOYMENTS', points: W.earlierNone, detail: '1 earlier deployment rated NONE' }]);

    // Ranked by score; equal scores in a stable order, the same every time.
    const scores = list.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ids(list)[0]).toBe(gid(both));
    // Maths alone and two SIGNIFICANT deployments score alike (30 + 8 and 8 + 30): the tie goes by days available, then by id.
    expect(ids(list).slice(1, 3)).toEqual([gid(maths), gid(significant)].sort((a, b) => (Buffer.from(a, 'base64').toString() < Buffer.from(b, 'base64').toString() ? -1 : 1)));
    expect(ids(list)[list.length - 1]).toBe(gid(none));
    expect(ids(await matches({ id: w.id, first: 50 }, w.coordinator))).toEqual(ids(list));
    expect(ids(await matches({ id: w.id, first: 3 }, w.coordinator))).toEqual(ids(list).slice(0, 3));
    // Ten by default, of eleven.
    await candidate(w.alliance, w.lambeth, 1);
    await candidate(w.alliance, w.lambeth, 1);
    expect(await matches({ id: w.id }, w.coordinator)).toHaveLength(10);
  });

  it('reads the phase from GIAS: a special school is SPECIAL, an all-through school primary and secondary too, nursery EARLY_YEARS', async () => {
    for (const [school, phases, detail] of [
      [{ phaseCode: '0', phaseName: 'Not applicable', typeCode: '7', typeName: 'Community special school', typeGroupCode: '5', typeGroupName: 'Special schools' }, [EducationPhase.SPECIAL], 'works in Special'],
      [{ phaseCode: '7', phaseName: 'All-through' }, [EducationPhase.SECONDARY], 'works in Secondary'],
      [{ phaseCode: '7', phaseName: 'All-through' }, [EducationPhase.ALL_THROUGH], 'works in All Through'],
      [{ phaseCode: '1', phaseName: 'Nursery' }, [EducationPhase.EARLY_YEARS], 'works in Early Years'],
      [{ phaseCode: '6', phaseName: '16 plus' }, [EducationPhase.POST_16], 'works in Post 16'],
    ] as const) {
      const w = await world();
      const supported = await createSchool(em(), { laCode: '208', laName: 'Lambeth', ...school });
      const request = await createSupportRequest(em(), w.alliance, supported, { preferredStart: START });
      const fits = await candidate(w.alliance, w.camden, 2, { phases: [...phases] });
      const other = await candidate(w.alliance, w.camden, 2, { phases: [EducationPhase.POST_16 === phases[0] ? EducationPhase.PRIMARY : EducationPhase.POST_16] });
      const list = await matches({ id: toGlobalId('SupportRequest', request.id) }, w.coordinator);
      expect(list.find((m) => m.designation.id === gid(fits))!.reasons).toContainEqual({ factor: 'PHASE', points: W.phase, detail });
      expect(list.find((m) => m.designation.id === gid(other))!.reasons.map((r) => r.factor)).not.toContain('PHASE');
    }
  });

  it("(rule) never proposes the supported school's own staff, even when asked for everything", async () => {
    const w = await world();
    const own = await candidate(w.alliance, w.supported, 30, { areaIds: [await areaId(em(), 'MATHS'), await areaId(em(), 'ENGLISH')], phases: [EducationPhase.PRIMARY] });
    const outsider = await candidate(w.alliance, w.lambeth, 1);
    expect(ids(await matches({ id: w.id }, w.coordinator))).toEqual([gid(outsider)]);
    expect(ids(await matches({ id: w.id, underReview: true, withoutCapacity: true }, w.coordinator))).toEqual([gid(outsider)]);
    expect(own.id).toBeDefined();
  });

  it('(rule) leaves out designations under review unless asked for, and ended ones and other types always', async () => {
    const w = await world();
    const active = await candidate(w.alliance, w.lambeth, 5);
    const underReview = await candidate(w.alliance, w.lambeth, 5, { status: DesignationStatus.UNDER_REVIEW, areaIds: [await areaId(em(), 'MATHS')] });
    await candidate(w.alliance, w.lambeth, 5, { status: DesignationStatus.RESIGNED, endedOn: '2025-01-01' });
    await candidate(w.alliance, w.lambeth, 5, { status: DesignationStatus.APPROVED });
    const lle = await candidate(w.alliance, w.lambeth, 5, { type: DesignationType.LLE });
    expect(ids(await matches({ id: w.id }, w.coordinator))).toEqual([gid(active)]);
    expect(ids(await matches({ id: w.id, underReview: true }, w.coordinator))).toEqual([gid(underReview), gid(active)]);
    // Headteacher support asks for LLEs.
    const lleRequest = await createSupportRequest(em(), w.alliance, w.supported, { designationType: DesignationType.LLE, preferredStart: START });
    expect(ids(await matches({ id: toGlobalId('SupportRequest', lleRequest.id) }, w.coordinator))).toEqual([gid(lle)]);
  });

  it('(rule) leaves out designations without capacity in the year of the preferred start unless asked for', async () => {
    const w = await world();
    const free = await candidate(w.alliance, w.lambeth, 6);
    const uncommitted = await candidate(w.alliance, w.lambeth, null, { areaIds: [await areaId(em(), 'MATHS')] });
    const booked = await candidate(w.alliance, w.lambeth, 5, { areaIds: [await areaId(em(), 'MATHS')] });
    // Five planned days agreed for this year take all five committed.
    const other = await createSupportRequest(em(), w.alliance, w.camden);
    await createDeployment(em(), other, booked, w.lambeth.id, { status: DeploymentStatus.AGREED, plannedDays: 5, startsOn: '2025-09-20' });
    expect(ids(await matches({ id: w.id }, w.coordinator))).toEqual([gid(free)]);
    const all = await matches({ id: w.id, withoutCapacity: true }, w.coordinator);
    // The two Maths experts outrank the one with days, which the others lack.
    expect(ids(all)[2]).toBe(gid(free));
    expect(all.find((m) => m.designation.id === gid(booked))).toMatchObject({ availableDays: 0, reasons: expect.arrayContaining([capacityReason(0)]) });
    expect(all.find((m) => m.designation.id === gid(uncommitted))).toMatchObject({ availableDays: 0 });
    expect(new Set(ids(all))).toEqual(new Set([gid(free), gid(booked), gid(uncommitted)]));

    // The year counts: a request starting next year sees next year's commitments (none), this year's none of them.
    const nextYear = await createSupportRequest(em(), w.alliance, w.supported, { preferredStart: '2026-09-07' });
    expect(await matches({ id: toGlobalId('SupportRequest', nextYear.id) }, w.coordinator)).toEqual([]);
    expect((await matches({ id: toGlobalId('SupportRequest', nextYear.id), withoutCapacity: true }, w.coordinator)).map((m) => m.academicYear)).toEqual(['2026/27', '2026/27', '2026/27']);
  });

  it('refuses an unknown or foreign request (NOT_FOUND), first out of 1..50 (BAD_USER_INPUT on first), and anyone but the coordinator', async () => {
    const w = await world();
    const foreign = await world();
    const code = async (variables: Record<string, unknown>, as: TestUser) => (await run(variables, as)).errors?.[0].extensions;
    expect(await code({ id: toGlobalId('SupportRequest', '00000000-0000-4000-8000-000000000000') }, w.coordinator)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await code({ id: foreign.id }, w.coordinator)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await code({ id: toGlobalId('Designation', w.request.id) }, w.coordinator)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supportRequestId' });
    for (const first of [0, 51, -1]) expect(await code({ id: w.id, first }, w.coordinator)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await matches({ id: w.id, first: 50 }, w.coordinator)).toEqual([]);
    expect(await code({ id: w.id }, w.head)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('takes the same number of SQL statements for 1 candidate and for 30, capacity included', async () => {
    const statements = async (n: number) => {
      const w = await world();
      for (let i = 0; i < n; i++) await candidate(w.alliance, i % 2 ? w.lambeth : w.camden, 3 + i, { areaIds: [await areaId(em(), 'MATHS')] });
      t.db.counter.reset();
      const result = await run({ id: w.id, first: 50 }, w.coordinator);
      const query = `query($id: ID!) { brokerMatches(supportRequestId: $id, first: 50) { score reasons { points } designation { id status person { displayName } areasOfExpertise { code } capacity(academicYear: "2025/26") { availableDays } } } }`;
      t.db.counter.reset();
      const detailed = await t.execute<Data, Record<string, unknown>>(query, { id: w.id }, { as: w.coordinator });
      expect(result.errors).toBeUndefined();
      expect(detailed.errors).toBeUndefined();
      expect(detailed.data!.brokerMatches).toHaveLength(n);
      for (const m of detailed.data!.brokerMatches) expect(m.designation.capacity.availableDays).toBeGreaterThan(0);
      return t.db.counter.queries.length;
    };
    const one = await statements(1);
    expect(await statements(30)).toBe(one);
    expect(t.db.counter.queries.filter((sql) => /release_commitments/.test(sql))).toHaveLength(1);
  });
});
