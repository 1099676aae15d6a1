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

registerEnumType(DesignationType, { name: 'DesignationType', description: 'SLE: specialist leader of education. LLE: local leader (a headteacher). NLE: national leader. LP: lead practitioner.' });
registerEnumType(DesignationStatus, { name: 'DesignationStatus' });
registerEnumType(EducationPhase, { name: 'EducationPhase' });
registerEnumType(ReferenceKind, { name: 'ReferenceKind', description: "HEADTEACHER: from the head of the applicant's school. SECOND: an optional further reference." });
registerEnumType(AppealOutcome, { name: 'AppealOutcome' });
registerEnumType(ReviewTrigger, { name: 'ReviewTrigger' });
registerEnumType(ReviewOutcome, { name: 'ReviewOutcome', description: 'CONTINUED: active again with a new review date.' });
