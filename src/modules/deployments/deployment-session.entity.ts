import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { numericColumn } from '../../common/numeric-column';
import { DateTime, LocalDate } from '../../common/scalars';
import { SessionLength, SessionStatus } from './deployment-enums';

/** A day, half day or some hours of a deployment, planned, delivered or cancelled, with its visit record. */
@Entity('deployment_sessions')
@ObjectType('DeploymentSession', { implements: Node, simpleResolvers: true, description: 'A session of a deployment: planned, delivered or cancelled.' })
export class DeploymentSession extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  deploymentId: string;

  @Field(() => LocalDate, { description: "The session's date." })
  @Column('date')
  heldOn: string;

  @Field(() => SessionLength, { description: 'How long it is.' })
  @Column({ type: 'enum', enum: SessionLength, enumName: 'session_length' })
  length: SessionLength;

  @Field(() => Number, { nullable: true, description: 'For HOURS: how many.' })
  @Column('numeric', { precision: 4, scale: 2, nullable: true, transformer: numericColumn })
  hours: number | null;

  @Field(() => SessionStatus, { description: 'Whether it is planned, delivered or cancelled.' })
  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status' })
  status: SessionStatus;

  @Field(() => String, { nullable: true, description: 'Notes on the session.' })
  @Column('text', { nullable: true })
  notes: string | null;

  @Column('uuid', { nullable: true })
  loggedByUserId: string | null;

  @Column('date', { nullable: true })
  deliveredOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'A delivered session: 5 working days in England after it.' })
  @Column('date', { nullable: true })
  visitRecordDueOn: string | null;

  @Column('text', { nullable: true })
  visitSummary: string | null;

  @Column('text', { nullable: true })
  visitNextSteps: string | null;

  @Column('date', { nullable: true })
  visitRecordSubmittedOn: string | null;

  @Column('uuid', { nullable: true })
  visitRecordByUserId: string | null;

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
