import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { SupportRequest } from '../support-requests/support-request.entity';
import { ContractParty, DeploymentModel, DeploymentStatus } from './deployment-enums';
import { DeploymentSignature } from './deployment-signature.entity';
import { Deployment } from './deployment.entity';

@InputType({ description: "The contract's terms. At agreement all are needed but the model and frequency (the contract gate)." })
export class DeploymentTermsInput {
  @Field(() => String, { nullable: true, description: 'The scope of work.' })
  scope?: string | null;

  @Field(() => [String], { nullable: true, description: 'What the deployment should achieve.' })
  objectives?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'How impact will be measured.' })
  impactMeasures?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who pays, in words.' })
  fundingSource?: string | null;

  @Field(() => Float, { nullable: true, description: 'Days, more than 0 (a 2-day diagnostic: 2 by default).' })
  plannedDays?: number | null;

  @Field(() => DeploymentModel, { nullable: true, description: 'The shape of the support.' })
  model?: DeploymentModel | null;

  @Field(() => String, { nullable: true, description: 'Default from the model: "half a day a week for two terms".' })
  frequency?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The first day of the support.' })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The last day of the support.' })
  endsOn?: string | null;
}

@InputType({ description: 'The arguments of proposeDeployment.' })
export class ProposeDeploymentInput {
  @Field(() => ID, { description: "The support request's global ID." })
  supportRequestId: string;

  @Field(() => ID, { description: 'The system leader to deploy: an active designation of the type the request wants.' })
  designationId: string;

  @Field(() => DeploymentTermsInput, { nullable: true, description: 'The terms proposed; they may be completed before agreement.' })
  terms?: DeploymentTermsInput | null;
}

/** What a change to an existing deployment names. */
@InputType()
abstract class DeploymentChangeInput {
  @Field(() => ID, { description: "The deployment's global ID." })
  deploymentId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'The arguments of updateDeploymentTerms.' })
export class UpdateDeploymentTermsInput extends DeploymentChangeInput {
  @Field(() => DeploymentTermsInput, { description: 'Only the terms given change. A change voids the signatures given so far.' })
  terms: DeploymentTermsInput;
}

@InputType({ description: 'The arguments of signDeployment.' })
export class SignDeploymentInput {
  @Field(() => ID, { description: "The deployment's global ID." })
  deploymentId: string;

  @Field(() => ContractParty, { description: 'The party you sign for: yourself, or the alliance as its coordinator.' })
  party: ContractParty;

  @Field(() => Int, { description: 'The version of the terms you read and sign; a newer version gives CONFLICT.' })
  termsVersion: number;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  signedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The coordinator only, for the supported school's head who has no account: the name on the paper signature received. The record says so.",
  })
  onPaperSignatoryName?: string | null;
}

@InputType({ description: 'The arguments of agreeDeployment.' })
export class AgreeDeploymentInput extends DeploymentChangeInput {
  @Field(() => LocalDate, { nullable: true, description: 'Default today. The tariff in force on this day is copied onto the deployment.' })
  agreedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Needed to agree beyond the system leader's capacity in the deployment's academic year." })
  capacityOverrideReason?: string | null;
}

@InputType({ description: 'The arguments of cancelDeployment, completeDeployment, declineDeployment, holdDeployment, resumeDeployment, startDeployment.' })
export class DeploymentMoveInput extends DeploymentChangeInput {
  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Required to decline, cancel or hold.' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: "Resume only: needed where the system leader's capacity no longer fits the days left." })
  capacityOverrideReason?: string | null;
}

@InputType({ description: 'Which deployments; every condition given must hold.' })
export class DeploymentFilter {
  @Field(() => [DeploymentStatus], { nullable: true, description: 'In one of these statuses.' })
  statuses?: DeploymentStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Answering this request.' })
  supportRequestId?: string | null;

  @Field(() => ID, { nullable: true, description: "Of this system leader's designation." })
  designationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The system leader.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Deployments into this school.' })
  supportedSchoolId?: string | null;

  @Field(() => ID, { nullable: true, description: "Deployments of this school's staff." })
  homeSchoolId?: string | null;

  @Field(() => AcademicYear, { nullable: true, description: 'By the academic year of the start.' })
  academicYear?: number | null;
}

export enum DeploymentOrderField {
  PROPOSED_ON = 'PROPOSED_ON',
  STARTS_ON = 'STARTS_ON',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(DeploymentOrderField, {
  name: 'DeploymentOrderField',
  description: 'Dates not yet set count as the far future: last ascending, first descending.',
  valuesConfig: {
    PROPOSED_ON: { description: 'When it was proposed.' },
    STARTS_ON: { description: 'When it starts.' },
    UPDATED_AT: { description: 'When the record last changed.' },
  },
});

export const DeploymentOrder = OrderInput(DeploymentOrderField, 'DeploymentOrder');
export type DeploymentOrder = InstanceType<typeof DeploymentOrder>;

@ObjectType({ simpleResolvers: true, description: 'What agreeDeployment, cancelDeployment, completeDeployment, declineDeployment, holdDeployment, proposeDeployment, resumeDeployment, startDeployment, updateDeploymentTerms returns.' })
export class DeploymentPayload {
  @Field(() => Deployment, { description: 'The deployment, as it stands after the change.' })
  deployment: Deployment;

  @Field(() => SupportRequest, { nullable: true, description: 'Its request, where the change moved it.' })
  supportRequest?: SupportRequest | null;
}

@ObjectType({ simpleResolvers: true, description: 'What signDeployment returns.' })
export class DeploymentSignaturePayload {
  @Field(() => DeploymentSignature, { description: 'The signature, as it stands after the change.' })
  signature: DeploymentSignature;

  @Field(() => Deployment, { description: 'The deployment, as it stands after the change.' })
  deployment: Deployment;
}

@ObjectType({ simpleResolvers: true, description: "A system leader's capacity in one academic year (DOMAIN.md): committed − delivered − planned." })
export class Capacity {
  @Field(() => AcademicYear, { description: 'The academic year.' })
  academicYear: number;

  @Field(() => Float, { description: 'Release days the head committed.' })
  committedDays: number;

  @Field(() => Float, { description: 'Days delivered in sessions this year.' })
  deliveredDays: number;

  @Field(() => Float, { description: 'Days still to deliver on agreed and active deployments of this year.' })
  plannedDays: number;

  @Field(() => Float, { description: 'What is left; below zero where the coordinator agreed beyond capacity.' })
  availableDays: number;
}
