import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { LocalDate } from '../../common/scalars';

/** One dated day of a cohort; attendance is recorded per day. */
@Entity('programme_days')
@ObjectType('ProgrammeDay', { implements: Node, simpleResolvers: true, description: 'A day of a cohort.' })
export class ProgrammeDay extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  cohortId: string;

  @Field(() => LocalDate, { description: 'The date.' })
  @Column('date')
  heldOn: string;

  @Field({ description: 'What the day is about.' })
  @Column('text')
  title: string;
}
