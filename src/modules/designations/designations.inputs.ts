import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { AppealOutcome, DesignationStatus, DesignationType, EducationPhase, ReferenceKind, ReviewOutcome, ReviewTrigger } from './designation-enums';
import { DesignationReference } from './designation-reference.entity';
import { DesignationReview } from './designation-review.entity';
import { Designation } from './designation.entity';
import { ReleaseCommitment } from './release-commitment.entity';

@InputType()
export class DesignationFilter {
  @Field(() => [DesignationType], { nullable: true })
  types?: DesignationType[] | null;

  @Field(() => [DesignationStatus], { nullable: true })
  statuses?: DesignationStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Areas of expertise by code, name or any alias ("More Able" is MOST_ABLE): designations in any of them.' })
  areas?: string[] | null;

  @Field(() => [EducationPhase], { nullable: true, description: 'Designations working in any of these phases.' })
  phases?: EducationPhase[] | null;

  @Field(() => ID, { nullable: true, description: 'System leaders who work at this school.' })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'System leaders whose school is in this local authority (3-digit DfE code).' })
  laCode?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Review due before this day.' })
  reviewDueBefore?: string | null;

  @Field(() => ID, { nullable: true })
  roundId?: string | null;

  @Field(() => ID, { nullable: true })
  personId?: string | null;
}

export enum DesignationOrderField {
  APPLIED_ON = 'APPLIED_ON',
  DESIGNATED_ON = 'DESIGNATED_ON',
  REVIEW_DUE_ON = 'REVIEW_DUE_ON',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(DesignationOrderField, { name: 'DesignationOrderField', description: 'Dates not yet set sort last.' });

export const DesignationOrder = OrderInput(DesignationOrderField, 'DesignationOrder');
export type DesignationOrder = InstanceType<typeof DesignationOrder>;

/** What a change to an existing designation names. */
@InputType()
abstract class DesignationChangeInput {
  @Field(() => ID)
  designationId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType()
export class SubmitDesignationApplicationInput {
  @Field(() => ID, { nullable: true, description: 'The applicant; yourself when left out. Coordinators submit for anyone in the alliance.' })
  personId?: string | null;

  @Field(() => DesignationType)
  type: DesignationType;

  @Field(() => ID, { nullable: true, description: 'The recruitment round applied to; its type and areas must match, and its deadline must not have passed.' })
  roundId?: string | null;

  @Field(() => [String], { description: 'By code, name or alias.' })
  areasOfExpertise: string[];

  @Field(() => [EducationPhase], { nullable: true })
  phases?: EducationPhase[] | null;

  @Field(() => String, { nullable: true })
  statement?: string | null;

  @Field(() => String, { nullable: true, description: "NLE: the national body's reference, if known yet." })
  nationalReference?: string | null;

  @Field(() => String, { nullable: true, description: 'LP: the accrediting body, if not the alliance.' })
  accreditingBody?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Coordinators recording a paper application: the day it arrived. Default today.' })
  appliedOn?: string | null;
}

export enum AssessmentOutcome {
  SHORTLISTED = 'SHORTLISTED',
  ASSESSED = 'ASSESSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(AssessmentOutcome, { name: 'AssessmentOutcome', description: 'A step of the assessment: each moves the application to the status of the same name.' });

@InputType()
export class RecordAssessmentOutcomeInput extends DesignationChangeInput {
  @Field(() => AssessmentOutcome)
  outcome: AssessmentOutcome;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  on?: string | null;

  @Field(() => [String], { nullable: true, description: 'ASSESSED: who assessed.' })
  assessors?: string[] | null;

  @Field(() => String, { nullable: true, description: "ASSESSED: the assessors' notes." })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'REJECTED: why; the applicant sees it.' })
  reason?: string | null;
}

@InputType()
export class RecordNationalBodyNotificationInput extends DesignationChangeInput {
  @Field(() => LocalDate)
  notifiedOn: string;

  @Field(() => String, { nullable: true, description: "The national body's reference (required for an NLE before designation)." })
  nationalReference?: string | null;
}

@InputType()
export class LodgeDesignationAppealInput extends DesignationChangeInput {
  @Field()
  grounds: string;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  lodgedOn?: string | null;
}

@InputType()
export class DecideDesignationAppealInput extends DesignationChangeInput {
  @Field(() => AppealOutcome, { description: 'UPHELD approves the application.' })
  outcome: AppealOutcome;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  decidedOn?: string | null;
}

@InputType()
export class DesignateInput extends DesignationChangeInput {
  @Field(() => LocalDate, { nullable: true, description: 'Default today. The review date follows from it.' })
  designatedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'LP: the accrediting body, if not recorded yet (default: the alliance).' })
  accreditingBody?: string | null;
}

export enum EndStatus {
  RESIGNED = 'RESIGNED',
  WITHDRAWN = 'WITHDRAWN',
  LAPSED = 'LAPSED',
}
registerEnumType(EndStatus, { name: 'DesignationEndStatus', description: 'RESIGNED: the holder stepped down. WITHDRAWN: the alliance withdrew it. LAPSED: not renewed.' });

@InputType()
export class EndDesignationInput extends DesignationChangeInput {
  @Field(() => EndStatus)
  status: EndStatus;

  @Field()
  reason: string;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  endedOn?: string | null;
}

@InputType()
export class WithdrawDesignationApplicationInput extends DesignationChangeInput {
  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class GiveDesignationReferenceInput extends DesignationChangeInput {
  @Field(() => ReferenceKind)
  kind: ReferenceKind;

  @Field()
  supports: boolean;

  @Field(() => String, { nullable: true })
  statement?: string | null;

  @Field(() => String, { nullable: true, description: 'Coordinators recording a reference received elsewhere: who gave it. A head giving it here is the referee.' })
  refereeName?: string | null;

  @Field(() => String, { nullable: true })
  refereeRole?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  receivedOn?: string | null;
}

@InputType()
export class SetReleaseCommitmentInput extends DesignationChangeInput {
  @Field(() => AcademicYear)
  academicYear: number;

  @Field(() => Float, { description: 'Whole or half days.' })
  committedDays: number;

  @Field(() => String, { nullable: true, description: "Coordinators only: why fewer days than the alliance's minimum are accepted." })
  belowMinimumReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Coordinators recording a signed commitment: the head who signed it.' })
  signedByName?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  signedOn?: string | null;
}

@InputType()
export class StartDesignationReviewInput extends DesignationChangeInput {
  @Field(() => ReviewTrigger)
  trigger: ReviewTrigger;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  openedOn?: string | null;
}

@InputType()
export class CompleteDesignationReviewInput extends DesignationChangeInput {
  @Field(() => ReviewOutcome)
  outcome: ReviewOutcome;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  completedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "CONTINUED: the next review date; default the completion day plus the alliance's review period (three years for an LP)." })
  nextReviewDueOn?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class DesignationPayload {
  @Field(() => Designation)
  designation: Designation;
}

@ObjectType({ simpleResolvers: true })
export class DesignationReferencePayload {
  @Field(() => DesignationReference)
  reference: DesignationReference;

  @Field(() => Designation)
  designation: Designation;
}

@ObjectType({ simpleResolvers: true })
export class ReleaseCommitmentPayload {
  @Field(() => ReleaseCommitment)
  releaseCommitment: ReleaseCommitment;

  @Field(() => Designation)
  designation: Designation;
}

@ObjectType({ simpleResolvers: true })
export class DesignationReviewPayload {
  @Field(() => DesignationReview)
  review: DesignationReview;

  @Field(() => Designation)
  designation: Designation;
}
