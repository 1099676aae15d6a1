import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AcademicYear, DateTime } from '../../common/scalars';

/** What the alliance sets aside for research funding in an academic year. */
@Entity('research_budgets')
@ObjectType('ResearchBudget', { simpleResolvers: true })
export class ResearchBudget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  allianceId: string;

  @Field(() => AcademicYear)
  @Column('smallint')
  academicYear: number;

  @Field(() => Int, { description: 'In pence.' })
  @Column('integer')
  budgetPence: number;

  @Field(() => DateTime)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn()
  version: number;
}
