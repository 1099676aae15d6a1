import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { ReviewOutcome, ReviewTrigger } from './designation-enums';

/** A review of an active designation: what opened it, and how it ended. At most one is open per designation. */
@Entity('designation_reviews')
@ObjectType('DesignationReview', { implements: Node, simpleResolvers: true, description: 'A review of a designation: why it was opened and how it ended.' })
export class DesignationReview extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  designationId: string;

  @Field(() => ReviewTrigger, { description: 'Why the review was opened.' })
  @Column({ type: 'enum', enum: ReviewTrigger, enumName: 'review_trigger' })
  trigger: ReviewTrigger;

  @Field(() => String, { nullable: true, description: "The coordinator's note on why." })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => LocalDate, { description: 'When the review was opened.' })
  @Column('date')
  openedOn: string;

  @Column('uuid', { nullable: true })
  openedByUserId: string | null;

  @Field(() => ReviewOutcome, { nullable: true, description: 'How the review ended; null while open.' })
  @Column({ type: 'enum', enum: ReviewOutcome, enumName: 'review_outcome', nullable: true })
  outcome: ReviewOutcome | null;

  @Field(() => String, { nullable: true, description: "The coordinator's notes on the outcome." })
  @Column('text', { nullable: true })
  outcomeNotes: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the review was completed; null while open.' })
  @Column('date', { nullable: true })
  completedOn: string | null;

  @Column('uuid', { nullable: true })
  completedByUserId: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The new review date of a designation that continues.' })
  @Column('date', { nullable: true })
  nextReviewDueOn: string | null;

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
