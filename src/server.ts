import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLError } from 'graphql';
import { pinoHttp } from 'pino-http';
import { DataSource } from 'typeorm';
import { Config } from './config';
import { createFormatError, errorLoggingPlugin } from './common/format-error';
import { Logger, withoutValues } from './common/logger';
import { RequestContext } from './context/context';
import { ContextFactory, createContextFactory } from './context/create-context';
import { endRequestPlugin } from './context/end-request-plugin';
import { refuseNulPlugin } from './common/refuse-nul';
import { TokenVerifier } from './auth/tokens';
import { limitRules, limitsPlugin, LOOSEST_LIMITS } from './limits/limits';
import { createRequestBudget, rememberClientAddress } from './limits/request-budget';
import { explorerRouter } from './ops/explorer';
import { statusHeaders } from './ops/http-status';
import { loadManifest, persistedDocuments } from './ops/persisted-documents';
import { publicCachePlugin } from './ops/public-cache';
import { createMetrics, measureOf, Metrics } from './ops/metrics';
import { csvExport } from './ops/csv-export';
import { migrations } from '../migrations';
import { getSchema } from './schema';
import { compiledGateway } from './execution/compiled-executor';

export interface ServerDeps {
  dataSource: DataSource;
  config: Pick<Config, 'NODE_ENV' | 'CORS_ORIGINS'> & Partial<Pick<Config, 'AGGREGATE_MIN_GROUP_SIZE' | 'EXPLORER' | 'METRICS' | 'METRICS_TOKEN' | 'METRICS_PORT' | 'PEDEX_CACHE_MAX_AGE' | 'ANONYMOUS_PERSISTED_ONLY' | 'REQUEST_BUDGET_POINTS' | 'REQUEST_BUDGET_WINDOW_SECONDS' | 'TRUST_PROXY'>>;
  logger: Logger;
  /** Absent: every bearer token is refused. */
  verifyToken?: TokenVerifier;
  /** False for `npm run bench` only, to measure the second wall's cost: no request transaction, no runtime role. */
  wall?: boolean;
  /** `compiled` (default): graphql-jit behind Apollo's gateway interface; `graphql-js`: Apollo's own executor. */
  executor?: 'compiled' | 'graphql-js';
  /** The most rows a CSV export holds (src/ops/csv-export.ts); 100,000 unless given. */
  exportMaxRows?: number;
}

export interface AppServer {
  apollo: ApolloServer<RequestContext>;
  httpServer: http.Server;
  app: express.Express;
  /** Prometheus metrics; main.ts serves them on METRICS_PORT when that is set. */
  metrics: Metrics;
  /** The context the GraphQL endpoint builds for a request, for tests that call executeOperation. */
  createContext: ContextFactory;
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, then stops Apollo. The caller closes the pool. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

export async function createServer({ dataSource, config, logger, verifyToken, executor = 'compiled', wall = true, exportMaxRows }: ServerDeps): Promise<AppServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const production = config.NODE_ENV === 'production';
  const metrics = createMetrics(dataSource, { token: config.METRICS_TOKEN });
  const createContext = createContextFactory(dataSource, verifyToken, config.AGGREGATE_MIN_GROUP_SIZE ?? 5, { wall });
  // Left out of the deps (hand-built test servers, the bench): no budget. loadConfig's default turns it on.
  const budget = config.REQUEST_BUDGET_POINTS ? createRequestBudget(dataSource, { points: config.REQUEST_BUDGET_POINTS, windowSeconds: config.REQUEST_BUDGET_WINDOW_SECONDS ?? 60 }, logger) : undefined;

  const apollo = new ApolloServer<RequestContext>({
    ...(executor === 'compiled' ? { gateway: compiledGateway(getSchema()) } : { schema: getSchema() }),
    formatError: createFormatError({ production }),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    // Apollo's automatic persisted queries would let any caller register a document; ours are the
    // codegen manifest's only (src/ops/persisted-documents.ts).
    persistedQueries: false,
    csrfPrevention: true,
    // main.ts stops the server, then the pool, then PostgreSQL, in that order; Apollo must not race it.
    stopOnTerminationSignals: false,
    // The loosest of any caller class; limitsPlugin checks the caller's own once it is known.
    validationRules: limitRules(LOOSEST_LIMITS),
    parseOptions: { maxTokens: LOOSEST_LIMITS.tokens },
    introspection: true,
    plugins: [
      limitsPlugin({ production, budget }),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used; the plugin costs ~28 ms on a large response.
      ApolloServerPluginCacheControlDisabled(),
      // Public PedEx answers get their own Cache-Control instead (SECURITY.md D4).
      publicCachePlugin({ maxAge: config.PEDEX_CACHE_MAX_AGE ?? 300 }),
      // The query editor is the API's own (src/ops/explorer.ts); Apollo's loads from outside hosts.
      ApolloServerPluginLandingPageDisabled(),
      metrics.plugin,
      errorLoggingPlugin,
      endRequestPlugin,
      refuseNulPlugin,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', config.TRUST_PROXY);
  app.use(metrics.responses);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (req) => ({ requestId: req.id }),
      // Method and path only: query strings can carry GET variables, headers carry tokens.
      serializers: { req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }), err: withoutValues },
      quietReqLogger: true,
      // Probes and scrapes would drown the request log.
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const problem = await readinessProblem(dataSource);
    res.status(problem ? 503 : 200).json(problem ? { status: 'unavailable', reason: problem } : { status: 'ok' });
  });
  // GET /metrics here unless it has a port of its own (METRICS_PORT); with METRICS_TOKEN it needs that token.
  if (config.METRICS && config.METRICS_PORT === undefined) app.get('/metrics', metrics.handler);
  if (config.EXPLORER) app.use(explorerRouter());
  app.use('/graphql', statusHeaders());
  app.use('/graphql', (_req, res, next) => {
    // Every answer may hold personal data unless publicCachePlugin finds it public (SECURITY.md D4).
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Vary', 'Authorization, X-Alliance-Id');
    next();
  });
  // A query's root connection as CSV, each page run through Apollo as /graphql runs it (README, "Analysts: CSV exports").
  app.use(
    '/graphql/export.csv',
    cors<cors.CorsRequest>({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, exposedHeaders: ['Content-Disposition'] }),
    express.json({ limit: '100kb' }),
    csvExport({ apollo, createContext, schema: getSchema(), formatError: createFormatError({ production }), maxRows: exportMaxRows }),
  );
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false }),
    express.json({ limit: '100kb' }),
    // A document named by its hash runs the manifest's text; anonymous text is refused where configured
    // (loadConfig: in production). Left out of the deps, as by hand-built test servers: text is allowed.
    persistedDocuments({ manifest: loadManifest(), anonymousPersistedOnly: config.ANONYMOUS_PERSISTED_ONLY ?? false }),
    metrics.graphqlScope,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          const ctx = await createContext({ requestId: String(req.id), log: req.log, authorization: req.headers.authorization, allianceHeader: req.header('x-alliance-id'), measure: measureOf(res) });
          // The response's end always ends the request's transaction (normally a no-op: endRequestPlugin
          // committed it): a client gone mid-request, or a request Apollo refuses before any plugin runs
          // (a batch, a body without a query), rolls back and gives the connection back. A client gone
          // while the context was being built has already closed: end it now.
          rememberClientAddress(ctx, req.ip);
          if (res.closed || req.socket.destroyed) void ctx.end(false);
          else res.once('close', () => void ctx.end(false));
          return ctx;
        } catch (error) {
          // Apollo answers a failed context without logging it; a refusal is expected, anything else is a fault.
          if (!(error instanceof GraphQLError)) req.log.error({ err: error }, 'context creation failed');
          throw error;
        }
      },
    }),
  );
  app.use(jsonErrors(logger));

  return {
    apollo,
    httpServer,
    app,
    metrics,
    createContext,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost'}:${actual}/graphql`);
        });
      }),
    // The drain plugin closes the HTTP server and waits for in-flight requests.
    stop: async () => {
      metrics.forget();
      await apollo.stop();
      await budget?.close();
    },
  };
}

/** Database reachable and every migration applied. */
async function readinessProblem(dataSource: DataSource): Promise<string | undefined> {
  try {
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations');
    const names = new Set(applied.map((m) => m.name));
    const pending = migrations.filter((m) => !names.has(m.name));
    return pending.length ? `${pending.length} migration(s) not applied` : undefined;
  } catch {
    return 'database unreachable or not migrated';
  }
}

/** Body-parser failures (too large: 413, malformed JSON: 400) as JSON, without internals. */
function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _req, res, _next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    const message = status === 413 ? 'request body too large' : status === 500 ? 'internal server error' : 'bad request';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
}
