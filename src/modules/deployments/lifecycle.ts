import { Conflict, Forbidden } from '../../common/errors';
import { DeploymentStatus as S } from './deployment-enums';

/**
 * Who moves a deployment: the coordinator (the broker, or a platform admin acting for the alliance),
 * or the head of the supported school, whose evaluation closes it.
 */
export enum DeploymentMover {
  COORDINATOR = 'COORDINATOR',
  SUPPORTED_HEAD = 'SUPPORTED_HEAD',
}

interface Transition {
  from: S;
  to: S;
  /** The mutation that makes the move. */
  action: string;
  by: DeploymentMover[];
}

const { COORDINATOR, SUPPORTED_HEAD } = DeploymentMover;

/**
 * THE deployment lifecycle (DOMAIN.md): every allowed move, which mutation makes it, and who may.
 * A deployment on hold resumes to where it was held from (resumeDeployment). The evaluation is
 * the supported head's; the coordinator records one given on paper.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: S.PROPOSED, to: S.AGREED, action: 'agreeDeployment', by: [COORDINATOR] },
  { from: S.PROPOSED, to: S.DECLINED, action: 'declineDeployment', by: [COORDINATOR] },
  { from: S.PROPOSED, to: S.CANCELLED, action: 'cancelDeployment', by: [COORDINATOR] },
  { from: S.AGREED, to: S.ACTIVE, action: 'startDeployment', by: [COORDINATOR] },
  { from: S.AGREED, to: S.ON_HOLD, action: 'holdDeployment', by: [COORDINATOR] },
  { from: S.AGREED, to: S.CANCELLED, action: 'cancelDeployment', by: [COORDINATOR] },
  { from: S.ACTIVE, to: S.COMPLETED, action: 'completeDeployment', by: [COORDINATOR] },
  { from: S.ACTIVE, to: S.ON_HOLD, action: 'holdDeployment', by: [COORDINATOR] },
  { from: S.ACTIVE, to: S.CANCELLED, action: 'cancelDeployment', by: [COORDINATOR] },
  { from: S.ON_HOLD, to: S.AGREED, action: 'resumeDeployment', by: [COORDINATOR] },
  { from: S.ON_HOLD, to: S.ACTIVE, action: 'resumeDeployment', by: [COORDINATOR] },
  { from: S.ON_HOLD, to: S.CANCELLED, action: 'cancelDeployment', by: [COORDINATOR] },
  { from: S.COMPLETED, to: S.EVALUATED, action: 'evaluateDeployment', by: [SUPPORTED_HEAD, COORDINATOR] },
];

/** Statuses that hold a system leader's time: their outstanding planned days count against capacity. */
export const HOLDS_CAPACITY: readonly S[] = [S.AGREED, S.ACTIVE];

/** Statuses whose contract terms may still change (a change voids the signatures). */
export const TERMS_OPEN: readonly S[] = [S.PROPOSED];

const NAMES: Record<DeploymentMover, string> = { [COORDINATOR]: 'the coordinator', [SUPPORTED_HEAD]: "the supported school's head" };

/** Refuses a move the table does not allow (CONFLICT naming both states), or one this mover may not make (FORBIDDEN). */
export function checkDeploymentTransition(from: S, to: S, action: string, mover: DeploymentMover | null): void {
  const moves = TRANSITIONS.filter((t) => t.from === from && t.to === to);
  if (!moves.length) throw new Conflict(`a deployment cannot move from ${from} to ${to}`);
  const move = moves.find((t) => t.action === action);
  if (!move) throw new Conflict(`a deployment moves from ${from} to ${to} with ${moves.map((t) => t.action).join(' or ')}, not ${action}`);
  if (!mover || !move.by.includes(mover)) throw new Forbidden(`only ${move.by.map((m) => NAMES[m]).join(' or ')} may move a deployment from ${from} to ${to}`);
}

/** The moves this mover may make from a status, for screens to offer. */
export function deploymentMovesFrom(from: S, mover: DeploymentMover | null): Transition[] {
  return mover ? TRANSITIONS.filter((t) => t.from === from && t.by.includes(mover)) : [];
}
