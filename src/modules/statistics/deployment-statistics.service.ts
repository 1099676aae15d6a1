import { RequestContext } from '../../context/context';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { Term } from '../alliances/alliance-enums';
import { DeploymentStatus, ImpactRating } from '../deployments/deployment-enums';
import { codeName } from '../schools/code-name';
import { CommissionerType } from '../support-requests/support-request-enums';
import { answerFor, CrossLine, fingerprintOf, DimensionTest, Group } from './cells';
import { DeploymentDimension as D, DeploymentStatistics, DeploymentStatisticsFilter, DeploymentStatisticsGroup } from './deployment-statistics.types';
import { allianceNames, countingFor, inDisplayOrder, resolveAlliances } from './scope';
import { checkYearRange, inYearRange } from './statistics.types';

const DIMENSIONS = Object.values(D);

type CellRow = {
  alliance_id?: string; academic_year: number | null; term: string | null; area_ids: string[]; phase_code: string | null; phase_name: string | null; la_code: string | null; la_name: string | null;
  commissioner_type: string; status: string; impact_rating: string | null; deployments: number; fingerprint: string; days_delivered: string; total_pence: string; brokerage_fee_pence: string;
};

/**
 * Counts, days delivered and cost of the acting alliance's deployments (SECURITY.md D2; README,
 * "Analysts: aggregates"). One statement reads the cross-table from `deployment_statistics_cells()`
 * (migrations/1795371200000-AnalystStatistics.ts: analysts cannot read a deployment row, and the
 * function gives them none); a second names the areas. A deployment identifies a system leader (a
 * person), so analysts' groups are suppressed, money and days with their count: a cost divided by
 * the day rate is a count. Analysts group by one dimension at most and filter only on that one (a
 * filter then picks groups out of the unfiltered, suppressed answer, never adds up new ones).
 * Coordinators, who read every deployment of the alliance, get exact figures of any grouping and filter.
 * With `platform`, every alliance's, for platform analysts: the cross-table of
 * `platform_deployment_statistics_cells()` (migrations/1795371500000-PlatformAnalyst.ts), the
 * alliance one more dimension, always suppressed.
 */
export async function deploymentStatistics(ctx: RequestContext, groupBy: D[], filter: DeploymentStatisticsFilter | null | undefined, platform = false): Promise<DeploymentStatistics> {
  const counting = countingFor(ctx, platform, 'deployment');
  checkYearRange(filter?.academicYear, 'filter.academicYear');
  const requested = [...new Set(groupBy)];
  const areaIds = filter?.areas?.length ? await resolveAreaLabels(ctx, filter.areas, 'filter.areas') : null;
  const allianceIds = filter?.alliances?.length ? await resolveAlliances(ctx, filter.alliances, 'filter.alliances') : null;

  const rows: CellRow[] = await ctx.em.query(platform ? `SELECT * FROM platform_deployment_statistics_cells()` : `SELECT * FROM deployment_statistics_cells()`);
  const lines: CrossLine[] = rows.map((r) => ({
    values: {
      [D.ALLIANCE]: r.alliance_id ?? counting.allianceId,
      [D.AREA_OF_EXPERTISE]: r.area_ids,
      [D.ACADEMIC_YEAR]: r.academic_year === null ? null : String(r.academic_year),
      [D.TERM]: r.term,
      [D.PHASE]: r.phase_code,
      [D.LOCAL_AUTHORITY]: r.la_code,
      [D.COMMISSIONER_TYPE]: r.commissioner_type,
      [D.STATUS]: r.status,
      [D.IMPACT_RATING]: r.impact_rating,
    },
    count: r.deployments,
    fingerprint: fingerprintOf(r.fingerprint),
    measures: [Number(r.days_delivered), Number(r.total_pence), Number(r.brokerage_fee_pence)],
  }));

  // What each filter asks of one value of its dimension.
  const tests: DimensionTest<D>[] = [
    [D.ACADEMIC_YEAR, filter?.academicYear ? (v) => inYearRange(filter.academicYear)(v === null ? null : Number(v)) : null],
    [D.STATUS, filter?.statuses ? (v) => filter.statuses!.includes(v as DeploymentStatus) : null],
    [D.COMMISSIONER_TYPE, filter?.commissionerTypes ? (v) => filter.commissionerTypes!.includes(v as CommissionerType) : null],
    [D.AREA_OF_EXPERTISE, areaIds ? (v) => v !== null && areaIds.includes(v) : null],
    [D.ALLIANCE, allianceIds ? (v) => v !== null && allianceIds.includes(v) : null],
  ];
  const answer = answerFor(lines, DIMENSIONS, requested, tests, { analyst: counting.analyst, minimum: ctx.minGroupSize, measures: 3 });

  const [areas, alliances] = await Promise.all([areaNames(ctx, answer.groups, requested), allianceNames(ctx, answer.groups, requested)]);
  const phases = new Map(rows.map((r) => [r.phase_code, r.phase_name]));
  const authorities = new Map(rows.map((r) => [r.la_code, r.la_name]));
  const toGroup = (g: Group, dims: D[]): DeploymentStatisticsGroup => {
    const at = (d: D) => (dims.includes(d) ? g.values[dims.indexOf(d)] : null);
    const area = at(D.AREA_OF_EXPERTISE);
    const year = at(D.ACADEMIC_YEAR);
    const [days, total, fee] = g.suppressed ? [null, null, null] : g.measures;
    const alliance = at(D.ALLIANCE);
    return Object.assign(new DeploymentStatisticsGroup(), {
      alliance: alliance === null ? null : (alliances.get(alliance) ?? null),
      areaOfExpertise: area === null ? null : (areas.get(area) ?? null),
      academicYear: year === null ? null : Number(year),
      term: at(D.TERM) as Term | null,
      phase: codeName(at(D.PHASE), phases.get(at(D.PHASE)) ?? null),
      localAuthority: codeName(at(D.LOCAL_AUTHORITY), authorities.get(at(D.LOCAL_AUTHORITY)) ?? null),
      commissionerType: at(D.COMMISSIONER_TYPE) as CommissionerType | null,
      status: at(D.STATUS) as DeploymentStatus | null,
      impactRating: at(D.IMPACT_RATING) as ImpactRating | null,
      deployments: g.suppressed ? null : g.count,
      daysDelivered: days === null ? null : Math.round(days * 100) / 100,
      totalPence: total,
      brokerageFeePence: fee,
      homeSchoolPence: total === null || fee === null ? null : total - fee,
      suppressed: g.suppressed,
    });
  };
  return {
    groups: inDisplayOrder(answer.groups, requested, { [D.AREA_OF_EXPERTISE]: areas, [D.ALLIANCE]: alliances }).map((g) => toGroup(g, requested)),
    total: answer.total && toGroup(answer.total, []),
    minimumGroupSize: ctx.minGroupSize,
  };
}

/** The code and name of each area a group shows. */
export async function areaNames(ctx: RequestContext, groups: Group[], dims: string[]): Promise<Map<string, { code: string; name: string | null }>> {
  const i = dims.indexOf('AREA_OF_EXPERTISE');
  const ids = i < 0 ? [] : [...new Set(groups.map((g) => g.values[i]).filter((v): v is string => v !== null))];
  if (!ids.length) return new Map();
  const rows: { id: string; code: string; name: string }[] = await ctx.em.query(`SELECT id, code, name FROM areas_of_expertise WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}
