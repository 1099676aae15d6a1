import { academicYearOf, englishDate, formatAcademicYear } from '../src/common/academic-year';
import { addDays } from '../src/common/dates';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { AllianceTariff } from '../src/modules/alliances/alliance-tariff.entity';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { ReleaseCommitment } from '../src/modules/designations/release-commitment.entity';
import { ContractParty, DeploymentStatus } from '../src/modules/deployments/deployment-enums';
import { Deployment } from '../src/modules/deployments/deployment.entity';
import { TRANSITIONS } from '../src/modules/deployments/lifecycle';
import { Person } from '../src/modules/people/person.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation } from './factories/designations';
import { createDeployment, createSignature, createSupportRequest } from './factories/deployments';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, startTestServer, TestServer } from './helpers/server';

/** Issue 10: requests, proposals, signatures, the contract gate, capacity and the lifecycle, through the GraphQL API. */

const today = englishDate();
const year = academicYearOf(today);

const CREATE_REQUEST = `mutation($input: CreateSupportRequestInput!) { createSupportRequest(input: $input) {
  supportRequest { id status commissionerType commissionerName commissionerLaCode designationType supportedSchool { urn } areasOfExpertise { code } } } }`;
const PROPOSE = `mutation($input: ProposeDeploymentInput!) { proposeDeployment(input: $input) {
  deployment { id status version termsVersion plannedDays frequency missingSignatures homeSchool { urn } } supportRequest { status } } }`;
const UPDATE_TERMS = `mutation($input: UpdateDeploymentTermsInput!) { updateDeploymentTerms(input: $input) { deployment { termsVersion missingSignatures signatures { party void } } } }`;
const SIGN = `mutation($input: SignDeploymentInput!) { signDeployment(input: $input) { signature { party signedByName recordedByCoordinator termsVersion void } deployment { id } } }`;
const AGREE = `mutation($input: AgreeDeploymentInput!) { agreeDeployment(input: $input) { deployment { id status agreedOn capacityOverrideReason version } supportRequest { status } } }`;
const MOVE = (name: string) => `mutation($input: DeploymentMoveInput!) { ${name}(input: $input) { deployment { id status statusReason version } } }`;
const CAPACITY = `query($id: ID!, $year: AcademicYear) { node(id: $id) { ... on Designation { capacity(academicYear: $year) { academicYear committedDays deliveredDays plannedDays availableDays } } } }`;
const DEPLOYMENTS = `query($filter: DeploymentFilter) { deployments(filter: $filter, first: 50) { edges { node { id status supportedSchool { urn } } } } }`;

const TERMS = {
  scope: 'Lead maths across KS2', objectives: ['Raise KS2 maths attainment'], impactMeasures: ['KS2 maths outcomes'], fundingSource: 'School budget',
  plannedDays: 2, model: 'DIAGNOSTIC_TWO_DAYS', startsOn: today, endsOn: addDays(today, 60),
};

describe('brokerage and deployments', () => {
  let t: TestServer;
  let alliance: Alliance;
  let home: School;
  let supported: School;
  let coordinator: TestUser;
  let homeHead: TestUser;
  let supportedHead: TestUser;
  let otherHead: TestUser;
  let analyst: TestUser;
  let slePerson: Person;
  let sle: TestUser;
  let designation: Designation;

  const { run, ok, refused } = callsAs(() => t);
  const count = async (table: string) => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE alliance_id = $1`, [alliance.id]))[0].n as number;
  const counts = () => Promise.all(['support_requests', 'deployments', 'deployment_signatures', 'audit_events'].map(count));

  /** An active SLE at `school` with `committed` release days this academic year, and their login. */
  async function systemLeader(school: School, committed = 10) {
    const em = t.db.dataSource.manager;
    const person = await createPerson(em, alliance, { schoolId: school.id });
    const d = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
    await em.getRepository(ReleaseCommitment).insert({ allianceId: alliance.id, designationId: d.id, academicYear: year, committedDays: committed, signedByName: 'Head', signedOn: today });
    const user = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
    return { person, designation: d, user };
  }

  async function request(school = supported): Promise<string> {
    const data = await ok(CREATE_REQUEST, { input: { commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: school.urn, needs: 'Maths leadership', areas: ['Maths'] } }, coordinator);
    return data.createSupportRequest.supportRequest.id;
  }

  async function proposed(terms: Record<string, unknown> = TERMS, d = designation, school = supported) {
    const data = await ok(PROPOSE, { input: { supportRequestId: await request(school), designationId: toGlobalId('Designation', d.id), terms } }, coordinator);
    return data.proposeDeployment.deployment as { id: string; version: number; termsVersion: number };
  }

  /** Each party signs as themself; the supported head on paper when `paper`. */
  async function signedByAll(deploymentId: string, termsVersion = 1, signer = sle) {
    await ok(SIGN, { input: { deploymentId, party: 'SYSTEM_LEADER', termsVersion } }, signer);
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
    const other = await createSchool(em);
    await addMember(em, alliance, home);
    await em.getRepository(AllianceTariff).insert({ allianceId: alliance.id, effectiveFrom: '2020-09-01', fullDayPence: 35000, halfDayPence: null, hoursPerDay: 6, brokerageFeePerDayPence: 5000 });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    homeHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: home }] });
    supportedHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: supported }] });
    otherHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: other }] });
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    ({ person: slePerson, designation, user: sle } = await systemLeader(home, 40));
  });
  afterAll(() => t.close());

  describe('support requests', () => {
    it('names the commissioner from the register: a school by URN, a local authority by code, the DfE and the alliance by default', async () => {
      const as = async (commissioner: Record<string, unknown>) =>
        (await ok(CREATE_REQUEST, { input: { commissioner, supportedSchoolUrn: supported.urn, needs: 'Support', designationType: 'LLE' } }, coordinator)).createSupportRequest.supportRequest;
      expect(await as({ type: 'SCHOOL', schoolUrn: home.urn })).toMatchObject({ commissionerType: 'SCHOOL', commissionerName: home.name, status: 'OPEN', designationType: 'LLE' });
      expect(await as({ type: 'LOCAL_AUTHORITY', laCode: '210' })).toMatchObject({ commissionerName: 'Southwark', commissionerLaCode: '210' });
      expect(await as({ type: 'DFE' })).toMatchObject({ commissionerName: 'Department for Education' });
      expect(await as({ type: 'ALLIANCE' })).toMatchObject({ commissionerName: alliance.name });
      expect(await as({ type: 'DIOCESE', name: 'Diocese of Southwark' })).toMatchObject({ commissionerName: 'Diocese of Southwark' });
    });

    it('wants an SLE by default and takes areas by alias', async () => {
      const data = await ok(CREATE_REQUEST, { input: { commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: supported.urn, needs: 'Able pupils', areas: ['More Able'] } }, coordinator);
      expect(data.createSupportRequest.supportRequest).toMatchObject({ designationType: 'SLE', areasOfExpertise: [{ code: 'MOST_ABLE' }], supportedSchool: { urn: supported.urn } });
    });

    it.each([
      [{ commissioner: { type: 'SCHOOL' }, needs: 'x', areas: ['Basket weaving'] }, 'input.areas[0]'],
      [{ commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: '999999', needs: 'x' }, 'input.supportedSchoolUrn'],
      [{ commissioner: { type: 'LOCAL_AUTHORITY' }, needs: 'x' }, 'input.commissioner.laCode'],
      [{ commissioner: { type: 'OTHER' }, needs: 'x' }, 'input.commissioner.name'],
      [{ commissioner: { type: 'SCHOOL' }, needs: '  ' }, 'input.needs'],
    ] as [Record<string, unknown>, string][])('refuses bad input, naming the field, and writes nothing: %j', async (input, field) => {
      const before = await counts();
      const error = await refused(CREATE_REQUEST, { input: { ...input, supportedSchoolUrn: input.supportedSchoolUrn ?? supported.urn } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });

    it('is the coordinator\'s to make', async () => {
      const error = await refused(CREATE_REQUEST, { input: { commissioner: { type: 'SCHOOL' }, supportedSchoolUrn: supported.urn, needs: 'x' } }, homeHead);
      expect(error.extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('a request\'s end', () => {
    it('is refused while a deployment of it is live, and agreeing one of a request that ended is refused', async () => {
      const d = await proposed();
      await signedByAll(d.id);
      const requestId = toGlobalId('SupportRequest', (await t.db.dataSource.query(`SELECT support_request_id AS id FROM deployments WHERE id = $1`, [fromGlobalId(d.id)!.id]))[0].id);
      const error = await refused(`mutation($input: EndSupportRequestInput!) { withdrawSupportRequest(input: $input) { supportRequest { status } } }`, { input: { supportRequestId: requestId, reason: 'Academy conversion' } }, coordinator);
      expect(error).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/still proposed, agreed, active or on hold/) });
      // As an owner's tool could leave it: the request ended with its proposal still open.
      await t.db.dataSource.query(`UPDATE support_requests SET status = 'WITHDRAWN', closed_on = current_date WHERE id = $1`, [fromGlobalId(requestId)!.id]);
      expect((await refused(AGREE, { input: { deploymentId: d.id } }, coordinator)).message).toBe('the support request is WITHDRAWN: a deployment for it is no longer agreed');
      expect((await t.db.dataSource.query(`SELECT status FROM deployments WHERE id = $1`, [fromGlobalId(d.id)!.id]))[0].status).toBe('PROPOSED');
    });
  });

  describe('proposals', () => {
    it('proposes an active SLE, moves the request to BROKERING and takes the home school from the staff record', async () => {
      const data = await ok(PROPOSE, { input: { supportRequestId: await request(), designationId: toGlobalId('Designation', designation.id), terms: { model: 'DIAGNOSTIC_TWO_DAYS' } } }, coordinator);
      expect(data.proposeDeployment).toMatchObject({
        deployment: { status: 'PROPOSED', termsVersion: 1, plannedDays: 2, frequency: 'a 2-day diagnostic', homeSchool: { urn: home.urn }, missingSignatures: ['SYSTEM_LEADER', 'HOME_HEADTEACHER', 'SUPPORTED_HEADTEACHER', 'ALLIANCE'] },
        supportRequest: { status: 'BROKERING' },
      });
    });

    it('(rule) never deploys a system leader to their own school, in the service and in the database', async () => {
      const own = await systemLeader(supported);
      const before = await counts();
      const requestId = await request();
      const error = await refused(PROPOSE, { input: { supportRequestId: requestId, designationId: toGlobalId('Designation', own.designation.id) } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', rule: 'OWN_SCHOOL', field: 'input.designationId' });
      expect((await counts())[1]).toBe(before[1]);
      const em = t.db.dataSource.manager;
      const sr = await createSupportRequest(em, alliance, supported);
      await expect(createDeployment(em, sr, own.designation, supported.id)).rejects.toThrow(/deployments_not_home/);
    });

    it('refuses a designation that is not active, and one of another type than the request wants', async () => {
      const em = t.db.dataSource.manager;
      const applicant = await createDesignation(em, await createPerson(em, alliance, { schoolId: home.id }));
      expect((await refused(PROPOSE, { input: { supportRequestId: await request(), designationId: toGlobalId('Designation', applicant.id) } }, coordinator)).extensions.code).toBe('CONFLICT');
      const lle = await ok(CREATE_REQUEST, { input: { commissioner: { type: 'DFE' }, supportedSchoolUrn: supported.urn, needs: 'New head', designationType: 'LLE' } }, coordinator);
      const error = await refused(PROPOSE, { input: { supportRequestId: lle.createSupportRequest.supportRequest.id, designationId: toGlobalId('Designation', designation.id) } }, coordinator);
      expect(error).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/wants an LLE/) });
    });

    it.each([
      [{ plannedDays: 0 }, 'input.terms.plannedDays'],
      [{ plannedDays: -2 }, 'input.terms.plannedDays'],
      [{ startsOn: '2026-03-01', endsOn: '2026-02-01' }, 'input.terms.endsOn'],
      [{ objectives: [''] }, 'input.terms.objectives[0]'],
    ])('refuses bad terms, naming the field: %j', async (terms, field) => {
      const requestId = await request();
      const before = await counts();
      const error = await refused(PROPOSE, { input: { supportRequestId: requestId, designationId: toGlobalId('Designation', designation.id), terms } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });
  });

  describe('signatures', () => {
    it('each party signs as themself, once; a party the caller is not is FORBIDDEN', async () => {
      const d = await proposed();
      const signed = await ok(SIGN, { input: { deploymentId: d.id, party: 'SYSTEM_LEADER', termsVersion: 1 } }, sle);
      expect(signed.signDeployment.signature).toMatchObject({ party: 'SYSTEM_LEADER', recordedByCoordinator: false, termsVersion: 1, void: false });
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'SYSTEM_LEADER', termsVersion: 1 } }, sle)).extensions.code).toBe('CONFLICT');
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'SUPPORTED_HEADTEACHER', termsVersion: 1 } }, homeHead)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'HOME_HEADTEACHER', termsVersion: 1 } }, coordinator)).extensions.code).toBe('FORBIDDEN');
      // Another school's head does not even see the deployment.
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'HOME_HEADTEACHER', termsVersion: 1 } }, otherHead)).extensions.code).toBe('NOT_FOUND');
    });

    it('the second wall refuses a signature in another party\'s name too', async () => {
      const d = await proposed();
      const row = (await t.db.dataSource.query(`SELECT id FROM deployments WHERE id = $1`, [Buffer.from(d.id, 'base64').toString().split(':')[1]]))[0];
      const insert = (role: string, extra: string) =>
        t.db.dataSource.transaction(async (em) => {
          await em.query(`SET LOCAL ROLE alliance_graph_api`);
          await em.query(`SELECT set_config('app.alliance_id', $1, true), set_config('app.role', $2, true), set_config('app.user_id', $3, true), ${extra}`, [alliance.id, role, homeHead.user.id]);
          await em.query(`INSERT INTO deployment_signatures (alliance_id, deployment_id, party, terms_version, signed_by_user_id, signed_by_name, signed_on, recorded_by_coordinator) VALUES ($1, $2, 'SUPPORTED_HEADTEACHER', 1, $3, 'Forged', $4, false)`, [alliance.id, row.id, homeHead.user.id, today]);
        });
      await expect(insert('SCHOOL_LEAD', `set_config('app.school_id', '${home.id}', true)`)).rejects.toThrow(/row-level security/);
    });

    it('the coordinator records the paper signature of a supported head who has no account here, and the record says so', async () => {
      expect((await refused(SIGN, { input: { deploymentId: (await proposed()).id, party: 'SUPPORTED_HEADTEACHER', termsVersion: 1, onPaperSignatoryName: 'X' } }, coordinator)).message)
        .toBe("the supported school's head has an account here: they sign for themself");
      const d = await proposed(TERMS, designation, await createSchool(t.db.dataSource.manager));
      const data = await ok(SIGN, { input: { deploymentId: d.id, party: 'SUPPORTED_HEADTEACHER', termsVersion: 1, onPaperSignatoryName: 'Ms P. Paper' } }, coordinator);
      expect(data.signDeployment.signature).toMatchObject({ signedByName: 'Ms P. Paper', recordedByCoordinator: true });
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'HOME_HEADTEACHER', termsVersion: 1, onPaperSignatoryName: 'X' } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.party' });
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'SYSTEM_LEADER', termsVersion: 1, onPaperSignatoryName: 'X' } }, sle)).extensions.code).toBe('FORBIDDEN');
    });

    it('a change to the terms after a signature voids the signatures; signing the old version is refused', async () => {
      const d = await proposed();
      await signedByAll(d.id);
      const data = await ok(UPDATE_TERMS, { input: { deploymentId: d.id, terms: { plannedDays: 3 } } }, coordinator);
      expect(data.updateDeploymentTerms.deployment.termsVersion).toBe(2);
      expect(data.updateDeploymentTerms.deployment.missingSignatures).toHaveLength(4);
      expect(data.updateDeploymentTerms.deployment.signatures.every((s: { void: boolean }) => s.void)).toBe(true);
      expect((await refused(SIGN, { input: { deploymentId: d.id, party: 'SYSTEM_LEADER', termsVersion: 1 } }, sle)).extensions.code).toBe('CONFLICT');
      expect((await refused(AGREE, { input: { deploymentId: d.id } }, coordinator)).extensions.unmetRules).toEqual(['SIGNATURE_SYSTEM_LEADER', 'SIGNATURE_HOME_HEADTEACHER', 'SIGNATURE_SUPPORTED_HEADTEACHER', 'SIGNATURE_ALLIANCE']);
      // The same terms again are no change: the signatures stand.
      await signedByAll(d.id, 2);
      const same = await ok(UPDATE_TERMS, { input: { deploymentId: d.id, terms: { plannedDays: 3 } } }, coordinator);
      expect(same.updateDeploymentTerms.deployment).toMatchObject({ termsVersion: 2, missingSignatures: [] });
    });
  });

  describe('agreement', () => {
    it('(rule) the contract gate names everything missing, and nothing is written', async () => {
      const d = await proposed({ model: 'CUSTOM' });
      await ok(SIGN, { input: { deploymentId: d.id, party: 'ALLIANCE', termsVersion: 1 } }, coordinator);
      const before = await counts();
      const error = await refused(AGREE, { input: { deploymentId: d.id } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT' });
      expect(error.extensions.unmetRules).toEqual([
        'SCOPE', 'OBJECTIVES', 'IMPACT_MEASURES', 'FUNDING', 'PLANNED_DAYS', 'DATES', 'SIGNATURE_SYSTEM_LEADER', 'SIGNATURE_HOME_HEADTEACHER', 'SIGNATURE_SUPPORTED_HEADTEACHER',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('agrees a signed contract, copies the tariff in force and matches the request', async () => {
      const d = await proposed();
      await signedByAll(d.id);
      const data = await ok(AGREE, { input: { deploymentId: d.id, expectedVersion: d.version } }, coordinator);
      expect(data.agreeDeployment).toMatchObject({ deployment: { status: 'AGREED', agreedOn: today, capacityOverrideReason: null }, supportRequest: { status: 'MATCHED' } });
      const row = await t.db.dataSource.manager.findOneByOrFail(Deployment, { id: Buffer.from(d.id, 'base64').toString().split(':')[1] });
      expect(row).toMatchObject({ tariffFullDayPence: 35000, tariffHalfDayPence: null, tariffHoursPerDay: 6, tariffBrokerageFeePerDayPence: 5000 });
    });

    it('(rule) capacity = committed − delivered − planned: beyond it needs the override reason', async () => {
      const tight = await systemLeader(home, 3);
      const capacity = async () => (await ok(CAPACITY, { id: toGlobalId('Designation', tight.designation.id), year: formatAcademicYear(year) }, coordinator)).node.capacity;
      expect(await capacity()).toEqual({ academicYear: formatAcademicYear(year), committedDays: 3, deliveredDays: 0, plannedDays: 0, availableDays: 3 });
      const first = await proposed(TERMS, tight.designation);
      await signedByAll(first.id, 1, tight.user);
      await ok(AGREE, { input: { deploymentId: first.id } }, coordinator);
      expect(await capacity()).toMatchObject({ plannedDays: 2, availableDays: 1 });
      const second = await proposed(TERMS, tight.designation);
      await signedByAll(second.id, 1, tight.user);
      const error = await refused(AGREE, { input: { deploymentId: second.id } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', rule: 'CAPACITY', availableDays: 1, plannedDays: 2 });
      const data = await ok(AGREE, { input: { deploymentId: second.id, capacityOverrideReason: 'Urgent: Ofsted follow-up' } }, coordinator);
      expect(data.agreeDeployment.deployment).toMatchObject({ status: 'AGREED', capacityOverrideReason: 'Urgent: Ofsted follow-up' });
      expect(await capacity()).toMatchObject({ plannedDays: 4, availableDays: -1 });
      // The holder and their head read it; another head does not.
      expect((await ok(CAPACITY, { id: toGlobalId('Designation', tight.designation.id) }, tight.user)).node.capacity.availableDays).toBe(-1);
      expect((await ok(CAPACITY, { id: toGlobalId('Designation', tight.designation.id) }, otherHead)).node.capacity).toBeNull();
    });

    it('a stale version is a CONFLICT', async () => {
      const d = await proposed();
      await ok(UPDATE_TERMS, { input: { deploymentId: d.id, terms: { scope: 'Changed' } } }, coordinator);
      expect((await refused(AGREE, { input: { deploymentId: d.id, expectedVersion: d.version } }, coordinator)).message).toMatch(/changed since version 1/);
    });
  });

  describe('lifecycle', () => {
    async function agreed() {
      const d = await proposed();
      await signedByAll(d.id);
      return (await ok(AGREE, { input: { deploymentId: d.id } }, coordinator)).agreeDeployment.deployment as { id: string };
    }

    it('is one table: every move in it is reachable, and nothing else', () => {
      expect(TRANSITIONS.map((m) => `${m.from}>${m.to}`)).toEqual(expect.arrayContaining(['PROPOSED>AGREED', 'AGREED>ACTIVE', 'ACTIVE>COMPLETED', 'COMPLETED>EVALUATED', 'PROPOSED>DECLINED', 'ACTIVE>ON_HOLD']));
      expect(TRANSITIONS.some((m) => m.from === DeploymentStatus.COMPLETED && m.to === DeploymentStatus.CANCELLED)).toBe(false);
    });

    it('an illegal move is a CONFLICT naming both states', async () => {
      const d = await proposed();
      expect((await refused(MOVE('startDeployment'), { input: { deploymentId: d.id } }, coordinator)).message).toBe('a deployment cannot move from PROPOSED to ACTIVE');
      expect((await refused(MOVE('holdDeployment'), { input: { deploymentId: d.id, reason: 'x' } }, coordinator)).message).toBe('a deployment cannot move from PROPOSED to ON_HOLD');
    });

    it('holds with a reason and resumes where it was; cancels from hold', async () => {
      const d = await agreed();
      await ok(MOVE('startDeployment'), { input: { deploymentId: d.id } }, coordinator);
      expect((await refused(MOVE('holdDeployment'), { input: { deploymentId: d.id } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      expect((await ok(MOVE('holdDeployment'), { input: { deploymentId: d.id, reason: 'Head on leave' } }, coordinator)).holdDeployment.deployment).toMatchObject({ status: 'ON_HOLD', statusReason: 'Head on leave' });
      expect((await ok(MOVE('resumeDeployment'), { input: { deploymentId: d.id } }, coordinator)).resumeDeployment.deployment.status).toBe('ACTIVE');
      await ok(MOVE('completeDeployment'), { input: { deploymentId: d.id } }, coordinator);
      expect((await refused(MOVE('cancelDeployment'), { input: { deploymentId: d.id, reason: 'x' } }, coordinator)).message).toBe('a deployment cannot move from COMPLETED to CANCELLED');
    });

    it('(rule) a deployment on hold holds no capacity, and resuming takes it again under the same rule', async () => {
      const tight = await systemLeader(home, 3);
      const agreedFor = async () => {
        const d = await proposed(TERMS, tight.designation);
        await signedByAll(d.id, 1, tight.user);
        return (await ok(AGREE, { input: { deploymentId: d.id } }, coordinator)).agreeDeployment.deployment as { id: string };
      };
      const first = await agreedFor();
      await ok(MOVE('holdDeployment'), { input: { deploymentId: first.id, reason: 'Supported head on leave' } }, coordinator);
      await agreedFor();
      const error = await refused(MOVE('resumeDeployment'), { input: { deploymentId: first.id } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', rule: 'CAPACITY', availableDays: 1, plannedDays: 2 });
      const resumed = await ok(MOVE('resumeDeployment'), { input: { deploymentId: first.id, capacityOverrideReason: 'Extra day agreed with the head' } }, coordinator);
      expect(resumed.resumeDeployment.deployment).toMatchObject({ status: 'AGREED', statusReason: null });
      expect((await refused(MOVE('resumeDeployment'), { input: { deploymentId: first.id } }, coordinator)).message).toBe('a deployment resumes from ON_HOLD only; this one is AGREED');
    });

    it('declines a proposal with a reason; a head may not move a deployment', async () => {
      const d = await proposed();
      expect((await refused(MOVE('declineDeployment'), { input: { deploymentId: d.id, reason: 'x' } }, supportedHead)).extensions.code).toBe('FORBIDDEN');
      expect((await ok(MOVE('declineDeployment'), { input: { deploymentId: d.id, reason: 'The school chose another offer' } }, coordinator)).declineDeployment.deployment.status).toBe('DECLINED');
    });

    it('every move writes its audit event in its own transaction', async () => {
      const d = await agreed();
      const id = Buffer.from(d.id, 'base64').toString().split(':')[1];
      await ok(MOVE('startDeployment'), { input: { deploymentId: d.id } }, coordinator);
      const actions = (await t.db.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at, id`, [id])).map((r: { action: string }) => r.action);
      expect(actions).toEqual(['proposeDeployment', 'agreeDeployment', 'startDeployment']);
    });
  });

  describe('who sees what', () => {
    it('a head sees deployments into and from their school; another head, a practitioner of another and an analyst do not', async () => {
      const d = await proposed();
      const ids = async (as: TestUser) => (await ok(DEPLOYMENTS, {}, as)).deployments.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(await ids(homeHead)).toContain(d.id);
      expect(await ids(supportedHead)).toContain(d.id);
      expect(await ids(sle)).toContain(d.id);
      expect(await ids(otherHead)).not.toContain(d.id);
      const stranger = await systemLeader(home);
      expect(await ids(stranger.user)).toEqual([]);
      expect((await refused(DEPLOYMENTS, {}, analyst)).extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('capacity under concurrency (rule)', () => {
    it('20 concurrent agreements for an SLE whose capacity fits 5 give exactly 5 successes and 15 CONFLICTs', async () => {
      const em = t.db.dataSource.manager;
      const busy = await systemLeader(home, 10);
      const sr = await createSupportRequest(em, alliance, supported);
      const deployments = [];
      for (let i = 0; i < 20; i++) {
        const d = await createDeployment(em, sr, busy.designation, home.id, { plannedDays: 2, startsOn: today, endsOn: addDays(today, 30), proposedOn: today });
        for (const party of Object.values(ContractParty)) await createSignature(em, d, party, { signedOn: today });
        deployments.push(d);
      }
      const results = await Promise.all(deployments.map((d) => run(AGREE, { input: { deploymentId: toGlobalId('Deployment', d.id) } }, coordinator)));
      const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK'));
      expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
      expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(15);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM deployments WHERE designation_id = $1 AND status = 'AGREED'`, [busy.designation.id]);
      expect(n).toBe(5);
    });
  });

  describe('statements', () => {
    const PAGE = `query($id: ID!) { deployments(first: 50, filter: { supportRequestId: $id }) { totalCount edges { node {
      id status supportRequest { needs supportedSchool { name } areasOfExpertise { code } } designation { type person { familyName } capacity { availableDays } }
      systemLeader { familyName } homeSchool { name } supportedSchool { name } signatures { party void } missingSignatures nextMoves { to }
      sessions { heldOn days visitRecordOverdue } cost { totalPence } } } } }`;

    it('a page of deployments with every relation takes the same statements for 2 rows as for 12', async () => {
      const em = t.db.dataSource.manager;
      const statementsFor = async (n: number) => {
        const leaders = [];
        for (let i = 0; i < Math.min(n, 3); i++) leaders.push(await systemLeader(home));
        const sr = await createSupportRequest(em, alliance, supported);
        for (let i = 0; i < n; i++) {
          const d = await createDeployment(em, sr, leaders[i % leaders.length].designation, home.id, { status: DeploymentStatus.ACTIVE, agreedOn: today });
          await createSignature(em, d, ContractParty.ALLIANCE);
        }
        t.db.counter.reset();
        const data = await ok(PAGE, { id: toGlobalId('SupportRequest', sr.id) }, coordinator);
        expect(data.deployments.edges).toHaveLength(n);
        return t.db.counter.selects.length;
      };
      const few = await statementsFor(2);
      expect(await statementsFor(12)).toBe(few);
      expect(few).toBeLessThanOrEqual(10);
    });
  });

  it('keeps the person of a deployment and of its designation together', async () => {
    const em = t.db.dataSource.manager;
    const sr = await createSupportRequest(em, alliance, supported);
    await expect(createDeployment(em, sr, { ...designation, personId: (await createPerson(em, alliance, { schoolId: home.id })).id } as Designation, home.id)).rejects.toThrow(/foreign key/);
    expect(slePerson.id).toBe(designation.personId);
  });
});
