import { timingSafeEqual } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import express from 'express';
import pg from 'pg';
import client from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * Prometheus metrics (prom-client). SQL statements and pool waits are counted where every statement
 * passes, pg's Client.query and Pool.connect, and attributed to a GraphQL request by its connection:
 * every statement of a request runs on the one connection its transaction holds (the request budget's
 * own pool aside, which counts as "other"), marked with the request's measure until it is given back.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const COUNT_BUCKETS = [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100];

const requests = new client.Counter({ name: 'graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok, or the first error code)', labelNames: ['operation', 'outcome'], registers: [registry] });
const duration = new client.Histogram({ name: 'graphql_request_duration_seconds', help: 'GraphQL request latency, from the parsed body to the last byte', labelNames: ['operation', 'outcome'], buckets: DURATION_BUCKETS, registers: [registry] });
const statementsPerRequest = new client.Histogram({ name: 'graphql_request_sql_statements', help: 'SQL statements one GraphQL request ran', labelNames: ['operation'], buckets: COUNT_BUCKETS, registers: [registry] });
const poolWaitsPerRequest = new client.Histogram({ name: 'graphql_request_pool_waits', help: 'Times one GraphQL request waited for a free pooled connection', labelNames: ['operation'], buckets: [0, 1, 2, 3, 5, 10], registers: [registry] });
const statements = new client.Counter({ name: 'db_statements_total', help: 'SQL statements sent, by whether a GraphQL request sent them', labelNames: ['scope'], registers: [registry] });
const poolWaitSeconds = new client.Histogram({ name: 'db_pool_wait_seconds', help: 'Time spent waiting for a free pooled connection, when every connection was busy', buckets: DURATION_BUCKETS, registers: [registry] });
const httpResponses = new client.Counter({ name: 'http_responses_total', help: 'HTTP responses by route and status code', labelNames: ['route', 'status'], registers: [registry] });

/** Pools whose size is reported; tests run several servers in one process. */
const pools = new Set<DataSource>();
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}
const poolOf = (dataSource: DataSource) => (dataSource.isInitialized ? ((dataSource.driver as unknown as { master?: PgPool }).master ?? undefined) : undefined);
const sumPools = (read: (pool: PgPool) => number) => [...pools].reduce((sum, ds) => sum + ((p) => (p ? read(p) : 0))(poolOf(ds)), 0);
new client.Gauge({ name: 'db_pool_max_connections', help: 'Connections the request pool may open', registers: [registry], collect() { this.set(sumPools((p) => p.options.max)); } });
new client.Gauge({ name: 'db_pool_connections', help: 'Connections the request pool holds, by state', labelNames: ['state'], registers: [registry], collect() {
  this.set({ state: 'idle' }, sumPools((p) => p.idleCount));
  this.set({ state: 'in_use' }, sumPools((p) => p.totalCount - p.idleCount));
} });
new client.Gauge({ name: 'db_pool_waiting_clients', help: 'Requests waiting for a pooled connection now', registers: [registry], collect() { this.set(sumPools((p) => p.waitingCount)); } });

export interface JobCount {
  task: string;
  state: 'waiting' | 'running' | 'failed';
  jobs: number;
}
/** The job queue's readers (src/jobs), one per worker that runs in this process. */
const jobQueues = new Set<() => Promise<JobCount[]>>();
new client.Gauge({ name: 'job_queue_jobs', help: 'Jobs in the PostgreSQL job queue, by task and state (waiting: to run now or at a retry; running; failed: out of attempts)', labelNames: ['task', 'state'], registers: [registry], async collect() {
  this.reset();
  // Every reader of a process reads the same queue (tests run several workers in one process): set, not add.
  for (const read of jobQueues) {
    // A database that does not answer leaves the gauge empty; /metrics itself must still answer.
    const counts = await read().catch(() => []);
    for (const { task, state, jobs } of counts) this.set({ task, state }, jobs);
  }
} });
/** Reports a job queue's depth on /metrics until the returned function is called. */
export function reportJobQueue(read: () => Promise<JobCount[]>): () => void {
  jobQueues.add(read);
  return () => jobQueues.delete(read);
}

/**
 * What /metrics records of one GraphQL request. It travels with the request (the response's locals,
 * the request's context, and its pooled connection while the request holds it), not in an
 * AsyncLocalStorage: on Node 20 an active one puts a hook on every promise of the process, measured
 * at about 5% of a small page's CPU.
 */
export interface RequestMeasure {
  statements: number;
  poolWaits: number;
  operation?: string;
  outcome?: string;
}
const MEASURED = Symbol('request measure');
type Measured = { [MEASURED]?: RequestMeasure };

/** Counts a wait for a connection against the request when every connection of the data source's pool is in use. */
export function notePoolWait(dataSource: DataSource, measure: RequestMeasure | undefined): void {
  const pool = measure && poolOf(dataSource);
  if (pool && poolIsBusy(pool)) measure!.poolWaits++;
}

/** Counts the statements a request's own connection sends, until it is given back (with undefined). */
export function measureConnection(connection: unknown, measure: RequestMeasure | undefined): void {
  if (connection) (connection as Measured)[MEASURED] = measure;
}

/** The request's measure, set on its response by `graphqlScope`. */
export function measureOf(res: express.Response): RequestMeasure | undefined {
  return res.locals[MEASURE_LOCAL] as RequestMeasure | undefined;
}
const MEASURE_LOCAL = 'graphqlMeasure';

/** Every connection of the pool in use: the next `connect` waits. */
export const poolIsBusy = (pool: PgPool) => pool.idleCount === 0 && pool.totalCount >= pool.options.max;

let instrumented = false;
/** Counts every statement and every wait for a pooled connection, once per process. */
function instrumentPg(): void {
  if (instrumented) return;
  instrumented = true;
  const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = clientProto.query;
  clientProto.query = function (this: Measured, ...args: unknown[]) {
    const measure = this[MEASURED];
    if (measure) measure.statements++;
    statements.inc({ scope: measure ? 'request' : 'other' });
    return query.apply(this, args);
  };
  const poolProto = pg.Pool.prototype as unknown as { connect: (...args: unknown[]) => unknown } & PgPool;
  const connect = poolProto.connect;
  poolProto.connect = function (this: PgPool, ...args: unknown[]) {
    if (!poolIsBusy(this)) return connect.apply(this, args);
    const end = poolWaitSeconds.startTimer();
    const callback = args[0];
    if (typeof callback === 'function') {
      return connect.call(this, (...result: unknown[]) => {
        end();
        return (callback as (...a: unknown[]) => unknown)(...result);
      });
    }
    return (connect.apply(this, args) as Promise<unknown>).finally(end);
  };
}

const KNOWN_OUTCOMES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'INTERNAL_SERVER_ERROR', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);
/** Operation names come from clients: at most this many distinct ones become labels, then "other". */
const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();
function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}
const outcomeOf = (code: unknown) => (code === undefined ? 'ok' : KNOWN_OUTCOMES.has(String(code)) ? String(code) : 'OTHER');
/** A request refused before Apollo's plugins ran (a bad token, a body parser's refusal): its outcome from the status. */
const outcomeOfStatus = (status: number) =>
  status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : status >= 400 ? 'BAD_REQUEST' : 'ok';

export interface Metrics {
  /** Counts every response by route and status; mount first. */
  responses: express.RequestHandler;
  /** Measures one GraphQL request; mount on /graphql after the body parser (which would lose the async context). */
  graphqlScope: express.RequestHandler;
  plugin: ApolloServerPlugin;
  /** GET /metrics; with a token, only for `Authorization: Bearer <token>`. */
  handler: express.RequestHandler;
  /** Stops reporting this server's pool. */
  forget(): void;
}

export function createMetrics(dataSource: DataSource, options: { token?: string } = {}): Metrics {
  instrumentPg();
  pools.add(dataSource);
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : undefined;
  return {
    responses(req, res, next) {
      res.once('finish', () => {
        // originalUrl: a mounted router rewrites req.url while it runs.
        const path = req.originalUrl.split('?')[0];
        const route = path.startsWith('/explorer/') ? '/explorer' : ['/graphql', '/healthz', '/readyz', '/metrics'].includes(path) ? path : 'other';
        httpResponses.inc({ route, status: String(res.statusCode) });
      });
      next();
    },
    graphqlScope(req, res, next) {
      if (req.method !== 'GET' && req.method !== 'POST') return next();
      const measure: RequestMeasure = { statements: 0, poolWaits: 0 };
      const end = duration.startTimer();
      res.once('finish', () => {
        const operation = measure.operation ?? 'unknown';
        const outcome = measure.outcome ?? outcomeOfStatus(res.statusCode);
        requests.inc({ operation, outcome });
        end({ operation, outcome });
        statementsPerRequest.observe({ operation }, measure.statements);
        poolWaitsPerRequest.observe({ operation }, measure.poolWaits);
      });
      res.locals[MEASURE_LOCAL] = measure;
      next();
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        const measure = (contextValue as { measure?: RequestMeasure }).measure;
        return {
          async didResolveOperation({ operation }) {
            if (measure) measure.operation = operationLabel(operation?.name?.value);
          },
          async willSendResponse({ response, request }) {
            if (!measure) return;
            measure.operation ??= request.operationName ? 'unresolved' : 'anonymous';
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            measure.outcome = outcomeOf(errors?.[0]?.extensions?.code ?? (errors?.length ? 'OTHER' : undefined));
          },
        };
      },
    },
    async handler(req, res) {
      if (expected) {
        const given = Buffer.from(req.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
          res.status(401).type('text/plain').send('metrics need the metrics token\n');
          return;
        }
      }
      res.setHeader('Cache-Control', 'no-store');
      res.type(registry.contentType).send(await registry.metrics());
    },
    forget() {
      pools.delete(dataSource);
    },
  };
}
