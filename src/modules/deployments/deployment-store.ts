import { NotFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { Acting, RequestContext } from '../../context/context';
import { rowForChange } from '../../loaders/for-change';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { isCoordinator } from '../designations/designation.policy';
import { ActingRole } from '../users/user-enums';
import { Deployment } from './deployment.entity';
import { deploymentsVisibleTo } from './deployment.policy';
import { DeploymentMover } from './lifecycle';

/** What the audit trail records of a deployment's changes. */
export const DEPLOYMENT_AUDITED_FIELDS = [
  'status', 'supportRequestId', 'designationId', 'personId', 'homeSchoolId', 'supportedSchoolId', 'proposedOn', 'scope', 'objectives', 'impactMeasures',
  'fundingSource', 'plannedDays', 'model', 'frequency', 'startsOn', 'endsOn', 'termsVersion', 'agreedOn', 'capacityOverrideReason', 'tariffId',
  'tariffFullDayPence', 'tariffHalfDayPence', 'tariffHoursPerDay', 'tariffBrokerageFeePerDayPence', 'startedOn', 'completedOn', 'statusBeforeHold',
  'endedOn', 'statusReason', 'impactRating', 'impactEvidence', 'evaluatedOn', 'evaluatedByName', 'evaluationRecordedByCoordinator',
] as const;

/**
 * The deployment a change names, locked for the rest of the transaction, if the caller may see it
 * (another alliance's, or one the role does not see, reads as not found), at the version the caller
 * read. One the caller sees but may not change (the second wall's update policy does not let them
 * lock it) is FORBIDDEN.
 */
export function deploymentForChange(
  tx: RequestContext,
  input: { deploymentId: string; expectedVersion?: number | null },
  forbidden = 'this deployment is not yours to change',
): Promise<Deployment> {
  const id = expectGlobalId(input.deploymentId, 'Deployment', 'input.deploymentId');
  return rowForChange(tx, Deployment, id, input.expectedVersion, { what: 'deployment', visible: deploymentsVisibleTo, forbidden });
}

/** A deployment the caller may see, unlocked: for changes to its sessions and signatures, which lock their own rows. */
export async function visibleDeployment(tx: RequestContext, deploymentId: string, field = 'input.deploymentId'): Promise<Deployment> {
  const id = expectGlobalId(deploymentId, 'Deployment', field);
  const deployment = await scopedQuery(tx, Deployment, { visible: deploymentsVisibleTo })?.andWhere('e.id = :id', { id }).getOne();
  if (!deployment) throw new NotFound('deployment');
  return deployment;
}

/** Saves a deployment and its audit row in the caller's transaction. */
export async function saveDeployment(tx: RequestContext, action: string, before: Deployment | null, deployment: Deployment): Promise<Deployment> {
  const saved = await tx.em.save(deployment);
  await recordChange(tx, { action, objectType: 'Deployment', objectId: saved.id, before, after: saved, fields: DEPLOYMENT_AUDITED_FIELDS });
  return saved;
}

/** The mover a request is for this deployment: the coordinator, or the head of the supported school. */
export function deploymentMoverOf(acting: Acting, deployment: Deployment): DeploymentMover | null {
  if (isCoordinator(acting)) return DeploymentMover.COORDINATOR;
  if (acting.role === ActingRole.SCHOOL_LEAD && acting.schoolId === deployment.supportedSchoolId) return DeploymentMover.SUPPORTED_HEAD;
  return null;
}

/** A copy to compare against after a change, for the audit trail. */
export const snapshot = (deployment: Deployment): Deployment => ({ ...deployment, objectives: [...deployment.objectives], impactMeasures: [...deployment.impactMeasures] }) as Deployment;
