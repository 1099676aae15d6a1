import { BadUserInput } from '../../common/errors';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { DesignationStatus, ReviewTrigger } from '../designations/designation-enums';
import { DesignationReview } from '../designations/designation-review.entity';
import { DESIGNATION_AUDITED_FIELDS, pastDay } from '../designations/designation-store';
import { Designation } from '../designations/designation.entity';
import { isCoordinator } from '../designations/designation.policy';
import { checkTransition, Mover } from '../designations/lifecycle';
import { optionalText, requiredText } from '../people/person.validation';
import { DeploymentStatus, ImpactRating } from './deployment-enums';
import { deploymentForChange, deploymentMoverOf, saveDeployment, snapshot, visibleDeployment } from './deployment-store';
import { Deployment } from './deployment.entity';
import { checkDeploymentTransition } from './lifecycle';
import { EvaluateDeploymentInput } from './evaluation.inputs';

/** What the audit trail records of a review (as reviews.service.ts does). */
const REVIEW_AUDITED = ['trigger', 'reason', 'openedOn', 'outcome', 'outcomeNotes', 'completedOn', 'nextReviewDueOn'] as const;

/**
 * `evaluateDeployment`: the supported school's head rates the impact of a completed deployment, with
 * evidence, as themself; or the coordinator records an evaluation given on paper, naming its author.
 * COMPLETED → EVALUATED through the deployment lifecycle; (rule) a NONE rating opens a review of the
 * designation in the same transaction, with its audit rows.
 */
export function evaluateDeployment(ctx: RequestContext, input: EvaluateDeploymentInput): Promise<{ deployment: Deployment; review: DesignationReview | null }> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    // The move is checked before the lock too: the second wall lets the supported head lock a COMPLETED deployment only.
    const seen = await visibleDeployment(tx, input.deploymentId);
    checkDeploymentTransition(seen.status, DeploymentStatus.EVALUATED, 'evaluateDeployment', deploymentMoverOf(acting, seen));
    const d = await deploymentForChange(tx, input, "only the supported school's head, or the coordinator, evaluates this deployment");
    checkDeploymentTransition(d.status, DeploymentStatus.EVALUATED, 'evaluateDeployment', deploymentMoverOf(acting, d));
    const byCoordinator = isCoordinator(acting);
    const evidence = requiredText(input.evidence, 'input.evidence', 4000);
    let evaluatedByName: string;
    if (byCoordinator) {
      evaluatedByName = requiredText(input.evaluatorName ?? '', 'input.evaluatorName', 200);
    } else {
      if (optionalText(input.evaluatorName, 'input.evaluatorName')) {
        throw new BadUserInput('input.evaluatorName names the author of a paper evaluation the coordinator records; a head evaluates as themself', 'input.evaluatorName');
      }
      evaluatedByName = tx.viewer!.user.displayName;
    }
    const evaluatedOn = pastDay(input.evaluatedOn, 'input.evaluatedOn', { day: d.completedOn, what: 'the completion of the deployment' });

    const before = snapshot(d);
    Object.assign(d, {
      status: DeploymentStatus.EVALUATED, impactRating: input.rating, impactEvidence: evidence, evaluatedOn, evaluatedByName,
      evaluatedByUserId: byCoordinator ? null : tx.viewer!.user.id, evaluationRecordedByCoordinator: byCoordinator,
    });
    const deployment = await saveDeployment(tx, 'evaluateDeployment', before, d);
    const review = input.rating === ImpactRating.NONE ? await openNoImpactReview(tx, deployment) : null;
    return { deployment, review };
  });
}

/**
 * (rule) NONE opens a review of the designation (trigger NO_IMPACT_EVIDENCE, ACTIVE → UNDER_REVIEW as
 * a TRIGGER of the designation lifecycle), unless one is open already. The supported head may not
 * change another school's designation, so the database function open_no_impact_review (migration
 * ImpactReviews) makes the change, deciding from the deployment row itself; the audit rows are
 * written here, as the caller. Answers the review if the caller may see it.
 */
async function openNoImpactReview(tx: RequestContext, deployment: Deployment): Promise<DesignationReview | null> {
  const designation = await scopedQuery(tx, Designation)!.andWhere('e.id = :id', { id: deployment.designationId }).getOne();
  // Already under review: none is opened twice. Ended: there is nothing left to review.
  if (designation?.status !== DesignationStatus.ACTIVE) return null;
  checkTransition(designation.status, DesignationStatus.UNDER_REVIEW, 'startDesignationReview', Mover.TRIGGER);
  const [opened]: { review_id: string; opened_on: string; reason: string }[] = await tx.em.query(
    `SELECT review_id, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, reason FROM open_no_impact_review($1)`,
    [deployment.id],
  );
  // Another transaction opened one first (the function locked the designation and found it under review).
  if (!opened) return null;
  await recordChange(tx, {
    action: 'startDesignationReview', objectType: 'Designation', objectId: designation.id, before: designation,
    after: { ...designation, status: DesignationStatus.UNDER_REVIEW } as Designation, fields: DESIGNATION_AUDITED_FIELDS,
  });
  const review = { trigger: ReviewTrigger.NO_IMPACT_EVIDENCE, reason: opened.reason, openedOn: opened.opened_on } as DesignationReview;
  await recordChange(tx, { action: 'startDesignationReview', objectType: 'DesignationReview', objectId: opened.review_id, before: null, after: review, fields: REVIEW_AUDITED });
  return tx.loaders.designationReviewById.load(opened.review_id);
}
