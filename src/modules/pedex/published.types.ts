import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { LocalDate } from '../../common/scalars';
import { AllianceKind } from '../alliances/alliance-enums';
import { KeyStage, ResearchMethodology } from '../research/research-enums';

/**
 * PedEx's public types (SECURITY.md D1, T8): what anyone, without a token, reads of a published
 * project. Dedicated types, not the staff ones: plain values only, no id of a staff record, no
 * contact or employment data, no field that leads to a private type (test/security/public-surface).
 */

@ObjectType('PublicAuthor', { simpleResolvers: true, description: 'An author who consented to be named, as published.' })
export class PublicAuthor {
  @Field({ description: "The author's name, as published." })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Their school or organisation, as published.' })
  affiliation: string | null;

  @Field(() => String, { nullable: true, description: 'ORCID iD, written 0000-0002-1825-0097.' })
  orcid: string | null;
}

@ObjectType('PublicJournal', { simpleResolvers: true, description: 'Where a project is published: the journal, its ISSN, volume and issue.' })
export class PublicJournal {
  @Field({ description: "The journal's title." })
  title: string;

  @Field(() => String, { nullable: true, description: 'Its ISSN.' })
  issn: string | null;

  @Field({ description: 'The volume.' })
  volume: string;

  @Field({ description: 'The issue.' })
  issue: string;
}

@ObjectType('PublicAlliance', { simpleResolvers: true, description: 'The alliance that published a project: its name and slug.' })
export class PublicAlliance {
  @Field({ description: "The alliance's name." })
  name: string;

  @Field({ description: 'Its slug.' })
  slug: string;

  @Field(() => AllianceKind, { description: 'What sort of partnership it is.' })
  kind: AllianceKind;
}

@ObjectType('PublicSchool', { simpleResolvers: true, description: "A school a project was carried out in: the register's public name and place." })
export class PublicSchool {
  @Field({ description: 'DfE unique reference number.' })
  urn: string;

  @Field({ description: "The school's name." })
  name: string;

  @Field(() => String, { nullable: true, description: 'Its town.' })
  town: string | null;

  @Field(() => String, { nullable: true, description: 'The local authority.' })
  localAuthority: string | null;

  @Field(() => String, { nullable: true, description: 'Its phase, by name.' })
  phase: string | null;
}

/** A published project as its row is read for PedEx (published-research.service.ts); the resolver adds the rest. */
@ObjectType('PublishedResearchProject', { simpleResolvers: true, description: 'A project published in PedEx, readable by anyone.' })
export class PublishedResearchProject {
  /** Internal: the loaders' key; never a field. */
  id: string;

  allianceName: string;
  allianceSlug: string;
  allianceKind: AllianceKind;
  journalTitle: string;
  issn: string | null;
  volume: string;
  issue: string;

  @Field({ description: 'Its address in PedEx: fixed at first publication, it survives a change of title.' })
  slug: string;

  @Field({ description: "The project's title." })
  title: string;

  @Field(() => String, { nullable: true, description: 'Its abstract.' })
  abstract: string | null;

  @Field(() => ResearchMethodology, { description: 'How the research was done.' })
  methodology: ResearchMethodology;

  @Field(() => [KeyStage], { description: 'The key stages it is about.' })
  keyStages: KeyStage[];

  @Field(() => [String], { description: 'Its keywords.' })
  keywords: string[];

  @Field(() => [String], { description: 'The names of its areas of expertise.' })
  areasOfExpertise: string[];

  @Field(() => LocalDate, { description: 'When it was published.' })
  publishedOn: string;

  @Field(() => String, { nullable: true, description: 'e.g. 10.5555/pedex.2025.14' })
  doi: string | null;

  @Field(() => String, { nullable: true, description: 'Its web address, if any.' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The address of its PDF, if any.' })
  pdfUrl: string | null;

  @Field({ description: 'An SPDX licence identifier, e.g. CC-BY-4.0.' })
  licence: string;

  @Field(() => String, { nullable: true, description: 'With a search: the best passages of the abstract, HTML-escaped, the matched words in <mark>…</mark>. Null without a search.' })
  snippet: string | null;

  @Field(() => Float, { nullable: true, description: 'With a search: how well it matches (ts_rank_cd; a title match weighs most, then keywords, then the abstract). Null without a search.' })
  rank: number | null;
}

export const PublishedResearchConnection = ConnectionType(PublishedResearchProject, 'PublishedResearch');

export enum PublishedResearchOrder {
  NEWEST = 'NEWEST',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(PublishedResearchOrder, {
  name: 'PublishedResearchOrder',
  description: 'NEWEST: latest publication date first. RELEVANCE: best match to the search first (without a search, the same as NEWEST).',
  valuesConfig: {
    NEWEST: { description: 'Latest publication date first.' },
    RELEVANCE: { description: 'Best match first (with a search).' },
  },
});

@InputType({ description: 'Every condition given must hold.' })
export class PublishedResearchFilter {
  @Field(() => String, { nullable: true, description: 'An area of expertise: its name, code or an alias, e.g. "Maths" or "SEND".' })
  areaOfExpertise?: string | null;

  @Field(() => String, { nullable: true, description: "The publishing alliance's slug, e.g. \"romero\"." })
  alliance?: string | null;

  @Field(() => Int, { nullable: true, description: 'The calendar year of publication.' })
  year?: number | null;

  @Field(() => KeyStage, { nullable: true, description: 'About this key stage.' })
  keyStage?: KeyStage | null;

  @Field(() => ResearchMethodology, { nullable: true, description: 'With this methodology.' })
  methodology?: ResearchMethodology | null;
}
