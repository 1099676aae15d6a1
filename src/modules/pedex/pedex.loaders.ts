import DataLoader from 'dataloader';
import { LoaderScope } from '../../loaders/helpers';
import { PublicAuthor, PublicSchool } from './published.types';

/**
 * The named authors and the schools of published projects, one statement each for a whole page.
 * Shared across alliances by design (PedEx), so not scopedQuery's tenant condition: each statement
 * carries the public condition itself (published, public, and for authors their consent), and the
 * second wall's `public_read` policies say the same.
 */
const OF_PUBLISHED = `p.id = ANY($1::uuid[]) AND p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC'`;

function grouped<T>(keys: readonly string[], rows: (T & { projectId: string })[], pick: (row: T & { projectId: string }) => T): T[][] {
  const byProject = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) byProject.get(row.projectId)?.push(pick(row));
  return keys.map((key) => byProject.get(key)!);
}

export const pedexLoaders = {
  publicAuthorsByProject: (scope: LoaderScope) =>
    new DataLoader<string, PublicAuthor[]>(async (keys) => {
      const rows = await scope.em.query(
        `SELECT ra.project_id AS "projectId", ra.display_name AS "displayName", ra.affiliation, ra.orcid
         FROM research_authors ra JOIN research_projects p ON p.id = ra.project_id
         WHERE ${OF_PUBLISHED} AND ra.consent_to_be_named
         ORDER BY ra.project_id, ra.position`,
        [keys],
      );
      return grouped<PublicAuthor>(keys, rows, ({ displayName, affiliation, orcid }) => Object.assign(new PublicAuthor(), { displayName, affiliation, orcid }));
    }),
  publicSchoolsByProject: (scope: LoaderScope) =>
    new DataLoader<string, PublicSchool[]>(async (keys) => {
      const rows = await scope.em.query(
        `SELECT rs.project_id AS "projectId", s.urn, s.name, s.town, s.la_name AS "localAuthority", s.phase_name AS phase
         FROM research_project_schools rs JOIN research_projects p ON p.id = rs.project_id JOIN schools s ON s.id = rs.school_id
         WHERE ${OF_PUBLISHED}
         ORDER BY rs.project_id, rs.position, s.name`,
        [keys],
      );
      return grouped<PublicSchool>(keys, rows, ({ urn, name, town, localAuthority, phase }) => Object.assign(new PublicSchool(), { urn, name, town, localAuthority, phase }));
    }),
};
