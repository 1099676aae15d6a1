import { byId, manyBy } from '../../loaders/helpers';
import { declareFieldColumns } from '../../loaders/selection';
import { SupportRequest } from '../support-requests/support-request.entity';
import { capacityLoader } from './capacity';
import { DeploymentSession } from './deployment-session.entity';
import { DeploymentSignature } from './deployment-signature.entity';
import { Deployment } from './deployment.entity';
import { deploymentsVisibleTo, supportRequestsVisibleTo, throughDeploymentVisibleTo } from './deployment.policy';

export const deploymentLoaders = {
  supportRequestById: byId(SupportRequest, { visible: supportRequestsVisibleTo }),
  deploymentById: byId(Deployment, { visible: deploymentsVisibleTo }),
  deploymentSignatureById: byId(DeploymentSignature, { visible: throughDeploymentVisibleTo }),
  deploymentSessionById: byId(DeploymentSession, { visible: throughDeploymentVisibleTo }),
  signaturesByDeployment: manyBy(DeploymentSignature, 'deploymentId', { visible: throughDeploymentVisibleTo, orderBy: 'e.terms_version DESC, e.party' }),
  sessionsByDeployment: manyBy(DeploymentSession, 'deploymentId', { visible: throughDeploymentVisibleTo, orderBy: 'e.held_on, e.id' }),
  capacity: capacityLoader,
};

// Fields that are not a column of the same name, and the columns the rules and resolvers read (src/loaders/selection.ts).
declareFieldColumns(SupportRequest, {
  fields: { supportedSchool: ['supportedSchoolId'], commissionerSchool: ['commissionerSchoolId'], areasOfExpertise: ['areaIds'] },
  always: ['supportedSchoolId'],
});
declareFieldColumns(Deployment, {
  fields: {
    supportRequest: ['supportRequestId'], designation: ['designationId'], systemLeader: ['personId'], homeSchool: ['homeSchoolId'], supportedSchool: ['supportedSchoolId'],
    signatures: ['termsVersion'], missingSignatures: ['termsVersion'], sessions: [], nextMoves: ['status'],
    evaluation: ['impactRating', 'impactEvidence', 'evaluatedOn', 'evaluatedByName', 'evaluationRecordedByCoordinator'],
    cost: ['tariffFullDayPence', 'tariffHalfDayPence', 'tariffHoursPerDay', 'tariffBrokerageFeePerDayPence'],
  },
  // tariffHoursPerDay: a session's days (hours pro rata), read through deploymentById whatever the document selects of the deployment.
  always: ['status', 'personId', 'homeSchoolId', 'supportedSchoolId', 'tariffHoursPerDay'],
});
declareFieldColumns(DeploymentSignature, { fields: {}, always: ['deploymentId', 'termsVersion'] });
// A deployment's cost prices its sessions through sessionsByDeployment whatever the document selects of them.
declareFieldColumns(DeploymentSession, {
  fields: {
    deployment: ['deploymentId'], days: ['length', 'hours'], visitRecord: ['visitSummary', 'visitNextSteps', 'visitRecordSubmittedOn', 'visitRecordDueOn'],
    visitRecordOverdue: ['visitRecordSubmittedOn', 'visitRecordDueOn'],
  },
  always: ['deploymentId', 'status', 'length', 'hours'],
});
