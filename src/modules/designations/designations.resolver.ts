import { englishDate } from '../../common/academic-year';
import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/connection';
import { RequestContext } from '../../context/context';
import { AreaOfExpertise } from '../areas-of-expertise/area-of-expertise.entity';
import { Person } from '../people/person.entity';
import { RecruitmentRound } from '../recruitment/recruitment-round.entity';
import { lodgeDesignationAppeal, decideDesignationAppeal, recordAssessmentOutcome, recordNationalBodyNotification, submitDesignationApplication, withdrawDesignationApplication } from './applications.service';
import { DesignationStatus } from './designation-enums';
import { DesignationReference } from './designation-reference.entity';
import { DesignationReview } from './designation-review.entity';
import { Designation } from './designation.entity';
import {
  CompleteDesignationReviewInput, DecideDesignationAppealInput, DesignateInput, DesignationFilter, DesignationOrder, DesignationPayload, DesignationReferencePayload,
  DesignationReviewPayload, EndDesignationInput, GiveDesignationReferenceInput, LodgeDesignationAppealInput, RecordAssessmentOutcomeInput,
  RecordNationalBodyNotificationInput, ReleaseCommitmentPayload, SetReleaseCommitmentInput, StartDesignationReviewInput, SubmitDesignationApplicationInput,
  WithdrawDesignationApplicationInput,
} from './designations.inputs';
import { designate, endDesignation, listDesignations } from './designations.service';
import { Checkpoint, UnmetRule, unmetRules } from './eligibility';
import { moverOf, movesFrom } from './lifecycle';
import { giveDesignationReference } from './references.service';
import { ReleaseCommitment } from './release-commitment.entity';
import { setReleaseCommitment } from './release-commitments.service';
import { completeDesignationReview, startDesignationReview } from './reviews.service';
import { DesignationWhere } from '../../common/where/lists';
import { orderByDescription } from '../../common/order-direction';

export const DesignationConnection = ConnectionType(Designation);

@ObjectType({ simpleResolvers: true, description: 'A status you may move this designation to, and the mutation that does it.' })
class DesignationMove {
  @Field(() => DesignationStatus, { description: 'The status.' })
  to: DesignationStatus;

  @Field({ description: 'The mutation that makes the move.' })
  mutation: string;
}

const NEXT_CHECKPOINT: Partial<Record<DesignationStatus, Checkpoint>> = {
  [DesignationStatus.APPLIED]: Checkpoint.APPROVAL,
  [DesignationStatus.SHORTLISTED]: Checkpoint.APPROVAL,
  [DesignationStatus.ASSESSED]: Checkpoint.APPROVAL,
  [DesignationStatus.APPROVED]: Checkpoint.DESIGNATION,
};

@Resolver(() => Designation)
export class DesignationResolver {
  @Query(() => DesignationConnection, { description: 'The directory of system leaders and applications you may see: coordinators all, heads active ones and their own staff\'s, practitioners their own.' })
  designations(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => DesignationFilter, { nullable: true, description: 'Which designations; all you may see unless asked.' }) filter?: DesignationFilter | null,
    @Arg('orderBy', () => [DesignationOrder], { nullable: true, description: orderByDescription('by application date, earliest first') }) orderBy?: DesignationOrder[] | null,
    @Arg('where', () => DesignationWhere, { nullable: true, description: 'Conditions of your own, ANDed with filter and with what you may see (never widening it).' }) where?: object | null,
  ) {
    return listDesignations(ctx, filter, orderBy, page, where);
  }

  @Mutation(() => DesignationPayload, { description: 'An application: by the applicant for themself, or by the coordinator for anyone of the alliance.' })
  async submitDesignationApplication(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitDesignationApplicationInput, { description: 'What to do, and to what.' }) input: SubmitDesignationApplicationInput) {
    return { designation: await submitDesignationApplication(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: 'Shortlist, assess, approve or reject an application.' })
  async recordAssessmentOutcome(@Ctx() ctx: RequestContext, @Arg('input', () => RecordAssessmentOutcomeInput, { description: 'What to do, and to what.' }) input: RecordAssessmentOutcomeInput) {
    return { designation: await recordAssessmentOutcome(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: 'Records when the national body was told of an approved designation.' })
  async recordNationalBodyNotification(@Ctx() ctx: RequestContext, @Arg('input', () => RecordNationalBodyNotificationInput, { description: 'What to do, and to what.' }) input: RecordNationalBodyNotificationInput) {
    return { designation: await recordNationalBodyNotification(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: "A rejected applicant's one appeal, within the alliance's appeal period." })
  async lodgeDesignationAppeal(@Ctx() ctx: RequestContext, @Arg('input', () => LodgeDesignationAppealInput, { description: 'What to do, and to what.' }) input: LodgeDesignationAppealInput) {
    return { designation: await lodgeDesignationAppeal(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: 'Decides an appeal against a rejected application.' })
  async decideDesignationAppeal(@Ctx() ctx: RequestContext, @Arg('input', () => DecideDesignationAppealInput, { description: 'What to do, and to what.' }) input: DecideDesignationAppealInput) {
    return { designation: await decideDesignationAppeal(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: 'Withdraws an application before it is decided: by the applicant or the coordinator.' })
  async withdrawDesignationApplication(@Ctx() ctx: RequestContext, @Arg('input', () => WithdrawDesignationApplicationInput, { description: 'What to do, and to what.' }) input: WithdrawDesignationApplicationInput) {
    return { designation: await withdrawDesignationApplication(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: 'Approved → active, with the designation date and the review date.' })
  async designate(@Ctx() ctx: RequestContext, @Arg('input', () => DesignateInput, { description: 'What to do, and to what.' }) input: DesignateInput) {
    return { designation: await designate(ctx, input) };
  }

  @Mutation(() => DesignationPayload, { description: 'Resigned, withdrawn by the alliance, or lapsed.' })
  async endDesignation(@Ctx() ctx: RequestContext, @Arg('input', () => EndDesignationInput, { description: 'What to do, and to what.' }) input: EndDesignationInput) {
    return { designation: await endDesignation(ctx, input) };
  }

  @Mutation(() => DesignationReferencePayload, { description: "Gives a reference for an application: by the applicant's head, or a second referee." })
  giveDesignationReference(@Ctx() ctx: RequestContext, @Arg('input', () => GiveDesignationReferenceInput, { description: 'What to do, and to what.' }) input: GiveDesignationReferenceInput) {
    return giveDesignationReference(ctx, input);
  }

  @Mutation(() => ReleaseCommitmentPayload, { description: 'A headteacher commits release days for a system leader of their school, for an academic year.' })
  setReleaseCommitment(@Ctx() ctx: RequestContext, @Arg('input', () => SetReleaseCommitmentInput, { description: 'What to do, and to what.' }) input: SetReleaseCommitmentInput) {
    return setReleaseCommitment(ctx, input);
  }

  @Mutation(() => DesignationReviewPayload, { description: 'Opens a review of an active designation.' })
  startDesignationReview(@Ctx() ctx: RequestContext, @Arg('input', () => StartDesignationReviewInput, { description: 'What to do, and to what.' }) input: StartDesignationReviewInput) {
    return startDesignationReview(ctx, input);
  }

  @Mutation(() => DesignationReviewPayload, { description: 'Completes a review: the designation continues or ends.' })
  completeDesignationReview(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteDesignationReviewInput, { description: 'What to do, and to what.' }) input: CompleteDesignationReviewInput) {
    return completeDesignationReview(ctx, input);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The system leader or applicant.' })
  person(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.personById.load(d.personId);
  }

  @FieldResolver(() => RecruitmentRound, { nullable: true, description: 'The recruitment round the application was made in, if any.' })
  round(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return d.roundId ? ctx.loaders.recruitmentRoundById.load(d.roundId) : null;
  }

  @FieldResolver(() => [AreaOfExpertise], { description: 'The areas of expertise it is held in.' })
  async areasOfExpertise(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.areaOfExpertiseById.loadMany(d.areaIds)).filter((a): a is AreaOfExpertise => a !== null && !(a instanceof Error));
  }

  @FieldResolver(() => [DesignationReference], { nullable: true, description: "Confidential: all of them for the coordinator, the ones you gave for the head of the applicant's school, null for anyone else (the applicant included)." })
  references(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.referencesByDesignation.load(d.id);
  }

  @FieldResolver(() => [ReleaseCommitment], { nullable: true, description: "By academic year. Null unless you coordinate the alliance, lead the person's school, or are the person." })
  releaseCommitments(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.releaseCommitmentsByDesignation.load(d.id);
  }

  @FieldResolver(() => [DesignationReview], { nullable: true, description: "Newest first. Null under the same rule as releaseCommitments." })
  reviews(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.reviewsByDesignation.load(d.id);
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Who assessed; coordinators only.' })
  assessors(@Root() d: Designation) {
    return d.assessors;
  }

  @FieldResolver(() => String, { nullable: true, description: "The assessors' notes; coordinators only." })
  assessmentNotes(@Root() d: Designation) {
    return d.assessmentNotes;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it was approved or rejected; the coordinator and the applicant.' })
  decisionReason(@Root() d: Designation) {
    return d.decisionReason;
  }

  @FieldResolver(() => [UnmetRule], { description: 'What the application still lacks for its next step (approval, then designation), every rule named; empty when nothing is missing or no step is ahead. For one application\'s page: it checks several rules per row.' })
  async eligibility(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    const checkpoint = NEXT_CHECKPOINT[d.status];
    if (!checkpoint) return [];
    const person = await ctx.loaders.personFactsById.load(d.personId);
    if (!person) return [];
    return unmetRules(ctx, { person, designation: d, on: d.designatedOn ?? englishDate() }, checkpoint);
  }

  @FieldResolver(() => [DesignationMove], { description: 'The moves you may make from its status (lifecycle.ts).' })
  nextMoves(@Root() d: Designation, @Ctx() ctx: RequestContext) {
    return movesFrom(d.status, ctx.acting ? moverOf(ctx.acting, d.personId) : null).map((t) => ({ to: t.to, mutation: t.action }));
  }
}
