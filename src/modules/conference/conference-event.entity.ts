import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';

/** An alliance's Teacher Learning Conference (or another research event). */
@Entity('conference_events')
@ObjectType('ConferenceEvent', { implements: Node, simpleResolvers: true })
export class ConferenceEvent extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => LocalDate)
  @Column('date')
  heldOn: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
