import { registerEnumType } from 'type-graphql';

/** The deployment lifecycle of DOMAIN.md; which moves are allowed, and by whom, is lifecycle.ts. */
export enum DeploymentStatus {
  PROPOSED = 'PROPOSED',
  AGREED = 'AGREED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  EVALUATED = 'EVALUATED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  ON_HOLD = 'ON_HOLD',
}

export enum DeploymentModel {
  DIAGNOSTIC_TWO_DAYS = 'DIAGNOSTIC_TWO_DAYS',
  HALF_DAY_WEEKLY_TWO_TERMS = 'HALF_DAY_WEEKLY_TWO_TERMS',
  CUSTOM = 'CUSTOM',
}

/** The four parties who sign a deployment's contract. */
export enum ContractParty {
  SYSTEM_LEADER = 'SYSTEM_LEADER',
  HOME_HEADTEACHER = 'HOME_HEADTEACHER',
  SUPPORTED_HEADTEACHER = 'SUPPORTED_HEADTEACHER',
  ALLIANCE = 'ALLIANCE',
}

export enum SessionLength {
  FULL_DAY = 'FULL_DAY',
  HALF_DAY = 'HALF_DAY',
  HOURS = 'HOURS',
}

export enum SessionStatus {
  PLANNED = 'PLANNED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

export enum ImpactRating {
  SIGNIFICANT = 'SIGNIFICANT',
  SOME = 'SOME',
  NONE = 'NONE',
  TOO_EARLY = 'TOO_EARLY',
}

registerEnumType(DeploymentStatus, {
  name: 'DeploymentStatus',
  description: 'PROPOSED → AGREED → ACTIVE → COMPLETED → EVALUATED; DECLINED or CANCELLED before agreement; ON_HOLD or CANCELLED from AGREED or ACTIVE.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed, terms not yet agreed.' },
    AGREED: { description: 'Terms agreed and signed.' },
    ACTIVE: { description: 'Under way.' },
    COMPLETED: { description: 'Finished, not yet evaluated.' },
    EVALUATED: { description: 'Finished and evaluated.' },
    DECLINED: { description: 'Declined before agreement.' },
    CANCELLED: { description: 'Cancelled.' },
    ON_HOLD: { description: 'Paused; may resume.' },
  },
});
registerEnumType(DeploymentModel, {
  name: 'DeploymentModel',
  description: 'DIAGNOSTIC_TWO_DAYS: a 2-day diagnostic. HALF_DAY_WEEKLY_TWO_TERMS: half a day a week for two terms. CUSTOM: as the frequency says.',
  valuesConfig: {
    DIAGNOSTIC_TWO_DAYS: { description: 'A 2-day diagnostic.' },
    HALF_DAY_WEEKLY_TWO_TERMS: { description: 'Half a day a week for two terms.' },
    CUSTOM: { description: 'As the frequency says.' },
  },
});
registerEnumType(ContractParty, {
  name: 'ContractParty',
  description: "SYSTEM_LEADER: the SLE (or LLE, NLE). HOME_HEADTEACHER: the head of the system leader's school. SUPPORTED_HEADTEACHER: the head of the supported school. ALLIANCE: the coordinator, as broker.",
  valuesConfig: {
    SYSTEM_LEADER: { description: 'The system leader.' },
    HOME_HEADTEACHER: { description: "The system leader's own headteacher." },
    SUPPORTED_HEADTEACHER: { description: "The supported school's headteacher." },
    ALLIANCE: { description: 'The alliance, by its coordinator.' },
  },
});
registerEnumType(SessionLength, {
  name: 'SessionLength',
  description: 'FULL_DAY: 1 day (6 hours). HALF_DAY: half a day (3 hours). HOURS: a number of hours, pro rata on the tariff.',
  valuesConfig: {
    FULL_DAY: { description: 'A full day.' },
    HALF_DAY: { description: 'Half a day.' },
    HOURS: { description: 'A number of hours, charged pro rata.' },
  },
});
registerEnumType(SessionStatus, {
  name: 'SessionStatus',
  description: 'Whether a session is planned, delivered or cancelled.',
  valuesConfig: {
    PLANNED: { description: 'Planned.' },
    DELIVERED: { description: 'Delivered (and charged).' },
    CANCELLED: { description: 'Cancelled (not charged).' },
  },
});
registerEnumType(ImpactRating, {
  name: 'ImpactRating',
  description: "The supported head's rating of a deployment's impact.",
  valuesConfig: {
    SIGNIFICANT: { description: 'Significant impact.' },
    SOME: { description: 'Some impact.' },
    NONE: { description: 'No impact.' },
    TOO_EARLY: { description: 'Too early to tell.' },
  },
});
