import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { academicYearOf, englishDate } from '../../common/academic-year';
import { ConnectionType, PageArgs } from '../../common/connection';
import { AcademicYear } from '../../common/scalars';
import { RequestContext } from '../../context/context';
import { Designation } from '../designations/designation.entity';
import { Person } from '../people/person.entity';
import { School } from '../schools/school.entity';
import { SupportRequest } from '../support-requests/support-request.entity';
import { ContractParty, DeploymentStatus } from './deployment-enums';
import { DeploymentSignature } from './deployment-signature.entity';
import { deploymentMoverOf } from './deployment-store';
import { Deployment } from './deployment.entity';
import {
  AgreeDeploymentInput, Capacity, DeploymentFilter, DeploymentMoveInput, DeploymentOrder, DeploymentPayload, DeploymentSignaturePayload, ProposeDeploymentInput,
  SignDeploymentInput, UpdateDeploymentTermsInput,
} from './deployments.inputs';
import { agreeDeployment, listDeployments, moveDeployment, proposeDeployment, signDeployment, updateDeploymentTerms } from './deployments.service';
import { deploymentMovesFrom } from './lifecycle';
import { DeploymentWhere } from '../../common/where/lists';
import { orderByDescription } from '../../common/order-direction';

export const DeploymentConnection = ConnectionType(Deployment);

@ObjectType({ simpleResolvers: true, description: 'A status you may move this deployment to, and the mutation that does it.' })
class DeploymentMove {
  @Field(() => DeploymentStatus, { description: 'The status.' })
  to: DeploymentStatus;

  @Field({ description: 'The mutation that makes the move.' })
  mutation: string;
}

const move = (action: Parameters<typeof moveDeployment>[1]) => async (ctx: RequestContext, input: DeploymentMoveInput) => ({ deployment: await moveDeployment(ctx, action, input) });

@Resolver(() => Deployment)
export class DeploymentResolver {
  @Query(() => DeploymentConnection, { description: 'Deployments you may see, newest proposal first unless orderBy says otherwise: the coordinator all; a head those into or from their school; a system leader their own.' })
  deployments(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => DeploymentFilter, { nullable: true, description: 'Which deployments; all you may see unless asked.' }) filter?: DeploymentFilter | null,
    @Arg('orderBy', () => [DeploymentOrder], { nullable: true, description: orderByDescription('by proposal date, latest first') }) orderBy?: DeploymentOrder[] | null,
    @Arg('where', () => DeploymentWhere, { nullable: true, description: 'Conditions of your own, ANDed with filter and with what you may see (never widening it).' }) where?: object | null,
  ) {
    return listDeployments(ctx, filter, orderBy, page, where);
  }

  @Mutation(() => DeploymentPayload, { description: 'A deployment of an active system leader for a request, with the terms known so far. Never to their own school.' })
  proposeDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => ProposeDeploymentInput, { description: 'What to do, and to what.' }) input: ProposeDeploymentInput) {
    return proposeDeployment(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: "Changes a proposal's terms: a change voids the signatures given so far." })
  async updateDeploymentTerms(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDeploymentTermsInput, { description: 'What to do, and to what.' }) input: UpdateDeploymentTermsInput) {
    return { deployment: await updateDeploymentTerms(ctx, input) };
  }

  @Mutation(() => DeploymentSignaturePayload, { description: "One party's signature of the current terms, given as themself; or the supported head's paper signature, recorded by the coordinator." })
  signDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => SignDeploymentInput, { description: 'What to do, and to what.' }) input: SignDeploymentInput) {
    return signDeployment(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'The contract gate and the capacity check (beyond capacity needs an override reason); copies the tariff in force.' })
  agreeDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => AgreeDeploymentInput, { description: 'What to do, and to what.' }) input: AgreeDeploymentInput) {
    return agreeDeployment(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'Agreed → active.' })
  startDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => DeploymentMoveInput, { description: 'What to do, and to what.' }) input: DeploymentMoveInput) {
    return move('startDeployment')(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'Active → completed, ready for the supported head\'s evaluation.' })
  completeDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => DeploymentMoveInput, { description: 'What to do, and to what.' }) input: DeploymentMoveInput) {
    return move('completeDeployment')(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'Agreed or active → on hold, with a reason.' })
  holdDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => DeploymentMoveInput, { description: 'What to do, and to what.' }) input: DeploymentMoveInput) {
    return move('holdDeployment')(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'On hold → back to where it was held from.' })
  resumeDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => DeploymentMoveInput, { description: 'What to do, and to what.' }) input: DeploymentMoveInput) {
    return move('resumeDeployment')(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'Proposed, agreed, active or on hold → cancelled, with a reason.' })
  cancelDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => DeploymentMoveInput, { description: 'What to do, and to what.' }) input: DeploymentMoveInput) {
    return move('cancelDeployment')(ctx, input);
  }

  @Mutation(() => DeploymentPayload, { description: 'Proposed → declined, with a reason.' })
  declineDeployment(@Ctx() ctx: RequestContext, @Arg('input', () => DeploymentMoveInput, { description: 'What to do, and to what.' }) input: DeploymentMoveInput) {
    return move('declineDeployment')(ctx, input);
  }

  @FieldResolver(() => SupportRequest, { nullable: true, description: 'The request it answers, if any.' })
  supportRequest(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.supportRequestById.load(d.supportRequestId);
  }

  @FieldResolver(() => Designation, { nullable: true, description: 'Null where you may not see the designation.' })
  designation(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.designationById.load(d.designationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: "The system leader's staff record, where you may see it (the supported head sees their name on the signatures)." })
  systemLeader(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.personById.load(d.personId);
  }

  @FieldResolver(() => School, { nullable: true, description: "The system leader's school when proposed: it releases them and takes the home share." })
  homeSchool(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return d.homeSchoolId ? ctx.loaders.schoolById.load(d.homeSchoolId) : null;
  }

  @FieldResolver(() => School, { description: 'The school supported.' })
  async supportedSchool(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.schoolById.load(d.supportedSchoolId);
  }

  @FieldResolver(() => [DeploymentSignature], { description: 'Every signature, newest terms first; those of earlier terms are void.' })
  signatures(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.signaturesByDeployment.load(d.id);
  }

  @FieldResolver(() => [ContractParty], { description: 'The parties yet to sign the current terms.' })
  async missingSignatures(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    const signed = (await ctx.loaders.signaturesByDeployment.load(d.id)).filter((s) => s.termsVersion === d.termsVersion).map((s) => s.party);
    return Object.values(ContractParty).filter((p) => !signed.includes(p));
  }

  @FieldResolver(() => [DeploymentMove], { description: 'The moves you may make from its status (lifecycle.ts).' })
  nextMoves(@Root() d: Deployment, @Ctx() ctx: RequestContext) {
    return deploymentMovesFrom(d.status, ctx.acting ? deploymentMoverOf(ctx.acting, d) : null).map((t) => ({ to: t.to, mutation: t.action }));
  }
}

@Resolver(() => DeploymentSignature)
export class DeploymentSignatureResolver {
  @FieldResolver(() => Boolean, { description: 'Given to terms that have since changed.' })
  async void(@Root() s: DeploymentSignature, @Ctx() ctx: RequestContext) {
    const deployment = await ctx.loaders.deploymentById.load(s.deploymentId);
    return deployment ? s.termsVersion < deployment.termsVersion : false;
  }
}

@Resolver(() => Designation)
export class DesignationCapacityResolver {
  @FieldResolver(() => Capacity, { nullable: true, description: "Committed, delivered, planned and available days in an academic year (default this one). Null unless you coordinate the alliance, lead the holder's school, or are the holder." })
  capacity(@Root() d: Designation, @Ctx() ctx: RequestContext, @Arg('academicYear', () => AcademicYear, { nullable: true, description: 'The academic year; this one unless given.' }) academicYear?: number | null) {
    return ctx.loaders.capacity.load(`${d.id}|${academicYear ?? academicYearOf(englishDate())}`);
  }
}
