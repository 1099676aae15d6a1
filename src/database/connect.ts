import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Logger } from '../common/logger';
import { createDataSource } from './data-source';
import { attachToRunning, EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'alliance_graph';

export interface Database {
  dataSource: DataSource;
  /** Where the data lives, for the start-up message. */
  description: string;
  /** Work that may take long and must not be cut by the request timeouts: migrations, demo data. */
  withoutTimeouts<T>(work: (maintenance: DataSource) => Promise<T>): Promise<T>;
  /** Closes the pool, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL with its data in DATA_DIR. Tools (token,
 * import, migrate) pass `shareRunning` to use the cluster of a running `npm start` instead of
 * failing on its lock.
 */
export async function connectDatabase(config: Config, log: Logger, options: { shareRunning?: boolean; tool?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = path.join(config.dataDir, 'pg');
    embedded = (options.shareRunning ? attachToRunning({ dataDir }) : undefined) ?? (await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, log: (message) => log.info(message) }));
    url = await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  }
  // Tools run long statements on purpose (a migration, an import); requests are bounded.
  const dataSource = createDataSource({ url, poolSize: options.tool ? 2 : config.DB_POOL_SIZE, statementTimeoutMs: options.tool ? null : config.STATEMENT_TIMEOUT_MS });
  const serverUrl = url;
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    description: embedded ? `embedded PostgreSQL on port ${embedded.port}, data in ${embedded.dataDir}` : `PostgreSQL at ${redact(url)}`,
    async withoutTimeouts<T>(work: (maintenance: DataSource) => Promise<T>): Promise<T> {
      const maintenance = createDataSource({ url: serverUrl, poolSize: 2, statementTimeoutMs: null, applicationName: 'alliance-graph-maintenance' });
      await maintenance.initialize();
      try {
        return await work(maintenance);
      } finally {
        await maintenance.destroy();
      }
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Creates the database on a server if it is missing; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
