import { Conflict, Forbidden } from '../../common/errors';
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

interface Transition {
  from: S;
  to: S;
  /** The mutation that makes the move. */
  action: string;
  by: Mover[];
}

const { COORDINATOR, HOLDER, TRIGGER, SYSTEM } = Mover;
const APPLICATION_STAGES = [S.APPLIED, S.SHORTLISTED, S.ASSESSED, S.APPROVED];

/**
 * THE designation lifecycle (DOMAIN.md): every allowed move, which mutation makes it, and who may.
 * Beyond DOMAIN.md's diagram, two moves coordinators need: an application can be turned down before
 * shortlisting (APPLIED → REJECTED), and an applicant can withdraw before designation. An upheld
 * appeal approves the rejected application.
 */
export const TRANSITIONS: readonly Transition[] = [
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

/**
 * Refuses a move the table does not allow (CONFLICT naming both states, and the mutation that makes
 * it if another one does), or one this mover may not make (FORBIDDEN).
 */
export function checkTransition(from: S, to: S, action: string, mover: Mover | null): void {
  const moves = TRANSITIONS.filter((t) => t.from === from && t.to === to);
  if (!moves.length) throw new Conflict(`a designation cannot move from ${from} to ${to}`);
  const move = moves.find((t) => t.action === action);
  if (!move) throw new Conflict(`a designation moves from ${from} to ${to} with ${moves.map((t) => t.action).join(' or ')}, not ${action}`);
  if (!mover || !move.by.includes(mover)) {
    throw new Forbidden(`only ${move.by.filter((m) => m === COORDINATOR || m === HOLDER).map((m) => (m === COORDINATOR ? 'the coordinator' : 'the holder')).join(' or ')} may move a designation from ${from} to ${to}`);
  }
}

/** The moves this mover may make from a status, for screens to offer. */
export function movesFrom(from: S, mover: Mover | null): Transition[] {
  return mover ? TRANSITIONS.filter((t) => t.from === from && t.by.includes(mover)) : [];
}
