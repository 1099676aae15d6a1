import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AcademicYear } from '../../common/scalars';
import { DesignationStatus, DesignationType, EducationPhase } from '../designations/designation-enums';
import { CodeName } from '../schools/code-name';
import { AcademicYearRange } from './statistics.types';

export enum DesignationDimension {
  ALLIANCE = 'ALLIANCE',
  TYPE = 'TYPE',
  STATUS = 'STATUS',
  AREA_OF_EXPERTISE = 'AREA_OF_EXPERTISE',
  PHASE = 'PHASE',
  ACADEMIC_YEAR = 'ACADEMIC_YEAR',
}
registerEnumType(DesignationDimension, {
  name: 'DesignationDimension',
  description: 'What designations are grouped by.',
  valuesConfig: {
    ALLIANCE: { description: 'The alliance that designated: for platform analysts (platformDesignationStatistics); within one alliance, one group.' },
    TYPE: { description: 'SLE, LLE, NLE or LP.' },
    STATUS: { description: "The designation's status, from application to ended." },
    AREA_OF_EXPERTISE: { description: 'An area of expertise of the designation; one with several counts in each, one with none in the group without an area.' },
    PHASE: { description: 'A phase the designation covers; one with several counts in each.' },
    ACADEMIC_YEAR: { description: 'The academic year of the application (every designation has one, approved or not).' },
  },
});

@InputType({ description: 'Which designations are counted. Analysts filter only on the dimension they group by (README, "Analysts: aggregates").' })
export class DesignationStatisticsFilter {
  @Field(() => AcademicYearRange, { nullable: true, description: 'Designations applied for in these academic years.' })
  academicYear?: AcademicYearRange | null;

  @Field(() => [DesignationStatus], { nullable: true, description: 'Designations in one of these statuses.' })
  statuses?: DesignationStatus[] | null;

  @Field(() => [DesignationType], { nullable: true, description: 'Designations of one of these types.' })
  types?: DesignationType[] | null;

  @Field(() => [String], { nullable: true, description: 'Designations in one of these areas of expertise, by code, name or alias.' })
  areas?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Designations of one of these alliances, by slug or id (platform analysts, grouping by ALLIANCE).' })
  alliances?: string[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'One group of designations; the dimensions not grouped by are null.' })
export class DesignationStatisticsGroup {
  @Field(() => CodeName, { nullable: true, description: 'The alliance (its slug as the code, and its name).' })
  alliance: CodeName | null;

  @Field(() => DesignationType, { nullable: true, description: 'The type.' })
  type: DesignationType | null;

  @Field(() => DesignationStatus, { nullable: true, description: 'The status.' })
  status: DesignationStatus | null;

  @Field(() => CodeName, { nullable: true, description: 'The area of expertise (its code and name).' })
  areaOfExpertise: CodeName | null;

  @Field(() => EducationPhase, { nullable: true, description: 'The phase.' })
  phase: EducationPhase | null;

  @Field(() => AcademicYear, { nullable: true, description: 'The academic year of the application.' })
  academicYear: number | null;

  @Field(() => Int, { nullable: true, description: 'How many designations; null when suppressed.' })
  designations: number | null;

  @Field({ description: 'Too small a group to show, or hidden so that another answer cannot reveal one that is.' })
  suppressed: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Designations (system leaders and applicants) counted: the acting alliance's or every alliance's (platformDesignationStatistics); for analysts, small groups suppressed." })
export class DesignationStatistics {
  @Field(() => [DesignationStatisticsGroup], { description: 'The groups, in the order of their values; suppressed ones included, marked.' })
  groups: DesignationStatisticsGroup[];

  @Field(() => DesignationStatisticsGroup, { nullable: true, description: 'All designations counted, as one group. Not given to analysts under a filter.' })
  total: DesignationStatisticsGroup | null;

  @Field(() => Int, { description: "Groups smaller than this are suppressed in analysts' answers." })
  minimumGroupSize: number;
}
