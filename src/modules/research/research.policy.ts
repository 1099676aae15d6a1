import { Acting } from '../../context/context';
import { Visibility } from '../../loaders/helpers';
import { isCoordinator } from '../designations/designation.policy';
import { ActingRole } from '../users/user-enums';

/**
 * The alliance's R&D database, calls and conference are read by its staff (the second wall says the
 * same); analysts get aggregates only. What the public reads goes through PedEx's own types.
 */
export const researchVisibleTo = (acting: Acting): Visibility => (acting.role === ActingRole.ANALYST ? 'none' : 'all');

/** Expressions of interest: the coordinator reads them all, a practitioner their own, nobody else any. */
export function researchInterestsVisibleTo(acting: Acting): Visibility {
  if (isCoordinator(acting)) return 'all';
  if (acting.role === ActingRole.PRACTITIONER && acting.personId) return { where: 'e.person_id = :ownPersonId', params: { ownPersonId: acting.personId } };
  return 'none';
}

/** The research budget and what is committed against it: the coordinator's. */
export const researchBudgetsVisibleTo = (acting: Acting): Visibility => (isCoordinator(acting) ? 'all' : 'none');
