import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime } from '../../common/scalars';
import { DesignationType } from '../designations/designation-enums';
import { ProgrammeKind, RequirementStage } from './programme-enums';

/** A training programme of one alliance, run in cohorts. */
@Entity('programmes')
@ObjectType('Programme', { implements: Node, simpleResolvers: true, description: 'A training programme the alliance runs, in cohorts.' })
export class Programme extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Field({ description: 'Unique within the alliance, whatever the case.' })
  @Column('text')
  name: string;

  @Field(() => ProgrammeKind, { description: 'What sort of programme.' })
  @Column({ type: 'enum', enum: ProgrammeKind, enumName: 'programme_kind' })
  kind: ProgrammeKind;

  @Field(() => String, { nullable: true, description: "What the programme is, in the alliance's words." })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => DesignationType, { nullable: true, description: 'The designation whose applicants or candidates must complete this programme; null when it is not required.' })
  @Column({ type: 'enum', enum: DesignationType, enumName: 'designation_type', nullable: true })
  requiredFor: DesignationType | null;

  @Field(() => RequirementStage, { nullable: true, description: 'Completed before which step of requiredFor; set together with it.' })
  @Column({ type: 'enum', enum: RequirementStage, enumName: 'requirement_stage', nullable: true })
  requiredBefore: RequirementStage | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTime, { description: 'When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back as expectedVersion to refuse an update over a newer change.' })
  @VersionColumn()
  version: number;
}
