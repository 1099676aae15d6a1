import { Acting } from '../../context/context';
import { Visibility } from '../../loaders/helpers';
import { ActingRole } from '../users/user-enums';

/**
 * Which designations a role sees, as a condition on alias `e`; the directory, the loaders and
 * node(id) share it. Heads find system leaders across the alliance (active or under review) and see
 * everything of their own school's staff, applications included; a practitioner sees their own.
 * Analysts see designations as counts only.
 */
export function designationsVisibleTo(acting: Acting): Visibility {
  switch (acting.role) {
    case ActingRole.PLATFORM_ADMIN:
    case ActingRole.ALLIANCE_ADMIN:
      return 'all';
    case ActingRole.SCHOOL_LEAD:
      return {
        where: `(e.status IN ('ACTIVE', 'UNDER_REVIEW') OR ${STAFF_AT_HEADS_SCHOOL})`,
        params: { visibleSchoolId: acting.schoolId },
      };
    case ActingRole.PRACTITIONER:
      return acting.personId ? { where: 'e.person_id = :ownPersonId', params: { ownPersonId: acting.personId } } : 'none';
    default:
      return 'none';
  }
}

const STAFF_AT_HEADS_SCHOOL = 'e.person_id IN (SELECT p.id FROM people p WHERE p.school_id = :visibleSchoolId)';

/** Release commitments and reviews: the coordinator, the head of the holder's school and the holder, seen through the designation. */
export const commitmentsVisibleTo = (acting: Acting) => throughDesignation(acting);

/**
 * References are confidential: the coordinator reads them all, a head the ones they gave (as the second
 * wall does), the applicant none, whatever their role.
 */
export function referencesVisibleTo(acting: Acting): Visibility {
  if (isCoordinator(acting)) return 'all';
  if (acting.role === ActingRole.SCHOOL_LEAD) return { where: 'e.referee_user_id = :refereeUserId', params: { refereeUserId: acting.userId } };
  return 'none';
}

function throughDesignation(acting: Acting): Visibility {
  const visible: Visibility = acting.role === ActingRole.SCHOOL_LEAD ? { where: STAFF_AT_HEADS_SCHOOL, params: { visibleSchoolId: acting.schoolId } } : designationsVisibleTo(acting);
  if (visible === 'all' || visible === 'none') return visible;
  return { where: `e.designation_id IN (SELECT e.id FROM designations e WHERE ${visible.where})`, params: visible.params };
}

export const isCoordinator = (acting: Acting | null) => acting?.role === ActingRole.PLATFORM_ADMIN || acting?.role === ActingRole.ALLIANCE_ADMIN;
