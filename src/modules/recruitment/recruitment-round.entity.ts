import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { DesignationType } from '../designations/designation-enums';

/** node-postgres reads a date array as local-midnight Dates (single date columns TypeORM converts itself): back to ISO days. */
const isoDates = {
  to: (days: string[]) => days,
  from: (days: (Date | string)[] | null) =>
    (days ?? []).map((d) => (typeof d === 'string' ? d : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)),
};

/** An alliance's call for applicants of one designation type: the areas sought with targets, and its timeline. */
@Entity('recruitment_rounds')
@ObjectType('RecruitmentRound', { implements: Node, simpleResolvers: true, description: 'A round of recruitment of system leaders of one type.' })
export class RecruitmentRound extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Column('uuid')
  allianceId: string;

  @Field(() => DesignationType, { description: 'The designation recruited to.' })
  @Column({ type: 'enum', enum: DesignationType, enumName: 'designation_type' })
  designationType: DesignationType;

  @Field({ description: "The round's name." })
  @Column('text')
  name: string;

  @Field(() => LocalDate, { nullable: true, description: 'When details went to the heads of member schools.' })
  @Column('date', { nullable: true })
  detailsSentOn: string | null;

  @Field(() => LocalDate, { description: 'The last day an application is accepted.' })
  @Column('date')
  applicationDeadline: string;

  @Field(() => LocalDate, { nullable: true, description: 'The assessment day, if set.' })
  @Column('date', { nullable: true })
  assessmentOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When successful applicants are notified to the national body.' })
  @Column('date', { nullable: true })
  nationalNotificationOn: string | null;

  @Field(() => [LocalDate], { description: 'The training days for those designated.' })
  @Column('date', { array: true, transformer: isoDates })
  trainingDates: string[];

  @Field(() => Int, { nullable: true, description: 'The whole round\'s aim, e.g. "at least 20 SLEs", when it is more than the sum of the areas\' targets.' })
  @Column('smallint', { nullable: true })
  overallTarget: number | null;

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
