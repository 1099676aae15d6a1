import { DataSource, Migration } from 'typeorm';

const MIGRATION_LOCK = 'alliance-graph:migrations';

/**
 * Schema changes one process at a time: TypeORM takes no lock of its own, and two instances starting
 * together would both try to apply the same migration. Waiting for the lock is unbounded; the
 * migrations' own table locks keep the data source's lock timeout.
 */
async function underMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SET lock_timeout = 0');
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    return await work();
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.query('RESET lock_timeout').catch(() => undefined);
    await lock.release();
  }
}

export function migrate(dataSource: DataSource): Promise<Migration[]> {
  return underMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
}

/** Reverts the last applied migration; its name, or undefined when none is applied. */
export function revertLast(dataSource: DataSource): Promise<string | undefined> {
  return underMigrationLock(dataSource, async () => {
    const last: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1').catch(() => []);
    if (!last.length) return undefined;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return last[0].name;
  });
}
