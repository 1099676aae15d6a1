import { englishDate } from '../../common/academic-year';
import { optionalText, requiredText } from '../people/person.validation';
import { BadUserInput, Conflict } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { LeadershipLevel } from '../people/person-enums';
import { Person } from '../people/person.entity';
import { DesignationStatus, DesignationType, ReviewOutcome, ReviewTrigger } from './designation-enums';
import { DesignationReview } from './designation-review.entity';
import { designationForChange, pastDay, saveDesignation } from './designation-store';
import { Designation } from './designation.entity';
import { CompleteDesignationReviewInput, StartDesignationReviewInput } from './designations.inputs';
import { reviewDates } from './designations.service';
import { checkTransition, Mover, moverOf } from './lifecycle';

const AUDITED = ['trigger', 'reason', 'openedOn', 'outcome', 'outcomeNotes', 'completedOn', 'nextReviewDueOn'] as const;

/** Opens a review of an active designation: the status and the review row change together, each audited. */
async function openReview(tx: RequestContext, d: Designation, review: { trigger: ReviewTrigger; reason: string | null; openedOn: string }, mover: Mover | null, action: string) {
  checkTransition(d.status, DesignationStatus.UNDER_REVIEW, 'startDesignationReview', mover);
  const before = { ...d } as Designation;
  d.status = DesignationStatus.UNDER_REVIEW;
  const designation = await saveDesignation(tx, action, before, d);
  const saved = await tx.em.save(
    tx.em.create(DesignationReview, { allianceId: d.allianceId, designationId: d.id, ...review, openedByUserId: mover === Mover.COORDINATOR ? tx.viewer!.user.id : null }),
  );
  await recordChange(tx, { action, objectType: 'DesignationReview', objectId: saved.id, before: null, after: saved, fields: AUDITED });
  return { review: saved, designation };
}

export function startDesignationReview(ctx: RequestContext, input: StartDesignationReviewInput) {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    if (d.status === DesignationStatus.UNDER_REVIEW) throw new Conflict('the designation is already under review');
    const openedOn = pastDay(input.openedOn, 'input.openedOn', { day: d.designatedOn, what: 'the designation' });
    return openReview(tx, d, { trigger: input.trigger, reason: optionalText(input.reason, 'input.reason', 4000), openedOn }, moverOf(acting, d.personId), 'startDesignationReview');
  });
}

export function completeDesignationReview(ctx: RequestContext, input: CompleteDesignationReviewInput) {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    const to = input.outcome === ReviewOutcome.CONTINUED ? DesignationStatus.ACTIVE : DesignationStatus.DEDESIGNATED;
    checkTransition(d.status, to, 'completeDesignationReview', moverOf(acting, d.personId));
    const review = await tx.em.getRepository(DesignationReview).createQueryBuilder('e')
      .where('e.designation_id = :id AND e.completed_on IS NULL', { id: d.id }).setLock('pessimistic_write').getOne();
    if (!review) throw new Conflict('the designation has no open review');
    const beforeReview = { ...review } as DesignationReview;
    const before = { ...d } as Designation;
    const completedOn = pastDay(input.completedOn, 'input.completedOn', { day: review.openedOn, what: 'the opening of the review' });
    review.outcome = input.outcome;
    review.outcomeNotes = input.outcome === ReviewOutcome.DEDESIGNATED ? requiredText(input.notes ?? '', 'input.notes', 4000) : optionalText(input.notes, 'input.notes', 4000);
    review.completedOn = completedOn;
    review.completedByUserId = tx.viewer!.user.id;
    d.status = to;
    if (to === DesignationStatus.ACTIVE) {
      const alliance = (await tx.loaders.allianceById.load(d.allianceId))!;
      const dates = reviewDates(d.type, completedOn, alliance.reviewPeriodYears);
      if (input.nextReviewDueOn && input.nextReviewDueOn <= completedOn) throw new BadUserInput('input.nextReviewDueOn must be after the review', 'input.nextReviewDueOn');
      d.reviewDueOn = input.nextReviewDueOn ?? dates.reviewDueOn;
      // A continued LP is accredited afresh.
      if (d.type === DesignationType.LP) d.accreditationExpiresOn = dates.accreditationExpiresOn;
      review.nextReviewDueOn = d.reviewDueOn;
    } else {
      d.endedOn = completedOn;
      d.endReason = review.outcomeNotes;
    }
    const designation = await saveDesignation(tx, 'completeDesignationReview', before, d);
    const saved = await tx.em.save(review);
    await recordChange(tx, { action: 'completeDesignationReview', objectType: 'DesignationReview', objectId: saved.id, before: beforeReview, after: saved, fields: AUDITED });
    return { review: saved, designation };
  });
}

/**
 * Reviews a change to a staff record triggers (DOMAIN.md): a move of school reviews every active
 * designation; becoming a headteacher reviews an SLE's, since an SLE leads below headteacher. Called
 * inside the change's own transaction, so the change, the reviews and their audit rows commit together.
 */
export async function openTriggeredReviews(tx: RequestContext, before: Pick<Person, 'id' | 'schoolId' | 'leadershipLevel'>, after: Pick<Person, 'schoolId' | 'leadershipLevel'>): Promise<void> {
  const moved = before.schoolId !== null && before.schoolId !== after.schoolId;
  const promoted = before.leadershipLevel !== LeadershipLevel.HEADTEACHER && after.leadershipLevel === LeadershipLevel.HEADTEACHER;
  if (!moved && !promoted) return;
  const active = await scopedQuery(tx, Designation)?.andWhere('e.person_id = :personId AND e.status = :active', { personId: before.id, active: DesignationStatus.ACTIVE }).setLock('pessimistic_write').getMany();
  for (const d of active ?? []) {
    const trigger = moved ? ReviewTrigger.MOVED_SCHOOL : d.type === DesignationType.SLE ? ReviewTrigger.BECAME_HEADTEACHER : null;
    if (!trigger) continue;
    const reason = moved ? 'moved school' : 'became a headteacher';
    await openReview(tx, d, { trigger, reason, openedOn: englishDate() }, Mover.TRIGGER, 'startDesignationReview');
  }
}
