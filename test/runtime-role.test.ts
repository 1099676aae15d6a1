import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../src/database/data-source';
import { loadDemoData } from '../src/demo/load-demo-data';
import { createServer } from '../src/server';
import { MembershipRole } from '../src/modules/users/user-enums';
import { Membership } from '../src/modules/users/membership.entity';
import { User } from '../src/modules/users/user.entity';
import { signToken } from '../src/auth/tokens';
import { TEST_JWT_SECRET } from './factories/users';
import { silentLogger, verifyTestToken } from './helpers/server';

/**
 * A DATABASE_URL whose user owns the database but is not a superuser: the migrations say what to
 * grant when that user may not use the runtime role; once granted, the owner's tools still see every
 * row (RLS is forced on the owner too) and requests see their alliance's only.
 */
describe('a database owner that is not a superuser', () => {
  const owner = `ag_owner_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const database = `${owner}_db`;
  const server = () => process.env.TEST_SERVER_URL!;
  const urlAs = (user: string, pass: string, db: string) => {
    const url = new URL(server());
    url.username = user;
    url.password = pass;
    url.pathname = `/${db}`;
    return url.toString();
  };
  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: server() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE ROLE ${owner} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEROLE`);
    await admin(`CREATE DATABASE ${database} OWNER ${owner}`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${owner}`);
  });

  it('refuses to migrate with an error that names the grant to ask for, and applies nothing of that migration', async () => {
    const ds = createDataSource({ url: urlAs(owner, password, database), poolSize: 1, statementTimeoutMs: null });
    await ds.initialize();
    try {
      await expect(ds.runMigrations({ transaction: 'each' })).rejects.toThrow(`GRANT alliance_graph_api TO ${owner};`);
      const applied: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).not.toContain('RowLevelSecurity1795370300000');
      expect(await ds.query(`SELECT relrowsecurity FROM pg_class WHERE relname = 'people'`)).toEqual([{ relrowsecurity: false }]);
    } finally {
      await ds.destroy();
    }
  });

  it('once granted, migrates; its tools see every row, and requests only their alliance’s', async () => {
    await admin(`GRANT alliance_graph_api TO ${owner}`);
    // The role anonymous requests run as: the same request, named by its own migration.
    {
      const ds = createDataSource({ url: urlAs(owner, password, database), poolSize: 1, statementTimeoutMs: null });
      await ds.initialize();
      await expect(ds.runMigrations({ transaction: 'each' })).rejects.toThrow(`GRANT alliance_graph_public TO ${owner};`);
      await ds.destroy();
    }
    await admin(`GRANT alliance_graph_public TO ${owner}`);
    const ds = createDataSource({ url: urlAs(owner, password, database), poolSize: 2 });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await ds.transaction((em) => loadDemoData(em));
      const [{ alliances }] = await ds.query(`SELECT count(DISTINCT alliance_id)::int AS alliances FROM people`);
      expect(alliances).toBeGreaterThanOrEqual(5);

      const user = await ds.getRepository(User).findOneByOrFail({ email: 'coordinator@romero.demo' });
      const membership = await ds.getRepository(Membership).findOneByOrFail({ userId: user.id });
      const app = await createServer({ dataSource: ds, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken });
      try {
        const ctx = await app.createContext({ requestId: 'owner', log: silentLogger, authorization: `Bearer ${await signToken(TEST_JWT_SECRET, user.id)}` });
        const rows: { alliance_id: string; who: string }[] = await ctx.em.query(`SELECT alliance_id, current_user AS who FROM people`);
        await ctx.end(false);
        expect(new Set(rows.map((r) => r.alliance_id))).toEqual(new Set([membership.allianceId]));
        expect(rows[0].who).toBe('alliance_graph_api');
        expect(membership.role).toBe(MembershipRole.ALLIANCE_ADMIN);
      } finally {
        await app.stop();
      }
    } finally {
      await ds.destroy();
    }
  });
});
