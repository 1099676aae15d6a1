import { DataSource } from 'typeorm';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { createTestDatabase, TestDatabase } from './database';

/**
 * Databases of their own with the demo data loaded as on a given day, for the tests that load it on
 * other days and twice on one; call it in a describe block, which drops them all afterwards.
 */
export function demoDatabases(): (today: string) => Promise<DataSource> {
  const dbs: TestDatabase[] = [];
  afterAll(() => Promise.all(dbs.map((db) => db.drop())));
  return async (today) => {
    const db = await createTestDatabase();
    dbs.push(db);
    await db.dataSource.transaction((em) => loadDemoData(em, today));
    return db.dataSource;
  };
}
