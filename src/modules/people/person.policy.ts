import { Acting } from '../../context/context';
import { Visibility } from '../../loaders/helpers';
import { ActingRole } from '../users/user-enums';
import { Person } from './person.entity';

/**
 * Which staff records a role sees, as a condition on alias `e`. The list, the loaders and node(id)
 * all use this one policy, so no path shows more than another.
 * Analysts see people only through aggregates.
 */
export function peopleVisibleTo(acting: Acting): Visibility {
  switch (acting.role) {
    case ActingRole.PLATFORM_ADMIN:
    case ActingRole.ALLIANCE_ADMIN:
    case ActingRole.SCHOOL_LEAD:
      return 'all';
    case ActingRole.PRACTITIONER:
      return acting.personId ? { where: 'e.id = :ownPersonId', params: { ownPersonId: acting.personId } } : 'none';
    default:
      return 'none';
  }
}

/**
 * The people responsible for a staff record: the coordinator (or a platform admin acting for the
 * alliance), the head of the person's school, and the person. They see its contact details and may
 * change it; contactVisibleSql is the same rule in SQL.
 */
function isResponsibleFor(acting: Acting, person: Person): boolean {
  if (acting.allianceId !== person.allianceId) return false;
  switch (acting.role) {
    case ActingRole.PLATFORM_ADMIN:
    case ActingRole.ALLIANCE_ADMIN:
      return true;
    case ActingRole.SCHOOL_LEAD:
      return person.schoolId !== null && person.schoolId === acting.schoolId;
    case ActingRole.PRACTITIONER:
      return person.id === acting.personId;
    default:
      return false;
  }
}

/**
 * canSeeContactDetails as SQL on alias `e`, for filters on contact fields: searching by an email
 * must not find a record whose email the caller would see as null.
 */
export function contactVisibleSql(acting: Acting): { where: string; params: Record<string, unknown> } {
  switch (acting.role) {
    case ActingRole.PLATFORM_ADMIN:
    case ActingRole.ALLIANCE_ADMIN:
      return { where: 'true', params: {} };
    case ActingRole.SCHOOL_LEAD:
      return acting.schoolId ? { where: 'e.school_id = :contactSchoolId', params: { contactSchoolId: acting.schoolId } } : { where: 'false', params: {} };
    case ActingRole.PRACTITIONER:
      return acting.personId ? { where: 'e.id = :contactPersonId', params: { contactPersonId: acting.personId } } : { where: 'false', params: {} };
    default:
      return { where: 'false', params: {} };
  }
}

export const canSeeContactDetails = (acting: Acting | null, person: Person): boolean => acting !== null && isResponsibleFor(acting, person);

/** A head edits their own school's staff, a practitioner their own record (less FIELDS_PRACTITIONERS_CANNOT_SET). */
export const canEditPerson = isResponsibleFor;

/**
 * What a practitioner may not change on their own record: where they work and their leadership
 * history decide SLE eligibility and which head sees their details, so the school or coordinator sets them.
 */
export const FIELDS_PRACTITIONERS_CANNOT_SET = ['schoolId', 'leadershipLevel', 'inLeadershipSince'] as const;
