import { Client } from 'pg';
import { AuditEventsDocument } from '../operations/generated/graphql';
import { toGlobalId } from '../src/common/global-id';
import { runReviewSweep } from '../src/modules/designations/review-sweep';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { createAlliance } from './factories';
import { createPerson, createUser } from './factories/users';
import { startTestServer, TestServer } from './helpers/server';

/** Issue 9, item 6: the scheduled sweep opens a periodic review for every designation whose review date has come, once. */
describe('the review sweep', () => {
  let t: TestServer;
  let romero: Alliance;
  let fusion: Alliance;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => t.db.dataSource.query(text, params);

  /** A designation as the owner's tools write it, for a person of its own (one live designation of a type per person). */
  const designation = async (alliance: Alliance, status: string, reviewDueOn: string | null): Promise<string> => {
    const person = await createPerson(t.db.dataSource.manager, alliance);
    const designated = ['ACTIVE', 'UNDER_REVIEW'].includes(status) || reviewDueOn;
    const [row] = await sql<{ id: string }>(
      `INSERT INTO designations (alliance_id, person_id, type, status, applied_on, designated_on, review_due_on)
       VALUES ($1, $2, 'SLE', $3, '2022-03-01', $4, $5) RETURNING id`,
      [alliance.id, person.id, status, designated ? '2022-09-01' : null, reviewDueOn],
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

  it('refuses a date that is not an ISO date', async () => {
    await expect(runReviewSweep(t.db.dataSource, '1/9/2026')).rejects.toThrow(/ISO date/);
  });
});
