import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { AppealOutcome, DesignationStatus, DesignationType, EducationPhase } from './designation-enums';

/**
 * A system-leader role of one person in one alliance, from application to its end (DOMAIN.md,
 * "People and designations"). Its status moves only through lifecycle.ts.
 */
@Entity('designations')
@ObjectType('Designation', { implements: Node, simpleResolvers: true, description: "A person's application for, and then holding of, a system leader designation in the alliance." })
export class Designation extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  personId: string;

  @Field(() => DesignationType, { description: 'Which designation.' })
  @Column({ type: 'enum', enum: DesignationType, enumName: 'designation_type' })
  type: DesignationType;

  @Field(() => DesignationStatus, { description: 'Where the application or designation stands.' })
  @Column({ type: 'enum', enum: DesignationStatus, enumName: 'designation_status' })
  status: DesignationStatus;

  @Column('uuid', { nullable: true })
  roundId: string | null;

  @Column('uuid', { array: true })
  areaIds: string[];

  @Field(() => [EducationPhase], { description: 'The phases of education the holder works in.' })
  @Column({ type: 'enum', enum: EducationPhase, enumName: 'education_phase', array: true })
  phases: EducationPhase[];

  @Field(() => String, { nullable: true, description: "The applicant's supporting statement." })
  @Column('text', { nullable: true })
  statement: string | null;

  @Field(() => String, { nullable: true, description: "NLE: the national body's reference." })
  @Column('text', { nullable: true })
  nationalReference: string | null;

  @Field(() => String, { nullable: true, description: 'LP: who accredits (the alliance, or an external body such as SSAT).' })
  @Column('text', { nullable: true })
  accreditingBody: string | null;

  @Column('uuid', { nullable: true })
  submittedByUserId: string | null;

  @Field(() => LocalDate, { description: 'When the application was made.' })
  @Column('date')
  appliedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was shortlisted.' })
  @Column('date', { nullable: true })
  shortlistedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The assessment day.' })
  @Column('date', { nullable: true })
  assessedOn: string | null;

  @Column('text', { array: true })
  assessors: string[];

  @Column('text', { nullable: true })
  assessmentNotes: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was approved.' })
  @Column('date', { nullable: true })
  approvedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was rejected.' })
  @Column('date', { nullable: true })
  rejectedOn: string | null;

  @Column('text', { nullable: true })
  decisionReason: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When an appeal against rejection was lodged.' })
  @Column('date', { nullable: true })
  appealLodgedOn: string | null;

  @Field(() => String, { nullable: true, description: "The applicant's grounds of appeal." })
  @Column('text', { nullable: true })
  appealGrounds: string | null;

  @Field(() => AppealOutcome, { nullable: true, description: 'How the appeal was decided; null until then.' })
  @Column({ type: 'enum', enum: AppealOutcome, enumName: 'appeal_outcome', nullable: true })
  appealOutcome: AppealOutcome | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the appeal was decided.' })
  @Column('date', { nullable: true })
  appealDecidedOn: string | null;

  @Field(() => String, { nullable: true, description: "The notes on the appeal's decision." })
  @Column('text', { nullable: true })
  appealNotes: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the national body was told of the approval.' })
  @Column('date', { nullable: true })
  nationalBodyNotifiedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the designation began.' })
  @Column('date', { nullable: true })
  designatedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Designated on plus the alliance's review period; for an LP, when the accreditation expires." })
  @Column('date', { nullable: true })
  reviewDueOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'LP: three years after designation.' })
  @Column('date', { nullable: true })
  accreditationExpiresOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the designation ended.' })
  @Column('date', { nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended.' })
  @Column('text', { nullable: true })
  endReason: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTime, { description: 'When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back as expectedVersion to refuse a change over a newer one.' })
  @VersionColumn()
  version: number;
}
