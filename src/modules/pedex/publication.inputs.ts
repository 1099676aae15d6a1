import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { ResearchProject } from '../research/research-project.entity';

@InputType({ description: 'An author of a publication, in the order given.' })
export class PublicationAuthorInput {
  @Field({ description: 'The name as published.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Their school or organisation, as published.' })
  affiliation?: string | null;

  @Field(() => String, { nullable: true, description: 'ORCID iD, e.g. 0000-0002-1825-0097 (its check digit is verified).' })
  orcid?: string | null;

  @Field({ description: 'Named in public only if true; at least one author must consent.' })
  consentToBeNamed: boolean;

  @Field(() => ID, { nullable: true, description: "The author's staff record in the alliance, if they have one (never shown in public)." })
  personId?: string | null;
}

@InputType({
  description:
    "Publishes an ACCEPTED project in PedEx. The publication gate: title, abstract and keywords (the project's), at least one consenting author, licence, volume, issue, date, and a DOI or URL.",
})
export class PublishResearchProjectInput {
  @Field(() => ID, { description: "The project's global ID." })
  projectId: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer change gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Default "PedEx".' })
  journalTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'The journal\'s ISSN, e.g. 2049-3630 (its check digit is verified).' })
  issn?: string | null;

  @Field(() => String, { nullable: true, description: 'The journal volume.' })
  volume?: string | null;

  @Field(() => String, { nullable: true, description: 'The journal issue.' })
  issue?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The publication date.' })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 10.5555/pedex.2025.14, or its https://doi.org/ address.' })
  doi?: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https address of the article; needed when there is no DOI.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https address of its PDF.' })
  pdfUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'An SPDX licence identifier ("CC-BY-4.0") or a name SPDX recognises ("CC BY 4.0"); stored as the identifier.' })
  licence?: string | null;

  @Field(() => [PublicationAuthorInput], { nullable: true, description: "The authors in order; replaces the project's. Left out: the authors it has." })
  authors?: PublicationAuthorInput[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'What publishResearchProject returns.' })
export class PublishResearchProjectPayload {
  @Field(() => ResearchProject, { description: 'The research project, as it stands after the change.' })
  researchProject: ResearchProject;
}
