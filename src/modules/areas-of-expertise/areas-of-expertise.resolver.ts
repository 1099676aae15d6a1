import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { paginate } from '../../common/paginate';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from './area-of-expertise.entity';

export const AreaOfExpertiseConnection = ConnectionType(AreaOfExpertise);

@Resolver(() => AreaOfExpertise)
export class AreaOfExpertiseResolver {
  @Query(() => AreaOfExpertiseConnection, { description: 'The canonical areas of expertise, in inspection-heading order.' })
  areasOfExpertise(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    const qb = ctx.em.createQueryBuilder(AreaOfExpertise, 'area');
    return paginate(qb, page, { expression: 'area.position', value: (a) => a.position, kind: 'number' });
  }
}
