import { Conflict } from '../../common/errors';
import { SupportRequestStatus as S } from './support-request-enums';

interface Transition {
  from: S;
  to: S;
  /** What makes the move: a mutation, or a deployment's move carrying its request along. */
  action: string;
}

/**
 * THE support request lifecycle: proposing a deployment starts brokering, agreeing one matches the
 * request; the coordinator closes or withdraws it. A matched request stays open to further proposals
 * (its agreed deployment may be cancelled, or the school need a second system leader).
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: S.OPEN, to: S.BROKERING, action: 'proposeDeployment' },
  { from: S.BROKERING, to: S.MATCHED, action: 'agreeDeployment' },
  { from: S.OPEN, to: S.CLOSED, action: 'closeSupportRequest' },
  { from: S.BROKERING, to: S.CLOSED, action: 'closeSupportRequest' },
  { from: S.MATCHED, to: S.CLOSED, action: 'closeSupportRequest' },
  { from: S.OPEN, to: S.WITHDRAWN, action: 'withdrawSupportRequest' },
  { from: S.BROKERING, to: S.WITHDRAWN, action: 'withdrawSupportRequest' },
  { from: S.MATCHED, to: S.WITHDRAWN, action: 'withdrawSupportRequest' },
];

/** Where a request goes when a deployment for it makes `action`, or null when it stays. */
export function followDeployment(from: S, action: 'proposeDeployment' | 'agreeDeployment'): S | null {
  return TRANSITIONS.find((t) => t.from === from && t.action === action)?.to ?? null;
}

/** Statuses in which a deployment may still be proposed or agreed for the request. */
export const BROKERABLE: readonly S[] = [S.OPEN, S.BROKERING, S.MATCHED];

export function checkSupportRequestTransition(from: S, to: S, action: string): void {
  if (!TRANSITIONS.some((t) => t.from === from && t.to === to && t.action === action)) {
    throw new Conflict(`a support request cannot move from ${from} to ${to}`);
  }
}
