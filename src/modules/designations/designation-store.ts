import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { englishDate } from '../../common/academic-year';
import { BadUserInput, Conflict } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { RequestContext } from '../../context/context';
import { rowForChange } from '../../loaders/for-change';
import { recordChange } from '../audit/audit.service';
import { Designation } from './designation.entity';
import { designationsVisibleTo } from './designation.policy';

/** What the audit trail records of a designation's changes. */
export const DESIGNATION_AUDITED_FIELDS = [
  'status', 'type', 'personId', 'roundId', 'areaIds', 'phases', 'statement', 'nationalReference', 'accreditingBody', 'appliedOn', 'shortlistedOn',
  'assessedOn', 'assessors', 'assessmentNotes', 'approvedOn', 'rejectedOn', 'decisionReason', 'appealLodgedOn', 'appealGrounds', 'appealOutcome',
  'appealDecidedOn', 'appealNotes', 'nationalBodyNotifiedOn', 'designatedOn', 'reviewDueOn', 'accreditationExpiresOn', 'endedOn', 'endReason',
] as const;

/**
 * The designation a change names, locked for the rest of the transaction, if the caller may see it
 * (another alliance's id, or one the role does not see, reads as not found), at the version the caller read.
 * One the caller sees but may not change (the second wall's update policy does not let them lock it,
 * as a head's directory entry at another school) is FORBIDDEN, with `forbidden` as the reason.
 */
export function designationForChange(
  tx: RequestContext,
  input: { designationId: string; expectedVersion?: number | null },
  forbidden = 'this designation is not yours to change',
): Promise<Designation> {
  const id = expectGlobalId(input.designationId, 'Designation', 'input.designationId');
  return rowForChange(tx, Designation, id, input.expectedVersion, { what: 'designation', visible: designationsVisibleTo, forbidden });
}

/** Saves a designation and its audit row in the caller's transaction. */
export async function saveDesignation(tx: RequestContext, action: string, before: Designation | null, designation: Designation): Promise<Designation> {
  let saved: Designation;
  try {
    saved = await tx.em.save(designation);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'designations_one_live') {
      throw new Conflict(`this person already has a live ${designation.type} application or designation in this alliance`);
    }
    throw error;
  }
  await recordChange(tx, { action, objectType: 'Designation', objectId: saved.id, before, after: saved, fields: DESIGNATION_AUDITED_FIELDS });
  return saved;
}

/** A day that has happened: today by default, never in the future, never before `notBefore`. */
export function pastDay(value: string | null | undefined, field: string, notBefore?: { day: string | null; what: string }): string {
  const day = value ?? englishDate();
  if (day > englishDate()) throw new BadUserInput(`${field} must not be in the future`, field);
  if (notBefore?.day && day < notBefore.day) throw new BadUserInput(`${field} must not be before ${notBefore.what} (${notBefore.day})`, field);
  return day;
}

/** A refusal naming every rule that failed. */
export function ineligible(what: string, unmet: readonly { rule: string; message: string }[], options: { code: 'BAD_USER_INPUT' | 'CONFLICT'; field?: string }): GraphQLError {
  return new GraphQLError(`${what}: ${unmet.map((u) => u.message).join('; ')}`, {
    extensions: { code: options.code, ...(options.field && { field: options.field }), unmetRules: unmet.map((u) => u.rule) },
  });
}
