import { QueryFailedError } from 'typeorm';
import { englishDate } from '../../common/academic-year';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../../common/errors';
import { expectGlobalId, toGlobalId } from '../../common/global-id';
import { paginate } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { rowForChange } from '../../loaders/for-change';
import { scopedQuery } from '../../loaders/helpers';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { recordChange } from '../audit/audit.service';
import { optionalText, requiredText } from '../people/person.validation';
import { ActingRole } from '../users/user-enums';
import { pence, researchFunding, ResearchFundingFigures, storedAcademicYear, takeBudget } from './budget';
import { ChooseResearchInterestInput, CloseResearchCallInput, CreateResearchCallInput, DeclineResearchInterestInput, ExpressResearchInterestInput, ResearchCallFilter, SetResearchBudgetInput } from './calls.inputs';
import { ResearchCallStatus, ResearchInterestOutcome, ResearchStatus } from './research-enums';
import { ResearchCall } from './research-call.entity';
import { ResearchInterest } from './research-interest.entity';
import { ResearchProject } from './research-project.entity';
import { insertResearchProject, keyStagesOf, memberSchool, titleOf } from './research-projects.service';
import { researchBudgetsVisibleTo, researchInterestsVisibleTo, researchVisibleTo } from './research.policy';

const CALL_AUDITED_FIELDS = ['title', 'description', 'academicYear', 'fundingType', 'fundingPence', 'areaIds', 'keyStages', 'closesOn', 'status', 'commissionedBySchoolId'] as const;
const INTEREST_AUDITED_FIELDS = ['callId', 'personId', 'statement', 'submittedOn', 'outcome', 'projectId'] as const;

/** A member school of the alliance by id or URN: createResearchProject's rule, shared. */
async function commissioningSchool(tx: RequestContext, input: CreateResearchCallInput): Promise<string | null> {
  if (!input.commissionedBySchool) return null;
  return memberSchool(tx, input.commissionedBySchool, 'input.commissionedBySchool');
}

export function createResearchCall(ctx: RequestContext, input: CreateResearchCallInput): Promise<ResearchCall> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const today = englishDate();
    if (input.closesOn < today) throw new BadUserInput(`input.closesOn must not be in the past (today is ${today})`, 'input.closesOn');
    const call = tx.em.create(ResearchCall, {
      allianceId: acting.allianceId,
      title: titleOf(input.title, 'input.title'),
      description: optionalText(input.description, 'input.description', 10000),
      academicYear: storedAcademicYear(input.academicYear, 'input.academicYear'),
      fundingType: input.funding.type,
      fundingPence: pence(input.funding.pence, 'input.funding.pence'),
      areaIds: input.areas?.length ? await resolveAreaLabels(tx, input.areas, 'input.areas') : [],
      keyStages: keyStagesOf(input.keyStages ?? []),
      closesOn: input.closesOn,
      status: ResearchCallStatus.OPEN,
      commissionedBySchoolId: await commissioningSchool(tx, input),
    });
    const saved = await tx.em.save(call);
    await recordChange(tx, { action: 'createResearchCall', objectType: 'ResearchCall', objectId: saved.id, before: null, after: saved, fields: CALL_AUDITED_FIELDS });
    return saved;
  });
}

/** The alliance's calls, latest closing date first, filtered in SQL before paging. */
export function listResearchCalls(ctx: RequestContext, filter: ResearchCallFilter | null | undefined, page: PageArgs) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, ResearchCall, { visible: researchVisibleTo }) ?? ctx.em.createQueryBuilder(ResearchCall, 'e').where('false');
  if (filter?.statuses?.length) qb.andWhere('e.status = ANY(CAST(:statuses AS research_call_status[]))', { statuses: filter.statuses });
  if (filter?.academicYear != null) qb.andWhere('e.academic_year = :academicYear', { academicYear: filter.academicYear });
  return paginate(qb, page, [{ expression: 'e.closes_on', value: (c) => c.closesOn, direction: 'DESC', kind: 'date' }]);
}

async function visibleCall(tx: RequestContext, callId: string, field: string | null, lock = false): Promise<ResearchCall> {
  const id = field ? expectGlobalId(callId, 'ResearchCall', field) : callId;
  const qb = scopedQuery(tx, ResearchCall, { visible: researchVisibleTo })?.andWhere('e.id = :id', { id });
  const call = await (lock ? qb?.setLock('pessimistic_write') : qb)?.getOne();
  if (!call) throw new NotFound('research call');
  return call;
}

/**
 * (rule) A practitioner expresses interest in an OPEN call of their alliance, on or before its
 * closing date, once, and only while they hold an ACTIVE Lead Practitioner designation there.
 */
export function expressResearchInterest(ctx: RequestContext, input: ExpressResearchInterestInput): Promise<ResearchInterest> {
  const acting = actingOf(ctx);
  if (acting.role !== ActingRole.PRACTITIONER || !acting.personId) throw new Forbidden('a Lead Practitioner expresses interest as themself');
  return inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, input.callId, 'input.callId');
    const statement = requiredText(input.statement, 'input.statement', 4000);
    const today = englishDate();
    if (call.status !== ResearchCallStatus.OPEN) throw new Conflict('this call is closed: it takes no more expressions of interest', { rule: 'CALL_OPEN' });
    if (today > call.closesOn) throw new Conflict(`this call closed on ${call.closesOn}: it takes no more expressions of interest`, { rule: 'CLOSING_DATE', closesOn: call.closesOn });
    const lp: unknown[] = await tx.em.query(
      `SELECT 1 FROM designations WHERE alliance_id = $1 AND person_id = $2 AND type = 'LP' AND status = 'ACTIVE' LIMIT 1`,
      [acting.allianceId, acting.personId],
    );
    if (!lp.length) throw new Conflict('only a practitioner with an ACTIVE Lead Practitioner (LP) designation in this alliance expresses interest in a call', { rule: 'LP_DESIGNATION' });
    const interest = tx.em.create(ResearchInterest, { allianceId: acting.allianceId, callId: call.id, personId: acting.personId!, statement, submittedOn: today, outcome: null, projectId: null });
    let saved: ResearchInterest;
    try {
      saved = await tx.em.save(interest);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new Conflict('you have already expressed interest in this call: once per call', { rule: 'ONCE_PER_CALL' });
      }
      // The call was closed while this waited for it (the database's check, under the call's lock).
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'research_interests_open_call') {
        throw new Conflict('this call is closed: it takes no more expressions of interest', { rule: 'CALL_OPEN' });
      }
      throw error;
    }
    await recordChange(tx, { action: 'expressResearchInterest', objectType: 'ResearchInterest', objectId: saved.id, before: null, after: saved, fields: INTEREST_AUDITED_FIELDS });
    return saved;
  });
}

/** An expression of interest the coordinator decides, locked, with its call locked first (the order every decision takes). */
async function interestToDecide(tx: RequestContext, interestId: string): Promise<{ interest: ResearchInterest; call: ResearchCall }> {
  const id = expectGlobalId(interestId, 'ResearchInterest', 'input.interestId');
  const query = () => scopedQuery(tx, ResearchInterest, { visible: researchInterestsVisibleTo })?.andWhere('e.id = :id', { id });
  const seen = await query()?.getOne();
  if (!seen) throw new NotFound('expression of interest');
  const call = await visibleCall(tx, seen.callId, null, true);
  const interest = (await query()!.setLock('pessimistic_write').getOne())!;
  if (interest.outcome) throw new Conflict(`this expression of interest is already ${interest.outcome}`, { rule: 'DECIDED_ONCE' });
  return { interest, call };
}

async function decide(tx: RequestContext, action: string, interest: ResearchInterest, outcome: ResearchInterestOutcome, projectId: string | null): Promise<ResearchInterest> {
  const before = { ...interest } as ResearchInterest;
  await tx.em.query(`UPDATE research_interests SET outcome = $2, project_id = $3 WHERE id = $1`, [interest.id, outcome, projectId]);
  Object.assign(interest, { outcome, projectId });
  await recordChange(tx, { action, objectType: 'ResearchInterest', objectId: interest.id, before, after: interest, fields: INTEREST_AUDITED_FIELDS });
  return interest;
}

/**
 * The coordinator chooses an expression of interest: it is CHOSEN, and the project it creates is
 * APPROVED, led by the person interested, with the call's funding (against the budget of the call's
 * academic year), areas, key stages and commissioning school, in the same transaction. One project
 * per call.
 */
export function chooseResearchInterest(ctx: RequestContext, input: ChooseResearchInterestInput): Promise<{ researchInterest: ResearchInterest; researchProject: ResearchProject }> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const { interest, call } = await interestToDecide(tx, input.interestId);
    if (call.status !== ResearchCallStatus.OPEN) throw new Conflict('this call is closed: its interests are decided', { rule: 'CALL_OPEN' });
    const chosen: unknown[] = await tx.em.query(`SELECT 1 FROM research_interests WHERE call_id = $1 AND outcome = 'CHOSEN' LIMIT 1`, [call.id]);
    if (chosen.length) throw new Conflict('this call has already had an expression of interest chosen: one project per call', { rule: 'ONE_PROJECT_PER_CALL' });
    const title = input.title != null ? titleOf(input.title, 'input.title') : call.title;
    const override = await takeBudget(tx, { academicYear: call.academicYear, pence: call.fundingPence }, optionalText(input.budgetOverrideReason, 'input.budgetOverrideReason', 4000));
    const project = await insertResearchProject(
      tx, 'chooseResearchInterest', { title, methodology: input.methodology, status: ResearchStatus.APPROVED, callId: call.id },
      {
        researchQuestion: input.researchQuestion, abstract: input.abstract, leadIds: [toGlobalId('Person', interest.personId)], contributorIds: input.contributorIds ?? [], schools: input.schools,
        keywords: input.keywords, startsOn: input.startsOn, endsOn: input.endsOn,
      },
      {
        fundingType: call.fundingType, fundingPence: call.fundingPence, fundingAcademicYear: call.academicYear, areaIds: [...call.areaIds], keyStages: [...call.keyStages],
        commissionedBySchoolId: call.commissionedBySchoolId,
      },
      override,
    );
    return { researchInterest: await decide(tx, 'chooseResearchInterest', interest, ResearchInterestOutcome.CHOSEN, project.id), researchProject: project };
  });
}

export function declineResearchInterest(ctx: RequestContext, input: DeclineResearchInterestInput): Promise<ResearchInterest> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const { interest } = await interestToDecide(tx, input.interestId);
    return decide(tx, 'declineResearchInterest', interest, ResearchInterestOutcome.NOT_CHOSEN, null);
  });
}

/** Closes a call: it takes no more interest, and those not chosen are NOT_CHOSEN. */
export function closeResearchCall(ctx: RequestContext, input: CloseResearchCallInput): Promise<ResearchCall> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const id = expectGlobalId(input.callId, 'ResearchCall', 'input.callId');
    const call = await rowForChange(tx, ResearchCall, id, input.expectedVersion, { what: 'research call', visible: researchVisibleTo, forbidden: 'only the coordinator closes a call' });
    if (call.status === ResearchCallStatus.CLOSED) throw new Conflict('this call is already CLOSED');
    const before = { ...call } as ResearchCall;
    call.status = ResearchCallStatus.CLOSED;
    const saved = await tx.em.save(call);
    const undecided: { id: string }[] = await tx.em.query(`SELECT id FROM research_interests WHERE call_id = $1 AND outcome IS NULL ORDER BY id FOR UPDATE`, [call.id]);
    for (const row of undecided) {
      const interest = (await scopedQuery(tx, ResearchInterest, { visible: researchInterestsVisibleTo, wholeRow: true })!.andWhere('e.id = :id', { id: row.id }).getOne())!;
      await decide(tx, 'closeResearchCall', interest, ResearchInterestOutcome.NOT_CHOSEN, null);
    }
    await recordChange(tx, { action: 'closeResearchCall', objectType: 'ResearchCall', objectId: saved.id, before, after: saved, fields: CALL_AUDITED_FIELDS });
    return saved;
  });
}

/** Sets (or changes) the alliance's research budget for an academic year. */
export function setResearchBudget(ctx: RequestContext, input: SetResearchBudgetInput): Promise<ResearchFundingFigures> {
  const acting = actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const academicYear = storedAcademicYear(input.academicYear, 'input.academicYear');
    const budgetPence = pence(input.budgetPence, 'input.budgetPence');
    const [before]: { id: string; budget_pence: number }[] = await tx.em.query(
      `SELECT id, budget_pence FROM research_budgets WHERE alliance_id = $1 AND academic_year = $2 FOR UPDATE`, [acting.allianceId, academicYear],
    );
    let id = before?.id;
    if (before) {
      await tx.em.query(`UPDATE research_budgets SET budget_pence = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [before.id, budgetPence]);
    } else {
      [{ id }] = await tx.em.query(`INSERT INTO research_budgets (alliance_id, academic_year, budget_pence) VALUES ($1, $2, $3) RETURNING id`, [acting.allianceId, academicYear, budgetPence]);
    }
    await recordChange(tx, {
      action: 'setResearchBudget', objectType: 'ResearchBudget', objectId: id!, before: before ? { academicYear, budgetPence: before.budget_pence } : null,
      after: { academicYear, budgetPence }, fields: ['academicYear', 'budgetPence'],
    });
    return researchFunding(tx, academicYear);
  });
}

/** The coordinator's view of a year's research budget. */
export function researchFundingOf(ctx: RequestContext, academicYear: number): Promise<ResearchFundingFigures> {
  const acting = actingOf(ctx);
  if (researchBudgetsVisibleTo(acting) === 'none') throw new Forbidden('the research budget is the coordinator\'s');
  return researchFunding(ctx, storedAcademicYear(academicYear, 'academicYear'));
}
