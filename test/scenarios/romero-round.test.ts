import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AuditEventsDocument, CreateRecruitmentRoundDocument, DesignateDocument, DesignationPageDocument, GiveDesignationReferenceDocument, RecordAssessmentOutcomeDocument,
  RecordNationalBodyNotificationDocument, RecruitmentRoundsDocument, ReferencesToGiveDocument, RoundDashboardDocument, SetReleaseCommitmentDocument,
  SubmitDesignationApplicationDocument, ApplicantDesignationsDocument,
} from '../../operations/generated/graphql';
import { academicYearOf, englishDate, formatAcademicYear } from '../../src/common/academic-year';
import { addDays, addYears } from '../../src/common/dates';
import { toGlobalId } from '../../src/common/global-id';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { LeadershipLevel } from '../../src/modules/people/person-enums';
import { Person } from '../../src/modules/people/person.entity';
import { School } from '../../src/modules/schools/school.entity';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from '../factories';
import { createPerson, createUser, TestUser } from '../factories/users';
import { ExecuteResult, startTestServer, TestServer } from '../helpers/server';

/**
 * Issue 9, item 13: Romero TSA's first SLE round, from its creation to a designation, through the
 * GraphQL API with the alliance front end's typed documents, each step as the role that takes it.
 */
describe("scenario: Romero's SLE round, from creation to designation", () => {
  let t: TestServer;
  let alliance: Alliance;
  let school: School;
  let coordinator: TestUser;
  let head: TestUser;
  let applicant: Person;
  let practitioner: TestUser;
  let late: Person;
  let latePractitioner: TestUser;
  const today = englishDate();
  const thisYear = formatAcademicYear(academicYearOf(today));
  const nextYear = formatAcademicYear(academicYearOf(today) + 1);

  // Romero's ten specialisms, as the alliance writes them (aliases where it has its own label).
  const AREAS = ['Maths', 'English', 'Science', 'RE', 'Early Years', 'Phonics', 'SEND', 'More Able', 'Diminishing the Difference', 'ITT'];

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
    alliance = await createAlliance(em, { name: 'Romero TSA', minReleaseDaysPerYear: 6, reviewPeriodYears: 4 });
    school = await createSchool(em, { name: 'St Oscar Romero Primary' });
    await addMember(em, alliance, school);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school }] });
    const eligible = { schoolId: school.id, leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: addYears(today, -3), jobTitle: 'Maths lead' };
    applicant = await createPerson(em, alliance, { givenName: 'Maria', familyName: 'Lopez', ...eligible });
    practitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, school, person: applicant }] });
    late = await createPerson(em, alliance, { givenName: 'Luis', familyName: 'Tardio', ...eligible });
    latePractitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, school, person: late }] });
  });
  afterAll(() => t.close());

  let roundId: string;
  let designationId: string;

  it('the coordinator opens an SLE round: ten specialisms, at least 20 SLEs, and its timeline', async () => {
    const input = {
      name: 'Primary SLE recruitment, round 1',
      designationType: 'SLE' as const,
      detailsSentOn: today,
      applicationDeadline: addDays(today, 28),
      assessmentOn: addDays(today, 42),
      nationalNotificationOn: addDays(today, 56),
      // Training dates are left out here: a round read back with them fails (see the last test).
      overallTarget: 20,
      areas: AREAS.map((area) => ({ area, target: 2 })),
    };
    const { createRecruitmentRound } = await ok(CreateRecruitmentRoundDocument, { input }, coordinator);
    const round = createRecruitmentRound.recruitmentRound;
    roundId = round.id;
    expect(round).toMatchObject({
      name: input.name, designationType: 'SLE', open: true, detailsSentOn: today, applicationDeadline: input.applicationDeadline, assessmentOn: input.assessmentOn,
      nationalNotificationOn: input.nationalNotificationOn, trainingDates: [], overallTarget: 20,
    });
    expect(round.progress!.target).toBe(20);
    expect(round.progress!.areas.map((a) => a.area.code).sort()).toEqual(
      ['MATHS', 'ENGLISH', 'SCIENCE', 'RE', 'EARLY_YEARS', 'PHONICS', 'SEND', 'MOST_ABLE', 'CLOSING_THE_GAP', 'INITIAL_TEACHER_TRAINING'].sort(),
    );
    expect(round.progress!.areas.every((a) => a.target === 2 && a.applied === 0 && a.stillNeeded === 2)).toBe(true);
    const rounds = await ok(RecruitmentRoundsDocument, { filter: { open: true } }, coordinator);
    expect(rounds.recruitmentRounds.edges.map((e) => e.node.id)).toEqual([roundId]);
    // The application form: a practitioner sees the areas the round seeks, though not its progress.
    const seen = await ok(RecruitmentRoundsDocument, { filter: { open: true } }, practitioner);
    expect(seen.recruitmentRounds.edges[0].node.areas).toHaveLength(10);
    expect(seen.recruitmentRounds.edges[0].node.areas.map((a) => a.target).reduce((x, y) => x + y, 0)).toBe(20);
    expect(seen.recruitmentRounds.edges[0].node.progress).toBeNull();
  });

  it('an eligible practitioner applies for themself; the application lists what approval still needs', async () => {
    const { submitDesignationApplication } = await ok(
      SubmitDesignationApplicationDocument,
      { input: { type: 'SLE', roundId, areasOfExpertise: ['Maths', 'More Able'], phases: ['PRIMARY'], statement: 'Ten years of primary maths; maths lead since 2023.' } },
      practitioner,
    );
    const application = submitDesignationApplication.designation;
    designationId = application.id;
    expect(application).toMatchObject({ type: 'SLE', status: 'APPLIED', appliedOn: today, round: { id: roundId, open: true }, phases: ['PRIMARY'] });
    expect(application.areasOfExpertise.map((a) => a.code)).toEqual(['MATHS', 'MOST_ABLE']);
    // References are confidential: the applicant is not told whether theirs is missing; the coordinator is.
    expect(application.eligibility.map((u) => u.rule)).toEqual(['SLE_RELEASE_COMMITMENT']);
    const seen = await ok(DesignationPageDocument, { id: designationId }, coordinator);
    if (!seen.designation || !('eligibility' in seen.designation)) throw new Error('the designation is missing');
    expect(seen.designation.eligibility.map((u) => u.rule).sort()).toEqual(['SLE_HEADTEACHER_REFERENCE', 'SLE_RELEASE_COMMITMENT']);
    expect(application.nextMoves).toEqual([{ to: 'WITHDRAWN', mutation: 'withdrawDesignationApplication' }]);
    const mine = await ok(ApplicantDesignationsDocument, {}, practitioner);
    expect(mine.designations.edges.map((e) => e.node.id)).toEqual([designationId]);
  });

  it("the head of the applicant's school finds it among the references to give, and gives the headteacher reference", async () => {
    const toGive = await ok(ReferencesToGiveDocument, { schoolId: toGlobalId('School', school.id) }, head);
    expect(toGive.designations.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: designationId, status: 'APPLIED', references: [], releaseCommitments: [], person: expect.objectContaining({ displayName: 'Maria Lopez' }) }),
    ]);
    const { giveDesignationReference } = await ok(
      GiveDesignationReferenceDocument,
      { input: { designationId, kind: 'HEADTEACHER', supports: true, statement: 'Maria leads maths across the school with real impact.' } },
      head,
    );
    expect(giveDesignationReference.reference).toMatchObject({ kind: 'HEADTEACHER', supports: true, recordedByCoordinator: false, refereeName: head.user.displayName, receivedOn: today });
    expect(giveDesignationReference.designation.eligibility.map((u) => u.rule)).toEqual(['SLE_RELEASE_COMMITMENT']);
  });

  it('the head commits release days at the minimum; fewer are refused, and accepted only from the coordinator with a reason', async () => {
    const { setReleaseCommitment } = await ok(SetReleaseCommitmentDocument, { input: { designationId, academicYear: thisYear, committedDays: 6 } }, head);
    expect(setReleaseCommitment.releaseCommitment).toMatchObject({ academicYear: thisYear, committedDays: 6, signedByName: head.user.displayName, signedOn: today, belowMinimumReason: null });
    expect(setReleaseCommitment.designation.eligibility).toEqual([]);

    const below = await refused(SetReleaseCommitmentDocument, { input: { designationId, academicYear: nextYear, committedDays: 4 } }, head);
    expect(below).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.committedDays' });
    expect(below.message).toMatch(/minimum of 6/);
    const headException = await refused(SetReleaseCommitmentDocument, { input: { designationId, academicYear: nextYear, committedDays: 4, belowMinimumReason: 'part-time' } }, head);
    expect(headException.code).toBe('FORBIDDEN');

    const { setReleaseCommitment: accepted } = await ok(
      SetReleaseCommitmentDocument,
      { input: { designationId, academicYear: nextYear, committedDays: 4, belowMinimumReason: 'Works 0.6 FTE from September', signedByName: 'Head of St Oscar Romero' } },
      coordinator,
    );
    expect(accepted.releaseCommitment).toMatchObject({ academicYear: nextYear, committedDays: 4, belowMinimumReason: 'Works 0.6 FTE from September', signedByName: 'Head of St Oscar Romero' });
  });

  it('the coordinator shortlists, records the assessment with assessors and notes, and approves', async () => {
    const shortlisted = await ok(RecordAssessmentOutcomeDocument, { input: { designationId, outcome: 'SHORTLISTED' } }, coordinator);
    expect(shortlisted.recordAssessmentOutcome.designation).toMatchObject({ status: 'SHORTLISTED', shortlistedOn: today });
    const assessed = await ok(
      RecordAssessmentOutcomeDocument,
      { input: { designationId, outcome: 'ASSESSED', assessors: ['Ann Assessor', 'Bob Moderator'], notes: 'Strong coaching task; clear on impact.' } },
      coordinator,
    );
    expect(assessed.recordAssessmentOutcome.designation).toMatchObject({
      status: 'ASSESSED', assessedOn: today, assessors: ['Ann Assessor', 'Bob Moderator'], assessmentNotes: 'Strong coaching task; clear on impact.',
    });
    const approved = await ok(RecordAssessmentOutcomeDocument, { input: { designationId, outcome: 'APPROVED', reason: 'Meets every criterion' } }, coordinator);
    expect(approved.recordAssessmentOutcome.designation).toMatchObject({ status: 'APPROVED', approvedOn: today, decisionReason: 'Meets every criterion', eligibility: [] });
    expect(approved.recordAssessmentOutcome.designation.nextMoves).toEqual(expect.arrayContaining([{ to: 'ACTIVE', mutation: 'designate' }]));
  });

  it('the coordinator records the national body notification and designates: ACTIVE, with the review due four years on', async () => {
    const notified = await ok(RecordNationalBodyNotificationDocument, { input: { designationId, notifiedOn: today } }, coordinator);
    expect(notified.recordNationalBodyNotification.designation).toMatchObject({ status: 'APPROVED', nationalBodyNotifiedOn: today });
    const { designate } = await ok(DesignateDocument, { input: { designationId } }, coordinator);
    expect(designate.designation).toMatchObject({ status: 'ACTIVE', designatedOn: today, reviewDueOn: addYears(today, 4), accreditationExpiresOn: null });
    // The applicant sees it too, without the assessors' notes.
    const mine = await ok(ApplicantDesignationsDocument, {}, practitioner);
    expect(mine.designations.edges[0].node).toMatchObject({ status: 'ACTIVE', designatedOn: today, reviewDueOn: addYears(today, 4), decisionReason: 'Meets every criterion' });
    const page = await ok(DesignationPageDocument, { id: designationId }, practitioner);
    expect(page.designation).toMatchObject({ assessors: null, assessmentNotes: null, references: null });
  });

  it("the round's dashboard counts the designation in its areas, against their targets", async () => {
    // Two more applications, recorded by the coordinator, that stay at APPLIED.
    for (const [givenName, area] of [['Sam', 'Science'], ['Ella', 'Maths']]) {
      const person = await createPerson(t.db.dataSource.manager, alliance, { givenName, schoolId: school.id, leadershipLevel: LeadershipLevel.SENIOR, inLeadershipSince: '2015-09-01' });
      await ok(SubmitDesignationApplicationDocument, { input: { type: 'SLE', roundId, personId: toGlobalId('Person', person.id), areasOfExpertise: [area] } }, coordinator);
    }
    const dashboard = await ok(RoundDashboardDocument, { roundId, first: 10 }, coordinator);
    if (!dashboard.round || !('progress' in dashboard.round)) throw new Error('the round is missing');
    const byArea = Object.fromEntries(dashboard.round.progress!.areas.map(({ area, ...counts }) => [area.code, counts]));
    expect(byArea.MATHS).toEqual({ target: 2, applied: 2, shortlisted: 1, approved: 1, designated: 1, stillNeeded: 1 });
    expect(byArea.MOST_ABLE).toEqual({ target: 2, applied: 1, shortlisted: 1, approved: 1, designated: 1, stillNeeded: 1 });
    expect(byArea.SCIENCE).toEqual({ target: 2, applied: 1, shortlisted: 0, approved: 0, designated: 0, stillNeeded: 2 });
    expect(byArea.PHONICS).toEqual({ target: 2, applied: 0, shortlisted: 0, approved: 0, designated: 0, stillNeeded: 2 });
    expect(dashboard.round.progress!.total).toEqual({ applied: 3, shortlisted: 1, approved: 1, designated: 1 });
    expect(dashboard.round.progress!.target).toBe(20);
    expect(dashboard.applications.totalCount).toBe(3);
    const rows = Object.fromEntries(dashboard.applications.edges.map((e) => [e.node.person!.displayName.split(' ')[0], e.node]));
    expect(Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, row.status]))).toEqual({ Maria: 'ACTIVE', Sam: 'APPLIED', Ella: 'APPLIED' });
    expect(rows.Maria.eligibility).toEqual([]);
    const applied = rows.Sam;
    expect(applied.eligibility.map((u) => u.rule).sort()).toEqual(['SLE_HEADTEACHER_REFERENCE', 'SLE_RELEASE_COMMITMENT']);
    expect(applied.nextMoves.map((m) => m.to).sort()).toEqual(['REJECTED', 'SHORTLISTED', 'WITHDRAWN']);
  });

  it("the dashboard's statements do not grow with its page (no N+1)", async () => {
    // Rows of one status, so that each row asks the same questions (an active row has no eligibility to check).
    const selects = async (first: number) => {
      t.db.counter.reset();
      const { applications } = await ok(RoundDashboardDocument, { roundId, first, statuses: ['APPLIED'] }, coordinator);
      expect(applications.edges).toHaveLength(first);
      return t.db.counter.selects.length;
    };
    expect(await selects(2)).toBe(await selects(1));
  });

  it('the audit trail has every step, each by the role that took it', async () => {
    const trail = async (objectId: string) =>
      (await ok(AuditEventsDocument, { filter: { objectId }, first: 50 }, coordinator)).auditEvents.edges.map((e) => [e.node.action, e.node.actingRole]).reverse();
    expect(await trail(designationId)).toEqual([
      ['submitDesignationApplication', 'PRACTITIONER'],
      ['recordAssessmentOutcome', 'ALLIANCE_ADMIN'],
      ['recordAssessmentOutcome', 'ALLIANCE_ADMIN'],
      ['recordAssessmentOutcome', 'ALLIANCE_ADMIN'],
      ['recordNationalBodyNotification', 'ALLIANCE_ADMIN'],
      ['designate', 'ALLIANCE_ADMIN'],
    ]);
    expect(await trail(roundId)).toEqual([['createRecruitmentRound', 'ALLIANCE_ADMIN']]);
    const page = await ok(DesignationPageDocument, { id: designationId }, coordinator);
    if (!page.designation || !('references' in page.designation)) throw new Error('the designation is missing');
    expect(await trail(page.designation.references![0].id)).toEqual([['giveDesignationReference', 'SCHOOL_LEAD']]);
    const commitments = page.designation.releaseCommitments!;
    expect(commitments.map((c) => [c.academicYear, c.committedDays])).toEqual(expect.arrayContaining([[thisYear, 6], [nextYear, 4]]));
    for (const c of commitments) {
      expect(await trail(c.id)).toEqual([['setReleaseCommitment', c.academicYear === thisYear ? 'SCHOOL_LEAD' : 'ALLIANCE_ADMIN']]);
    }
    const statuses = (await ok(AuditEventsDocument, { filter: { objectId: designationId }, first: 50 }, coordinator)).auditEvents.edges
      .map((e) => e.node.changes.find((c) => c.field === 'status')?.after)
      .reverse();
    expect(statuses).toEqual(['"APPLIED"', '"SHORTLISTED"', '"ASSESSED"', '"APPROVED"', undefined, '"ACTIVE"']);
  });

  it("an application after the round's deadline is refused with CONFLICT", async () => {
    // A new round cannot have a past deadline: move this one's into the past as the database owner.
    await t.db.dataSource.query(
      `UPDATE recruitment_rounds SET details_sent_on = $1, application_deadline = $2, assessment_on = NULL, national_notification_on = NULL WHERE name = 'Primary SLE recruitment, round 1'`,
      [addDays(today, -10), addDays(today, -1)],
    );
    const rounds = await ok(RecruitmentRoundsDocument, {}, coordinator);
    expect(rounds.recruitmentRounds.edges[0].node.open).toBe(false);
    const error = await refused(SubmitDesignationApplicationDocument, { input: { type: 'SLE', roundId, areasOfExpertise: ['Maths'] } }, latePractitioner);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`deadline (${addDays(today, -1)}) has passed`);
    expect(await t.db.dataSource.query(`SELECT 1 FROM designations WHERE person_id = $1`, [late.id])).toEqual([]);
    // A paper application that arrived by the deadline is still recorded by the coordinator.
    const paper = await ok(
      SubmitDesignationApplicationDocument,
      { input: { type: 'SLE', roundId, personId: toGlobalId('Person', late.id), areasOfExpertise: ['Maths'], appliedOn: addDays(today, -2) } },
      coordinator,
    );
    expect(paper.submitDesignationApplication.designation).toMatchObject({ status: 'APPLIED', appliedOn: addDays(today, -2) });
  });

  // A date[] column comes back from node-postgres as Dates; the entity turns them back into days.
  it("reads back a round's training dates", async () => {
    await ok(
      CreateRecruitmentRoundDocument,
      { input: { name: 'Round with training', designationType: 'SLE', applicationDeadline: addDays(today, 10), trainingDates: [addDays(today, 20)], areas: [{ area: 'Maths', target: 1 }] } },
      coordinator,
    );
    const rounds = await ok(RecruitmentRoundsDocument, { filter: { open: true } }, coordinator);
    expect(rounds.recruitmentRounds.edges.map((e) => e.node.trainingDates)).toEqual([[addDays(today, 20)]]);
  });

  // Eligibility reads the whole staff record, not the columns the document happens to select of the person.
  it("gives an application's eligibility whatever else the document selects of the person", async () => {
    const result = await t.execute<{ designations: { edges: { node: { eligibility: { rule: string }[] } }[] } }, Record<string, unknown>>(
      `query($roundId: ID!) { designations(filter: { roundId: $roundId, statuses: [APPLIED] }) { edges { node { person { displayName } eligibility { rule } } } } }`,
      { roundId },
      { as: coordinator },
    );
    expect(result.errors).toBeUndefined();
    for (const { node } of result.data!.designations.edges) expect(node.eligibility.map((u) => u.rule).sort()).toEqual(['SLE_HEADTEACHER_REFERENCE', 'SLE_RELEASE_COMMITMENT']);
  });
});
