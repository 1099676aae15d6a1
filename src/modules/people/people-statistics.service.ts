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
 * Counts of the acting alliance's staff records by one dimension (or none). Analysts' counts are
 * suppressed: every grouping an analyst could ask for, and their cross-table, is counted in one
 * statement (GROUPING SETS) and suppressed together (suppression.ts), so that the answers to
 * different requests cannot be combined to reopen a hidden cell. There are no filters and one
 * dimension at most, since a filtered or combined count could be subtracted from an unfiltered one.
 * Analysts do not count by school (schools sit inside authorities and phases). Coordinators and heads,
 * who read every staff record anyway, get exact counts of what they ask for; practitioners, who see
 * their own record only, count nothing (T4).
 */
export async function peopleStatistics(ctx: RequestContext, groupBy: PeopleDimension[]): Promise<PeopleStatistics> {
  const acting = actingOf(ctx);
  if (acting.role === ActingRole.PRACTITIONER) throw new Forbidden('counts of staff are for coordinators, heads and analysts: a practitioner sees their own record only');
  const requested = [...new Set(groupBy)];
  if (requested.length > 1) throw new BadUserInput('groupBy takes one dimension at most: combined groups could be subtracted from their totals', 'groupBy');
  const suppressed = acting.role === ActingRole.ANALYST;
  if (suppressed && requested[0] === PeopleDimension.SCHOOL) {
    throw new Forbidden('analysts count people by leadership level, local authority or phase: counts by school could identify them');
  }
  const grouped = suppressed ? DIMENSIONS.filter((d) => d !== PeopleDimension.SCHOOL) : requested;

  const columns = DIMENSIONS.flatMap((d) => COLUMNS[d]);
  // A dimension that is not grouped by is not selected at all, not even to be thrown away.
  const selectable = new Set(grouped.flatMap((d) => COLUMNS[d]));
  const sets = ['()', ...grouped.map((d) => `(${COLUMNS[d].join(', ')})`)];
  // The cross-table of the groupings, which the suppression audit needs and never shows.
  if (suppressed) sets.push(`(${[...selectable].join(', ')})`);
  const qb = scopedQuery(ctx, Person)!
    .leftJoin(School, 's', 's.id = e.school_id')
    .select('count(*)::int', 'n')
    // Which rows a cell holds, as a number: equal for two cells of exactly the same people.
    .addSelect(suppressed ? `sum(hashtextextended(e.id::text, 0))::text` : 'NULL', 'fingerprint')
    .addSelect(grouped.length ? `GROUPING(${grouped.map((d) => COLUMNS[d][0]).join(', ')})` : '0', 'grouping');
  columns.forEach((column, i) => qb.addSelect(selectable.has(column) ? column : 'NULL', `c${i}`));
  qb.groupBy(`GROUPING SETS (${sets.join(', ')})`);
  const rows: Record<string, string | number | null>[] = await qb.getRawMany();

  // GROUPING() sets a bit for each dimension left out of a row's set: all bits for the total, all but one
  // for a dimension, none for the cross-table.
  const all = (1 << grouped.length) - 1;
  const dimensionOf = (bits: number) => (bits === all ? '' : (grouped.find((_, i) => bits === (all & ~(1 << (grouped.length - 1 - i)))) ?? ''));
  const valuesOf = (row: Record<string, string | number | null>) => columns.map((_, i) => (row[`c${i}`] === null ? null : String(row[`c${i}`])));
  const isCross = (row: Record<string, string | number | null>) => suppressed && Number(row.grouping) === 0;
  const cross = rows.filter(isCross).map((row) => ({ values: valuesOf(row), count: Number(row.n) }));
  const positions = (d: PeopleDimension) => COLUMNS[d].map((column) => columns.indexOf(column));
  const cells = rows
    .filter((row) => !isCross(row))
    .map((row) => {
      const grouping = dimensionOf(Number(row.grouping));
      const values = valuesOf(row);
      // The cross-table cells this one adds up: those with the same values of its dimension (all, for the total).
      const parts = cross.flatMap((x, j) => (grouping === '' || positions(grouping).every((p) => x.values[p] === values[p]) ? [j] : []));
      return { grouping, count: Number(row.n), fingerprint: `${row.n}:${row.fingerprint}`, key: JSON.stringify(values), values, parts };
    });
  const hidden = suppressed ? suppress(cells, ctx.minGroupSize, cross.map((x) => x.count)) : new Set<(typeof cells)[number]>();

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
