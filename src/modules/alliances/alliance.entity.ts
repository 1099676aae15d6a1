import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { AllianceKind } from './alliance-enums';

@ObjectType({ simpleResolvers: true, description: "An alliance's own settings." })
export class AllianceSettings {
  @Field(() => Int, { description: 'Years between designation reviews.' })
  reviewPeriodYears: number;

  @Field(() => Int, { description: 'Days a year a headteacher must release a system leader for.' })
  minimumReleaseDaysPerYear: number;

  @Field(() => Int, { description: 'Days a rejected applicant has to appeal.' })
  appealPeriodDays: number;
}

/** The tenant. Its public profile (name, slug, kind, schools) is shared; the rest is its members' own. */
@Entity('alliances')
@ObjectType('Alliance', { implements: Node, simpleResolvers: true, description: 'An alliance of schools, with its lead and member schools.' })
export class Alliance extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Field({ description: 'Short, stable, URL-safe name, e.g. "romero".' })
  @Column('varchar', { length: 63, unique: true })
  slug: string;

  @Field({ description: "The alliance's name." })
  @Column('text')
  name: string;

  @Field(() => AllianceKind, { description: 'What sort of partnership the alliance is.' })
  @Column({ type: 'enum', enum: AllianceKind, enumName: 'alliance_kind' })
  kind: AllianceKind;

  @Column('smallint', { default: 4 })
  reviewPeriodYears: number;

  @Column('smallint')
  minReleaseDaysPerYear: number;

  @Column('smallint', { default: 14 })
  appealPeriodDays: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;

  get settings(): AllianceSettings {
    return { reviewPeriodYears: this.reviewPeriodYears, minimumReleaseDaysPerYear: this.minReleaseDaysPerYear, appealPeriodDays: this.appealPeriodDays };
  }
}
