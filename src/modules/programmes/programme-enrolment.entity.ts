import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';

/** A person's place on a cohort, and when they completed it. */
@Entity('programme_enrolments')
@ObjectType('ProgrammeEnrolment', { implements: Node, simpleResolvers: true, description: "A person's enrolment on a cohort, with their attendance and completion." })
export class ProgrammeEnrolment extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  personId: string;

  @Field(() => LocalDate, { nullable: true, description: 'Null until the coordinator records completion.' })
  @Column('date', { nullable: true })
  completedOn: string | null;

  @Field(() => DateTime, { description: 'When they were enrolled.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: "Goes up with each change: what a mutation's expectedVersion is checked against." })
  @VersionColumn()
  version: number;
}
