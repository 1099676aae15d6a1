import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { checkFirst, Connection, CursorKind, cursorTag, decodeCursor, encodeCursor, PageArgs } from './connection';

export interface SortKey<T> {
  /** SQL expression on the query's alias, e.g. `school.name`. Must not be null. */
  expression: string;
  value: (row: T) => string | number;
  direction?: 'ASC' | 'DESC';
  /** What the sort key is, so that a forged cursor is refused before it reaches SQL. Default: string. */
  kind?: Extract<CursorKind, 'string' | 'integer' | 'timestamp'>;
}

/**
 * Keyset pagination on (sort key, id): stable under inserts, and as fast on page 500 as on page 1.
 * Filters must already be on `qb`, so that paging counts only what the caller may see (SECURITY.md T4).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: SortKey<T>,
): Promise<Connection<T>> {
  const first = checkFirst(args.first);
  const direction = sort.direction ?? 'ASC';
  const tag = cursorTag(`${qb.expressionMap.mainAlias?.metadata.tableName}|${sort.expression}|${direction}`);
  const after = decodeCursor(args.after, tag, [sort.kind ?? 'string', 'uuid']);
  const idColumn = `${qb.alias}.id`;
  const countQuery = qb.clone();

  if (after) {
    const op = direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${sort.expression}, ${idColumn}) ${op} (:afterKey, :afterId)`, { afterKey: after[0], afterId: after[1] });
  }
  const rows = await qb
    .orderBy(sort.expression, direction)
    .addOrderBy(idColumn, direction)
    .take(undefined)
    .limit(first + 1)
    .getMany();

  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(tag, [sort.value(node), node.id]) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => countQuery.getCount(),
  };
}
