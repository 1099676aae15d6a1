import { englishDate } from '../src/common/academic-year';
import { addDays } from '../src/common/dates';
import { fromGlobalId, toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { DeploymentStatus, SessionLength, SessionStatus } from '../src/modules/deployments/deployment-enums';
import { Deployment } from '../src/modules/deployments/deployment.entity';
import { addWorkingDays, isWorkingDay, visitRecordDueOn } from '../src/modules/deployments/working-days';
import { School } from '../src/modules/schools/school.entity';
import { SupportRequest } from '../src/modules/support-requests/support-request.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDeployment, createSession, createSupportRequest } from './factories/deployments';
import { createDesignation } from './factories/designations';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, Data, startTestServer, TestServer } from './helpers/server';

/** Issue 10, item 7: sessions and visit records through the GraphQL API, each rule able to fail when it goes. */

const today = englishDate();

const LOG = `mutation($input: LogSessionInput!) { logSession(input: $input) { session { id status length hours days heldOn visitRecordDueOn visitRecordOverdue version visitRecord { summary } } deployment { id status } } }`;
const UPDATE = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { session { id status heldOn notes visitRecordDueOn version } } }`;
const VISIT = `mutation($input: SubmitVisitRecordInput!) { submitVisitRecord(input: $input) { session { id version visitRecordOverdue visitRecord { summary nextSteps submittedOn submittedLate } } } }`;
const OVERDUE = `query($first: Int, $after: String) { overdueVisitRecords(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id visitRecordDueOn visitRecordOverdue deployment { id } } } } }`;

describe('working days in England (date-holidays, GB-ENG)', () => {
  it('skips weekends and bank holidays, substitute days included, observances not', () => {
    expect(isWorkingDay('2025-12-25')).toBe(false);
    expect(isWorkingDay('2025-12-26')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day 2026 is a Saturday: the Monday is the bank holiday
    expect(isWorkingDay('2026-03-16')).toBe(true); // the day after Mother's Day, an observance
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-01-03')).toBe(false); // a Saturday
  });

  it('counts 5 working days after a session across Christmas and Easter, 2025 and 2026', () => {
    expect(visitRecordDueOn('2025-10-06')).toBe('2025-10-13'); // an ordinary Monday
    expect(visitRecordDueOn('2025-12-19')).toBe('2025-12-30'); // over Christmas and Boxing Day
    expect(visitRecordDueOn('2025-12-24')).toBe('2026-01-05'); // and New Year's Day
    expect(visitRecordDueOn('2025-04-17')).toBe('2025-04-28'); // over Good Friday and Easter Monday 2025
    expect(visitRecordDueOn('2026-04-01')).toBe('2026-04-10'); // over Easter 2026
    expect(visitRecordDueOn('2026-12-23')).toBe('2027-01-04'); // over the substitute Boxing Day and New Year 2027
    expect(visitRecordDueOn('2026-05-22')).toBe('2026-06-01'); // over the spring bank holiday
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-01'); // the summer bank holiday, 31 August 2026
  });
});

describe('sessions and visit records', () => {
  let t: TestServer;
  let alliance: Alliance;
  let home: School;
  let supported: School;
  let coordinator: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let supportedHead: TestUser;
  let homeHead: TestUser;
  let designation: Designation;
  let request: SupportRequest;
  let active: Deployment;

  const { run, ok, refused } = callsAs(() => t);
  const count = async (table: string) => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE alliance_id = $1`, [alliance.id]))[0].n as number;
  const snapshot = async () => ({
    tables: await Promise.all(['deployment_sessions', 'audit_events'].map(count)),
    sessions: await t.db.dataSource.query(`SELECT id, status, held_on::text, version, visit_summary, visit_record_due_on::text FROM deployment_sessions WHERE alliance_id = $1 ORDER BY id`, [alliance.id]),
  });
  const did = (d: Deployment) => toGlobalId('Deployment', d.id);
  const deployment = (overrides: Partial<Deployment> = {}) =>
    createDeployment(t.db.dataSource.manager, request, designation, home.id, { status: DeploymentStatus.ACTIVE, startsOn: '2025-09-15', endsOn: addDays(today, 90), ...overrides });
  const log = (d: Deployment, input: Record<string, unknown> = {}, as = leader) => run(LOG, { input: { deploymentId: did(d), heldOn: '2025-12-19', length: 'FULL_DAY', ...input } }, as);
  const logged = async (d: Deployment, input: Record<string, unknown> = {}, as = leader): Promise<Data> => {
    const result = await log(d, input, as);
    expect(result.errors).toBeUndefined();
    return result.data!.logSession.session;
  };

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em);
    home = await createSchool(em);
    supported = await createSchool(em);
    await addMember(em, alliance, home);
    const person = await createPerson(em, alliance, { schoolId: home.id });
    const otherPerson = await createPerson(em, alliance, { schoolId: home.id });
    designation = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
    await createDesignation(em, otherPerson, { status: DesignationStatus.ACTIVE });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    leader = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person }] });
    otherLeader = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: otherPerson }] });
    supportedHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: supported }] });
    homeHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: home }] });
    request = await createSupportRequest(em, alliance, supported);
    active = await deployment();
  });
  afterAll(() => t.close());

  describe('logging a session', () => {
    it('the system leader logs a planned full day, half day and hours, each with its length in days', async () => {
      const full = await logged(active, { heldOn: addDays(today, 7), notes: 'Planning meeting' });
      expect(full).toMatchObject({ status: 'PLANNED', length: 'FULL_DAY', hours: null, days: 1, visitRecordDueOn: null, visitRecordOverdue: false, visitRecord: null, version: 1 });
      expect((await logged(active, { length: 'HALF_DAY', heldOn: addDays(today, 8) })).days).toBe(0.5);
      const hours = await logged(active, { length: 'HOURS', hours: 2, heldOn: addDays(today, 9) });
      expect(hours).toMatchObject({ hours: 2, days: 0.33 });
      const events = await t.db.dataSource.query(`SELECT action, object_type FROM audit_events WHERE object_id = $1`, [fromGlobalId(full.id)!.id]);
      expect(events).toEqual([{ action: 'logSession', object_type: 'DeploymentSession' }]);
    });

    it('hours pro rata on the tariff copied at agreement: 3 hours of a 5-hour day are 0.6 days', async () => {
      const fiveHourDays = await deployment();
      await t.db.dataSource.query(`UPDATE deployments SET tariff_hours_per_day = 5 WHERE id = $1`, [fiveHourDays.id]);
      expect((await logged(fiveHourDays, { length: 'HOURS', hours: 3 })).days).toBe(0.6);
    });

    it('a delivered session has its visit record due 5 working days in England after it', async () => {
      const session = await logged(active, { status: 'DELIVERED', heldOn: '2025-12-19' });
      expect(session).toMatchObject({ status: 'DELIVERED', visitRecordDueOn: '2025-12-30', visitRecordOverdue: true });
      const [row] = await t.db.dataSource.query(`SELECT delivered_on::text FROM deployment_sessions WHERE id = $1`, [fromGlobalId(session.id)!.id]);
      expect(row.delivered_on).toBe(today);
    });

    it('hours: required for HOURS, only for HOURS, more than 0 and at most 12; nothing is written when refused', async () => {
      const before = await snapshot();
      for (const hours of [0, -1, 12.5, 1.005]) {
        expect((await refused(LOG, { input: { deploymentId: did(active), heldOn: '2025-12-19', length: 'HOURS', hours } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.hours' });
      }
      expect((await refused(LOG, { input: { deploymentId: did(active), heldOn: '2025-12-19', length: 'HOURS' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.hours' });
      expect((await refused(LOG, { input: { deploymentId: did(active), heldOn: '2025-12-19', length: 'FULL_DAY', hours: 6 } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.hours' });
      expect(await snapshot()).toEqual(before);
      expect((await logged(active, { length: 'HOURS', hours: 12 })).days).toBe(2);
    });

    it('only on an AGREED or ACTIVE deployment: any other status is CONFLICT naming it, and nothing is written', async () => {
      const before = await snapshot();
      for (const status of [DeploymentStatus.PROPOSED, DeploymentStatus.CANCELLED, DeploymentStatus.DECLINED, DeploymentStatus.COMPLETED, DeploymentStatus.EVALUATED, DeploymentStatus.ON_HOLD]) {
        const d = await deployment({
          status,
          ...(status === DeploymentStatus.EVALUATED && { impactRating: 'SOME' as never, evaluatedOn: '2026-06-01' }),
          ...(status === DeploymentStatus.CANCELLED && { endedOn: '2025-12-01', statusReason: 'Budget' }),
        });
        const error = (await log(d, { heldOn: addDays(today, 1) })).errors![0];
        expect({ status, code: error.extensions?.code, named: error.message.includes(status) }).toEqual({ status, code: 'CONFLICT', named: true });
      }
      expect(await snapshot()).toEqual(before);
      const agreed = await deployment({ status: DeploymentStatus.AGREED });
      expect((await logged(agreed, { heldOn: addDays(today, 1) })).status).toBe('PLANNED');
    });

    it('a delivered session: only on an ACTIVE deployment, and never in the future', async () => {
      const agreed = await deployment({ status: DeploymentStatus.AGREED });
      const error = (await log(agreed, { status: 'DELIVERED' })).errors![0];
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.message).toContain('AGREED');
      expect((await refused(LOG, { input: { deploymentId: did(active), heldOn: addDays(today, 1), length: 'FULL_DAY', status: 'DELIVERED' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
      expect((await logged(active, { status: 'DELIVERED', heldOn: today })).status).toBe('DELIVERED');
      expect((await refused(LOG, { input: { deploymentId: did(active), heldOn: today, length: 'FULL_DAY', status: 'CANCELLED' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    });

    it("within the deployment's start and end", async () => {
      const d = await deployment({ startsOn: '2025-10-01', endsOn: addDays(today, 30) });
      for (const heldOn of ['2025-09-30', addDays(today, 31)]) {
        expect((await refused(LOG, { input: { deploymentId: did(d), heldOn, length: 'FULL_DAY' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
      }
      await logged(d, { heldOn: '2025-10-01' });
      await logged(d, { heldOn: addDays(today, 30) });
    });

    it('by the system leader or the coordinator: a head is FORBIDDEN, another system leader finds nothing', async () => {
      expect((await logged(active, { heldOn: addDays(today, 2) }, coordinator)).status).toBe('PLANNED');
      const before = await snapshot();
      expect((await log(active, {}, supportedHead)).errors![0].extensions?.code).toBe('FORBIDDEN');
      expect((await log(active, {}, homeHead)).errors![0].extensions?.code).toBe('FORBIDDEN');
      expect((await log(active, {}, otherLeader)).errors![0].extensions?.code).toBe('NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });

    it('the second wall alone refuses a session written by a head or by another system leader', async () => {
      const attempt = (role: string, setting: string) =>
        t.db.dataSource.transaction(async (em) => {
          await em.query(`SELECT set_config('role', 'alliance_graph_api', true), set_config('app.alliance_id', $1, true), set_config('app.role', $2, true), ${setting}`, [alliance.id, role]);
          await em.query(`INSERT INTO deployment_sessions (alliance_id, deployment_id, held_on, length) VALUES ($1, $2, $3, 'FULL_DAY')`, [alliance.id, active.id, today]);
        });
      const otherPersonId = (await t.db.dataSource.query(`SELECT person_id FROM memberships WHERE user_id = $1`, [otherLeader.user.id]))[0].person_id;
      await expect(attempt('SCHOOL_LEAD', `set_config('app.school_id', '${supported.id}', true)`)).rejects.toThrow(/row-level security/);
      await expect(attempt('PRACTITIONER', `set_config('app.person_id', '${otherPersonId}', true)`)).rejects.toThrow(/row-level security/);
      await attempt('PRACTITIONER', `set_config('app.person_id', '${designation.personId}', true)`);
    });
  });

  describe('changing a session', () => {
    it('marks a planned session delivered, with its due date; a delivered one never goes back', async () => {
      const session = await logged(active, { heldOn: '2026-04-01' });
      const delivered = (await ok(UPDATE, { input: { sessionId: session.id, status: 'DELIVERED', expectedVersion: 1 } }, leader)).updateSession.session;
      expect(delivered).toMatchObject({ status: 'DELIVERED', visitRecordDueOn: '2026-04-10', version: 2 });
      const before = await snapshot();
      for (const status of ['PLANNED', 'CANCELLED']) {
        expect((await refused(UPDATE, { input: { sessionId: session.id, status } }, leader)).extensions.code).toBe('CONFLICT');
      }
      expect(await snapshot()).toEqual(before);
      const events = await t.db.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [fromGlobalId(session.id)!.id]);
      expect(events.map((e: Data) => e.action)).toEqual(['logSession', 'updateSession']);
    });

    it('cancels a planned session, moves one, and refuses a stale version', async () => {
      const session = await logged(active, { heldOn: addDays(today, 3) });
      const moved = (await ok(UPDATE, { input: { sessionId: session.id, heldOn: addDays(today, 4), notes: 'Moved', expectedVersion: 1 } }, coordinator)).updateSession.session;
      expect(moved).toMatchObject({ heldOn: addDays(today, 4), notes: 'Moved', version: 2 });
      const stale = await refused(UPDATE, { input: { sessionId: session.id, status: 'CANCELLED', expectedVersion: 1 } }, leader);
      expect(stale.extensions.code).toBe('CONFLICT');
      expect(stale.message).toContain('version 1');
      expect((await ok(UPDATE, { input: { sessionId: session.id, status: 'CANCELLED', expectedVersion: 2 } }, leader)).updateSession.session.status).toBe('CANCELLED');
      expect((await refused(UPDATE, { input: { sessionId: session.id, status: 'DELIVERED' } }, leader)).extensions.code).toBe('CONFLICT');
    });

    it('a planned session dated in the future cannot be marked delivered, nor one outside the dates moved', async () => {
      const session = await logged(active, { heldOn: addDays(today, 5) });
      expect((await refused(UPDATE, { input: { sessionId: session.id, status: 'DELIVERED' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
      expect((await refused(UPDATE, { input: { sessionId: session.id, status: 'DELIVERED', heldOn: addDays(today, 1) } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
      expect((await refused(UPDATE, { input: { sessionId: session.id, heldOn: '2025-09-01' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
      expect((await ok(UPDATE, { input: { sessionId: session.id, status: 'DELIVERED', heldOn: today } }, leader)).updateSession.session.visitRecordDueOn).toBe(visitRecordDueOn(today));
    });

    it('on a deployment no longer active: CONFLICT naming its status', async () => {
      const d = await deployment();
      const session = await logged(d, { heldOn: addDays(today, 3) });
      await t.db.dataSource.query(`UPDATE deployments SET status = 'CANCELLED', ended_on = $2, status_reason = 'Budget' WHERE id = $1`, [d.id, today]);
      const error = await refused(UPDATE, { input: { sessionId: session.id, status: 'DELIVERED', heldOn: today } }, leader);
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toContain('CANCELLED');
    });

    it('a head may not change a session: FORBIDDEN, and nothing written', async () => {
      const session = await logged(active, { heldOn: addDays(today, 3) });
      const before = await snapshot();
      expect((await refused(UPDATE, { input: { sessionId: session.id, status: 'CANCELLED' } }, supportedHead)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(UPDATE, { input: { sessionId: session.id, status: 'CANCELLED' } }, otherLeader)).extensions.code).toBe('NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('visit records', () => {
    it('only for a delivered session: CONFLICT naming the rule, and nothing written', async () => {
      const session = await logged(active, { heldOn: addDays(today, 3) });
      const before = await snapshot();
      const error = await refused(VISIT, { input: { sessionId: session.id, summary: 'Met the maths lead' } }, leader);
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toContain('a visit record is for a delivered session');
      expect(await snapshot()).toEqual(before);
    });

    it('once, dated today, late when past its due date; a second is CONFLICT', async () => {
      const session = await logged(active, { status: 'DELIVERED', heldOn: '2025-12-24' });
      expect(session.visitRecordDueOn).toBe('2026-01-05');
      expect((await refused(VISIT, { input: { sessionId: session.id, summary: '   ' } }, leader)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summary' });
      const recorded = (await ok(VISIT, { input: { sessionId: session.id, summary: 'Observed two lessons', nextSteps: 'Coaching plan', expectedVersion: 1 } }, leader)).submitVisitRecord.session;
      expect(recorded).toMatchObject({ version: 2, visitRecordOverdue: false, visitRecord: { summary: 'Observed two lessons', nextSteps: 'Coaching plan', submittedOn: today, submittedLate: true } });
      const before = await snapshot();
      const second = await refused(VISIT, { input: { sessionId: session.id, summary: 'Again' } }, coordinator);
      expect(second.extensions.code).toBe('CONFLICT');
      expect(second.message).toContain('once');
      expect(await snapshot()).toEqual(before);
      expect((await refused(UPDATE, { input: { sessionId: session.id, heldOn: '2025-12-23' } }, leader)).extensions.code).toBe('CONFLICT');
      const events = await t.db.dataSource.query(`SELECT action, object_type FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [fromGlobalId(session.id)!.id]);
      expect(events).toEqual([{ action: 'logSession', object_type: 'DeploymentSession' }, { action: 'submitVisitRecord', object_type: 'DeploymentSession' }]);
      const [row] = await t.db.dataSource.query(`SELECT visit_record_by_user_id FROM deployment_sessions WHERE id = $1`, [fromGlobalId(session.id)!.id]);
      expect(row.visit_record_by_user_id).toBe(leader.user.id);
    });

    it('on time when submitted by its due date', async () => {
      const session = await logged(active, { status: 'DELIVERED', heldOn: today }, coordinator);
      const recorded = (await ok(VISIT, { input: { sessionId: session.id, summary: 'Same day' } }, coordinator)).submitVisitRecord.session;
      expect(recorded.visitRecord.submittedLate).toBe(false);
    });

    it('by the system leader or the coordinator: a head is FORBIDDEN', async () => {
      const session = await logged(active, { status: 'DELIVERED', heldOn: today });
      expect((await refused(VISIT, { input: { sessionId: session.id, summary: 'By the head' } }, supportedHead)).extensions.code).toBe('FORBIDDEN');
      expect((await refused(VISIT, { input: { sessionId: session.id, summary: 'By another' } }, otherLeader)).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('overdue visit records', () => {
    it('lists delivered sessions without a record due before today, oldest due first, paged, for the coordinator only', async () => {
      const em = t.db.dataSource.manager;
      // A deployment of its own in a fresh alliance, so the list holds exactly these.
      const own = await createAlliance(em);
      const ownCoordinator = await createUser(em, { memberships: [{ alliance: own, role: MembershipRole.ALLIANCE_ADMIN }] });
      const person = await createPerson(em, own, { schoolId: home.id });
      const ownDesignation = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
      const ownRequest = await createSupportRequest(em, own, supported);
      const d = await createDeployment(em, ownRequest, ownDesignation, home.id, { status: DeploymentStatus.ACTIVE, endsOn: addDays(today, 30) });
      const delivered = (heldOn: string, overrides = {}) =>
        createSession(em, d, { status: SessionStatus.DELIVERED, heldOn, deliveredOn: heldOn, visitRecordDueOn: visitRecordDueOn(heldOn), ...overrides });
      const late = await delivered('2025-10-06');
      const later = await delivered('2025-12-19');
      await delivered('2025-11-03', { visitSummary: 'Done', visitRecordSubmittedOn: '2025-11-04' });
      await delivered(today); // due in 5 working days: not overdue
      await createSession(em, d, { status: SessionStatus.PLANNED, heldOn: '2025-10-01' });
      await createSession(em, d, { length: SessionLength.HALF_DAY, status: SessionStatus.CANCELLED, heldOn: '2025-10-02' });

      const first = (await ok(OVERDUE, { first: 1 }, ownCoordinator)).overdueVisitRecords;
      expect(first.totalCount).toBe(2);
      expect(first.edges.map((e: Data) => e.node)).toEqual([{ id: toGlobalId('DeploymentSession', late.id), visitRecordDueOn: '2025-10-13', visitRecordOverdue: true, deployment: { id: did(d) } }]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await ok(OVERDUE, { first: 1, after: first.pageInfo.endCursor }, ownCoordinator)).overdueVisitRecords;
      expect(second.edges.map((e: Data) => e.node.id)).toEqual([toGlobalId('DeploymentSession', later.id)]);
      expect(second.pageInfo.hasNextPage).toBe(false);

      for (const caller of [supportedHead, leader]) expect((await refused(OVERDUE, { first: 1 }, caller)).extensions.code).toBe('FORBIDDEN');
      // Another alliance's coordinator sees none of these.
      const theirs = (await ok(OVERDUE, { first: 100 }, coordinator)).overdueVisitRecords.edges.map((e: Data) => e.node.id);
      expect(theirs).not.toContain(toGlobalId('DeploymentSession', late.id));

      // The list reads the partial index of the visit records still awaited.
      const plan = await t.db.dataSource.transaction(async (tx) => {
        await tx.query(`SET LOCAL enable_seqscan = off`);
        return tx.query(`EXPLAIN SELECT id FROM deployment_sessions e WHERE e.alliance_id = $1 AND e.status = 'DELIVERED' AND e.visit_record_submitted_on IS NULL AND e.visit_record_due_on < $2 ORDER BY e.visit_record_due_on, e.id LIMIT 21`, [own.id, today]);
      });
      expect(plan.map((r: Data) => r['QUERY PLAN']).join('\n')).toContain('deployment_sessions_visit_due');
    });
  });

  it("Deployment.sessions: the deployment's sessions by date, as its parties see them", async () => {
    const d = await deployment();
    const b = await logged(d, { heldOn: addDays(today, 2) });
    const a = await logged(d, { heldOn: '2025-12-19', status: 'DELIVERED' });
    const query = `query($id: ID!) { node(id: $id) { ... on Deployment { sessions { id heldOn days visitRecordOverdue } } } }`;
    for (const caller of [coordinator, leader, supportedHead, homeHead]) {
      expect((await ok(query, { id: did(d) }, caller)).node.sessions.map((s: Data) => s.id)).toEqual([a.id, b.id]);
    }
    expect((await ok(query, { id: did(d) }, otherLeader)).node).toBeNull();
  });
});
