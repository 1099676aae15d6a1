import { stateMachine, Transition } from '../../common/state-machine';
import { Acting } from '../../context/context';
import { ActingRole } from '../users/user-enums';
import { DesignationStatus as S } from './designation-enums';

/**
 * Who moves a designation: the coordinator (or a platform admin acting for the alliance), its holder
 * (the applicant or system leader themself), a change elsewhere that triggers a review in its own
 * transaction (a move of school, a promotion to headteacher), or the scheduled sweep.
 */
export enum Mover {
  COORDINATOR = 'COORDINATOR',
  HOLDER = 'HOLDER',
  TRIGGER = 'TRIGGER',
  SYSTEM = 'SYSTEM',
}


const { COORDINATOR, HOLDER, TRIGGER, SYSTEM } = Mover;
const APPLICATION_STAGES = [S.APPLIED, S.SHORTLISTED, S.ASSESSED, S.APPROVED];

/**
 * THE designation lifecycle (DOMAIN.md): every allowed move, which mutation makes it, and who may.
 * Beyond DOMAIN.md's diagram, two moves coordinators need: an application can be turned down before
 * shortlisting (APPLIED → REJECTED), and an applicant can withdraw before designation. An upheld
 * appeal approves the rejected application.
 */
export const TRANSITIONS: readonly Transition<S, Mover>[] = [
  { from: S.APPLIED, to: S.SHORTLISTED, action: 'recordAssessmentOutcome', by: [COORDINATOR] },
  { from: S.APPLIED, to: S.REJECTED, action: 'recordAssessmentOutcome', by: [COORDINATOR] },
  { from: S.SHORTLISTED, to: S.ASSESSED, action: 'recordAssessmentOutcome', by: [COORDINATOR] },
  { from: S.ASSESSED, to: S.APPROVED, action: 'recordAssessmentOutcome', by: [COORDINATOR] },
  { from: S.ASSESSED, to: S.REJECTED, action: 'recordAssessmentOutcome', by: [COORDINATOR] },
  { from: S.REJECTED, to: S.APPROVED, action: 'decideDesignationAppeal', by: [COORDINATOR] },
  { from: S.APPROVED, to: S.ACTIVE, action: 'designate', by: [COORDINATOR] },
  { from: S.ACTIVE, to: S.UNDER_REVIEW, action: 'startDesignationReview', by: [COORDINATOR, TRIGGER, SYSTEM] },
  { from: S.UNDER_REVIEW, to: S.ACTIVE, action: 'completeDesignationReview', by: [COORDINATOR] },
  { from: S.UNDER_REVIEW, to: S.DEDESIGNATED, action: 'completeDesignationReview', by: [COORDINATOR] },
  { from: S.ACTIVE, to: S.RESIGNED, action: 'endDesignation', by: [COORDINATOR, HOLDER] },
  { from: S.ACTIVE, to: S.WITHDRAWN, action: 'endDesignation', by: [COORDINATOR] },
  { from: S.ACTIVE, to: S.LAPSED, action: 'endDesignation', by: [COORDINATOR, SYSTEM] },
  ...APPLICATION_STAGES.map((from) => ({ from, to: S.WITHDRAWN, action: 'withdrawDesignationApplication', by: [COORDINATOR, HOLDER] })),
];

/** Statuses a designation ends in: nothing moves it again (an appeal reopens a rejection once). */
export const ENDED: readonly S[] = [S.REJECTED, S.DEDESIGNATED, S.RESIGNED, S.WITHDRAWN, S.LAPSED];

/** The mover a request is, for a designation of this person. */
export function moverOf(acting: Acting, personId: string): Mover | null {
  if (acting.role === ActingRole.PLATFORM_ADMIN || acting.role === ActingRole.ALLIANCE_ADMIN) return COORDINATOR;
  if (acting.role === ActingRole.PRACTITIONER && acting.personId === personId) return HOLDER;
  return null;
}

const lifecycle = stateMachine('a designation', TRANSITIONS, { [Mover.COORDINATOR]: 'the coordinator', [Mover.HOLDER]: 'the holder' });

/** Refuses a move the table does not allow (CONFLICT naming both states), or one this mover may not make (FORBIDDEN). */
export const checkTransition = lifecycle.check;

/** The moves this mover may make from a status, for screens to offer. */
export const movesFrom = lifecycle.movesFrom;
