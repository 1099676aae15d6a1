import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { AuditEventsDocument, CompleteDesignationReviewDocument, DesignationPageDocument, DesignationsDirectoryDocument, UpdatePersonDocument } from '../../operations/generated/graphql';
import { englishDate } from '../../src/common/academic-year';
import { toGlobalId } from '../../src/common/global-id';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { DesignationStatus } from '../../src/modules/designations/designation-enums';
import { LeadershipLevel } from '../../src/modules/people/person-enums';
import { Person } from '../../src/modules/people/person.entity';
import { School } from '../../src/modules/schools/school.entity';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from '../factories';
import { createDesignation } from '../factories/designations';
import { createPerson, createUser, TestUser } from '../factories/users';
import { ExecuteResult, startTestServer, TestServer } from '../helpers/server';

/**
 * Issue 9, item 13: an active SLE moves school; the move opens a MOVED_SCHOOL review in its own
 * transaction; the coordinator completes the review with de-designation. Through the GraphQL API.
 */
describe('scenario: a review triggered by a move of school, completed with de-designation', () => {
  let t: TestServer;
  let alliance: Alliance;
  let from: School;
  let to: School;
  let coordinator: TestUser;
  let mover: Person;
  let designationId: string;
  const today = englishDate();
  const q = (sql: string, params: unknown[] = []) => t.db.dataSource.query(sql, params);

  async function ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, as: TestUser): Promise<T> {
    const result = await t.execute(document, variables, { as });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }
  const page = async (id: string) => {
    const { designation } = await ok(DesignationPageDocument, { id }, coordinator);
    if (!designation || !('status' in designation)) throw new Error('the designation is missing');
    return designation;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em, { name: 'Pathway Teaching School Alliance' });
    from = await createSchool(em, { name: 'Old School' });
    to = await createSchool(em, { name: 'New School' });
    await addMember(em, alliance, from);
    await addMember(em, alliance, to);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    mover = await createPerson(em, alliance, { givenName: 'Priya', familyName: 'Shah', schoolId: from.id, leadershipLevel: LeadershipLevel.SENIOR, inLeadershipSince: '2015-09-01' });
    designationId = toGlobalId('Designation', (await createDesignation(em, mover, { status: DesignationStatus.ACTIVE })).id);
  });
  afterAll(() => t.close());

  it("the coordinator moves the SLE to another school: a MOVED_SCHOOL review opens with the move, in the move's transaction", async () => {
    expect(await page(designationId)).toMatchObject({ status: 'ACTIVE', reviews: [] });
    const { updatePerson } = await ok(UpdatePersonDocument, { input: { id: toGlobalId('Person', mover.id), schoolId: toGlobalId('School', to.id) } }, coordinator);
    expect(updatePerson.person.school).toEqual({ urn: to.urn });

    const designation = await page(designationId);
    expect(designation.status).toBe('UNDER_REVIEW');
    expect(designation.reviews).toEqual([expect.objectContaining({ trigger: 'MOVED_SCHOOL', reason: 'moved school', openedOn: today, outcome: null, completedOn: null })]);
    expect(designation.nextMoves.map((m) => m.to).sort()).toEqual(['ACTIVE', 'DEDESIGNATED']);
    expect(designation.person).toMatchObject({ school: { urn: to.urn } });

    const trail = async (objectId: string) => (await ok(AuditEventsDocument, { filter: { objectId } }, coordinator)).auditEvents.edges.map((e) => e.node);
    const [designationEvent] = await trail(designationId);
    expect(designationEvent).toMatchObject({ action: 'startDesignationReview', actingRole: 'ALLIANCE_ADMIN' });
    expect(designationEvent.changes).toEqual([{ field: 'status', before: '"ACTIVE"', after: '"UNDER_REVIEW"' }]);
    const reviewId = designation.reviews![0].id;
    expect((await trail(reviewId)).map((e) => e.action)).toEqual(['startDesignationReview']);
    expect((await trail(toGlobalId('Person', mover.id))).map((e) => [e.action, e.changes.map((c) => c.field)])).toEqual([['updatePerson', ['schoolId']]]);

    // One transaction: the move, the designation's status, the review and the three audit rows share a transaction id.
    const xids = await q(
      `SELECT xmin::text AS xid FROM people WHERE id = $1
       UNION ALL SELECT xmin::text FROM designations WHERE person_id = $1
       UNION ALL SELECT xmin::text FROM designation_reviews WHERE designation_id IN (SELECT id FROM designations WHERE person_id = $1)
       UNION ALL SELECT xmin::text FROM audit_events WHERE action IN ('updatePerson', 'startDesignationReview')`,
      [mover.id],
    );
    expect(xids).toHaveLength(6);
    expect(new Set(xids.map((r: { xid: string }) => r.xid)).size).toBe(1);
  });

  it('the directory finds it under review', async () => {
    const { designations } = await ok(DesignationsDirectoryDocument, { filter: { statuses: ['UNDER_REVIEW'], schoolId: toGlobalId('School', to.id) } }, coordinator);
    expect(designations.edges.map((e) => e.node.id)).toEqual([designationId]);
  });

  it('the coordinator completes the review with de-designation: DEDESIGNATED, ended today', async () => {
    const { completeDesignationReview } = await ok(
      CompleteDesignationReviewDocument,
      { input: { designationId, outcome: 'DEDESIGNATED', notes: 'The new school cannot release her for SLE work' } },
      coordinator,
    );
    expect(completeDesignationReview.review).toMatchObject({ trigger: 'MOVED_SCHOOL', outcome: 'DEDESIGNATED', completedOn: today, outcomeNotes: 'The new school cannot release her for SLE work', nextReviewDueOn: null });
    expect(completeDesignationReview.designation).toMatchObject({ status: 'DEDESIGNATED', endedOn: today, endReason: 'The new school cannot release her for SLE work', nextMoves: [] });
    const audit = await ok(AuditEventsDocument, { filter: { objectId: designationId, actions: ['completeDesignationReview'] } }, coordinator);
    expect(audit.auditEvents.edges[0].node.changes).toEqual(expect.arrayContaining([{ field: 'status', before: '"UNDER_REVIEW"', after: '"DEDESIGNATED"' }]));
  });

  it('a failed move opens no review and leaves no audit row', async () => {
    const em = t.db.dataSource.manager;
    const other = await createPerson(em, alliance, { givenName: 'Tom', familyName: 'Reed', schoolId: from.id, leadershipLevel: LeadershipLevel.MIDDLE, inLeadershipSince: '2018-09-01' });
    const otherDesignation = toGlobalId('Designation', (await createDesignation(em, other, { status: DesignationStatus.ACTIVE })).id);
    const counts = async () => (await q(`SELECT (SELECT count(*) FROM designation_reviews)::int AS reviews, (SELECT count(*) FROM audit_events)::int AS audit`))[0];
    const before = await counts();
    const result: ExecuteResult<unknown> = await t.execute(
      UpdatePersonDocument,
      { input: { id: toGlobalId('Person', other.id), schoolId: toGlobalId('School', to.id), email: 'not an email' } },
      { as: coordinator },
    );
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'input.email']]);
    expect(await counts()).toEqual(before);
    expect(await page(otherDesignation)).toMatchObject({ status: 'ACTIVE', reviews: [], person: { school: { urn: from.urn } } });
  });
});
