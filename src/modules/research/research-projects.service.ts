import { QueryFailedError } from 'typeorm';
import { PageArgs } from '../../common/connection';
import { BadUserInput, Forbidden } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { OrderDirection } from '../../common/order-direction';
import { paginate, SortKeyTable, sortKeysOf } from '../../common/paginate';
import { actingOf, RequestContext } from '../../context/context';
import { inTransaction } from '../../context/transaction';
import { scopedQuery } from '../../loaders/helpers';
import { currentMembership } from '../alliances/current-membership';
import { resolveAreaLabels } from '../areas-of-expertise/areas-of-expertise.service';
import { recordChange } from '../audit/audit.service';
import { isCoordinator } from '../designations/designation.policy';
import { optionalText, requiredText } from '../people/person.validation';
import { ActingRole } from '../users/user-enums';
import { pence, storedAcademicYear, takeBudget } from './budget';
import { checkResearchTransition } from './lifecycle';
import { KeyStage, ResearchFundingType, ResearchMemberRole, ResearchMethodology, ResearchStatus as S, ResearchVisibility } from './research-enums';
import { ResearchProject } from './research-project.entity';
import {
  CreateResearchProjectInput, ResearchFundingInput, ResearchProjectFilter, ResearchProjectOrder, ResearchProjectOrderField, ResearchProjectTermsInput, ResearchSchoolInput,
  TransitionResearchProjectInput, UpdateResearchProjectInput,
} from './research-projects.inputs';
import { researchMoverOf, researchProjectForChange, saveResearchProject, snapshotProject } from './research-store';
import { researchVisibleTo } from './research.policy';
import { applyWhere } from '../../common/where/where';
import { RESEARCH_PROJECT_WHERE } from '../../common/where/lists';

const MAX_TITLE = 300;
const MAX_KEYWORDS = 30;
const MAX_PEOPLE = 50;
const MAX_SCHOOLS = 50;
/** Statuses whose funding counts against the budget. */
const SPENDS = (status: S) => status !== S.WITHDRAWN && status !== S.REJECTED;

/** Who leads and contributes, and where: what a change records besides the project's own columns. */
interface ProjectLists {
  leadIds: string[];
  contributorIds: string[];
  schoolIds: string[];
}

/** The audit row of what a change did besides the project's columns: its people, its schools, a budget override, a reason. */
async function recordListsAndReasons(tx: RequestContext, action: string, projectId: string, before: Partial<ProjectLists> | null, after: Partial<ProjectLists> & { budgetOverrideReason?: string | null; reason?: string | null }) {
  await recordChange(tx, {
    action, objectType: 'ResearchProject', objectId: projectId, before: before ? { ...before, budgetOverrideReason: null, reason: null } : null,
    after: { budgetOverrideReason: null, reason: null, ...before, ...after }, fields: ['leadIds', 'contributorIds', 'schoolIds', 'budgetOverrideReason', 'reason'],
  });
}

/** A member school of the acting alliance, named by id or URN (one of the two), as its row id. */
export async function memberSchool(tx: RequestContext, ref: ResearchSchoolInput, field: string): Promise<string> {
  if (Boolean(ref.id) === Boolean(ref.urn)) throw new BadUserInput(`${field} names a school by id or by URN, one of the two`, field);
  let schoolId: string | undefined;
  if (ref.id) {
    schoolId = expectGlobalId(ref.id, 'School', `${field}.id`);
  } else {
    const urn = ref.urn!.trim();
    if (!/^\d{6}$/.test(urn)) throw new BadUserInput(`${field}.urn is a 6-digit URN`, `${field}.urn`);
    schoolId = (await tx.loaders.schoolByUrn.load(urn))?.id;
    if (!schoolId) throw new BadUserInput(`no school has URN ${urn}`, `${field}.urn`);
  }
  const [member] = await tx.em.query(
    `SELECT 1 FROM alliance_school_memberships m WHERE m.alliance_id = $1 AND m.school_id = $2 AND ${currentMembership('m')}`,
    [actingOf(tx).allianceId, schoolId],
  );
  if (!member) throw new BadUserInput(`${field} is not a member school of the alliance`, ref.id ? `${field}.id` : `${field}.urn`);
  return schoolId;
}

async function memberSchools(tx: RequestContext, refs: readonly ResearchSchoolInput[], field: string): Promise<string[]> {
  if (refs.length > MAX_SCHOOLS) throw new BadUserInput(`${field} takes at most ${MAX_SCHOOLS} schools`, field);
  const ids: string[] = [];
  for (const [i, ref] of refs.entries()) {
    const id = await memberSchool(tx, ref, `${field}[${i}]`);
    if (ids.includes(id)) throw new BadUserInput(`${field}[${i}] names a school already given`, `${field}[${i}]`);
    ids.push(id);
  }
  return ids;
}

function personIds(ids: readonly string[], field: string): string[] {
  if (ids.length > MAX_PEOPLE) throw new BadUserInput(`${field} takes at most ${MAX_PEOPLE} people`, field);
  const rowIds = ids.map((id, i) => expectGlobalId(id, 'Person', `${field}[${i}]`));
  const repeat = rowIds.findIndex((id, i) => rowIds.indexOf(id) !== i);
  if (repeat >= 0) throw new BadUserInput(`${field}[${repeat}] names a person already given`, `${field}[${repeat}]`);
  return rowIds;
}

/** Keywords trimmed, each given once whatever its case (the first spelling kept). */
export function keywordsOf(values: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const [i, value] of values.entries()) {
    const keyword = requiredText(value, `${field}[${i}]`, 100);
    if (seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    kept.push(keyword);
  }
  if (kept.length > MAX_KEYWORDS) throw new BadUserInput(`${field} takes at most ${MAX_KEYWORDS} keywords`, field);
  return kept;
}

export const keyStagesOf = (values: readonly KeyStage[]): KeyStage[] => [...new Set(values)];

export function fundingOf(input: ResearchFundingInput, field: string): { fundingType: ResearchFundingType; fundingPence: number; fundingAcademicYear: number } {
  return { fundingType: input.type, fundingPence: pence(input.pence, `${field}.pence`), fundingAcademicYear: storedAcademicYear(input.academicYear, `${field}.academicYear`) };
}

export const titleOf = (title: string, field: string) => requiredText(title, field, MAX_TITLE);

/**
 * Applies the terms given to a project (new or not): text, areas, key stages, keywords, dates,
 * commissioning and funding, each checked and named when wrong. Returns the lists given (people and
 * schools), resolved and checked, for writeLists.
 */
async function applyTerms(tx: RequestContext, project: ResearchProject, input: ResearchProjectTermsInput, current: ProjectLists | null): Promise<Partial<ProjectLists>> {
  const acting = actingOf(tx);
  const coordinator = isCoordinator(acting);
  if (input.researchQuestion !== undefined) project.researchQuestion = optionalText(input.researchQuestion, 'input.researchQuestion', 2000);
  if (input.abstract !== undefined) project.abstract = optionalText(input.abstract, 'input.abstract', 20000);
  if (input.areas != null) project.areaIds = input.areas.length ? await resolveAreaLabels(tx, input.areas, 'input.areas') : [];
  if (input.keyStages != null) project.keyStages = keyStagesOf(input.keyStages);
  if (input.keywords != null) project.keywords = keywordsOf(input.keywords, 'input.keywords');
  if (input.startsOn !== undefined) project.startsOn = input.startsOn;
  if (input.endsOn !== undefined) project.endsOn = input.endsOn;
  if (project.startsOn && project.endsOn && project.endsOn < project.startsOn) {
    const field = input.endsOn !== undefined ? 'input.endsOn' : 'input.startsOn';
    throw new BadUserInput(`the project must not end (${project.endsOn}) before it starts (${project.startsOn})`, field);
  }
  if (project.status === S.PUBLISHED) {
    if (!coordinator) throw new Forbidden("a published project is the journal's record: only the coordinator changes it");
    if (!project.abstract) throw new BadUserInput('a published project keeps its abstract', 'input.abstract');
    if (!project.keywords.length) throw new BadUserInput('a published project keeps at least one keyword', 'input.keywords');
  }
  // Commissioning and funding are the alliance's decisions: the coordinator's.
  if (input.commissionedBySchool !== undefined) {
    if (!coordinator) throw new Forbidden('only the coordinator says who commissions a project (input.commissionedBySchool)');
    project.commissionedBySchoolId = input.commissionedBySchool ? await memberSchool(tx, input.commissionedBySchool, 'input.commissionedBySchool') : null;
  }
  if (input.funding !== undefined) {
    if (!coordinator) throw new Forbidden("only the coordinator commits funding to a project (input.funding)");
    const before = { year: project.fundingAcademicYear, pence: project.fundingPence ?? 0 };
    Object.assign(project, input.funding ? fundingOf(input.funding, 'input.funding') : { fundingType: null, fundingPence: null, fundingAcademicYear: null });
    const raises = project.fundingPence! > 0 && (project.fundingAcademicYear !== before.year || project.fundingPence! > before.pence || !project.id);
    if (raises && SPENDS(project.status)) {
      const override = optionalText(input.budgetOverrideReason, 'input.budgetOverrideReason', 4000);
      budgetOverrides.set(project, await takeBudget(tx, { academicYear: project.fundingAcademicYear!, pence: project.fundingPence!, projectId: project.id ?? null }, override));
    }
  }

  const lists: Partial<ProjectLists> = {};
  if (input.leadIds != null || input.contributorIds != null || !current) {
    let leadIds = input.leadIds != null ? personIds(input.leadIds, 'input.leadIds') : [...(current?.leadIds ?? [])];
    const contributorIds = input.contributorIds != null ? personIds(input.contributorIds, 'input.contributorIds') : [...(current?.contributorIds ?? [])];
    if (acting.role === ActingRole.PRACTITIONER) {
      // A practitioner who proposes a project leads it; one who leads it stays a lead (the coordinator may change that).
      if (!current && acting.personId && !leadIds.includes(acting.personId)) leadIds = [acting.personId, ...leadIds];
      if (current && input.leadIds != null && !leadIds.includes(acting.personId!)) throw new BadUserInput('you lead this project and stay one of its leads; the coordinator may change that', 'input.leadIds');
    }
    if (!leadIds.length) throw new BadUserInput('a project has at least one lead', 'input.leadIds');
    const both = contributorIds.findIndex((id) => leadIds.includes(id));
    if (both >= 0) throw new BadUserInput(`input.contributorIds[${both}] is already a lead`, `input.contributorIds[${both}]`);
    Object.assign(lists, { leadIds, contributorIds });
  }
  if (input.schools != null) lists.schoolIds = await memberSchools(tx, input.schools, 'input.schools');
  return lists;
}

/** The override reason a funding change needed, kept for the audit row of the same change. */
const budgetOverrides = new WeakMap<ResearchProject, string | null>();

export async function currentLists(tx: RequestContext, projectId: string): Promise<ProjectLists> {
  const members: { person_id: string; role: ResearchMemberRole }[] = await tx.em.query(
    `SELECT person_id, role FROM research_project_members WHERE project_id = $1 ORDER BY role, id`, [projectId],
  );
  const schools: { school_id: string }[] = await tx.em.query(`SELECT school_id FROM research_project_schools WHERE project_id = $1 ORDER BY position`, [projectId]);
  return {
    leadIds: members.filter((m) => m.role === ResearchMemberRole.LEAD).map((m) => m.person_id),
    contributorIds: members.filter((m) => m.role === ResearchMemberRole.CONTRIBUTOR).map((m) => m.person_id),
    schoolIds: schools.map((s) => s.school_id),
  };
}

/** Whether an insert failed on the people foreign key: the person is not one of the alliance's (or none at all). */
function unknownPerson(error: unknown): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string; table?: string }) : undefined;
  return driver?.code === '23503' && /person/.test(driver.constraint ?? '');
}

/**
 * Writes the people and schools given, replacing the lists. People change by difference, so a lead
 * practitioner keeps their lead row (their right to change the project, for the second wall too)
 * throughout; on a new project a practitioner's own lead row goes first, which is the second wall's
 * one way in for a project without members.
 */
async function writeLists(tx: RequestContext, project: ResearchProject, lists: Partial<ProjectLists>, current: ProjectLists | null): Promise<void> {
  const acting = actingOf(tx);
  if (lists.leadIds) {
    const wanted = new Map<string, ResearchMemberRole>([
      ...lists.leadIds.map((id) => [id, ResearchMemberRole.LEAD] as const),
      ...lists.contributorIds!.map((id) => [id, ResearchMemberRole.CONTRIBUTOR] as const),
    ]);
    const had = new Map<string, ResearchMemberRole>([
      ...(current?.leadIds ?? []).map((id) => [id, ResearchMemberRole.LEAD] as const),
      ...(current?.contributorIds ?? []).map((id) => [id, ResearchMemberRole.CONTRIBUTOR] as const),
    ]);
    // One row a statement: the second wall hides a refused key's value, so the row at fault is known by its statement.
    const insert = async (rows: [string, ResearchMemberRole][]) => {
      for (const [personId, role] of rows) {
        try {
          await tx.em.query(`INSERT INTO research_project_members (alliance_id, project_id, person_id, role) VALUES ($1, $2, $3, $4)`, [project.allianceId, project.id, personId, role]);
        } catch (error) {
          if (!unknownPerson(error)) throw error;
          const key = role === ResearchMemberRole.LEAD ? 'leadIds' : 'contributorIds';
          const field = `input.${key}[${lists[key]!.indexOf(personId)}]`;
          throw new BadUserInput(`${field} is not a person of the alliance`, field);
        }
      }
    };
    const added = [...wanted].filter(([id]) => !had.has(id));
    const own = added.filter(([id]) => !current && id === acting.personId);
    await insert(own);
    await insert(added.filter((row) => !own.includes(row)));
    const changed = [...wanted].filter(([id, role]) => had.has(id) && had.get(id) !== role);
    if (changed.length) {
      await tx.em.query(
        `UPDATE research_project_members m SET "role" = u.role::research_member_role FROM unnest($2::uuid[], $3::text[]) AS u(person_id, role)
          WHERE m.project_id = $1 AND m.person_id = u.person_id`,
        [project.id, changed.map((r) => r[0]), changed.map((r) => r[1])],
      );
    }
    const removed = [...had.keys()].filter((id) => !wanted.has(id));
    if (removed.length) await tx.em.query(`DELETE FROM research_project_members WHERE project_id = $1 AND person_id = ANY($2::uuid[])`, [project.id, removed]);
  }
  if (lists.schoolIds) {
    if (current?.schoolIds.length) await tx.em.query(`DELETE FROM research_project_schools WHERE project_id = $1`, [project.id]);
    if (lists.schoolIds.length) {
      await tx.em.query(
        `INSERT INTO research_project_schools (alliance_id, project_id, school_id, position)
         SELECT $1, $2, s.school_id, s.position FROM unnest($3::uuid[]) WITH ORDINALITY AS s(school_id, position)`,
        [project.allianceId, project.id, lists.schoolIds],
      );
    }
  }
}

const listsChanged = (before: ProjectLists | null, lists: Partial<ProjectLists>) =>
  (Object.keys(lists) as (keyof ProjectLists)[]).some((key) => JSON.stringify(before?.[key] ?? []) !== JSON.stringify(lists[key]));

/**
 * A new project and its lists, audited, in the caller's transaction: for createResearchProject and
 * for the coordinator's choice of an expression of interest (which gives its own status and funding).
 */
export async function insertResearchProject(
  tx: RequestContext,
  action: string,
  fields: { title: string; methodology: ResearchMethodology; status: S; callId?: string | null },
  input: ResearchProjectTermsInput,
  preset: Partial<ResearchProject> = {},
  budgetOverrideReason: string | null = null,
): Promise<ResearchProject> {
  const acting = actingOf(tx);
  const project = tx.em.create(ResearchProject, {
    allianceId: acting.allianceId, title: fields.title, methodology: fields.methodology, status: fields.status, visibility: ResearchVisibility.ALLIANCE,
    callId: fields.callId ?? null, researchQuestion: null, abstract: null, commissionedBySchoolId: null, fundingType: null, fundingPence: null, fundingAcademicYear: null,
    areaIds: [], keyStages: [], keywords: [], startsOn: null, endsOn: null, ...preset,
  });
  const lists = await applyTerms(tx, project, input, null);
  const saved = await saveResearchProject(tx, action, null, project);
  await writeLists(tx, saved, lists, null);
  await recordListsAndReasons(tx, action, saved.id, null, { ...lists, budgetOverrideReason: budgetOverrides.get(project) ?? budgetOverrideReason });
  return saved;
}

export function createResearchProject(ctx: RequestContext, input: CreateResearchProjectInput): Promise<ResearchProject> {
  const acting = actingOf(ctx);
  if (acting.role === ActingRole.PRACTITIONER && !acting.personId) throw new Forbidden('a practitioner proposes projects through their staff record, and yours is not linked');
  return inTransaction(ctx, (tx) =>
    insertResearchProject(tx, 'createResearchProject', { title: titleOf(input.title, 'input.title'), methodology: input.methodology, status: S.PROPOSED }, input),
  );
}

export function updateResearchProject(ctx: RequestContext, input: UpdateResearchProjectInput): Promise<ResearchProject> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const project = await researchProjectForChange(tx, input);
    const before = snapshotProject(project);
    if (input.title != null) project.title = titleOf(input.title, 'input.title');
    if (input.methodology != null) project.methodology = input.methodology;
    const current = await currentLists(tx, project.id);
    const lists = await applyTerms(tx, project, input, current);
    const changedLists = listsChanged(current, lists);
    await writeLists(tx, project, lists, current);
    // A change of its people or schools alone is a new version too.
    if (changedLists) project.updatedAt = new Date();
    const saved = await saveResearchProject(tx, 'updateResearchProject', before, project);
    await recordListsAndReasons(tx, 'updateResearchProject', saved.id, current, { ...lists, budgetOverrideReason: budgetOverrides.get(project) ?? null });
    return saved;
  });
}

/** One move of the lifecycle table (lifecycle.ts), by the coordinator or the project's lead; PUBLISHED is publishResearchProject's. */
export function transitionResearchProject(ctx: RequestContext, input: TransitionResearchProjectInput): Promise<ResearchProject> {
  actingOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const project = await researchProjectForChange(tx, input);
    const reason = optionalText(input.reason, 'input.reason', 4000);
    checkResearchTransition(project.status, input.to, 'transitionResearchProject', await researchMoverOf(tx, project));
    const before = snapshotProject(project);
    project.status = input.to;
    const saved = await saveResearchProject(tx, 'transitionResearchProject', before, project);
    if (reason) await recordListsAndReasons(tx, 'transitionResearchProject', saved.id, {}, { reason });
    return saved;
  });
}

const SORTS: SortKeyTable<ResearchProjectOrderField, ResearchProject> = {
  [ResearchProjectOrderField.UPDATED_AT]: { expression: "date_trunc('milliseconds', e.updated_at)", value: (p) => p.updatedAt.toISOString(), kind: 'timestamp', columns: ['updatedAt'] },
  [ResearchProjectOrderField.CREATED_AT]: { expression: "date_trunc('milliseconds', e.created_at)", value: (p) => p.createdAt.toISOString(), kind: 'timestamp', columns: ['createdAt'] },
  [ResearchProjectOrderField.TITLE]: { expression: 'e.title', value: (p) => p.title, columns: ['title'] },
};
const DEFAULT_ORDER = [{ field: ResearchProjectOrderField.UPDATED_AT, direction: OrderDirection.DESC }];

/** The acting alliance's R&D database, filtered in SQL before paging (T4). */
export async function listResearchProjects(ctx: RequestContext, filter: ResearchProjectFilter | null | undefined, order: readonly ResearchProjectOrder[] | null | undefined, page: PageArgs, where?: object | null) {
  actingOf(ctx);
  const qb = scopedQuery(ctx, ResearchProject, { visible: researchVisibleTo }) ?? ctx.em.createQueryBuilder(ResearchProject, 'e').where('false');
  if (filter?.statuses?.length) qb.andWhere('e.status = ANY(CAST(:statuses AS research_status[]))', { statuses: filter.statuses });
  if (filter?.methodology) qb.andWhere('e.methodology = :methodology', { methodology: filter.methodology });
  if (filter?.area != null) {
    const [areaId] = await resolveAreaLabels(ctx, [filter.area], 'filter.area');
    qb.andWhere('CAST(:areaId AS uuid) = ANY(e.area_ids)', { areaId });
  }
  if (filter?.keyStage) qb.andWhere('CAST(:keyStage AS key_stage) = ANY(e.key_stages)', { keyStage: filter.keyStage });
  if (filter?.leadPersonId) {
    const leadPersonId = expectGlobalId(filter.leadPersonId, 'Person', 'filter.leadPersonId');
    qb.andWhere(`EXISTS (SELECT 1 FROM research_project_members m WHERE m.project_id = e.id AND m.person_id = :leadPersonId AND m.role = 'LEAD')`, { leadPersonId });
  }
  if (filter?.fundingType) qb.andWhere('e.funding_type = :fundingType', { fundingType: filter.fundingType });
  if (filter?.fundingAcademicYear != null) qb.andWhere('e.funding_academic_year = :fundingAcademicYear', { fundingAcademicYear: filter.fundingAcademicYear });
  if (filter?.callId) qb.andWhere('e.call_id = :callId', { callId: expectGlobalId(filter.callId, 'ResearchCall', 'filter.callId') });
  if (filter?.search != null && filter.search.trim()) {
    // websearch_to_tsquery parses any text (quotes, operators, stray brackets) without an error.
    qb.andWhere(`e.search @@ websearch_to_tsquery('english', :search)`, { search: filter.search.slice(0, 1000) });
  }
  applyWhere(qb, RESEARCH_PROJECT_WHERE, where);
  return paginate(qb, page, sortKeysOf(SORTS, order, DEFAULT_ORDER), ctx.loaders);
}
