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

registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'Whether a user may sign in.',
  valuesConfig: {
    ACTIVE: { description: 'May sign in.' },
    SUSPENDED: { description: 'May not sign in.' },
  },
});
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'ALLIANCE_ADMIN: coordinator and broker. SCHOOL_LEAD: head of one member school. PRACTITIONER: an SLE or LP. ANALYST: read-only, people only as aggregates.',
  valuesConfig: {
    ALLIANCE_ADMIN: { description: "The alliance's coordinator and broker." },
    SCHOOL_LEAD: { description: 'The head of a member school.' },
    PRACTITIONER: { description: 'A member of staff of a member school.' },
    ANALYST: { description: 'Reads registers, published research and counts, never a record.' },
  },
});
registerEnumType(ActingRole, {
  name: 'ActingRole',
  description: 'The role a request acts in.',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'A platform admin.' },
    ALLIANCE_ADMIN: { description: "The alliance's coordinator." },
    SCHOOL_LEAD: { description: 'A head of a member school.' },
    PRACTITIONER: { description: 'A member of staff.' },
    ANALYST: { description: 'An analyst.' },
  },
});
