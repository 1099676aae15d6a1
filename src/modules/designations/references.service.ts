import { optionalText, requiredText } from '../people/person.validation';
import { QueryFailedError } from 'typeorm';
import { BadUserInput, Conflict, Forbidden } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { recordChange } from '../audit/audit.service';
import { ActingRole } from '../users/user-enums';
import { LeadershipLevel } from '../people/person-enums';
import { DesignationStatus, ReferenceKind } from './designation-enums';
import { DesignationReference } from './designation-reference.entity';
import { designationForChange, pastDay } from './designation-store';
import { Designation } from './designation.entity';
import { isCoordinator } from './designation.policy';
import { GiveDesignationReferenceInput } from './designations.inputs';

const OPEN_APPLICATION = [DesignationStatus.APPLIED, DesignationStatus.SHORTLISTED, DesignationStatus.ASSESSED];
const AUDITED = ['kind', 'refereeName', 'refereeRole', 'supports', 'statement', 'receivedOn', 'recordedByCoordinator'] as const;

/**
 * A reference for an open application. The headteacher reference comes from the head of the
 * applicant's school, given here; the coordinator records any reference received elsewhere (a
 * second referee, a headteacher applicant's referee), and the reference says so.
 */
export function giveDesignationReference(ctx: RequestContext, input: GiveDesignationReferenceInput): Promise<{ reference: DesignationReference; designation: Designation }> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const designation = await designationForChange(tx, input);
    if (!OPEN_APPLICATION.includes(designation.status)) throw new Conflict(`references are for open applications; this one is ${designation.status}`);
    const coordinator = isCoordinator(acting);
    if (!coordinator && acting.role !== ActingRole.SCHOOL_LEAD) throw new Forbidden('references come from heads, or are recorded by the coordinator');
    if (!coordinator) {
      const applicant = await tx.loaders.personFactsById.load(designation.personId);
      if (input.kind !== ReferenceKind.HEADTEACHER) throw new Forbidden('a second reference is recorded by the coordinator as received');
      if (!applicant?.schoolId || applicant.schoolId !== acting.schoolId) throw new Forbidden("the headteacher reference comes from the head of the applicant's school");
      // A headteacher applicant is the head of their own school: their reference comes from outside it, recorded by the coordinator.
      if (applicant.leadershipLevel === LeadershipLevel.HEADTEACHER || applicant.leadershipLevel === LeadershipLevel.EXECUTIVE) {
        throw new Forbidden("a headteacher's reference is recorded by the coordinator: nobody gives a reference for themself");
      }
      if (input.receivedOn) throw new BadUserInput('input.receivedOn is for coordinators recording a reference; one given here is dated today', 'input.receivedOn');
      if (input.refereeName) throw new BadUserInput('input.refereeName is for coordinators recording a reference; a head giving one is the referee', 'input.refereeName');
    }
    const reference = tx.em.create(DesignationReference, {
      allianceId: acting.allianceId,
      designationId: designation.id,
      kind: input.kind,
      refereeUserId: coordinator ? null : tx.viewer!.user.id,
      refereeName: coordinator ? requiredText(input.refereeName ?? '', 'input.refereeName', 200) : tx.viewer!.user.displayName,
      refereeRole: optionalText(input.refereeRole, 'input.refereeRole', 200) ?? (coordinator ? null : input.kind === ReferenceKind.HEADTEACHER ? 'Headteacher' : 'Headteacher of another school'),
      supports: input.supports,
      statement: optionalText(input.statement, 'input.statement', 4000),
      receivedOn: coordinator ? pastDay(input.receivedOn, 'input.receivedOn', { day: designation.appliedOn, what: 'the application' }) : pastDay(null, 'input.receivedOn'),
      recordedByCoordinator: coordinator,
      recordedByUserId: tx.viewer!.user.id,
    });
    const saved = await save(tx, reference);
    await recordChange(tx, { action: 'giveDesignationReference', objectType: 'DesignationReference', objectId: saved.id, before: null, after: saved, fields: AUDITED });
    return { reference: saved, designation };
  });
}

async function save(tx: RequestContext, reference: DesignationReference): Promise<DesignationReference> {
  try {
    return await tx.em.save(reference);
  } catch (error) {
    const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
    if (constraint === 'designation_references_designation_id_kind_key') throw new Conflict(`the application already has a ${reference.kind.toLowerCase()} reference`);
    if (constraint === 'designation_references_referee' || constraint === 'designation_references_referee_name') {
      throw new Conflict(`${reference.refereeName} has already given a reference for this application: a second reference comes from someone else`);
    }
    throw error;
  }
}
