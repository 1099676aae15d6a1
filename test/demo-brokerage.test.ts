import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DataSource } from 'typeorm';
import {
  BrokerageRequestDocument, CancelDeploymentDocument, CloseSupportRequestDocument, DeclineDeploymentDocument, DeploymentPageDocument, HeadDeploymentsDocument,
  HoldDeploymentDocument, OverdueVisitRecordsDocument, ResumeDeploymentDocument, SleOwnDeploymentsDocument, SupportRequestsDocument, UpdateDeploymentTermsDocument,
  UpdateSessionDocument, WithdrawSupportRequestDocument,
} from '../operations/generated/graphql';
import { signToken } from '../src/auth/tokens';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { DeploymentStatus } from '../src/modules/deployments/deployment-enums';
import { TEST_JWT_SECRET, TestUser } from './factories/users';
import { demoDatabases } from './helpers/demo';
import { startTestServer, TestServer } from './helpers/server';

/** Issue 10, item 11: each demo alliance's brokerage, and item 12: the alliance front end's documents run on it as each role. */
describe('the demo data: brokerage and deployments (issue 10, item 11)', () => {
  let t: TestServer;
  const sql = (text: string, params: unknown[] = []) => t.db.dataSource.query(text, params);
  const as = async (email: string): Promise<TestUser> => {
    const [row] = await sql('SELECT id, display_name AS "displayName" FROM users WHERE email = $1', [email]);
    return { user: row, token: await signToken(TEST_JWT_SECRET, row.id) } as TestUser;
  };
  async function ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, who: string): Promise<T> {
    const result = await t.execute(document, variables, { as: await as(who) });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }
  /** A deployment of an alliance by its supported school's URN and status. */
  const deploymentOf = async (slug: string, urn: string, status: string): Promise<string> => {
    const rows = await sql(
      `SELECT d.id FROM deployments d JOIN alliances a ON a.id = d.alliance_id JOIN schools s ON s.id = d.supported_school_id WHERE a.slug = $1 AND s.urn = $2 AND d.status = $3`,
      [slug, urn, status],
    );
    expect(rows).toHaveLength(1);
    return toGlobalId('Deployment', rows[0].id);
  };

  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  it('has deployments in every status, with signatures on paper and voided, and sessions of every kind', async () => {
    const statuses: { status: string }[] = await sql(`SELECT DISTINCT status::text FROM deployments ORDER BY 1`);
    expect(statuses.map((s) => s.status)).toEqual(Object.values(DeploymentStatus).sort());
    const signatures = await sql(`SELECT count(*) FILTER (WHERE recorded_by_coordinator)::int AS paper, count(*) FILTER (WHERE s.terms_version < d.terms_version)::int AS void
                                    FROM deployment_signatures s JOIN deployments d ON d.id = s.deployment_id`);
    expect(signatures[0].paper).toBeGreaterThan(0);
    expect(signatures[0].void).toBeGreaterThan(0);
    const sessions: { length: string; status: string }[] = await sql(`SELECT DISTINCT length::text, status::text FROM deployment_sessions`);
    expect(new Set(sessions.map((s) => s.length))).toEqual(new Set(['FULL_DAY', 'HALF_DAY', 'HOURS']));
    expect(new Set(sessions.map((s) => s.status))).toEqual(new Set(['PLANNED', 'DELIVERED', 'CANCELLED']));
    // Everything agreed has the four parties' signatures of its current terms.
    const unsigned = await sql(`SELECT d.id FROM deployments d WHERE d.agreed_on IS NOT NULL AND
      (SELECT count(DISTINCT party) FROM deployment_signatures s WHERE s.deployment_id = d.id AND s.terms_version = d.terms_version) < 4`);
    expect(unsigned).toEqual([]);
    // Sessions only while the deployment ran, and a delivered one never in the future.
    const misplaced = await sql(`SELECT x.id FROM deployment_sessions x JOIN deployments d ON d.id = x.deployment_id
      WHERE x.held_on NOT BETWEEN d.starts_on AND d.ends_on OR (x.status = 'DELIVERED' AND x.held_on > current_date) OR (x.status = 'PLANNED' AND x.held_on < current_date)`);
    expect(misplaced).toEqual([]);
  });

  it('runs Fusion’s commissioning: five commissioner types, the 2-day diagnostic and half a day a week for two terms', async () => {
    const types: { type: string }[] = await sql(`SELECT DISTINCT r.commissioner_type::text AS type FROM support_requests r JOIN alliances a ON a.id = r.alliance_id WHERE a.slug = 'fusion' ORDER BY 1`);
    expect(types.map((r) => r.type)).toEqual(['ACADEMY_TRUST', 'DFE', 'DIOCESE', 'LOCAL_AUTHORITY', 'SCHOOL']);
    const models: { model: string }[] = await sql(`SELECT DISTINCT d.model::text FROM deployments d JOIN alliances a ON a.id = d.alliance_id WHERE a.slug = 'fusion'`);
    expect(models.map((m) => m.model)).toEqual(expect.arrayContaining(['DIAGNOSTIC_TWO_DAYS', 'HALF_DAY_WEEKLY_TWO_TERMS']));
    const { supportRequests } = await ok(SupportRequestsDocument, { filter: { commissionerTypes: ['LOCAL_AUTHORITY'] } }, 'coordinator@fusion.demo');
    expect(supportRequests.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ commissionerLaCode: '919', commissionerName: 'Hertfordshire County Council' }));
  });

  it('runs Forest’s tariff and its review: £375 a full day, £200 a half day, and a NONE rating with the designation under review', async () => {
    const full = await ok(DeploymentPageDocument, { id: await deploymentOf('forest', '990032', 'ACTIVE') }, 'coordinator@forest.demo');
    expect(full.deployment).toMatchObject({ cost: { totalPence: 37500, brokerageFeePence: 5000, homeSchoolPence: 32500, deliveredDays: 1 } });
    const half = await ok(DeploymentPageDocument, { id: await deploymentOf('forest', '990034', 'ON_HOLD') }, 'coordinator@forest.demo');
    expect(half.deployment).toMatchObject({ cost: { totalPence: 20000, deliveredDays: 0.5 } });
    const none = await ok(DeploymentPageDocument, { id: await deploymentOf('forest', '990030', 'EVALUATED') }, 'coordinator@forest.demo');
    if (!none.deployment || !('evaluation' in none.deployment)) throw new Error('no deployment');
    expect(none.deployment.evaluation).toMatchObject({ rating: 'NONE', recordedByCoordinator: false });
    expect(none.deployment.designation).toMatchObject({ type: 'SLE', status: 'UNDER_REVIEW' });
    const [review] = await sql(`SELECT r.trigger::text FROM designation_reviews r JOIN deployments d ON d.designation_id = r.designation_id
      WHERE d.id = $1 AND r.completed_on IS NULL`, [fromGlobalId(none.deployment.id)!.id]);
    expect(review).toEqual({ trigger: 'NO_IMPACT_EVIDENCE' });
  });

  it('charges Romero’s £350 a day with £50 kept by the alliance', async () => {
    const { deployment } = await ok(DeploymentPageDocument, { id: await deploymentOf('romero', '990037', 'ACTIVE') }, 'coordinator@romero.demo');
    expect(deployment).toMatchObject({ cost: { totalPence: 35000, brokerageFeePence: 5000, homeSchoolPence: 30000 } });
    if (!deployment || !('signatures' in deployment)) throw new Error('no deployment');
    // The supported school's head has no account: the coordinator recorded their paper signature.
    expect(deployment.signatures).toContainEqual(expect.objectContaining({ party: 'SUPPORTED_HEADTEACHER', recordedByCoordinator: true, void: false }));
    expect(deployment.missingSignatures).toEqual([]);
  });

  it('gives Pathway’s LLE to a new headteacher', async () => {
    const rows = await sql(`SELECT r.designation_type::text AS type, dg.type::text AS held, p.job_title, p.given_name FROM support_requests r
      JOIN alliances a ON a.id = r.alliance_id AND a.slug = 'pathway' JOIN deployments d ON d.support_request_id = r.id JOIN designations dg ON dg.id = d.designation_id
      JOIN people p ON p.school_id = r.supported_school_id AND p.alliance_id = a.id AND p.job_title = 'Headteacher' WHERE r.designation_type = 'LLE'`);
    expect(rows).toEqual([{ type: 'LLE', held: 'LLE', job_title: 'Headteacher', given_name: 'Joanna' }]);
  });

  it('flags overdue visit records for the coordinator', async () => {
    for (const slug of ['fusion', 'forest', 'pathway']) {
      const { overdueVisitRecords } = await ok(OverdueVisitRecordsDocument, { first: 20 }, `coordinator@${slug}.demo`);
      expect(overdueVisitRecords.totalCount).toBeGreaterThan(0);
      expect(overdueVisitRecords.edges.every((e) => e.node.visitRecordOverdue && e.node.visitRecordDueOn! < new Date().toISOString().slice(0, 10))).toBe(true);
    }
    const submitted = await sql(`SELECT count(*)::int AS n FROM deployment_sessions WHERE visit_record_submitted_on IS NOT NULL AND visit_record_submitted_on > visit_record_due_on`);
    expect(submitted[0].n).toBeGreaterThan(0);
  });

  it('runs the coordinator’s brokerage page on Forest’s open request: ranked matches, never the school’s own staff', async () => {
    const [request] = await sql(`SELECT r.id FROM support_requests r JOIN alliances a ON a.id = r.alliance_id WHERE a.slug = 'forest' AND r.status = 'OPEN'`);
    const data = await ok(BrokerageRequestDocument, { id: toGlobalId('SupportRequest', request.id), first: 5 }, 'coordinator@forest.demo');
    expect(data.supportRequest).toMatchObject({ status: 'OPEN', commissionerType: 'LOCAL_AUTHORITY' });
    expect(data.deployments.totalCount).toBe(0);
    expect(data.brokerMatches.length).toBeGreaterThan(0);
    const scores = data.brokerMatches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(data.brokerMatches[0].reasons.length).toBeGreaterThan(0);
    expect(data.brokerMatches.every((m) => m.designation.person?.school?.urn !== '990033')).toBe(true);
    // A matched request's page shows its deployments.
    const [matched] = await sql(`SELECT r.id FROM support_requests r JOIN alliances a ON a.id = r.alliance_id JOIN schools s ON s.id = r.supported_school_id WHERE a.slug = 'fusion' AND s.urn = '990016'`);
    const page = await ok(BrokerageRequestDocument, { id: toGlobalId('SupportRequest', matched.id), first: 5 }, 'coordinator@fusion.demo');
    expect(page.supportRequest).toMatchObject({ status: 'MATCHED' });
    expect(page.deployments.edges.map((e) => e.node)).toEqual([expect.objectContaining({ status: 'ACTIVE', model: 'HALF_DAY_WEEKLY_TWO_TERMS' })]);
  });

  it.each(['romero', 'forest', 'fusion', 'pathway'])('runs the SLE’s own page for sle@%s.demo: their deployments, sessions and capacity', async (slug) => {
    const data = await ok(SleOwnDeploymentsDocument, { first: 20 }, `sle@${slug}.demo`);
    expect(data.deployments.totalCount).toBeGreaterThan(0);
    const [me] = await sql(`SELECT m.person_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [`sle@${slug}.demo`]);
    expect(data.deployments.edges.every((e) => e.node.systemLeader?.id === toGlobalId('Person', me.person_id))).toBe(true);
    expect(data.deployments.edges.some((e) => e.node.sessions.length > 0)).toBe(true);
    const capacity = data.designations.edges.map((e) => e.node.capacity).filter(Boolean);
    expect(capacity.length).toBeGreaterThan(0);
    expect(capacity[0]!.committedDays).toBeGreaterThan(0);
  });

  it.each([
    ['romero', 'into'], ['forest', 'into'], ['fusion', 'into'], ['pathway', 'into'],
  ])('runs the head’s view for head@%s.demo: deployments %s their school', async (slug, which) => {
    const [membership] = await sql(`SELECT m.school_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [`head@${slug}.demo`]);
    const data = await ok(HeadDeploymentsDocument, { schoolId: toGlobalId('School', membership.school_id), first: 20 }, `head@${slug}.demo`);
    expect(data[which as 'into'].totalCount).toBeGreaterThan(0);
    expect(data.requests.totalCount).toBeGreaterThan(0);
    for (const e of data.into.edges) expect(e.node.supportedSchool.id).toBe(toGlobalId('School', membership.school_id));
    for (const e of data.from.edges) expect(e.node.homeSchool?.id).toBe(toGlobalId('School', membership.school_id));
  });

  it('shows the supported head what waits for their signature (Romero) and the evaluation they gave (Forest)', async () => {
    const [romero] = await sql(`SELECT m.school_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'head@romero.demo'`);
    const { into } = await ok(HeadDeploymentsDocument, { schoolId: toGlobalId('School', romero.school_id), first: 20 }, 'head@romero.demo');
    expect(into.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ status: 'PROPOSED', missingSignatures: expect.arrayContaining(['SUPPORTED_HEADTEACHER']) }));
    const [forest] = await sql(`SELECT m.school_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'head@forest.demo'`);
    const seen = await ok(HeadDeploymentsDocument, { schoolId: toGlobalId('School', forest.school_id), first: 20 }, 'head@forest.demo');
    expect(seen.into.edges.map((e) => e.node.evaluation)).toContainEqual(expect.objectContaining({ rating: 'NONE', evaluatedByName: 'Forest Learning Alliance head' }));
  });

  it('writes no audit rows', async () => {
    expect(await sql(`SELECT 1 FROM audit_events`)).toEqual([]);
  });

  // Last: these change the demo rows the tests above read.
  it('runs the pages’ other moves as the coordinator: new terms void the signatures, decline, hold and resume, cancel, a session cancelled, requests closed and withdrawn', async () => {
    const proposed = await deploymentOf('fusion', '990021', 'PROPOSED');
    const before = await ok(DeploymentPageDocument, { id: proposed }, 'coordinator@fusion.demo');
    if (!before.deployment || !('termsVersion' in before.deployment)) throw new Error('no deployment');
    const { updateDeploymentTerms } = await ok(UpdateDeploymentTermsDocument, { input: { deploymentId: proposed, terms: { plannedDays: 7 } } }, 'coordinator@fusion.demo');
    expect(updateDeploymentTerms.deployment).toMatchObject({ termsVersion: before.deployment.termsVersion + 1, plannedDays: 7 });
    expect(updateDeploymentTerms.deployment.signatures.every((x) => x.void)).toBe(true);
    expect(updateDeploymentTerms.deployment.missingSignatures).toHaveLength(4);

    const declined = await ok(DeclineDeploymentDocument, { input: { deploymentId: await deploymentOf('romero', '990009', 'PROPOSED'), reason: 'The school found support in its trust.' } }, 'coordinator@romero.demo');
    expect(declined.declineDeployment.deployment).toMatchObject({ status: 'DECLINED', statusReason: 'The school found support in its trust.' });

    const active = await deploymentOf('forest', '990032', 'ACTIVE');
    const held = await ok(HoldDeploymentDocument, { input: { deploymentId: active, reason: 'SATs week.' } }, 'coordinator@forest.demo');
    expect(held.holdDeployment.deployment).toMatchObject({ status: 'ON_HOLD' });
    const resumed = await ok(ResumeDeploymentDocument, { input: { deploymentId: active } }, 'coordinator@forest.demo');
    expect(resumed.resumeDeployment.deployment).toMatchObject({ status: 'ACTIVE' });

    const cancelled = await ok(CancelDeploymentDocument, { input: { deploymentId: await deploymentOf('fusion', '990019', 'AGREED'), reason: 'The diocese withdrew the funding.' } }, 'coordinator@fusion.demo');
    expect(cancelled.cancelDeployment.deployment).toMatchObject({ status: 'CANCELLED', sessions: expect.any(Array) });

    const pathway = await ok(DeploymentPageDocument, { id: await deploymentOf('pathway', '990023', 'ACTIVE') }, 'coordinator@pathway.demo');
    if (!pathway.deployment || !('sessions' in pathway.deployment)) throw new Error('no deployment');
    const planned = pathway.deployment.sessions.find((x) => x.status === 'PLANNED')!;
    const { updateSession } = await ok(UpdateSessionDocument, { input: { sessionId: planned.id, status: 'CANCELLED', notes: 'The school closed for snow.' } }, 'coordinator@pathway.demo');
    expect(updateSession.session).toMatchObject({ status: 'CANCELLED', notes: 'The school closed for snow.' });

    const [open] = await sql(`SELECT r.id FROM support_requests r JOIN alliances a ON a.id = r.alliance_id WHERE a.slug = 'forest' AND r.status = 'OPEN'`);
    const closed = await ok(CloseSupportRequestDocument, { input: { supportRequestId: toGlobalId('SupportRequest', open.id), reason: 'Met by the LA’s own adviser.' } }, 'coordinator@forest.demo');
    expect(closed.closeSupportRequest.supportRequest).toMatchObject({ status: 'CLOSED', closeReason: 'Met by the LA’s own adviser.' });
    const [brokering] = await sql(`SELECT r.id FROM support_requests r JOIN alliances a ON a.id = r.alliance_id WHERE a.slug = 'romero' AND r.status = 'BROKERING'`);
    const withdrawn = await ok(WithdrawSupportRequestDocument, { input: { supportRequestId: toGlobalId('SupportRequest', brokering.id), reason: 'The diocese withdrew it.' } }, 'coordinator@romero.demo');
    expect(withdrawn.withdrawSupportRequest.supportRequest).toMatchObject({ status: 'WITHDRAWN' });
  });
});

describe('the brokerage demo, loaded twice and on other days', () => {
  const loaded = demoDatabases();
  /** Every brokerage row, ids replaced by what they point at. */
  const snapshot = (ds: DataSource) =>
    ds.query(
      `SELECT a.slug, s.urn, to_jsonb(r) - 'id' - 'alliance_id' - 'commissioner_school_id' - 'supported_school_id' - 'area_ids' - 'created_by_user_id' - 'created_at' - 'updated_at' AS request,
              (SELECT json_agg(json_build_object(
                 'row', to_jsonb(d) - 'id' - 'alliance_id' - 'support_request_id' - 'designation_id' - 'person_id' - 'home_school_id' - 'supported_school_id' - 'tariff_id'
                        - 'agreed_by_user_id' - 'evaluated_by_user_id' - 'created_at' - 'updated_at',
                 'who', (SELECT p.email FROM people p WHERE p.id = d.person_id),
                 'signatures', (SELECT json_agg(to_jsonb(x) - 'id' - 'alliance_id' - 'deployment_id' - 'signed_by_user_id' - 'recorded_by_user_id' - 'created_at' ORDER BY x.terms_version, x.party) FROM deployment_signatures x WHERE x.deployment_id = d.id),
                 'sessions', (SELECT json_agg(to_jsonb(x) - 'id' - 'alliance_id' - 'deployment_id' - 'logged_by_user_id' - 'visit_record_by_user_id' - 'created_at' - 'updated_at' ORDER BY x.held_on, x.length) FROM deployment_sessions x WHERE x.deployment_id = d.id)
               ) ORDER BY d.proposed_on) FROM deployments d WHERE d.support_request_id = r.id) AS deployments
         FROM support_requests r JOIN alliances a ON a.id = r.alliance_id JOIN schools s ON s.id = r.supported_school_id ORDER BY a.slug, r.received_on, s.urn, r.commissioner_name`,
    );

  it('gives the same rows (ids aside) for the same day', async () => {
    const [one, two] = [await loaded('2027-03-10'), await loaded('2027-03-10')];
    const rows = await snapshot(one);
    expect(rows.length).toBeGreaterThan(10);
    expect(await snapshot(two)).toEqual(rows);
  });

  it.each(['2026-09-02', '2029-08-31', '2040-01-01'])('loads on %s with every status and the rows the API could have made', async (today) => {
    const ds = await loaded(today);
    const statuses: { status: string }[] = await ds.query(`SELECT DISTINCT status::text FROM deployments ORDER BY 1`);
    expect(statuses.map((s) => s.status)).toEqual(Object.values(DeploymentStatus).sort());
    const wrong = await ds.query(
      `SELECT d.id FROM deployments d WHERE NOT (d.proposed_on <= coalesce(d.agreed_on, d.proposed_on) AND coalesce(d.agreed_on, d.proposed_on) <= coalesce(d.started_on, d.agreed_on, d.proposed_on)
         AND coalesce(d.started_on, d.proposed_on) <= coalesce(d.completed_on, d.started_on, d.proposed_on) AND coalesce(d.completed_on, d.proposed_on) <= coalesce(d.evaluated_on, d.completed_on, d.proposed_on)
         AND coalesce(d.evaluated_on, d.ended_on, d.proposed_on) <= $1::date)
         OR EXISTS (SELECT 1 FROM deployment_signatures s WHERE s.deployment_id = d.id AND (s.signed_on < d.proposed_on OR s.signed_on > coalesce(d.agreed_on, $1::date)))`,
      [today],
    );
    expect(wrong).toEqual([]);
  });
});
