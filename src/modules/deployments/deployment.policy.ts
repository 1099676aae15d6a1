import { Acting } from '../../context/context';
import { Visibility } from '../../loaders/helpers';
import { isCoordinator } from '../designations/designation.policy';
import { ActingRole } from '../users/user-enums';

/**
 * Which deployments a role sees, as a condition on alias `e` (the second wall's policy, said again
 * for the query): coordinators all; a head those involving their school, as supported or as home
 * school; a practitioner their own. Analysts see deployments as aggregates only.
 */
export const deploymentsVisibleTo = (acting: Acting): Visibility => deploymentCondition(acting, 'e');

function deploymentCondition(acting: Acting, alias: string): Visibility {
  if (isCoordinator(acting)) return 'all';
  if (acting.role === ActingRole.SCHOOL_LEAD && acting.schoolId) {
    return { where: `(${alias}.supported_school_id = :headSchoolId OR ${alias}.home_school_id = :headSchoolId)`, params: { headSchoolId: acting.schoolId } };
  }
  if (acting.role === ActingRole.PRACTITIONER && acting.personId) return { where: `${alias}.person_id = :ownPersonId`, params: { ownPersonId: acting.personId } };
  return 'none';
}

/** Signatures and sessions: seen with their deployment. */
export function throughDeploymentVisibleTo(acting: Acting): Visibility {
  const visible = deploymentCondition(acting, 'dp');
  if (visible === 'all' || visible === 'none') return visible;
  return { where: `e.deployment_id IN (SELECT dp.id FROM deployments dp WHERE ${visible.where})`, params: visible.params };
}

/** Requests: the coordinator's; a head's where their school is supported or takes part; a practitioner's through their deployments. */
export function supportRequestsVisibleTo(acting: Acting): Visibility {
  const visible = deploymentCondition(acting, 'dp');
  if (visible === 'all' || visible === 'none') return visible;
  const throughDeployments = `e.id IN (SELECT dp.support_request_id FROM deployments dp WHERE ${visible.where})`;
  if (acting.role === ActingRole.SCHOOL_LEAD) return { where: `(e.supported_school_id = :headSchoolId OR ${throughDeployments})`, params: visible.params };
  return { where: throughDeployments, params: visible.params };
}
