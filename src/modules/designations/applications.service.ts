import { optionalText, requiredText } from '../people/person.validation';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../../common/errors';
import { addDays } from '../../common/dates';
import { expectGlobalId } from '../../common/global-id';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { ActingRole } from '../users/user-enums';
import { checkRoundAccepts } from '../recruitment/recruitment.service';
import { AppealOutcome, DesignationStatus, DesignationType } from './designation-enums';
import { designationForChange, ineligible, pastDay, saveDesignation } from './designation-store';
import { Designation } from './designation.entity';
import {
  AssessmentOutcome, DecideDesignationAppealInput, LodgeDesignationAppealInput, RecordAssessmentOutcomeInput, RecordNationalBodyNotificationInput,
  SubmitDesignationApplicationInput, WithdrawDesignationApplicationInput,
} from './designations.inputs';
import { Checkpoint, unmetRules } from './eligibility';
import { checkTransition, Mover, moverOf } from './lifecycle';

/** The applicant: yourself, or (coordinators) anyone of the alliance. */
async function applicantOf(ctx: RequestContext, personId: string | null | undefined) {
  const acting = actingOf(ctx);
  const id = personId ? expectGlobalId(personId, 'Person', 'input.personId') : acting.personId;
  if (!id) throw new BadUserInput('input.personId is required: you have no staff record of your own in this alliance', 'input.personId');
  if (acting.role === ActingRole.PRACTITIONER && id !== acting.personId) throw new Forbidden('a practitioner applies for themself only');
  const person = await ctx.loaders.personFactsById.load(id);
  if (!person) throw new NotFound('person');
  return person;
}

export function submitDesignationApplication(ctx: RequestContext, input: SubmitDesignationApplicationInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const person = await applicantOf(tx, input.personId);
    if (acting.role === ActingRole.PRACTITIONER && input.appliedOn) throw new Forbidden('input.appliedOn is for coordinators recording a paper application');
    const appliedOn = pastDay(input.appliedOn, 'input.appliedOn');
    const areaIds = await resolveAreaLabels(tx, input.areasOfExpertise, 'input.areasOfExpertise');
    const roundId = input.roundId ? expectGlobalId(input.roundId, 'RecruitmentRound', 'input.roundId') : null;
    if (roundId) await checkRoundAccepts(tx, roundId, { type: input.type, areaIds, appliedOn });
    const designation = tx.em.create(Designation, {
      allianceId: acting.allianceId,
      personId: person.id,
      type: input.type,
      status: DesignationStatus.APPLIED,
      roundId,
      areaIds,
      phases: [...new Set(input.phases ?? [])],
      statement: optionalText(input.statement, 'input.statement', 4000),
      nationalReference: input.type === DesignationType.NLE ? optionalText(input.nationalReference, 'input.nationalReference', 100) : null,
      accreditingBody: input.type === DesignationType.LP ? optionalText(input.accreditingBody, 'input.accreditingBody', 200) : null,
      submittedByUserId: tx.viewer!.user.id,
      appliedOn,
      assessors: [],
    });
    const unmet = await unmetRules(tx, { person, designation, on: appliedOn }, Checkpoint.APPLICATION);
    if (unmet.length) throw ineligible(`${person.givenName} ${person.familyName} may not apply as ${input.type}`, unmet, { code: 'BAD_USER_INPUT', field: 'input.type' });
    return saveDesignation(tx, 'submitDesignationApplication', null, designation);
  });
}

export function recordAssessmentOutcome(ctx: RequestContext, input: RecordAssessmentOutcomeInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    const before = { ...d } as Designation;
    const to = DesignationStatus[input.outcome];
    checkTransition(d.status, to, 'recordAssessmentOutcome', moverOf(acting, d.personId));
    switch (input.outcome) {
      case AssessmentOutcome.SHORTLISTED:
        d.shortlistedOn = pastDay(input.on, 'input.on', { day: d.appliedOn, what: 'the application' });
        break;
      case AssessmentOutcome.ASSESSED: {
        d.assessedOn = pastDay(input.on, 'input.on', { day: d.shortlistedOn, what: 'the shortlisting' });
        const assessors = (input.assessors ?? []).map((a, i) => requiredText(a ?? '', `input.assessors[${i}]`, 100));
        if (!assessors.length) throw new BadUserInput('input.assessors must name who assessed', 'input.assessors');
        d.assessors = assessors;
        d.assessmentNotes = optionalText(input.notes, 'input.notes', 4000);
        break;
      }
      case AssessmentOutcome.APPROVED: {
        const on = pastDay(input.on, 'input.on', { day: d.assessedOn, what: 'the assessment' });
        const person = await tx.loaders.personFactsById.load(d.personId);
        const unmet = await unmetRules(tx, { person: person!, designation: d, on }, Checkpoint.APPROVAL);
        if (unmet.length) throw ineligible('the application cannot be approved yet', unmet, { code: 'CONFLICT' });
        d.approvedOn = on;
        d.decisionReason = optionalText(input.reason, 'input.reason', 4000);
        break;
      }
      case AssessmentOutcome.REJECTED:
        d.rejectedOn = pastDay(input.on, 'input.on', { day: d.assessedOn ?? d.appliedOn, what: 'the last step of the application' });
        d.decisionReason = requiredText(input.reason ?? '', 'input.reason', 4000);
        break;
    }
    d.status = to;
    return saveDesignation(tx, 'recordAssessmentOutcome', before, d);
  });
}

export function recordNationalBodyNotification(ctx: RequestContext, input: RecordNationalBodyNotificationInput): Promise<Designation> {
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    if (![DesignationStatus.APPROVED, DesignationStatus.ACTIVE, DesignationStatus.UNDER_REVIEW].includes(d.status)) {
      throw new Conflict(`the national body is notified of an approved designation; this one is ${d.status}`);
    }
    const before = { ...d } as Designation;
    d.nationalBodyNotifiedOn = pastDay(input.notifiedOn, 'input.notifiedOn', { day: d.approvedOn, what: 'the approval' });
    if (input.nationalReference !== undefined) d.nationalReference = optionalText(input.nationalReference, 'input.nationalReference', 100);
    return saveDesignation(tx, 'recordNationalBodyNotification', before, d);
  });
}

/** A rejected applicant (or the coordinator for them) may appeal once, within the alliance's appeal period. */
export function lodgeDesignationAppeal(ctx: RequestContext, input: LodgeDesignationAppealInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    const mover = moverOf(acting, d.personId);
    if (!mover) throw new Forbidden('the applicant or the coordinator lodges an appeal');
    if (input.lodgedOn && mover !== Mover.COORDINATOR) throw new Forbidden('input.lodgedOn is for coordinators recording an appeal received earlier');
    if (d.status !== DesignationStatus.REJECTED || !d.rejectedOn) throw new Conflict(`only a rejected application can be appealed; this one is ${d.status}`);
    if (d.appealLodgedOn) throw new Conflict(`an application may be appealed once; this one was appealed on ${d.appealLodgedOn}`);
    const lodgedOn = pastDay(input.lodgedOn, 'input.lodgedOn', { day: d.rejectedOn, what: 'the rejection' });
    const alliance = await tx.loaders.allianceById.load(d.allianceId);
    const lastDay = addDays(d.rejectedOn, alliance!.appealPeriodDays);
    if (lodgedOn > lastDay) throw new Conflict(`the appeal period of ${alliance!.appealPeriodDays} days ended on ${lastDay}`);
    const before = { ...d } as Designation;
    d.appealLodgedOn = lodgedOn;
    d.appealGrounds = requiredText(input.grounds ?? '', 'input.grounds', 4000);
    return saveDesignation(tx, 'lodgeDesignationAppeal', before, d);
  });
}

export function decideDesignationAppeal(ctx: RequestContext, input: DecideDesignationAppealInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    if (moverOf(acting, d.personId) !== Mover.COORDINATOR) throw new Forbidden('the coordinator records the outcome of an appeal');
    if (!d.appealLodgedOn) throw new Conflict('no appeal has been lodged against this decision');
    if (d.appealOutcome) throw new Conflict(`the appeal was decided on ${d.appealDecidedOn}: ${d.appealOutcome}`);
    const before = { ...d } as Designation;
    const decidedOn = pastDay(input.decidedOn, 'input.decidedOn', { day: d.appealLodgedOn, what: 'the appeal' });
    if (input.outcome === AppealOutcome.UPHELD) {
      checkTransition(d.status, DesignationStatus.APPROVED, 'decideDesignationAppeal', Mover.COORDINATOR);
      const person = await tx.loaders.personFactsById.load(d.personId);
      const unmet = await unmetRules(tx, { person: person!, designation: d, on: decidedOn }, Checkpoint.APPROVAL);
      if (unmet.length) throw ineligible('an upheld appeal approves the application, which cannot be approved yet', unmet, { code: 'CONFLICT' });
      d.status = DesignationStatus.APPROVED;
      d.approvedOn = decidedOn;
    }
    d.appealOutcome = input.outcome;
    d.appealDecidedOn = decidedOn;
    d.appealNotes = optionalText(input.notes, 'input.notes', 4000);
    return saveDesignation(tx, 'decideDesignationAppeal', before, d);
  });
}

export function withdrawDesignationApplication(ctx: RequestContext, input: WithdrawDesignationApplicationInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    checkTransition(d.status, DesignationStatus.WITHDRAWN, 'withdrawDesignationApplication', moverOf(acting, d.personId));
    const before = { ...d } as Designation;
    d.status = DesignationStatus.WITHDRAWN;
    d.endedOn = pastDay(null, 'input.endedOn');
    d.endReason = optionalText(input.reason, 'input.reason', 4000) ?? 'application withdrawn';
    return saveDesignation(tx, 'withdrawDesignationApplication', before, d);
  });
}
