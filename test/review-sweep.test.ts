import { Client } from 'pg';
import { AuditEventsDocument } from '../operations/generated/graphql';
import { toGlobalId } from '../src/common/global-id';
import { runReviewSweep } from '../src/modules/designations/review-sweep';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { DeploymentStatus, SessionStatus } from '../src/modules/deployments/deployment-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { createAlliance, createSchool } from './factories';
import { createDeployment, createSession, createSupportRequest } from './factories/deployments';
import { createPerson, createUser } from './factories/users';
import { startTestServer, TestServer } from './helpers/server';

/** Issue 9, item 6: the scheduled sweep opens a periodic review for every designation whose review date has come, once. */
describe('the review sweep', () => {
  let t: TestServer;
  let romero: Alliance;
  let fusion: Alliance;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => t.db.dataSource.query(text, params);

  /** A designation as the owner's tools write it, for a person of its own (one live designation of a type per person). */
  // Designated in January 2026, so that no sweep of 2026 finds it undeployed for 12 months.
  const designation = async (alliance: Alliance, status: string, reviewDueOn: string | null, designatedOn = '2026-01-01', type = 'SLE'): Promise<string> => {
    const person = await createPerson(t.db.dataSource.manager, alliance);
    const designated = ['ACTIVE', 'UNDER_REVIEW'].includes(status) || reviewDueOn;
    const [row] = await sql<{ id: string }>(
      `INSERT INTO designations (alliance_id, person_id, type, status, applied_on, designated_on, review_due_on)
       VALUES ($1, $2, $6, $3, '2022-03-01', $4, $5) RETURNING id`,
      [alliance.id, person.id, status, designated ? designatedOn : null, reviewDueOn, type],
    );
    return row.id;
  };
  const statusOf = async (id: string) => (await sql<{ status: string; version: number }>(`SELECT status, version FROM designations WHERE id = $1`, [id]))[0];
  const reviewsOf = (id: string) => sql<{ trigger: string; reason: string; opened_on: string; opened_by_user_id: string | null; alliance_id: string }>(`SELECT trigger, reason, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, opened_by_user_id, alliance_id FROM designation_reviews WHERE designation_id = $1`, [id]);
  const auditOf = (id: string) => sql<Record<string, unknown>>(`SELECT alliance_id, actor_user_id, actor_name, acting_role, action, object_type, changes, request_id FROM audit_events WHERE object_id = $1`, [id]);

  beforeAll(async () => {
    t = await startTestServer();
    romero = await createAlliance(t.db.dataSource.manager);
    fusion = await createAlliance(t.db.dataSource.manager);
  });
  afterAll(() => t.close());

  it('opens a PERIODIC review of every ACTIVE designation due by today, in every alliance, with its status change and audit row; a second run opens nothing', async () => {
    const pastDue = await designation(romero, 'ACTIVE', '2026-08-15');
    const dueToday = await designation(romero, 'ACTIVE', '2026-09-01');
    const otherAlliance = await designation(fusion, 'ACTIVE', '2025-09-01');
    const notYet = await designation(romero, 'ACTIVE', '2026-09-02');
    const alreadyUnderReview = await designation(romero, 'UNDER_REVIEW', '2026-01-01');
    const applied = await designation(romero, 'APPLIED', null);
    const ended = await designation(romero, 'RESIGNED', '2026-01-01');
    // An ACTIVE designation whose review a trigger already opened: no second open review.
    const openReview = await designation(romero, 'ACTIVE', '2026-01-01');
    await sql(`INSERT INTO designation_reviews (alliance_id, designation_id, trigger, reason, opened_on) VALUES ($1, $2, 'MOVED_SCHOOL', 'moved school', '2026-06-01')`, [romero.id, openReview]);

    expect(await runReviewSweep(t.db.dataSource, '2026-09-01')).toEqual({ opened: 3 });

    for (const [id, alliance, due] of [[pastDue, romero, '2026-08-15'], [dueToday, romero, '2026-09-01'], [otherAlliance, fusion, '2025-09-01']] as const) {
      expect(await statusOf(id)).toEqual({ status: 'UNDER_REVIEW', version: 2 });
      expect(await reviewsOf(id)).toEqual([{ trigger: 'PERIODIC', reason: `review date ${due} reached`, opened_on: '2026-09-01', opened_by_user_id: null, alliance_id: alliance.id }]);
      expect(await auditOf(id)).toEqual([
        {
          alliance_id: alliance.id, actor_user_id: null, actor_name: 'Scheduled review sweep', acting_role: 'SYSTEM', action: 'startDesignationReview', object_type: 'Designation',
          changes: [{ field: 'status', before: '"ACTIVE"', after: '"UNDER_REVIEW"' }], request_id: null,
        },
      ]);
    }
    for (const [id, status] of [[notYet, 'ACTIVE'], [alreadyUnderReview, 'UNDER_REVIEW'], [applied, 'APPLIED'], [ended, 'RESIGNED'], [openReview, 'ACTIVE']]) {
      expect(await statusOf(id)).toEqual({ status, version: 1 });
      expect(await auditOf(id)).toEqual([]);
    }
    expect(await reviewsOf(notYet)).toEqual([]);
    expect(await reviewsOf(openReview)).toHaveLength(1);

    expect(await runReviewSweep(t.db.dataSource, '2026-09-01')).toEqual({ opened: 0 });
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM designation_reviews WHERE trigger = 'PERIODIC'`))[0].n).toBe(3);
    // The next day, the one that has come due since.
    expect(await runReviewSweep(t.db.dataSource, '2026-09-02')).toEqual({ opened: 1 });
    expect((await statusOf(notYet)).status).toBe('UNDER_REVIEW');
  });

  it("is the coordinator's to read in the audit trail, as the system's change", async () => {
    const id = await designation(romero, 'ACTIVE', '2026-07-01');
    await runReviewSweep(t.db.dataSource, '2026-09-03');
    const coordinator = await createUser(t.db.dataSource.manager, { memberships: [{ alliance: romero, role: MembershipRole.ALLIANCE_ADMIN }] });
    const result = await t.execute(AuditEventsDocument, { filter: { objectId: toGlobalId('Designation', id) } }, { as: coordinator });
    expect(result.errors).toBeUndefined();
    expect(result.data!.auditEvents.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ actorName: 'Scheduled review sweep', actingRole: 'SYSTEM', action: 'startDesignationReview', objectType: 'Designation', objectId: toGlobalId('Designation', id), changes: [{ field: 'status', before: '"ACTIVE"', after: '"UNDER_REVIEW"' }] }),
    ]);
  });

  it('opens each review once when two sweeps run at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await designation(i % 2 ? romero : fusion, 'ACTIVE', '2026-10-01'));
    const first = new Client({ connectionString: t.db.url });
    const second = new Client({ connectionString: t.db.url });
    await first.connect();
    await second.connect();
    try {
      // The first sweep has locked and changed every row but not committed when the second starts: the second waits, then finds them under review.
      await first.query('BEGIN');
      expect(await runReviewSweep(first, '2026-10-01')).toEqual({ opened: 40 });
      const waiting = runReviewSweep(second, '2026-10-01');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [blocked] = (await first.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [(second as unknown as { processID: number }).processID])).rows;
      expect(blocked.n).toBe(1);
      await first.query('COMMIT');
      expect(await waiting).toEqual({ opened: 0 });

      // And two started together, on fresh rows.
      const more: string[] = [];
      for (let i = 0; i < 40; i++) more.push(await designation(romero, 'ACTIVE', '2026-10-02'));
      const results = await Promise.all([runReviewSweep(first, '2026-10-02'), runReviewSweep(second, '2026-10-02')]);
      expect(results[0].opened + results[1].opened).toBe(40);
      const counts = await sql<{ reviews: number; audits: number; version: number }>(
        `SELECT (SELECT count(*)::int FROM designation_reviews r WHERE r.designation_id = d.id) AS reviews,
                (SELECT count(*)::int FROM audit_events a WHERE a.object_id = d.id) AS audits, d.version
         FROM designations d WHERE d.id = ANY($1)`,
        [[...ids, ...more]],
      );
      expect(counts).toHaveLength(80);
      expect(counts.every((c) => c.reviews === 1 && c.audits === 1 && c.version === 2)).toBe(true);
    } finally {
      await first.end();
      await second.end();
    }
  });

  it('(rule) opens a NOT_DEPLOYED review of an SLE, LLE or NLE designated over 12 months ago with no deployment agreed and no session delivered in 12 months', async () => {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const school = await createSchool(em);
    const request = await createSupportRequest(em, alliance, school);
    const far = '2031-01-01';
    const deployed = async (id: string, agreedOn: string, deliveredOn?: string) => {
      const [{ person_id: personId }] = await sql<{ person_id: string }>(`SELECT person_id FROM designations WHERE id = $1`, [id]);
      const d = await createDeployment(em, request, { id, personId } as Designation, null, { status: DeploymentStatus.ACTIVE, agreedOn, startsOn: agreedOn, endsOn: '2027-08-31' });
      if (deliveredOn) await createSession(em, d, { status: SessionStatus.DELIVERED, heldOn: deliveredOn });
    };
    // The sweep of 2027-06-01 looks back to 2026-06-01.
    const idle = await designation(alliance, 'ACTIVE', far, '2025-01-01');
    const idleLle = await designation(alliance, 'ACTIVE', far, '2025-01-01', 'LLE');
    const idleNle = await designation(alliance, 'ACTIVE', far, '2025-01-01', 'NLE');
    const lp = await designation(alliance, 'ACTIVE', far, '2025-01-01', 'LP');
    const agreedLately = await designation(alliance, 'ACTIVE', far, '2025-01-01');
    await deployed(agreedLately, '2026-06-01');
    const deliveredLately = await designation(alliance, 'ACTIVE', far, '2025-01-01');
    await deployed(deliveredLately, '2025-03-01', '2026-06-01');
    const deliveredLongAgo = await designation(alliance, 'ACTIVE', far, '2025-01-01');
    await deployed(deliveredLongAgo, '2025-03-01', '2026-05-31');
    const justTwelveMonths = await designation(alliance, 'ACTIVE', far, '2026-06-01');
    const twelveMonthsAndADay = await designation(alliance, 'ACTIVE', far, '2026-05-31');
    const underReview = await designation(alliance, 'UNDER_REVIEW', far, '2025-01-01');
    const bothDue = await designation(alliance, 'ACTIVE', '2027-05-01', '2025-01-01');

    await runReviewSweep(t.db.dataSource, '2027-06-01');
    for (const id of [idle, idleLle, idleNle, deliveredLongAgo, twelveMonthsAndADay]) {
      expect(await statusOf(id)).toEqual({ status: 'UNDER_REVIEW', version: 2 });
      expect(await reviewsOf(id)).toEqual([{ trigger: 'NOT_DEPLOYED', reason: 'not deployed since 2026-06-01', opened_on: '2027-06-01', opened_by_user_id: null, alliance_id: alliance.id }]);
      expect(await auditOf(id)).toEqual([expect.objectContaining({ actor_name: 'Scheduled review sweep', action: 'startDesignationReview', changes: [{ field: 'status', before: '"ACTIVE"', after: '"UNDER_REVIEW"' }] })]);
    }
    for (const id of [lp, agreedLately, deliveredLately, justTwelveMonths]) {
      expect(await statusOf(id)).toEqual({ status: 'ACTIVE', version: 1 });
      expect(await reviewsOf(id)).toEqual([]);
    }
    expect(await statusOf(underReview)).toEqual({ status: 'UNDER_REVIEW', version: 1 });
    // One review when both are due: the periodic one.
    expect((await reviewsOf(bothDue)).map((r) => r.trigger)).toEqual(['PERIODIC']);
    expect(await runReviewSweep(t.db.dataSource, '2027-06-01')).toEqual({ opened: 0 });

    // Continued, it is not reviewed again for not being deployed until 12 more months have passed.
    await sql(`UPDATE designation_reviews SET outcome = 'CONTINUED', completed_on = '2027-07-01' WHERE designation_id = $1`, [idle]);
    await sql(`UPDATE designations SET status = 'ACTIVE' WHERE id = $1`, [idle]);
    await runReviewSweep(t.db.dataSource, '2027-07-02');
    expect((await statusOf(idle)).status).toBe('ACTIVE');
    await runReviewSweep(t.db.dataSource, '2028-06-01');
    expect((await statusOf(idle)).status).toBe('ACTIVE');
    await runReviewSweep(t.db.dataSource, '2028-06-02');
    expect((await reviewsOf(idle)).map((r) => r.trigger)).toEqual(['NOT_DEPLOYED', 'NOT_DEPLOYED']);
  });

  it('refuses a date that is not an ISO date', async () => {
    await expect(runReviewSweep(t.db.dataSource, '1/9/2026')).rejects.toThrow(/ISO date/);
  });
});
