import { ACADEMIC_YEAR_SQL } from '../deployments/capacity';

/**
 * The designations' cross-table (cells.ts): one line per alliance and combination of every dimension,
 * with its count and fingerprint. Shared by designationStatistics, which runs it under the caller's
 * own rights for the acting alliance, and `platform_designation_statistics_cells()`, which runs it
 * for every alliance (migrations/1795371500000-PlatformAnalyst.ts, the text as it stood then).
 */
export const DESIGNATION_CELLS_SQL = (where: string) => `
  SELECT d.alliance_id, d.type::text AS type, d.status::text AS status,
         (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(d.area_ids) a) AS area_ids,
         (SELECT coalesce(array_agg(DISTINCT p::text ORDER BY p::text), '{}') FROM unnest(d.phases) p) AS phases,
         ${ACADEMIC_YEAR_SQL('d.applied_on')} AS academic_year,
         count(*)::int AS n, sum(hashtextextended(d.id::text, 0))::text AS fingerprint
    FROM designations d
   WHERE ${where}
   GROUP BY 1, 2, 3, 4, 5, 6`;
