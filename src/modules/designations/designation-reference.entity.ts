import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { ReferenceKind } from './designation-enums';

/** A reference for an application: given here by a head, or recorded by the coordinator as received (and saying so). */
@Entity('designation_references')
@ObjectType('DesignationReference', { implements: Node, simpleResolvers: true, description: 'A reference given for an application to be a system leader.' })
export class DesignationReference extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  designationId: string;

  @Field(() => ReferenceKind, { description: 'Which of the two references it is.' })
  @Column({ type: 'enum', enum: ReferenceKind, enumName: 'reference_kind' })
  kind: ReferenceKind;

  @Column('uuid', { nullable: true })
  refereeUserId: string | null;

  @Field({ description: 'Who gave it.' })
  @Column('text')
  refereeName: string;

  @Field(() => String, { nullable: true, description: "The referee's role, as they gave it." })
  @Column('text', { nullable: true })
  refereeRole: string | null;

  @Field({ description: 'Whether the referee supports the application.' })
  @Column('boolean')
  supports: boolean;

  @Field(() => String, { nullable: true, description: 'What the referee wrote.' })
  @Column('text', { nullable: true })
  statement: string | null;

  @Field(() => LocalDate, { description: 'When it was given.' })
  @Column('date')
  receivedOn: string;

  @Field({ description: 'True when the coordinator recorded a reference received outside the platform, rather than the referee giving it here.' })
  @Column('boolean')
  recordedByCoordinator: boolean;

  @Column('uuid', { nullable: true })
  recordedByUserId: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
