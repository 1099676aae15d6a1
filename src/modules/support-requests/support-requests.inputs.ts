import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { LocalDate } from '../../common/scalars';
import { DesignationType } from '../designations/designation-enums';
import { CommissionerType, SupportRequestStatus } from './support-request-enums';
import { SupportRequest } from './support-request.entity';

@InputType({ description: 'Who commissions the support. A school is named by URN, a local authority by its code, a trust or diocese by its GIAS code where known.' })
export class CommissionerInput {
  @Field(() => CommissionerType, { description: 'What sort of commissioner.' })
  type: CommissionerType;

  @Field(() => String, { nullable: true, description: 'The body\'s name. Taken from the register for a school, a local authority, a trust or diocese it knows; required for OTHER.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'SCHOOL: the commissioning school\'s URN (default: the supported school).' })
  schoolUrn?: string | null;

  @Field(() => String, { nullable: true, description: 'LOCAL_AUTHORITY: the 3-digit DfE code.' })
  laCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ACADEMY_TRUST or DIOCESE: the GIAS group code, where known.' })
  groupCode?: string | null;
}

@InputType({ description: 'The arguments of createSupportRequest.' })
export class CreateSupportRequestInput {
  @Field(() => CommissionerInput, { description: 'Who commissions the support.' })
  commissioner: CommissionerInput;

  @Field({ description: 'The URN of the school to support. It need not be a member of the alliance.' })
  supportedSchoolUrn: string;

  @Field({ description: 'What the school needs, in words.' })
  needs: string;

  @Field(() => [String], { nullable: true, description: 'Areas of expertise needed, by code, name or any alias.' })
  areas?: string[] | null;

  @Field(() => DesignationType, { nullable: true, description: 'Default SLE; LLE for headteacher support.' })
  designationType?: DesignationType | null;

  @Field(() => [String], { nullable: true, description: 'What the support should achieve.' })
  desiredOutcomes?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the school would like it to start.' })
  preferredStart?: string | null;

  @Field(() => String, { nullable: true, description: 'Who pays, in words.' })
  fundingSource?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  receivedOn?: string | null;
}

@InputType({ description: 'The arguments of closeSupportRequest, withdrawSupportRequest.' })
export class EndSupportRequestInput {
  @Field(() => ID, { description: "The support request's global ID." })
  supportRequestId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Why.' })
  reason?: string | null;
}

@InputType({ description: 'Which requests; every condition given must hold.' })
export class SupportRequestFilter {
  @Field(() => [SupportRequestStatus], { nullable: true, description: 'In one of these statuses.' })
  statuses?: SupportRequestStatus[] | null;

  @Field(() => [CommissionerType], { nullable: true, description: 'Commissioned by one of these.' })
  commissionerTypes?: CommissionerType[] | null;

  @Field(() => ID, { nullable: true, description: 'For this school.' })
  supportedSchoolId?: string | null;
}

export enum SupportRequestOrderField {
  RECEIVED_ON = 'RECEIVED_ON',
  PREFERRED_START = 'PREFERRED_START',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(SupportRequestOrderField, {
  name: 'SupportRequestOrderField',
  description: 'What support requests may be sorted by. A preferred start not yet set sorts as the far future: last ascending, first descending.',
  valuesConfig: {
    RECEIVED_ON: { description: 'When it was received.' },
    PREFERRED_START: { description: 'When the school would like the support to start.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

export const SupportRequestOrder = OrderInput(SupportRequestOrderField, 'SupportRequestOrder');
export type SupportRequestOrder = InstanceType<typeof SupportRequestOrder>;

@ObjectType({ simpleResolvers: true, description: 'What closeSupportRequest, createSupportRequest, withdrawSupportRequest returns.' })
export class SupportRequestPayload {
  @Field(() => SupportRequest, { description: 'The support request, as it stands after the change.' })
  supportRequest: SupportRequest;
}
