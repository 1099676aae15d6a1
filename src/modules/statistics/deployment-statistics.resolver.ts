import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { deploymentStatistics } from './deployment-statistics.service';
import { DeploymentDimension, DeploymentStatistics, DeploymentStatisticsFilter } from './deployment-statistics.types';

@Resolver()
export class DeploymentStatisticsResolver {
  @Query(() => DeploymentStatistics, {
    description:
      "Counts, days delivered and cost of the acting alliance's deployments by the dimensions given (none, for the total). Coordinators: exact, any grouping and filter. Analysts: one dimension at most, filtering only on it, small groups suppressed.",
  })
  deploymentStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [DeploymentDimension], { description: 'The dimensions to group by; analysts one at most.' }) groupBy: DeploymentDimension[],
    @Arg('filter', () => DeploymentStatisticsFilter, { nullable: true, description: 'Which deployments to count.' }) filter?: DeploymentStatisticsFilter | null,
  ) {
    return deploymentStatistics(ctx, groupBy, filter);
  }
}
