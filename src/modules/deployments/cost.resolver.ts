import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AcademicYear } from '../../common/scalars';
import { RequestContext } from '../../context/context';
import { statementOfCharges, StatementOfCharges } from './charges';
import { deploymentCost } from './cost';
import { Deployment } from './deployment.entity';

@ObjectType({ simpleResolvers: true, description: 'What a deployment costs, in integer pence, from the tariff copied when it was agreed (cost.ts states the rule and its rounding).' })
export class DeploymentCost {
  @Field(() => Int, { description: 'What the delivered sessions cost the commissioner.' })
  totalPence: number;

  @Field(() => Int, { description: "The alliance's brokerage fee on them." })
  brokerageFeePence: number;

  @Field(() => Int, { description: "The home school's share: total − fee." })
  homeSchoolPence: number;

  @Field(() => Float, { description: 'Days delivered.' })
  deliveredDays: number;

  @Field(() => Int, { description: 'An estimate: what the sessions still planned will cost at the same rates.' })
  plannedPence: number;

  @Field(() => Float, { description: 'Days in the sessions still planned.' })
  plannedDays: number;
}

@Resolver(() => Deployment)
export class DeploymentCostResolver {
  @FieldResolver(() => DeploymentCost, { nullable: true, description: 'Null until agreed. Reads the sessions through the same batched loader as `sessions`.' })
  async cost(@Root() deployment: Deployment, @Ctx() ctx: RequestContext) {
    if (deployment.tariffFullDayPence == null) return null;
    return deploymentCost(deployment, await ctx.loaders.sessionsByDeployment.load(deployment.id));
  }

  @Query(() => StatementOfCharges, { description: "The coordinator's statement of charges for an academic year, by term: who pays whom for the sessions delivered." })
  statementOfCharges(@Ctx() ctx: RequestContext, @Arg('academicYear', () => AcademicYear, { description: 'The academic year, e.g. "2025/26".' }) academicYear: number) {
    return statementOfCharges(ctx, academicYear);
  }
}
