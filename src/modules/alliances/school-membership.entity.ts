import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../common/node';
import { LocalDate } from '../../common/scalars';
import { SchoolMembershipRole } from './alliance-enums';

/** A school's membership of an alliance, over a period. Part of the alliance's public profile. */
@Entity('alliance_school_memberships')
@ObjectType('SchoolMembership', { implements: Node, simpleResolvers: true, description: "A school's membership of an alliance, in a role, between two dates." })
export class SchoolMembership extends Node {
  @PrimaryGeneratedColumn('uuid')
  override id: string;

  @Index()
  @Column('uuid')
  allianceId: string;

  @Index()
  @Column('uuid')
  schoolId: string;

  @Field(() => SchoolMembershipRole, { description: "The school's role in the alliance." })
  @Column({ type: 'enum', enum: SchoolMembershipRole, enumName: 'school_membership_role' })
  role: SchoolMembershipRole;

  @Field(() => LocalDate, { description: 'The first day of the membership.' })
  @Column('date')
  startsOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Null while the membership lasts.' })
  @Column('date', { nullable: true })
  endsOn: string | null;
}
