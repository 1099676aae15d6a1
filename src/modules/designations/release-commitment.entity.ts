import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { numericColumn } from '../../common/numeric-column';
import { AcademicYear, DateTime, LocalDate } from '../../common/scalars';

/** Days a year the head of the person's school releases them for system-leader work, per academic year. */
@Entity('release_commitments')
@ObjectType('ReleaseCommitment', { implements: Node, simpleResolvers: true, description: "A headteacher's commitment to release a system leader for days in an academic year." })
export class ReleaseCommitment extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  designationId: string;

  @Field(() => AcademicYear, { description: 'The academic year.' })
  @Column('smallint')
  academicYear: number;

  @Field({ description: 'Whole or half days.' })
  @Column('numeric', { precision: 4, scale: 1, transformer: numericColumn })
  committedDays: number;

  @Column('uuid', { nullable: true })
  signedByUserId: string | null;

  @Field({ description: 'The head who signed it.' })
  @Column('text')
  signedByName: string;

  @Field(() => LocalDate, { description: 'When the head signed it.' })
  @Column('date')
  signedOn: string;

  @Field(() => String, { nullable: true, description: "Why the coordinator accepted fewer days than the alliance's minimum." })
  @Column('text', { nullable: true })
  belowMinimumReason: string | null;

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
