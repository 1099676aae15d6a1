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

  @Query(() => DeploymentStatistics, {
    description:
      "Every alliance's deployments, counted, for platform analysts: by the dimensions given (none, for the total), the alliance among them (ALLIANCE). One dimension at most, filtering only on it, small groups suppressed across the whole family of answers (README, \"Analysts: aggregates\").",
  })
  platformDeploymentStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [DeploymentDimension], { description: 'The dimension to group by (one at most); none for the total.' }) groupBy: DeploymentDimension[],
    @Arg('filter', () => DeploymentStatisticsFilter, { nullable: true, description: 'Which deployments to count: only on the dimension grouped by.' }) filter?: DeploymentStatisticsFilter | null,
  ) {
    return deploymentStatistics(ctx, groupBy, filter, true);
  }
}
