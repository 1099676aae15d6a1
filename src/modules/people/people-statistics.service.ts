import { BadUserInput, Forbidden } from '../../common/errors';
import { ActingRole } from '../users/user-enums';
import { actingOf, RequestContext } from '../../context/context';
import { scopedQuery } from '../../loaders/helpers';
import { codeName } from '../schools/code-name';
import { School } from '../schools/school.entity';
import { Person } from './person.entity';
import { LeadershipLevel } from './person-enums';
import { PeopleDimension, PeopleStatistics, PeopleStatisticsGroup } from './people-statistics.types';
import { suppress } from './suppression';

/** What each dimension groups by: its columns on `e` (people) and `s` (their school). */
const COLUMNS: Record<PeopleDimension, string[]> = {
  [PeopleDimension.SCHOOL]: ['e.school_id'],
  [PeopleDimension.LEADERSHIP_LEVEL]: ['e.leadership_level'],
  [PeopleDimension.LOCAL_AUTHORITY]: ['s.la_code', 's.la_name'],
  [PeopleDimension.PHASE]: ['s.phase_code', 's.phase_name'],
};
const DIMENSIONS = Object.keys(COLUMNS) as PeopleDimension[];

/**
 * Counts of the acting alliance's staff records by one dimension (or none), with small groups
 * suppressed. Every grouping the caller could ask for is counted in one statement (GROUPING SETS) and
 * suppressed together (suppression.ts), so that the answers to different requests cannot be combined
 * to reopen a hidden cell. There are no filters and one dimension at most, since a filtered or
 * combined count could be subtracted from an unfiltered one. Analysts do not count by school (schools
 * sit inside authorities and phases); practitioners, who see their own record only, count nothing (T4).
 */
export async function peopleStatistics(ctx: RequestContext, groupBy: PeopleDimension[]): Promise<PeopleStatistics> {
  const acting = actingOf(ctx);
  if (acting.role === ActingRole.PRACTITIONER) throw new Forbidden('counts of staff are for coordinators, heads and analysts: a practitioner sees their own record only');
  const requested = [...new Set(groupBy)];
  if (requested.length > 1) throw new BadUserInput('groupBy takes one dimension at most: combined groups could be subtracted from their totals', 'groupBy');
  const offered = acting.role === ActingRole.ANALYST ? DIMENSIONS.filter((d) => d !== PeopleDimension.SCHOOL) : DIMENSIONS;
  if (requested[0] && !offered.includes(requested[0])) {
    throw new Forbidden('analysts count people by leadership level, local authority or phase: counts by school could identify them');
  }

  const columns = DIMENSIONS.flatMap((d) => COLUMNS[d]);
  const qb = scopedQuery(ctx, Person)!
    .leftJoin(School, 's', 's.id = e.school_id')
    .select('count(*)::int', 'n')
    // Which rows a cell holds, as a number: equal for two cells of exactly the same people.
    .addSelect(`sum(hashtextextended(e.id::text, 0))::text`, 'fingerprint')
    .addSelect(`GROUPING(${offered.map((d) => COLUMNS[d][0]).join(', ')})`, 'grouping');
  // A dimension the caller may not group by is not grouped by at all, not even to be thrown away.
  const selectable = new Set(offered.flatMap((d) => COLUMNS[d]));
  columns.forEach((column, i) => qb.addSelect(selectable.has(column) ? column : 'NULL', `c${i}`));
  // Every offered grouping, and their cross-table, which the suppression audit needs and never shows.
  qb.groupBy(`GROUPING SETS ((), ${offered.map((d) => `(${COLUMNS[d].join(', ')})`).join(', ')}, (${[...selectable].join(', ')}))`);
  const rows: Record<string, string | number | null>[] = await qb.getRawMany();

  // GROUPING() sets a bit for each dimension left out of a row's set: all bits for the total, all but one for a dimension.
  const all = (1 << offered.length) - 1;
  const dimensionOf = (bits: number) => offered.find((_, i) => bits === (all & ~(1 << (offered.length - 1 - i)))) ?? '';
  const valuesOf = (row: Record<string, string | number | null>) => columns.map((_, i) => (row[`c${i}`] === null ? null : String(row[`c${i}`])));
  const cross = rows.filter((row) => Number(row.grouping) === 0).map(valuesOf);
  const positions = (d: PeopleDimension) => COLUMNS[d].map((column) => columns.indexOf(column));
  const cells = rows
    .filter((row) => Number(row.grouping) !== 0)
    .map((row) => {
      const grouping = Number(row.grouping) === all ? '' : dimensionOf(Number(row.grouping));
      const values = valuesOf(row);
      // The cross-table cells this one adds up: those with the same values of its dimension (all, for the total).
      const parts = cross.flatMap((crossValues, j) => (grouping === '' || positions(grouping).every((p) => crossValues[p] === values[p]) ? [j] : []));
      return { grouping, count: Number(row.n), fingerprint: `${row.n}:${row.fingerprint}`, key: JSON.stringify(values), values, parts };
    });
  const crossCounts = rows.filter((row) => Number(row.grouping) === 0).map((row) => Number(row.n));
  // Coordinators and heads read every staff record of the alliance: suppressing their counts would protect nothing.
  const hidden = acting.role === ActingRole.ANALYST ? suppress(cells, ctx.minGroupSize, crossCounts) : new Set<(typeof cells)[number]>();

  const total = cells.find((c) => c.grouping === '');
  const wanted = requested[0] ?? '';
  const groups = cells
    .filter((c) => c.grouping === wanted)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((c) => toGroup(wanted, c.values, hidden.has(c) ? null : c.count));
  return { groups, total: total && !hidden.has(total) ? total.count : null, minimumGroupSize: ctx.minGroupSize };
}

/** `values` are every dimension's columns in COLUMNS order; only the grouped dimension's are set. */
function toGroup(dimension: PeopleDimension | '', values: (string | null)[], count: number | null): PeopleStatisticsGroup {
  const at = (d: PeopleDimension, i = 0) => values[DIMENSIONS.slice(0, DIMENSIONS.indexOf(d)).reduce((n, x) => n + COLUMNS[x].length, 0) + i];
  return Object.assign(new PeopleStatisticsGroup(), {
    schoolId: dimension === PeopleDimension.SCHOOL ? at(PeopleDimension.SCHOOL) : null,
    leadershipLevel: dimension === PeopleDimension.LEADERSHIP_LEVEL ? (at(PeopleDimension.LEADERSHIP_LEVEL) as LeadershipLevel | null) : null,
    localAuthority: dimension === PeopleDimension.LOCAL_AUTHORITY ? codeName(at(PeopleDimension.LOCAL_AUTHORITY), at(PeopleDimension.LOCAL_AUTHORITY, 1)) : null,
    phase: dimension === PeopleDimension.PHASE ? codeName(at(PeopleDimension.PHASE), at(PeopleDimension.PHASE, 1)) : null,
    count,
    suppressed: count === null,
  });
}
