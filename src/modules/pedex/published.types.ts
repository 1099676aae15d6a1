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
  @Field()
  displayName: string;

  @Field(() => String, { nullable: true })
  affiliation: string | null;

  @Field(() => String, { nullable: true, description: 'ORCID iD, written 0000-0002-1825-0097.' })
  orcid: string | null;
}

@ObjectType('PublicJournal', { simpleResolvers: true, description: 'Where a project is published: the journal, its ISSN, volume and issue.' })
export class PublicJournal {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  issn: string | null;

  @Field()
  volume: string;

  @Field()
  issue: string;
}

@ObjectType('PublicAlliance', { simpleResolvers: true, description: 'The alliance that published a project: its name and slug.' })
export class PublicAlliance {
  @Field()
  name: string;

  @Field()
  slug: string;

  @Field(() => AllianceKind)
  kind: AllianceKind;
}

@ObjectType('PublicSchool', { simpleResolvers: true, description: "A school a project was carried out in: the register's public name and place." })
export class PublicSchool {
  @Field({ description: 'DfE unique reference number.' })
  urn: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  town: string | null;

  @Field(() => String, { nullable: true, description: 'The local authority.' })
  localAuthority: string | null;

  @Field(() => String, { nullable: true })
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

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  abstract: string | null;

  @Field(() => ResearchMethodology)
  methodology: ResearchMethodology;

  @Field(() => [KeyStage])
  keyStages: KeyStage[];

  @Field(() => [String])
  keywords: string[];

  @Field(() => [String], { description: 'The names of its areas of expertise.' })
  areasOfExpertise: string[];

  @Field(() => LocalDate)
  publishedOn: string;

  @Field(() => String, { nullable: true, description: 'e.g. 10.5555/pedex.2025.14' })
  doi: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
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
});

@InputType({ description: 'Every condition given must hold.' })
export class PublishedResearchFilter {
  @Field(() => String, { nullable: true, description: 'An area of expertise: its name, code or an alias, e.g. "Maths" or "SEND".' })
  areaOfExpertise?: string | null;

  @Field(() => String, { nullable: true, description: "The publishing alliance's slug, e.g. \"romero\"." })
  alliance?: string | null;

  @Field(() => Int, { nullable: true, description: 'The calendar year of publication.' })
  year?: number | null;

  @Field(() => KeyStage, { nullable: true })
  keyStage?: KeyStage | null;

  @Field(() => ResearchMethodology, { nullable: true })
  methodology?: ResearchMethodology | null;
}
