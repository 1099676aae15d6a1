import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { DesignationType } from '../designations/designation-enums';
import { CommissionerType, SupportRequestStatus } from './support-request-enums';

/** A commissioner's request to the alliance for support of one school (DOMAIN.md). */
@Entity('support_requests')
@ObjectType('SupportRequest', { implements: Node, simpleResolvers: true, description: 'A request for support for a school, which the alliance brokers into deployments.' })
export class SupportRequest extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Field(() => CommissionerType, { description: 'Who commissions the support.' })
  @Column({ type: 'enum', enum: CommissionerType, enumName: 'commissioner_type' })
  commissionerType: CommissionerType;

  @Field({ description: 'The commissioning body as named: a school, a local authority, a diocese, a trust, the DfE.' })
  @Column('text')
  commissionerName: string;

  @Column('uuid', { nullable: true })
  commissionerSchoolId: string | null;

  @Field(() => String, { nullable: true, description: "A local authority commissioner's DfE code." })
  @Column('varchar', { length: 3, nullable: true })
  commissionerLaCode: string | null;

  @Field(() => String, { nullable: true, description: "A trust's (or diocese's) GIAS group code, where known." })
  @Column('varchar', { length: 8, nullable: true })
  commissionerGroupCode: string | null;

  @Column('uuid')
  supportedSchoolId: string;

  @Field({ description: 'What the supported school needs.' })
  @Column('text')
  needs: string;

  @Column('uuid', { array: true })
  areaIds: string[];

  @Field(() => DesignationType, { description: 'The kind of system leader wanted: SLE by default, LLE for headteacher support.' })
  @Column({ type: 'enum', enum: DesignationType, enumName: 'designation_type' })
  designationType: DesignationType;

  @Field(() => [String], { description: 'What the support should achieve.' })
  @Column('text', { array: true })
  desiredOutcomes: string[];

  @Field(() => LocalDate, { nullable: true, description: 'When the school would like it to start.' })
  @Column('date', { nullable: true })
  preferredStart: string | null;

  @Field(() => String, { nullable: true, description: 'Who pays, in words.' })
  @Column('text', { nullable: true })
  fundingSource: string | null;

  @Field(() => SupportRequestStatus, { description: 'Where the request stands.' })
  @Column({ type: 'enum', enum: SupportRequestStatus, enumName: 'support_request_status' })
  status: SupportRequestStatus;

  @Field(() => LocalDate, { description: 'When it was received.' })
  @Column('date')
  receivedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'When it was closed or withdrawn.' })
  @Column('date', { nullable: true })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed or withdrawn.' })
  @Column('text', { nullable: true })
  closeReason: string | null;

  @Column('uuid', { nullable: true })
  createdByUserId: string | null;

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
