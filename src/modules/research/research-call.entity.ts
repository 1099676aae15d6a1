import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { AcademicYear, DateTime, LocalDate } from '../../common/scalars';
import { KeyStage, ResearchCallStatus, ResearchFundingType } from './research-enums';

/** A funded project offered by the alliance or a member school for an academic year, for Lead Practitioners to express interest in. */
@Entity('research_calls')
@ObjectType('ResearchCall', { implements: Node, simpleResolvers: true })
export class ResearchCall extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid', { nullable: true })
  commissionedBySchoolId: string | null;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => AcademicYear)
  @Column('smallint')
  academicYear: number;

  @Field(() => ResearchFundingType)
  @Column({ type: 'enum', enum: ResearchFundingType, enumName: 'research_funding_type' })
  fundingType: ResearchFundingType;

  @Field(() => Int, { description: 'In pence.' })
  @Column('integer')
  fundingPence: number;

  @Column('uuid', { array: true })
  areaIds: string[];

  @Field(() => [KeyStage])
  @Column({ type: 'enum', enum: KeyStage, enumName: 'key_stage', array: true })
  keyStages: KeyStage[];

  @Field(() => LocalDate)
  @Column('date')
  closesOn: string;

  @Field(() => ResearchCallStatus)
  @Column({ type: 'enum', enum: ResearchCallStatus, enumName: 'research_call_status' })
  status: ResearchCallStatus;

  @Field(() => DateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTime)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
