import { PageArgs } from '../../common/connection';
import { paginate } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from './area-of-expertise.entity';

/** The canonical list in inspection-heading order: shared reference data. */
export function listAreasOfExpertise(ctx: RequestContext, page: PageArgs) {
  return paginate(ctx.em.createQueryBuilder(AreaOfExpertise, 'area'), page, { expression: 'area.position', value: (a) => a.position, kind: 'integer' });
}
