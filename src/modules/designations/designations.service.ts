import { optionalText, requiredText } from '../people/person.validation';
import { PageArgs } from '../../common/connection';
import { addYears, earlier } from '../../common/dates';
import { expectGlobalId } from '../../common/global-id';
import { OrderDirection } from '../../common/order-direction';
import { paginate, SortKey, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { DesignationStatus, DesignationType } from './designation-enums';
import { designationForChange, ineligible, pastDay, saveDesignation } from './designation-store';
import { Designation } from './designation.entity';
import { designationsVisibleTo } from './designation.policy';
import { DesignateInput, DesignationFilter, DesignationOrder, DesignationOrderField, EndDesignationInput } from './designations.inputs';
import { Checkpoint, unmetRules } from './eligibility';
import { checkTransition, moverOf } from './lifecycle';
import { BadUserInput } from '../../common/errors';
import { applyWhere } from '../../common/where/where';
import { DESIGNATION_WHERE } from '../../common/where/lists';

/** A Lead Practitioner's accreditation lasts three years (DOMAIN.md). */
export const LP_ACCREDITATION_YEARS = 3;

/** The review date of a designation starting (or continuing) on a day: the alliance's period, or an LP's accreditation if sooner. */
export function reviewDates(type: DesignationType, from: string, reviewPeriodYears: number): { reviewDueOn: string; accreditationExpiresOn: string | null } {
  const periodic = addYears(from, reviewPeriodYears);
  if (type !== DesignationType.LP) return { reviewDueOn: periodic, accreditationExpiresOn: null };
  const expires = addYears(from, LP_ACCREDITATION_YEARS);
  return { reviewDueOn: earlier(periodic, expires), accreditationExpiresOn: expires };
}

export function designate(ctx: RequestContext, input: DesignateInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    checkTransition(d.status, DesignationStatus.ACTIVE, 'designate', moverOf(acting, d.personId));
    const before = { ...d } as Designation;
    const alliance = (await tx.loaders.allianceById.load(d.allianceId))!;
    if (d.type === DesignationType.LP) d.accreditingBody = optionalText(input.accreditingBody, 'input.accreditingBody', 200) ?? d.accreditingBody ?? alliance.name;
    const designatedOn = pastDay(input.designatedOn, 'input.designatedOn', { day: d.approvedOn, what: 'the approval' });
    const person = await tx.loaders.personFactsById.load(d.personId);
    const unmet = await unmetRules(tx, { person: person!, designation: d, on: designatedOn }, Checkpoint.DESIGNATION);
    if (unmet.length) throw ineligible(`${d.type} designation refused`, unmet, { code: 'CONFLICT' });
    d.status = DesignationStatus.ACTIVE;
    d.designatedOn = designatedOn;
    Object.assign(d, reviewDates(d.type, designatedOn, alliance.reviewPeriodYears));
    return saveDesignation(tx, 'designate', before, d);
  });
}

export function endDesignation(ctx: RequestContext, input: EndDesignationInput): Promise<Designation> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const d = await designationForChange(tx, input);
    const to = DesignationStatus[input.status];
    checkTransition(d.status, to, 'endDesignation', moverOf(acting, d.personId));
    const before = { ...d } as Designation;
    d.status = to;
    d.endedOn = pastDay(input.endedOn, 'input.endedOn', { day: d.designatedOn, what: 'the designation' });
    d.endReason = requiredText(input.reason ?? '', 'input.reason', 4000);
    return saveDesignation(tx, 'endDesignation', before, d);
  });
}

/** Nullable dates sort as the far future: last ascending, first descending. */
const dateKey = (column: string, property: keyof Designation): Omit<SortKey<Designation>, 'direction'> => ({
  expression: `coalesce(e.${column}, DATE '9999-12-31')`,
  value: (d) => (d[property] as string | null) ?? '9999-12-31',
  kind: 'date',
  columns: [property],
});

const SORTS: SortKeyTable<DesignationOrderField, Designation> = {
  [DesignationOrderField.APPLIED_ON]: { expression: 'e.applied_on', value: (d) => d.appliedOn, kind: 'date', columns: ['appliedOn'] },
  [DesignationOrderField.DESIGNATED_ON]: dateKey('designated_on', 'designatedOn'),
  [DesignationOrderField.REVIEW_DUE_ON]: dateKey('review_due_on', 'reviewDueOn'),
  // Milliseconds, as a cursor carries them.
  [DesignationOrderField.UPDATED_AT]: { expression: "date_trunc('milliseconds', e.updated_at)", value: (d) => d.updatedAt.toISOString(), kind: 'timestamp', columns: ['updatedAt'] },
};
const DEFAULT_ORDER = [{ field: DesignationOrderField.APPLIED_ON, direction: OrderDirection.ASC }];

/** The directory: the designations the caller may see, filtered in SQL before paging. */
export async function listDesignations(ctx: RequestContext, filter: DesignationFilter | null | undefined, order: readonly DesignationOrder[] | null | undefined, page: PageArgs, where?: object | null) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, Designation, { visible: designationsVisibleTo }) ?? ctx.em.createQueryBuilder(Designation, 'e').where('false');
  if (filter?.types?.length) qb.andWhere('e.type = ANY(:types)', { types: filter.types });
  if (filter?.statuses?.length) qb.andWhere('e.status = ANY(:statuses)', { statuses: filter.statuses });
  if (filter?.areas?.length) qb.andWhere('e.area_ids && CAST(:areaIds AS uuid[])', { areaIds: await resolveAreaLabels(ctx, filter.areas, 'filter.areas') });
  if (filter?.phases?.length) qb.andWhere('e.phases && CAST(:phases AS education_phase[])', { phases: filter.phases });
  if (filter?.schoolId) {
    qb.andWhere('e.person_id IN (SELECT p.id FROM people p WHERE p.school_id = :schoolId)', { schoolId: expectGlobalId(filter.schoolId, 'School', 'filter.schoolId') });
  }
  if (filter?.laCode) {
    if (!/^\d{3}$/.test(filter.laCode)) throw new BadUserInput('filter.laCode is a 3-digit DfE local authority code', 'filter.laCode');
    qb.andWhere('e.person_id IN (SELECT p.id FROM people p JOIN schools s ON s.id = p.school_id WHERE s.la_code = :laCode)', { laCode: filter.laCode });
  }
  if (filter?.reviewDueBefore) qb.andWhere('e.review_due_on < :reviewDueBefore', { reviewDueBefore: filter.reviewDueBefore });
  if (filter?.roundId) qb.andWhere('e.round_id = :roundId', { roundId: expectGlobalId(filter.roundId, 'RecruitmentRound', 'filter.roundId') });
  if (filter?.personId) qb.andWhere('e.person_id = :personId', { personId: expectGlobalId(filter.personId, 'Person', 'filter.personId') });
  applyWhere(qb, DESIGNATION_WHERE, where);
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}
