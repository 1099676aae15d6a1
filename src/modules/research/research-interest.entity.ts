import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { ResearchInterestOutcome } from './research-enums';

/** A Lead Practitioner's expression of interest in a call; the coordinator's choice creates the project. */
@Entity('research_interests')
@ObjectType('ResearchInterest', { implements: Node, simpleResolvers: true, description: "A member of staff's expression of interest in a call." })
export class ResearchInterest extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  callId: string;

  @Column('uuid')
  personId: string;

  @Field({ description: 'Why they are interested, and what they would bring.' })
  @Column('text')
  statement: string;

  @Field(() => LocalDate, { description: 'When it was submitted.' })
  @Column('date')
  submittedOn: string;

  @Field(() => ResearchInterestOutcome, { nullable: true, description: 'Null until the coordinator chooses.' })
  @Column({ type: 'enum', enum: ResearchInterestOutcome, enumName: 'research_interest_outcome', nullable: true })
  outcome: ResearchInterestOutcome | null;

  @Column('uuid', { nullable: true })
  projectId: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
