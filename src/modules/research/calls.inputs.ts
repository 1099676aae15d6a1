import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { KeyStage, ResearchCallStatus, ResearchFundingType, ResearchMethodology } from './research-enums';
import { ResearchCall } from './research-call.entity';
import { ResearchInterest } from './research-interest.entity';
import { ResearchProject } from './research-project.entity';
import { ResearchSchoolInput } from './research-projects.inputs';

@InputType({ description: 'What the project chosen from a call is funded with.' })
export class ResearchCallFundingInput {
  @Field(() => ResearchFundingType, { description: 'How it is funded.' })
  type: ResearchFundingType;

  @Field(() => Int, { description: 'In pence, not below 0.' })
  pence: number;
}

@InputType({ description: 'A funded project offered by the alliance or a member school for an academic year.' })
export class CreateResearchCallInput {
  @Field({ description: "The call's title." })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the project is.' })
  description?: string | null;

  @Field(() => AcademicYear, { description: 'The academic year the funding is committed against.' })
  academicYear: number;

  @Field(() => ResearchCallFundingInput, { description: 'What the chosen project is funded with.' })
  funding: ResearchCallFundingInput;

  @Field(() => [String], { nullable: true, description: 'Areas of expertise wanted, by code, name or alias.' })
  areas?: string[] | null;

  @Field(() => [KeyStage], { nullable: true, description: 'The key stages it is about.' })
  keyStages?: KeyStage[] | null;

  @Field(() => LocalDate, { description: 'The last day to express interest; not in the past.' })
  closesOn: string;

  @Field(() => ResearchSchoolInput, { nullable: true, description: 'The member school that offers it; null: the alliance.' })
  commissionedBySchool?: ResearchSchoolInput | null;
}

@InputType({ description: 'Which calls; every condition given must hold.' })
export class ResearchCallFilter {
  @Field(() => [ResearchCallStatus], { nullable: true, description: 'In one of these statuses.' })
  statuses?: ResearchCallStatus[] | null;

  @Field(() => AcademicYear, { nullable: true, description: 'Funded in this academic year.' })
  academicYear?: number | null;
}

@InputType({ description: 'The arguments of expressResearchInterest.' })
export class ExpressResearchInterestInput {
  @Field(() => ID, { description: "The call's global ID." })
  callId: string;

  @Field({ description: 'Why you, and what you would do.' })
  statement: string;
}

@InputType({ description: "The coordinator's choice: the project it creates, APPROVED, led by the person interested, with the call's funding, areas and key stages." })
export class ChooseResearchInterestInput {
  @Field(() => ID, { description: "The interest's global ID." })
  interestId: string;

  @Field(() => String, { nullable: true, description: "Default: the call's title." })
  title?: string | null;

  @Field(() => ResearchMethodology, { description: 'How the research is done.' })
  methodology: ResearchMethodology;

  @Field(() => String, { nullable: true, description: 'The question it asks.' })
  researchQuestion?: string | null;

  @Field(() => String, { nullable: true, description: 'Its abstract.' })
  abstract?: string | null;

  @Field(() => [ID], { nullable: true, description: 'People of the alliance who contribute.' })
  contributorIds?: string[] | null;

  @Field(() => [ResearchSchoolInput], { nullable: true, description: 'Member schools where it runs, in order.' })
  schools?: ResearchSchoolInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Its keywords.' })
  keywords?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it starts.' })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it ends.' })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: "Needed to fund it beyond what is left of the year's research budget." })
  budgetOverrideReason?: string | null;
}

@InputType({ description: 'The arguments of declineResearchInterest.' })
export class DeclineResearchInterestInput {
  @Field(() => ID, { description: "The interest's global ID." })
  interestId: string;
}

@InputType({ description: 'The arguments of closeResearchCall.' })
export class CloseResearchCallInput {
  @Field(() => ID, { description: "The call's global ID." })
  callId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'The arguments of setResearchBudget.' })
export class SetResearchBudgetInput {
  @Field(() => AcademicYear, { description: 'The academic year.' })
  academicYear: number;

  @Field(() => Int, { description: 'In pence, not below 0. Below what is committed leaves a negative remainder; nothing is undone.' })
  budgetPence: number;
}

@ObjectType({ simpleResolvers: true, description: "The alliance's research budget for an academic year and what is committed against it: the funding of its projects of that year, WITHDRAWN and REJECTED ones excepted." })
export class ResearchFunding {
  @Field(() => AcademicYear, { description: 'The academic year.' })
  academicYear: number;

  @Field(() => Int, { description: 'In pence; 0 where none is set.' })
  budgetPence: number;

  @Field({ description: 'Whether the alliance has set a budget for this year.' })
  budgetSet: boolean;

  // Sums of many projects' funding may pass a GraphQL Int's 32 bits; SafeInt holds any whole number of pence a year can reach.
  @Field(() => SafeIntResolver, { description: 'In pence.' })
  committedPence: number;

  @Field(() => SafeIntResolver, { description: 'In pence; below 0 where funding went beyond the budget with an override.' })
  remainingPence: number;

  @Field(() => Int, { description: 'The funded projects counted.' })
  projectCount: number;
}

@ObjectType({ simpleResolvers: true, description: 'What closeResearchCall, createResearchCall returns.' })
export class ResearchCallPayload {
  @Field(() => ResearchCall, { description: 'The research call, as it stands after the change.' })
  researchCall: ResearchCall;
}

@ObjectType({ simpleResolvers: true, description: 'What declineResearchInterest, expressResearchInterest returns.' })
export class ResearchInterestPayload {
  @Field(() => ResearchInterest, { description: 'The research interest, as it stands after the change.' })
  researchInterest: ResearchInterest;
}

@ObjectType({ simpleResolvers: true, description: 'What chooseResearchInterest returns.' })
export class ChooseResearchInterestPayload {
  @Field(() => ResearchInterest, { description: 'The research interest, as it stands after the change.' })
  researchInterest: ResearchInterest;

  @Field(() => ResearchProject, { description: 'The research project, as it stands after the change.' })
  researchProject: ResearchProject;
}

@ObjectType({ simpleResolvers: true, description: 'What setResearchBudget returns.' })
export class ResearchFundingPayload {
  @Field(() => ResearchFunding, { description: 'The research funding, as it stands after the change.' })
  researchFunding: ResearchFunding;
}
