import { registerEnumType } from 'type-graphql';

export enum AllianceKind {
  TEACHING_SCHOOL_ALLIANCE = 'TEACHING_SCHOOL_ALLIANCE',
  TEACHING_SCHOOL_HUB = 'TEACHING_SCHOOL_HUB',
  MULTI_ACADEMY_TRUST = 'MULTI_ACADEMY_TRUST',
  LOCAL_AUTHORITY_NETWORK = 'LOCAL_AUTHORITY_NETWORK',
  OTHER = 'OTHER',
}

export enum SchoolMembershipRole {
  LEAD_SCHOOL = 'LEAD_SCHOOL',
  STRATEGIC_PARTNER = 'STRATEGIC_PARTNER',
  MEMBER = 'MEMBER',
  ASSOCIATE = 'ASSOCIATE',
}

export enum Term {
  AUTUMN = 'AUTUMN',
  SPRING = 'SPRING',
  SUMMER = 'SUMMER',
}

registerEnumType(AllianceKind, { name: 'AllianceKind', description: 'Teaching school alliances, and the hubs, trusts and networks that designate system leaders since 2021.' });
registerEnumType(SchoolMembershipRole, { name: 'SchoolMembershipRole' });
registerEnumType(Term, { name: 'Term' });
