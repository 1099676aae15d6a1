import { createTestDatabase, TestDatabase } from './helpers/database';
import { migrations } from '../migrations';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  const tables = async () =>
    (await db.dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map((r: { tablename: string }) => r.tablename);
  const types = async () => (await db.dataSource.query(`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`)).length;

  it('go all the way up, all the way down, and up again on an empty database', async () => {
    const up = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(up.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(await tables()).toEqual(expect.arrayContaining(['schools', 'alliances', 'alliance_school_memberships', 'alliance_tariffs', 'alliance_terms', 'areas_of_expertise']));

    for (let i = 0; i < migrations.length; i++) await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await types()).toBe(0);
    // Functions of our own, not those of extensions such as pgcrypto.
    expect(
      await db.dataSource.query(`SELECT proname FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`),
    ).toEqual([]);

    const again = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(again).toHaveLength(migrations.length);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM areas_of_expertise')).toEqual([{ n: 29 }]);
  });

  it('give every foreign key an explicit on-delete and every alliance_id an index', async () => {
    const fks: { table: string; action: string }[] = await db.dataSource.query(`
      SELECT conrelid::regclass::text AS table, confdeltype AS action FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`);
    expect(fks.length).toBeGreaterThan(0);
    // 'a' is NO ACTION, the default a migration gets when it says nothing.
    expect(fks.filter((fk) => fk.action === 'a')).toEqual([]);

    const unindexed: { table: string }[] = await db.dataSource.query(`
      SELECT c.relname AS table FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE a.attname = 'alliance_id' AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indkey[0] = a.attnum)`);
    expect(unindexed).toEqual([]);
  });

  it("refuse a practitioner's membership pointing at another alliance's staff record, and a second lead school", async () => {
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    const [a] = await q(`INSERT INTO alliances (slug, name, kind, min_release_days_per_year) VALUES ('a', 'A', 'OTHER', 6) RETURNING id`);
    const [b] = await q(`INSERT INTO alliances (slug, name, kind, min_release_days_per_year) VALUES ('b', 'B', 'OTHER', 6) RETURNING id`);
    const [person] = await q(`INSERT INTO people (alliance_id, given_name, family_name) VALUES ($1, 'P', 'Q') RETURNING id`, [b.id]);
    const [user] = await q(`INSERT INTO users (email, display_name) VALUES ('u@x.test', 'U') RETURNING id`);
    await expect(q(`INSERT INTO memberships (user_id, alliance_id, role, person_id) VALUES ($1, $2, 'PRACTITIONER', $3)`, [user.id, a.id, person.id])).rejects.toThrow(/foreign key/);
    await q(`INSERT INTO memberships (user_id, alliance_id, role, person_id) VALUES ($1, $2, 'PRACTITIONER', $3)`, [user.id, b.id, person.id]);

    const school = async (urn: string) => (await q(`INSERT INTO schools (urn, name) VALUES ($1, 'S') RETURNING id`, [urn]))[0].id;
    const lead = `INSERT INTO alliance_school_memberships (alliance_id, school_id, role, starts_on) VALUES ($1, $2, 'LEAD_SCHOOL', '2020-09-01')`;
    await q(lead, [a.id, await school('100001')]);
    await expect(q(lead, [a.id, await school('100002')])).rejects.toThrow(/one_lead/);
  });
});
