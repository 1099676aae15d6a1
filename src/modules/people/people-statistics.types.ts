import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CodeName } from '../schools/code-name';
import { LeadershipLevel } from './person-enums';

export enum PeopleDimension {
  SCHOOL = 'SCHOOL',
  LEADERSHIP_LEVEL = 'LEADERSHIP_LEVEL',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  PHASE = 'PHASE',
}
registerEnumType(PeopleDimension, {
  name: 'PeopleDimension',
  description: 'What staff counts may be grouped by.',
  valuesConfig: {
    SCHOOL: { description: 'The school.' },
    LEADERSHIP_LEVEL: { description: 'The leadership level.' },
    LOCAL_AUTHORITY: { description: "The school's local authority." },
    PHASE: { description: "The school's phase." },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One group; the dimensions not grouped by are null.' })
export class PeopleStatisticsGroup {
  schoolId: string | null;

  @Field(() => LeadershipLevel, { nullable: true, description: 'The leadership level, when grouped by it.' })
  leadershipLevel: LeadershipLevel | null;

  @Field(() => CodeName, { nullable: true, description: 'The local authority of the school, when grouped by it.' })
  localAuthority: CodeName | null;

  @Field(() => CodeName, { nullable: true, description: "The school's phase, when grouped by it." })
  phase: CodeName | null;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count: number | null;

  @Field({ description: 'Too small a group to show, or hidden so that the total cannot reveal one that is.' })
  suppressed: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Staff records of the acting alliance, counted; small groups suppressed.' })
export class PeopleStatistics {
  @Field(() => [PeopleStatisticsGroup], { description: 'The groups, in the order of their values; suppressed ones included, marked.' })
  groups: PeopleStatisticsGroup[];

  @Field(() => Int, { nullable: true, description: 'Null when smaller than the minimum group size.' })
  total: number | null;

  @Field(() => Int, { description: 'Groups smaller than this are suppressed.' })
  minimumGroupSize: number;
}
