import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { ContractParty } from './deployment-enums';

/** One party's signature of one version of a deployment's terms. */
@Entity('deployment_signatures')
@ObjectType('DeploymentSignature', { implements: Node, simpleResolvers: true, description: "A party's signature of a version of a deployment's terms." })
export class DeploymentSignature extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  deploymentId: string;

  @Field(() => ContractParty, { description: 'Who signed.' })
  @Column({ type: 'enum', enum: ContractParty, enumName: 'contract_party' })
  party: ContractParty;

  @Field(() => Int, { description: 'The version of the terms signed; a signature of an earlier version is void.' })
  @Column('integer')
  termsVersion: number;

  @Column('uuid', { nullable: true })
  signedByUserId: string | null;

  @Field({ description: 'Who signed.' })
  @Column('text')
  signedByName: string;

  @Field(() => LocalDate, { description: 'When.' })
  @Column('date')
  signedOn: string;

  @Field({ description: 'A signature on paper that the coordinator recorded as received, not one the party gave here.' })
  @Column('boolean')
  recordedByCoordinator: boolean;

  @Column('uuid', { nullable: true })
  recordedByUserId: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
