import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { AreaOfExpertise } from '../areas-of-expertise/area-of-expertise.entity';
import { DesignationType } from '../designations/designation-enums';
import { StageCounts } from './round-progress';
import { RecruitmentRound } from './recruitment-round.entity';

@InputType({ description: 'Which rounds.' })
export class RecruitmentRoundFilter {
  @Field(() => DesignationType, { nullable: true, description: 'Rounds for this designation.' })
  designationType?: DesignationType | null;

  @Field(() => Boolean, { nullable: true, description: 'true: rounds still taking applications; false: rounds whose deadline has passed.' })
  open?: boolean | null;
}

@InputType({ description: 'An area a round seeks, and how many.' })
export class RoundAreaInput {
  @Field({ description: 'Code, name or alias.' })
  area: string;

  @Field(() => Int, { description: 'How many system leaders the round seeks in this area.' })
  target: number;
}

@InputType({ description: 'The arguments of createRecruitmentRound.' })
export class CreateRecruitmentRoundInput {
  @Field(() => DesignationType, { description: 'The designation recruited to.' })
  designationType: DesignationType;

  @Field({ description: "The round's name." })
  name: string;

  @Field(() => [RoundAreaInput], { description: 'The areas sought, each with its target.' })
  areas: RoundAreaInput[];

  @Field(() => Int, { nullable: true, description: "How many in all; by default the sum of the areas' targets." })
  overallTarget?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'When details go out to schools.' })
  detailsSentOn?: string | null;

  @Field(() => LocalDate, { description: 'The last day for applications.' })
  applicationDeadline: string;

  @Field(() => LocalDate, { nullable: true, description: 'The assessment day.' })
  assessmentOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the national body is to be told.' })
  nationalNotificationOn?: string | null;

  @Field(() => [LocalDate], { nullable: true, description: 'The training days for those designated.' })
  trainingDates?: string[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'What createRecruitmentRound returns.' })
export class RecruitmentRoundPayload {
  @Field(() => RecruitmentRound, { description: 'The recruitment round, as it stands after the change.' })
  recruitmentRound: RecruitmentRound;
}

@ObjectType({ simpleResolvers: true, description: 'An area a round seeks, and how many system leaders it seeks in it.' })
export class RoundArea {
  @Field(() => AreaOfExpertise, { description: 'The area.' })
  area: AreaOfExpertise;

  @Field(() => Int, { description: 'How many system leaders the round seeks in it.' })
  target: number;
}

@ObjectType({ simpleResolvers: true, description: 'An area a round seeks, its target and how far applicants in it got.' })
export class RoundAreaProgress extends StageCounts {
  @Field(() => AreaOfExpertise, { description: 'The area.' })
  area: AreaOfExpertise;

  @Field(() => Int, { description: 'How many the round seeks in it.' })
  target: number;

  @Field(() => Int, { description: 'Designated still needed to reach the target (0 once reached).' })
  stillNeeded: number;
}

@ObjectType({ simpleResolvers: true, description: "How far a round's applicants got, overall and area by area." })
export class RoundProgress {
  @Field(() => [RoundAreaProgress], { description: 'In order of target, largest first.' })
  areas: RoundAreaProgress[];

  @Field(() => StageCounts, { description: 'Applications to the round, each counted once.' })
  total: StageCounts;

  @Field(() => Int, { description: 'The overall target, or the sum of the areas\' targets.' })
  target: number;
}
