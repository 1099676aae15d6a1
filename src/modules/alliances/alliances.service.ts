import { PageArgs } from '../../common/connection';
import { fromGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { AllianceKind } from './alliance-enums';
import { Alliance } from './alliance.entity';

/** An alliance named by its global id or its slug, as X-Alliance-Id and filters accept. */
export async function findAllianceByRef(ctx: RequestContext, ref: string): Promise<Alliance | null> {
  const global = fromGlobalId(ref);
  if (global) return global.type === 'Alliance' ? ctx.loaders.allianceById.load(global.id) : null;
  return ctx.loaders.allianceBySlug.load(ref.trim().toLowerCase());
}

export function listAlliances(ctx: RequestContext, page: PageArgs, kinds?: AllianceKind[] | null) {
  const qb = ctx.em.createQueryBuilder(Alliance, 'alliance');
  if (kinds?.length) qb.where('alliance.kind = ANY(:kinds)', { kinds });
  return paginate(qb, page, { expression: 'alliance.name', value: (a) => a.name });
}
