import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableRowLevelSecurity, enableRowLevelSecurity, ensureRequestRole, ofActingAlliance, roleIn, RUNTIME_ROLE, setting } from './support/row-level-security';

const R = RUNTIME_ROLE;
// Users are read for identity only, with the owner's rights before the switch to the runtime role: no grant.
const SHARED_TABLES = ['schools', 'alliances', 'areas_of_expertise'];
const TENANT_TABLES = ['people', 'memberships', 'alliance_tariffs', 'alliance_terms', 'alliance_school_memberships'];
/** What a request may change of a staff record: never its id, alliance or creation time. */
const PEOPLE_UPDATABLE = ['given_name', 'family_name', 'email', 'phone', 'school_id', 'job_title', 'leadership_level', 'in_leadership_since', 'updated_at', 'version'];

/**
 * The second wall (SECURITY.md, "Second wall"): requests run as a role that cannot bypass row-level
 * security, and every table with an alliance_id lets that role reach the acting alliance's rows only,
 * whatever SQL a service sends.
 */
export class RowLevelSecurity1795370300000 implements MigrationInterface {
  name = 'RowLevelSecurity1795370300000';

  async up(q: QueryRunner): Promise<void> {
    await ensureRequestRole(q, R, 'requests run as');

    await q.query(`GRANT USAGE ON SCHEMA public TO ${R}`);
    await q.query(`GRANT SELECT ON ${[...SHARED_TABLES, ...TENANT_TABLES].join(', ')} TO ${R}`);
    await q.query(`GRANT INSERT ON people TO ${R}`);
    await q.query(`GRANT UPDATE (${PEOPLE_UPDATABLE.join(', ')}) ON people TO ${R}`);

    for (const table of TENANT_TABLES) await enableRowLevelSecurity(q, table);

    // Staff records: the alliance's, and of those a practitioner's own only. Analysts read them for aggregates.
    // Written as an exclusion: the planner guesses that `role IN (...)` keeps few rows and then sorts a whole
    // alliance instead of reading a page in index order; `role <> 'PRACTITIONER'` it guesses keeps nearly all.
    // (Every other role has either the whole alliance or, without an acting alliance, no tenant at all.)
    const seesPerson = `(${setting.role} <> 'PRACTITIONER' OR id = ${setting.personId})`;
    const responsibleFor = `(${roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN')} OR (${roleIn('SCHOOL_LEAD')} AND school_id = ${setting.schoolId}) OR (${roleIn('PRACTITIONER')} AND id = ${setting.personId}))`;
    const keepsSchool = `(${setting.role} <> 'SCHOOL_LEAD' OR school_id = ${setting.schoolId})`;
    await q.query(`CREATE POLICY tenant_read ON people FOR SELECT TO ${R} USING (${ofActingAlliance()} AND ${seesPerson})`);
    await q.query(`CREATE POLICY tenant_insert ON people FOR INSERT TO ${R} WITH CHECK (${ofActingAlliance()} AND ${roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN', 'SCHOOL_LEAD')} AND ${keepsSchool})`);
    // A head may lock any record they can read (and be told FORBIDDEN by the service); what they write must stay theirs.
    const mayEdit = `(${roleIn('PLATFORM_ADMIN', 'ALLIANCE_ADMIN', 'SCHOOL_LEAD')} OR (${roleIn('PRACTITIONER')} AND id = ${setting.personId}))`;
    await q.query(`CREATE POLICY tenant_update ON people FOR UPDATE TO ${R} USING (${ofActingAlliance()} AND ${mayEdit}) WITH CHECK (${ofActingAlliance()} AND ${responsibleFor})`);

    // Where a practitioner works and their leadership history decide SLE eligibility: their school or coordinator sets them.
    await q.query(`
      CREATE FUNCTION people_practitioner_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${setting.role} = 'PRACTITIONER' AND (NEW.school_id, NEW.leadership_level, NEW.in_leadership_since) IS DISTINCT FROM (OLD.school_id, OLD.leadership_level, OLD.in_leadership_since) THEN
          RAISE EXCEPTION 'a practitioner may not change their own school or leadership' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER people_practitioner_fields BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION people_practitioner_fields()`);

    // A user's own memberships are read across alliances (viewer.memberships); others' within the acting alliance.
    await q.query(`CREATE POLICY tenant_read ON memberships FOR SELECT TO ${R} USING (${ofActingAlliance()} OR user_id = ${setting.userId})`);
    await q.query(`CREATE POLICY tenant_read ON alliance_tariffs FOR SELECT TO ${R} USING (${ofActingAlliance()})`);
    await q.query(`CREATE POLICY tenant_read ON alliance_terms FOR SELECT TO ${R} USING (${ofActingAlliance()})`);
    // Member schools are part of every alliance's public profile (API.md): readable by all, writable by none.
    await q.query(`CREATE POLICY public_profile_read ON alliance_school_memberships FOR SELECT TO ${R} USING (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER people_practitioner_fields ON people`);
    await q.query(`DROP FUNCTION people_practitioner_fields`);
    for (const table of TENANT_TABLES) await disableRowLevelSecurity(q, table, ['tenant_read', 'tenant_insert', 'tenant_update', 'public_profile_read']);
    await q.query(`REVOKE ALL ON ${[...SHARED_TABLES, ...TENANT_TABLES].join(', ')} FROM ${R}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${R}`);
    // The role stays: it is the cluster's, and other databases on this server may use it.
  }
}
