import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { DesignationType } from '../designations/designation-enums';
import { ProgrammeCohort } from './programme-cohort.entity';
import { ProgrammeDay } from './programme-day.entity';
import { ProgrammeEnrolment } from './programme-enrolment.entity';
import { ProgrammeKind, RequirementStage } from './programme-enums';
import { Programme } from './programme.entity';

@InputType({ description: 'Which programmes.' })
export class ProgrammeFilter {
  @Field(() => ProgrammeKind, { nullable: true, description: 'Of this kind.' })
  kind?: ProgrammeKind | null;

  @Field(() => DesignationType, { nullable: true, description: 'Programmes required of this designation type, at either stage.' })
  requiredFor?: DesignationType | null;
}

@InputType({ description: 'The arguments of createProgramme.' })
export class CreateProgrammeInput {
  @Field({ description: "The programme's name." })
  name: string;

  @Field(() => ProgrammeKind, { description: 'What sort of programme.' })
  kind: ProgrammeKind;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  description?: string | null;

  @Field(() => DesignationType, { nullable: true, description: 'Set with requiredBefore, or leave both out: completion is then required of this designation type.' })
  requiredFor?: DesignationType | null;

  @Field(() => RequirementStage, { nullable: true, description: 'When it must be completed by, if required.' })
  requiredBefore?: RequirementStage | null;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field (requiredFor and requiredBefore are cleared together).' })
export class UpdateProgrammeInput {
  @Field(() => ID, { description: "The programme's global ID." })
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: "The programme's name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What it is.' })
  description?: string | null;

  @Field(() => DesignationType, { nullable: true, description: 'The designation that requires it; null for none.' })
  requiredFor?: DesignationType | null;

  @Field(() => RequirementStage, { nullable: true, description: 'When it must be completed by.' })
  requiredBefore?: RequirementStage | null;
}

@InputType({ description: 'A day of a cohort.' })
export class ProgrammeDayInput {
  @Field(() => LocalDate, { description: 'The date.' })
  heldOn: string;

  @Field({ description: 'What the day is, e.g. "Day 2: coaching and mentoring".' })
  title: string;
}

@InputType({ description: 'The arguments of scheduleProgrammeCohort.' })
export class ScheduleProgrammeCohortInput {
  @Field(() => ID, { description: "The programme's global ID." })
  programmeId: string;

  @Field({ description: 'Unique within the programme, e.g. "Spring 2027".' })
  name: string;

  @Field(() => [ProgrammeDayInput], { description: 'At least one day, each on a date of its own.' })
  days: ProgrammeDayInput[];
}

@InputType({ description: 'The arguments of enrolOnProgrammeCohort.' })
export class EnrolOnProgrammeCohortInput {
  @Field(() => ID, { description: "The cohort's global ID." })
  cohortId: string;

  @Field(() => ID, { description: "The person's global ID." })
  personId: string;
}

@InputType({ description: "One person's attendance of a day." })
export class ProgrammeAttendanceInput {
  @Field(() => ID, { description: 'A person enrolled on the day’s cohort.' })
  personId: string;

  @Field({ description: 'Whether they attended.' })
  attended: boolean;
}

@InputType({ description: 'The arguments of recordProgrammeAttendance.' })
export class RecordProgrammeAttendanceInput {
  @Field(() => ID, { description: 'A day held today or earlier.' })
  dayId: string;

  @Field(() => [ProgrammeAttendanceInput], { description: 'Who attended and who did not; people left out keep what was recorded for them.' })
  attendance: ProgrammeAttendanceInput[];
}

@InputType({ description: 'The arguments of recordProgrammeCompletion.' })
export class RecordProgrammeCompletionInput {
  @Field(() => ID, { description: "The cohort's global ID." })
  cohortId: string;

  @Field(() => ID, { description: "The person's global ID." })
  personId: string;

  @Field(() => LocalDate, { description: 'On or after the cohort’s last day, and not in the future. Every day must have been attended.' })
  completedOn: string;
}

@ObjectType({ simpleResolvers: true, description: 'What createProgramme returns.' })
export class CreateProgrammePayload {
  @Field(() => Programme, { description: 'The programme, as it stands after the change.' })
  programme: Programme;
}

@ObjectType({ simpleResolvers: true, description: 'What updateProgramme returns.' })
export class UpdateProgrammePayload {
  @Field(() => Programme, { description: 'The programme, as it stands after the change.' })
  programme: Programme;
}

@ObjectType({ simpleResolvers: true, description: 'What scheduleProgrammeCohort returns.' })
export class ScheduleProgrammeCohortPayload {
  @Field(() => ProgrammeCohort, { description: 'The cohort, as it stands after the change.' })
  cohort: ProgrammeCohort;
}

@ObjectType({ simpleResolvers: true, description: 'What enrolOnProgrammeCohort returns.' })
export class EnrolOnProgrammeCohortPayload {
  @Field(() => ProgrammeEnrolment, { description: 'The enrolment, as it stands after the change.' })
  enrolment: ProgrammeEnrolment;
}

@ObjectType({ simpleResolvers: true, description: 'What recordProgrammeAttendance returns.' })
export class RecordProgrammeAttendancePayload {
  @Field(() => ProgrammeDay, { description: 'The day, as it stands after the change.' })
  day: ProgrammeDay;

  @Field(() => [ProgrammeEnrolment], { description: 'The enrolments whose attendance was recorded, in the order given.' })
  enrolments: ProgrammeEnrolment[];
}

@ObjectType({ simpleResolvers: true, description: 'What recordProgrammeCompletion returns.' })
export class RecordProgrammeCompletionPayload {
  @Field(() => ProgrammeEnrolment, { description: 'The enrolment, as it stands after the change.' })
  enrolment: ProgrammeEnrolment;
}
