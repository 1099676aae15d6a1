import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../src/database/connect';
import { createDataSource } from '../src/database/data-source';
import { startEmbeddedPostgres, sweepStaleTempFolders } from '../src/database/embedded-postgres';
import { randomBytes } from 'node:crypto';
import { templateDatabase } from './helpers/database';

/**
 * One database server for the whole run: an ephemeral embedded PostgreSQL, or DATABASE_URL's server.
 * The migrations build one template database once; each test file copies it (helpers/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.AG_TEST_RUN = randomBytes(4).toString('hex');
  // Runs killed before their teardown leave their folders behind; an hour later, with no server in them, they go.
  sweepStaleTempFolders(['alliance-graph-test-', 'alliance-graph-start-', 'alliance-graph-crash-', 'alliance-graph-env-']);
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `alliance-graph-test-${process.env.AG_TEST_RUN}`, 'pg'),
      ephemeral: true,
      fast: true,
    });
    (globalThis as { __EMBEDDED_PG__?: typeof embedded }).__EMBEDDED_PG__ = embedded;
    serverUrl = embedded.url;
  }
  process.env.TEST_SERVER_URL = serverUrl;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase()} WITH (FORCE)`);
  await admin.end();
  const url = await ensureDatabase(serverUrl, templateDatabase());
  const dataSource = createDataSource({ url, poolSize: 1, statementTimeoutMs: null });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
