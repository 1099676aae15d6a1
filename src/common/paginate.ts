import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Loaders, scopeOf } from '../loaders';
import { readPage } from '../loaders/helpers';
import { checkFirst, Connection, CursorKind, cursorTag, decodeCursor, encodeCursor, PageArgs } from './connection';
import { BadUserInput } from './errors';
import { MAX_ORDER_KEYS, OrderDirection, OrderKey } from './order-direction';

export interface SortKey<T> {
  /** SQL expression on the query's alias, e.g. `school.name`. Must not be null (coalesce a nullable column). */
  expression: string;
  value: (row: T) => string | number;
  direction?: 'ASC' | 'DESC';
  /** What the sort key is, so that a forged cursor is refused before it reaches SQL. Default: string. */
  kind?: Extract<CursorKind, 'string' | 'integer' | 'timestamp' | 'date'>;
  /** The entity properties `value` reads. Given for every key, the page reads only the selected columns (`read`). */
  columns?: readonly string[];
}

/** A list's sort keys by field of its order enum: one table per list, directions come from the caller. */
export type SortKeyTable<F extends string, T> = Record<F, Omit<SortKey<T>, 'direction'>>;

/**
 * A root list's `orderBy` argument as sort keys for `paginate`: each key from the list's table with
 * its own direction (null is ascending). Absent or empty is `byDefault`. More than MAX_ORDER_KEYS
 * keys, or a field named twice, is the caller's mistake (BAD_USER_INPUT naming the argument).
 */
export function sortKeysOf<F extends string, T>(
  table: SortKeyTable<F, T>,
  orderBy: readonly OrderKey<F>[] | null | undefined,
  byDefault: readonly OrderKey<F>[],
  argument = 'orderBy',
): SortKey<T>[] {
  const keys = orderBy?.length ? orderBy : byDefault;
  if (keys.length > MAX_ORDER_KEYS) throw new BadUserInput(`${argument} takes at most ${MAX_ORDER_KEYS} keys`, argument);
  const seen = new Set<F>();
  return keys.map(({ field, direction }) => {
    if (seen.has(field)) throw new BadUserInput(`${argument} names ${field} more than once`, argument);
    seen.add(field);
    return { ...table[field], direction: direction ?? OrderDirection.ASC };
  });
}

type Column = { expression: string; parameter: string; direction: 'ASC' | 'DESC' };

/**
 * The rows after the cursor's, for an order of columns with their own directions. Consecutive
 * columns of one direction form a run compared as a row. One run (every direction equal: the default
 * and single-key orders) is the row comparison `(k1, k2, id) > (a, b, z)`, which a matching index
 * serves as a range. Several runs expand to `R1 > A OR (R1 = A AND R2 < B) OR ...`, led by the
 * redundant `R1 >= A` so that an index on the first key still bounds the scan.
 */
function keysetCondition(columns: readonly Column[]): string {
  const runs: Column[][] = [];
  for (const column of columns) {
    const run = runs.at(-1);
    if (run && run[0].direction === column.direction) run.push(column);
    else runs.push([column]);
  }
  const row = (xs: string[]) => (xs.length === 1 ? xs[0] : `(${xs.join(', ')})`);
  const compare = (run: Column[], op: string) => `${row(run.map((c) => c.expression))} ${op} ${row(run.map((c) => `:${c.parameter}`))}`;
  const after = (run: Column[], orEqual = '') => compare(run, (run[0].direction === 'ASC' ? '>' : '<') + orEqual);
  if (runs.length === 1) return `(${after(runs[0])})`;
  const terms = runs.map((run, i) => [...runs.slice(0, i).map((tied) => compare(tied, '=')), after(run)].join(' AND '));
  return `(${after(runs[0], '=')} AND (${terms.map((term) => `(${term})`).join(' OR ')}))`;
}

/**
 * Keyset pagination on (sort keys..., id): stable under inserts, and as fast on page 500 as on page 1.
 * The keys apply in order, each in its own direction; the id breaks the ties they leave, in the LAST
 * key's direction: it refines the last key (it orders exactly the rows tied on it), so (last key, id)
 * is one run and an index for a mixed order reads `(k1 DESC, k2 ASC, id ASC)`; with one key, or keys
 * of one direction, it is that direction, as before lists of keys, so those orders' cursors, indexes
 * and plans are unchanged.
 * Filters must already be on `qb`, so that paging counts only what the caller may see (SECURITY.md T4).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: readonly SortKey<T>[],
  /** The request's loaders: the page then reads as they do, only the columns the document selects. */
  read?: Loaders,
): Promise<Connection<T>> {
  if (sort.length === 0) throw new Error('paginate needs at least one sort key');
  const first = checkFirst(args.first);
  const keys = sort.map((key) => ({ ...key, direction: key.direction ?? 'ASC' }));
  const idDirection = keys.at(-1)!.direction;
  // Every expression and direction: a cursor of one order is refused under another (one key: the tag it always had).
  const tag = cursorTag(`${qb.expressionMap.mainAlias?.metadata.tableName}|${keys.map((key) => `${key.expression}|${key.direction}`).join('|')}`);
  const after = decodeCursor(args.after, tag, [...keys.map((key) => key.kind ?? 'string'), 'uuid']);
  const idColumn = `${qb.alias}.id`;
  const countQuery = qb.clone();

  if (after) {
    const columns: Column[] = [...keys, { expression: idColumn, direction: idDirection }].map((key, i) => ({ expression: key.expression, direction: key.direction, parameter: `keysetAfter${i}` }));
    qb.andWhere(keysetCondition(columns), Object.fromEntries(after.map((value, i) => [`keysetAfter${i}`, value])));
  }
  qb.orderBy(keys[0].expression, keys[0].direction);
  for (const key of keys.slice(1)) qb.addOrderBy(key.expression, key.direction);
  qb.addOrderBy(idColumn, idDirection).take(undefined).limit(first + 1);
  const needed = keys.every((key) => key.columns) ? keys.flatMap((key) => key.columns!) : undefined;
  const rows = await readPage(scopeOf(read), qb, needed);

  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(tag, [...keys.map((key) => key.value(node)), node.id]) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => countQuery.getCount(),
  };
}
