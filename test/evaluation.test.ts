import { englishDate } from '../src/common/academic-year';
import { addDays } from '../src/common/dates';
import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DeploymentStatus } from '../src/modules/deployments/deployment-enums';
import { Deployment } from '../src/modules/deployments/deployment.entity';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { School } from '../src/modules/schools/school.entity';
import { SupportRequest } from '../src/modules/support-requests/support-request.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDeployment, createSupportRequest } from './factories/deployments';
import { createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { silentLogger, startTestServer, TestServer } from './helpers/server';

/** Issue 10, item 9: the supported head's evaluation; EVALUATED needs one; NONE opens a review of the designation. */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const today = englishDate();

const EVALUATE = `mutation($input: EvaluateDeploymentInput!) {
  evaluateDeployment(input: $input) {
    deployment { id status version evaluation { rating evidence evaluatedOn evaluatedByName recordedByCoordinator } }
    review { id trigger reason openedOn }
  }
}`;
const EVALUATION = `query($id: ID!) { node(id: $id) { ... on Deployment { status evaluation { rating } } } }`;

describe('evaluateDeployment', () => {
  let t: TestServer;
  let alliance: Alliance;
  let supported: School;
  let home: School;
  let elsewhere: School;
  let request: SupportRequest;
  let coordinator: TestUser;
  let head: TestUser;
  let homeHead: TestUser;
  let otherHead: TestUser;
  let practitioner: TestUser;
  const em = () => t.db.dataSource.manager;
  const sql = <T = Data>(text: string, params: unknown[] = []): Promise<T[]> => t.db.dataSource.query(text, params);

  const run = (variables: Record<string, unknown>, as: TestUser) => t.execute<Data, Record<string, unknown>>(EVALUATE, variables, { as });
  const ok = async (input: Record<string, unknown>, as: TestUser): Promise<Data> => {
    const result = await run({ input }, as);
    expect(result.errors).toBeUndefined();
    return result.data!.evaluateDeployment;
  };
  const refused = async (input: Record<string, unknown>, as: TestUser) => {
    const result = await run({ input }, as);
    expect(result.errors).toHaveLength(1);
    return result.errors![0] as { message: string; extensions: Record<string, unknown> };
  };
  const counts = async () =>
    (await sql(`SELECT (SELECT count(*)::int FROM designation_reviews WHERE alliance_id = $1) AS reviews, (SELECT count(*)::int FROM audit_events WHERE alliance_id = $1) AS audits,
      (SELECT string_agg(status || ':' || version, ',' ORDER BY id) FROM deployments WHERE alliance_id = $1) AS deployments, (SELECT string_agg(status || ':' || version, ',' ORDER BY id) FROM designations WHERE alliance_id = $1) AS designations`, [alliance.id]))[0];

  /** An ACTIVE SLE at the home school with a deployment into the supported school, COMPLETED unless told otherwise. */
  async function deployment(overrides: Partial<Deployment> = {}, designationOverrides: Partial<Designation> = {}) {
    const person = await createPerson(em(), alliance, { schoolId: home.id });
    const designation = await createDesignation(em(), person, { status: DesignationStatus.ACTIVE, ...designationOverrides });
    const d = await createDeployment(em(), request, designation, home.id, { status: DeploymentStatus.COMPLETED, startedOn: '2025-09-15', completedOn: '2026-03-31', ...overrides });
    return { designation, deployment: d, id: toGlobalId('Deployment', d.id), designationId: toGlobalId('Designation', designation.id) };
  }
  const input = (id: string, extra: Record<string, unknown> = {}) => ({ deploymentId: id, rating: 'SOME', evidence: 'Maths results up 8 points', evaluatedOn: '2026-04-20', ...extra });

  beforeAll(async () => {
    t = await startTestServer();
    alliance = await createAlliance(em());
    supported = await createSchool(em());
    home = await createSchool(em());
    elsewhere = await createSchool(em());
    for (const school of [supported, home, elsewhere]) await addMember(em(), alliance, school);
    request = await createSupportRequest(em(), alliance, supported);
    coordinator = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: supported }] });
    homeHead = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: home }] });
    otherHead = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: elsewhere }] });
    const person = await createPerson(em(), alliance, { schoolId: home.id });
    practitioner = await createUser(em(), { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
  });
  afterAll(() => t.close());

  it("takes the supported head's rating and evidence as theirs: COMPLETED → EVALUATED, audited, no review", async () => {
    const { id, designation } = await deployment();
    const before = await t.execute<Data, Record<string, unknown>>(EVALUATION, { id }, { as: head });
    expect(before.data!.node).toEqual({ status: 'COMPLETED', evaluation: null });
    const data = await ok(input(id, { expectedVersion: 1 }), head);
    expect(data.deployment).toMatchObject({
      status: 'EVALUATED', version: 2,
      evaluation: { rating: 'SOME', evidence: 'Maths results up 8 points', evaluatedOn: '2026-04-20', evaluatedByName: head.user.displayName, recordedByCoordinator: false },
    });
    expect(data.review).toBeNull();
    expect(await sql(`SELECT evaluated_by_user_id, evaluation_recorded_by_coordinator FROM deployments WHERE designation_id = $1`, [designation.id])).toEqual([
      { evaluated_by_user_id: head.user.id, evaluation_recorded_by_coordinator: false },
    ]);
    expect(await sql(`SELECT action, object_type, actor_user_id FROM audit_events WHERE object_id IN (SELECT id FROM deployments WHERE designation_id = $1)`, [designation.id])).toEqual([
      { action: 'evaluateDeployment', object_type: 'Deployment', actor_user_id: head.user.id },
    ]);
    expect((await sql(`SELECT status FROM designations WHERE id = $1`, [designation.id]))[0].status).toBe('ACTIVE');
  });

  it('lets the coordinator record an evaluation given on paper, naming who gave it, and says so', async () => {
    const { id } = await deployment();
    const data = await ok(input(id, { rating: 'TOO_EARLY', evaluatorName: 'Mrs J. Okafor (headteacher)' }), coordinator);
    expect(data.deployment.evaluation).toEqual({ rating: 'TOO_EARLY', evidence: 'Maths results up 8 points', evaluatedOn: '2026-04-20', evaluatedByName: 'Mrs J. Okafor (headteacher)', recordedByCoordinator: true });
  });

  it('(rule) NONE opens a NO_IMPACT_EVIDENCE review of the designation in the same transaction, with its audit rows, though the head may not touch the designation', async () => {
    const { id, designation, designationId } = await deployment();
    const data = await ok(input(id, { rating: 'NONE', evidence: 'No change in outcomes' }), head);
    expect(data.deployment.evaluation.rating).toBe('NONE');
    // The review is the coordinator's and the holder's head's to read, not the supported head's.
    expect(data.review).toBeNull();
    expect(await sql(`SELECT status, version FROM designations WHERE id = $1`, [designation.id])).toEqual([{ status: 'UNDER_REVIEW', version: 2 }]);
    const reviews = await sql(`SELECT id, trigger, reason, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, opened_by_user_id, deployment_id FROM designation_reviews WHERE designation_id = $1`, [designation.id]);
    expect(reviews).toEqual([{ id: expect.any(String), trigger: 'NO_IMPACT_EVIDENCE', reason: `no impact: the deployment to ${supported.name} was rated NONE on 2026-04-20`, opened_on: today, opened_by_user_id: null, deployment_id: expect.any(String) }]);
    expect(await sql(`SELECT action, object_type, actor_user_id, acting_role, changes FROM audit_events WHERE object_id IN ($1, $2) ORDER BY object_type`, [designation.id, reviews[0].id])).toEqual([
      { action: 'startDesignationReview', object_type: 'Designation', actor_user_id: head.user.id, acting_role: 'SCHOOL_LEAD', changes: [{ field: 'status', before: '"ACTIVE"', after: '"UNDER_REVIEW"' }] },
      { action: 'startDesignationReview', object_type: 'DesignationReview', actor_user_id: head.user.id, acting_role: 'SCHOOL_LEAD', changes: expect.arrayContaining([{ field: 'trigger', before: null, after: '"NO_IMPACT_EVIDENCE"' }]) },
    ]);
    const seen = await t.execute<Data, Record<string, unknown>>(`query($id: ID!) { node(id: $id) { ... on Designation { status reviews { trigger } } } }`, { id: designationId }, { as: coordinator });
    expect(seen.data!.node).toEqual({ status: 'UNDER_REVIEW', reviews: [{ trigger: 'NO_IMPACT_EVIDENCE' }] });

    // Recorded by the coordinator, the payload carries the review.
    const second = await deployment();
    const recorded = await ok(input(second.id, { rating: 'NONE', evaluatorName: 'Governors' }), coordinator);
    expect(recorded.review).toMatchObject({ trigger: 'NO_IMPACT_EVIDENCE', openedOn: today });
  });

  it('(rule) opens no second review when one is open, and none for a designation that has ended', async () => {
    const open = await deployment();
    await sql(`UPDATE designations SET status = 'UNDER_REVIEW' WHERE id = $1`, [open.designation.id]);
    await sql(`INSERT INTO designation_reviews (alliance_id, designation_id, trigger, reason, opened_on) VALUES ($1, $2, 'PERIODIC', 'due', '2026-01-01')`, [alliance.id, open.designation.id]);
    expect((await ok(input(open.id, { rating: 'NONE' }), head)).deployment.status).toBe('EVALUATED');
    expect(await sql(`SELECT trigger FROM designation_reviews WHERE designation_id = $1`, [open.designation.id])).toEqual([{ trigger: 'PERIODIC' }]);

    const ended = await deployment({}, { status: DesignationStatus.RESIGNED, endedOn: '2026-04-01' });
    expect((await ok(input(ended.id, { rating: 'NONE' }), head)).review).toBeNull();
    expect(await sql(`SELECT status FROM designations WHERE id = $1`, [ended.designation.id])).toEqual([{ status: 'RESIGNED' }]);
    expect(await sql(`SELECT 1 FROM designation_reviews WHERE designation_id = $1`, [ended.designation.id])).toEqual([]);
  });

  it('(rule) EVALUATED needs an evaluation: the table refuses one without a rating or a date', async () => {
    const { deployment: d } = await deployment();
    await expect(sql(`UPDATE deployments SET status = 'EVALUATED' WHERE id = $1`, [d.id])).rejects.toThrow(/deployments_evaluated/);
    await expect(sql(`UPDATE deployments SET status = 'EVALUATED', impact_rating = 'SOME' WHERE id = $1`, [d.id])).rejects.toThrow(/deployments_evaluated/);
    await sql(`UPDATE deployments SET status = 'EVALUATED', impact_rating = 'SOME', evaluated_on = '2026-04-20' WHERE id = $1`, [d.id]);
    await expect(sql(`UPDATE deployments SET impact_rating = NULL WHERE id = $1`, [d.id])).rejects.toThrow(/deployments_evaluated/);
  });

  it('refuses bad input naming the field, the wrong state naming both, and the wrong person; nothing is half-written', async () => {
    const { id } = await deployment();
    const active = await deployment({ status: DeploymentStatus.ACTIVE, completedOn: null });
    const before = await counts();
    expect((await refused(input(id, { evidence: '   ' }), head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence' });
    expect((await refused(input(id, { rating: 'NONE', evidence: '' }), head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence' });
    expect((await refused(input(id), coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluatorName' });
    expect((await refused(input(id, { evaluatorName: 'Someone else' }), head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluatorName' });
    expect((await refused(input(id, { evaluatedOn: addDays(today, 1) }), head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluatedOn' });
    expect((await refused(input(id, { evaluatedOn: '2026-03-30' }), head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluatedOn' });
    expect((await refused(input(id, { expectedVersion: 7 }), head)).extensions).toMatchObject({ code: 'CONFLICT' });
    const early = await refused(input(active.id, { rating: 'NONE' }), head);
    expect(early.extensions.code).toBe('CONFLICT');
    expect(early.message).toContain('from ACTIVE to EVALUATED');
    expect((await refused(input(id), homeHead)).extensions.code).toBe('FORBIDDEN');
    expect((await refused(input(id), otherHead)).extensions.code).toBe('NOT_FOUND');
    expect((await refused(input(id), practitioner)).extensions.code).toBe('FORBIDDEN');
    expect((await refused(input(toGlobalId('Deployment', '00000000-0000-4000-8000-000000000000')), head)).extensions.code).toBe('NOT_FOUND');
    expect((await refused(input(toGlobalId('Designation', active.designation.id)), head)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deploymentId' });
    expect(await counts()).toEqual(before);

    // A second evaluation is a move from EVALUATED, which the lifecycle has not got.
    await ok(input(id, { rating: 'NONE' }), head);
    const after = await counts();
    const again = await refused(input(id, { rating: 'SIGNIFICANT' }), head);
    expect(again.extensions.code).toBe('CONFLICT');
    expect(again.message).toContain('from EVALUATED to EVALUATED');
    expect(await counts()).toEqual(after);
  });

  describe('open_no_impact_review, the way past the second wall', () => {
    /** A request's own transaction as the runtime role, rolled back at the end. */
    async function asRequest(user: TestUser, work: (query: (text: string, params: unknown[]) => Promise<Data[]>) => Promise<void>) {
      const ctx = await t.server.createContext({ requestId: 'evaluation', log: silentLogger, authorization: `Bearer ${user.token}` });
      try {
        await work((text, params) => ctx.em.query(text, params));
      } finally {
        await ctx.end(false);
      }
    }
    const OPEN = `SELECT * FROM open_no_impact_review($1)`;

    it('refuses a head a deployment not rated NONE, not evaluated, or not into their school; and the head cannot update the designation themself', async () => {
      const some = await deployment({ status: DeploymentStatus.EVALUATED, impactRating: 'SOME' as never, impactEvidence: 'x', evaluatedOn: '2026-04-20' });
      const completed = await deployment();
      const none = await deployment({ status: DeploymentStatus.EVALUATED, impactRating: 'NONE' as never, impactEvidence: 'x', evaluatedOn: '2026-04-20' });
      for (const d of [some, completed]) {
        await asRequest(head, async (query) => {
          await expect(query(OPEN, [d.deployment.id])).rejects.toThrow(/only a deployment evaluated with no impact opens a review/);
        });
      }
      await asRequest(otherHead, async (query) => {
        await expect(query(OPEN, [none.deployment.id])).rejects.toThrow(/no deployment of yours/);
      });
      await asRequest(homeHead, async (query) => {
        await expect(query(OPEN, [none.deployment.id])).rejects.toThrow(/no deployment of yours/);
      });
      await asRequest(practitioner, async (query) => {
        await expect(query(OPEN, [none.deployment.id])).rejects.toThrow(/no deployment of yours/);
      });
      // Directly, the wall holds: the supported head changes no row of the designation.
      await asRequest(head, async (query) => {
        expect(await query(`UPDATE designations SET status = 'UNDER_REVIEW' WHERE id = $1 RETURNING id`, [some.designation.id])).toEqual([[], 0]);
      });
      for (const d of [some, completed, none]) expect(await sql(`SELECT status FROM designations WHERE id = $1`, [d.designation.id])).toEqual([{ status: 'ACTIVE' }]);
    });

    it('opens one review per deployment rated NONE, however often it is called', async () => {
      const none = await deployment({ status: DeploymentStatus.EVALUATED, impactRating: 'NONE' as never, impactEvidence: 'x', evaluatedOn: '2026-04-20' });
      const ctx = await t.server.createContext({ requestId: 'evaluation', log: silentLogger, authorization: `Bearer ${head.token}` });
      expect(await ctx.em.query(OPEN, [none.deployment.id])).toHaveLength(1);
      await ctx.end(true);
      // Completed and continued: the same rating does not open it again.
      await sql(`UPDATE designation_reviews SET outcome = 'CONTINUED', completed_on = current_date WHERE designation_id = $1`, [none.designation.id]);
      await sql(`UPDATE designations SET status = 'ACTIVE' WHERE id = $1`, [none.designation.id]);
      await asRequest(coordinator, async (query) => {
        expect(await query(OPEN, [none.deployment.id])).toEqual([]);
      });
      expect(await sql(`SELECT trigger FROM designation_reviews WHERE designation_id = $1`, [none.designation.id])).toEqual([{ trigger: 'NO_IMPACT_EVIDENCE' }]);
    });
  });
});
