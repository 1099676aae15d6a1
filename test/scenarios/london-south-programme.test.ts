import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ApplicantDesignationsDocument, CreateProgrammeDocument, EnrolOnProgrammeCohortDocument, ProgrammePageDocument, ProgrammesDocument, RecordProgrammeAttendanceDocument,
  RecordProgrammeCompletionDocument, ScheduleProgrammeCohortDocument, SubmitDesignationApplicationDocument,
} from '../../operations/generated/graphql';
import { englishDate } from '../../src/common/academic-year';
import { addDays, addYears } from '../../src/common/dates';
import { toGlobalId } from '../../src/common/global-id';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { LeadershipLevel } from '../../src/modules/people/person-enums';
import { Person } from '../../src/modules/people/person.entity';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from '../factories';
import { createPerson, createUser, TestUser } from '../factories/users';
import { ExecuteResult, startTestServer, TestServer } from '../helpers/server';

/**
 * Issue 9, item 13: London South's three-day Lead Practitioner programme prepares aspiring SLEs; the
 * alliance requires it before an SLE application. Through the GraphQL API with the typed documents.
 */
describe("scenario: London South's LP programme, then an SLE application", () => {
  let t: TestServer;
  let alliance: Alliance;
  let coordinator: TestUser;
  let person: Person;
  let practitioner: TestUser;
  const today = englishDate();
  const DAYS = [addDays(today, -20), addDays(today, -13), addDays(today, -6)];
  const PROGRAMME = 'Lead Practitioner programme';

  async function ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, as: TestUser): Promise<T> {
    const result = await t.execute(document, variables, { as });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }
  async function refused<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, as: TestUser) {
    const result: ExecuteResult<T> = await t.execute(document, variables, { as });
    expect(result.errors).toHaveLength(1);
    return { ...result.errors![0].extensions, message: result.errors![0].message } as { code: string; field?: string; unmetRules?: string[]; message: string };
  }

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em, { name: 'London South TSA' });
    const school = await createSchool(em, { name: 'Brixton Hill Primary', laCode: '208', laName: 'Lambeth' });
    await addMember(em, alliance, school);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    person = await createPerson(em, alliance, {
      givenName: 'Grace', familyName: 'Adeyemi', schoolId: school.id, leadershipLevel: LeadershipLevel.SENIOR, inLeadershipSince: addYears(today, -4), jobTitle: 'Assistant head',
    });
    practitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, school, person }] });
  });
  afterAll(() => t.close());

  let programmeId: string;
  let cohortId: string;
  let dayIds: string[];
  const personId = () => toGlobalId('Person', person.id);

  it('the coordinator creates the LP programme, required before an SLE application', async () => {
    const { createProgramme } = await ok(
      CreateProgrammeDocument,
      { input: { name: PROGRAMME, kind: 'LP_PROGRAMME', description: 'Three days preparing aspiring SLEs for accreditation', requiredFor: 'SLE', requiredBefore: 'APPLICATION' } },
      coordinator,
    );
    programmeId = createProgramme.programme.id;
    expect(createProgramme.programme).toMatchObject({ name: PROGRAMME, kind: 'LP_PROGRAMME', requiredFor: 'SLE', requiredBefore: 'APPLICATION' });
    const list = await ok(ProgrammesDocument, { filter: { requiredFor: 'SLE' } }, coordinator);
    expect(list.programmes.edges.map((e) => e.node.id)).toEqual([programmeId]);
  });

  it('schedules a cohort with three days and enrols the aspiring SLE', async () => {
    const { scheduleProgrammeCohort } = await ok(
      ScheduleProgrammeCohortDocument,
      { input: { programmeId, name: 'Autumn cohort', days: DAYS.map((heldOn, i) => ({ heldOn, title: `Day ${i + 1}` })) } },
      coordinator,
    );
    const cohort = scheduleProgrammeCohort.cohort;
    cohortId = cohort.id;
    dayIds = cohort.days.map((d) => d.id);
    expect(cohort).toMatchObject({ name: 'Autumn cohort', startsOn: DAYS[0], endsOn: DAYS[2], programme: { id: programmeId } });
    expect(cohort.days.map((d) => [d.heldOn, d.title])).toEqual([[DAYS[0], 'Day 1'], [DAYS[1], 'Day 2'], [DAYS[2], 'Day 3']]);
    const { enrolOnProgrammeCohort } = await ok(EnrolOnProgrammeCohortDocument, { input: { cohortId, personId: personId() } }, coordinator);
    expect(enrolOnProgrammeCohort.enrolment).toMatchObject({ person: { displayName: 'Grace Adeyemi' }, attendedDays: 0, daysMissed: 3, completedOn: null });
  });

  it('before completing the programme, the SLE application is refused naming it', async () => {
    const error = await refused(SubmitDesignationApplicationDocument, { input: { type: 'SLE', areasOfExpertise: ['English'], phases: ['PRIMARY'] } }, practitioner);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type', unmetRules: ['PROGRAMME_COMPLETED'] });
    expect(error.message).toContain(`"${PROGRAMME}"`);
    expect((await ok(ApplicantDesignationsDocument, {}, practitioner)).designations.totalCount).toBe(0);
  });

  it('records attendance day by day; completion needs every day', async () => {
    for (const dayId of dayIds.slice(0, 2)) {
      const { recordProgrammeAttendance } = await ok(RecordProgrammeAttendanceDocument, { input: { dayId, attendance: [{ personId: personId(), attended: true }] } }, coordinator);
      expect(recordProgrammeAttendance.enrolments.map((e) => e.person.displayName)).toEqual(['Grace Adeyemi']);
    }
    const early = await refused(RecordProgrammeCompletionDocument, { input: { cohortId, personId: personId(), completedOn: today } }, coordinator);
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain(DAYS[2]);
    const { recordProgrammeAttendance } = await ok(RecordProgrammeAttendanceDocument, { input: { dayId: dayIds[2], attendance: [{ personId: personId(), attended: true }] } }, coordinator);
    expect(recordProgrammeAttendance.enrolments[0]).toMatchObject({ attendedDays: 3, daysMissed: 0 });
  });

  it("records completion, and the programme's page shows it", async () => {
    const { recordProgrammeCompletion } = await ok(RecordProgrammeCompletionDocument, { input: { cohortId, personId: personId(), completedOn: DAYS[2] } }, coordinator);
    expect(recordProgrammeCompletion.enrolment).toMatchObject({ completedOn: DAYS[2], attendedDays: 3, daysMissed: 0 });
    const page = await ok(ProgrammePageDocument, { id: programmeId }, coordinator);
    if (!page.programme || !('cohorts' in page.programme)) throw new Error('the programme is missing');
    expect(page.programme.cohorts.edges.map((e) => [e.node.name, e.node.days.length, e.node.enrolments.edges.map((en) => [en.node.person.displayName, en.node.completedOn])])).toEqual([
      ['Autumn cohort', 3, [['Grace Adeyemi', DAYS[2]]]],
    ]);
  });

  it('the SLE application then succeeds, with no programme left to complete', async () => {
    const { submitDesignationApplication } = await ok(
      SubmitDesignationApplicationDocument,
      { input: { type: 'SLE', areasOfExpertise: ['English'], phases: ['PRIMARY'], statement: 'Completed the LP programme this term.' } },
      practitioner,
    );
    expect(submitDesignationApplication.designation).toMatchObject({ type: 'SLE', status: 'APPLIED', appliedOn: today, round: null });
    expect(submitDesignationApplication.designation.eligibility.map((u) => u.rule)).not.toContain('PROGRAMME_COMPLETED');
    expect((await ok(ApplicantDesignationsDocument, {}, practitioner)).designations.totalCount).toBe(1);
  });
});
