import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { AcademicYear, DateTime, LocalDate } from '../../common/scalars';
import { KeyStage, ResearchCallStatus, ResearchFundingType } from './research-enums';

/** A funded project offered by the alliance or a member school for an academic year, for Lead Practitioners to express interest in. */
@Entity('research_calls')
@ObjectType('ResearchCall', { implements: Node, simpleResolvers: true, description: 'A call for expressions of interest in a funded research project.' })
export class ResearchCall extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid', { nullable: true })
  commissionedBySchoolId: string | null;

  @Field({ description: "The call's title." })
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true, description: "What the project is, in the caller's words." })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => AcademicYear, { description: 'The academic year it is funded in.' })
  @Column('smallint')
  academicYear: number;

  @Field(() => ResearchFundingType, { description: 'How the chosen project is funded.' })
  @Column({ type: 'enum', enum: ResearchFundingType, enumName: 'research_funding_type' })
  fundingType: ResearchFundingType;

  @Field(() => Int, { description: 'In pence.' })
  @Column('integer')
  fundingPence: number;

  @Column('uuid', { array: true })
  areaIds: string[];

  @Field(() => [KeyStage], { description: 'The key stages it is about.' })
  @Column({ type: 'enum', enum: KeyStage, enumName: 'key_stage', array: true })
  keyStages: KeyStage[];

  @Field(() => LocalDate, { description: 'The last day for expressions of interest.' })
  @Column('date')
  closesOn: string;

  @Field(() => ResearchCallStatus, { description: 'Open or closed.' })
  @Column({ type: 'enum', enum: ResearchCallStatus, enumName: 'research_call_status' })
  status: ResearchCallStatus;

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
