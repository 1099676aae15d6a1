import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';

/**
 * Names carry this run's id, so that two runs on one DATABASE_URL server never drop each other's
 * databases. Global setup sets it; Jest passes the environment on to the test files.
 */
export const runId = (): string => {
  const id = process.env.AG_TEST_RUN;
  if (!id) throw new Error('AG_TEST_RUN is set by test/global-setup.ts');
  return id;
};
export const templateDatabase = () => `ag_template_${runId()}`;
export const testDatabasePrefix = () => `ag_test_${runId()}_`;

function serverUrl(): string {
  const url = process.env.TEST_SERVER_URL;
  if (!url) throw new Error('TEST_SERVER_URL is set by test/global-setup.ts');
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Counts the SQL statements a piece of work sends, to prove that loaders batch. */
export class QueryCounter implements Logger {
  queries: string[] = [];
  logQuery(query: string) {
    this.queries.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  reset() {
    this.queries = [];
  }
  /** Statements that read data (a request's transaction and settings start with START TRANSACTION). */
  get selects(): string[] {
    return this.queries.filter((q) => /^\s*select/i.test(q));
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  counter: QueryCounter;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the template, in a fraction of a second. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${testDatabasePrefix()}${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  const url = databaseUrl(name);
  const counter = new QueryCounter();
  const dataSource = createDataSource({ url, poolSize: 4 });
  dataSource.setOptions({ logger: counter, logging: ['query'] });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    counter,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
