import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { AppealOutcome, DesignationStatus, DesignationType, EducationPhase, ReferenceKind, ReviewOutcome, ReviewTrigger } from './designation-enums';
import { DesignationReference } from './designation-reference.entity';
import { DesignationReview } from './designation-review.entity';
import { Designation } from './designation.entity';
import { ReleaseCommitment } from './release-commitment.entity';

@InputType({ description: 'Which designations; every condition given must hold.' })
export class DesignationFilter {
  @Field(() => [DesignationType], { nullable: true, description: 'Of one of these types.' })
  types?: DesignationType[] | null;

  @Field(() => [DesignationStatus], { nullable: true, description: 'In one of these statuses.' })
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

  @Field(() => ID, { nullable: true, description: 'Applied in this recruitment round.' })
  roundId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Held by this person.' })
  personId?: string | null;
}

export enum DesignationOrderField {
  APPLIED_ON = 'APPLIED_ON',
  DESIGNATED_ON = 'DESIGNATED_ON',
  REVIEW_DUE_ON = 'REVIEW_DUE_ON',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(DesignationOrderField, {
  name: 'DesignationOrderField',
  description: 'Dates not yet set count as the far future: last ascending, first descending.',
  valuesConfig: {
    APPLIED_ON: { description: 'When the application was made.' },
    DESIGNATED_ON: { description: 'When the designation began.' },
    REVIEW_DUE_ON: { description: 'When the next review falls due.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

export const DesignationOrder = OrderInput(DesignationOrderField, 'DesignationOrder');
export type DesignationOrder = InstanceType<typeof DesignationOrder>;

/** What a change to an existing designation names. */
@InputType()
abstract class DesignationChangeInput {
  @Field(() => ID, { description: "The designation's global ID." })
  designationId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'The arguments of submitDesignationApplication.' })
export class SubmitDesignationApplicationInput {
  @Field(() => ID, { nullable: true, description: 'The applicant; yourself when left out. Coordinators submit for anyone in the alliance.' })
  personId?: string | null;

  @Field(() => DesignationType, { description: 'The designation applied for.' })
  type: DesignationType;

  @Field(() => ID, { nullable: true, description: 'The recruitment round applied to; its type and areas must match, and its deadline must not have passed.' })
  roundId?: string | null;

  @Field(() => [String], { description: 'By code, name or alias.' })
  areasOfExpertise: string[];

  @Field(() => [EducationPhase], { nullable: true, description: 'The phases of education the applicant works in.' })
  phases?: EducationPhase[] | null;

  @Field(() => String, { nullable: true, description: "The applicant's statement." })
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
registerEnumType(AssessmentOutcome, {
  name: 'AssessmentOutcome',
  description: 'A step of the assessment: each moves the application to the status of the same name.',
  valuesConfig: {
    SHORTLISTED: { description: 'Shortlisted for assessment.' },
    ASSESSED: { description: 'Assessed.' },
    APPROVED: { description: 'Approved.' },
    REJECTED: { description: 'Not approved.' },
  },
});

@InputType({ description: 'The arguments of recordAssessmentOutcome.' })
export class RecordAssessmentOutcomeInput extends DesignationChangeInput {
  @Field(() => AssessmentOutcome, { description: 'The step reached.' })
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

@InputType({ description: 'The arguments of recordNationalBodyNotification.' })
export class RecordNationalBodyNotificationInput extends DesignationChangeInput {
  @Field(() => LocalDate, { description: 'When the national body was told.' })
  notifiedOn: string;

  @Field(() => String, { nullable: true, description: "The national body's reference (required for an NLE before designation)." })
  nationalReference?: string | null;
}

@InputType({ description: 'The arguments of lodgeDesignationAppeal.' })
export class LodgeDesignationAppealInput extends DesignationChangeInput {
  @Field({ description: "The applicant's grounds of appeal." })
  grounds: string;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  lodgedOn?: string | null;
}

@InputType({ description: 'The arguments of decideDesignationAppeal.' })
export class DecideDesignationAppealInput extends DesignationChangeInput {
  @Field(() => AppealOutcome, { description: 'UPHELD approves the application.' })
  outcome: AppealOutcome;

  @Field(() => String, { nullable: true, description: 'Notes on the decision.' })
  notes?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  decidedOn?: string | null;
}

@InputType({ description: 'The arguments of designate.' })
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
registerEnumType(EndStatus, {
  name: 'DesignationEndStatus',
  description: 'RESIGNED: the holder stepped down. WITHDRAWN: the alliance withdrew it. LAPSED: not renewed.',
  valuesConfig: {
    RESIGNED: { description: 'The holder stepped down.' },
    WITHDRAWN: { description: 'The alliance withdrew it.' },
    LAPSED: { description: 'It lapsed.' },
  },
});

@InputType({ description: 'The arguments of endDesignation.' })
export class EndDesignationInput extends DesignationChangeInput {
  @Field(() => EndStatus, { description: 'How it ends.' })
  status: EndStatus;

  @Field({ description: 'Why it ends.' })
  reason: string;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  endedOn?: string | null;
}

@InputType({ description: 'The arguments of withdrawDesignationApplication.' })
export class WithdrawDesignationApplicationInput extends DesignationChangeInput {
  @Field(() => String, { nullable: true, description: 'Why it is withdrawn.' })
  reason?: string | null;
}

@InputType({ description: 'The arguments of giveDesignationReference.' })
export class GiveDesignationReferenceInput extends DesignationChangeInput {
  @Field(() => ReferenceKind, { description: 'Which of the two references this is.' })
  kind: ReferenceKind;

  @Field({ description: 'Whether the referee supports the application.' })
  supports: boolean;

  @Field(() => String, { nullable: true, description: 'What the referee writes.' })
  statement?: string | null;

  @Field(() => String, { nullable: true, description: 'Coordinators recording a reference received elsewhere: who gave it. A head giving it here is the referee.' })
  refereeName?: string | null;

  @Field(() => String, { nullable: true, description: "The referee's role." })
  refereeRole?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  receivedOn?: string | null;
}

@InputType({ description: 'The arguments of setReleaseCommitment.' })
export class SetReleaseCommitmentInput extends DesignationChangeInput {
  @Field(() => AcademicYear, { description: 'The academic year.' })
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

@InputType({ description: 'The arguments of startDesignationReview.' })
export class StartDesignationReviewInput extends DesignationChangeInput {
  @Field(() => ReviewTrigger, { description: 'Why the review is opened.' })
  trigger: ReviewTrigger;

  @Field(() => String, { nullable: true, description: 'A note on why.' })
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  openedOn?: string | null;
}

@InputType({ description: 'The arguments of completeDesignationReview.' })
export class CompleteDesignationReviewInput extends DesignationChangeInput {
  @Field(() => ReviewOutcome, { description: 'How the review ends.' })
  outcome: ReviewOutcome;

  @Field(() => String, { nullable: true, description: 'Notes on the outcome.' })
  notes?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  completedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "CONTINUED: the next review date; default the completion day plus the alliance's review period (three years for an LP)." })
  nextReviewDueOn?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What decideDesignationAppeal, designate, endDesignation, lodgeDesignationAppeal, recordAssessmentOutcome, recordNationalBodyNotification, submitDesignationApplication, withdrawDesignationApplication returns.' })
export class DesignationPayload {
  @Field(() => Designation, { description: 'The designation, as it stands after the change.' })
  designation: Designation;
}

@ObjectType({ simpleResolvers: true, description: 'What giveDesignationReference returns.' })
export class DesignationReferencePayload {
  @Field(() => DesignationReference, { description: 'The reference, as it stands after the change.' })
  reference: DesignationReference;

  @Field(() => Designation, { description: 'The designation, as it stands after the change.' })
  designation: Designation;
}

@ObjectType({ simpleResolvers: true, description: 'What setReleaseCommitment returns.' })
export class ReleaseCommitmentPayload {
  @Field(() => ReleaseCommitment, { description: 'The release commitment, as it stands after the change.' })
  releaseCommitment: ReleaseCommitment;

  @Field(() => Designation, { description: 'The designation, as it stands after the change.' })
  designation: Designation;
}

@ObjectType({ simpleResolvers: true, description: 'What completeDesignationReview, startDesignationReview returns.' })
export class DesignationReviewPayload {
  @Field(() => DesignationReview, { description: 'The review, as it stands after the change.' })
  review: DesignationReview;

  @Field(() => Designation, { description: 'The designation, as it stands after the change.' })
  designation: Designation;
}
