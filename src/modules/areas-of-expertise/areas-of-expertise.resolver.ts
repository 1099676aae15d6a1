import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from './area-of-expertise.entity';
import { listAreasOfExpertise } from './areas-of-expertise.service';

export const AreaOfExpertiseConnection = ConnectionType(AreaOfExpertise);

@Resolver(() => AreaOfExpertise)
export class AreaOfExpertiseResolver {
  @Query(() => AreaOfExpertiseConnection, { description: 'The canonical areas of expertise, in inspection-heading order.' })
  areasOfExpertise(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listAreasOfExpertise(ctx, page);
  }
}
