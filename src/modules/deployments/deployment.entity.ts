import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { numericColumn } from '../../common/numeric-column';
import { AcademicYear, DateTime, LocalDate } from '../../common/scalars';
import { DeploymentModel, DeploymentStatus, ImpactRating } from './deployment-enums';

/**
 * One contracted engagement of a system leader with a supported school (DOMAIN.md). Its status moves
 * only through lifecycle.ts; its tariff is a copy of the alliance's, taken when it is agreed.
 */
@Entity('deployments')
@ObjectType('Deployment', { implements: Node, simpleResolvers: true, description: "A system leader's deployment to a school: its terms, signatures, sessions and evaluation." })
export class Deployment extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  supportRequestId: string;

  @Column('uuid')
  designationId: string;

  @Column('uuid')
  personId: string;

  @Column('uuid', { nullable: true })
  homeSchoolId: string | null;

  @Column('uuid')
  supportedSchoolId: string;

  @Field(() => DeploymentStatus, { description: 'Where the deployment stands.' })
  @Column({ type: 'enum', enum: DeploymentStatus, enumName: 'deployment_status' })
  status: DeploymentStatus;

  @Field(() => LocalDate, { description: 'When it was proposed.' })
  @Column('date')
  proposedOn: string;

  @Field(() => String, { nullable: true, description: 'The scope of work.' })
  @Column('text', { nullable: true })
  scope: string | null;

  @Field(() => [String], { description: 'What it should achieve.' })
  @Column('text', { array: true })
  objectives: string[];

  @Field(() => [String], { description: 'How its impact will be measured.' })
  @Column('text', { array: true })
  impactMeasures: string[];

  @Field(() => String, { nullable: true, description: 'Who pays, in words.' })
  @Column('text', { nullable: true })
  fundingSource: string | null;

  @Field(() => Number, { nullable: true, description: 'Days contracted, in days (hours count pro rata).' })
  @Column('numeric', { precision: 5, scale: 2, nullable: true, transformer: numericColumn })
  plannedDays: number | null;

  @Field(() => DeploymentModel, { nullable: true, description: 'The shape of the support.' })
  @Column({ type: 'enum', enum: DeploymentModel, enumName: 'deployment_model', nullable: true })
  model: DeploymentModel | null;

  @Field(() => String, { nullable: true, description: 'How often the system leader visits, as agreed (e.g. "half a day a week").' })
  @Column('text', { nullable: true })
  frequency: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The first day of the support.' })
  @Column('date', { nullable: true })
  startsOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The last day of the support.' })
  @Column('date', { nullable: true })
  endsOn: string | null;

  @Field(() => AcademicYear, { nullable: true, description: "The academic year of the start: the year whose capacity the planned days use." })
  @Column({ type: 'smallint', nullable: true, insert: false, update: false })
  academicYear: number | null;

  @Field(() => Int, { description: 'Each change to the terms starts a new version; signatures are for one version.' })
  @Column('integer')
  termsVersion: number;

  @Field(() => LocalDate, { nullable: true, description: 'When the terms were agreed.' })
  @Column('date', { nullable: true })
  agreedOn: string | null;

  @Column('uuid', { nullable: true })
  agreedByUserId: string | null;

  @Field(() => String, { nullable: true, description: "The coordinator's reason for agreeing beyond the system leader's capacity." })
  @Column('text', { nullable: true })
  capacityOverrideReason: string | null;

  @Column('uuid', { nullable: true })
  tariffId: string | null;

  @Column('integer', { nullable: true })
  tariffFullDayPence: number | null;

  @Column('integer', { nullable: true })
  tariffHalfDayPence: number | null;

  @Column('smallint', { nullable: true })
  tariffHoursPerDay: number | null;

  @Column('integer', { nullable: true })
  tariffBrokerageFeePerDayPence: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it started.' })
  @Column('date', { nullable: true })
  startedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was completed.' })
  @Column('date', { nullable: true })
  completedOn: string | null;

  @Column({ type: 'enum', enum: DeploymentStatus, enumName: 'deployment_status', nullable: true })
  statusBeforeHold: DeploymentStatus | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was declined or cancelled.' })
  @Column('date', { nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined, cancelled or put on hold.' })
  @Column('text', { nullable: true })
  statusReason: string | null;

  @Column({ type: 'enum', enum: ImpactRating, enumName: 'impact_rating', nullable: true })
  impactRating: ImpactRating | null;

  @Column('text', { nullable: true })
  impactEvidence: string | null;

  @Column('date', { nullable: true })
  evaluatedOn: string | null;

  @Column('uuid', { nullable: true })
  evaluatedByUserId: string | null;

  @Column('text', { nullable: true })
  evaluatedByName: string | null;

  @Column('boolean', { nullable: true })
  evaluationRecordedByCoordinator: boolean | null;

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
