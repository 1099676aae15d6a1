import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from '../areas-of-expertise/area-of-expertise.entity';
import { School } from '../schools/school.entity';
import { SupportRequestStatus } from './support-request-enums';
import { SupportRequest } from './support-request.entity';
import { CreateSupportRequestInput, EndSupportRequestInput, SupportRequestFilter, SupportRequestOrder, SupportRequestPayload } from './support-requests.inputs';
import { orderByDescription } from '../../common/order-direction';
import { createSupportRequest, endSupportRequest, listSupportRequests } from './support-requests.service';
import { SupportRequestWhere } from '../../common/where/lists';

export const SupportRequestConnection = ConnectionType(SupportRequest);

@Resolver(() => SupportRequest)
export class SupportRequestResolver {
  @Query(() => SupportRequestConnection, { description: 'Requests for support to the acting alliance, newest first unless orderBy says otherwise: the coordinator all; a head those for their school or that their school takes part in; a system leader those of their deployments.' })
  supportRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => SupportRequestFilter, { nullable: true, description: 'Which requests; all you may see unless asked.' }) filter?: SupportRequestFilter | null,
    @Arg('where', () => SupportRequestWhere, { nullable: true, description: 'Conditions of your own, ANDed with filter and with what you may see (never widening it).' }) where?: object | null,
    @Arg('orderBy', () => [SupportRequestOrder], { nullable: true, description: orderByDescription('newest received first') }) orderBy?: SupportRequestOrder[] | null,
  ) {
    return listSupportRequests(ctx, filter, page, where, orderBy);
  }

  @Mutation(() => SupportRequestPayload, { description: 'A request from a commissioner for a supported school.' })
  async createSupportRequest(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSupportRequestInput, { description: 'What to do, and to what.' }) input: CreateSupportRequestInput) {
    return { supportRequest: await createSupportRequest(ctx, input) };
  }

  @Mutation(() => SupportRequestPayload, { description: 'Done with: met, or no longer needed.' })
  async closeSupportRequest(@Ctx() ctx: RequestContext, @Arg('input', () => EndSupportRequestInput, { description: 'What to do, and to what.' }) input: EndSupportRequestInput) {
    return { supportRequest: await endSupportRequest(ctx, input, SupportRequestStatus.CLOSED) };
  }

  @Mutation(() => SupportRequestPayload, { description: 'The commissioner withdrew the request; the reason is required.' })
  async withdrawSupportRequest(@Ctx() ctx: RequestContext, @Arg('input', () => EndSupportRequestInput, { description: 'What to do, and to what.' }) input: EndSupportRequestInput) {
    return { supportRequest: await endSupportRequest(ctx, input, SupportRequestStatus.WITHDRAWN) };
  }

  @FieldResolver(() => School, { description: 'The school to be supported.' })
  async supportedSchool(@Root() r: SupportRequest, @Ctx() ctx: RequestContext) {
    return ctx.loaders.schoolById.load(r.supportedSchoolId);
  }

  @FieldResolver(() => School, { nullable: true, description: 'A SCHOOL commissioner.' })
  commissionerSchool(@Root() r: SupportRequest, @Ctx() ctx: RequestContext) {
    return r.commissionerSchoolId ? ctx.loaders.schoolById.load(r.commissionerSchoolId) : null;
  }

  @FieldResolver(() => [AreaOfExpertise], { description: 'The areas of expertise needed.' })
  async areasOfExpertise(@Root() r: SupportRequest, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.areaOfExpertiseById.loadMany(r.areaIds)).filter((a): a is AreaOfExpertise => a !== null && !(a instanceof Error));
  }
}
