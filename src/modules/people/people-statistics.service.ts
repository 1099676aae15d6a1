import { Forbidden } from '../../common/errors';
import { RequestContext } from '../../context/context';
import { codeName } from '../schools/code-name';
import { LeadershipLevel } from './person-enums';
import { PeopleDimension, PeopleStatistics, PeopleStatisticsGroup } from './people-statistics.types';

const COLUMNS: Record<PeopleDimension, string[]> = {
  [PeopleDimension.SCHOOL]: ['p.school_id'],
  [PeopleDimension.LEADERSHIP_LEVEL]: ['p.leadership_level'],
  [PeopleDimension.LOCAL_AUTHORITY]: ['s.la_code', 's.la_name'],
  [PeopleDimension.PHASE]: ['s.phase_code', 's.phase_name'],
};

/**
 * Counts of the acting alliance's staff records, for every role including analysts: the only way
 * analysts see people. A group smaller than the minimum is suppressed, and when exactly one is, the
 * next smallest is too, so that the total minus the others cannot give it away (SECURITY.md D2).
 * There is no filter: two filtered totals could be subtracted to reveal a suppressed group.
 */
export async function peopleStatistics(ctx: RequestContext, groupBy: PeopleDimension[]): Promise<PeopleStatistics> {
  if (!ctx.acting) throw new Forbidden('choose an alliance with the X-Alliance-Id header');
  const dimensions = [...new Set(groupBy)];
  const columns = dimensions.flatMap((d) => COLUMNS[d]);
  const select = columns.map((c, i) => `${c} AS d${i}`);
  const rows: Record<string, string | null>[] = await ctx.em.query(
    `SELECT ${[...select, 'count(*)::int AS n'].join(', ')}
       FROM people p LEFT JOIN schools s ON s.id = p.school_id
      WHERE p.alliance_id = $1
      ${columns.length ? `GROUP BY ${columns.join(', ')} ORDER BY ${columns.map((_, i) => `d${i}`).join(', ')}` : ''}`,
    [ctx.acting.allianceId],
  );
  const k = ctx.minGroupSize;
  const groups = rows.map((row) => toGroup(dimensions, row));
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

function toGroup(dimensions: PeopleDimension[], row: Record<string, string | null>): PeopleStatisticsGroup {
  const values = Object.keys(row)
    .filter((key) => key.startsWith('d'))
    .map((key) => row[key]);
  const group: PeopleStatisticsGroup = Object.assign(new PeopleStatisticsGroup(), { schoolId: null, leadershipLevel: null, localAuthority: null, phase: null, count: Number(row.n), suppressed: false });
  let i = 0;
  for (const dimension of dimensions) {
    if (dimension === PeopleDimension.SCHOOL) group.schoolId = values[i++];
    if (dimension === PeopleDimension.LEADERSHIP_LEVEL) group.leadershipLevel = values[i++] as LeadershipLevel | null;
    if (dimension === PeopleDimension.LOCAL_AUTHORITY) group.localAuthority = codeName(values[i++], values[i++]);
    if (dimension === PeopleDimension.PHASE) group.phase = codeName(values[i++], values[i++]);
  }
  return group;
}
