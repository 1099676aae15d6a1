import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { designationStatistics } from './designation-statistics.service';
import { DesignationDimension, DesignationStatistics, DesignationStatisticsFilter } from './designation-statistics.types';

@Resolver()
export class DesignationStatisticsResolver {
  @Query(() => DesignationStatistics, {
    description:
      "Counts of the acting alliance's designations by the dimensions given (none, for the total). Coordinators: exact, any grouping and filter. Analysts: one dimension at most, filtering only on it, small groups suppressed.",
  })
  designationStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [DesignationDimension], { description: 'The dimensions to group by; analysts one at most.' }) groupBy: DesignationDimension[],
    @Arg('filter', () => DesignationStatisticsFilter, { nullable: true, description: 'Which designations to count.' }) filter?: DesignationStatisticsFilter | null,
  ) {
    return designationStatistics(ctx, groupBy, filter);
  }

  @Query(() => DesignationStatistics, {
    description:
      "Every alliance's designations, counted, for platform analysts: by the dimensions given (none, for the total), the alliance among them (ALLIANCE). One dimension at most, filtering only on it, small groups suppressed across the whole family of answers (README, \"Analysts: aggregates\").",
  })
  platformDesignationStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [DesignationDimension], { description: 'The dimension to group by (one at most); none for the total.' }) groupBy: DesignationDimension[],
    @Arg('filter', () => DesignationStatisticsFilter, { nullable: true, description: 'Which designations to count: only on the dimension grouped by.' }) filter?: DesignationStatisticsFilter | null,
  ) {
    return designationStatistics(ctx, groupBy, filter, true);
  }
}
