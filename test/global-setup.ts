import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../src/database/connect';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { TEMPLATE_DATABASE } from './helpers/database';

/**
 * One database server for the whole run: an ephemeral embedded PostgreSQL, or DATABASE_URL's server.
 * The migrations build one template database once; each test file copies it (helpers/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `alliance-graph-test-${process.pid}`, 'pg'),
      ephemeral: true,
      fast: true,
    });
    (globalThis as { __EMBEDDED_PG__?: typeof embedded }).__EMBEDDED_PG__ = embedded;
    serverUrl = embedded.url;
  }
  process.env.TEST_SERVER_URL = serverUrl;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.end();
  const url = await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
