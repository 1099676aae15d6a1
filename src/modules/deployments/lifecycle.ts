import { stateMachine, Transition } from '../../common/state-machine';
import { DeploymentStatus as S } from './deployment-enums';

/**
 * Who moves a deployment: the coordinator (the broker, or a platform admin acting for the alliance),
 * or the head of the supported school, whose evaluation closes it.
 */
export enum DeploymentMover {
  COORDINATOR = 'COORDINATOR',
  SUPPORTED_HEAD = 'SUPPORTED_HEAD',
}


const { COORDINATOR, SUPPORTED_HEAD } = DeploymentMover;

/**
 * THE deployment lifecycle (DOMAIN.md): every allowed move, which mutation makes it, and who may.
 * A deployment on hold resumes to where it was held from (resumeDeployment). The evaluation is
 * the supported head's; the coordinator records one given on paper.
 */
export const TRANSITIONS: readonly Transition<S, DeploymentMover>[] = [
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

const lifecycle = stateMachine('a deployment', TRANSITIONS, NAMES);

/** Refuses a move the table does not allow (CONFLICT naming both states), or one this mover may not make (FORBIDDEN). */
export const checkDeploymentTransition = lifecycle.check;

/** The moves this mover may make from a status, for screens to offer. */
export const deploymentMovesFrom = lifecycle.movesFrom;
