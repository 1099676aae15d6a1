import { academicYearOf, englishDate, formatAcademicYear } from '../src/common/academic-year';
import { addDays, addYears } from '../src/common/dates';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DesignationStatus, DesignationType } from '../src/modules/designations/designation-enums';
import { TRANSITIONS } from '../src/modules/designations/lifecycle';
import { LeadershipLevel } from '../src/modules/people/person-enums';
import { Person } from '../src/modules/people/person.entity';
import { School } from '../src/modules/schools/school.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation, createRound } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, Data, startTestServer, TestServer } from './helpers/server';

/** Issue 9: the rules of DOMAIN.md "People and designations", through the GraphQL API, each able to fail when its rule goes. */

const today = englishDate();
const yearsAgo = (n: number) => addYears(today, -n);
const thisYear = formatAcademicYear(academicYearOf(today));

const SUBMIT = `mutation($input: SubmitDesignationApplicationInput!) { submitDesignationApplication(input: $input) { designation { id status type areasOfExpertise { code } } } }`;
const ASSESS = `mutation($input: RecordAssessmentOutcomeInput!) { recordAssessmentOutcome(input: $input) { designation { id status version } } }`;
const REFERENCE = `mutation($input: GiveDesignationReferenceInput!) { giveDesignationReference(input: $input) { reference { id kind refereeName recordedByCoordinator } } }`;
const RELEASE = `mutation($input: SetReleaseCommitmentInput!) { setReleaseCommitment(input: $input) { releaseCommitment { id committedDays belowMinimumReason academicYear } } }`;
const DESIGNATE = `mutation($input: DesignateInput!) { designate(input: $input) { designation { id status designatedOn reviewDueOn accreditationExpiresOn } } }`;
const START_REVIEW = `mutation($input: StartDesignationReviewInput!) { startDesignationReview(input: $input) { review { id trigger } designation { status } } }`;
const COMPLETE_REVIEW = `mutation($input: CompleteDesignationReviewInput!) { completeDesignationReview(input: $input) { review { outcome nextReviewDueOn } designation { status reviewDueOn endedOn } } }`;
const LODGE = `mutation($input: LodgeDesignationAppealInput!) { lodgeDesignationAppeal(input: $input) { designation { status appealLodgedOn } } }`;
const DECIDE = `mutation($input: DecideDesignationAppealInput!) { decideDesignationAppeal(input: $input) { designation { status appealOutcome approvedOn } } }`;
const END = `mutation($input: EndDesignationInput!) { endDesignation(input: $input) { designation { status endedOn } } }`;
const CREATE_ROUND = `mutation($input: CreateRecruitmentRoundInput!) { createRecruitmentRound(input: $input) { recruitmentRound { id name open } } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }`;

describe('designations', () => {
  let t: TestServer;
  let alliance: Alliance;
  let school: School;
  let otherSchool: School;
  let coordinator: TestUser;
  let head: TestUser;
  let otherHead: TestUser;
  let analyst: TestUser;
  let headPerson: Person;

  const { run, ok, refused } = callsAs(() => t);
  const rows = async (table: string) => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE alliance_id = $1`, [alliance.id]))[0].n as number;
  const snapshot = async () => Promise.all(['designations', 'designation_references', 'release_commitments', 'designation_reviews', 'recruitment_rounds', 'audit_events'].map(rows));

  /** An eligible SLE applicant at the head's school, with their own login. */
  async function applicant(overrides: Partial<Person> = {}) {
    const person = await createPerson(t.db.dataSource.manager, alliance, { schoolId: school.id, leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: yearsAgo(3), ...overrides });
    const user = await createUser(t.db.dataSource.manager, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
    return { person, user, id: toGlobalId('Person', person.id) };
  }

  /** An application moved through the API to ASSESSED, with the head's reference and release commitment. */
  async function assessedApplication(options: { reference?: boolean; release?: boolean } = {}) {
    const { person, user } = await applicant();
    const created = await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'], phases: ['PRIMARY'] } }, user);
    const designationId = created.submitDesignationApplication.designation.id;
    if (options.reference ?? true) await ok(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: true, statement: 'Strong' } }, head);
    if (options.release ?? true) await ok(RELEASE, { input: { designationId, academicYear: thisYear, committedDays: 10 } }, head);
    await ok(ASSESS, { input: { designationId, outcome: 'SHORTLISTED' } }, coordinator);
    await ok(ASSESS, { input: { designationId, outcome: 'ASSESSED', assessors: ['A. Assessor'], notes: 'Good day' } }, coordinator);
    return { person, user, designationId };
  }

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em, { minReleaseDaysPerYear: 6, reviewPeriodYears: 4, appealPeriodDays: 14 });
    school = await createSchool(em);
    otherSchool = await createSchool(em, { laCode: '208', laName: 'Lambeth' });
    await addMember(em, alliance, school);
    await addMember(em, alliance, otherSchool);
    headPerson = await createPerson(em, alliance, { schoolId: school.id, leadershipLevel: LeadershipLevel.HEADTEACHER, inLeadershipSince: yearsAgo(10) });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school }] });
    otherHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: otherSchool }] });
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
  });
  afterAll(() => t.close());

  describe('SLE eligibility (rule)', () => {
    it('accepts an eligible applicant, areas given by alias', async () => {
      const { user } = await applicant();
      const data = await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['More Able', 'diminishing the difference'], phases: ['PRIMARY'] } }, user);
      expect(data.submitDesignationApplication.designation).toMatchObject({ status: 'APPLIED', type: 'SLE', areasOfExpertise: [{ code: 'MOST_ABLE' }, { code: 'CLOSING_THE_GAP' }] });
    });

    it('names every failed rule at once: a headteacher with no areas, in leadership for a year', async () => {
      const { user } = await applicant({ leadershipLevel: LeadershipLevel.HEADTEACHER, inLeadershipSince: yearsAgo(1) });
      const error = await refused(SUBMIT, { input: { type: 'SLE', areasOfExpertise: [] } }, user);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
      expect(error.extensions.unmetRules).toEqual(['SLE_LEADERSHIP_BELOW_HEADTEACHER', 'SLE_TWO_YEARS_IN_LEADERSHIP', 'SLE_AREA_OF_EXPERTISE']);
    });

    it('needs two full years in leadership: a day short is refused, the anniversary accepted', async () => {
      const short = await applicant({ inLeadershipSince: addDays(yearsAgo(2), 1) });
      expect((await refused(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, short.user)).extensions.unmetRules).toEqual(['SLE_TWO_YEARS_IN_LEADERSHIP']);
      const exact = await applicant({ inLeadershipSince: yearsAgo(2) });
      await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, exact.user);
    });

    it('approval needs the head reference and a release commitment, each named', async () => {
      const { designationId } = await assessedApplication({ reference: false, release: false });
      const error = await refused(ASSESS, { input: { designationId, outcome: 'APPROVED' } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', unmetRules: ['SLE_HEADTEACHER_REFERENCE', 'SLE_RELEASE_COMMITMENT'] });
      expect(error.message).toContain(thisYear);
    });

    it('reports the same eligibility whatever else the document selects of references and commitments', async () => {
      const { designationId } = await assessedApplication();
      const lean = await ok(`query($id: ID!) { node(id: $id) { ... on Designation { eligibility { rule } } } }`, { id: designationId }, coordinator);
      const rich = await ok(`query($id: ID!) { node(id: $id) { ... on Designation { references { id } releaseCommitments { id } eligibility { rule } } } }`, { id: designationId }, coordinator);
      expect(lean.node.eligibility).toEqual([]);
      expect(rich.node.eligibility).toEqual([]);
    });

    it('a reference that does not support the application does not count', async () => {
      const { designationId } = await assessedApplication({ reference: false });
      await ok(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: false } }, head);
      expect((await refused(ASSESS, { input: { designationId, outcome: 'APPROVED' } }, coordinator)).extensions.unmetRules).toEqual(['SLE_HEADTEACHER_REFERENCE']);
    });

    it('LLE is a serving headteacher, NLE a head or executive with the national reference before designation', async () => {
      const middle = await applicant();
      expect((await refused(SUBMIT, { input: { type: 'LLE', areasOfExpertise: [] } }, middle.user)).extensions.unmetRules).toEqual(['LLE_SERVING_HEADTEACHER']);
      expect((await refused(SUBMIT, { input: { type: 'NLE', areasOfExpertise: [] } }, middle.user)).extensions.unmetRules).toEqual(['NLE_HEADTEACHER_OR_EXECUTIVE']);
      const executive = await applicant({ leadershipLevel: LeadershipLevel.EXECUTIVE });
      const nle = (await ok(SUBMIT, { input: { type: 'NLE', areasOfExpertise: [] } }, executive.user)).submitDesignationApplication.designation.id;
      for (const outcome of ['SHORTLISTED', 'ASSESSED', 'APPROVED']) await ok(ASSESS, { input: { designationId: nle, outcome, assessors: ['Panel'] } }, coordinator);
      expect((await refused(DESIGNATE, { input: { designationId: nle } }, coordinator)).extensions.unmetRules).toEqual(['NLE_NATIONAL_REFERENCE']);
      await ok(`mutation($input: RecordNationalBodyNotificationInput!) { recordNationalBodyNotification(input: $input) { designation { id } } }`, { input: { designationId: nle, notifiedOn: today, nationalReference: 'NLE-2026-0042' } }, coordinator);
      expect((await ok(DESIGNATE, { input: { designationId: nle } }, coordinator)).designate.designation.status).toBe('ACTIVE');
    });
  });

  describe('designation and review dates (rule)', () => {
    it('review due = designated on + the alliance review period; an LP accreditation lasts 3 years', async () => {
      const { designationId } = await assessedApplication();
      await ok(ASSESS, { input: { designationId, outcome: 'APPROVED' } }, coordinator);
      const on = today;
      const sle = (await ok(DESIGNATE, { input: { designationId, designatedOn: on } }, coordinator)).designate.designation;
      expect(sle).toMatchObject({ status: 'ACTIVE', designatedOn: on, reviewDueOn: addYears(on, 4), accreditationExpiresOn: null });

      const { user } = await applicant({ leadershipLevel: null, inLeadershipSince: null });
      const lp = (await ok(SUBMIT, { input: { type: 'LP', areasOfExpertise: ['English'] } }, user)).submitDesignationApplication.designation.id;
      for (const outcome of ['SHORTLISTED', 'ASSESSED', 'APPROVED']) await ok(ASSESS, { input: { designationId: lp, outcome, assessors: ['Panel'] } }, coordinator);
      const designated = (await ok(DESIGNATE, { input: { designationId: lp, designatedOn: on } }, coordinator)).designate.designation;
      expect(designated).toMatchObject({ reviewDueOn: addYears(on, 3), accreditationExpiresOn: addYears(on, 3) });
    });
  });

  describe('one lifecycle', () => {
    it('refuses a move the table does not hold with CONFLICT naming both states', async () => {
      const { user } = await applicant();
      const id = (await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, user)).submitDesignationApplication.designation.id;
      const error = await refused(ASSESS, { input: { designationId: id, outcome: 'APPROVED' } }, coordinator);
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('a designation cannot move from APPLIED to APPROVED');
      expect((await refused(DESIGNATE, { input: { designationId: id } }, coordinator)).message).toBe('a designation cannot move from APPLIED to ACTIVE');
    });

    it('holds every move of DOMAIN.md, and nothing out of an ended status but an upheld appeal', () => {
      const moves = TRANSITIONS.map((m) => `${m.from}->${m.to}`);
      for (const move of ['APPLIED->SHORTLISTED', 'SHORTLISTED->ASSESSED', 'ASSESSED->REJECTED', 'ASSESSED->APPROVED', 'APPROVED->ACTIVE', 'ACTIVE->UNDER_REVIEW', 'UNDER_REVIEW->ACTIVE', 'UNDER_REVIEW->DEDESIGNATED', 'ACTIVE->RESIGNED', 'ACTIVE->WITHDRAWN', 'ACTIVE->LAPSED']) {
        expect(moves).toContain(move);
      }
      const fromEnded = TRANSITIONS.filter((m) => ['DEDESIGNATED', 'RESIGNED', 'WITHDRAWN', 'LAPSED', 'REJECTED'].includes(m.from));
      expect(fromEnded.map((m) => `${m.from}->${m.to}:${m.action}`)).toEqual(['REJECTED->APPROVED:decideDesignationAppeal']);
    });

    it('lets the holder resign but not withdraw the alliance’s designation; the head may do neither', async () => {
      const { person, user } = await applicant();
      const d = await createDesignation(t.db.dataSource.manager, person, { status: DesignationStatus.ACTIVE });
      const id = toGlobalId('Designation', d.id);
      expect((await refused(END, { input: { designationId: id, status: 'WITHDRAWN', reason: 'x' } }, user)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(END, { input: { designationId: id, status: 'RESIGNED', reason: 'x' } }, head)).extensions.code).toBe('FORBIDDEN');
      expect((await ok(END, { input: { designationId: id, status: 'RESIGNED', reason: 'Moving abroad' } }, user)).endDesignation.designation).toEqual({ status: 'RESIGNED', endedOn: today });
    });

    it('refuses a second live application of the same type with CONFLICT, and allows one after the first ended', async () => {
      const { person, user } = await applicant();
      await createDesignation(t.db.dataSource.manager, person, { status: DesignationStatus.WITHDRAWN });
      await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, user);
      const error = await refused(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, user);
      expect(error.extensions.code).toBe('CONFLICT');
    });

    it('refuses a stale expectedVersion', async () => {
      const { designationId } = await assessedApplication();
      expect((await refused(ASSESS, { input: { designationId, outcome: 'APPROVED', expectedVersion: 1 } }, coordinator)).extensions.code).toBe('CONFLICT');
    });
  });

  describe('appeals', () => {
    it('one appeal within the alliance’s period; an upheld appeal approves', async () => {
      const { designationId, user } = await assessedApplication();
      await ok(ASSESS, { input: { designationId, outcome: 'REJECTED', reason: 'Not enough evidence of impact' } }, coordinator);
      expect((await ok(LODGE, { input: { designationId, grounds: 'The evidence was not considered' } }, user)).lodgeDesignationAppeal.designation).toEqual({ status: 'REJECTED', appealLodgedOn: today });
      expect((await refused(LODGE, { input: { designationId, grounds: 'again' } }, user)).extensions.code).toBe('CONFLICT');
      expect((await refused(DECIDE, { input: { designationId, outcome: 'UPHELD' } }, user)).extensions.code).toBe('FORBIDDEN');
      expect((await ok(DECIDE, { input: { designationId, outcome: 'UPHELD', notes: 'Panel agreed' } }, coordinator)).decideDesignationAppeal.designation).toEqual({ status: 'APPROVED', appealOutcome: 'UPHELD', approvedOn: today });
    });

    it('refuses an applicant backdating their appeal into the period, and an upheld appeal that skips the approval rules', async () => {
      const { person, user } = await applicant();
      const d = await createDesignation(t.db.dataSource.manager, person, { status: DesignationStatus.REJECTED, rejectedOn: addDays(today, -60), decisionReason: 'No' });
      const designationId = toGlobalId('Designation', d.id);
      expect((await refused(LODGE, { input: { designationId, grounds: 'late', lodgedOn: addDays(today, -59) } }, user)).extensions.code).toBe('FORBIDDEN');
      await ok(LODGE, { input: { designationId, grounds: 'Lodged on paper in time', lodgedOn: addDays(today, -59) } }, coordinator);
      const error = await refused(DECIDE, { input: { designationId, outcome: 'UPHELD' } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', unmetRules: ['SLE_HEADTEACHER_REFERENCE', 'SLE_RELEASE_COMMITMENT'] });
    });

    it('refuses an appeal after the period', async () => {
      const { person, user } = await applicant();
      const d = await createDesignation(t.db.dataSource.manager, person, { status: DesignationStatus.REJECTED, rejectedOn: addDays(today, -15), decisionReason: 'No' });
      const error = await refused(LODGE, { input: { designationId: toGlobalId('Designation', d.id), grounds: 'late' } }, user);
      expect(error).toMatchObject({ extensions: { code: 'CONFLICT' }, message: `the appeal period of 14 days ended on ${addDays(today, -1)}` });
    });
  });

  describe('references', () => {
    it('the headteacher reference comes from the head of the applicant’s school; the coordinator records one as received, saying so', async () => {
      const { user } = await applicant();
      const designationId = (await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, user)).submitDesignationApplication.designation.id;
      // Another school's head does not see the application at all: it reads as one that does not exist.
      const error = await refused(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: true } }, otherHead);
      expect(error.extensions.code).toBe('NOT_FOUND');
      const recorded = await ok(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: true, refereeName: 'Dr Head', receivedOn: today } }, coordinator);
      expect(recorded.giveDesignationReference.reference).toMatchObject({ kind: 'HEADTEACHER', refereeName: 'Dr Head', recordedByCoordinator: true });
    });

    it('refuses a second reference from the same person, and a second headteacher reference', async () => {
      const { user } = await applicant();
      const designationId = (await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, user)).submitDesignationApplication.designation.id;
      await ok(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: true } }, head);
      // A head gives the headteacher reference; the coordinator records a second one from someone else.
      expect((await refused(REFERENCE, { input: { designationId, kind: 'SECOND', supports: true } }, head)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: true, refereeName: 'Someone' } }, coordinator)).extensions.code).toBe('CONFLICT');
      expect((await refused(REFERENCE, { input: { designationId, kind: 'SECOND', supports: true, refereeName: head.user.displayName } }, coordinator)).extensions.code).toBe('CONFLICT');
      await ok(REFERENCE, { input: { designationId, kind: 'SECOND', supports: true, refereeName: 'Ms Second', refereeRole: 'Deputy head, partner school' } }, coordinator);
    });

    it('keeps a headteacher applicant out of their own references, at both walls', async () => {
      const { person: headApplicant, user } = await applicant({ leadershipLevel: LeadershipLevel.HEADTEACHER });
      const designationId = (await ok(SUBMIT, { input: { personId: toGlobalId('Person', headApplicant.id), type: 'LLE', areasOfExpertise: [] } }, coordinator)).submitDesignationApplication.designation.id;
      expect((await refused(REFERENCE, { input: { designationId, kind: 'HEADTEACHER', supports: true } }, head)).extensions.code).toBe('FORBIDDEN');
      await ok(REFERENCE, { input: { designationId, kind: 'SECOND', supports: false, refereeName: 'Chair of governors', statement: 'CONFIDENTIAL' } }, coordinator);
      const query = `query($id: ID!) { node(id: $id) { ... on Designation { references { statement } } } }`;
      expect(JSON.stringify(await run(query, { id: designationId }, head))).not.toContain('CONFIDENTIAL');
      expect(JSON.stringify(await run(query, { id: designationId }, user))).not.toContain('CONFIDENTIAL');
      // The second wall alone: the runtime role, as the applicant or as a head, reads no reference row.
      for (const [role, setting] of [['PRACTITIONER', `set_config('app.person_id', '${headApplicant.id}', true)`], ['SCHOOL_LEAD', `set_config('app.school_id', '${school.id}', true)`]]) {
        const rowsSeen = await t.db.dataSource.transaction(async (em) => {
          await em.query(`SELECT set_config('role', 'alliance_graph_api', true), set_config('app.alliance_id', $1, true), set_config('app.role', $2, true), ${setting}`, [alliance.id, role]);
          return em.query(`SELECT statement FROM designation_references`);
        });
        expect({ role, rowsSeen }).toEqual({ role, rowsSeen: [] });
      }
    });

    it('shows references to the coordinator and the applicant’s head only', async () => {
      const { designationId, user } = await assessedApplication();
      const query = `query($id: ID!) { node(id: $id) { ... on Designation { references { kind } } } }`;
      expect((await ok(query, { id: designationId }, coordinator)).node.references).toEqual([{ kind: 'HEADTEACHER' }]);
      expect((await ok(query, { id: designationId }, head)).node.references).toEqual([{ kind: 'HEADTEACHER' }]);
      expect((await ok(query, { id: designationId }, user)).node.references).toBeNull();
    });
  });

  describe('release commitments (rule)', () => {
    it('refuses fewer days than the alliance minimum unless the coordinator records an exception with a reason', async () => {
      const { user } = await applicant();
      const designationId = (await ok(SUBMIT, { input: { type: 'SLE', areasOfExpertise: ['Maths'] } }, user)).submitDesignationApplication.designation.id;
      const low = { designationId, academicYear: thisYear, committedDays: 5 };
      const error = await refused(RELEASE, { input: low }, head);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.committedDays' });
      expect(error.message).toContain('minimum of 6');
      expect((await refused(RELEASE, { input: { ...low, belowMinimumReason: 'Part-time' } }, head)).extensions.code).toBe('FORBIDDEN');
      const accepted = await ok(RELEASE, { input: { ...low, belowMinimumReason: 'Part-time post', signedByName: 'Dr Head' } }, coordinator);
      expect(accepted.setReleaseCommitment.releaseCommitment).toMatchObject({ committedDays: 5, belowMinimumReason: 'Part-time post', academicYear: thisYear });
      await ok(RELEASE, { input: { ...low, committedDays: 6 } }, head);
    });

    it('is given by the head of the person’s school only', async () => {
      const { designationId } = await assessedApplication({ release: false });
      expect((await refused(RELEASE, { input: { designationId, academicYear: thisYear, committedDays: 10 } }, otherHead)).extensions.code).toBe('NOT_FOUND');
      // An active system leader is in every head's directory; only their own head commits their time.
      const { person } = await applicant();
      const active = toGlobalId('Designation', (await createDesignation(t.db.dataSource.manager, person, { status: DesignationStatus.ACTIVE })).id);
      expect((await refused(RELEASE, { input: { designationId: active, academicYear: thisYear, committedDays: 10 } }, otherHead)).extensions.code).toBe('FORBIDDEN');
      await ok(RELEASE, { input: { designationId: active, academicYear: thisYear, committedDays: 10 } }, head);
      expect((await refused(RELEASE, { input: { designationId, academicYear: thisYear, committedDays: 2.25 } }, head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.committedDays' });
    });
  });

  describe('review triggers (rule)', () => {
    const activeSle = async (overrides: Partial<Person> = {}) => {
      const { person } = await applicant(overrides);
      return createDesignation(t.db.dataSource.manager, person, { status: DesignationStatus.ACTIVE });
    };
    const reviewsOf = async (id: string) => t.db.dataSource.query(`SELECT trigger, completed_on FROM designation_reviews WHERE designation_id = $1`, [id]);

    it('a move of school opens a review in the same change', async () => {
      const d = await activeSle();
      await ok(UPDATE_PERSON, { input: { id: toGlobalId('Person', d.personId), schoolId: toGlobalId('School', otherSchool.id) } }, coordinator);
      expect(await reviewsOf(d.id)).toEqual([{ trigger: 'MOVED_SCHOOL', completed_on: null }]);
      expect((await t.db.dataSource.query(`SELECT status FROM designations WHERE id = $1`, [d.id]))[0].status).toBe('UNDER_REVIEW');
    });

    it('an SLE who becomes a headteacher is reviewed, through the head’s own change', async () => {
      const d = await activeSle();
      await ok(UPDATE_PERSON, { input: { id: toGlobalId('Person', d.personId), leadershipLevel: 'HEADTEACHER' } }, head);
      expect(await reviewsOf(d.id)).toEqual([{ trigger: 'BECAME_HEADTEACHER', completed_on: null }]);
    });

    it('a change that fails after its review was opened leaves neither the change nor the review', async () => {
      const d = await activeSle();
      // The audit rows come last in the change: without the right to write them, it fails after the review was written.
      const columns = 'alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes, request_id';
      await t.db.dataSource.query(`REVOKE INSERT ON audit_events FROM alliance_graph_api`);
      try {
        await refused(UPDATE_PERSON, { input: { id: toGlobalId('Person', d.personId), schoolId: toGlobalId('School', otherSchool.id) } }, coordinator);
      } finally {
        await t.db.dataSource.query(`GRANT INSERT (${columns}) ON audit_events TO alliance_graph_api`);
      }
      expect(await reviewsOf(d.id)).toEqual([]);
      expect(await t.db.dataSource.query(`SELECT d.status, p.school_id FROM designations d JOIN people p ON p.id = d.person_id WHERE d.id = $1`, [d.id])).toEqual([{ status: 'ACTIVE', school_id: school.id }]);
    });

    it('a continued review sets a new review date; a de-designation ends the designation', async () => {
      const d = await activeSle();
      const designationId = toGlobalId('Designation', d.id);
      await ok(START_REVIEW, { input: { designationId, trigger: 'NO_IMPACT_EVIDENCE', reason: 'Two evaluations without evidence' } }, coordinator);
      expect((await refused(START_REVIEW, { input: { designationId, trigger: 'OTHER' } }, coordinator)).extensions.code).toBe('CONFLICT');
      const continued = await ok(COMPLETE_REVIEW, { input: { designationId, outcome: 'CONTINUED' } }, coordinator);
      expect(continued.completeDesignationReview).toEqual({ review: { outcome: 'CONTINUED', nextReviewDueOn: addYears(today, 4) }, designation: { status: 'ACTIVE', reviewDueOn: addYears(today, 4), endedOn: null } });
      await ok(START_REVIEW, { input: { designationId, trigger: 'OTHER' } }, coordinator);
      expect((await refused(COMPLETE_REVIEW, { input: { designationId, outcome: 'DEDESIGNATED' } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.notes' });
      const ended = await ok(COMPLETE_REVIEW, { input: { designationId, outcome: 'DEDESIGNATED', notes: 'No impact' } }, coordinator);
      expect(ended.completeDesignationReview.designation).toEqual({ status: 'DEDESIGNATED', reviewDueOn: addYears(today, 4), endedOn: today });
    });
  });

  describe('recruitment rounds', () => {
    const roundInput = (overrides: Record<string, unknown> = {}) => ({
      designationType: 'SLE', name: 'First SLE round', areas: [{ area: 'Maths', target: 2 }, { area: 'Diminishing the Difference', target: 2 }],
      detailsSentOn: today, applicationDeadline: addDays(today, 30), assessmentOn: addDays(today, 45), nationalNotificationOn: addDays(today, 60), trainingDates: [addDays(today, 90)], ...overrides,
    });

    it('refuses dates out of order, a deadline in the past, and an unknown area, naming the field; writes nothing', async () => {
      const before = await snapshot();
      expect((await refused(CREATE_ROUND, { input: roundInput({ assessmentOn: addDays(today, 10) }) }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessmentOn' });
      expect((await refused(CREATE_ROUND, { input: roundInput({ applicationDeadline: addDays(today, -1), detailsSentOn: null }) }, coordinator)).extensions).toMatchObject({ field: 'input.applicationDeadline' });
      expect((await refused(CREATE_ROUND, { input: roundInput({ areas: [{ area: 'Maths', target: 1 }, { area: 'Basket weaving', target: 1 }] }) }, coordinator)).extensions).toMatchObject({ field: 'input.areas[1]' });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an application after the deadline with CONFLICT, and one outside the round’s areas', async () => {
      const round = await createRound(t.db.dataSource.manager, alliance, { applicationDeadline: addDays(today, -1) });
      const { user } = await applicant();
      const late = await refused(SUBMIT, { input: { type: 'SLE', roundId: toGlobalId('RecruitmentRound', round.id), areasOfExpertise: ['Maths'] } }, user);
      expect(late.extensions.code).toBe('CONFLICT');
      const open = await createRound(t.db.dataSource.manager, alliance);
      const outside = await refused(SUBMIT, { input: { type: 'SLE', roundId: toGlobalId('RecruitmentRound', open.id), areasOfExpertise: ['English'] } }, user);
      expect(outside.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areasOfExpertise[0]' });
    });

    it('shows progress per area against the target', async () => {
      const roundId = (await ok(CREATE_ROUND, { input: roundInput() }, coordinator)).createRecruitmentRound.recruitmentRound.id;
      const a = await applicant();
      const b = await applicant();
      const first = (await ok(SUBMIT, { input: { type: 'SLE', roundId, areasOfExpertise: ['Maths', 'Closing the gap'] } }, a.user)).submitDesignationApplication.designation.id;
      await ok(SUBMIT, { input: { type: 'SLE', roundId, areasOfExpertise: ['Maths'] } }, b.user);
      await ok(ASSESS, { input: { designationId: first, outcome: 'SHORTLISTED' } }, coordinator);
      const query = `query($id: ID!) { node(id: $id) { ... on RecruitmentRound { progress { target total { applied shortlisted } areas { area { code } target applied shortlisted designated stillNeeded } } } } }`;
      expect((await ok(query, { id: roundId }, coordinator)).node.progress).toEqual({
        target: 4,
        total: { applied: 2, shortlisted: 1 },
        areas: expect.arrayContaining([
          { area: { code: 'MATHS' }, target: 2, applied: 2, shortlisted: 1, designated: 0, stillNeeded: 2 },
          { area: { code: 'CLOSING_THE_GAP' }, target: 2, applied: 1, shortlisted: 1, designated: 0, stillNeeded: 2 },
        ]),
      });
      expect((await ok(query, { id: roundId }, a.user)).node.progress).toBeNull();
    });
  });

  describe('the directory', () => {
    it('filters by type, status, area alias, phase, LA and review date, for coordinators and heads; practitioners see their own; analysts none', async () => {
      const em = t.db.dataSource.manager;
      const elsewhere = await createPerson(em, alliance, { schoolId: otherSchool.id, leadershipLevel: LeadershipLevel.SENIOR, inLeadershipSince: yearsAgo(5) });
      const active = await createDesignation(em, elsewhere, { status: DesignationStatus.ACTIVE, phases: ['SECONDARY'] as never, reviewDueOn: addDays(today, 20) });
      const application = await createDesignation(em, elsewhere, { type: DesignationType.LP });
      const query = `query($filter: DesignationFilter) { designations(filter: $filter, orderBy: { field: REVIEW_DUE_ON }) { totalCount edges { node { id } } } }`;
      const ids = async (filter: Record<string, unknown>, as: TestUser) => (await ok(query, { filter }, as)).designations.edges.map((e: Data) => e.node.id);
      const activeId = toGlobalId('Designation', active.id);
      const filter = { types: ['SLE'], statuses: ['ACTIVE'], areas: ['mathematics'], phases: ['SECONDARY'], laCode: '208', reviewDueBefore: addDays(today, 21) };
      expect(await ids(filter, coordinator)).toEqual([activeId]);
      expect(await ids({ ...filter, reviewDueBefore: addDays(today, 20) }, coordinator)).toEqual([]);
      expect(await ids({ ...filter, areas: ['English'] }, coordinator)).toEqual([]);
      // A head finds active system leaders across the alliance, not other schools' applications.
      const seenByHead = await ids({ personId: toGlobalId('Person', elsewhere.id) }, head);
      expect(seenByHead).toEqual([activeId]);
      expect(seenByHead).not.toContain(toGlobalId('Designation', application.id));
      expect((await run(query, {}, analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const { person, user } = await applicant();
      const own = await createDesignation(em, person);
      expect(await ids({}, user)).toEqual([toGlobalId('Designation', own.id)]);
      expect((await refused(query, { filter: { areas: ['Basket weaving'] } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.areas[0]' });
    });

    it('reads a page with people, schools, areas, rounds, references, commitments, reviews and eligibility in a fixed number of statements', async () => {
      const em = t.db.dataSource.manager;
      const round = await createRound(em, alliance);
      const statements = async (first: number) => {
        t.db.counter.reset();
        await ok(
          `query($first: Int) { designations(first: $first, filter: { roundId: "${toGlobalId('RecruitmentRound', round.id)}" }) { edges { node { id status person { displayName school { name } } round { name progress { target } } areasOfExpertise { code } references { kind } releaseCommitments { committedDays } reviews { trigger } eligibility { rule } nextMoves { to } } } } }`,
          { first },
          coordinator,
        );
        return t.db.counter.selects.length;
      };
      for (let i = 0; i < 12; i++) {
        const { person } = await applicant();
        await createDesignation(em, person, { roundId: round.id });
      }
      const small = await statements(2);
      expect(await statements(12)).toBe(small);
      expect(small).toBeLessThanOrEqual(14);
    });
  });

  it('records every change in the audit trail, and a refused change writes nothing', async () => {
    const { designationId } = await assessedApplication();
    const events = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [fromGlobalId(designationId)!.id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submitDesignationApplication', 'recordAssessmentOutcome', 'recordAssessmentOutcome']);
    const before = await snapshot();
    await refused(ASSESS, { input: { designationId, outcome: 'APPROVED', on: addDays(today, 1) } }, coordinator);
    await refused(DESIGNATE, { input: { designationId } }, coordinator);
    expect(await snapshot()).toEqual(before);
  });
});
