import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { templateDatabase, testDatabasePrefix } from './helpers/database';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void>; dataDir: string } }).__EMBEDDED_PG__;
  if (embedded) {
    await embedded.stop();
    fs.rmSync(path.dirname(embedded.dataDir), { recursive: true, force: true });
    return;
  }
  // On a shared server, leave nothing of this run behind, and touch no other run's databases.
  const admin = new Client({ connectionString: process.env.TEST_SERVER_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2`, [testDatabasePrefix(), templateDatabase()]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
