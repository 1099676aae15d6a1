import { RequestContext } from '../../context/context';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { DesignationStatus, DesignationType, EducationPhase } from '../designations/designation-enums';
import { answerFor, CrossLine, fingerprintOf, DimensionTest, Group } from './cells';
import { areaNames } from './deployment-statistics.service';
import { DESIGNATION_CELLS_SQL } from './designation-cells.sql';
import { DesignationDimension as D, DesignationStatistics, DesignationStatisticsFilter, DesignationStatisticsGroup } from './designation-statistics.types';
import { allianceNames, countingFor, inDisplayOrder, resolveAlliances } from './scope';
import { checkYearRange, inYearRange } from './statistics.types';

const DIMENSIONS = Object.values(D);

/**
 * Counts of the acting alliance's designations (SECURITY.md D2; README, "Analysts: aggregates"). A
 * designation is a person's (its holder or applicant), so analysts' groups are suppressed exactly as
 * deploymentStatistics' are (cells.ts). The second wall lets analysts read designation rows (the app
 * never shows them one), so the cross-table is one statement under the caller's own rights, narrowed
 * to the acting alliance. The academic year is the application's: every designation has one, so no
 * designation falls outside the years. With `platform`, every alliance's, for platform analysts:
 * they read no designation row, so the same cross-table comes from
 * `platform_designation_statistics_cells()` (migrations/1795371500000-PlatformAnalyst.ts).
 */
export async function designationStatistics(ctx: RequestContext, groupBy: D[], filter: DesignationStatisticsFilter | null | undefined, platform = false): Promise<DesignationStatistics> {
  const counting = countingFor(ctx, platform, 'designation');
  checkYearRange(filter?.academicYear, 'filter.academicYear');
  const requested = [...new Set(groupBy)];
  const areaIds = filter?.areas?.length ? await resolveAreaLabels(ctx, filter.areas, 'filter.areas') : null;
  const allianceIds = filter?.alliances?.length ? await resolveAlliances(ctx, filter.alliances, 'filter.alliances') : null;

  const rows: { alliance_id: string; type: string; status: string; area_ids: string[]; phases: string[]; academic_year: number; n: number; fingerprint: string }[] = platform
    ? await ctx.em.query(`SELECT * FROM platform_designation_statistics_cells()`)
    : await ctx.em.query(DESIGNATION_CELLS_SQL('d.alliance_id = $1'), [counting.allianceId]);
  const lines: CrossLine[] = rows.map((r) => ({
    values: { [D.ALLIANCE]: r.alliance_id, [D.TYPE]: r.type, [D.STATUS]: r.status, [D.AREA_OF_EXPERTISE]: r.area_ids, [D.PHASE]: r.phases, [D.ACADEMIC_YEAR]: String(r.academic_year) },
    count: r.n,
    fingerprint: fingerprintOf(r.fingerprint),
    measures: [],
  }));

  const tests: DimensionTest<D>[] = [
    [D.ACADEMIC_YEAR, filter?.academicYear ? (v) => inYearRange(filter.academicYear)(v === null ? null : Number(v)) : null],
    [D.STATUS, filter?.statuses ? (v) => filter.statuses!.includes(v as DesignationStatus) : null],
    [D.TYPE, filter?.types ? (v) => filter.types!.includes(v as DesignationType) : null],
    [D.AREA_OF_EXPERTISE, areaIds ? (v) => v !== null && areaIds.includes(v) : null],
    [D.ALLIANCE, allianceIds ? (v) => v !== null && allianceIds.includes(v) : null],
  ];
  const answer = answerFor(lines, DIMENSIONS, requested, tests, { analyst: counting.analyst, minimum: ctx.minGroupSize, measures: 0 });

  const [areas, alliances] = await Promise.all([areaNames(ctx, answer.groups, requested), allianceNames(ctx, answer.groups, requested)]);
  const toGroup = (g: Group, dims: D[]): DesignationStatisticsGroup => {
    const at = (d: D) => (dims.includes(d) ? g.values[dims.indexOf(d)] : null);
    const area = at(D.AREA_OF_EXPERTISE);
    const year = at(D.ACADEMIC_YEAR);
    const alliance = at(D.ALLIANCE);
    return Object.assign(new DesignationStatisticsGroup(), {
      alliance: alliance === null ? null : (alliances.get(alliance) ?? null),
      type: at(D.TYPE) as DesignationType | null,
      status: at(D.STATUS) as DesignationStatus | null,
      areaOfExpertise: area === null ? null : (areas.get(area) ?? null),
      phase: at(D.PHASE) as EducationPhase | null,
      academicYear: year === null ? null : Number(year),
      designations: g.suppressed ? null : g.count,
      suppressed: g.suppressed,
    });
  };
  return { groups: inDisplayOrder(answer.groups, requested, { [D.AREA_OF_EXPERTISE]: areas, [D.ALLIANCE]: alliances }).map((g) => toGroup(g, requested)), total: answer.total && toGroup(answer.total, []), minimumGroupSize: ctx.minGroupSize };
}
