import { PageArgs } from '../../common/connection';
import { fromGlobalId } from '../../common/global-id';
import { isUuid } from '../../common/text';
import { paginate, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { OrderDirection } from '../../common/order-direction';
import { Alliance } from './alliance.entity';
import { AllianceFilter, AllianceOrder, AllianceOrderField } from './alliances.inputs';

/** How an alliance is named in X-Alliance-Id and in filters: its global id, its row id, or its slug. */
export function parseAllianceRef(ref: string): { id: string } | { slug: string } | undefined {
  const trimmed = ref.trim();
  const global = fromGlobalId(trimmed);
  if (global) return global.type === 'Alliance' ? { id: global.id } : undefined;
  if (isUuid(trimmed)) return { id: trimmed.toLowerCase() };
  return { slug: trimmed.toLowerCase() };
}

export async function findAllianceByRef(ctx: RequestContext, ref: string): Promise<Alliance | null> {
  const parsed = parseAllianceRef(ref);
  if (!parsed) return null;
  return 'id' in parsed ? ctx.loaders.allianceById.load(parsed.id) : ctx.loaders.allianceBySlug.load(parsed.slug);
}

const SORTS: SortKeyTable<AllianceOrderField, Alliance> = {
  [AllianceOrderField.NAME]: { expression: 'alliance.name', value: (a) => a.name, columns: ['name'] },
  [AllianceOrderField.SLUG]: { expression: 'alliance.slug', value: (a) => a.slug, columns: ['slug'] },
};
const DEFAULT_ORDER = [{ field: AllianceOrderField.NAME, direction: OrderDirection.ASC }];

export function listAlliances(ctx: RequestContext, page: PageArgs, filter?: AllianceFilter | null, order?: readonly AllianceOrder[] | null) {
  const qb = ctx.em.createQueryBuilder(Alliance, 'alliance');
  if (filter?.kinds?.length) qb.where('alliance.kind = ANY(:kinds)', { kinds: filter.kinds });
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}
