import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { AcademicYear, DateTime, LocalDate } from '../../common/scalars';
import { KeyStage, ResearchFundingType, ResearchMethodology, ResearchStatus, ResearchVisibility } from './research-enums';

/**
 * A project of the alliance's R&D database (DOMAIN.md, "Lead Practitioners, research and PedEx"),
 * with its PedEx publication metadata once published. Private: the public reads published projects
 * through the dedicated PublishedResearchProject type, never this one. Its status moves only through
 * lifecycle.ts.
 */
@Entity('research_projects')
@ObjectType('ResearchProject', { implements: Node, simpleResolvers: true, description: 'A research project of the alliance, from proposal to publication.' })
export class ResearchProject extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Field({ description: "The project's title." })
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true, description: 'The question it asks.' })
  @Column('text', { nullable: true })
  researchQuestion: string | null;

  @Field(() => String, { nullable: true, description: 'Its abstract.' })
  @Column('text', { nullable: true })
  abstract: string | null;

  @Field(() => ResearchMethodology, { description: 'How the research is done.' })
  @Column({ type: 'enum', enum: ResearchMethodology, enumName: 'research_methodology' })
  methodology: ResearchMethodology;

  @Field(() => ResearchStatus, { description: 'Where the project stands.' })
  @Column({ type: 'enum', enum: ResearchStatus, enumName: 'research_status' })
  status: ResearchStatus;

  @Field(() => ResearchVisibility, { description: 'Who may read it.' })
  @Column({ type: 'enum', enum: ResearchVisibility, enumName: 'research_visibility' })
  visibility: ResearchVisibility;

  @Column('uuid', { nullable: true })
  commissionedBySchoolId: string | null;

  @Column('uuid', { nullable: true })
  callId: string | null;

  @Field(() => ResearchFundingType, { nullable: true, description: 'How it is funded, if it is.' })
  @Column({ type: 'enum', enum: ResearchFundingType, enumName: 'research_funding_type', nullable: true })
  fundingType: ResearchFundingType | null;

  @Field(() => Int, { nullable: true, description: 'In pence.' })
  @Column('integer', { nullable: true })
  fundingPence: number | null;

  @Field(() => AcademicYear, { nullable: true, description: 'The academic year whose research budget the funding is committed against.' })
  @Column('smallint', { nullable: true })
  fundingAcademicYear: number | null;

  @Column('uuid', { array: true })
  areaIds: string[];

  @Field(() => [KeyStage], { description: 'The key stages it is about.' })
  @Column({ type: 'enum', enum: KeyStage, enumName: 'key_stage', array: true })
  keyStages: KeyStage[];

  @Field(() => [String], { description: 'Its keywords.' })
  @Column('text', { array: true })
  keywords: string[];

  @Field(() => LocalDate, { nullable: true, description: 'When it starts.' })
  @Column('date', { nullable: true })
  startsOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it ends.' })
  @Column('date', { nullable: true })
  endsOn: string | null;

  @Field(() => String, { nullable: true, description: "Its PedEx address, fixed when first published: it survives a change of title." })
  @Column('text', { nullable: true, unique: true })
  slug: string | null;

  @Field(() => String, { nullable: true, description: 'The journal it is published in.' })
  @Column('text', { nullable: true })
  journalTitle: string | null;

  @Field(() => String, { nullable: true, description: "The journal's ISSN." })
  @Column('varchar', { length: 9, nullable: true })
  issn: string | null;

  @Field(() => String, { nullable: true, description: 'The journal volume.' })
  @Column('text', { nullable: true })
  volume: string | null;

  @Field(() => String, { nullable: true, description: 'The journal issue.' })
  @Column('text', { nullable: true })
  issue: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was published.' })
  @Column('date', { nullable: true })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Its DOI, if it has one.' })
  @Column('text', { nullable: true })
  doi: string | null;

  @Field(() => String, { nullable: true, description: 'Its web address, if any.' })
  @Column('text', { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The address of its PDF, if any.' })
  @Column('text', { nullable: true })
  pdfUrl: string | null;

  @Field(() => String, { nullable: true, description: 'The licence it is published under.' })
  @Column('text', { nullable: true })
  licence: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTime, { description: 'When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: "Goes up with each change: what a mutation's expectedVersion is checked against." })
  @VersionColumn()
  version: number;
}
