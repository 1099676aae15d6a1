import { englishDate } from '../../common/academic-year';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { OrderDirection } from '../../common/order-direction';
import { paginate, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { rowForChange } from '../../loaders/for-change';
import { scopedQuery } from '../../loaders/helpers';
import { recordChange } from '../audit/audit.service';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { DesignationType } from '../designations/designation-enums';
import { supportRequestsVisibleTo } from '../deployments/deployment.policy';
import { optionalText, requiredText } from '../people/person.validation';
import { School } from '../schools/school.entity';
import { checkSupportRequestTransition } from './lifecycle';
import { CommissionerType, SupportRequestStatus } from './support-request-enums';
import { SupportRequest } from './support-request.entity';
import { CommissionerInput, CreateSupportRequestInput, EndSupportRequestInput, SupportRequestFilter, SupportRequestOrder, SupportRequestOrderField } from './support-requests.inputs';
import { applyWhere } from '../../common/where/where';
import { SUPPORT_REQUEST_WHERE } from '../../common/where/lists';

export const SUPPORT_REQUEST_AUDITED_FIELDS = [
  'status', 'commissionerType', 'commissionerName', 'commissionerSchoolId', 'commissionerLaCode', 'commissionerGroupCode', 'supportedSchoolId', 'needs',
  'areaIds', 'designationType', 'desiredOutcomes', 'preferredStart', 'fundingSource', 'receivedOn', 'closedOn', 'closeReason',
] as const;

const DFE = 'Department for Education';

async function schoolByUrn(ctx: RequestContext, urn: string, field: string): Promise<School> {
  if (!/^\d{6}$/.test(urn.trim())) throw new BadUserInput(`${field} is a 6-digit URN`, field);
  const school = await ctx.loaders.schoolByUrn.load(urn.trim());
  if (!school) throw new BadUserInput(`no school has URN ${urn.trim()}`, field);
  return school;
}

/** A name the register knows for a code, or null. */
async function registerName(ctx: RequestContext, codeColumn: 'la_code' | 'trust_code' | 'diocese_code', code: string): Promise<string | null> {
  const nameColumn = codeColumn.replace('code', 'name');
  const [row]: { name: string }[] = await ctx.em.query(`SELECT ${nameColumn} AS name FROM schools WHERE ${codeColumn} = $1 AND ${nameColumn} IS NOT NULL LIMIT 1`, [code]);
  return row?.name ?? null;
}

/** The commissioning body as stored: named from the register where it can be, by the caller where it cannot. */
async function commissioner(ctx: RequestContext, input: CommissionerInput, supported: School) {
  const field = 'input.commissioner';
  const given = optionalText(input.name, `${field}.name`, 200);
  const named = (name: string | null) => {
    if (!name) throw new BadUserInput(`${field}.name is required for a ${input.type} commissioner the register does not name`, `${field}.name`);
    return name;
  };
  switch (input.type) {
    case CommissionerType.SCHOOL: {
      const school = input.schoolUrn ? await schoolByUrn(ctx, input.schoolUrn, `${field}.schoolUrn`) : supported;
      return { commissionerName: school.name, commissionerSchoolId: school.id };
    }
    case CommissionerType.LOCAL_AUTHORITY: {
      const laCode = input.laCode?.trim() ?? '';
      if (!/^\d{3}$/.test(laCode)) throw new BadUserInput(`${field}.laCode is a 3-digit DfE local authority code`, `${field}.laCode`);
      return { commissionerName: given ?? named(await registerName(ctx, 'la_code', laCode)), commissionerLaCode: laCode };
    }
    case CommissionerType.ACADEMY_TRUST:
    case CommissionerType.DIOCESE: {
      const groupCode = optionalText(input.groupCode, `${field}.groupCode`, 8);
      const known = groupCode ? await registerName(ctx, input.type === CommissionerType.DIOCESE ? 'diocese_code' : 'trust_code', groupCode) : null;
      if (groupCode && !known && !given) throw new BadUserInput(`no ${input.type === CommissionerType.DIOCESE ? 'diocese' : 'trust'} has GIAS code ${groupCode}; give its name`, `${field}.groupCode`);
      return { commissionerName: given ?? named(known), commissionerGroupCode: groupCode };
    }
    case CommissionerType.DFE:
      return { commissionerName: given ?? DFE };
    case CommissionerType.ALLIANCE:
      return { commissionerName: (await ctx.loaders.allianceById.load(actingOf(ctx).allianceId))!.name };
    default:
      return { commissionerName: named(given) };
  }
}

const texts = (values: readonly string[] | null | undefined, field: string) => (values ?? []).map((v, i) => requiredText(v, `${field}[${i}]`, 1000));

export function createSupportRequest(ctx: RequestContext, input: CreateSupportRequestInput): Promise<SupportRequest> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const supported = await schoolByUrn(tx, input.supportedSchoolUrn, 'input.supportedSchoolUrn');
    const receivedOn = input.receivedOn ?? englishDate();
    if (receivedOn > englishDate()) throw new BadUserInput('input.receivedOn must not be in the future', 'input.receivedOn');
    const request = tx.em.create(SupportRequest, {
      allianceId: acting.allianceId,
      commissionerType: input.commissioner.type,
      ...(await commissioner(tx, input.commissioner, supported)),
      supportedSchoolId: supported.id,
      needs: requiredText(input.needs, 'input.needs', 4000),
      areaIds: input.areas?.length ? await resolveAreaLabels(tx, input.areas, 'input.areas') : [],
      designationType: input.designationType ?? DesignationType.SLE,
      desiredOutcomes: texts(input.desiredOutcomes, 'input.desiredOutcomes'),
      preferredStart: input.preferredStart ?? null,
      fundingSource: optionalText(input.fundingSource, 'input.fundingSource', 200),
      status: SupportRequestStatus.OPEN,
      receivedOn,
      createdByUserId: acting.userId,
    });
    const saved = await tx.em.save(request);
    await recordChange(tx, { action: 'createSupportRequest', objectType: 'SupportRequest', objectId: saved.id, before: null, after: saved, fields: SUPPORT_REQUEST_AUDITED_FIELDS });
    return saved;
  });
}

/** The request a change names, locked, if the caller may see it, at the version they read. */
export function supportRequestForChange(tx: RequestContext, id: string, expectedVersion: number | null | undefined, field = 'input.supportRequestId'): Promise<SupportRequest> {
  return lockedSupportRequest(tx, expectGlobalId(id, 'SupportRequest', field), expectedVersion);
}

/** A request by its row id, locked: a deployment's move carries its request along. */
export function lockedSupportRequest(tx: RequestContext, requestId: string, expectedVersion?: number | null): Promise<SupportRequest> {
  return rowForChange(tx, SupportRequest, requestId, expectedVersion, { what: 'support request', visible: supportRequestsVisibleTo, forbidden: 'only the coordinator changes a support request' });
}

/** Moves a request and audits the move, in the caller's transaction. */
export async function moveSupportRequest(tx: RequestContext, request: SupportRequest, to: SupportRequestStatus, action: string, reason?: string | null): Promise<SupportRequest> {
  checkSupportRequestTransition(request.status, to, action);
  const before = { ...request } as SupportRequest;
  request.status = to;
  if (to === SupportRequestStatus.CLOSED || to === SupportRequestStatus.WITHDRAWN) {
    request.closedOn = englishDate();
    request.closeReason = reason ?? null;
  }
  const saved = await tx.em.save(request);
  await recordChange(tx, { action, objectType: 'SupportRequest', objectId: saved.id, before, after: saved, fields: SUPPORT_REQUEST_AUDITED_FIELDS });
  return saved;
}

export function endSupportRequest(ctx: RequestContext, input: EndSupportRequestInput, to: SupportRequestStatus.CLOSED | SupportRequestStatus.WITHDRAWN): Promise<SupportRequest> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const request = await supportRequestForChange(tx, input.supportRequestId, input.expectedVersion);
    const [live]: { n: number }[] = await tx.em.query(
      `SELECT count(*)::int AS n FROM deployments WHERE support_request_id = $1 AND status IN ('PROPOSED', 'AGREED', 'ACTIVE', 'ON_HOLD')`,
      [request.id],
    );
    if (live.n > 0) throw new Conflict(`the request has ${live.n} deployment${live.n === 1 ? '' : 's'} still proposed, agreed, active or on hold: complete, decline or cancel them first`);
    const reason = to === SupportRequestStatus.WITHDRAWN ? requiredText(input.reason ?? '', 'input.reason', 4000) : optionalText(input.reason, 'input.reason', 4000);
    return moveSupportRequest(tx, request, to, to === SupportRequestStatus.CLOSED ? 'closeSupportRequest' : 'withdrawSupportRequest', reason);
  });
}

/** Nullable dates as the far future: last in ascending order. */
const SORTS: SortKeyTable<SupportRequestOrderField, SupportRequest> = {
  [SupportRequestOrderField.RECEIVED_ON]: { expression: 'e.received_on', value: (r) => r.receivedOn, kind: 'date', columns: ['receivedOn'] },
  [SupportRequestOrderField.PREFERRED_START]: { expression: "coalesce(e.preferred_start, DATE '9999-12-31')", value: (r) => r.preferredStart ?? '9999-12-31', kind: 'date', columns: ['preferredStart'] },
  // Milliseconds, as a cursor carries them.
  [SupportRequestOrderField.UPDATED_AT]: { expression: "date_trunc('milliseconds', e.updated_at)", value: (r) => r.updatedAt.toISOString(), kind: 'timestamp', columns: ['updatedAt'] },
};
const DEFAULT_ORDER = [{ field: SupportRequestOrderField.RECEIVED_ON, direction: OrderDirection.DESC }];

/** The requests the caller may see, newest first unless asked otherwise. */
export function listSupportRequests(
  ctx: RequestContext,
  filter: SupportRequestFilter | null | undefined,
  page: PageArgs,
  where?: object | null,
  order?: readonly SupportRequestOrder[] | null,
) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, SupportRequest, { visible: supportRequestsVisibleTo }) ?? ctx.em.createQueryBuilder(SupportRequest, 'e').where('false');
  if (filter?.statuses?.length) qb.andWhere('e.status = ANY(:statuses)', { statuses: filter.statuses });
  if (filter?.commissionerTypes?.length) qb.andWhere('e.commissioner_type = ANY(:commissionerTypes)', { commissionerTypes: filter.commissionerTypes });
  if (filter?.supportedSchoolId) qb.andWhere('e.supported_school_id = :supportedSchoolId', { supportedSchoolId: expectGlobalId(filter.supportedSchoolId, 'School', 'filter.supportedSchoolId') });
  applyWhere(qb, SUPPORT_REQUEST_WHERE, where);
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}
