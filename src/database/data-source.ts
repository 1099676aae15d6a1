import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from '../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
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
    // A statement timeout on every pooled connection bounds any request's SQL (SECURITY.md L4).
    extra: { max: poolSize, statement_timeout: statementTimeoutMs, application_name: applicationName },
  });
}

/** Pending migrations, for /readyz and for the start-up log. */
export async function pendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
