import { registerEnumType } from 'type-graphql';

export enum ResearchMethodology {
  ACTION_RESEARCH = 'ACTION_RESEARCH',
  LESSON_STUDY = 'LESSON_STUDY',
  CASE_STUDY = 'CASE_STUDY',
  RCT = 'RCT',
  SURVEY = 'SURVEY',
  OTHER = 'OTHER',
}

/** The research lifecycle of DOMAIN.md; which moves are allowed, and by whom, is lifecycle.ts. */
export enum ResearchStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  IN_PROGRESS = 'IN_PROGRESS',
  WRITING_UP = 'WRITING_UP',
  SUBMITTED = 'SUBMITTED',
  REVISIONS_REQUESTED = 'REVISIONS_REQUESTED',
  ACCEPTED = 'ACCEPTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Who may read a project: the alliance's staff, or (published in PedEx) anyone. */
export enum ResearchVisibility {
  ALLIANCE = 'ALLIANCE',
  PUBLIC = 'PUBLIC',
}

export enum ResearchFundingType {
  TLR3 = 'TLR3',
  BURSARY = 'BURSARY',
  OTHER = 'OTHER',
}

export enum KeyStage {
  EYFS = 'EYFS',
  KS1 = 'KS1',
  KS2 = 'KS2',
  KS3 = 'KS3',
  KS4 = 'KS4',
  KS5 = 'KS5',
}

export enum ResearchMemberRole {
  LEAD = 'LEAD',
  CONTRIBUTOR = 'CONTRIBUTOR',
}

export enum ResearchCallStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum ResearchInterestOutcome {
  CHOSEN = 'CHOSEN',
  NOT_CHOSEN = 'NOT_CHOSEN',
}

registerEnumType(ResearchMethodology, {
  name: 'ResearchMethodology',
  description: 'How research is done.',
  valuesConfig: {
    ACTION_RESEARCH: { description: 'Action research.' },
    LESSON_STUDY: { description: 'Lesson study.' },
    CASE_STUDY: { description: 'Case study.' },
    RCT: { description: 'Randomised controlled trial.' },
    SURVEY: { description: 'Survey.' },
    OTHER: { description: 'Another methodology.' },
  },
});
registerEnumType(ResearchStatus, {
  name: 'ResearchStatus',
  description: 'PROPOSED → APPROVED → IN_PROGRESS → WRITING_UP → SUBMITTED → (REVISIONS_REQUESTED → SUBMITTED | ACCEPTED → PUBLISHED | REJECTED); WITHDRAWN before PUBLISHED.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed, awaiting approval.' },
    APPROVED: { description: 'Approved, not yet started.' },
    IN_PROGRESS: { description: 'Under way.' },
    WRITING_UP: { description: 'Being written up.' },
    SUBMITTED: { description: 'Submitted for review.' },
    REVISIONS_REQUESTED: { description: 'Revisions requested by the review.' },
    ACCEPTED: { description: 'Accepted for publication.' },
    PUBLISHED: { description: 'Published in PedEx.' },
    REJECTED: { description: 'Not accepted.' },
    WITHDRAWN: { description: 'Withdrawn.' },
  },
});
registerEnumType(ResearchVisibility, {
  name: 'ResearchVisibility',
  description: "ALLIANCE: the alliance's staff. PUBLIC: anyone, through PedEx (published projects only).",
  valuesConfig: {
    ALLIANCE: { description: "The alliance's staff." },
    PUBLIC: { description: 'Anyone, through PedEx.' },
  },
});
registerEnumType(ResearchFundingType, {
  name: 'ResearchFundingType',
  description: 'TLR3: a teaching and learning responsibility payment. BURSARY: a bursary. OTHER: other funding.',
  valuesConfig: {
    TLR3: { description: 'A teaching and learning responsibility payment (TLR3).' },
    BURSARY: { description: 'A bursary.' },
    OTHER: { description: 'Other funding.' },
  },
});
registerEnumType(KeyStage, {
  name: 'KeyStage',
  description: 'EYFS (early years), KS1 to KS5.',
  valuesConfig: {
    EYFS: { description: 'Early years foundation stage.' },
    KS1: { description: 'Key stage 1.' },
    KS2: { description: 'Key stage 2.' },
    KS3: { description: 'Key stage 3.' },
    KS4: { description: 'Key stage 4.' },
    KS5: { description: 'Key stage 5.' },
  },
});
registerEnumType(ResearchMemberRole, {
  name: 'ResearchMemberRole',
  description: 'LEAD: leads the project (a Lead Practitioner). CONTRIBUTOR: takes part.',
  valuesConfig: {
    LEAD: { description: 'Leads the project.' },
    CONTRIBUTOR: { description: 'Contributes to it.' },
  },
});
registerEnumType(ResearchCallStatus, {
  name: 'ResearchCallStatus',
  description: 'Whether a call takes expressions of interest.',
  valuesConfig: {
    OPEN: { description: 'Open for expressions of interest.' },
    CLOSED: { description: 'Closed.' },
  },
});
registerEnumType(ResearchInterestOutcome, {
  name: 'ResearchInterestOutcome',
  description: 'What became of an expression of interest.',
  valuesConfig: {
    CHOSEN: { description: 'Chosen: a project was created from it.' },
    NOT_CHOSEN: { description: 'Not chosen.' },
  },
});
