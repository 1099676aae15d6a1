import { stateMachine, Transition } from '../../common/state-machine';
import { ResearchStatus as S } from './research-enums';

/** Who moves a project: the coordinator, or a Lead Practitioner who leads it. */
export enum ResearchMover {
  COORDINATOR = 'COORDINATOR',
  LEAD = 'LEAD',
}


const { COORDINATOR, LEAD } = ResearchMover;
const BEFORE_PUBLICATION = [S.PROPOSED, S.APPROVED, S.IN_PROGRESS, S.WRITING_UP, S.SUBMITTED, S.REVISIONS_REQUESTED, S.ACCEPTED];

/**
 * THE research lifecycle (DOMAIN.md): every allowed move, which mutation makes it, and who may. The
 * coordinator approves, accepts, rejects and asks for revisions (the alliance's editorial decisions);
 * the lead moves their own work on and submits it; publication is publishResearchProject's, behind
 * the publication gate; either may withdraw a project before it is published.
 */
export const TRANSITIONS: readonly Transition<S, ResearchMover>[] = [
  { from: S.PROPOSED, to: S.APPROVED, action: 'transitionResearchProject', by: [COORDINATOR] },
  { from: S.APPROVED, to: S.IN_PROGRESS, action: 'transitionResearchProject', by: [COORDINATOR, LEAD] },
  { from: S.IN_PROGRESS, to: S.WRITING_UP, action: 'transitionResearchProject', by: [COORDINATOR, LEAD] },
  { from: S.WRITING_UP, to: S.SUBMITTED, action: 'transitionResearchProject', by: [COORDINATOR, LEAD] },
  { from: S.SUBMITTED, to: S.REVISIONS_REQUESTED, action: 'transitionResearchProject', by: [COORDINATOR] },
  { from: S.REVISIONS_REQUESTED, to: S.SUBMITTED, action: 'transitionResearchProject', by: [COORDINATOR, LEAD] },
  { from: S.SUBMITTED, to: S.ACCEPTED, action: 'transitionResearchProject', by: [COORDINATOR] },
  { from: S.SUBMITTED, to: S.REJECTED, action: 'transitionResearchProject', by: [COORDINATOR] },
  { from: S.ACCEPTED, to: S.PUBLISHED, action: 'publishResearchProject', by: [COORDINATOR] },
  ...BEFORE_PUBLICATION.map((from) => ({ from, to: S.WITHDRAWN, action: 'transitionResearchProject', by: [COORDINATOR, LEAD] })),
];

const NAMES: Record<ResearchMover, string> = { [COORDINATOR]: 'the coordinator', [LEAD]: "the project's lead" };

const lifecycle = stateMachine('a research project', TRANSITIONS, NAMES);

/** Refuses a move the table does not allow (CONFLICT naming both states), or one this mover may not make (FORBIDDEN). */
export const checkResearchTransition = lifecycle.check;

/** The moves this mover may make from a status, for screens to offer. */
export const researchMovesFrom = lifecycle.movesFrom;
