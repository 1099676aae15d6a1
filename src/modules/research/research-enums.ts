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

registerEnumType(ResearchMethodology, { name: 'ResearchMethodology' });
registerEnumType(ResearchStatus, {
  name: 'ResearchStatus',
  description: 'PROPOSED → APPROVED → IN_PROGRESS → WRITING_UP → SUBMITTED → (REVISIONS_REQUESTED → SUBMITTED | ACCEPTED → PUBLISHED | REJECTED); WITHDRAWN before PUBLISHED.',
});
registerEnumType(ResearchVisibility, { name: 'ResearchVisibility', description: "ALLIANCE: the alliance's staff. PUBLIC: anyone, through PedEx (published projects only)." });
registerEnumType(ResearchFundingType, { name: 'ResearchFundingType', description: 'TLR3: a teaching and learning responsibility payment. BURSARY: a bursary. OTHER: other funding.' });
registerEnumType(KeyStage, { name: 'KeyStage', description: 'EYFS (early years), KS1 to KS5.' });
registerEnumType(ResearchMemberRole, { name: 'ResearchMemberRole', description: 'LEAD: leads the project (a Lead Practitioner). CONTRIBUTOR: takes part.' });
registerEnumType(ResearchCallStatus, { name: 'ResearchCallStatus' });
registerEnumType(ResearchInterestOutcome, { name: 'ResearchInterestOutcome' });
