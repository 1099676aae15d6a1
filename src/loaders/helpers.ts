import DataLoader from 'dataloader';
import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { checkFirst, Connection, cursorTag, decodeCursor, encodeCursor, PageArgs } from '../common/connection';
import type { Acting } from '../context/context';

/** What a loader may see: the request's EntityManager, and the acting alliance and role (null: shared data only). */
export interface LoaderScope {
  em: EntityManager;
  acting: Acting | null;
}

/** Which rows of the acting alliance a role may see: all, none, or a condition on alias `e`. */
export type Visibility = 'all' | 'none' | { where: string; params: Record<string, unknown> };

interface Options {
  /** Reference data readable across alliances (schools, public alliance profiles). Default: a table with an `allianceId` is tenant-scoped. */
  shared?: boolean;
  /** Extra condition on alias `e`, e.g. `e.ends_on IS NULL`. */
  where?: string;
  /** Row-level visibility by role, for personal data (the same policy the type's service lists with). */
  visible?: (acting: Acting) => Visibility;
}

type Keyed = ObjectLiteral & { id: string };

/**
 * The query every loader and every service list starts from, on alias `e`. The tenant condition and
 * the role's row visibility are added here, once, so no query can forget them (SECURITY.md T4, T5).
 * Undefined when the caller may see no row at all (no acting alliance, or a role that sees none).
 */
export function scopedQuery<E extends ObjectLiteral>(scope: LoaderScope, entity: EntityTarget<E>, options: Options = {}): SelectQueryBuilder<E> | undefined {
  const metadata = scope.em.connection.getMetadata(entity);
  const tenantColumn = metadata.findColumnWithPropertyName('allianceId');
  const qb = scope.em.createQueryBuilder(entity, 'e');
  if (tenantColumn && !options.shared) {
    if (!scope.acting) return undefined;
    qb.where(`e.${tenantColumn.databaseName} = :tenantId`, { tenantId: scope.acting.allianceId });
  }
  if (options.visible) {
    const visibility = scope.acting ? options.visible(scope.acting) : 'none';
    if (visibility === 'none') return undefined;
    if (visibility !== 'all') qb.andWhere(visibility.where, visibility.params);
  }
  if (options.where) qb.andWhere(options.where);
  return qb;
}

function columnOf(scope: LoaderScope, entity: EntityTarget<ObjectLiteral>, property: string): string {
  const column = scope.em.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column ${property} on ${String(entity)}`);
  return column.databaseName;
}

/** One row per key, `null` for a miss (or a row of another alliance). */
export function oneBy<E extends Keyed>(entity: EntityTarget<E>, property: keyof E & string, options: Options = {}) {
  return (scope: LoaderScope) =>
    new DataLoader<string, E | null>(async (keys) => {
      const qb = scopedQuery(scope, entity, options);
      if (!qb) return keys.map(() => null);
      const column = columnOf(scope, entity, property);
      const rows = await qb.andWhere(`e.${column} = ANY(:keys)`, { keys }).getMany();
      const found = new Map(rows.map((row) => [String(row[property]), row]));
      return keys.map((key) => found.get(key) ?? null);
    });
}

export const byId = <E extends Keyed>(entity: EntityTarget<E>, options: Options = {}) => oneBy(entity, 'id', options);

/** `orderBy`: the order within each parent, on alias `e`; the id breaks ties. */
type PageOptions = Options & { orderBy: string };

/**
 * A page of rows per parent in ONE windowed query, whatever the number of parents:
 * `row_number() over (partition by parent)` picks each parent's slice and `count(*) over` its total.
 * Cursors are positions within the parent's list. One loader per distinct (first, after).
 */
export function pagedBy<E extends Keyed>(entity: EntityTarget<E>, property: keyof E & string, options: PageOptions) {
  return (scope: LoaderScope) => {
    const tag = cursorTag(`${scope.em.connection.getMetadata(entity).tableName}|${property}|${options.orderBy}|${options.where ?? ''}`);
    const loaders = new Map<string, DataLoader<string, Connection<E>>>();
    return (args: PageArgs): DataLoader<string, Connection<E>> => {
      const first = checkFirst(args.first);
      const offset = Number(decodeCursor(args.after, tag, ['position'])?.[0] ?? 0);
      const cacheKey = `${first}:${offset}`;
      let loader = loaders.get(cacheKey);
      if (!loader) {
        loader = new DataLoader<string, Connection<E>>((keys) => loadPages(scope, entity, property, options, keys, first, offset, tag));
        loaders.set(cacheKey, loader);
      }
      return loader;
    };
  };
}

async function loadPages<E extends Keyed>(
  scope: LoaderScope,
  entity: EntityTarget<E>,
  property: keyof E & string,
  options: PageOptions,
  keys: readonly string[],
  first: number,
  offset: number,
  tag: string,
): Promise<Connection<E>[]> {
  const window = scopedQuery(scope, entity, options);
  const empty = (total: number): Connection<E> => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: () => total });
  if (!window) return keys.map(() => empty(0));
  const column = columnOf(scope, entity, property);
  window
    .select('e.id', 'id')
    .addSelect(`row_number() over (partition by e.${column} order by ${options.orderBy}, e.id)`, 'position')
    .addSelect(`count(*) over (partition by e.${column})`, 'total')
    .andWhere(`e.${column} = ANY(:keys)`, { keys });

  const { entities, raw } = await scope.em
    .createQueryBuilder(entity, 'e')
    .innerJoin(`(${window.getQuery()})`, 'w', 'w.id = e.id')
    .addSelect('w.position', 'position')
    .addSelect('w.total', 'total')
    .where('w.position > :offset AND w.position <= :limit', { offset, limit: offset + first + 1 })
    .setParameters(window.getParameters())
    .orderBy('w.position')
    .getRawAndEntities();

  const byParent = new Map<string, { node: E; position: number }[]>();
  const totals = new Map<string, number>();
  entities.forEach((node, i) => {
    const parent = String(node[property]);
    const rowsOfParent = byParent.get(parent) ?? [];
    rowsOfParent.push({ node, position: Number(raw[i].position) });
    byParent.set(parent, rowsOfParent);
    totals.set(parent, Number(raw[i].total));
  });
  return keys.map((key) => {
    const rows = byParent.get(key) ?? [];
    const page = rows.slice(0, first);
    const edges = page.map(({ node, position }) => ({ node, cursor: encodeCursor(tag, [position]) }));
    // No row from the first position on means no rows at all; only a page past the end needs a count of its own.
    const total = totals.get(key) ?? (offset === 0 ? 0 : undefined);
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => total ?? countOne(scope, entity, options, column, key),
    };
  });
}

async function countOne<E extends Keyed>(scope: LoaderScope, entity: EntityTarget<E>, options: Options, column: string, key: string): Promise<number> {
  const qb = scopedQuery(scope, entity, options);
  return qb ? qb.andWhere(`e.${column} = :key`, { key }).getCount() : 0;
}
