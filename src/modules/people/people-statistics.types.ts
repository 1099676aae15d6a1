import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CodeName } from '../schools/code-name';
import { LeadershipLevel } from './person-enums';

export enum PeopleDimension {
  SCHOOL = 'SCHOOL',
  LEADERSHIP_LEVEL = 'LEADERSHIP_LEVEL',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  PHASE = 'PHASE',
}
registerEnumType(PeopleDimension, { name: 'PeopleDimension' });

@ObjectType({ simpleResolvers: true, description: 'One group; the dimensions not grouped by are null.' })
export class PeopleStatisticsGroup {
  schoolId: string | null;

  @Field(() => LeadershipLevel, { nullable: true })
  leadershipLevel: LeadershipLevel | null;

  @Field(() => CodeName, { nullable: true })
  localAuthority: CodeName | null;

  @Field(() => CodeName, { nullable: true })
  phase: CodeName | null;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count: number | null;

  @Field({ description: 'Too small a group to show, or hidden so that the total cannot reveal one that is.' })
  suppressed: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Staff records of the acting alliance, counted; small groups suppressed.' })
export class PeopleStatistics {
  @Field(() => [PeopleStatisticsGroup])
  groups: PeopleStatisticsGroup[];

  @Field(() => Int, { nullable: true, description: 'Null when smaller than the minimum group size.' })
  total: number | null;

  @Field(() => Int, { description: 'Groups smaller than this are suppressed.' })
  minimumGroupSize: number;
}
