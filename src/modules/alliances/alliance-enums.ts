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

registerEnumType(AllianceKind, {
  name: 'AllianceKind',
  description: 'Teaching school alliances, and the hubs, trusts and networks that designate system leaders since 2021.',
  valuesConfig: {
    TEACHING_SCHOOL_ALLIANCE: { description: 'A teaching school alliance.' },
    TEACHING_SCHOOL_HUB: { description: 'A teaching school hub.' },
    MULTI_ACADEMY_TRUST: { description: 'A multi-academy trust.' },
    LOCAL_AUTHORITY_NETWORK: { description: "A local authority's network of schools." },
    OTHER: { description: 'Another kind of partnership.' },
  },
});
registerEnumType(SchoolMembershipRole, {
  name: 'SchoolMembershipRole',
  description: "A school's role in an alliance.",
  valuesConfig: {
    LEAD_SCHOOL: { description: "The alliance's lead school (one at a time)." },
    STRATEGIC_PARTNER: { description: 'A strategic partner: helps lead the alliance.' },
    MEMBER: { description: 'A member school.' },
    ASSOCIATE: { description: 'An associate: takes part without full membership.' },
  },
});
registerEnumType(Term, {
  name: 'Term',
  description: 'A term of the school year.',
  valuesConfig: {
    AUTUMN: { description: 'The autumn term, from September.' },
    SPRING: { description: 'The spring term, from January.' },
    SUMMER: { description: 'The summer term, from after Easter to July.' },
  },
});
