import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AcademicYear } from '../../common/scalars';

/** What a brokerage match is scored on (the weights are BROKER_WEIGHTS in broker-matches.ts). */
export enum MatchFactor {
  AREA_OF_EXPERTISE = 'AREA_OF_EXPERTISE',
  PHASE = 'PHASE',
  CAPACITY = 'CAPACITY',
  SAME_LOCAL_AUTHORITY = 'SAME_LOCAL_AUTHORITY',
  EARLIER_DEPLOYMENTS = 'EARLIER_DEPLOYMENTS',
}

registerEnumType(MatchFactor, {
  name: 'MatchFactor',
  description:
    'AREA_OF_EXPERTISE: areas the request needs that the system leader is designated in. PHASE: the supported school\'s phase is one they work in. ' +
    'CAPACITY: release days left in the academic year of the preferred start. SAME_LOCAL_AUTHORITY: their school is in the supported school\'s local authority. ' +
    'EARLIER_DEPLOYMENTS: their earlier deployments to the supported school, by impact rating.',
  valuesConfig: {
    AREA_OF_EXPERTISE: { description: 'Areas the request needs that the system leader is designated in.' },
    PHASE: { description: "The supported school's phase is one they work in." },
    CAPACITY: { description: 'Release days left in the academic year of the preferred start.' },
    SAME_LOCAL_AUTHORITY: { description: "Their school is in the supported school's local authority." },
    EARLIER_DEPLOYMENTS: { description: 'Their earlier deployments to the supported school, by impact rating.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One factor of a match, and the points it added (negative: took away).' })
export class MatchReason {
  @Field(() => MatchFactor, { description: 'The factor.' })
  factor: MatchFactor;

  @Field(() => Int, { description: 'The points it added.' })
  points: number;

  @Field({ description: 'E.g. "expert in Maths, English", "same local authority (Camden)", "2 earlier deployments rated SIGNIFICANT".' })
  detail: string;
}

@ObjectType({ simpleResolvers: true, description: "A designation ranked for a support request: its score is the sum of its reasons' points." })
export class BrokerMatch {
  designationId: string;

  @Field(() => Int, { description: "The sum of the reasons' points." })
  score: number;

  @Field(() => Float, { description: 'Release days left in the academic year: committed − delivered − planned on agreed and active deployments.' })
  availableDays: number;

  @Field(() => AcademicYear, { description: "The academic year whose capacity counts: the preferred start's, or this year's when the request has none." })
  academicYear: number;

  @Field(() => [MatchReason], { description: 'Why, factor by factor.' })
  reasons: MatchReason[];
}
