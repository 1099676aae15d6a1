import { PageArgs } from '../../common/connection';
import { fromGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { OrderDirection } from '../../common/order-direction';
import { Alliance } from './alliance.entity';
import { AllianceFilter, AllianceOrder, AllianceOrderField } from './alliances.inputs';

/** An alliance named by its global id or its slug, as X-Alliance-Id and filters accept. */
export async function findAllianceByRef(ctx: RequestContext, ref: string): Promise<Alliance | null> {
  const global = fromGlobalId(ref);
  if (global) return global.type === 'Alliance' ? ctx.loaders.allianceById.load(global.id) : null;
  return ctx.loaders.allianceBySlug.load(ref.trim().toLowerCase());
}

export function listAlliances(ctx: RequestContext, page: PageArgs, filter?: AllianceFilter | null, order?: AllianceOrder | null) {
  const qb = ctx.em.createQueryBuilder(Alliance, 'alliance');
  if (filter?.kinds?.length) qb.where('alliance.kind = ANY(:kinds)', { kinds: filter.kinds });
  const direction = order?.direction ?? OrderDirection.ASC;
  return order?.field === AllianceOrderField.SLUG
    ? paginate(qb, page, { expression: 'alliance.slug', value: (a) => a.slug, direction })
    : paginate(qb, page, { expression: 'alliance.name', value: (a) => a.name, direction });
}
