import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime } from '../../common/scalars';

/** A dated session of a conference, holding presentations. */
@Entity('conference_sessions')
@ObjectType('ConferenceSession', { implements: Node, simpleResolvers: true })
export class ConferenceSession extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  eventId: string;

  @Field()
  @Column('text')
  title: string;

  @Field(() => DateTime)
  @Column('timestamptz')
  startsAt: Date;

  @Field(() => DateTime)
  @Column('timestamptz')
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  room: string | null;
}
