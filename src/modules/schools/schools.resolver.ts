import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { SchoolMembershipConnection } from '../alliances/alliances.resolver';
import { School } from './school.entity';
import { SchoolFilter, SchoolOrder } from './schools.inputs';
import { findSchoolByUrn, listSchools } from './schools.service';
import { SchoolWhere } from '../../common/where/lists';
import { orderByDescription } from '../../common/order-direction';

export const SchoolConnection = ConnectionType(School);

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => SchoolConnection, { description: 'The school register (GIAS), shared by every alliance.' })
  schools(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => SchoolFilter, { nullable: true, description: 'Which schools; the whole register unless asked.' }) filter?: SchoolFilter | null,
    @Arg('orderBy', () => [SchoolOrder], { nullable: true, description: orderByDescription('by name, A first') }) orderBy?: SchoolOrder[] | null,
    @Arg('where', () => SchoolWhere, { nullable: true, description: 'Conditions of your own, ANDed with filter and with what you may see (never widening it).' }) where?: object | null,
  ) {
    return listSchools(ctx, filter, orderBy, page, where);
  }

  @Query(() => School, { nullable: true, description: 'One school by its 6-digit URN; null when there is none.' })
  school(@Ctx() ctx: RequestContext, @Arg('urn', () => String, { description: "The school's unique reference number in the register." }) urn: string) {
    return findSchoolByUrn(ctx, urn);
  }

  @FieldResolver(() => SchoolMembershipConnection, { description: 'Alliances this school belongs, belonged or will belong to, oldest first.' })
  allianceMemberships(@Root() school: School, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return ctx.loaders.membershipsBySchoolId(page).load(school.id);
  }
}
