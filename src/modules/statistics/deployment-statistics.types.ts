import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AcademicYear } from '../../common/scalars';
import { Term } from '../alliances/alliance-enums';
import { DeploymentStatus, ImpactRating } from '../deployments/deployment-enums';
import { CodeName } from '../schools/code-name';
import { CommissionerType } from '../support-requests/support-request-enums';
import { AcademicYearRange } from './statistics.types';

export enum DeploymentDimension {
  ALLIANCE = 'ALLIANCE',
  AREA_OF_EXPERTISE = 'AREA_OF_EXPERTISE',
  ACADEMIC_YEAR = 'ACADEMIC_YEAR',
  TERM = 'TERM',
  PHASE = 'PHASE',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  COMMISSIONER_TYPE = 'COMMISSIONER_TYPE',
  STATUS = 'STATUS',
  IMPACT_RATING = 'IMPACT_RATING',
}
registerEnumType(DeploymentDimension, {
  name: 'DeploymentDimension',
  description: 'What deployments are grouped by.',
  valuesConfig: {
    ALLIANCE: { description: 'The alliance that brokered the deployment: for platform analysts (platformDeploymentStatistics); within one alliance, one group.' },
    AREA_OF_EXPERTISE: { description: "An area of expertise of the deployment's request; a deployment for several areas counts in each, one for none in the group without an area." },
    ACADEMIC_YEAR: { description: 'The academic year the deployment starts in.' },
    TERM: { description: "The alliance's term the deployment starts in (by the alliance's term dates); none when its start falls outside them." },
    PHASE: { description: "The supported school's phase (GIAS)." },
    LOCAL_AUTHORITY: { description: "The supported school's local authority." },
    COMMISSIONER_TYPE: { description: 'Who commissioned the support.' },
    STATUS: { description: "The deployment's status." },
    IMPACT_RATING: { description: "The supported head's impact rating; none before evaluation." },
  },
});

@InputType({ description: 'Which deployments are counted. Analysts filter only on the dimension they group by (README, "Analysts: aggregates").' })
export class DeploymentStatisticsFilter {
  @Field(() => AcademicYearRange, { nullable: true, description: 'Deployments starting in these academic years.' })
  academicYear?: AcademicYearRange | null;

  @Field(() => [DeploymentStatus], { nullable: true, description: 'Deployments in one of these statuses.' })
  statuses?: DeploymentStatus[] | null;

  @Field(() => [CommissionerType], { nullable: true, description: 'Deployments commissioned by one of these types of commissioner.' })
  commissionerTypes?: CommissionerType[] | null;

  @Field(() => [String], { nullable: true, description: 'Deployments whose request names one of these areas of expertise, by code, name or alias.' })
  areas?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Deployments of one of these alliances, by slug or id (platform analysts, grouping by ALLIANCE).' })
  alliances?: string[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'One group of deployments; the dimensions not grouped by are null. A suppressed group shows its dimensions and nothing else.' })
export class DeploymentStatisticsGroup {
  @Field(() => CodeName, { nullable: true, description: 'The alliance (its slug as the code, and its name).' })
  alliance: CodeName | null;

  @Field(() => CodeName, { nullable: true, description: 'The area of expertise (its code and name).' })
  areaOfExpertise: CodeName | null;

  @Field(() => AcademicYear, { nullable: true, description: 'The academic year the deployments start in.' })
  academicYear: number | null;

  @Field(() => Term, { nullable: true, description: 'The alliance term the deployments start in.' })
  term: Term | null;

  @Field(() => CodeName, { nullable: true, description: "The supported school's phase." })
  phase: CodeName | null;

  @Field(() => CodeName, { nullable: true, description: "The supported school's local authority." })
  localAuthority: CodeName | null;

  @Field(() => CommissionerType, { nullable: true, description: 'The type of commissioner.' })
  commissionerType: CommissionerType | null;

  @Field(() => DeploymentStatus, { nullable: true, description: 'The status.' })
  status: DeploymentStatus | null;

  @Field(() => ImpactRating, { nullable: true, description: 'The impact rating.' })
  impactRating: ImpactRating | null;

  @Field(() => Int, { nullable: true, description: 'How many deployments; null when suppressed.' })
  deployments: number | null;

  @Field(() => Float, { nullable: true, description: 'Days delivered (delivered sessions, hours pro rata), to two decimal places; null when suppressed.' })
  daysDelivered: number | null;

  @Field(() => Float, { nullable: true, description: 'What the delivered sessions cost, in whole pence, by the tariff copied at agreement (per session, half up); null when suppressed.' })
  totalPence: number | null;

  @Field(() => Float, { nullable: true, description: "The alliance's brokerage fee within the cost, in whole pence; null when suppressed." })
  brokerageFeePence: number | null;

  @Field(() => Float, { nullable: true, description: "The home schools' share of the cost (cost less fee), in whole pence; null when suppressed." })
  homeSchoolPence: number | null;

  @Field({ description: 'Too small a group to show, or hidden so that another answer cannot reveal one that is: then every figure is null.' })
  suppressed: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Deployments counted: the acting alliance's (deploymentStatistics) or every alliance's (platformDeploymentStatistics); for analysts, small groups suppressed." })
export class DeploymentStatistics {
  @Field(() => [DeploymentStatisticsGroup], { description: 'The groups, in the order of their values; suppressed ones included, marked.' })
  groups: DeploymentStatisticsGroup[];

  @Field(() => DeploymentStatisticsGroup, { nullable: true, description: "All deployments counted, as one group. Not given to analysts under a filter: a selection's sum would be a new figure to set against the others." })
  total: DeploymentStatisticsGroup | null;

  @Field(() => Int, { description: "Groups smaller than this are suppressed in analysts' answers." })
  minimumGroupSize: number;
}
