import { registerEnumType } from 'type-graphql';

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

/** One role in one alliance, per membership. */
export enum MembershipRole {
  ALLIANCE_ADMIN = 'ALLIANCE_ADMIN',
  SCHOOL_LEAD = 'SCHOOL_LEAD',
  PRACTITIONER = 'PRACTITIONER',
  ANALYST = 'ANALYST',
}

/** The role a request acts with: a membership's, or a platform admin's acting for an alliance. */
export enum ActingRole {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  ALLIANCE_ADMIN = 'ALLIANCE_ADMIN',
  SCHOOL_LEAD = 'SCHOOL_LEAD',
  PRACTITIONER = 'PRACTITIONER',
  ANALYST = 'ANALYST',
}

registerEnumType(UserStatus, { name: 'UserStatus' });
registerEnumType(MembershipRole, { name: 'MembershipRole', description: 'ALLIANCE_ADMIN: coordinator and broker. SCHOOL_LEAD: head of one member school. PRACTITIONER: an SLE or LP. ANALYST: read-only, people only as aggregates.' });
registerEnumType(ActingRole, { name: 'ActingRole' });
