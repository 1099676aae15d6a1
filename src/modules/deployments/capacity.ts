import DataLoader from 'dataloader';
import { academicYearOf } from '../../common/academic-year';
import { Conflict } from '../../common/errors';
import { RequestContext } from '../../context/context';
import { DesignationStatus } from '../designations/designation-enums';
import { Deployment } from './deployment.entity';
import { LoaderScope } from '../../loaders/helpers';

export interface Capacity {
  academicYear: number;
  committedDays: number;
  deliveredDays: number;
  plannedDays: number;
  availableDays: number;
}

/** A session's length in days: hours count pro rata on the deployment's tariff (6 hours a day until one is copied). */
export const SESSION_DAYS_SQL = (s: string, dp: string) =>
  `CASE ${s}.length WHEN 'FULL_DAY' THEN 1 WHEN 'HALF_DAY' THEN 0.5 ELSE ${s}.hours / coalesce(${dp}.tariff_hours_per_day, 6) END`;

/** The academic year a date column belongs to (DOMAIN.md: September onwards is that year). */
export const ACADEMIC_YEAR_SQL = (date: string) => `(extract(year FROM ${date}) - CASE WHEN extract(month FROM ${date}) >= 9 THEN 0 ELSE 1 END)::int`;

/**
 * (rule) Capacity in an academic year = committed release days − days delivered that year − the
 * planned days still to deliver on AGREED and ACTIVE deployments of that year. Planned days are
 * counted net of what each deployment has already delivered, so a delivered day is never subtracted
 * twice. As SQL over `k(designation_id, academic_year)`, for the agreement check, the brokerage
 * ranking and the capacity field alike; it reads what the caller's row-level security lets it.
 */
export const CAPACITY_SQL = `
  SELECT k.designation_id, k.academic_year,
         coalesce(rc.committed_days, 0)::float8 AS committed_days,
         coalesce(delivered.days, 0)::float8 AS delivered_days,
         coalesce(planned.days, 0)::float8 AS planned_days
    FROM k
    LEFT JOIN release_commitments rc ON rc.designation_id = k.designation_id AND rc.academic_year = k.academic_year
    LEFT JOIN LATERAL (
      SELECT sum(${SESSION_DAYS_SQL('s', 'dp')}) AS days
        FROM deployments dp JOIN deployment_sessions s ON s.deployment_id = dp.id
       WHERE dp.designation_id = k.designation_id AND s.status = 'DELIVERED' AND ${ACADEMIC_YEAR_SQL('s.held_on')} = k.academic_year
    ) delivered ON true
    LEFT JOIN LATERAL (
      SELECT sum(greatest(dp.planned_days - coalesce((
               SELECT sum(${SESSION_DAYS_SQL('s', 'dp')}) FROM deployment_sessions s WHERE s.deployment_id = dp.id AND s.status = 'DELIVERED'), 0), 0)) AS days
        FROM deployments dp
       WHERE dp.designation_id = k.designation_id AND dp.academic_year = k.academic_year AND dp.status IN ('AGREED', 'ACTIVE')
    ) planned ON true`;

type CapacityRow = { designation_id: string; academic_year: number; committed_days: number; delivered_days: number; planned_days: number };

const toCapacity = (row: CapacityRow): Capacity => ({
  academicYear: row.academic_year,
  committedDays: row.committed_days,
  deliveredDays: round(row.delivered_days),
  plannedDays: round(row.planned_days),
  availableDays: round(row.committed_days - row.delivered_days - row.planned_days),
});

/** Days to two decimal places: hours pro rata make thirds of a day. */
const round = (days: number) => Math.round(days * 100) / 100;

/** Capacity for many `designationId|academicYear` keys in one statement. */
export const capacityLoader = (scope: LoaderScope) =>
  new DataLoader<string, Capacity>(async (keys) => {
    const parts = keys.map((key) => key.split('|'));
    const rows: CapacityRow[] = await scope.em.query(
      `WITH k AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS k(designation_id, academic_year)) ${CAPACITY_SQL}`,
      [parts.map((p) => p[0]), parts.map((p) => Number(p[1]))],
    );
    const byKey = new Map(rows.map((row) => [`${row.designation_id}|${row.academic_year}`, toCapacity(row)]));
    return keys.map((key, i) => byKey.get(key) ?? toCapacity({ designation_id: parts[i][0], academic_year: Number(parts[i][1]), committed_days: 0, delivered_days: 0, planned_days: 0 }));
  });

/** One designation's capacity now, read fresh (not through the request's cache): the agreement check runs it under the designation's lock. */
export async function currentCapacity(tx: RequestContext, designationId: string, academicYear: number): Promise<Capacity> {
  const [row]: CapacityRow[] = await tx.em.query(`WITH k AS (SELECT $1::uuid AS designation_id, $2::int AS academic_year) ${CAPACITY_SQL}`, [designationId, academicYear]);
  return toCapacity(row);
}

/** The days a deployment has still to deliver: its planned days less what it has delivered, never below zero. */
async function outstandingDays(tx: RequestContext, d: Deployment): Promise<number> {
  const [row]: { days: number }[] = await tx.em.query(
    `SELECT greatest(dp.planned_days - coalesce(sum(${SESSION_DAYS_SQL('s', 'dp')}) FILTER (WHERE s.status = 'DELIVERED'), 0), 0)::float8 AS days
       FROM deployments dp LEFT JOIN deployment_sessions s ON s.deployment_id = dp.id WHERE dp.id = $1 GROUP BY dp.id`,
    [d.id],
  );
  return row?.days ?? d.plannedDays ?? 0;
}

/**
 * (rule) Taking a system leader's time (agreeing a deployment, or resuming one from hold) must fit
 * their capacity in the deployment's academic year, or carry the coordinator's override reason.
 * Callers for one system leader queue on their designation's row (`FOR UPDATE`, held to the end of
 * the request's transaction), and each reads the capacity the one before it committed: the
 * guarantee lives in PostgreSQL, whichever API process serves the call. Returns the override reason
 * when it was needed, null when the time fits.
 */
export async function takeCapacity(tx: RequestContext, d: Deployment, overrideReason: string | null): Promise<string | null> {
  const [designation]: { status: DesignationStatus }[] = await tx.em.query(`SELECT status FROM designations WHERE id = $1 FOR UPDATE`, [d.designationId]);
  if (designation?.status !== DesignationStatus.ACTIVE) throw new Conflict(`only an ACTIVE designation is deployed; this one is ${designation?.status ?? 'gone'}`);
  const capacity = await currentCapacity(tx, d.designationId, academicYearOf(d.startsOn!));
  const needed = await outstandingDays(tx, d);
  if (capacity.availableDays - needed >= 0) return null;
  if (overrideReason) return overrideReason;
  throw new Conflict(
    `not enough capacity: ${capacity.availableDays} days available in ${capacity.academicYear}, ${needed} needed; going beyond it needs the coordinator's override reason`,
    { rule: 'CAPACITY', availableDays: capacity.availableDays, plannedDays: needed },
  );
}
