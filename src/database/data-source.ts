import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from '../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /**
   * Null: no statement timeout, for migrations, demo data and command-line tools; their waits for a
   * table lock are still bounded (10 s), so a migration behind live traffic fails instead of queueing
   * every request behind it.
   */
  statementTimeoutMs?: number | null;
  applicationName?: string;
}

export function createDataSource({ url, poolSize = 10, statementTimeoutMs = 5000, applicationName = 'alliance-graph' }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: false,
    // A statement timeout on every pooled connection bounds any request's SQL (SECURITY.md L4). Waiting for
    // a row lock gives up sooner, as CONFLICT (see format-error.ts), so a busy row is not an internal error.
    // Dates such as current_date are England's, whatever the server's zone.
    extra: {
      max: poolSize,
      ...(statementTimeoutMs === null
        ? { lock_timeout: 10_000 }
        : {
            statement_timeout: statementTimeoutMs,
            lock_timeout: Math.max(100, Math.floor(statementTimeoutMs / 2)),
            // A backstop behind the request transaction's own ending: PostgreSQL ends a session left
            // idle inside a transaction, and a request waiting for a connection gives up, rather than
            // a lost request holding a pooled connection for good.
            idle_in_transaction_session_timeout: Math.max(10_000, statementTimeoutMs * 2),
            connectionTimeoutMillis: Math.max(10_000, statementTimeoutMs * 2),
          }),
      options: '-c TimeZone=Europe/London',
      application_name: applicationName,
    },
  });
}
