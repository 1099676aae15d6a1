/** Anything that runs one statement: a pg Pool or Client, a TypeORM DataSource or EntityManager. */
export interface SweepDatabase {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** The audit row's changes, in recordChange's format (src/modules/audit/audit.service.ts): each value JSON-encoded. */
const STATUS_CHANGE = JSON.stringify([{ field: 'status', before: JSON.stringify('ACTIVE'), after: JSON.stringify('UNDER_REVIEW') }]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The scheduled review sweep (issue 9, item 6): every ACTIVE designation whose review date has come
 * (review_due_on <= today) and that has no open review gets a PERIODIC review, moves to UNDER_REVIEW
 * and leaves an audit row, across every alliance; so does every SLE, LLE or NLE not deployed for 12
 * months (issue 10, item 9), with a NOT_DEPLOYED review. It must run with the owner's connection: the
 * tables' `owner_tools` policy lets the owner see every alliance's rows; the runtime role would see
 * none.
 *
 * One statement, so one transaction whatever `db` is (a pool included): a review, its status change
 * and its audit row commit together or not at all. Two sweeps at once open each review once: the
 * designations are locked in id order (no deadlock between sweeps) and a sweep that waited for
 * another's lock re-reads the row, finds it UNDER_REVIEW and leaves it; the partial unique index
 * designation_reviews_one_open stops a second open review whatever else races, and a review it
 * refused changes no status and writes no audit row.
 */
export async function runReviewSweep(db: SweepDatabase, today: string): Promise<{ opened: number }> {
  if (!ISO_DATE.test(today)) throw new Error(`the sweep's date must be an ISO date (YYYY-MM-DD), got "${today}"`);
  const result = await db.query(
    `WITH due AS (
       SELECT d.id, d.alliance_id, d.review_due_on, d.review_due_on <= $1::date AS periodic
       FROM designations d
       WHERE d.status = 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM designation_reviews r WHERE r.designation_id = d.id AND r.completed_on IS NULL)
         AND (d.review_due_on <= $1::date
           -- NOT_DEPLOYED: an SLE, LLE or NLE designated more than 12 months ago with no deployment agreed and no
           -- session delivered in the last 12 months, nor a NOT_DEPLOYED review opened in them (one a year, not one a day).
           OR (d.type IN ('SLE', 'LLE', 'NLE') AND d.designated_on < ($1::date - interval '12 months')::date
             AND NOT EXISTS (SELECT 1 FROM deployments dp WHERE dp.designation_id = d.id AND dp.agreed_on >= ($1::date - interval '12 months')::date)
             AND NOT EXISTS (SELECT 1 FROM deployments dp JOIN deployment_sessions s ON s.deployment_id = dp.id
                             WHERE dp.designation_id = d.id AND s.status = 'DELIVERED' AND s.held_on >= ($1::date - interval '12 months')::date)
             AND NOT EXISTS (SELECT 1 FROM designation_reviews r WHERE r.designation_id = d.id AND r.trigger = 'NOT_DEPLOYED' AND r.opened_on >= ($1::date - interval '12 months')::date)))
       ORDER BY d.id
       FOR UPDATE OF d
     ),
     -- One review whichever trigger is due: the periodic one when both are.
     opened AS (
       INSERT INTO designation_reviews (alliance_id, designation_id, trigger, reason, opened_on, opened_by_user_id)
       SELECT due.alliance_id, due.id,
              CASE WHEN due.periodic THEN 'PERIODIC'::review_trigger ELSE 'NOT_DEPLOYED'::review_trigger END,
              CASE WHEN due.periodic THEN 'review date ' || to_char(due.review_due_on, 'YYYY-MM-DD') || ' reached'
                   ELSE 'not deployed since ' || to_char(($1::date - interval '12 months')::date, 'YYYY-MM-DD') END,
              $1::date, NULL
       FROM due
       ON CONFLICT (designation_id) WHERE completed_on IS NULL DO NOTHING
       RETURNING alliance_id, designation_id
     ),
     moved AS (
       UPDATE designations d
       SET status = 'UNDER_REVIEW', version = d.version + 1, updated_at = now()
       FROM opened
       WHERE d.id = opened.designation_id
       RETURNING d.id, d.alliance_id
     ),
     audited AS (
       INSERT INTO audit_events (alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes, request_id)
       SELECT moved.alliance_id, NULL, 'Scheduled review sweep', 'SYSTEM', 'startDesignationReview', 'Designation', moved.id, $2::jsonb, NULL
       FROM moved
       RETURNING 1
     )
     SELECT count(*)::int AS opened FROM audited`,
    [today, STATUS_CHANGE],
  );
  // TypeORM answers the rows, pg a result that holds them.
  const rows: { opened: number }[] = Array.isArray(result) ? result : result.rows;
  return { opened: rows[0].opened };
}
