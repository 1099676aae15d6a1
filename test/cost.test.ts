import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { Term } from '../src/modules/alliances/alliance-enums';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { sessionCost } from '../src/modules/deployments/cost';
import { ContractParty, DeploymentStatus, SessionLength, SessionStatus } from '../src/modules/deployments/deployment-enums';
import { Deployment } from '../src/modules/deployments/deployment.entity';
import { School } from '../src/modules/schools/school.entity';
import { SupportRequest } from '../src/modules/support-requests/support-request.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDeployment, createSession, createSignature, createSupportRequest } from './factories/deployments';
import { createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, Data, startTestServer, TestServer } from './helpers/server';

/** Issue 10, item 8: the cost rule in integer pence, from the tariff copied at agreement, and the statement of charges by term. */


const ROMERO = { fullDayPence: 35_000, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 5_000 };
const FOREST = { fullDayPence: 37_500, halfDayPence: 20_000, hoursPerDay: 6, brokerageFeePerDayPence: 5_000 };
type TariffSpec = typeof ROMERO | typeof FOREST;

const COST = `query($id: ID!) { node(id: $id) { ... on Deployment { status cost { totalPence brokerageFeePence homeSchoolPence deliveredDays plannedPence plannedDays } } } }`;
const LOG = `mutation($input: LogSessionInput!) { logSession(input: $input) { session { id } } }`;
const STATEMENT = `query($year: AcademicYear!) { statementOfCharges(academicYear: $year) {
  academicYear sessions days totalPence brokerageFeePence homeSchoolPence
  terms { term startsOn endsOn sessions days totalPence brokerageFeePence homeSchoolPence
    lines { deployment { id } commissionerType commissionerName fundingSource supportedSchool { urn } homeSchool { urn } sessions days totalPence brokerageFeePence homeSchoolPence } } } }`;

describe('unit: the cost of one session', () => {
  it('full day, half day (or half the full rate), hours pro rata, each rounded half up to the penny', () => {
    const hours = (h: number) => ({ length: SessionLength.HOURS, hours: h });
    expect(sessionCost({ length: SessionLength.FULL_DAY, hours: null }, ROMERO)).toEqual({ totalPence: 35_000, brokerageFeePence: 5_000, homeSchoolPence: 30_000 });
    expect(sessionCost({ length: SessionLength.HALF_DAY, hours: null }, ROMERO)).toEqual({ totalPence: 17_500, brokerageFeePence: 2_500, homeSchoolPence: 15_000 });
    expect(sessionCost({ length: SessionLength.HALF_DAY, hours: null }, FOREST)).toEqual({ totalPence: 20_000, brokerageFeePence: 2_500, homeSchoolPence: 17_500 });
    // 37 500 × 1.01 ÷ 6 = 6 312.5p: half up to 6 313p (not to the even 6 312p); 5 000 × 1.01 ÷ 6 = 841.67p → 842p.
    expect(sessionCost(hours(1.01), FOREST)).toEqual({ totalPence: 6_313, brokerageFeePence: 842, homeSchoolPence: 5_471 });
    // 35 000 × 2.5 ÷ 6 = 14 583.33p → 14 583p; the fee 2 083.33p → 2 083p.
    expect(sessionCost(hours(2.5), ROMERO)).toEqual({ totalPence: 14_583, brokerageFeePence: 2_083, homeSchoolPence: 12_500 });
    expect(sessionCost(hours(6), ROMERO)).toEqual(sessionCost({ length: SessionLength.FULL_DAY, hours: null }, ROMERO));
    // An odd full-day rate halves to half a penny: 35 001 ÷ 2 = 17 500.5p → 17 501p.
    expect(sessionCost({ length: SessionLength.HALF_DAY, hours: null }, { ...ROMERO, fullDayPence: 35_001 }).totalPence).toBe(17_501);
  });
});

describe('cost and the statement of charges', () => {
  let t: TestServer;

  interface World {
    alliance: Alliance;
    coordinator: TestUser;
    leader: TestUser;
    head: TestUser;
    home: School;
    supported: School;
    designation: Designation;
    request: SupportRequest;
  }
  let romero: World;
  let forest: World;

  const { run, ok } = callsAs(() => t);
  const did = (d: Deployment) => toGlobalId('Deployment', d.id);
  const costOf = async (w: World, d: Deployment) => (await ok(COST, { id: did(d) }, w.coordinator)).node.cost;

  async function world(tariff: TariffSpec): Promise<World> {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    await em.query(
      `INSERT INTO alliance_tariffs (alliance_id, effective_from, full_day_pence, half_day_pence, hours_per_day, brokerage_fee_per_day_pence) VALUES ($1, '2024-09-01', $2, $3, $4, $5)`,
      [alliance.id, tariff.fullDayPence, tariff.halfDayPence, tariff.hoursPerDay, tariff.brokerageFeePerDayPence],
    );
    const home = await createSchool(em);
    const supported = await createSchool(em);
    await addMember(em, alliance, home);
    const person = await createPerson(em, alliance, { schoolId: home.id });
    const designation = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
    return {
      alliance, home, supported, designation,
      coordinator: await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] }),
      leader: await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] }),
      head: await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: supported }] }),
      request: await createSupportRequest(em, alliance, supported, { commissionerName: 'Camden Council', commissionerType: 'LOCAL_AUTHORITY' as never, commissionerSchoolId: null, commissionerLaCode: '202' }),
    };
  }

  /** A proposal signed by its four parties, agreed and started through the API: agreement copies the tariff in force. */
  async function agreed(w: World, overrides: Partial<Deployment> = {}): Promise<Deployment> {
    const em = t.db.dataSource.manager;
    const d = await createDeployment(em, w.request, w.designation, w.home.id, { status: DeploymentStatus.PROPOSED, plannedDays: 10, ...overrides });
    for (const party of Object.values(ContractParty)) await createSignature(em, d, party);
    await ok(`mutation($input: AgreeDeploymentInput!) { agreeDeployment(input: $input) { deployment { status } } }`, { input: { deploymentId: did(d), agreedOn: '2025-09-10', capacityOverrideReason: 'Test' } }, w.coordinator);
    await ok(`mutation($input: DeploymentMoveInput!) { startDeployment(input: $input) { deployment { status } } }`, { input: { deploymentId: did(d), on: '2025-09-15' } }, w.coordinator);
    return em.getRepository(Deployment).findOneByOrFail({ id: d.id });
  }

  const deliver = (w: World, d: Deployment, heldOn: string, length = 'FULL_DAY', hours?: number) =>
    ok(LOG, { input: { deploymentId: did(d), heldOn, length, hours, status: 'DELIVERED' } }, w.leader);

  beforeAll(async () => {
    t = await startTestServer();
    romero = await world(ROMERO);
    forest = await world(FOREST);
  });
  afterAll(() => t.close());

  it("Romero's £350 day: £50 kept by the alliance, £300 to the home school; a half day is half the rate", async () => {
    const d = await agreed(romero);
    await deliver(romero, d, '2025-10-06');
    expect(await costOf(romero, d)).toEqual({ totalPence: 35_000, brokerageFeePence: 5_000, homeSchoolPence: 30_000, deliveredDays: 1, plannedPence: 0, plannedDays: 0 });
    await deliver(romero, d, '2025-10-13', 'HALF_DAY');
    expect(await costOf(romero, d)).toMatchObject({ totalPence: 52_500, brokerageFeePence: 7_500, homeSchoolPence: 45_000, deliveredDays: 1.5 });
  });

  it("Forest's £375 full day and £200 half day", async () => {
    const d = await agreed(forest);
    await deliver(forest, d, '2025-10-06');
    expect(await costOf(forest, d)).toMatchObject({ totalPence: 37_500, brokerageFeePence: 5_000, homeSchoolPence: 32_500 });
    await deliver(forest, d, '2025-10-07', 'HALF_DAY');
    expect(await costOf(forest, d)).toMatchObject({ totalPence: 57_500, brokerageFeePence: 7_500, homeSchoolPence: 50_000, deliveredDays: 1.5 });
  });

  it('hours pro rata on the copied hours per day, rounded per session half up to the penny', async () => {
    const d = await agreed(forest);
    await deliver(forest, d, '2025-10-06', 'HOURS', 1.01);
    await deliver(forest, d, '2025-10-07', 'HOURS', 1.01);
    // Per session: 6 313p twice (not 12 625p for the 2.02 hours together).
    expect(await costOf(forest, d)).toMatchObject({ totalPence: 12_626, brokerageFeePence: 1_684, homeSchoolPence: 10_942, deliveredDays: 0.34 });
    // The same whatever the document selects of the sessions, or of the deployment a session's days read.
    const lean = await ok(`query($id: ID!) { node(id: $id) { ... on Deployment { id sessions { id } cost { totalPence } } } }`, { id: did(d) }, forest.coordinator);
    expect(lean.node.cost.totalPence).toBe(12_626);
    const session = lean.node.sessions[0].id;
    const days = () => ok(`query($id: ID!) { node(id: $id) { ... on DeploymentSession { days deployment { id } } } }`, { id: session }, forest.leader);
    expect((await days()).node).toEqual({ days: 0.17, deployment: { id: did(d) } });
    await t.db.dataSource.query(`UPDATE deployments SET tariff_hours_per_day = 5 WHERE id = $1`, [d.id]);
    expect((await days()).node).toEqual({ days: 0.2, deployment: { id: did(d) } });
  });

  it('counts delivered sessions only; planned ones are the estimate, cancelled ones nothing', async () => {
    const d = await agreed(romero);
    await deliver(romero, d, '2025-10-06');
    await createSession(t.db.dataSource.manager, d, { heldOn: '2026-03-02', status: SessionStatus.PLANNED });
    await createSession(t.db.dataSource.manager, d, { heldOn: '2026-03-03', length: SessionLength.HALF_DAY, status: SessionStatus.PLANNED });
    await createSession(t.db.dataSource.manager, d, { heldOn: '2026-03-04', status: SessionStatus.CANCELLED });
    expect(await costOf(romero, d)).toEqual({ totalPence: 35_000, brokerageFeePence: 5_000, homeSchoolPence: 30_000, deliveredDays: 1, plannedPence: 52_500, plannedDays: 1.5 });
  });

  it('is null before agreement', async () => {
    const d = await createDeployment(t.db.dataSource.manager, romero.request, romero.designation, romero.home.id);
    expect(await ok(COST, { id: did(d) }, romero.coordinator)).toEqual({ node: { status: 'PROPOSED', cost: null } });
  });

  it('a later tariff change does not reprice an agreed deployment; one agreed after it takes the new tariff', async () => {
    const w = await world(ROMERO);
    const before = await agreed(w);
    await deliver(w, before, '2025-10-06');
    const priced = await costOf(w, before);
    await t.db.dataSource.query(`UPDATE alliance_tariffs SET full_day_pence = 40000, brokerage_fee_per_day_pence = 8000 WHERE alliance_id = $1`, [w.alliance.id]);
    expect(await costOf(w, before)).toEqual(priced);
    const after = await agreed(w);
    await deliver(w, after, '2025-10-06');
    expect(await costOf(w, after)).toMatchObject({ totalPence: 40_000, brokerageFeePence: 8_000, homeSchoolPence: 32_000 });
  });

  describe('statement of charges', () => {
    it('by term, who pays whom, with totals equal to the sum of the lines and of the deployments’ costs', async () => {
      const w = await world(FOREST);
      const em = t.db.dataSource.manager;
      const terms: [Term, string, string][] = [[Term.AUTUMN, '2025-09-01', '2025-12-19'], [Term.SPRING, '2026-01-05', '2026-03-27'], [Term.SUMMER, '2026-04-13', '2026-07-22']];
      for (const [term, startsOn, endsOn] of terms) {
        await em.query(`INSERT INTO alliance_terms (alliance_id, academic_year, term, starts_on, ends_on) VALUES ($1, 2025, $2, $3, $4)`, [w.alliance.id, term, startsOn, endsOn]);
      }
      const a = await agreed(w, { fundingSource: 'Trust improvement fund' });
      const b = await agreed(w);
      await deliver(w, a, '2025-10-06'); // autumn
      await deliver(w, a, '2025-12-22', 'HALF_DAY'); // the Christmas holiday: outside any term
      await deliver(w, a, '2026-01-12', 'HOURS', 2.5); // spring
      await deliver(w, b, '2025-11-03', 'HOURS', 1.01); // autumn
      await deliver(w, b, '2026-03-02', 'HALF_DAY'); // spring
      await createSession(em, a, { heldOn: '2026-03-03', status: SessionStatus.PLANNED }); // not charged
      // The year before: not in this statement.
      const old = await agreed(w, { startsOn: '2024-09-10', endsOn: '2025-03-31' });
      await createSession(em, old, { heldOn: '2025-03-03', status: SessionStatus.DELIVERED });
      // Another alliance's delivered sessions never appear.
      const other = await agreed(romero);
      await deliver(romero, other, '2025-10-08');

      const statement = (await ok(STATEMENT, { year: '2025/26' }, w.coordinator)).statementOfCharges;
      expect(statement.terms.map((s: Data) => [s.term, s.startsOn, s.endsOn])).toEqual([...terms, [null, null, null]]);
      const [autumn, spring, summer, outside] = statement.terms;
      expect(autumn.lines).toEqual([
        {
          deployment: { id: did(a) }, commissionerType: 'LOCAL_AUTHORITY', commissionerName: 'Camden Council', fundingSource: 'Trust improvement fund',
          supportedSchool: { urn: w.supported.urn }, homeSchool: { urn: w.home.urn }, sessions: 1, days: 1, totalPence: 37_500, brokerageFeePence: 5_000, homeSchoolPence: 32_500,
        },
        expect.objectContaining({ deployment: { id: did(b) }, fundingSource: 'School budget', sessions: 1, days: 0.17, totalPence: 6_313, brokerageFeePence: 842, homeSchoolPence: 5_471 }),
      ]);
      expect(autumn).toMatchObject({ sessions: 2, totalPence: 43_813, brokerageFeePence: 5_842, homeSchoolPence: 37_971 });
      expect(spring.lines.map((l: Data) => [l.deployment.id, l.totalPence])).toEqual([[did(a), 15_625], [did(b), 20_000]]);
      expect(summer).toMatchObject({ lines: [], sessions: 0, totalPence: 0 });
      expect(outside.lines.map((l: Data) => [l.deployment.id, l.totalPence, l.brokerageFeePence, l.homeSchoolPence])).toEqual([[did(a), 20_000, 2_500, 17_500]]);

      // Reconciliation: each term is the sum of its lines, the year the sum of its terms and of the deployments' costs.
      const sum = (rows: Data[], key: string) => rows.reduce((n, r) => n + r[key], 0);
      for (const key of ['sessions', 'totalPence', 'brokerageFeePence', 'homeSchoolPence']) {
        for (const section of statement.terms) expect({ key, term: section.term, value: section[key] }).toEqual({ key, term: section.term, value: sum(section.lines, key) });
        expect(statement[key]).toBe(sum(statement.terms, key));
      }
      for (const section of statement.terms) for (const line of section.lines) expect(line.totalPence).toBe(line.brokerageFeePence + line.homeSchoolPence);
      const costs = await Promise.all([a, b].map((d) => costOf(w, d)));
      for (const key of ['totalPence', 'brokerageFeePence', 'homeSchoolPence']) expect(statement[key]).toBe(sum(costs, key));
      expect(statement).toMatchObject({ academicYear: '2025/26', sessions: 5, totalPence: 37_500 + 20_000 + 15_625 + 6_313 + 20_000 });

      expect((await ok(STATEMENT, { year: '2024/25' }, w.coordinator)).statementOfCharges).toMatchObject({ sessions: 1, totalPence: 37_500, terms: [{ term: null }] });
      for (const caller of [w.head, w.leader]) expect((await run(STATEMENT, { year: '2025/26' }, caller)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await run(STATEMENT, { year: '2025/27' }, w.coordinator)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('batching', () => {
    it('a page of deployments with sessions and cost, and the statement, take a fixed number of statements', async () => {
      const w = await world(ROMERO);
      const em = t.db.dataSource.manager;
      const page = async (first: number) => {
        t.db.counter.reset();
        const data = await ok(
          `query($first: Int) { deployments(first: $first) { edges { node { id sessions { id heldOn days visitRecordOverdue visitRecord { summary } } cost { totalPence brokerageFeePence homeSchoolPence deliveredDays } } } } }`,
          { first },
          w.coordinator,
        );
        expect(data.deployments.edges).toHaveLength(first);
        return t.db.counter.selects.length;
      };
      const statement = async () => {
        t.db.counter.reset();
        await ok(STATEMENT, { year: '2025/26' }, w.coordinator);
        return t.db.counter.selects.length;
      };
      for (let i = 0; i < 2; i++) {
        const d = await createDeployment(em, w.request, w.designation, w.home.id, { status: DeploymentStatus.ACTIVE });
        await createSession(em, d, { status: SessionStatus.DELIVERED, heldOn: '2025-10-06' });
        await createSession(em, d, { length: SessionLength.HOURS, hours: 2, heldOn: '2025-10-07' });
      }
      const small = await page(2);
      const smallStatement = await statement();
      for (let i = 0; i < 10; i++) {
        const d = await createDeployment(em, w.request, w.designation, w.home.id, { status: DeploymentStatus.ACTIVE });
        await createSession(em, d, { status: SessionStatus.DELIVERED, heldOn: '2025-10-06' });
        await createSession(em, d, { length: SessionLength.HOURS, hours: 2, heldOn: '2025-10-07' });
      }
      expect(await page(12)).toBe(small);
      expect(await statement()).toBe(smallStatement);
      // The list, then the sessions of the whole page once (cost reads them through the same loader).
      expect(small).toBeLessThanOrEqual(4);
      expect(smallStatement).toBeLessThanOrEqual(5);
    });
  });
});
