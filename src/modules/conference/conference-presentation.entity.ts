import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';

/** A presentation of a research project in a conference session, by its presenters (staff of the alliance). */
@Entity('conference_presentations')
@ObjectType('ConferencePresentation', { implements: Node, simpleResolvers: true, description: 'A presentation of a research project at a conference session.' })
export class ConferencePresentation extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  sessionId: string;

  @Column('uuid')
  projectId: string;

  @Field({ description: 'Its title.' })
  @Column('text')
  title: string;

  @Field(() => Int, { description: 'Its place in the session.' })
  @Column('smallint')
  position: number;

  @Column('uuid', { array: true })
  presenterPersonIds: string[];
}
