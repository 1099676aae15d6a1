import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pino from 'pino';
import { createContext } from '../../src/context/create-context';
import { AppServer, createServer } from '../../src/server';
import { createTestDatabase, TestDatabase } from './database';

export const silentLogger = pino({ level: 'silent' });

export interface ExecuteOptions {
  token?: string;
  alliance?: string;
}

export interface ExecuteResult<T> {
  data?: T | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  db: TestDatabase;
  server: AppServer;
  execute<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V> | string, variables?: V, options?: ExecuteOptions): Promise<ExecuteResult<T>>;
  close(): Promise<void>;
}

/** A migrated database of its own and the real server on it; operations run through Apollo's executeOperation. */
export async function startTestServer(): Promise<TestServer> {
  const db = await createTestDatabase();
  const server = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger });
  return {
    db,
    server,
    async execute(document, variables, options = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const contextValue = await createContext(db.dataSource, { requestId: 'test', log: silentLogger, authorization: options.token ? `Bearer ${options.token}` : undefined, allianceHeader: options.alliance });
      const response = await server.apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
      return response.body.singleResult as ExecuteResult<never>;
    },
    async close() {
      await server.stop();
      await db.drop();
    },
  };
}
