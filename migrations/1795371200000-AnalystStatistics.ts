import { MigrationInterface, QueryRunner } from 'typeorm';
import { SESSION_DAYS_SQL } from '../src/modules/deployments/capacity';
import { SESSION_FEE_PENCE_SQL, SESSION_TOTAL_PENCE_SQL } from '../src/modules/deployments/cost';
import { RUNTIME_ROLE, setting } from './support/row-level-security';

/**
 * Analysts count deployments without reading them (SECURITY.md D2; README, "Analysts: aggregates").
 * The second wall keeps analysts from every deployment, request and session row, so the counts come
 * from `deployment_statistics_cells()`, a SECURITY DEFINER function owned by the migration owner
 * (whose `owner_tools` policies see every row). It takes no argument: it decides from the request's
 * settings alone, answers for the acting alliance only, and only to its analysts and coordinators
 * (who read every deployment of the alliance anyway). It returns grouped counts, never a row: one line
 * per combination of every dimension the statistics group by (the cross-table), with its number of
 * deployments, a fingerprint of which deployments they are (equal for two groups of the same
 * deployments), the days delivered and their cost in whole pence by THE cost rule (cost.ts, per
 * session half up, the SQL of that file as it stood when this ran: a change to the rule replaces
 * this function in a migration of its own). The API suppresses small groups before anything reaches
 * an analyst (src/modules/statistics).
 *
 * A deployment belongs to the academic year and the alliance term its start date falls in, its area
 * set is its request's, its phase and local authority those of the supported school; days and cost
 * count its delivered sessions.
 */
export class AnalystStatistics1795371200000 implements MigrationInterface {
  name = 'AnalystStatistics1795371200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION deployment_statistics_cells()
      RETURNS TABLE (academic_year int, term text, area_ids uuid[], phase_code text, phase_name text, la_code text, la_name text,
                     commissioner_type text, status text, impact_rating text, deployments int, fingerprint text,
                     days_delivered numeric, total_pence bigint, brokerage_fee_pence bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT dp.academic_year::int, t.term::text, (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(sr.area_ids) a),
               sc.phase_code::text, sc.phase_name::text, sc.la_code::text, sc.la_name::text,
               sr.commissioner_type::text, dp.status::text, dp.impact_rating::text,
               count(*)::int, sum(hashtextextended(dp.id::text, 0))::text,
               coalesce(sum(x.days), 0), coalesce(sum(x.total), 0)::bigint, coalesce(sum(x.fee), 0)::bigint
          FROM deployments dp
          JOIN support_requests sr ON sr.id = dp.support_request_id AND sr.alliance_id = dp.alliance_id
          JOIN schools sc ON sc.id = dp.supported_school_id
          LEFT JOIN alliance_terms t ON t.alliance_id = dp.alliance_id AND dp.starts_on BETWEEN t.starts_on AND t.ends_on
          LEFT JOIN LATERAL (
            SELECT sum(${SESSION_DAYS_SQL('s', 'dp')}) AS days,
                   sum(${SESSION_TOTAL_PENCE_SQL('s', 'dp')}) AS total,
                   sum(${SESSION_FEE_PENCE_SQL('s', 'dp')}) AS fee
              FROM deployment_sessions s
             WHERE s.deployment_id = dp.id AND s.status = 'DELIVERED' AND dp.tariff_full_day_pence IS NOT NULL
          ) x ON true
         WHERE dp.alliance_id = ${setting.allianceId}
           AND ${setting.role} IN ('ANALYST', 'ALLIANCE_ADMIN', 'PLATFORM_ADMIN')
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION deployment_statistics_cells() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION deployment_statistics_cells() TO ${RUNTIME_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION deployment_statistics_cells()`);
  }
}
