import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Node } from '../../common/node';
import { DateTime, LocalDate } from '../../common/scalars';
import { LeadershipLevel } from './person-enums';

/**
 * A staff record of one alliance: personal data (UK GDPR). Contact details are field resolvers with
 * a redaction rule in auth/permissions.ts; the rest is plain and guarded where the type is reached.
 */
@Entity('people')
@ObjectType('Person', { implements: Node, simpleResolvers: true, description: "A member of staff of one of the alliance's schools: their staff record." })
export class Person extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Index()
  @Column('uuid')
  allianceId: string;

  @Field({ description: 'Given name.' })
  @Column('text')
  givenName: string;

  @Field({ description: 'Family name.' })
  @Column('text')
  familyName: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;

  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Head of maths".' })
  @Column('text', { nullable: true })
  jobTitle: string | null;

  @Field(() => LeadershipLevel, { nullable: true, description: 'Their level of leadership, if any.' })
  @Column({ type: 'enum', enum: LeadershipLevel, enumName: 'leadership_level', nullable: true })
  leadershipLevel: LeadershipLevel | null;

  @Field(() => LocalDate, { nullable: true, description: 'When this person first held a leadership post.' })
  @Column('date', { nullable: true })
  inLeadershipSince: string | null;

  @Field(() => DateTime, { description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTime, { description: 'When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back as expectedVersion to refuse an update over a newer change.' })
  @VersionColumn()
  version: number;

  @Field({ description: 'Given and family name.' })
  get displayName(): string {
    return `${this.givenName} ${this.familyName}`;
  }
}
