import { PageArgs } from '../../common/connection';
import { fromGlobalId } from '../../common/global-id';
import { isUuid } from '../../common/text';
import { paginate } from '../../common/paginate';
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

export function listAlliances(ctx: RequestContext, page: PageArgs, filter?: AllianceFilter | null, order?: AllianceOrder | null) {
  const qb = ctx.em.createQueryBuilder(Alliance, 'alliance');
  if (filter?.kinds?.length) qb.where('alliance.kind = ANY(:kinds)', { kinds: filter.kinds });
  const direction = order?.direction ?? OrderDirection.ASC;
  return order?.field === AllianceOrderField.SLUG
    ? paginate(qb, page, { expression: 'alliance.slug', value: (a) => a.slug, direction })
    : paginate(qb, page, { expression: 'alliance.name', value: (a) => a.name, direction });
}
