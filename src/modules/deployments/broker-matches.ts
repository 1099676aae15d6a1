import { academicYearOf, englishDate, formatAcademicYear } from '../../common/academic-year';
import { BadUserInput, NotFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { actingOf, RequestContext } from '../../context/context';
import { scopedQuery } from '../../loaders/helpers';
import { DesignationStatus } from '../designations/designation-enums';
import { SupportRequest } from '../support-requests/support-request.entity';
import { BrokerMatch, MatchReason } from './broker-matches.types';
import { CAPACITY_SQL } from './capacity';
import { supportRequestsVisibleTo } from './deployment.policy';

/**
 * THE weights of the brokerage ranking, written once (README, Decisions): a match's score is the sum
 * of its reasons' points, each reason one factor below.
 */
export const BROKER_WEIGHTS = {
  /** Per area of expertise the request needs that the designation has. */
  perMatchedArea: 30,
  /** The supported school's phase is one the system leader works in (once, however many phases match). */
  phase: 20,
  /** Per whole release day left in the academic year, counting at most `availableDaysCounted` days. */
  perAvailableDay: 2,
  availableDaysCounted: 10,
  /** The system leader's school is in the supported school's local authority. */
  sameLocalAuthority: 10,
  /** Per earlier deployment of this designation to the supported school, by its impact rating. */
  earlierSignificant: 15,
  earlierSome: 5,
  earlierNone: -25,
  /** Rated TOO_EARLY, or not evaluated yet: known to the school, no evidence either way. */
  earlierUnrated: 0,
} as const;

export const MAX_MATCHES = 50;

export interface BrokerMatchesArgs {
  supportRequestId: string;
  first: number;
  includeUnderReview: boolean;
  includeWithoutCapacity: boolean;
}

type Row = { designation_id: string; score: number; available_days: number; committed_days: number; delivered_days: number; planned_days: number; reasons: MatchReason[] };

/**
 * The ranking, in ONE statement whatever the number of candidates: the candidates (designations of
 * the wanted type, ACTIVE and, when asked, UNDER_REVIEW; never anyone whose school is the supported
 * school), their capacity (CAPACITY_SQL), the facts each factor reads, the reasons as jsonb and the
 * score as their sum; those without capacity are left out unless asked for. Ordered by score, then
 * days available, then id, so equal scores come back in the same order every time.
 */
const RANKING_SQL = `
  WITH w AS (SELECT $9::jsonb AS j),
  sch AS (
    SELECT s.la_code, s.la_name,
           -- The GIAS phase as education phases: an all-through school is primary and secondary too; a special school is SPECIAL whatever its phase.
           array_remove(ARRAY[
             CASE WHEN s.phase_code = '1' THEN 'EARLY_YEARS' END,
             CASE WHEN s.phase_code IN ('2', '3', '7') THEN 'PRIMARY' END,
             CASE WHEN s.phase_code IN ('4', '5', '7') THEN 'SECONDARY' END,
             CASE WHEN s.phase_code = '6' THEN 'POST_16' END,
             CASE WHEN s.phase_code = '7' THEN 'ALL_THROUGH' END,
             CASE WHEN 'SPECIAL' = ANY (s.categories) THEN 'SPECIAL' END
           ], NULL)::education_phase[] AS phases
      FROM schools s WHERE s.id = $2
  ),
  cand AS (
    SELECT d.id, d.area_ids, d.phases, hs.la_code AS home_la_code
      FROM designations d
      JOIN people p ON p.id = d.person_id
      LEFT JOIN schools hs ON hs.id = p.school_id
     WHERE d.alliance_id = $5 AND d.type = $3::designation_type AND d.status = ANY ($6::designation_status[])
       -- (rule) Never the supported school's own staff: an SLE is never deployed to their own school.
       AND p.school_id IS DISTINCT FROM $2
  ),
  k AS (SELECT c.id AS designation_id, $4::int AS academic_year FROM cand c),
  cap AS (${CAPACITY_SQL}),
  facts AS (
    SELECT c.id, cap.committed_days, cap.delivered_days, cap.planned_days,
           round((cap.committed_days - cap.delivered_days - cap.planned_days)::numeric, 2) AS available_days,
           (SELECT array_agg(a.name ORDER BY a.position) FROM areas_of_expertise a WHERE a.id = ANY (c.area_ids) AND a.id = ANY ($1::uuid[])) AS areas,
           (SELECT array_agg(initcap(replace(ph::text, '_', ' ')) ORDER BY ph) FROM unnest(c.phases) ph WHERE ph = ANY (sch.phases)) AS phases,
           (c.home_la_code IS NOT NULL AND c.home_la_code = sch.la_code) AS same_la,
           coalesce(sch.la_name, sch.la_code) AS la_name,
           h.significant, h.some, h.none, h.unrated
      FROM cand c
      JOIN cap ON cap.designation_id = c.id
      CROSS JOIN sch
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE dp.impact_rating = 'SIGNIFICANT')::int AS significant,
               count(*) FILTER (WHERE dp.impact_rating = 'SOME')::int AS some,
               count(*) FILTER (WHERE dp.impact_rating = 'NONE')::int AS none,
               count(*) FILTER (WHERE dp.impact_rating IS NULL OR dp.impact_rating = 'TOO_EARLY')::int AS unrated
          FROM deployments dp
         WHERE dp.designation_id = c.id AND dp.supported_school_id = $2 AND dp.agreed_on IS NOT NULL
      ) h
  ),
  kept AS (SELECT * FROM facts f WHERE $7 OR f.available_days > 0),
  reasoned AS (
    SELECT f.*, (
      SELECT coalesce(jsonb_agg(x.reason ORDER BY x.ord), '[]'::jsonb) FROM (
        SELECT 1 AS ord, jsonb_build_object('factor', 'AREA_OF_EXPERTISE', 'points', (w.j->>'perMatchedArea')::int * cardinality(f.areas),
               'detail', 'expert in ' || array_to_string(f.areas, ', ')) AS reason
         WHERE f.areas IS NOT NULL
        UNION ALL
        SELECT 2, jsonb_build_object('factor', 'PHASE', 'points', (w.j->>'phase')::int, 'detail', 'works in ' || array_to_string(f.phases, ', '))
         WHERE f.phases IS NOT NULL
        UNION ALL
        SELECT 3, jsonb_build_object('factor', 'CAPACITY',
               'points', (w.j->>'perAvailableDay')::int * least(greatest(floor(f.available_days), 0), (w.j->>'availableDaysCounted')::int)::int,
               'detail', trim_scale(f.available_days)::text || CASE WHEN f.available_days = 1 THEN ' day' ELSE ' days' END || ' available in ' || $10)
        UNION ALL
        SELECT 4, jsonb_build_object('factor', 'SAME_LOCAL_AUTHORITY', 'points', (w.j->>'sameLocalAuthority')::int, 'detail', 'same local authority (' || f.la_name || ')')
         WHERE f.same_la
        UNION ALL
        SELECT 4 + r.ord, jsonb_build_object('factor', 'EARLIER_DEPLOYMENTS', 'points', (w.j->>r.weight)::int * r.n,
               'detail', r.n || ' earlier ' || CASE WHEN r.n = 1 THEN 'deployment' ELSE 'deployments' END || ' ' || r.what)
          FROM (VALUES (1, f.significant, 'earlierSignificant', 'rated SIGNIFICANT'), (2, f.some, 'earlierSome', 'rated SOME'),
                       (3, f.none, 'earlierNone', 'rated NONE'), (4, f.unrated, 'earlierUnrated', 'not yet rated')) r(ord, n, weight, what)
         WHERE r.n > 0
      ) x
    ) AS reasons
      FROM kept f CROSS JOIN w
  )
  SELECT r.id AS designation_id, r.available_days::float8 AS available_days, r.committed_days, r.delivered_days, r.planned_days, r.reasons,
         (SELECT coalesce(sum((e->>'points')::int), 0) FROM jsonb_array_elements(r.reasons) e)::int AS score
    FROM reasoned r
   ORDER BY score DESC, r.available_days DESC, r.id
   LIMIT $8`;

/** `brokerMatches`: the coordinator's ranked candidates for a support request of the acting alliance. */
export async function brokerMatches(ctx: RequestContext, args: BrokerMatchesArgs): Promise<BrokerMatch[]> {
  const acting = actingOf(ctx);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_MATCHES) throw new BadUserInput(`first must be between 1 and ${MAX_MATCHES}`, 'first');
  const id = expectGlobalId(args.supportRequestId, 'SupportRequest', 'supportRequestId');
  const request = await scopedQuery(ctx, SupportRequest, { visible: supportRequestsVisibleTo })?.andWhere('e.id = :id', { id }).getOne();
  if (!request) throw new NotFound('support request');

  const academicYear = academicYearOf(request.preferredStart ?? englishDate());
  const statuses = args.includeUnderReview ? [DesignationStatus.ACTIVE, DesignationStatus.UNDER_REVIEW] : [DesignationStatus.ACTIVE];
  const rows: Row[] = await ctx.em.query(RANKING_SQL, [
    request.areaIds, request.supportedSchoolId, request.designationType, academicYear, acting.allianceId, statuses, args.includeWithoutCapacity, args.first,
    JSON.stringify(BROKER_WEIGHTS), formatAcademicYear(academicYear),
  ]);
  return rows.map((row) => {
    // Designation.capacity(academicYear) of a match is then answered without another statement.
    ctx.loaders.capacity.prime(`${row.designation_id}|${academicYear}`, {
      academicYear, committedDays: row.committed_days, deliveredDays: round(row.delivered_days), plannedDays: round(row.planned_days), availableDays: row.available_days,
    });
    return Object.assign(new BrokerMatch(), { designationId: row.designation_id, score: row.score, availableDays: row.available_days, academicYear, reasons: row.reasons });
  });
}

const round = (days: number) => Math.round(days * 100) / 100;
