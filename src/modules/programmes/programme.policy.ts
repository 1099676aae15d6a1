import { Acting } from '../../context/context';
import { Visibility } from '../../loaders/helpers';
import { ActingRole } from '../users/user-enums';

/**
 * Programmes, cohorts and days: the alliance's staff see them all; analysts none (they get counts
 * only, and training records are records of people). The same policy serves lists, loaders and node(id).
 */
export function programmesVisibleTo(acting: Acting): Visibility {
  return acting.role === ActingRole.ANALYST ? 'none' : 'all';
}

/** Enrolments (who trains, who attended, who completed): as programmes, but a practitioner sees their own only, as the database's policy does. */
export function enrolmentsVisibleTo(acting: Acting): Visibility {
  switch (acting.role) {
    case ActingRole.ANALYST:
      return 'none';
    case ActingRole.PRACTITIONER:
      return acting.personId ? { where: 'e.person_id = :programmeOwnPersonId', params: { programmeOwnPersonId: acting.personId } } : 'none';
    default:
      return 'all';
  }
}
