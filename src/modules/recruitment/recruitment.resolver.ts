import { englishDate } from '../../common/academic-year';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { CreateRecruitmentRoundInput, RecruitmentRoundFilter, RecruitmentRoundPayload, RoundArea, RoundProgress } from './recruitment.inputs';
import { createRecruitmentRound, listRecruitmentRounds } from './recruitment.service';
import { RecruitmentRound } from './recruitment-round.entity';

export const RecruitmentRoundConnection = ConnectionType(RecruitmentRound);

@Resolver(() => RecruitmentRound)
export class RecruitmentRoundResolver {
  @Query(() => RecruitmentRoundConnection, { description: "The acting alliance's recruitment rounds, latest deadline first." })
  recruitmentRounds(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Arg('filter', () => RecruitmentRoundFilter, { nullable: true, description: 'Which rounds; all unless asked.' }) filter?: RecruitmentRoundFilter | null) {
    return listRecruitmentRounds(ctx, filter, page);
  }

  @Mutation(() => RecruitmentRoundPayload, { description: 'Opens a round for one designation type: areas sought with targets, and its timeline.' })
  async createRecruitmentRound(@Ctx() ctx: RequestContext, @Arg('input', () => CreateRecruitmentRoundInput, { description: 'What to do, and to what.' }) input: CreateRecruitmentRoundInput) {
    return { recruitmentRound: await createRecruitmentRound(ctx, input) };
  }

  @FieldResolver(() => Boolean, { description: 'Still taking applications: the deadline has not passed.' })
  open(@Root() round: RecruitmentRound) {
    return round.applicationDeadline >= englishDate();
  }

  @FieldResolver(() => [RoundArea], { description: 'The areas of expertise sought, largest target first: what an application to the round may name.' })
  async areas(@Root() round: RecruitmentRound, @Ctx() ctx: RequestContext): Promise<RoundArea[]> {
    const targets = await ctx.loaders.targetsByRound.load(round.id);
    const areas = await ctx.loaders.areaOfExpertiseById.loadMany(targets.map((t) => t.areaId));
    return targets.map((t, i) => ({ area: areas[i] as never, target: t.target }));
  }

  @FieldResolver(() => RoundProgress, { nullable: true, description: 'Per area, applied / shortlisted / approved / designated against the target. Null for practitioners.' })
  async progress(@Root() round: RecruitmentRound, @Ctx() ctx: RequestContext): Promise<RoundProgress> {
    const [targets, counts] = await Promise.all([ctx.loaders.targetsByRound.load(round.id), ctx.loaders.roundProgress.load(round.id)]);
    const areas = await ctx.loaders.areaOfExpertiseById.loadMany(targets.map((t) => t.areaId));
    const zero = { applied: 0, shortlisted: 0, approved: 0, designated: 0 };
    return {
      areas: targets.map((t, i) => {
        const reached = counts.byArea.get(t.areaId) ?? zero;
        return { ...reached, area: areas[i] as never, target: t.target, stillNeeded: Math.max(0, t.target - reached.designated) };
      }),
      total: counts.total,
      target: round.overallTarget ?? targets.reduce((sum, t) => sum + t.target, 0),
    };
  }
}
