import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';

/** An alliance's Teacher Learning Conference (or another research event). */
@Entity('conference_events')
@ObjectType('ConferenceEvent', { implements: Node, simpleResolvers: true, description: "The alliance's research conference." })
export class ConferenceEvent extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Field({ description: "The conference's name." })
  @Column('text')
  name: string;

  @Field(() => LocalDate, { description: 'The day it is held.' })
  @Column('date')
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  @Column('text', { nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true, description: "What it is, in the alliance's words." })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
