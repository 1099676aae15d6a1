import { DataSource, Migration } from 'typeorm';

const MIGRATION_LOCK = 'alliance-graph:migrations';

/**
 * Applies pending migrations, one process at a time: TypeORM takes no lock of its own, and two
 * instances starting together would both try to apply the same migration.
 */
export async function migrate(dataSource: DataSource): Promise<Migration[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
