import { expectGlobalId } from '../../common/global-id';
import { actingOf, RequestContext } from '../../context/context';
import { rowForChange } from '../../loaders/for-change';
import { recordChange } from '../audit/audit.service';
import { isCoordinator } from '../designations/designation.policy';
import { ActingRole } from '../users/user-enums';
import { ResearchMover } from './lifecycle';
import { ResearchMemberRole } from './research-enums';
import { ResearchProject } from './research-project.entity';
import { researchVisibleTo } from './research.policy';

/** What the audit trail records of a project's changes. */
export const RESEARCH_AUDITED_FIELDS = [
  'title', 'researchQuestion', 'abstract', 'methodology', 'status', 'visibility', 'commissionedBySchoolId', 'callId', 'fundingType', 'fundingPence',
  'fundingAcademicYear', 'areaIds', 'keyStages', 'keywords', 'startsOn', 'endsOn', 'slug', 'journalTitle', 'issn', 'volume', 'issue', 'publishedOn', 'doi',
  'url', 'pdfUrl', 'licence',
] as const;

/**
 * The project a change names, locked, if the caller may see it, at the version they read. One the
 * caller sees but may not change (the second wall lets a practitioner lock only the projects they
 * lead) is FORBIDDEN.
 */
export function researchProjectForChange(tx: RequestContext, input: { projectId: string; expectedVersion?: number | null }): Promise<ResearchProject> {
  const id = expectGlobalId(input.projectId, 'ResearchProject', 'input.projectId');
  return rowForChange(tx, ResearchProject, id, input.expectedVersion, {
    what: 'research project', visible: researchVisibleTo, forbidden: 'only the coordinator, or a Lead Practitioner who leads it, changes this project',
  });
}

/** Saves a project and its audit row in the caller's transaction. */
export async function saveResearchProject(tx: RequestContext, action: string, before: ResearchProject | null, project: ResearchProject): Promise<ResearchProject> {
  const saved = await tx.em.save(project);
  await recordChange(tx, { action, objectType: 'ResearchProject', objectId: saved.id, before, after: saved, fields: RESEARCH_AUDITED_FIELDS });
  return saved;
}

/** The coordinator, or a practitioner who leads this project; null for anyone else. */
export async function researchMoverOf(ctx: RequestContext, project: Pick<ResearchProject, 'id'>): Promise<ResearchMover | null> {
  const acting = actingOf(ctx);
  if (isCoordinator(acting)) return ResearchMover.COORDINATOR;
  if (acting.role !== ActingRole.PRACTITIONER || !acting.personId) return null;
  const leads = await ctx.em.query(`SELECT 1 FROM research_project_members WHERE project_id = $1 AND person_id = $2 AND role = $3`, [project.id, acting.personId, ResearchMemberRole.LEAD]);
  return leads.length ? ResearchMover.LEAD : null;
}

/** A copy to compare against after a change, for the audit trail. */
export const snapshotProject = (project: ResearchProject): ResearchProject =>
  ({ ...project, areaIds: [...project.areaIds], keyStages: [...project.keyStages], keywords: [...project.keywords] }) as ResearchProject;
