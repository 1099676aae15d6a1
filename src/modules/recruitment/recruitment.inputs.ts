import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { AreaOfExpertise } from '../areas-of-expertise/area-of-expertise.entity';
import { DesignationType } from '../designations/designation-enums';
import { StageCounts } from './round-progress';
import { RecruitmentRound } from './recruitment-round.entity';

@InputType()
export class RecruitmentRoundFilter {
  @Field(() => DesignationType, { nullable: true })
  designationType?: DesignationType | null;

  @Field(() => Boolean, { nullable: true, description: 'true: rounds still taking applications; false: rounds whose deadline has passed.' })
  open?: boolean | null;
}

@InputType()
export class RoundAreaInput {
  @Field({ description: 'Code, name or alias.' })
  area: string;

  @Field(() => Int, { description: 'How many system leaders the round seeks in this area.' })
  target: number;
}

@InputType()
export class CreateRecruitmentRoundInput {
  @Field(() => DesignationType)
  designationType: DesignationType;

  @Field()
  name: string;

  @Field(() => [RoundAreaInput])
  areas: RoundAreaInput[];

  @Field(() => Int, { nullable: true })
  overallTarget?: number | null;

  @Field(() => LocalDate, { nullable: true })
  detailsSentOn?: string | null;

  @Field(() => LocalDate)
  applicationDeadline: string;

  @Field(() => LocalDate, { nullable: true })
  assessmentOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  nationalNotificationOn?: string | null;

  @Field(() => [LocalDate], { nullable: true })
  trainingDates?: string[] | null;
}

@ObjectType({ simpleResolvers: true })
export class RecruitmentRoundPayload {
  @Field(() => RecruitmentRound)
  recruitmentRound: RecruitmentRound;
}

@ObjectType({ simpleResolvers: true, description: 'An area a round seeks, and how many system leaders it seeks in it.' })
export class RoundArea {
  @Field(() => AreaOfExpertise)
  area: AreaOfExpertise;

  @Field(() => Int)
  target: number;
}

@ObjectType({ simpleResolvers: true, description: 'An area a round seeks, its target and how far applicants in it got.' })
export class RoundAreaProgress extends StageCounts {
  @Field(() => AreaOfExpertise)
  area: AreaOfExpertise;

  @Field(() => Int)
  target: number;

  @Field(() => Int, { description: 'Designated still needed to reach the target (0 once reached).' })
  stillNeeded: number;
}

@ObjectType({ simpleResolvers: true })
export class RoundProgress {
  @Field(() => [RoundAreaProgress], { description: 'In order of target, largest first.' })
  areas: RoundAreaProgress[];

  @Field(() => StageCounts, { description: 'Applications to the round, each counted once.' })
  total: StageCounts;

  @Field(() => Int, { description: 'The overall target, or the sum of the areas\' targets.' })
  target: number;
}
