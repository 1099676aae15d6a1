import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { ReviewOutcome, ReviewTrigger } from './designation-enums';

/** A review of an active designation: what opened it, and how it ended. At most one is open per designation. */
@Entity('designation_reviews')
@ObjectType('DesignationReview', { implements: Node, simpleResolvers: true })
export class DesignationReview extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  designationId: string;

  @Field(() => ReviewTrigger)
  @Column({ type: 'enum', enum: ReviewTrigger, enumName: 'review_trigger' })
  trigger: ReviewTrigger;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => LocalDate)
  @Column('date')
  openedOn: string;

  @Column('uuid', { nullable: true })
  openedByUserId: string | null;

  @Field(() => ReviewOutcome, { nullable: true })
  @Column({ type: 'enum', enum: ReviewOutcome, enumName: 'review_outcome', nullable: true })
  outcome: ReviewOutcome | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  outcomeNotes: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column('date', { nullable: true })
  completedOn: string | null;

  @Column('uuid', { nullable: true })
  completedByUserId: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The new review date of a designation that continues.' })
  @Column('date', { nullable: true })
  nextReviewDueOn: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTime)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
