import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDate } from '../../common/scalars';

/** What a day of support costs, in integer pence, over a period. Deployments copy the one in force when agreed. */
@Entity('alliance_tariffs')
@ObjectType('AllianceTariff', { simpleResolvers: true, description: "The alliance's day rate from a date: what a session costs and what the alliance keeps." })
export class AllianceTariff {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  allianceId: string;

  @Field(() => LocalDate, { description: 'The first day the tariff applies.' })
  @Column('date')
  effectiveFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Null while in force.' })
  @Column('date', { nullable: true })
  effectiveTo: string | null;

  @Field(() => Int, { description: "A full day's rate, in whole pence." })
  @Column('integer')
  fullDayPence: number;

  @Field(() => Int, { nullable: true, description: 'Null where the alliance charges half a full day.' })
  @Column('integer', { nullable: true })
  halfDayPence: number | null;

  @Field(() => Int, { description: 'The hours that make a day, for sessions logged in hours.' })
  @Column('smallint', { default: 6 })
  hoursPerDay: number;

  @Field(() => Int, { description: "Kept by the alliance per day; the rest goes to the system leader's school." })
  @Column('integer')
  brokerageFeePerDayPence: number;
}
