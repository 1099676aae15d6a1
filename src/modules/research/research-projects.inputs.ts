import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderInput } from '../../common/order-direction';
import { AcademicYear, LocalDate } from '../../common/scalars';
import { KeyStage, ResearchFundingType, ResearchMethodology, ResearchStatus } from './research-enums';
import { ResearchProject } from './research-project.entity';

@InputType({ description: 'A member school of the alliance: by id or by URN, one of the two.' })
export class ResearchSchoolInput {
  @Field(() => ID, { nullable: true, description: "The school's global ID." })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The 6-digit URN.' })
  urn?: string | null;
}

@InputType({ description: "Funding committed against the alliance's research budget for an academic year." })
export class ResearchFundingInput {
  @Field(() => ResearchFundingType, { description: 'How it is funded.' })
  type: ResearchFundingType;

  @Field(() => Int, { description: 'In pence, not below 0.' })
  pence: number;

  @Field(() => AcademicYear, { description: 'The academic year whose research budget it is committed against.' })
  academicYear: number;
}

/**
 * The terms of a project, shared by creation and change. On a change, a field left out stays as it
 * is, a list given replaces the whole list, and null clears a nullable field.
 */
@InputType()
export abstract class ResearchProjectTermsInput {
  @Field(() => String, { nullable: true, description: 'The research question.' })
  researchQuestion?: string | null;

  @Field(() => String, { nullable: true, description: 'Its abstract.' })
  abstract?: string | null;

  @Field(() => [ID], { nullable: true, description: 'People of the alliance who lead it. At least one.' })
  leadIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'People of the alliance who contribute.' })
  contributorIds?: string[] | null;

  @Field(() => [ResearchSchoolInput], { nullable: true, description: 'Member schools where it runs, in order.' })
  schools?: ResearchSchoolInput[] | null;

  @Field(() => ResearchSchoolInput, { nullable: true, description: 'The member school that commissions it; null: the alliance. The coordinator sets it.' })
  commissionedBySchool?: ResearchSchoolInput | null;

  @Field(() => ResearchFundingInput, { nullable: true, description: 'The coordinator sets it; beyond what is left of the budget it needs budgetOverrideReason.' })
  funding?: ResearchFundingInput | null;

  @Field(() => [String], { nullable: true, description: 'Areas of expertise by code, name or alias (areasOfExpertise lists them).' })
  areas?: string[] | null;

  @Field(() => [KeyStage], { nullable: true, description: 'The key stages it is about.' })
  keyStages?: KeyStage[] | null;

  @Field(() => [String], { nullable: true, description: 'Trimmed; repeats (in any case) are dropped.' })
  keywords?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it starts.' })
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Not before startsOn.' })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: "The coordinator's reason for funding beyond what is left of the year's research budget." })
  budgetOverrideReason?: string | null;
}

@InputType({ description: 'A new project, PROPOSED. A practitioner who proposes one becomes its lead.' })
export class CreateResearchProjectInput extends ResearchProjectTermsInput {
  @Field({ description: "The project's title." })
  title: string;

  @Field(() => ResearchMethodology, { description: 'How the research is done.' })
  methodology: ResearchMethodology;
}

@InputType({ description: "A change to a project's terms, by the coordinator or one of its leads. Its PedEx address (slug) never changes." })
export class UpdateResearchProjectInput extends ResearchProjectTermsInput {
  @Field(() => ID, { description: "The project's global ID." })
  projectId: string;

  @Field(() => Int, { description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: "The project's title." })
  title?: string | null;

  @Field(() => ResearchMethodology, { nullable: true, description: 'How the research is done.' })
  methodology?: ResearchMethodology | null;
}

@InputType({ description: 'The arguments of transitionResearchProject.' })
export class TransitionResearchProjectInput {
  @Field(() => ID, { description: "The project's global ID." })
  projectId: string;

  @Field(() => ResearchStatus, { description: 'Where to move it (ResearchProject.nextMoves lists the moves you may make). PUBLISHED is publishResearchProject\'s.' })
  to: ResearchStatus;

  @Field(() => Int, { description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail (a withdrawal or a rejection, say).' })
  reason?: string | null;
}

@InputType({ description: 'Which projects; every condition given must hold.' })
export class ResearchProjectFilter {
  @Field(() => [ResearchStatus], { nullable: true, description: 'In one of these statuses.' })
  statuses?: ResearchStatus[] | null;

  @Field(() => ResearchMethodology, { nullable: true, description: 'With this methodology.' })
  methodology?: ResearchMethodology | null;

  @Field(() => String, { nullable: true, description: 'An area of expertise by code, name or alias.' })
  area?: string | null;

  @Field(() => KeyStage, { nullable: true, description: 'About this key stage.' })
  keyStage?: KeyStage | null;

  @Field(() => ID, { nullable: true, description: 'Projects this person leads.' })
  leadPersonId?: string | null;

  @Field(() => ResearchFundingType, { nullable: true, description: 'Funded this way.' })
  fundingType?: ResearchFundingType | null;

  @Field(() => AcademicYear, { nullable: true, description: 'The academic year the funding is committed against.' })
  fundingAcademicYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Projects chosen from this call.' })
  callId?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title, keywords and abstract (English stemming; quotes, OR and -word work as on a search engine).' })
  search?: string | null;
}

export enum ResearchProjectOrderField {
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
}
registerEnumType(ResearchProjectOrderField, {
  name: 'ResearchProjectOrderField',
  description: 'What research projects may be sorted by.',
  valuesConfig: {
    UPDATED_AT: { description: 'When the record last changed.' },
    CREATED_AT: { description: 'When it was created.' },
    TITLE: { description: 'The title.' },
  },
});

export const ResearchProjectOrder = OrderInput(ResearchProjectOrderField, 'ResearchProjectOrder');
export type ResearchProjectOrder = InstanceType<typeof ResearchProjectOrder>;

@ObjectType({ simpleResolvers: true, description: 'What createResearchProject, transitionResearchProject, updateResearchProject returns.' })
export class ResearchProjectPayload {
  @Field(() => ResearchProject, { description: 'The research project, as it stands after the change.' })
  researchProject: ResearchProject;
}

@ObjectType({ simpleResolvers: true, description: 'A status you may move this project to, and the mutation that does it.' })
export class ResearchProjectMove {
  @Field(() => ResearchStatus, { description: 'The status.' })
  to: ResearchStatus;

  @Field({ description: 'The mutation that makes the move.' })
  mutation: string;
}
