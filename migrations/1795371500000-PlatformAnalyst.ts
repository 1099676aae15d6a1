import { MigrationInterface, QueryRunner } from 'typeorm';
import { SESSION_DAYS_SQL } from '../src/modules/deployments/capacity';
import { SESSION_FEE_PENCE_SQL, SESSION_TOTAL_PENCE_SQL } from '../src/modules/deployments/cost';
import { DESIGNATION_CELLS_SQL } from '../src/modules/statistics/designation-cells.sql';
import { RUNTIME_ROLE, setting } from './support/row-level-security';

/**
 * The request's user is an active platform analyst and a member of no alliance: read from the users
 * and memberships tables, never from a setting the request chose. A member's own alliance's figures,
 * set against the platform's, would reopen a group the platform hides (its total less the others').
 */
const PLATFORM_ANALYST = `EXISTS (SELECT 1 FROM users u WHERE u.id = ${setting.userId} AND u.is_platform_analyst AND u.status = 'ACTIVE'
                                  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id))`;

/**
 * Platform analysts (SECURITY.md D2; README, "Analysts: the platform"): a user flag, like the platform
 * admin's, given by the platform's operators, never by an alliance, to a user who is a member of no
 * alliance (a member with the flag gets no platform figure). They belong to no alliance and
 * read no tenant row: the second wall gives them nothing, and they count through two SECURITY
 * DEFINER functions that answer every alliance's cross-table, with the alliance as one more
 * dimension, to them alone (checked against the users table inside the function). The API suppresses
 * small groups before anything reaches them, as for an alliance's analysts.
 *
 * `platform_deployment_statistics_cells()` is `deployment_statistics_cells()` of
 * 1795371200000-AnalystStatistics for every alliance: the same dimensions and THE cost rule as it
 * stands in cost.ts today (a change to the rule replaces both functions in a migration of its own).
 */
export class PlatformAnalyst1795371500000 implements MigrationInterface {
  name = 'PlatformAnalyst1795371500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN is_platform_analyst boolean NOT NULL DEFAULT false`);
    // Sessions are summed per deployment in one pass (a hash join of every delivered session), not
    // looked up deployment by deployment: across the platform that is about a third of the time. JIT
    // compilation costs more than it saves on a statement this size; the grouping is hashed in memory.
    await q.query(`
      CREATE FUNCTION platform_deployment_statistics_cells()
      RETURNS TABLE (alliance_id uuid, academic_year int, term text, area_ids uuid[], phase_code text, phase_name text, la_code text, la_name text,
                     commissioner_type text, status text, impact_rating text, deployments int, fingerprint text,
                     days_delivered numeric, total_pence bigint, brokerage_fee_pence bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public SET jit = off SET work_mem = '32MB' AS $$
        WITH delivered AS (
          SELECT s.deployment_id,
                 sum(${SESSION_DAYS_SQL('s', 'dp')}) AS days,
                 sum(${SESSION_TOTAL_PENCE_SQL('s', 'dp')}) AS total,
                 sum(${SESSION_FEE_PENCE_SQL('s', 'dp')}) AS fee
            FROM deployment_sessions s JOIN deployments dp ON dp.id = s.deployment_id
           WHERE s.status = 'DELIVERED' AND dp.tariff_full_day_pence IS NOT NULL AND ${PLATFORM_ANALYST}
           GROUP BY s.deployment_id)
        SELECT dp.alliance_id, dp.academic_year::int, t.term::text, (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(sr.area_ids) a),
               sc.phase_code::text, sc.phase_name::text, sc.la_code::text, sc.la_name::text,
               sr.commissioner_type::text, dp.status::text, dp.impact_rating::text,
               count(*)::int, sum(hashtextextended(dp.id::text, 0))::text,
               coalesce(sum(x.days), 0), coalesce(sum(x.total), 0)::bigint, coalesce(sum(x.fee), 0)::bigint
          FROM deployments dp
          JOIN support_requests sr ON sr.id = dp.support_request_id AND sr.alliance_id = dp.alliance_id
          JOIN schools sc ON sc.id = dp.supported_school_id
          LEFT JOIN alliance_terms t ON t.alliance_id = dp.alliance_id AND dp.starts_on BETWEEN t.starts_on AND t.ends_on
          LEFT JOIN delivered x ON x.deployment_id = dp.id
         WHERE ${PLATFORM_ANALYST}
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      $$`);
    await q.query(`
      CREATE FUNCTION platform_designation_statistics_cells()
      RETURNS TABLE (alliance_id uuid, type text, status text, area_ids uuid[], phases text[], academic_year int, n int, fingerprint text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public SET jit = off SET work_mem = '32MB' AS $$ ${DESIGNATION_CELLS_SQL(PLATFORM_ANALYST)} $$`);
    for (const fn of ['platform_deployment_statistics_cells', 'platform_designation_statistics_cells']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn}() FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn}() TO ${RUNTIME_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION platform_designation_statistics_cells()`);
    await q.query(`DROP FUNCTION platform_deployment_statistics_cells()`);
    await q.query(`ALTER TABLE users DROP COLUMN is_platform_analyst`);
  }
}
