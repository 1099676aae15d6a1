import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../context/context';
import { School } from '../schools/school.entity';
import { peopleStatistics } from './people-statistics.service';
import { PeopleDimension, PeopleStatistics, PeopleStatisticsGroup } from './people-statistics.types';

@Resolver(() => PeopleStatisticsGroup)
export class PeopleStatisticsResolver {
  @Query(() => PeopleStatistics, {
    description: "Counts of the acting alliance's staff records by one dimension (or none, for the total); groups below the minimum size are suppressed. Analysts may not count by school.",
  })
  peopleStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [PeopleDimension], { description: 'The dimensions to group by; analysts one at most.' }) groupBy: PeopleDimension[],
  ) {
    return peopleStatistics(ctx, groupBy);
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school, when grouped by it.' })
  school(@Root() group: PeopleStatisticsGroup, @Ctx() ctx: RequestContext) {
    return group.schoolId ? ctx.loaders.schoolById.load(group.schoolId) : null;
  }
}
