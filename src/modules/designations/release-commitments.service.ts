import { optionalText, requiredText } from '../people/person.validation';
import { academicYearOf, formatAcademicYear, englishDate } from '../../common/academic-year';
import { BadUserInput, Conflict, Forbidden } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { recordChange } from '../audit/audit.service';
import { ActingRole } from '../users/user-enums';
import { designationForChange, pastDay } from './designation-store';
import { Designation } from './designation.entity';
import { isCoordinator } from './designation.policy';
import { SetReleaseCommitmentInput } from './designations.inputs';
import { ENDED } from './lifecycle';
import { ReleaseCommitment } from './release-commitment.entity';

const AUDITED = ['academicYear', 'committedDays', 'signedByName', 'signedOn', 'belowMinimumReason'] as const;

/**
 * The days a head releases a system leader for in an academic year: signed here by the head of the
 * person's school, or recorded by the coordinator from a signed form. Fewer days than the alliance's
 * minimum only with the coordinator's exception and its reason. One commitment per year: setting it
 * again replaces it, and the audit trail keeps what it was.
 */
export function setReleaseCommitment(ctx: RequestContext, input: SetReleaseCommitmentInput): Promise<{ releaseCommitment: ReleaseCommitment; designation: Designation }> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const designation = await designationForChange(tx, input, "a release commitment is given by the head of the person's school");
    const coordinator = isCoordinator(acting);
    if (!coordinator) {
      const person = await tx.loaders.personFactsById.load(designation.personId);
      if (acting.role !== ActingRole.SCHOOL_LEAD || !person?.schoolId || person.schoolId !== acting.schoolId) {
        throw new Forbidden("a release commitment is given by the head of the person's school");
      }
      if (input.belowMinimumReason) throw new Forbidden('input.belowMinimumReason: an exception to the minimum is recorded by the coordinator');
      if (input.signedByName) throw new BadUserInput('input.signedByName is for coordinators recording a signed form; a head signing here is the signatory', 'input.signedByName');
    }
    if (ENDED.includes(designation.status)) throw new Conflict(`the designation is ${designation.status}: no release commitment is needed`);
    if (input.academicYear < academicYearOf(englishDate())) throw new BadUserInput(`input.academicYear ${formatAcademicYear(input.academicYear)} has ended`, 'input.academicYear');
    if (input.academicYear > academicYearOf(englishDate()) + 2) throw new BadUserInput('input.academicYear is at most two years ahead', 'input.academicYear');
    const days = input.committedDays;
    if (!(days > 0 && days <= 195 && Number.isInteger(days * 2))) throw new BadUserInput('input.committedDays must be whole or half days, more than 0 and at most 195', 'input.committedDays');
    const alliance = (await tx.loaders.allianceById.load(designation.allianceId))!;
    const reason = optionalText(input.belowMinimumReason, 'input.belowMinimumReason', 4000);
    if (days < alliance.minReleaseDaysPerYear && !reason) {
      throw new BadUserInput(
        `input.committedDays: ${days} is below the alliance's minimum of ${alliance.minReleaseDaysPerYear} release days a year; the coordinator may accept it with belowMinimumReason`,
        'input.committedDays',
      );
    }
    const existing = await tx.em.getRepository(ReleaseCommitment).createQueryBuilder('e')
      .where('e.designation_id = :id AND e.academic_year = :year', { id: designation.id, year: input.academicYear }).setLock('pessimistic_write').getOne();
    const before = existing ? ({ ...existing } as ReleaseCommitment) : null;
    const commitment = existing ?? tx.em.create(ReleaseCommitment, { allianceId: designation.allianceId, designationId: designation.id, academicYear: input.academicYear });
    commitment.committedDays = days;
    commitment.signedByUserId = coordinator ? null : tx.viewer!.user.id;
    commitment.signedByName = coordinator ? requiredText(input.signedByName ?? '', 'input.signedByName', 200) : tx.viewer!.user.displayName;
    commitment.signedOn = coordinator ? pastDay(input.signedOn, 'input.signedOn') : pastDay(null, 'input.signedOn');
    commitment.belowMinimumReason = days < alliance.minReleaseDaysPerYear ? reason : null;
    const saved = await tx.em.save(commitment);
    await recordChange(tx, { action: 'setReleaseCommitment', objectType: 'ReleaseCommitment', objectId: saved.id, before, after: saved, fields: AUDITED });
    return { releaseCommitment: saved, designation };
  });
}
