import { DataSource } from 'typeorm';

/**
 * Tables that every alliance may read in full although they carry an alliance_id: reviewed, and
 * named here so that adding one is a visible decision. Member schools are every alliance's public profile.
 */
export const SHARED_TENANT_TABLES = ['alliance_school_memberships'];

/**
 * What is wrong with the second wall in this database, read from the catalogue: a table with an
 * alliance_id without RLS, without FORCE, or without a policy for the runtime role that reads the
 * acting alliance; a view the runtime role may read that runs with its owner's rights; a runtime
 * role that is a superuser, may bypass RLS, may create roles, or owns anything. Empty when it stands.
 */
export async function wallProblems(db: DataSource, runtimeRole: string): Promise<string[]> {
  const problems: string[] = [];
  const tables: { relname: string; rls: boolean; forced: boolean; runtime_policies: number; tenant_policies: number; open_policies: number }[] = await db.query(
    `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
            count(p.oid) FILTER (WHERE r.oid = ANY (p.polroles) OR 0 = ANY (p.polroles))::int AS runtime_policies,
            count(p.oid) FILTER (WHERE (r.oid = ANY (p.polroles) OR 0 = ANY (p.polroles))
                                   AND coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') LIKE '%app.alliance_id%')::int AS tenant_policies,
            -- Permissive policies are OR'ed: one that ignores the tenant opens every row, whatever the others say.
            -- The one reviewed exception: PedEx's public_read, a read of published and public rows only, for anyone.
            count(p.oid) FILTER (WHERE (r.oid = ANY (p.polroles) OR 0 = ANY (p.polroles)) AND p.polpermissive
                                   AND coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') NOT SIMILAR TO '%app.(alliance_id|user_id)%'
                                   AND NOT (p.polname = 'public_read' AND p.polcmd = 'r' AND pg_get_expr(p.polqual, p.polrelid) LIKE '%''PUBLISHED''%' AND pg_get_expr(p.polqual, p.polrelid) LIKE '%''PUBLIC''%'))::int AS open_policies
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'alliance_id' AND NOT a.attisdropped
       LEFT JOIN pg_roles r ON r.rolname = $1
       LEFT JOIN pg_policy p ON p.polrelid = c.oid
      WHERE c.relkind IN ('r', 'p')
      GROUP BY c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
      ORDER BY c.relname`,
    [runtimeRole],
  );
  for (const t of tables) {
    if (!t.rls) problems.push(`${t.relname}: row-level security is not enabled`);
    if (!t.forced) problems.push(`${t.relname}: row-level security is not forced`);
    if (!t.runtime_policies) problems.push(`${t.relname}: no policy for ${runtimeRole}`);
    else if (!t.tenant_policies && !SHARED_TENANT_TABLES.includes(t.relname)) problems.push(`${t.relname}: no policy of ${runtimeRole} reads app.alliance_id`);
    else if (t.open_policies && !SHARED_TENANT_TABLES.includes(t.relname)) problems.push(`${t.relname}: a permissive policy of ${runtimeRole} ignores the tenant`);
  }

  const views: { relname: string }[] = await db.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      WHERE c.relkind IN ('v', 'm') AND has_table_privilege($1, c.oid, 'SELECT')
        AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)`,
    [runtimeRole],
  );
  for (const v of views) problems.push(`${v.relname}: a view the runtime role reads with its owner's rights`);

  const [role]: { rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; owned: number }[] = await db.query(
    `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole,
            (SELECT count(*) FROM pg_class c WHERE pg_has_role(r.oid, c.relowner, 'MEMBER'))::int AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
    [runtimeRole],
  );
  if (!role) return [...problems, `${runtimeRole}: no such role`];
  if (role.rolsuper) problems.push(`${runtimeRole}: is a superuser`);
  if (role.rolbypassrls) problems.push(`${runtimeRole}: may bypass row-level security`);
  if (role.rolcreaterole) problems.push(`${runtimeRole}: may create roles`);
  if (role.owned) problems.push(`${runtimeRole}: owns (or is a member of the owner of) ${role.owned} relation(s)`);
  return problems;
}
