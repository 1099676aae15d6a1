import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { School } from '../schools/school.entity';
import { Alliance } from './alliance.entity';
import { SchoolMembership } from './school-membership.entity';

@Resolver(() => SchoolMembership)
export class SchoolMembershipResolver {
  @FieldResolver(() => Alliance, { description: 'The alliance.' })
  alliance(@Root() membership: SchoolMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.allianceById.load(membership.allianceId);
  }

  @FieldResolver(() => School, { description: 'The school.' })
  school(@Root() membership: SchoolMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.schoolById.load(membership.schoolId);
  }
}
