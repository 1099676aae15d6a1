import DataLoader from 'dataloader';
import { LoaderScope } from '../../loaders/helpers';
import { researchVisibleTo } from './research.policy';

/**
 * The schools of many projects, in order, as school ids, in ONE statement (research_project_schools
 * has no id of its own, so manyBy does not serve it). Carries the tenant condition and the role's
 * visibility like every loader (SECURITY.md T5).
 */
export const schoolIdsByResearchProject = (scope: LoaderScope) =>
  new DataLoader<string, string[]>(async (keys) => {
    if (!scope.acting || researchVisibleTo(scope.acting) === 'none') return keys.map(() => []);
    const rows: { project_id: string; school_id: string }[] = await scope.em.query(
      `SELECT project_id, school_id FROM research_project_schools
        WHERE alliance_id = $1 AND project_id IN (SELECT unnest($2::uuid[])) ORDER BY project_id, position`,
      [scope.acting.allianceId, keys],
    );
    const byProject = new Map<string, string[]>(keys.map((key) => [key, []]));
    for (const row of rows) byProject.get(row.project_id)?.push(row.school_id);
    return keys.map((key) => byProject.get(key)!);
  });
