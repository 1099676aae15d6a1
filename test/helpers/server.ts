import { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLError, print } from 'graphql';
import pino from 'pino';
import { createTokenVerifier } from '../../src/auth/tokens';
import { createFormatError } from '../../src/common/format-error';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { AppServer, createServer } from '../../src/server';
import { createUser, TEST_JWT_SECRET, TestUser } from '../factories/users';
import { createTestDatabase, TestDatabase } from './database';

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface ExecuteOptions {
  /** Who calls: a user made with createUser, 'anonymous', or (by default) a signed-in user with no membership. */
  as?: TestUser | 'anonymous';
  /** A raw token, for tests of bad tokens. */
  token?: string;
  /** X-Alliance-Id. */
  alliance?: string;
}

export interface ExecuteResult<T> {
  data?: T | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  db: TestDatabase;
  server: AppServer;
  /** A signed-in user without memberships: sees shared reference data only. */
  reader: TestUser;
  execute<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V> | string, variables?: V, options?: ExecuteOptions): Promise<ExecuteResult<T>>;
  close(): Promise<void>;
}

export const verifyTestToken = createTokenVerifier({ secret: TEST_JWT_SECRET });

export async function createTestServer(db: TestDatabase): Promise<AppServer> {
  return createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken });
}

/**
 * A migrated database of its own (with the demo data if asked) and the real server on it. Operations run through Apollo's
 * executeOperation with the context the HTTP endpoint would build from the same headers.
 */
export async function startTestServer(options: { demoData?: boolean } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  if (options.demoData) await db.dataSource.transaction((em) => loadDemoData(em));
  const server = await createTestServer(db);
  const reader = await createUser(db.dataSource.manager, { email: 'reader@test.invalid' });
  return {
    db,
    server,
    reader,
    async execute(document, variables, options = {}) {
      const query = typeof document === 'string' ? document : print(document);
      const as = options.as ?? reader;
      const token = options.token ?? (as === 'anonymous' ? undefined : as.token);
      let contextValue;
      try {
        contextValue = await server.createContext({ requestId: 'test', log: silentLogger, authorization: token ? `Bearer ${token}` : undefined, allianceHeader: options.alliance });
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [createFormatError({ production: true })(error.toJSON())] };
        throw error;
      }
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;
export interface Refusal {
  message: string;
  extensions: Record<string, unknown>;
}

/**
 * The three calls API tests make as a user: `run` (the raw result), `ok` (no error: the data) and
 * `refused` (exactly one error: it). `server` is read at call time, as tests start it in beforeAll.
 */
export function callsAs(server: () => TestServer) {
  const run = (source: string, variables: Record<string, unknown>, as: TestUser) => server().execute<Data, Record<string, unknown>>(source, variables, { as });
  const ok = async (source: string, variables: Record<string, unknown>, as: TestUser): Promise<Data> => {
    const result = await run(source, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const refused = async (source: string, variables: Record<string, unknown>, as: TestUser): Promise<Refusal> => {
    const result = await run(source, variables, as);
    expect(result.errors).toHaveLength(1);
    return result.errors![0] as Refusal;
  };
  return { run, ok, refused };
}
