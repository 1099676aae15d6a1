import { QueryRunner } from 'typeorm';

/**
 * The role requests run as (`SET LOCAL ROLE` inside each request's transaction, see
 * src/context/request-transaction.ts): no login, no superuser, no BYPASSRLS, owns nothing. Roles are
 * cluster-wide, so every database on a server shares it; grants and policies are per database.
 */
export const RUNTIME_ROLE = 'alliance_graph_api';

/**
 * The role anonymous requests run as (the PedEx site): like the runtime role, and granted only the
 * columns PedEx publishes, of the reference tables and of published rows (migration PublicReader).
 */
export const PUBLIC_ROLE = 'alliance_graph_public';

/** The request's settings, as SQL. Unset, or set to '' (as a setting once used reads back), is NULL: no tenant, no rows. */
export const setting = {
  allianceId: `nullif(current_setting('app.alliance_id', true), '')::uuid`,
  role: `coalesce(current_setting('app.role', true), '')`,
  userId: `nullif(current_setting('app.user_id', true), '')::uuid`,
  personId: `nullif(current_setting('app.person_id', true), '')::uuid`,
  schoolId: `nullif(current_setting('app.school_id', true), '')::uuid`,
};

/** `alliance_id` is the acting alliance: the condition every tenant policy starts from. */
export const ofActingAlliance = (column = 'alliance_id') => `${column} = ${setting.allianceId}`;

/**
 * The acting role is one of these. In a read policy prefer an exclusion (`role <> 'X' OR ...`): the
 * planner cannot see a setting's value, guesses that an IN list keeps few rows, and then sorts a whole
 * alliance rather than reading a page in index order.
 */
export const roleIn = (...roles: string[]) => `${setting.role} IN (${roles.map((r) => `'${r}'`).join(', ')})`;

/**
 * RLS enabled and forced on a table, with the owner's tools (migrations, imports, demo data, the
 * token command) keeping every row through a policy of their own: forced RLS applies to the owner,
 * and an owner that is not a superuser would otherwise see nothing.
 */
export async function enableRowLevelSecurity(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY owner_tools ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
}

export async function disableRowLevelSecurity(q: QueryRunner, table: string, policies: string[]): Promise<void> {
  for (const policy of ['owner_tools', ...policies]) await q.query(`DROP POLICY IF EXISTS ${policy} ON ${table}`);
  await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
}

/**
 * Creates a role requests run as, if the cluster has none, and lets the migrating user switch to it
 * (`SET LOCAL ROLE`); a user that may do neither is told the two statements to ask an administrator for.
 */
export async function ensureRequestRole(q: QueryRunner, role: string, purpose: string): Promise<void> {
  await q.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT NOCREATEDB NOCREATEROLE;
      END IF;
      IF NOT pg_has_role(current_user, '${role}', 'MEMBER') THEN
        GRANT ${role} TO CURRENT_USER;
      END IF;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION '%', format('the database user %I may neither create nor use the role ${role} that ${purpose}: '
        'ask an administrator to run "CREATE ROLE ${role} NOLOGIN NOINHERIT;" (if it does not exist) and "GRANT ${role} TO %I;", then start again', current_user, current_user);
    END $$`);
}
