import { academicYearOf, englishDate } from '../src/common/academic-year';
import { addDays } from '../src/common/dates';
import { toGlobalId } from '../src/common/global-id';
import { AllianceTariff } from '../src/modules/alliances/alliance-tariff.entity';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { ReleaseCommitment } from '../src/modules/designations/release-commitment.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { createDeployment, createSignature, createSupportRequest } from './factories/deployments';
import { ContractParty, DeploymentStatus } from '../src/modules/deployments/deployment-enums';
import { Client } from 'pg';
import { startTestServer, TestServer } from './helpers/server';

/** Issue 10 at its edges: the second wall on its own, races between mutations, and dates PostgreSQL cannot store. */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const today = englishDate();
const year = academicYearOf(today);

const CREATE_REQUEST = `mutation($input: CreateSupportRequestInput!) { createSupportRequest(input: $input) { supportRequest { id status version } } }`;
const WITHDRAW = `mutation($input: EndSupportRequestInput!) { withdrawSupportRequest(input: $input) { supportRequest { id status } } }`;
const CLOSE = `mutation($input: EndSupportRequestInput!) { closeSupportRequest(input: $input) { supportRequest { id status } } }`;
const PROPOSE = `mutation($input: ProposeDeploymentInput!) { proposeDeployment(input: $input) { deployment { id status version termsVersion plannedDays startsOn } supportRequest { status } } }`;
const SIGN = `mutation($input: SignDeploymentInput!) { signDeployment(input: $input) { signature { party signedByName recordedByCoordinator } } }`;
const AGREE = `mutation($input: AgreeDeploymentInput!) { agreeDeployment(input: $input) { deployment { id status agreedOn version } supportRequest { status } } }`;
const MOVE = (name: string) => `mutation($input: DeploymentMoveInput!) { ${name}(input: $input) { deployment { id status startedOn completedOn endedOn version } } }`;
const STATEMENT = `query($year: AcademicYear!) { statementOfCharges(academicYear: $year) { academicYear totalPence } }`;

const TERMS = {
  scope: 'Lead maths across KS2', objectives: ['Raise KS2 maths attainment'], impactMeasures: ['KS2 maths outcomes'], fundingSource: 'School budget',
  plannedDays: 2, model: 'DIAGNOSTIC_TWO_DAYS', startsOn: addDays(today, -20), endsOn: addDays(today, 60),
};

describe('brokerage at its edges: the second wall, races, bad dates', () => {
  let t: TestServer;
  let alliance: Alliance;
  let home: School;
  let supported: School;
  let coordinator: TestUser;
  let homeHead: TestUser;
  let supportedHead: TestUser;
  let sle: TestUser;
  let designation: Designation;

  const run = (source: string, variables: Record<string, unknown>, as: TestUser) => t.execute<Data, Record<string, unknown>>(source, variables, { as });
  const ok = async (source: string, variables: Record<string, unknown>, as: TestUser): Promise<Data> => {
    const result = await run(source, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];

  async function systemLeader(school: School, committed = 40) {
    const em = t.db.dataSource.manager;
    const person = await createPerson(em, alliance, { schoolId: school.id });
    const d = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
    for (const y of [year - 1, year]) {
      await em.getRepository(ReleaseCommitment).insert({ allianceId: alliance.id, designationId: d.id, academicYear: y, committedDays: committed, signedByName: 'Head', signedOn: today });
    }
    const user = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
    return { person, designation: d, user };
  }

  async function request(): Promise<string> {
    const data = await ok(CREATE_REQUEST, { input: { commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: supported.urn, needs: 'Maths leadership', areas: ['Maths'] } }, coordinator);
    return data.createSupportRequest.supportRequest.id;
  }

  async function proposed(terms: Record<string, unknown> = TERMS, requestId?: string) {
    const data = await ok(PROPOSE, { input: { supportRequestId: requestId ?? (await request()), designationId: toGlobalId('Designation', designation.id), terms } }, coordinator);
    return data.proposeDeployment.deployment as { id: string; version: number; termsVersion: number };
  }

  async function signedByAll(deploymentId: string, termsVersion = 1) {
    await ok(SIGN, { input: { deploymentId, party: 'SYSTEM_LEADER', termsVersion } }, sle);
    await ok(SIGN, { input: { deploymentId, party: 'HOME_HEADTEACHER', termsVersion } }, homeHead);
    await ok(SIGN, { input: { deploymentId, party: 'SUPPORTED_HEADTEACHER', termsVersion } }, supportedHead);
    await ok(SIGN, { input: { deploymentId, party: 'ALLIANCE', termsVersion } }, coordinator);
  }

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em, { minReleaseDaysPerYear: 6 });
    home = await createSchool(em, { laCode: '208', laName: 'Lambeth' });
    supported = await createSchool(em, { laCode: '210', laName: 'Southwark' });
    await addMember(em, alliance, home);
    await addMember(em, alliance, supported);
    await em.getRepository(AllianceTariff).insert({ allianceId: alliance.id, effectiveFrom: '2020-09-01', fullDayPence: 35000, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 5000 });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    homeHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: home }] });
    supportedHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: supported }] });
    ({ designation, user: sle } = await systemLeader(home));
  });
  afterAll(() => t.close());

  it('the coordinator may not record a paper signature in the name of a supported head who has an account and signs here', async () => {
    const d = await proposed();
    const result = await run(SIGN, { input: { deploymentId: d.id, party: 'SUPPORTED_HEADTEACHER', termsVersion: 1, onPaperSignatoryName: 'Someone Else' } }, coordinator);
    expect(result.data?.signDeployment).toBeFalsy(); // now: { party: 'SUPPORTED_HEADTEACHER', signedByName: 'Someone Else', recordedByCoordinator: true }
    expect(['FORBIDDEN', 'CONFLICT']).toContain(result.errors?.[0].extensions?.code);
  });

  it.each([1.15, 0.29, 2.55, 4.35])('planned days with two decimal places (%p) are accepted', async (plannedDays) => {
    const d = await proposed({ ...TERMS, model: 'CUSTOM', plannedDays });
    expect(d).toBeDefined();
  });

  it.each([
    [{ startsOn: '0000-01-01', endsOn: '0000-06-01' }, 'input.terms.startsOn'],
  ])('a date PostgreSQL cannot store is BAD_USER_INPUT, not an internal error: %j', async (terms) => {
    const requestId = await request();
    const result = await run(PROPOSE, { input: { supportRequestId: requestId, designationId: toGlobalId('Designation', designation.id), terms: { ...TERMS, ...terms } } }, coordinator);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a preferred start of 0000-01-01 is BAD_USER_INPUT, not an internal error', async () => {
    const result = await run(CREATE_REQUEST, { input: { commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: supported.urn, needs: 'x', preferredStart: '0000-01-01' } }, coordinator);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a receivedOn of 0000-01-01 is BAD_USER_INPUT, not an internal error', async () => {
    const result = await run(CREATE_REQUEST, { input: { commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: supported.urn, needs: 'x', receivedOn: '0000-01-01' } }, coordinator);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('completing a deployment on a day before it started is BAD_USER_INPUT (dates out of order)', async () => {
    const em = t.db.dataSource.manager;
    const sr = await createSupportRequest(em, alliance, supported);
    const agreed = await createDeployment(em, sr, designation, home.id, { status: DeploymentStatus.AGREED, proposedOn: '2025-09-05', agreedOn: '2025-09-10', startsOn: '2025-09-15', endsOn: '2026-03-31' });
    const id = toGlobalId('Deployment', agreed.id);
    await ok(MOVE('startDeployment'), { input: { deploymentId: id, on: '2025-10-01' } }, coordinator);
    const result = await run(MOVE('completeDeployment'), { input: { deploymentId: id, on: '2025-09-20' } }, coordinator);
    expect(result.data?.completeDeployment?.deployment).toBeFalsy(); // now: { startedOn: '2025-10-01', completedOn: '2025-09-20', status: 'COMPLETED' }
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
  });

  it.each(['0000/01'])('the statement of charges for year %s is no internal error', async (y) => {
    const result = await run(STATEMENT, { year: y }, coordinator);
    expect(result.errors?.[0].extensions?.code ?? 'OK').not.toBe('INTERNAL_SERVER_ERROR');
  });

  describe('the second wall', () => {
    /** Runs `sql` as the runtime role with the request settings a caller of `role` would have. */
    const asRuntime = (settings: { role: string; userId: string; schoolId?: string; personId?: string }, sql: string, params: unknown[]) =>
      t.db.dataSource.transaction(async (em) => {
        await em.query(`SET LOCAL ROLE alliance_graph_api`);
        await em.query(
          `SELECT set_config('app.alliance_id', $1, true), set_config('app.role', $2, true), set_config('app.user_id', $3, true), set_config('app.school_id', $4, true), set_config('app.person_id', $5, true)`,
          [alliance.id, settings.role, settings.userId, settings.schoolId ?? '', settings.personId ?? ''],
        );
        return em.query(sql, params);
      });

    it('refuses a coordinator-role insert of a signature in the system leader\'s name, given as the system leader (D6)', async () => {
      const d = await proposed();
      await expect(
        asRuntime({ role: 'ALLIANCE_ADMIN', userId: coordinator.user.id },
          `INSERT INTO deployment_signatures (alliance_id, deployment_id, party, terms_version, signed_by_user_id, signed_by_name, signed_on, recorded_by_coordinator)
           VALUES ($1, $2, 'SYSTEM_LEADER', 1, $3, 'Forged SLE', $4, false)`, [alliance.id, rowId(d.id), sle.user.id, today]),
      ).rejects.toThrow(/row-level security/);
    });

    it('refuses a supported head\'s update of an agreed deployment\'s tariff and status (only their evaluation is theirs to write)', async () => {
      const em = t.db.dataSource.manager;
      const sr = await createSupportRequest(em, alliance, supported);
      const d = await createDeployment(em, sr, designation, home.id, { status: DeploymentStatus.ACTIVE, agreedOn: '2025-09-10', startedOn: '2025-09-15' });
      const update = () => asRuntime({ role: 'SCHOOL_LEAD', userId: supportedHead.user.id, schoolId: supported.id },
        `UPDATE deployments SET tariff_full_day_pence = 1, tariff_brokerage_fee_per_day_pence = 0, status = 'CANCELLED', ended_on = $2, status_reason = 'x' WHERE id = $1`, [d.id, today]);
      await update().catch(() => undefined);
      const [row] = await t.db.dataSource.query(`SELECT status, tariff_full_day_pence FROM deployments WHERE id = $1`, [d.id]);
      expect(row).toEqual({ status: 'ACTIVE', tariff_full_day_pence: 35000 });
    });

    it('lets the supported head evaluate a completed deployment, and change nothing else in the same statement', async () => {
      const em = t.db.dataSource.manager;
      const sr = await createSupportRequest(em, alliance, supported);
      const d = await createDeployment(em, sr, designation, home.id, { status: DeploymentStatus.COMPLETED, agreedOn: '2025-09-10', startedOn: '2025-09-15', completedOn: '2026-03-31' });
      const head = { role: 'SCHOOL_LEAD', userId: supportedHead.user.id, schoolId: supported.id };
      const evaluate = (extra: string) => asRuntime(head,
        `UPDATE deployments SET status = 'EVALUATED', impact_rating = 'SOME', impact_evidence = 'Better', evaluated_on = '2026-04-20'${extra} WHERE id = $1`, [d.id]);
      await expect(evaluate(', tariff_full_day_pence = 1')).rejects.toThrow(/evaluation only/);
      await expect(evaluate(', planned_days = 1')).rejects.toThrow(/evaluation only/);
      await evaluate('');
      const [row] = await t.db.dataSource.query(`SELECT status, tariff_full_day_pence, impact_rating FROM deployments WHERE id = $1`, [d.id]);
      expect(row).toEqual({ status: 'EVALUATED', tariff_full_day_pence: 35000, impact_rating: 'SOME' });
    });
  });

  describe('locks', () => {
    const LOG = `mutation($input: LogSessionInput!) { logSession(input: $input) { session { id status } deployment { id status } } }`;
    const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors ? String(r.errors[0].extensions?.code) : 'OK');

    /** An owner's connection holding SHARE ROW EXCLUSIVE on audit_events: every mutation stops at its audit row, holding the row locks it took before. */
    async function auditGate() {
      const client = new Client({ connectionString: t.db.url });
      client.on('error', () => undefined);
      await client.connect();
      await client.query('BEGIN');
      await client.query('LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE');
      const waiting = async (n: number) => {
        for (let i = 0; i < 100; i++) {
          await client.query('SELECT pg_stat_clear_snapshot()');
          const [{ c }] = (await client.query(`SELECT count(*)::int AS c FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows;
          if (c >= n) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        throw new Error(`fewer than ${n} requests waiting`);
      };
      const open = async () => {
        await client.query('COMMIT');
        await client.end();
      };
      return { waiting, open };
    }

    it('a session logged while the deployment is being cancelled is refused: no session on a CANCELLED deployment', async () => {
      const em = t.db.dataSource.manager;
      const sr = await createSupportRequest(em, alliance, supported);
      const d = await createDeployment(em, sr, designation, home.id, { status: DeploymentStatus.AGREED, proposedOn: addDays(today, -30), agreedOn: addDays(today, -20), startsOn: addDays(today, -10), endsOn: addDays(today, 60) });
      const id = toGlobalId('Deployment', d.id);
      const gate = await auditGate();
      const cancel = run(MOVE('cancelDeployment'), { input: { deploymentId: id, reason: 'The school withdrew' } }, coordinator);
      await gate.waiting(1);
      const log = run(LOG, { input: { deploymentId: id, heldOn: today, length: 'FULL_DAY' } }, sle);
      await gate.waiting(2);
      await gate.open();
      const [cancelled, logged] = await Promise.all([cancel, log]);
      expect(code(cancelled)).toBe('OK');
      const [{ n }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM deployment_sessions s JOIN deployments d ON d.id = s.deployment_id WHERE d.id = $1 AND d.status = 'CANCELLED'`, [d.id]);
      expect({ logSession: code(logged), sessionsOnCancelledDeployment: n }).toEqual({ logSession: 'CONFLICT', sessionsOnCancelledDeployment: 0 });
    });

    it('agreeing one deployment while proposing the same system leader again for the same request is no internal error (lock order)', async () => {
      const em = t.db.dataSource.manager;
      const leader = await systemLeader(home);
      const sr = await createSupportRequest(em, alliance, supported, { status: 'BROKERING' as never });
      const d1 = await createDeployment(em, sr, leader.designation, home.id, { proposedOn: addDays(today, -5) });
      for (const party of Object.values(ContractParty)) await createSignature(em, d1, party, { signedOn: addDays(today, -1) });
      const gate = await auditGate();
      const agree = run(AGREE, { input: { deploymentId: toGlobalId('Deployment', d1.id) } }, coordinator);
      await gate.waiting(1);
      const propose = run(PROPOSE, { input: { supportRequestId: toGlobalId('SupportRequest', sr.id), designationId: toGlobalId('Designation', leader.designation.id) } }, coordinator);
      await gate.waiting(2);
      await gate.open();
      const results = await Promise.all([agree, propose]);
      expect(results.map(code)).toEqual(['OK', 'OK']);
    });
  });
});
