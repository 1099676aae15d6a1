import { Forbidden } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { ACADEMIC_YEAR_SQL } from '../deployments/capacity';
import { DesignationStatus, DesignationType, EducationPhase } from '../designations/designation-enums';
import { ActingRole } from '../users/user-enums';
import { answerFor, CrossLine, DimensionTest, Group } from './cells';
import { areaNames, inAreaOrder } from './deployment-statistics.service';
import { DesignationDimension as D, DesignationStatistics, DesignationStatisticsFilter, DesignationStatisticsGroup } from './designation-statistics.types';
import { checkYearRange, inYearRange } from './statistics.types';

const DIMENSIONS = Object.values(D);

/**
 * Counts of the acting alliance's designations (SECURITY.md D2; README, "Analysts: aggregates"). A
 * designation is a person's (its holder or applicant), so analysts' groups are suppressed exactly as
 * deploymentStatistics' are (cells.ts). The second wall lets analysts read designation rows (the app
 * never shows them one), so the cross-table is one statement under the caller's own rights, narrowed
 * to the acting alliance. The academic year is the application's: every designation has one, so no
 * designation falls outside the years.
 */
export async function designationStatistics(ctx: RequestContext, groupBy: D[], filter: DesignationStatisticsFilter | null | undefined): Promise<DesignationStatistics> {
  const acting = actingOf(ctx);
  checkYearRange(filter?.academicYear, 'filter.academicYear');
  const analyst = acting.role === ActingRole.ANALYST;
  if (!analyst && acting.role !== ActingRole.ALLIANCE_ADMIN && acting.role !== ActingRole.PLATFORM_ADMIN) {
    throw new Forbidden('designation statistics are for coordinators and analysts');
  }
  const requested = [...new Set(groupBy)];
  const areaIds = filter?.areas?.length ? await resolveAreaLabels(ctx, filter.areas, 'filter.areas') : null;

  const rows: { type: string; status: string; area_ids: string[]; phases: string[]; academic_year: number; n: number; fingerprint: string }[] = await ctx.em.query(
    `SELECT d.type::text AS type, d.status::text AS status,
            (SELECT coalesce(array_agg(DISTINCT a ORDER BY a), '{}') FROM unnest(d.area_ids) a) AS area_ids,
            (SELECT coalesce(array_agg(DISTINCT p::text ORDER BY p::text), '{}') FROM unnest(d.phases) p) AS phases,
            ${ACADEMIC_YEAR_SQL('d.applied_on')} AS academic_year,
            count(*)::int AS n, sum(hashtextextended(d.id::text, 0))::text AS fingerprint
       FROM designations d
      WHERE d.alliance_id = $1
      GROUP BY 1, 2, 3, 4, 5`,
    [acting.allianceId],
  );
  const lines: CrossLine[] = rows.map((r) => ({
    values: { [D.TYPE]: r.type, [D.STATUS]: r.status, [D.AREA_OF_EXPERTISE]: r.area_ids, [D.PHASE]: r.phases, [D.ACADEMIC_YEAR]: String(r.academic_year) },
    count: r.n,
    fingerprint: BigInt(r.fingerprint),
    measures: [],
  }));

  const tests: DimensionTest<D>[] = [
    [D.ACADEMIC_YEAR, filter?.academicYear ? (v) => inYearRange(filter.academicYear)(v === null ? null : Number(v)) : null],
    [D.STATUS, filter?.statuses ? (v) => filter.statuses!.includes(v as DesignationStatus) : null],
    [D.TYPE, filter?.types ? (v) => filter.types!.includes(v as DesignationType) : null],
    [D.AREA_OF_EXPERTISE, areaIds ? (v) => v !== null && areaIds.includes(v) : null],
  ];
  const answer = answerFor(lines, DIMENSIONS, requested, tests, { analyst, minimum: ctx.minGroupSize, measures: 0 });

  const areas = await areaNames(ctx, answer.groups, requested);
  const toGroup = (g: Group, dims: D[]): DesignationStatisticsGroup => {
    const at = (d: D) => (dims.includes(d) ? g.values[dims.indexOf(d)] : null);
    const area = at(D.AREA_OF_EXPERTISE);
    const year = at(D.ACADEMIC_YEAR);
    return Object.assign(new DesignationStatisticsGroup(), {
      type: at(D.TYPE) as DesignationType | null,
      status: at(D.STATUS) as DesignationStatus | null,
      areaOfExpertise: area === null ? null : (areas.get(area) ?? null),
      phase: at(D.PHASE) as EducationPhase | null,
      academicYear: year === null ? null : Number(year),
      designations: g.suppressed ? null : g.count,
      suppressed: g.suppressed,
    });
  };
  return { groups: inAreaOrder(answer.groups, requested, areas).map((g) => toGroup(g, requested)), total: answer.total && toGroup(answer.total, []), minimumGroupSize: ctx.minGroupSize };
}
