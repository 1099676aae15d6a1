import { QueryFailedError } from 'typeorm';
import { englishDate } from '../../common/academic-year';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict, Forbidden } from '../../common/errors';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { Acting, actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { rowForChange } from '../../loaders/for-change';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { isCoordinator } from '../designations/designation.policy';
import { optionalText, requiredText } from '../people/person.validation';
import { ActingRole } from '../users/user-enums';
import { DeploymentStatus, SessionLength, SessionStatus } from './deployment-enums';
import { DeploymentSession } from './deployment-session.entity';
import { Deployment } from './deployment.entity';
import { throughDeploymentVisibleTo } from './deployment.policy';
import { visibleDeployment } from './deployment-store';
import { HOLDS_CAPACITY } from './lifecycle';
import { LogSessionInput, SubmitVisitRecordInput, UpdateSessionInput } from './sessions.inputs';
import { visitRecordDueOn } from './working-days';

const AUDITED = [
  'deploymentId', 'heldOn', 'length', 'hours', 'status', 'notes', 'deliveredOn', 'visitRecordDueOn', 'visitSummary', 'visitNextSteps', 'visitRecordSubmittedOn',
] as const;

const NOT_YOURS = 'sessions and visit records are logged by the system leader or the coordinator';

/** Sessions are logged on deployments that hold the system leader's time: AGREED or ACTIVE. */
const TAKES_SESSIONS: readonly DeploymentStatus[] = HOLDS_CAPACITY;

/** The system leader of this deployment, or the coordinator: as the second wall's policy on deployment_sessions. */
function mayLogSessions(acting: Acting, deployment: Pick<Deployment, 'personId'>): boolean {
  return isCoordinator(acting) || (acting.role === ActingRole.PRACTITIONER && acting.personId != null && acting.personId === deployment.personId);
}

function checkTakesSessions(deployment: Deployment): void {
  if (!TAKES_SESSIONS.includes(deployment.status)) {
    throw new Conflict(`sessions are logged on an AGREED or ACTIVE deployment; this deployment is ${deployment.status}`);
  }
}

/** A delivered session: on an ACTIVE deployment, and not in the future. */
function checkDelivered(deployment: Deployment, heldOn: string, field: string): void {
  if (deployment.status !== DeploymentStatus.ACTIVE) throw new Conflict(`a session is delivered on an ACTIVE deployment; this deployment is ${deployment.status}`);
  if (heldOn > englishDate()) throw new BadUserInput(`${field}: a delivered session cannot be dated in the future`, field);
}

function checkWithinDeployment(deployment: Deployment, heldOn: string, field: string): void {
  if ((deployment.startsOn && heldOn < deployment.startsOn) || (deployment.endsOn && heldOn > deployment.endsOn)) {
    throw new BadUserInput(`${field} must be within the deployment's dates, ${deployment.startsOn} to ${deployment.endsOn}`, field);
  }
}

function checkHours(length: SessionLength, hours: number | null | undefined): number | null {
  if (length !== SessionLength.HOURS) {
    if (hours != null) throw new BadUserInput(`input.hours is only for a session of HOURS; a ${length} is ${length === SessionLength.FULL_DAY ? 6 : 3} hours`, 'input.hours');
    return null;
  }
  if (hours == null) throw new BadUserInput('input.hours is required for a session of HOURS', 'input.hours');
  if (!(hours > 0 && hours <= 12) || Math.abs(hours * 100 - Math.round(hours * 100)) > 1e-6) {
    throw new BadUserInput('input.hours must be more than 0 and at most 12, to the hundredth of an hour', 'input.hours');
  }
  return hours;
}

/** Marks a session delivered: the day it was recorded, and its visit record's due date. */
function deliver(session: DeploymentSession): void {
  session.status = SessionStatus.DELIVERED;
  session.deliveredOn = englishDate();
  session.visitRecordDueOn = visitRecordDueOn(session.heldOn);
}

async function saveSession(tx: RequestContext, action: string, before: DeploymentSession | null, session: DeploymentSession): Promise<DeploymentSession> {
  let saved: DeploymentSession;
  try {
    saved = await tx.em.save(session);
  } catch (error) {
    // The deployment moved (was cancelled, put on hold) while this change waited for it: the database's check has the last word.
    const driverError = error instanceof QueryFailedError ? (error.driverError as { constraint?: string; message: string }) : undefined;
    if (driverError?.constraint === 'deployment_sessions_open_deployment') throw new Conflict(driverError.message);
    throw error;
  }
  await recordChange(tx, { action, objectType: 'DeploymentSession', objectId: saved.id, before, after: saved, fields: AUDITED });
  return saved;
}

/** A planned or delivered session of an agreed or active deployment, by its system leader or the coordinator. */
export function logSession(ctx: RequestContext, input: LogSessionInput): Promise<{ session: DeploymentSession; deployment: Deployment }> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const deployment = await visibleDeployment(tx, input.deploymentId);
    if (!mayLogSessions(acting, deployment)) throw new Forbidden(NOT_YOURS);
    const status = input.status ?? SessionStatus.PLANNED;
    if (status === SessionStatus.CANCELLED) throw new BadUserInput('input.status: a session is logged PLANNED or DELIVERED', 'input.status');
    const hours = checkHours(input.length, input.hours);
    checkTakesSessions(deployment);
    checkWithinDeployment(deployment, input.heldOn, 'input.heldOn');
    if (status === SessionStatus.DELIVERED) checkDelivered(deployment, input.heldOn, 'input.heldOn');
    const session = tx.em.create(DeploymentSession, {
      allianceId: deployment.allianceId, deploymentId: deployment.id, heldOn: input.heldOn, length: input.length, hours, status: SessionStatus.PLANNED,
      notes: optionalText(input.notes, 'input.notes', 4000), loggedByUserId: tx.viewer!.user.id, deliveredOn: null, visitRecordDueOn: null,
    });
    if (status === SessionStatus.DELIVERED) deliver(session);
    return { session: await saveSession(tx, 'logSession', null, session), deployment };
  });
}

/**
 * The session a change names, locked for the rest of the transaction, if the caller sees it; one the
 * caller sees but may not change (a head: the second wall lets them read it, not lock it) is FORBIDDEN.
 */
async function sessionForChange(tx: RequestContext, input: { sessionId: string; expectedVersion?: number | null }): Promise<{ session: DeploymentSession; deployment: Deployment }> {
  const acting = actingOf(tx);
  const id = expectGlobalId(input.sessionId, 'DeploymentSession', 'input.sessionId');
  const session = await rowForChange(tx, DeploymentSession, id, input.expectedVersion, { what: 'session', visible: throughDeploymentVisibleTo, forbidden: NOT_YOURS });
  const deployment = await visibleDeployment(tx, toGlobalId('Deployment', session.deploymentId));
  if (!mayLogSessions(acting, deployment)) throw new Forbidden(NOT_YOURS);
  return { session, deployment };
}

/** Marks a planned session delivered or cancelled, moves its date, or changes its notes. */
export function updateSession(ctx: RequestContext, input: UpdateSessionInput): Promise<{ session: DeploymentSession; deployment: Deployment }> {
  return inTransaction(ctx, async (tx) => {
    const { session, deployment } = await sessionForChange(tx, input);
    const before = { ...session } as DeploymentSession;
    const to = input.status ?? session.status;
    if (session.status !== to) {
      if (session.status === SessionStatus.DELIVERED) throw new Conflict(`a delivered session stays delivered: it cannot become ${to}`);
      if (session.status === SessionStatus.CANCELLED) throw new Conflict(`a cancelled session stays cancelled: log a new one instead of making it ${to}`);
      if (to === SessionStatus.PLANNED) throw new Conflict(`a ${session.status} session cannot become PLANNED`);
    }
    checkTakesSessions(deployment);
    if (input.heldOn != null && input.heldOn !== session.heldOn) {
      if (session.visitRecordSubmittedOn) throw new Conflict('the session has its visit record: its date no longer changes');
      checkWithinDeployment(deployment, input.heldOn, 'input.heldOn');
      session.heldOn = input.heldOn;
      if (session.status === SessionStatus.DELIVERED) {
        checkDelivered(deployment, session.heldOn, 'input.heldOn');
        session.visitRecordDueOn = visitRecordDueOn(session.heldOn);
      }
    }
    if (input.notes !== undefined && input.notes !== null) session.notes = optionalText(input.notes, 'input.notes', 4000);
    if (session.status !== to) {
      if (to === SessionStatus.DELIVERED) {
        checkDelivered(deployment, session.heldOn, input.heldOn != null ? 'input.heldOn' : 'input.status');
        deliver(session);
      } else session.status = to;
    }
    return { session: await saveSession(tx, 'updateSession', before, session), deployment };
  });
}

/** The visit record of a delivered session, once, submitted today by the system leader or the coordinator. */
export function submitVisitRecord(ctx: RequestContext, input: SubmitVisitRecordInput): Promise<{ session: DeploymentSession; deployment: Deployment }> {
  return inTransaction(ctx, async (tx) => {
    const { session, deployment } = await sessionForChange(tx, input);
    if (session.status !== SessionStatus.DELIVERED) throw new Conflict(`a visit record is for a delivered session; this session is ${session.status}`);
    if (session.visitRecordSubmittedOn) throw new Conflict(`a visit record is submitted once; this session's was submitted on ${session.visitRecordSubmittedOn}`);
    const before = { ...session } as DeploymentSession;
    session.visitSummary = requiredText(input.summary, 'input.summary', 8000);
    session.visitNextSteps = optionalText(input.nextSteps, 'input.nextSteps', 8000);
    session.visitRecordSubmittedOn = englishDate();
    session.visitRecordByUserId = tx.viewer!.user.id;
    return { session: await saveSession(tx, 'submitVisitRecord', before, session), deployment };
  });
}

/** Delivered sessions whose visit record is past its due date, oldest due first: the coordinator's list (the partial index deployment_sessions_visit_due). */
export function listOverdueVisitRecords(ctx: RequestContext, page: PageArgs) {
  actingOf(ctx);
  const qb =
    scopedQuery(ctx, DeploymentSession, { visible: throughDeploymentVisibleTo, where: `e.status = 'DELIVERED' AND e.visit_record_submitted_on IS NULL` }) ??
    ctx.em.createQueryBuilder(DeploymentSession, 'e').where('false');
  qb.andWhere('e.visit_record_due_on < :today', { today: englishDate() });
  return paginate(qb, page, [{ expression: 'e.visit_record_due_on', value: (s) => s.visitRecordDueOn!, kind: 'date' }]);
}
