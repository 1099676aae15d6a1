import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { englishDate } from '../../common/academic-year';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { roundDays, sessionDays } from './cost';
import { SessionLength, SessionStatus } from './deployment-enums';
import { DeploymentSession } from './deployment-session.entity';
import { Deployment } from './deployment.entity';
import { LogSessionInput, SessionPayload, SubmitVisitRecordInput, UpdateSessionInput, VisitRecord } from './sessions.inputs';
import { listOverdueVisitRecords, logSession, submitVisitRecord, updateSession } from './sessions.service';

export const DeploymentSessionConnection = ConnectionType(DeploymentSession);

@Resolver(() => DeploymentSession)
export class DeploymentSessionResolver {
  @Mutation(() => SessionPayload, { description: 'A planned or delivered session of an AGREED or ACTIVE deployment (delivered: ACTIVE only), by its system leader or the coordinator.' })
  logSession(@Ctx() ctx: RequestContext, @Arg('input', () => LogSessionInput, { description: 'What to do, and to what.' }) input: LogSessionInput) {
    return logSession(ctx, input);
  }

  @Mutation(() => SessionPayload, { description: 'Mark a planned session delivered or cancelled, move it, or change its notes.' })
  updateSession(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSessionInput, { description: 'What to do, and to what.' }) input: UpdateSessionInput) {
    return updateSession(ctx, input);
  }

  @Mutation(() => SessionPayload, { description: 'The visit record of a delivered session: once, dated today.' })
  submitVisitRecord(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitVisitRecordInput, { description: 'What to do, and to what.' }) input: SubmitVisitRecordInput) {
    return submitVisitRecord(ctx, input);
  }

  @Query(() => DeploymentSessionConnection, { description: "Delivered sessions whose visit record is overdue (due before today in England), oldest due first: the coordinator's list." })
  overdueVisitRecords(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listOverdueVisitRecords(ctx, page);
  }

  @FieldResolver(() => Deployment, { description: 'The deployment.' })
  async deployment(@Root() session: DeploymentSession, @Ctx() ctx: RequestContext) {
    return ctx.loaders.deploymentById.load(session.deploymentId);
  }

  @FieldResolver(() => Float, { description: "Its length in days: 1, 0.5, or hours pro rata on the deployment's tariff hours per day (6 until agreed)." })
  async days(@Root() session: DeploymentSession, @Ctx() ctx: RequestContext) {
    if (session.length !== SessionLength.HOURS) return sessionDays(session, null);
    const deployment = await ctx.loaders.deploymentById.load(session.deploymentId);
    return roundDays(sessionDays(session, deployment?.tariffHoursPerDay ?? null));
  }

  @FieldResolver(() => VisitRecord, { nullable: true, description: 'Once submitted.' })
  visitRecord(@Root() session: DeploymentSession): VisitRecord | null {
    if (!session.visitRecordSubmittedOn) return null;
    return {
      summary: session.visitSummary!,
      nextSteps: session.visitNextSteps,
      submittedOn: session.visitRecordSubmittedOn,
      submittedLate: session.visitRecordDueOn != null && session.visitRecordSubmittedOn > session.visitRecordDueOn,
    };
  }

  @FieldResolver(() => Boolean, { description: 'Delivered, with no visit record, and due before today.' })
  visitRecordOverdue(@Root() session: DeploymentSession): boolean {
    return session.status === SessionStatus.DELIVERED && !session.visitRecordSubmittedOn && session.visitRecordDueOn != null && session.visitRecordDueOn < englishDate();
  }
}

/** Deployment's sessions (a second resolver class of Deployment, beside the deployments module's own). */
@Resolver(() => Deployment)
export class DeploymentSessionsResolver {
  @FieldResolver(() => [DeploymentSession], { description: 'By date.' })
  sessions(@Root() deployment: Deployment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.sessionsByDeployment.load(deployment.id);
  }
}
