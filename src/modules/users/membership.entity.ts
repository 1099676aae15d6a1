import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MembershipRole } from './user-enums';

/** A user's one role in one alliance. Deleting the row revokes it from the next request on. */
@Entity('memberships')
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Index()
  @Column('uuid')
  allianceId: string;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role: MembershipRole;

  /** The school a SCHOOL_LEAD leads. */
  @Column('uuid', { nullable: true })
  schoolId: string | null;

  /** The staff record of a PRACTITIONER. */
  @Column('uuid', { nullable: true })
  personId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
