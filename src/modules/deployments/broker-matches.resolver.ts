import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { Designation } from '../designations/designation.entity';
import { brokerMatches } from './broker-matches';
import { BrokerMatch } from './broker-matches.types';

@Resolver(() => BrokerMatch)
export class BrokerMatchResolver {
  @Query(() => [BrokerMatch], {
    description:
      "The coordinator's ranked candidates for a support request: the alliance's active designations of the wanted type, best first, each with its score and the reasons that make it up. " +
      "Never the supported school's own staff. Designations under review, and those without release days left in the academic year of the preferred start, only when asked for.",
  })
  brokerMatches(
    @Ctx() ctx: RequestContext,
    @Arg('supportRequestId', () => ID, { description: "The support request's global ID." }) supportRequestId: string,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 50.' }) first: number,
    @Arg('includeUnderReview', () => Boolean, { defaultValue: false, description: 'Also designations under review, not only active ones.' }) includeUnderReview: boolean,
    @Arg('includeWithoutCapacity', () => Boolean, { defaultValue: false, description: "Also system leaders with no release days left in the academic year of the request's preferred start." }) includeWithoutCapacity: boolean,
  ) {
    return brokerMatches(ctx, { supportRequestId, first, includeUnderReview, includeWithoutCapacity });
  }

  @FieldResolver(() => Designation, { description: "The system leader's designation." })
  async designation(@Root() match: BrokerMatch, @Ctx() ctx: RequestContext) {
    return ctx.loaders.designationById.load(match.designationId);
  }
}
