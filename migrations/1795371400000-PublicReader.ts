import { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureRequestRole, PUBLIC_ROLE, RUNTIME_ROLE } from './support/row-level-security';

const P = PUBLIC_ROLE;
const R = RUNTIME_ROLE;

/**
 * What an anonymous request may read, column by column. Row-level security chooses rows, not
 * columns: a published project's row also holds its funding (a teacher's TLR3 payment), its call and
 * its presenters. Anonymous requests therefore run as a role of their own, granted only the columns
 * PedEx publishes, of the shared reference tables and of the published rows the `public_read`
 * policies let through; every other table, and every other column, is refused to it.
 */
const PUBLIC_COLUMNS: Record<string, string[] | 'all'> = {
  schools: 'all',
  areas_of_expertise: 'all',
  alliances: ['id', 'slug', 'name', 'kind'],
  research_projects: [
    'id', 'alliance_id', 'title', 'abstract', 'methodology', 'status', 'visibility', 'area_ids', 'key_stages', 'keywords', 'slug', 'journal_title', 'issn', 'volume',
    'issue', 'published_on', 'doi', 'url', 'pdf_url', 'licence', 'search',
  ],
  research_project_schools: ['alliance_id', 'project_id', 'school_id', 'position'],
  research_authors: ['id', 'alliance_id', 'project_id', 'position', 'display_name', 'affiliation', 'orcid', 'consent_to_be_named'],
  conference_events: ['id', 'alliance_id', 'name', 'held_on', 'venue', 'description'],
  conference_sessions: ['id', 'alliance_id', 'event_id', 'title', 'starts_at', 'ends_at', 'room'],
  conference_presentations: ['id', 'alliance_id', 'session_id', 'project_id', 'title', 'position'],
};
const PUBLIC_READ_TABLES = ['research_projects', 'research_project_schools', 'research_authors', 'conference_events', 'conference_sessions', 'conference_presentations'];

export class PublicReader1795371400000 implements MigrationInterface {
  name = 'PublicReader1795371400000';

  async up(q: QueryRunner): Promise<void> {
    await ensureRequestRole(q, P, 'anonymous requests run as');
    await q.query(`GRANT USAGE ON SCHEMA public TO ${P}`);
    for (const [table, columns] of Object.entries(PUBLIC_COLUMNS)) {
      await q.query(columns === 'all' ? `GRANT SELECT ON ${table} TO ${P}` : `GRANT SELECT (${columns.join(', ')}) ON ${table} TO ${P}`);
    }
    // The same published rows for anonymous callers as for everyone (the research migration's public_read policies).
    for (const table of PUBLIC_READ_TABLES) await q.query(`ALTER POLICY public_read ON ${table} TO ${R}, ${P}`);
    // alliances carries no alliance_id and no row-level security: its members-only columns are kept by the grants above.
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of PUBLIC_READ_TABLES) await q.query(`ALTER POLICY public_read ON ${table} TO ${R}`);
    for (const table of Object.keys(PUBLIC_COLUMNS)) await q.query(`REVOKE ALL ON ${table} FROM ${P}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${P}`);
  }
}
