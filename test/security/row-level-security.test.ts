import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { RUNTIME_ROLE } from '../../migrations/support/row-level-security';
import { RequestContext } from '../../src/context/context';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { AppServer } from '../../src/server';
import { createTestDatabase, TestDatabase } from '../helpers/database';
import { silentLogger, startTestServer, TestServer } from '../helpers/server';
import { TestUser } from '../factories/users';
import { seedWorld, World } from './support/world';
import { wallProblems } from './support/wall';

/** Issue 6, SECURITY.md "Second wall": the database refuses what a forgotten condition would leak. */
describe('the second wall: PostgreSQL row-level security', () => {
  let t: TestServer;
  let world: World;

  beforeAll(async () => {
    t = await startTestServer();
    world = await seedWorld(t.db.dataSource.manager);
  });
  afterAll(() => t.close());

  /** A request's context as the HTTP endpoint builds it: its own transaction, as the runtime role. */
  async function asRequest<T>(user: TestUser | 'anonymous', work: (ctx: RequestContext) => Promise<T>, server: AppServer = t.server, alliance?: string): Promise<T> {
    const ctx = await server.createContext({ requestId: 'rls', log: silentLogger, authorization: user === 'anonymous' ? undefined : `Bearer ${user.token}`, allianceHeader: alliance });
    try {
      return await work(ctx);
    } finally {
      await ctx.end(false);
    }
  }
  const alliancesOf = (rows: { alliance_id: string }[]) => [...new Set(rows.map((r) => r.alliance_id))];

  describe('the catalogue', () => {
    it('has RLS enabled, forced and with a tenant policy on every table with an alliance_id, and a runtime role that cannot bypass it', async () => {
      expect(await wallProblems(t.db.dataSource, RUNTIME_ROLE)).toEqual([]);
      const tables: { relname: string }[] = await t.db.dataSource.query(`SELECT DISTINCT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'alliance_id' WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`);
      expect(tables.map((r) => r.relname)).toEqual(expect.arrayContaining(['people', 'memberships', 'alliance_tariffs', 'alliance_terms', 'alliance_school_memberships']));
    });

    describe('fails on a missing wall', () => {
      let scratch: TestDatabase;
      const probe = `ag_probe_${randomBytes(4).toString('hex')}`;
      beforeAll(async () => {
        scratch = await createTestDatabase();
        await scratch.dataSource.query(`CREATE ROLE ${probe} NOLOGIN`);
      });
      afterAll(async () => {
        await scratch.drop();
        await t.db.dataSource.query(`DROP ROLE IF EXISTS ${probe}`);
      });

      it('names a table without RLS, then without FORCE, then without a policy, then with one that ignores the tenant', async () => {
        const q = (sql: string) => scratch.dataSource.query(sql);
        await q(`CREATE TABLE leaky (id int, alliance_id uuid)`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).toEqual(['leaky: row-level security is not enabled', 'leaky: row-level security is not forced', `leaky: no policy for ${RUNTIME_ROLE}`]);
        await q(`ALTER TABLE leaky ENABLE ROW LEVEL SECURITY`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).toEqual(['leaky: row-level security is not forced', `leaky: no policy for ${RUNTIME_ROLE}`]);
        await q(`ALTER TABLE leaky FORCE ROW LEVEL SECURITY`);
        await q(`CREATE POLICY everything ON leaky TO ${RUNTIME_ROLE} USING (true)`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).toEqual([`leaky: no policy of ${RUNTIME_ROLE} reads app.alliance_id`]);
        await q(`DROP POLICY everything ON leaky`);
        await q(`CREATE POLICY tenant ON leaky TO ${RUNTIME_ROLE} USING (alliance_id = nullif(current_setting('app.alliance_id', true), '')::uuid)`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).toEqual([]);
        // A second permissive policy that ignores the tenant opens every row, beside a good one.
        await q(`CREATE POLICY everyone ON leaky FOR SELECT TO PUBLIC USING (true)`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).toEqual([`leaky: a permissive policy of ${RUNTIME_ROLE} ignores the tenant`]);
        await q(`DROP POLICY everyone ON leaky`);
      });

      it('names a view that reads tenant rows with its owner rights', async () => {
        await scratch.dataSource.query(`CREATE VIEW all_people AS SELECT * FROM people`);
        await scratch.dataSource.query(`GRANT SELECT ON all_people TO ${RUNTIME_ROLE}`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).toContain("all_people: a view the runtime role reads with its owner's rights");
        await scratch.dataSource.query(`ALTER VIEW all_people SET (security_invoker = true)`);
        expect(await wallProblems(scratch.dataSource, RUNTIME_ROLE)).not.toContain("all_people: a view the runtime role reads with its owner's rights");
      });

      it('names a runtime role that may bypass RLS, create roles, or owns a table', async () => {
        await scratch.dataSource.query(`ALTER ROLE ${probe} BYPASSRLS CREATEROLE`);
        await scratch.dataSource.query(`CREATE TABLE owned_by_probe (id int)`);
        await scratch.dataSource.query(`ALTER TABLE owned_by_probe OWNER TO ${probe}`);
        const problems = await wallProblems(scratch.dataSource, probe);
        expect(problems).toEqual(expect.arrayContaining([`${probe}: may bypass row-level security`, `${probe}: may create roles`, `${probe}: owns (or is a member of the owner of) 1 relation(s)`]));
      });
    });
  });

  describe('stands alone: SQL that bypasses scopedQuery, sent with the request’s own EntityManager', () => {
    it('gives alliance A’s coordinator A’s staff records only', async () => {
      const rows = await asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query('SELECT * FROM people'));
      expect(rows.length).toBe(world.A.people.length);
      expect(alliancesOf(rows)).toEqual([world.A.alliance.id]);
    });

    it('gives an anonymous caller, and a signed-in user acting for no alliance, no tenant row at all', async () => {
      for (const table of ['people', 'alliance_tariffs', 'alliance_terms']) {
        expect(await asRequest(world.adminOfBoth, (ctx) => ctx.em.query(`SELECT * FROM ${table}`))).toEqual([]);
      }
      // Anonymous requests run as the public reader, which may not read a tenant table at all (only PedEx's public columns).
      for (const table of ['people', 'alliance_tariffs', 'alliance_terms', 'memberships', 'designations', 'deployments', 'research_calls']) {
        await expect(asRequest('anonymous', (ctx) => ctx.em.query(`SELECT * FROM ${table}`))).rejects.toThrow(/permission denied/);
      }
      // A user with no acting alliance reads their own memberships only.
      const own = await asRequest(world.adminOfBoth, (ctx) => ctx.em.query('SELECT user_id FROM memberships'));
      expect(own.map((r: { user_id: string }) => r.user_id)).toEqual([world.adminOfBoth.user.id, world.adminOfBoth.user.id]);
    });

    it('gives a practitioner their own staff record only, and a head and an analyst the alliance’s', async () => {
      const own = await asRequest(world.A.users.PRACTITIONER, (ctx) => ctx.em.query('SELECT id FROM people'));
      expect(own).toEqual([{ id: world.A.practitionerPerson.id }]);
      for (const role of [MembershipRole.SCHOOL_LEAD, MembershipRole.ANALYST]) {
        const rows = await asRequest(world.A.users[role], (ctx) => ctx.em.query('SELECT alliance_id FROM people'));
        expect(alliancesOf(rows)).toEqual([world.A.alliance.id]);
      }
    });

    it('reads tariffs and terms of the acting alliance only, and every alliance’s member schools (a public profile)', async () => {
      const tariffs = await asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query('SELECT alliance_id FROM alliance_tariffs UNION ALL SELECT alliance_id FROM alliance_terms'));
      expect(alliancesOf(tariffs)).toEqual([world.A.alliance.id]);
      const members = await asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query('SELECT DISTINCT alliance_id FROM alliance_school_memberships'));
      expect(alliancesOf(members).sort()).toEqual([world.A.alliance.id, world.B.alliance.id].sort());
    });

    it('refuses to write a row into another alliance, and changes none of B’s rows', async () => {
      await expect(
        asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`INSERT INTO people (alliance_id, given_name, family_name) VALUES ($1, 'Forged', 'Row')`, [world.B.alliance.id])),
      ).rejects.toThrow(/row-level security/);
      const updated = await asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`UPDATE people SET job_title = 'forged' WHERE alliance_id = $1 RETURNING id`, [world.B.alliance.id]));
      expect(updated).toEqual([[], 0]);
      expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE job_title = 'forged'`)).toEqual([{ n: 0 }]);
    });

    it('refuses columns the runtime role may not change, and deletes', async () => {
      const id = world.A.colleagueAtLeadSchool.id;
      await expect(asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`UPDATE people SET alliance_id = $1 WHERE id = $2`, [world.B.alliance.id, id]))).rejects.toThrow(/permission denied/);
      await expect(asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`DELETE FROM people WHERE id = $1`, [id]))).rejects.toThrow(/permission denied/);
      await expect(asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`UPDATE memberships SET role = 'ALLIANCE_ADMIN'`))).rejects.toThrow(/permission denied/);
      // Users are read for identity only, before the switch to the runtime role.
      await expect(asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`SELECT email FROM users`))).rejects.toThrow(/permission denied/);
    });

    it('lets a head write staff records of their own school only, and an analyst none', async () => {
      const other = world.A.personAtOtherSchool.id;
      await expect(asRequest(world.A.users.SCHOOL_LEAD, (ctx) => ctx.em.query(`UPDATE people SET job_title = 'x' WHERE id = $1`, [other]))).rejects.toThrow(/row-level security/);
      const own = world.A.colleagueAtLeadSchool.id;
      expect(await asRequest(world.A.users.SCHOOL_LEAD, (ctx) => ctx.em.query(`UPDATE people SET job_title = job_title WHERE id = $1 RETURNING id`, [own]))).toEqual([[{ id: own }], 1]);
      expect(await asRequest(world.A.users.ANALYST, (ctx) => ctx.em.query(`UPDATE people SET job_title = job_title RETURNING id`))).toEqual([[], 0]);
    });

    it('lets a practitioner change their own details but not their school or leadership, even by SQL that bypasses the services', async () => {
      const own = world.A.practitionerPerson.id;
      expect(await asRequest(world.A.users.PRACTITIONER, (ctx) => ctx.em.query(`UPDATE people SET job_title = job_title WHERE id = $1 RETURNING id`, [own]))).toEqual([[{ id: own }], 1]);
      for (const change of [`school_id = NULL`, `leadership_level = 'HEADTEACHER'`, `in_leadership_since = '2001-01-01'`]) {
        await expect(asRequest(world.A.users.PRACTITIONER, (ctx) => ctx.em.query(`UPDATE people SET ${change} WHERE id = $1`, [own]))).rejects.toThrow(/may not change their own school or leadership/);
      }
    });

    it('runs as the runtime role, not as the connection’s user', async () => {
      const [who] = await asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) => ctx.em.query(`SELECT current_user AS role, current_setting('app.alliance_id') AS alliance`));
      expect(who).toEqual({ role: RUNTIME_ROLE, alliance: world.A.alliance.id });
    });

    // The session user may always switch back: the wall holds against forgotten conditions, not against
    // SQL that sets its own role, so no code but the request transaction may do that.
    it('has no code that changes the role or the app settings but the request transaction', () => {
      const offenders = execFileSync('grep', ['-rlEi', String.raw`(set|reset)\s+(local\s+)?(role|session authorization)|set_config\(|app\.(alliance_id|role|user_id|person_id|school_id)`, 'src'], { encoding: 'utf8' }).trim().split('\n');
      expect(offenders).toEqual(['src/context/request-transaction.ts']);
    });
  });

  it('keeps a page of a large alliance in index order under the policies: no sort of the whole alliance', async () => {
    await t.db.dataSource.query(
      `INSERT INTO people (alliance_id, given_name, family_name) SELECT $1, 'Bulk' || i, 'Row' || i FROM generate_series(1, 3000) i`,
      [world.A.alliance.id],
    );
    await t.db.dataSource.query('ANALYZE people');
    const plan = await asRequest(world.A.users.ALLIANCE_ADMIN, (ctx) =>
      ctx.em.query(`EXPLAIN SELECT e.id FROM people e WHERE e.alliance_id = $1 ORDER BY (e.family_name || ' ' || e.given_name), e.id LIMIT 101`, [world.A.alliance.id]),
    );
    const text = plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('Index Scan using people_alliance_id');
    expect(text).not.toMatch(/Sort|Seq Scan/);
    await t.db.dataSource.query(`DELETE FROM people WHERE given_name LIKE 'Bulk%'`);
  });
});
