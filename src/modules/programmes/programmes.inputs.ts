import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { DesignationType } from '../designations/designation-enums';
import { ProgrammeCohort } from './programme-cohort.entity';
import { ProgrammeDay } from './programme-day.entity';
import { ProgrammeEnrolment } from './programme-enrolment.entity';
import { ProgrammeKind, RequirementStage } from './programme-enums';
import { Programme } from './programme.entity';

@InputType()
export class ProgrammeFilter {
  @Field(() => ProgrammeKind, { nullable: true })
  kind?: ProgrammeKind | null;

  @Field(() => DesignationType, { nullable: true, description: 'Programmes required of this designation type, at either stage.' })
  requiredFor?: DesignationType | null;
}

@InputType()
export class CreateProgrammeInput {
  @Field()
  name: string;

  @Field(() => ProgrammeKind)
  kind: ProgrammeKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DesignationType, { nullable: true, description: 'Set with requiredBefore, or leave both out: completion is then required of this designation type.' })
  requiredFor?: DesignationType | null;

  @Field(() => RequirementStage, { nullable: true })
  requiredBefore?: RequirementStage | null;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field (requiredFor and requiredBefore are cleared together).' })
export class UpdateProgrammeInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DesignationType, { nullable: true })
  requiredFor?: DesignationType | null;

  @Field(() => RequirementStage, { nullable: true })
  requiredBefore?: RequirementStage | null;
}

@InputType()
export class ProgrammeDayInput {
  @Field(() => LocalDate)
  heldOn: string;

  @Field({ description: 'What the day is, e.g. "Day 2: coaching and mentoring".' })
  title: string;
}

@InputType()
export class ScheduleProgrammeCohortInput {
  @Field(() => ID)
  programmeId: string;

  @Field({ description: 'Unique within the programme, e.g. "Spring 2027".' })
  name: string;

  @Field(() => [ProgrammeDayInput], { description: 'At least one day, each on a date of its own.' })
  days: ProgrammeDayInput[];
}

@InputType()
export class EnrolOnProgrammeCohortInput {
  @Field(() => ID)
  cohortId: string;

  @Field(() => ID)
  personId: string;
}

@InputType()
export class ProgrammeAttendanceInput {
  @Field(() => ID, { description: 'A person enrolled on the day’s cohort.' })
  personId: string;

  @Field()
  attended: boolean;
}

@InputType()
export class RecordProgrammeAttendanceInput {
  @Field(() => ID, { description: 'A day held today or earlier.' })
  dayId: string;

  @Field(() => [ProgrammeAttendanceInput], { description: 'Who attended and who did not; people left out keep what was recorded for them.' })
  attendance: ProgrammeAttendanceInput[];
}

@InputType()
export class RecordProgrammeCompletionInput {
  @Field(() => ID)
  cohortId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => LocalDate, { description: 'On or after the cohort’s last day, and not in the future. Every day must have been attended.' })
  completedOn: string;
}

@ObjectType({ simpleResolvers: true })
export class CreateProgrammePayload {
  @Field(() => Programme)
  programme: Programme;
}

@ObjectType({ simpleResolvers: true })
export class UpdateProgrammePayload {
  @Field(() => Programme)
  programme: Programme;
}

@ObjectType({ simpleResolvers: true })
export class ScheduleProgrammeCohortPayload {
  @Field(() => ProgrammeCohort)
  cohort: ProgrammeCohort;
}

@ObjectType({ simpleResolvers: true })
export class EnrolOnProgrammeCohortPayload {
  @Field(() => ProgrammeEnrolment)
  enrolment: ProgrammeEnrolment;
}

@ObjectType({ simpleResolvers: true })
export class RecordProgrammeAttendancePayload {
  @Field(() => ProgrammeDay)
  day: ProgrammeDay;

  @Field(() => [ProgrammeEnrolment], { description: 'The enrolments whose attendance was recorded, in the order given.' })
  enrolments: ProgrammeEnrolment[];
}

@ObjectType({ simpleResolvers: true })
export class RecordProgrammeCompletionPayload {
  @Field(() => ProgrammeEnrolment)
  enrolment: ProgrammeEnrolment;
}
