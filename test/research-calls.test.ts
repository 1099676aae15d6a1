import { academicYearOf, englishDate, formatAcademicYear } from '../src/common/academic-year';
import { addDays } from '../src/common/dates';
import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DesignationStatus, DesignationType } from '../src/modules/designations/designation-enums';
import { Person } from '../src/modules/people/person.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, Data, startTestServer, TestServer } from './helpers/server';

/** Issue 11: commissioning — calls, expressions of interest, the coordinator's choice and the research budget. */

const today = englishDate();
const year = formatAcademicYear(academicYearOf(today));
const CREATE_CALL = `mutation($input: CreateResearchCallInput!) { createResearchCall(input: $input) { researchCall { id title status academicYear fundingPence keyStages closesOn areasOfExpertise { code } commissionedBySchool { urn } } } }`;
const EXPRESS = `mutation($input: ExpressResearchInterestInput!) { expressResearchInterest(input: $input) { researchInterest { id outcome submittedOn } } }`;
const CHOOSE = `mutation($input: ChooseResearchInterestInput!) { chooseResearchInterest(input: $input) { researchInterest { outcome project { id } }
  researchProject { id title status fundingType fundingPence fundingAcademicYear keyStages areasOfExpertise { code } leads { person { id } } call { id } } } }`;
const DECLINE = `mutation($input: DeclineResearchInterestInput!) { declineResearchInterest(input: $input) { researchInterest { outcome } } }`;
const CLOSE = `mutation($input: CloseResearchCallInput!) { closeResearchCall(input: $input) { researchCall { status interests { outcome } } } }`;
const BUDGET = `mutation($input: SetResearchBudgetInput!) { setResearchBudget(input: $input) { researchFunding { budgetPence committedPence remainingPence projectCount budgetSet } } }`;
const FUNDING = `query($year: AcademicYear!) { researchFunding(academicYear: $year) { budgetPence committedPence remainingPence projectCount budgetSet } }`;
const CALLS = `query($filter: ResearchCallFilter) { researchCalls(filter: $filter, first: 50) { totalCount edges { node { id interests { id } } } } }`;
const MOVE = `mutation($input: TransitionResearchProjectInput!) { transitionResearchProject(input: $input) { researchProject { status } } }`;

describe('research commissioning', () => {
  let t: TestServer;
  let alliance: Alliance;
  let coordinator: TestUser;
  let head: TestUser;
  let lpPerson: Person;
  let lp: TestUser;
  let lp2Person: Person;
  let lp2: TestUser;
  let sle: TestUser;

  const { ok, refused } = callsAs(() => t);
  const em = () => t.db.dataSource.manager;
  const count = async (table: string) => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE alliance_id = $1`, [alliance.id]))[0].n as number;
  const counts = () => Promise.all(['research_calls', 'research_interests', 'research_projects', 'research_project_members', 'audit_events'].map(count));

  async function practitioner(type: DesignationType | null, status = DesignationStatus.ACTIVE) {
    const person = await createPerson(em(), alliance);
    if (type) await createDesignation(em(), person, { type, status });
    return { person, user: await createUser(em(), { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] }) };
  }

  async function call(overrides: Record<string, unknown> = {}): Promise<string> {
    const input = { title: 'Reading for pleasure', academicYear: year, funding: { type: 'TLR3', pence: 100_000 }, areas: ['English'], keyStages: ['KS2'], closesOn: addDays(today, 14), ...overrides };
    return (await ok(CREATE_CALL, { input }, coordinator)).createResearchCall.researchCall.id;
  }
  const express = async (callId: string, user: TestUser) => (await ok(EXPRESS, { input: { callId, statement: 'I would love to.' } }, user)).expressResearchInterest.researchInterest.id as string;
  const funding = async () => (await ok(FUNDING, { year }, coordinator)).researchFunding;

  beforeAll(async () => {
    t = await startTestServer();
    alliance = await createAlliance(em());
    const school = await createSchool(em());
    await addMember(em(), alliance, school);
    coordinator = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school }] });
    ({ person: lpPerson, user: lp } = await practitioner(DesignationType.LP));
    ({ person: lp2Person, user: lp2 } = await practitioner(DesignationType.LP));
    ({ user: sle } = await practitioner(DesignationType.SLE));
  });
  afterAll(() => t.close());

  it('lets the coordinator offer a call, and staff read it', async () => {
    const data = await ok(CREATE_CALL, { input: { title: ' Maths mastery ', academicYear: year, funding: { type: 'BURSARY', pence: 50_000 }, areas: ['Maths'], keyStages: ['KS1', 'KS1'], closesOn: today } }, coordinator);
    expect(data.createResearchCall.researchCall).toMatchObject({ title: 'Maths mastery', status: 'OPEN', academicYear: year, fundingPence: 50_000, keyStages: ['KS1'], areasOfExpertise: [{ code: 'MATHS' }], commissionedBySchool: null });
    expect((await ok(CALLS, {}, head)).researchCalls.totalCount).toBeGreaterThan(0);
    expect((await refused(CREATE_CALL, { input: { title: 'x', academicYear: year, funding: { type: 'TLR3', pence: 1 }, closesOn: today } }, lp)).extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['input.closesOn', { closesOn: addDays(today, -1) }],
    ['input.funding.pence', { funding: { type: 'TLR3', pence: -5 } }],
    ['input.areas[0]', { areas: ['Basket weaving'] }],
    ['input.title', { title: 'x'.repeat(10_000) }],
    ['input.academicYear', { academicYear: '1999/00' }],
  ] as [string, Record<string, unknown>][])('refuses a call with bad input, naming %s, and writes nothing', async (field, given) => {
    const before = await counts();
    const input = { title: 'Call', academicYear: year, funding: { type: 'TLR3', pence: 1 }, closesOn: today, ...given };
    expect((await refused(CREATE_CALL, { input }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  describe('expressions of interest', () => {
    it('are for practitioners with an ACTIVE LP designation in the alliance', async () => {
      const callId = await call();
      const refusal = await refused(EXPRESS, { input: { callId, statement: 'Me!' } }, sle);
      expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', rule: 'LP_DESIGNATION' });
      const { user: lapsed } = await practitioner(DesignationType.LP, DesignationStatus.APPROVED);
      expect((await refused(EXPRESS, { input: { callId, statement: 'Me!' } }, lapsed)).extensions).toMatchObject({ code: 'CONFLICT', rule: 'LP_DESIGNATION' });
      expect((await refused(EXPRESS, { input: { callId, statement: 'Me!' } }, coordinator)).extensions.code).toBe('FORBIDDEN');
      await express(callId, lp);
    });

    it('are given once per call', async () => {
      const callId = await call();
      await express(callId, lp);
      const before = await counts();
      expect((await refused(EXPRESS, { input: { callId, statement: 'Again' } }, lp)).extensions).toMatchObject({ code: 'CONFLICT', rule: 'ONCE_PER_CALL' });
      expect(await counts()).toEqual(before);
    });

    it('are given by the closing date, to an open call', async () => {
      const callId = await call();
      await t.db.dataSource.query(`UPDATE research_calls SET closes_on = $2 WHERE id = $1`, [Buffer.from(callId, 'base64url').toString().split(':')[1], addDays(today, -1)]);
      expect((await refused(EXPRESS, { input: { callId, statement: 'Late' } }, lp)).extensions).toMatchObject({ code: 'CONFLICT', rule: 'CLOSING_DATE' });
      const closed = await call();
      await ok(CLOSE, { input: { callId: closed } }, coordinator);
      expect((await refused(EXPRESS, { input: { callId: closed, statement: 'x' } }, lp)).extensions).toMatchObject({ code: 'CONFLICT', rule: 'CALL_OPEN' });
    });

    it('are seen by the coordinator all, a practitioner their own only', async () => {
      const callId = await call();
      await express(callId, lp);
      await express(callId, lp2);
      const interests = async (user: TestUser) => ((await ok(CALLS, {}, user)).researchCalls.edges as Data[]).find((e) => e.node.id === callId)!.node.interests;
      expect(await interests(coordinator)).toHaveLength(2);
      expect(await interests(lp)).toHaveLength(1);
      expect(await interests(head)).toHaveLength(0);
    });
  });

  describe('choosing, and the budget', () => {
    it('creates the APPROVED project, led by the person interested, with the call\'s funding, areas and key stages, within the budget', async () => {
      await ok(BUDGET, { input: { academicYear: year, budgetPence: 250_000 } }, coordinator);
      const callId = await call({ keyStages: ['KS2', 'KS3'] });
      const interestId = await express(callId, lp);
      const other = await express(callId, lp2);
      const data = await ok(CHOOSE, { input: { interestId, methodology: 'ACTION_RESEARCH' } }, coordinator);
      expect(data.chooseResearchInterest.researchProject).toMatchObject({
        title: 'Reading for pleasure', status: 'APPROVED', fundingType: 'TLR3', fundingPence: 100_000, fundingAcademicYear: year, keyStages: ['KS2', 'KS3'],
        areasOfExpertise: [{ code: 'ENGLISH' }], leads: [{ person: { id: toGlobalId('Person', lpPerson.id) } }], call: { id: callId },
      });
      expect(data.chooseResearchInterest.researchInterest).toMatchObject({ outcome: 'CHOSEN', project: { id: data.chooseResearchInterest.researchProject.id } });
      expect(await funding()).toEqual({ budgetPence: 250_000, committedPence: 100_000, remainingPence: 150_000, projectCount: 1, budgetSet: true });
      // One project per call.
      expect((await refused(CHOOSE, { input: { interestId: other, methodology: 'SURVEY' } }, coordinator)).extensions).toMatchObject({ code: 'CONFLICT', rule: 'ONE_PROJECT_PER_CALL' });
      expect((await refused(CHOOSE, { input: { interestId, methodology: 'SURVEY' } }, coordinator)).extensions.code).toBe('CONFLICT');
      // A withdrawn project spends nothing.
      await ok(MOVE, { input: { projectId: data.chooseResearchInterest.researchProject.id, to: 'WITHDRAWN', expectedVersion: 1 } }, coordinator);
      expect(await funding()).toMatchObject({ committedPence: 0, remainingPence: 250_000, projectCount: 0 });
    });

    it('refuses a choice beyond the budget unless the coordinator gives a reason, and writes nothing when it refuses', async () => {
      await ok(BUDGET, { input: { academicYear: year, budgetPence: 150_000 } }, coordinator);
      const first = await express(await call(), lp);
      await ok(CHOOSE, { input: { interestId: first, methodology: 'CASE_STUDY' } }, coordinator);
      const second = await express(await call(), lp);
      const before = await counts();
      const refusal = await refused(CHOOSE, { input: { interestId: second, methodology: 'CASE_STUDY' } }, coordinator);
      expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', rule: 'RESEARCH_BUDGET', remainingPence: 50_000, neededPence: 100_000 });
      expect(await counts()).toEqual(before);
      await ok(CHOOSE, { input: { interestId: second, methodology: 'CASE_STUDY', budgetOverrideReason: 'Governors agreed extra funding' } }, coordinator);
      expect(await funding()).toMatchObject({ committedPence: 200_000, remainingPence: -50_000 });
      const [audit] = await t.db.dataSource.query(`SELECT changes FROM audit_events WHERE action = 'chooseResearchInterest' AND changes::text LIKE '%Governors%'`);
      expect(audit).toBeDefined();
    });

    it('lets two choices race for the last of the budget: one passes', async () => {
      const raceYear = '2031/32';
      await ok(BUDGET, { input: { academicYear: raceYear, budgetPence: 100_000 } }, coordinator);
      const a = await express(await call({ academicYear: raceYear }), lp);
      const b = await express(await call({ academicYear: raceYear }), lp2);
      const results = await Promise.all([a, b].map((interestId) => t.execute(CHOOSE, { input: { interestId, methodology: 'RCT' } }, { as: coordinator })));
      const codes = results.map((r) => (r.errors ? String(r.errors[0].extensions?.code) : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect((await ok(FUNDING, { year: raceYear }, coordinator)).researchFunding).toMatchObject({ committedPence: 100_000, remainingPence: 0 });
    });

    it('refuses funding without a budget set, and gives the budget to the coordinator only', async () => {
      const interestId = await express(await call({ academicYear: '2040/41' }), lp);
      expect((await refused(CHOOSE, { input: { interestId, methodology: 'RCT' } }, coordinator)).message).toContain('no research budget is set for 2040/41');
      expect((await refused(FUNDING, { year }, head)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(FUNDING, { year }, lp)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(BUDGET, { input: { academicYear: year, budgetPence: -1 } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.budgetPence' });
    });

    it('declines an interest, and closing a call marks the rest NOT_CHOSEN', async () => {
      const callId = await call();
      const declined = await express(callId, lp);
      await express(callId, lp2);
      expect((await ok(DECLINE, { input: { interestId: declined } }, coordinator)).declineResearchInterest.researchInterest.outcome).toBe('NOT_CHOSEN');
      const closed = (await ok(CLOSE, { input: { callId } }, coordinator)).closeResearchCall.researchCall;
      expect(closed).toMatchObject({ status: 'CLOSED', interests: [{ outcome: 'NOT_CHOSEN' }, { outcome: 'NOT_CHOSEN' }] });
      expect((await refused(CLOSE, { input: { callId } }, coordinator)).extensions.code).toBe('CONFLICT');
      expect(lp2Person.id).toBeDefined();
    });
  });
});
