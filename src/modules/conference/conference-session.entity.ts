import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime } from '../../common/scalars';

/** A dated session of a conference, holding presentations. */
@Entity('conference_sessions')
@ObjectType('ConferenceSession', { implements: Node, simpleResolvers: true, description: 'A session of a conference.' })
export class ConferenceSession extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  eventId: string;

  @Field({ description: 'Its title.' })
  @Column('text')
  title: string;

  @Field(() => DateTime, { description: 'When it starts.' })
  @Column('timestamptz')
  startsAt: Date;

  @Field(() => DateTime, { description: 'When it ends.' })
  @Column('timestamptz')
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Where, within the venue.' })
  @Column('text', { nullable: true })
  room: string | null;
}
