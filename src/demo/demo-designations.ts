import { DesignationStatus as S, DesignationType as T, EducationPhase, ReviewOutcome, ReviewTrigger } from '../modules/designations/designation-enums';
import { DemoSlug } from './demo-alliances';
import { When } from './demo-calendar';
import { ROMERO_ROUND_APPLICATIONS } from './demo-romero-round';

export interface DemoReview {
  trigger: ReviewTrigger;
  opened: When;
  reason: string;
  /** Opened by the coordinator; otherwise by the platform (the sweep, or the change that triggered it). */
  byCoordinator?: boolean;
  completed?: { on: When; outcome: ReviewOutcome; notes: string };
}

/**
 * One designation as the lifecycle left it. Dates not given follow from the status and the later
 * dates (demo-timeline.ts); review dates always follow from the designation (reviewDates).
 */
export interface DemoDesignation {
  /** A staff key (demo-system-leader-staff.ts). */
  person: string;
  type: T;
  status: S;
  areas?: string[];
  phases?: EducationPhase[];
  /** An application to the alliance's recruitment round (Romero's). */
  round?: boolean;
  applied?: When;
  shortlisted?: When;
  assessed?: When;
  approved?: When;
  rejected?: When;
  notified?: When;
  designated?: When;
  ended?: When;
  /** Why it was rejected or ended. */
  reason?: string;
  assessmentNotes?: string;
  appeal?: { lodged: When; grounds: string };
  /** Days a year the head releases them (SLEs): the alliance's minimum unless given. */
  release?: { days: number; belowMinimumReason?: string };
  secondReference?: { name: string; role: string };
  reviews?: DemoReview[];
  nationalReference?: string;
  accreditingBody?: string;
}

const { PRIMARY, SECONDARY, SPECIAL, EARLY_YEARS, ALL_THROUGH } = EducationPhase;
const periodic = (opened: When, completed?: DemoReview['completed']): DemoReview => ({ trigger: ReviewTrigger.PERIODIC, opened, reason: 'review date reached', completed });

/**
 * Every alliance: sle@ and lp@ hold an ACTIVE SLE and LP; the SENCo, at the head login's school,
 * has an application waiting for the head's reference and release commitment. Across them every
 * status of the lifecycle, reviews due soon, overdue, open and completed.
 */
export const DEMO_DESIGNATIONS: Record<DemoSlug, DemoDesignation[]> = {
  'london-south': [
    // Graduates of the first Lead Practitioner cohort (demo-programmes.ts).
    { person: 'sle', type: T.SLE, status: S.ACTIVE, areas: ['MATHS'], phases: [PRIMARY], designated: -900 },
    // Accreditation expires within months: due for renewal soon.
    { person: 'lp', type: T.LP, status: S.ACTIVE, areas: ['ENGLISH'], phases: [PRIMARY], designated: -1000, accreditingBody: 'London South TSA' },
    // Review due in a month.
    { person: 'deputy', type: T.SLE, status: S.ACTIVE, areas: ['LEADERSHIP_OF_CPD'], phases: [SECONDARY], designated: [-4, 30], release: { days: 12 } },
    {
      person: 'assistant', type: T.SLE, status: S.UNDER_REVIEW, areas: ['ASSESSMENT'], phases: [SECONDARY], designated: [-2, 0],
      reviews: [{ trigger: ReviewTrigger.MOVED_SCHOOL, opened: -10, reason: 'moved school' }],
    },
    // Graduates of the latest cohort, applying as SLEs.
    { person: 'science', type: T.SLE, status: S.APPROVED, areas: ['SCIENCE'], phases: [SECONDARY], applied: -90, shortlisted: -75, assessed: -45, approved: -20 },
    { person: 'phonics', type: T.SLE, status: S.ASSESSED, areas: ['PHONICS'], phases: [PRIMARY], applied: -85, shortlisted: -70, assessed: -45 },
    { person: 'senco', type: T.SLE, status: S.APPLIED, areas: ['SEND'], phases: [PRIMARY], applied: -60 },
    { person: 'teacher', type: T.LP, status: S.APPLIED, areas: ['EARLY_CAREER_TEACHERS'], phases: [PRIMARY], applied: -30, accreditingBody: 'SSAT' },
    // A second Lead Practitioner, leading early years projects of the R&D database (demo-research.ts).
    { person: 'eyfs', type: T.LP, status: S.ACTIVE, areas: ['EARLY_YEARS'], phases: [EARLY_YEARS], designated: -600, accreditingBody: 'London South TSA' },
  ],
  romero: [
    ...ROMERO_ROUND_APPLICATIONS,
    { person: 'lp', type: T.LP, status: S.ACTIVE, areas: ['ENGLISH'], phases: [PRIMARY], designated: -500, accreditingBody: 'Romero TSA' },
    // Two more Lead Practitioners who lead projects of the R&D database (demo-research.ts).
    { person: 'maths2', type: T.LP, status: S.ACTIVE, areas: ['MATHS'], phases: [PRIMARY], designated: -700, accreditingBody: 'Romero TSA' },
    { person: 'english', type: T.LP, status: S.ACTIVE, areas: ['ENGLISH'], phases: [PRIMARY], designated: -400, accreditingBody: 'Romero TSA' },
  ],
  fusion: [
    { person: 'sle', type: T.SLE, status: S.ACTIVE, areas: ['MATHS'], phases: [SPECIAL], designated: -600 },
    { person: 'lp', type: T.LP, status: S.ACTIVE, areas: ['ENGLISH'], phases: [PRIMARY], designated: -900, accreditingBody: 'Fusion TSA' },
    { person: 'deputy', type: T.SLE, status: S.ACTIVE, areas: ['LEADERSHIP_OF_CURRICULUM'], phases: [SPECIAL], designated: [-4, 45], release: { days: 20 } },
    // Reviewed at four years and continued: the next review is four years from the review.
    { person: 'assistant', type: T.SLE, status: S.ACTIVE, areas: ['SEND'], phases: [PRIMARY], designated: [-4, -30], reviews: [periodic(-30, { on: -10, outcome: ReviewOutcome.CONTINUED, notes: 'Strong evidence of impact in three schools.' })] },
    { person: 'science', type: T.SLE, status: S.LAPSED, areas: ['SCIENCE'], phases: [PRIMARY], designated: [-3, 0], ended: -60, reason: 'No release commitment for this academic year: the designation lapsed.' },
    { person: 'phonics', type: T.SLE, status: S.RESIGNED, areas: ['PHONICS'], phases: [PRIMARY], designated: [-2, 0], ended: -100, reason: 'Resigned on moving to a part-time post.' },
    { person: 'senco', type: T.SLE, status: S.APPLIED, areas: ['SEND'], phases: [PRIMARY], applied: -20 },
  ],
  pathway: [
    { person: 'sle', type: T.SLE, status: S.ACTIVE, areas: ['MATHS'], phases: [PRIMARY], designated: -300 },
    { person: 'lp', type: T.LP, status: S.ACTIVE, areas: ['ENGLISH'], phases: [PRIMARY], designated: -200, accreditingBody: 'SSAT' },
    // LLEs: serving headteachers supporting headteachers. One review due in three weeks.
    { person: 'head', type: T.LLE, status: S.ACTIVE, areas: ['LEADERSHIP_OF_CURRICULUM'], phases: [PRIMARY], designated: -400 },
    { person: 'head2', type: T.LLE, status: S.ACTIVE, areas: ['CLOSING_THE_GAP'], phases: [PRIMARY], designated: [-3, 20] },
    { person: 'head3', type: T.LLE, status: S.LAPSED, areas: ['ATTENDANCE'], phases: [PRIMARY], designated: [-2, -200], ended: -30, reason: 'Lapsed: no deployment in the last 12 months.' },
    // NLEs: recorded with the national body's reference.
    { person: 'executive', type: T.NLE, status: S.ACTIVE, areas: ['ACADEMIES'], phases: [ALL_THROUGH], designated: [-2, 0], nationalReference: 'NLE-0417' },
    { person: 'head3', type: T.NLE, status: S.APPLIED, areas: ['ATTENDANCE'], phases: [PRIMARY], applied: -15 },
    // Reviews: continued, open (periodic, and triggered by a promotion to headteacher), and one that de-designated.
    { person: 'deputy', type: T.SLE, status: S.ACTIVE, areas: ['ASSESSMENT'], phases: [ALL_THROUGH], designated: [-3, -200], reviews: [periodic(-200, { on: -180, outcome: ReviewOutcome.CONTINUED, notes: 'Continued for a further three years.' })] },
    { person: 'science', type: T.SLE, status: S.UNDER_REVIEW, areas: ['SCIENCE'], phases: [ALL_THROUGH], designated: [-3, -10], reviews: [periodic(-10)] },
    { person: 'newhead', type: T.SLE, status: S.UNDER_REVIEW, areas: ['LEADERSHIP_OF_CPD'], phases: [PRIMARY], designated: [-1, -100], reviews: [{ trigger: ReviewTrigger.BECAME_HEADTEACHER, opened: -20, reason: 'became a headteacher' }] },
    { person: 'phonics', type: T.SLE, status: S.DEDESIGNATED, areas: ['PHONICS'], phases: [PRIMARY], designated: [-3, -100], reviews: [periodic(-100, { on: -70, outcome: ReviewOutcome.DEDESIGNATED, notes: 'No deployments and no evidence of impact since designation.' })] },
    { person: 'eyfs', type: T.SLE, status: S.RESIGNED, areas: ['EARLY_YEARS'], phases: [EARLY_YEARS], designated: [-2, 0], ended: -150, reason: 'Resigned to concentrate on their own school’s early years provision.' },
    { person: 'assistant', type: T.SLE, status: S.WITHDRAWN, areas: ['BEHAVIOUR_AND_DISCIPLINE'], phases: [PRIMARY], designated: [-2, -50], ended: -40, reason: 'Withdrawn by the alliance: the school could no longer release them.' },
    { person: 'senco', type: T.SLE, status: S.APPLIED, areas: ['SEND'], phases: [PRIMARY], applied: -25 },
  ],
  forest: [
    { person: 'sle', type: T.SLE, status: S.ACTIVE, areas: ['ENGLISH'], phases: [PRIMARY], designated: -1000 },
    { person: 'lp', type: T.LP, status: S.ACTIVE, areas: ['PHONICS'], phases: [PRIMARY], designated: -400, accreditingBody: 'Forest Learning Alliance' },
    { person: 'phonics', type: T.SLE, status: S.ACTIVE, areas: ['PHONICS'], phases: [PRIMARY], designated: [-1, 0] },
    // Overdue by two days: the nightly review sweep opens its review (or `npm run jobs:sweep`).
    { person: 'science', type: T.SLE, status: S.ACTIVE, areas: ['MATHS'], phases: [PRIMARY], designated: [-4, -2] },
    // Forest reviews a designation where impact evidence is lacking.
    { person: 'deputy', type: T.SLE, status: S.UNDER_REVIEW, areas: ['LEADERSHIP_OF_CURRICULUM'], phases: [PRIMARY], designated: [-2, 0], reviews: [{ trigger: ReviewTrigger.NO_IMPACT_EVIDENCE, opened: -14, reason: 'No impact evidence from the last two deployments.', byCoordinator: true }] },
    { person: 'eyfs', type: T.SLE, status: S.DEDESIGNATED, areas: ['EARLY_YEARS'], phases: [EARLY_YEARS], designated: [-3, 0], reviews: [{ trigger: ReviewTrigger.NO_IMPACT_EVIDENCE, opened: -200, reason: 'Impact evidence missing for a year.', byCoordinator: true, completed: { on: -170, outcome: ReviewOutcome.DEDESIGNATED, notes: 'No impact evidence supplied: de-designated.' } }] },
    { person: 'senco', type: T.SLE, status: S.APPLIED, areas: ['SEND'], phases: [PRIMARY], applied: -10 },
  ],
};
