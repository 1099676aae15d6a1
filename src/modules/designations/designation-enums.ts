import { registerEnumType } from 'type-graphql';

export enum DesignationType {
  SLE = 'SLE',
  LLE = 'LLE',
  NLE = 'NLE',
  LP = 'LP',
}

/** The lifecycle of DOMAIN.md; which moves are allowed, and by whom, is lifecycle.ts. */
export enum DesignationStatus {
  APPLIED = 'APPLIED',
  SHORTLISTED = 'SHORTLISTED',
  ASSESSED = 'ASSESSED',
  REJECTED = 'REJECTED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  UNDER_REVIEW = 'UNDER_REVIEW',
  DEDESIGNATED = 'DEDESIGNATED',
  RESIGNED = 'RESIGNED',
  WITHDRAWN = 'WITHDRAWN',
  LAPSED = 'LAPSED',
}

/** The phases a system leader works in. */
export enum EducationPhase {
  EARLY_YEARS = 'EARLY_YEARS',
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  POST_16 = 'POST_16',
  SPECIAL = 'SPECIAL',
  ALL_THROUGH = 'ALL_THROUGH',
}

export enum ReferenceKind {
  HEADTEACHER = 'HEADTEACHER',
  SECOND = 'SECOND',
}

export enum AppealOutcome {
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

export enum ReviewTrigger {
  PERIODIC = 'PERIODIC',
  MOVED_SCHOOL = 'MOVED_SCHOOL',
  BECAME_HEADTEACHER = 'BECAME_HEADTEACHER',
  NOT_DEPLOYED = 'NOT_DEPLOYED',
  NO_IMPACT_EVIDENCE = 'NO_IMPACT_EVIDENCE',
  OTHER = 'OTHER',
}

export enum ReviewOutcome {
  CONTINUED = 'CONTINUED',
  DEDESIGNATED = 'DEDESIGNATED',
}

registerEnumType(DesignationType, {
  name: 'DesignationType',
  description: 'SLE: specialist leader of education. LLE: local leader (a headteacher). NLE: national leader. LP: lead practitioner.',
  valuesConfig: {
    SLE: { description: 'Specialist leader of education.' },
    LLE: { description: 'Local leader of education (a headteacher).' },
    NLE: { description: 'National leader of education.' },
    LP: { description: 'Lead Practitioner.' },
  },
});
registerEnumType(DesignationStatus, {
  name: 'DesignationStatus',
  description: 'Where an application or designation stands.',
  valuesConfig: {
    APPLIED: { description: 'Applied, not yet assessed.' },
    SHORTLISTED: { description: 'Shortlisted for assessment.' },
    ASSESSED: { description: 'Assessed, awaiting a decision.' },
    REJECTED: { description: 'Not approved (an appeal may follow).' },
    APPROVED: { description: 'Approved, not yet designated.' },
    ACTIVE: { description: 'Designated and deployable.' },
    UNDER_REVIEW: { description: 'Designated, under review.' },
    DEDESIGNATED: { description: 'Ended by a review.' },
    RESIGNED: { description: 'Ended: the holder stepped down.' },
    WITHDRAWN: { description: 'Ended or withdrawn: by the applicant before a decision, or by the alliance.' },
    LAPSED: { description: 'Ended: it lapsed.' },
  },
});
registerEnumType(EducationPhase, {
  name: 'EducationPhase',
  description: 'A phase of education.',
  valuesConfig: {
    EARLY_YEARS: { description: 'Early years.' },
    PRIMARY: { description: 'Primary.' },
    SECONDARY: { description: 'Secondary.' },
    POST_16: { description: 'Post-16.' },
    SPECIAL: { description: 'Special education.' },
    ALL_THROUGH: { description: 'All-through.' },
  },
});
registerEnumType(ReferenceKind, {
  name: 'ReferenceKind',
  description: "HEADTEACHER: from the head of the applicant's school. SECOND: an optional further reference.",
  valuesConfig: {
    HEADTEACHER: { description: "From the head of the applicant's school." },
    SECOND: { description: 'From a second referee.' },
  },
});
registerEnumType(AppealOutcome, {
  name: 'AppealOutcome',
  description: 'How an appeal against rejection was decided.',
  valuesConfig: {
    UPHELD: { description: 'The appeal succeeded: the application goes on.' },
    DISMISSED: { description: 'The appeal failed: the rejection stands.' },
  },
});
registerEnumType(ReviewTrigger, {
  name: 'ReviewTrigger',
  description: 'Why a designation is reviewed.',
  valuesConfig: {
    PERIODIC: { description: "Its periodic review fell due (the alliance's review period)." },
    MOVED_SCHOOL: { description: 'The holder moved school.' },
    BECAME_HEADTEACHER: { description: 'The holder became a headteacher.' },
    NOT_DEPLOYED: { description: 'The holder has not been deployed.' },
    NO_IMPACT_EVIDENCE: { description: 'No evidence of impact from their deployments.' },
    OTHER: { description: "Another reason, given in the review's reason." },
  },
});
registerEnumType(ReviewOutcome, {
  name: 'ReviewOutcome',
  description: 'CONTINUED: active again with a new review date.',
  valuesConfig: {
    CONTINUED: { description: 'The designation continues, with a new review date.' },
    DEDESIGNATED: { description: 'The designation ends.' },
  },
});
