import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';

/** One run of a programme: its dated days and the people enrolled on it. */
@Entity('programme_cohorts')
@ObjectType('ProgrammeCohort', { implements: Node, simpleResolvers: true, description: 'A cohort of a programme: its days, and the staff enrolled.' })
export class ProgrammeCohort extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  programmeId: string;

  @Field({ description: 'Unique within the programme, whatever the case.' })
  @Column('text')
  name: string;

  @Field(() => LocalDate, { description: 'The first day.' })
  @Column('date')
  startsOn: string;

  @Field(() => LocalDate, { description: 'The last day: completion is recorded on or after it.' })
  @Column('date')
  endsOn: string;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
