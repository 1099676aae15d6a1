import { EntityManager } from 'typeorm';
import { Alliance } from '../../src/modules/alliances/alliance.entity';
import { Designation } from '../../src/modules/designations/designation.entity';
import { School } from '../../src/modules/schools/school.entity';
import { ContractParty, DeploymentStatus, ImpactRating, SessionLength, SessionStatus } from '../../src/modules/deployments/deployment-enums';
import { DeploymentSession } from '../../src/modules/deployments/deployment-session.entity';
import { DeploymentSignature } from '../../src/modules/deployments/deployment-signature.entity';
import { Deployment } from '../../src/modules/deployments/deployment.entity';
import { CommissionerType, SupportRequestStatus } from '../../src/modules/support-requests/support-request-enums';
import { SupportRequest } from '../../src/modules/support-requests/support-request.entity';

const AGREED_OR_LATER = [DeploymentStatus.AGREED, DeploymentStatus.ACTIVE, DeploymentStatus.COMPLETED, DeploymentStatus.EVALUATED, DeploymentStatus.ON_HOLD];

/** A request for support of `supported`, commissioned by that school, as the owner's tools write it. */
export async function createSupportRequest(em: EntityManager, alliance: Alliance, supported: School, overrides: Partial<SupportRequest> = {}): Promise<SupportRequest> {
  return em.getRepository(SupportRequest).save(
    em.create(SupportRequest, {
      allianceId: alliance.id, commissionerType: CommissionerType.SCHOOL, commissionerName: supported.name, commissionerSchoolId: supported.id,
      supportedSchoolId: supported.id, needs: 'Maths leadership', areaIds: [], desiredOutcomes: ['Better maths'], status: SupportRequestStatus.OPEN,
      receivedOn: '2025-09-01', ...overrides,
    }),
  );
}

/**
 * A deployment of `designation` for `request`, as it would be at `status`: complete terms, and from
 * AGREED on the dates and a copy of `tariff` (Romero's £350 with £50 kept, unless told otherwise).
 */
export async function createDeployment(
  em: EntityManager,
  request: SupportRequest,
  designation: Designation,
  homeSchoolId: string | null,
  overrides: Partial<Deployment> = {},
  tariff = { fullDayPence: 35000, halfDayPence: null as number | null, hoursPerDay: 6, brokerageFeePerDayPence: 5000 },
): Promise<Deployment> {
  const status = overrides.status ?? DeploymentStatus.PROPOSED;
  const agreed = AGREED_OR_LATER.includes(status) || (status === DeploymentStatus.CANCELLED && overrides.agreedOn != null);
  return em.getRepository(Deployment).save(
    em.create(Deployment, {
      allianceId: request.allianceId, supportRequestId: request.id, designationId: designation.id, personId: designation.personId, homeSchoolId,
      supportedSchoolId: request.supportedSchoolId, status, proposedOn: [overrides.agreedOn, '2025-09-05'].filter((d): d is string => !!d).sort()[0], scope: 'Maths leadership support', objectives: ['Raise attainment'],
      impactMeasures: ['KS2 maths outcomes'], fundingSource: 'School budget', plannedDays: 5, startsOn: '2025-09-15', endsOn: '2026-03-31', termsVersion: 1,
      ...(agreed && {
        agreedOn: '2025-09-10', tariffFullDayPence: tariff.fullDayPence, tariffHalfDayPence: tariff.halfDayPence, tariffHoursPerDay: tariff.hoursPerDay,
        tariffBrokerageFeePerDayPence: tariff.brokerageFeePerDayPence,
      }),
      ...(status === DeploymentStatus.ON_HOLD && { statusBeforeHold: DeploymentStatus.ACTIVE, statusReason: 'Paused' }),
      ...overrides,
    }),
  );
}

export async function createSignature(em: EntityManager, deployment: Deployment, party: ContractParty, overrides: Partial<DeploymentSignature> = {}): Promise<DeploymentSignature> {
  return em.getRepository(DeploymentSignature).save(
    em.create(DeploymentSignature, {
      allianceId: deployment.allianceId, deploymentId: deployment.id, party, termsVersion: deployment.termsVersion, signedByName: `Signer for ${party}`,
      signedOn: '2025-09-08', recordedByCoordinator: true, ...overrides,
    }),
  );
}

/** A session; a delivered one has its visit record due date. */
export async function createSession(em: EntityManager, deployment: Deployment, overrides: Partial<DeploymentSession> = {}): Promise<DeploymentSession> {
  const status = overrides.status ?? SessionStatus.PLANNED;
  return em.getRepository(DeploymentSession).save(
    em.create(DeploymentSession, {
      allianceId: deployment.allianceId, deploymentId: deployment.id, heldOn: '2025-10-06', length: SessionLength.FULL_DAY, status,
      ...(status === SessionStatus.DELIVERED && { deliveredOn: overrides.heldOn ?? '2025-10-06', visitRecordDueOn: '2025-10-13' }),
      ...overrides,
    }),
  );
}

export interface SeededBrokerage {
  request: SupportRequest;
  /** The practitioner's active deployment, from the lead school into the other. */
  active: Deployment;
  evaluated: Deployment;
}

/**
 * A row of every brokerage table for a tenant, each text carrying the tenant's marker (see
 * security/support/world.ts): a request, an active deployment with its signatures and sessions
 * (one delivered, with its visit record), and an evaluated one.
 */
export async function seedBrokerage(em: EntityManager, alliance: Alliance, designation: Designation, home: School, supported: School, marker: string): Promise<SeededBrokerage> {
  const request = await createSupportRequest(em, alliance, supported, {
    commissionerName: `${marker}_COMMISSIONER`, needs: `${marker}_NEEDS`, desiredOutcomes: [`${marker}_OUTCOME`], fundingSource: `${marker}_FUNDING`,
  });
  const text = (label: string) => ({ scope: `${marker}_${label}_SCOPE`, objectives: [`${marker}_OBJECTIVE`], impactMeasures: [`${marker}_MEASURE`], fundingSource: `${marker}_FUNDING`, frequency: `${marker}_FREQUENCY` });
  const active = await createDeployment(em, request, designation, home.id, { status: DeploymentStatus.ACTIVE, startedOn: '2025-09-15', ...text('ACTIVE') });
  for (const party of Object.values(ContractParty)) await createSignature(em, active, party, { signedByName: `${marker}_SIGNED_${party}` });
  await createSession(em, active, { status: SessionStatus.DELIVERED, notes: `${marker}_SESSION_NOTES`, visitSummary: `${marker}_VISIT_SUMMARY`, visitNextSteps: `${marker}_NEXT_STEPS`, visitRecordSubmittedOn: '2025-10-08' });
  await createSession(em, active, { heldOn: '2025-11-03', length: SessionLength.HOURS, hours: 2, notes: `${marker}_PLANNED_NOTES` });
  const evaluated = await createDeployment(em, request, designation, home.id, {
    status: DeploymentStatus.EVALUATED, completedOn: '2026-03-31', impactRating: ImpactRating.SOME, impactEvidence: `${marker}_EVIDENCE`, evaluatedOn: '2026-04-20',
    evaluatedByName: `${marker}_EVALUATOR`, evaluationRecordedByCoordinator: true, ...text('EVALUATED'),
  });
  return { request, active, evaluated };
}
