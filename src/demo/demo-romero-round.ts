import { DesignationStatus as S, DesignationType, EducationPhase } from '../modules/designations/designation-enums';
import { When } from './demo-calendar';
import type { DemoDesignation } from './demo-designations';

/**
 * Romero's first SLE round, part-way through on the day the demo is loaded: the deadline and the
 * assessment day have passed and the national body has been told; the first SLEs completed core
 * training and were designated days ago; two approved applicants wait for the second core-training
 * cohort, one assessed applicant for the panel's decision, one rejected applicant for the outcome of
 * an appeal, and two applications for their headteacher's reference.
 */
export const ROUND_DATES = {
  detailsSent: -98,
  deadline: -63,
  shortlisting: -56,
  assessment: -35,
  decisions: -30,
  notification: -21,
  training: [-14, -7] as When[],
  laterTraining: [28, 35] as When[],
  designation: -5,
};

/** Ten specialisms (the seed's labels resolve to these canonical codes), 20 SLEs in all. */
export const ROMERO_ROUND = {
  name: 'Primary SLE recruitment, round 1',
  designationType: DesignationType.SLE,
  overallTarget: 20,
  targets: {
    MATHS: 3, ENGLISH: 3, SCIENCE: 2, RE: 2, EARLY_YEARS: 2, PHONICS: 2, SEND: 2, MOST_ABLE: 1, CLOSING_THE_GAP: 2, INITIAL_TEACHER_TRAINING: 1,
  } as Record<string, number>,
};

const R = ROUND_DATES;
const PRIMARY = [EducationPhase.PRIMARY];
const designated = { shortlisted: R.shortlisting, assessed: R.assessment, approved: R.decisions, notified: R.notification, designated: R.designation };
const approved = { shortlisted: R.shortlisting, assessed: R.assessment, approved: R.decisions, notified: R.notification };

/** The round's applications: every stage of recruitment, against the targets above. */
export const ROMERO_ROUND_APPLICATIONS: DemoDesignation[] = [
  { person: 'sle', type: DesignationType.SLE, status: S.ACTIVE, areas: ['MATHS'], phases: PRIMARY, round: true, applied: -80, ...designated, release: { days: 6 } },
  {
    person: 'science', type: DesignationType.SLE, status: S.ACTIVE, areas: ['SCIENCE'], phases: PRIMARY, round: true, applied: -75, ...designated,
    release: { days: 5, belowMinimumReason: 'Works 0.6 FTE: five days is the most the school can release this year; the coordinator accepted it for one year.' },
  },
  { person: 'phonics', type: DesignationType.SLE, status: S.ACTIVE, areas: ['PHONICS', 'EARLY_YEARS'], phases: [EducationPhase.EARLY_YEARS, EducationPhase.PRIMARY], round: true, applied: -72, ...designated, release: { days: 8 } },
  {
    person: 'itt', type: DesignationType.SLE, status: S.ACTIVE, areas: ['INITIAL_TEACHER_TRAINING'], phases: PRIMARY, round: true, applied: -70, ...designated,
    release: { days: 10 }, secondReference: { name: 'Dr Helen Ashby', role: 'ITT partnership lead, St Mary’s University' },
  },
  { person: 'eyfs', type: DesignationType.SLE, status: S.APPROVED, areas: ['EARLY_YEARS'], phases: [EducationPhase.EARLY_YEARS], round: true, applied: -68, ...approved, release: { days: 6 } },
  { person: 're', type: DesignationType.SLE, status: S.APPROVED, areas: ['RE'], phases: PRIMARY, round: true, applied: -66, ...approved, release: { days: 7 } },
  {
    person: 'assistant', type: DesignationType.SLE, status: S.ASSESSED, areas: ['MOST_ABLE', 'CLOSING_THE_GAP'], phases: PRIMARY, round: true, applied: -65,
    shortlisted: R.shortlisting, assessed: R.assessment, assessmentNotes: 'Strong on the most able; the panel asked for evidence of impact on disadvantaged pupils before deciding.',
  },
  {
    person: 'deputy', type: DesignationType.SLE, status: S.REJECTED, areas: ['CLOSING_THE_GAP'], phases: PRIMARY, round: true, applied: -64,
    shortlisted: R.shortlisting, assessed: R.assessment, rejected: R.decisions, reason: 'The task did not show impact on outcomes beyond the applicant’s own school.',
    appeal: { lodged: -22, grounds: 'The assessment task was set for secondary leaders; my work with two other schools was not considered.' },
  },
  // Not at the assessment day (illness): to be assessed with the panel's second sitting.
  { person: 'maths2', type: DesignationType.SLE, status: S.SHORTLISTED, areas: ['MATHS'], phases: PRIMARY, round: true, applied: -64, shortlisted: R.shortlisting },
  // At the head login's school, waiting for the head's reference and release commitment: head@romero.demo has them to give.
  { person: 'senco', type: DesignationType.SLE, status: S.APPLIED, areas: ['SEND'], phases: PRIMARY, round: true, applied: -65 },
  { person: 'english', type: DesignationType.SLE, status: S.APPLIED, areas: ['ENGLISH'], phases: PRIMARY, round: true, applied: -64 },
  { person: 'inclusion', type: DesignationType.SLE, status: S.WITHDRAWN, areas: ['SEND'], phases: PRIMARY, round: true, applied: -70, shortlisted: R.shortlisting, ended: -45, reason: 'Withdrew on taking up a new post in the summer term.' },
  {
    person: 'ey2', type: DesignationType.SLE, status: S.REJECTED, areas: ['EARLY_YEARS'], phases: [EducationPhase.EARLY_YEARS], round: true, applied: -67,
    rejected: R.shortlisting, reason: 'Not shortlisted: the statement described the applicant’s own setting only.',
  },
];
