import { QueryFailedError } from 'typeorm';
import { englishDate } from '../../common/academic-year';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { OrderDirection } from '../../common/order-direction';
import { paginate, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { applyWhere } from '../../common/where/where';
import { DEPLOYMENT_WHERE } from '../../common/where/lists';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { DesignationStatus } from '../designations/designation-enums';
import { Designation } from '../designations/designation.entity';
import { ineligible, pastDay } from '../designations/designation-store';
import { designationsVisibleTo, isCoordinator } from '../designations/designation.policy';
import { optionalText, requiredText } from '../people/person.validation';
import { BROKERABLE, followDeployment } from '../support-requests/lifecycle';
import { SupportRequest } from '../support-requests/support-request.entity';
import { lockedSupportRequest, moveSupportRequest, supportRequestForChange } from '../support-requests/support-requests.service';
import { ActingRole } from '../users/user-enums';
import { takeCapacity } from './capacity';
import { unmetContractTerms } from './contract-gate';
import { ContractParty, DeploymentStatus as S } from './deployment-enums';
import { DeploymentSignature } from './deployment-signature.entity';
import { Deployment } from './deployment.entity';
import { deploymentsVisibleTo } from './deployment.policy';
import { deploymentForChange, deploymentMoverOf, saveDeployment, snapshot, visibleDeployment } from './deployment-store';
import { AgreeDeploymentInput, DeploymentFilter, DeploymentMoveInput, DeploymentOrder, DeploymentOrderField, ProposeDeploymentInput, SignDeploymentInput, UpdateDeploymentTermsInput } from './deployments.inputs';
import { checkDeploymentTransition, TERMS_OPEN } from './lifecycle';
import { applyTerms, termsChanged } from './terms';

/** A designation of the alliance for a proposal, as the coordinator sees it. */
async function designationToDeploy(tx: RequestContext, id: string): Promise<Designation> {
  const designationId = expectGlobalId(id, 'Designation', 'input.designationId');
  const designation = await scopedQuery(tx, Designation, { visible: designationsVisibleTo, wholeRow: true })?.andWhere('e.id = :designationId', { designationId }).getOne();
  if (!designation) throw new NotFound('designation');
  return designation;
}

export function proposeDeployment(ctx: RequestContext, input: ProposeDeploymentInput): Promise<{ deployment: Deployment; supportRequest: SupportRequest }> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const request = await supportRequestForChange(tx, input.supportRequestId, null);
    if (!BROKERABLE.includes(request.status)) throw new Conflict(`a ${request.status} support request takes no new deployments`);
    const designation = await designationToDeploy(tx, input.designationId);
    if (designation.type !== request.designationType) throw new Conflict(`the request wants an ${request.designationType}; this designation is an ${designation.type}`);
    if (designation.status !== DesignationStatus.ACTIVE) throw new Conflict(`only an ACTIVE designation is deployed; this one is ${designation.status}`);
    const person = await tx.loaders.personFactsById.load(designation.personId);
    // (rule) A system leader is never deployed to their own school.
    if (person?.schoolId === request.supportedSchoolId) {
      throw new Conflict('a system leader is never deployed to their own school', { field: 'input.designationId', rule: 'OWN_SCHOOL' });
    }
    const deployment = tx.em.create(Deployment, {
      allianceId: request.allianceId, supportRequestId: request.id, designationId: designation.id, personId: designation.personId,
      homeSchoolId: person?.schoolId ?? null, supportedSchoolId: request.supportedSchoolId, status: S.PROPOSED, proposedOn: englishDate(),
      objectives: [], impactMeasures: [], fundingSource: request.fundingSource, termsVersion: 1, startsOn: request.preferredStart,
    });
    applyTerms(deployment, input.terms);
    const saved = await saveDeployment(tx, 'proposeDeployment', null, deployment);
    const next = followDeployment(request.status, 'proposeDeployment');
    return { deployment: saved, supportRequest: next ? await moveSupportRequest(tx, request, next, 'proposeDeployment') : request };
  });
}

export function updateDeploymentTerms(ctx: RequestContext, input: UpdateDeploymentTermsInput): Promise<Deployment> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await deploymentForChange(tx, input);
    if (!TERMS_OPEN.includes(d.status)) throw new Conflict(`the terms of a ${d.status} deployment no longer change`);
    const before = snapshot(d);
    applyTerms(d, input.terms);
    if (!termsChanged(before, d)) return d;
    // A change to the terms voids the signatures: they were given to the previous version.
    d.termsVersion += 1;
    return saveDeployment(tx, 'updateDeploymentTerms', before, d);
  });
}

/** Whether the supported school's head can sign here: a head's membership of the alliance for that school. */
async function supportedHeadHasAccount(tx: RequestContext, d: Deployment): Promise<boolean> {
  const rows: unknown[] = await tx.em.query(`SELECT 1 FROM memberships WHERE alliance_id = $1 AND role = 'SCHOOL_LEAD' AND school_id = $2 LIMIT 1`, [d.allianceId, d.supportedSchoolId]);
  return rows.length > 0;
}

/** Which party a caller may sign as, themself. */
function partiesOf(ctx: RequestContext, d: Deployment): ContractParty[] {
  const acting = actingOf(ctx);
  if (isCoordinator(acting)) return [ContractParty.ALLIANCE];
  const parties: ContractParty[] = [];
  if (acting.role === ActingRole.PRACTITIONER && acting.personId === d.personId) parties.push(ContractParty.SYSTEM_LEADER);
  if (acting.role === ActingRole.SCHOOL_LEAD && acting.schoolId === d.homeSchoolId) parties.push(ContractParty.HOME_HEADTEACHER);
  if (acting.role === ActingRole.SCHOOL_LEAD && acting.schoolId === d.supportedSchoolId) parties.push(ContractParty.SUPPORTED_HEADTEACHER);
  return parties;
}

export function signDeployment(ctx: RequestContext, input: SignDeploymentInput): Promise<{ signature: DeploymentSignature; deployment: Deployment }> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await visibleDeployment(tx, input.deploymentId);
    const onPaper = optionalText(input.onPaperSignatoryName, 'input.onPaperSignatoryName', 200);
    if (onPaper) {
      if (!isCoordinator(acting)) throw new Forbidden('only the coordinator records a signature received on paper');
      if (input.party !== ContractParty.SUPPORTED_HEADTEACHER) throw new BadUserInput("a signature on paper is recorded for the supported school's head only; the others sign here", 'input.party');
      if (await supportedHeadHasAccount(tx, d)) throw new Conflict("the supported school's head has an account here: they sign for themself");
    } else if (!partiesOf(tx, d).includes(input.party)) {
      throw new Forbidden(`you do not sign for ${input.party} on this deployment; each party signs as themself`);
    }
    if (!TERMS_OPEN.includes(d.status)) throw new Conflict(`a ${d.status} deployment takes no more signatures`);
    if (input.termsVersion !== d.termsVersion) throw new Conflict(`the terms changed since version ${input.termsVersion}; read version ${d.termsVersion} and sign that`);
    const signedOn = pastDay(input.signedOn, 'input.signedOn', { day: d.proposedOn, what: 'the proposal' });
    const signature = tx.em.create(DeploymentSignature, {
      allianceId: d.allianceId, deploymentId: d.id, party: input.party, termsVersion: d.termsVersion,
      signedByUserId: onPaper ? null : acting.userId, signedByName: onPaper ?? tx.viewer!.user.displayName, signedOn,
      recordedByCoordinator: Boolean(onPaper), recordedByUserId: onPaper ? acting.userId : null,
    });
    let saved: DeploymentSignature;
    try {
      saved = await tx.em.save(signature);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'deployment_signatures_once') {
        throw new Conflict(`${input.party} has already signed version ${d.termsVersion} of these terms`);
      }
      throw error;
    }
    await recordChange(tx, {
      action: 'signDeployment', objectType: 'DeploymentSignature', objectId: saved.id, before: null, after: saved,
      fields: ['deploymentId', 'party', 'termsVersion', 'signedByName', 'signedOn', 'recordedByCoordinator'],
    });
    return { signature: saved, deployment: d };
  });
}

/** The tariff in force on a day, or a refusal: an agreement without one could not be costed. */
async function tariffInForce(tx: RequestContext, allianceId: string, on: string) {
  const [tariff]: { id: string; full_day_pence: number; half_day_pence: number | null; hours_per_day: number; brokerage_fee_per_day_pence: number }[] = await tx.em.query(
    `SELECT id, full_day_pence, half_day_pence, hours_per_day, brokerage_fee_per_day_pence FROM alliance_tariffs
      WHERE alliance_id = $1 AND effective_from <= $2 AND (effective_to IS NULL OR effective_to >= $2) ORDER BY effective_from DESC LIMIT 1`,
    [allianceId, on],
  );
  if (!tariff) throw new Conflict(`the alliance has no tariff in force on ${on}: set one before agreeing`);
  return tariff;
}

export function agreeDeployment(ctx: RequestContext, input: AgreeDeploymentInput): Promise<{ deployment: Deployment; supportRequest: SupportRequest }> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await deploymentForChange(tx, input);
    checkDeploymentTransition(d.status, S.AGREED, 'agreeDeployment', deploymentMoverOf(acting, d));
    // Locks in the order a proposal takes them (the request, then the designation), so the two never wait on each other.
    const request = await lockedSupportRequest(tx, d.supportRequestId);
    if (!BROKERABLE.includes(request.status)) throw new Conflict(`the support request is ${request.status}: a deployment for it is no longer agreed`);
    const signatures = await tx.em.find(DeploymentSignature, { where: { deploymentId: d.id, termsVersion: d.termsVersion } });
    const unmet = unmetContractTerms(d, signatures.map((s) => s.party));
    if (unmet.length) throw ineligible('the contract is not ready to agree', unmet, { code: 'CONFLICT' });
    const override = await takeCapacity(tx, d, optionalText(input.capacityOverrideReason, 'input.capacityOverrideReason', 4000));
    const before = snapshot(d);
    const lastSigned = signatures.map((s) => s.signedOn).sort().at(-1)!;
    const agreedOn = pastDay(input.agreedOn, 'input.agreedOn', { day: lastSigned, what: 'the last signature' });
    const tariff = await tariffInForce(tx, d.allianceId, agreedOn);
    Object.assign(d, {
      status: S.AGREED, agreedOn, agreedByUserId: acting.userId, capacityOverrideReason: override,
      tariffId: tariff.id, tariffFullDayPence: tariff.full_day_pence, tariffHalfDayPence: tariff.half_day_pence, tariffHoursPerDay: tariff.hours_per_day,
      tariffBrokerageFeePerDayPence: tariff.brokerage_fee_per_day_pence,
    });
    const saved = await saveDeployment(tx, 'agreeDeployment', before, d);
    const next = followDeployment(request.status, 'agreeDeployment');
    return { deployment: saved, supportRequest: next ? await moveSupportRequest(tx, request, next, 'agreeDeployment') : request };
  });
}

type Move = 'startDeployment' | 'completeDeployment' | 'holdDeployment' | 'resumeDeployment' | 'cancelDeployment' | 'declineDeployment';
const TARGET: Record<Exclude<Move, 'resumeDeployment'>, S> = {
  startDeployment: S.ACTIVE, completeDeployment: S.COMPLETED, holdDeployment: S.ON_HOLD, cancelDeployment: S.CANCELLED, declineDeployment: S.DECLINED,
};
const NEEDS_REASON: readonly Move[] = ['holdDeployment', 'cancelDeployment', 'declineDeployment'];

/** Start, complete, hold, resume, cancel or decline: one move of the lifecycle table, with its date and reason. */
export function moveDeployment(ctx: RequestContext, action: Move, input: DeploymentMoveInput): Promise<Deployment> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await deploymentForChange(tx, input);
    const to = action === 'resumeDeployment' ? d.statusBeforeHold : TARGET[action];
    if (!to) throw new Conflict(`a deployment resumes from ON_HOLD only; this one is ${d.status}`);
    checkDeploymentTransition(d.status, to, action, deploymentMoverOf(acting, d));
    const before = snapshot(d);
    const since = d.startedOn ? { day: d.startedOn, what: 'the start' } : d.agreedOn ? { day: d.agreedOn, what: 'the agreement' } : { day: d.proposedOn, what: 'the proposal' };
    const on = pastDay(input.on, 'input.on', since);
    const reason = NEEDS_REASON.includes(action) ? requiredText(input.reason ?? '', 'input.reason', 4000) : optionalText(input.reason, 'input.reason', 4000);
    // A deployment on hold holds no capacity: resuming takes it again, under the same rule as agreeing.
    if (action === 'resumeDeployment') {
      const override = await takeCapacity(tx, d, optionalText(input.capacityOverrideReason, 'input.capacityOverrideReason', 4000));
      if (override) d.capacityOverrideReason = override;
    }
    d.statusBeforeHold = to === S.ON_HOLD ? d.status : null;
    d.status = to;
    if (action === 'startDeployment') d.startedOn = on;
    if (action === 'completeDeployment') d.completedOn = on;
    if (to === S.CANCELLED || to === S.DECLINED) d.endedOn = on;
    if (NEEDS_REASON.includes(action) || action === 'resumeDeployment') d.statusReason = reason;
    return saveDeployment(tx, action, before, d);
  });
}

/** Nullable dates sort as the far future: last ascending, first descending. */
const SORTS: SortKeyTable<DeploymentOrderField, Deployment> = {
  [DeploymentOrderField.PROPOSED_ON]: { expression: 'e.proposed_on', value: (d) => d.proposedOn, kind: 'date', columns: ['proposedOn'] },
  [DeploymentOrderField.STARTS_ON]: { expression: "coalesce(e.starts_on, DATE '9999-12-31')", value: (d) => d.startsOn ?? '9999-12-31', kind: 'date', columns: ['startsOn'] },
  [DeploymentOrderField.UPDATED_AT]: { expression: "date_trunc('milliseconds', e.updated_at)", value: (d) => d.updatedAt.toISOString(), kind: 'timestamp', columns: ['updatedAt'] },
};
const DEFAULT_ORDER = [{ field: DeploymentOrderField.PROPOSED_ON, direction: OrderDirection.DESC }];

/** The deployments the caller may see, filtered in SQL before paging. */
export function listDeployments(ctx: RequestContext, filter: DeploymentFilter | null | undefined, order: readonly DeploymentOrder[] | null | undefined, page: PageArgs, where?: object | null) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, Deployment, { visible: deploymentsVisibleTo }) ?? ctx.em.createQueryBuilder(Deployment, 'e').where('false');
  const id = (value: string, type: string, field: string) => expectGlobalId(value, type, `filter.${field}`);
  if (filter?.statuses?.length) qb.andWhere('e.status = ANY(:statuses)', { statuses: filter.statuses });
  if (filter?.supportRequestId) qb.andWhere('e.support_request_id = :supportRequestId', { supportRequestId: id(filter.supportRequestId, 'SupportRequest', 'supportRequestId') });
  if (filter?.designationId) qb.andWhere('e.designation_id = :designationId', { designationId: id(filter.designationId, 'Designation', 'designationId') });
  if (filter?.personId) qb.andWhere('e.person_id = :personId', { personId: id(filter.personId, 'Person', 'personId') });
  if (filter?.supportedSchoolId) qb.andWhere('e.supported_school_id = :supportedSchoolId', { supportedSchoolId: id(filter.supportedSchoolId, 'School', 'supportedSchoolId') });
  if (filter?.homeSchoolId) qb.andWhere('e.home_school_id = :homeSchoolId', { homeSchoolId: id(filter.homeSchoolId, 'School', 'homeSchoolId') });
  if (filter?.academicYear != null) qb.andWhere('e.academic_year = :academicYear', { academicYear: filter.academicYear });
  applyWhere(qb, DEPLOYMENT_WHERE, where);
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}
