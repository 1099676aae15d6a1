import { BadUserInput, Forbidden } from '../../common/errors';
import { ActingRole } from '../users/user-enums';
import { actingOf, RequestContext } from '../../context/context';
import { scopedQuery } from '../../loaders/helpers';
import { codeName } from '../schools/code-name';
import { School } from '../schools/school.entity';
import { Person } from './person.entity';
import { LeadershipLevel } from './person-enums';
import { PeopleDimension, PeopleStatistics, PeopleStatisticsGroup } from './people-statistics.types';

const COLUMNS: Record<PeopleDimension, string[]> = {
  [PeopleDimension.SCHOOL]: ['e.school_id'],
  [PeopleDimension.LEADERSHIP_LEVEL]: ['e.leadership_level'],
  [PeopleDimension.LOCAL_AUTHORITY]: ['s.la_code', 's.la_name'],
  [PeopleDimension.PHASE]: ['s.phase_code', 's.phase_name'],
};

/**
 * Counts of the acting alliance's staff records, for every role including analysts: the only way
 * analysts see people. A group smaller than the minimum is suppressed, and when exactly one is, the
 * next smallest is too, so that the total minus the others cannot give it away (SECURITY.md D2).
 * There is no filter, and one dimension at most: two filtered totals, or a combined grouping and
 * its margin, could be subtracted to reveal a suppressed group. For the same reason analysts do not
 * count by school: schools sit inside local authorities and phases, so an authority's total minus its
 * shown schools would give away a suppressed one. Staff roles, who see the records anyway, may.
 */
export async function peopleStatistics(ctx: RequestContext, groupBy: PeopleDimension[]): Promise<PeopleStatistics> {
  const acting = actingOf(ctx);
  const dimensions = [...new Set(groupBy)];
  if (acting.role === ActingRole.ANALYST && dimensions.includes(PeopleDimension.SCHOOL)) {
    throw new Forbidden('analysts count people by leadership level, local authority or phase: counts by school could identify them');
  }
  if (dimensions.length > 1) throw new BadUserInput('groupBy takes one dimension at most: combined groups could be subtracted from their totals', 'groupBy');
  const columns = dimensions.flatMap((d) => COLUMNS[d]);
  const qb = scopedQuery(ctx, Person)!.leftJoin(School, 's', 's.id = e.school_id').select('count(*)::int', 'n');
  columns.forEach((column, i) => qb.addSelect(column, `d${i}`).addGroupBy(column).addOrderBy(`d${i}`));
  const rows: Record<string, string | null>[] = await qb.getRawMany();
  const k = ctx.minGroupSize;
  const groups = rows.map((row) => toGroup(dimensions, columns.map((_, i) => row[`d${i}`]), Number(row.n)));
  const small = groups.filter((g) => g.count! < k);
  if (small.length === 1 && groups.length > 1) {
    const nextSmallest = groups.filter((g) => g.count! >= k).sort((a, b) => a.count! - b.count!)[0];
    if (nextSmallest) small.push(nextSmallest);
  }
  for (const group of small) {
    group.count = null;
    group.suppressed = true;
  }
  const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
  return { groups, total: total >= k ? total : null, minimumGroupSize: k };
}

/** `values` are the grouped columns in COLUMNS order: one for most dimensions, code and name for the GIAS pairs. */
function toGroup(dimensions: PeopleDimension[], values: (string | null)[], count: number): PeopleStatisticsGroup {
  const group: PeopleStatisticsGroup = Object.assign(new PeopleStatisticsGroup(), { schoolId: null, leadershipLevel: null, localAuthority: null, phase: null, count, suppressed: false });
  let i = 0;
  for (const dimension of dimensions) {
    if (dimension === PeopleDimension.SCHOOL) group.schoolId = values[i++];
    if (dimension === PeopleDimension.LEADERSHIP_LEVEL) group.leadershipLevel = values[i++] as LeadershipLevel | null;
    if (dimension === PeopleDimension.LOCAL_AUTHORITY) group.localAuthority = codeName(values[i++], values[i++]);
    if (dimension === PeopleDimension.PHASE) group.phase = codeName(values[i++], values[i++]);
  }
  return group;
}
