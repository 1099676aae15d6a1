import { Client } from 'pg';
import { TEMPLATE_DATABASE } from './helpers/database';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // On a shared server, leave nothing behind.
  const admin = new Client({ connectionString: process.env.TEST_SERVER_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'ag_test_%' OR datname = $1`, [TEMPLATE_DATABASE]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
