import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserStatus } from './user-enums';

/** Who signs in. The token names the user; rights come from memberships, read on every request. */
@Entity('users')
@ObjectType('User', { simpleResolvers: true, description: 'A signed-in user of the platform.' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Their email address.' })
  @Column('text')
  email: string;

  @Field({ description: 'Their name as shown.' })
  @Column('text')
  displayName: string;

  @Field(() => UserStatus, { description: 'Whether they may sign in.' })
  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status', default: UserStatus.ACTIVE })
  status: UserStatus;

  @Column('boolean', { default: false })
  isPlatformAdmin: boolean;

  /** Reads every alliance's counts, suppressed, and no tenant row (migrations/1795371500000-PlatformAnalyst.ts). */
  @Column('boolean', { default: false })
  isPlatformAnalyst: boolean;

  /** The subject of this user's tokens from an identity provider (JWKS_URL). */
  @Column('text', { nullable: true, unique: true })
  externalSubject: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
