import { GraphQLError } from 'graphql';
import { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../context/context';
import type { Logger } from '../common/logger';

/**
 * The per-caller request budget (SECURITY.md L5): each caller may spend so many points a window,
 * and the counters live in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres, on the
 * request_budget table of migration RequestBudget), so every API process on one database spends
 * from the same budget. A signed-in caller is counted by user id (whatever token or alliance they
 * use), an anonymous one by client address (behind proxies, see TRUST_PROXY).
 */
export interface RequestBudgetOptions {
  /** Points a caller may spend per window; 0 turns the budget off. */
  points: number;
  windowSeconds: number;
}

/** A request costs one point, plus one for every full thousand of its query cost (limits.ts): a staff query at its cost limit spends 51, an analyst's 101. */
export const COST_PER_POINT = 1000;
export const budgetPoints = (cost: number): number => 1 + Math.floor(Math.max(0, cost) / COST_PER_POINT);

export const RATE_LIMITED = 'RATE_LIMITED';

export class RateLimited extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`request budget spent: try again in ${retryAfterSeconds} s`, {
      extensions: { code: RATE_LIMITED, retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
    });
  }
}

export interface RequestBudget {
  /** Spends `points` of the key's budget, or throws RateLimited (HTTP 429 with Retry-After) when they are not left. */
  spend(key: string, points: number): Promise<void>;
  close(): Promise<void>;
}

/** A hidden property, not a WeakMap: Apollo hands plugins a shallow copy of the context, which keeps it. */
const CLIENT_ADDRESS = Symbol('clientAddress');

/** The server records each request's client address (req.ip) with its context: anonymous callers are counted by it. */
export function rememberClientAddress(ctx: object, address: string | undefined): void {
  // Enumerable, so that Apollo's copy (Object.assign) keeps it; a symbol stays out of Object.keys and JSON.
  if (address) Object.defineProperty(ctx, CLIENT_ADDRESS, { value: address, enumerable: true });
}

export function budgetKey(ctx: Pick<RequestContext, 'viewer'>): string {
  return ctx.viewer ? `user:${ctx.viewer.user.id}` : `ip:${(ctx as { [CLIENT_ADDRESS]?: string })[CLIENT_ADDRESS] ?? 'unknown'}`;
}

export const REQUEST_BUDGET_TABLE = 'request_budget';

/**
 * The counters are written through a small pool of their own, with the owner's rights: not the
 * request's connection (its transaction runs as the runtime role, which is granted nothing on
 * request_budget, and a counter row locked until the request ends would queue the caller's other
 * requests), and not the request pool (a request holds one of its connections already; waiting for
 * a second could deadlock a full pool). If PostgreSQL cannot be reached for the counters, each
 * process falls back to an in-memory budget of the same size (the library's insurance limiter)
 * rather than refusing everyone or letting everyone through.
 */
export function createRequestBudget(dataSource: DataSource, options: RequestBudgetOptions, logger: Logger): RequestBudget {
  const db = dataSource.options as unknown as { url?: string; host?: string; port?: number; username?: string; password?: unknown; database?: string; ssl?: unknown };
  const pool = new Pool({
    connectionString: db.url,
    host: db.host,
    port: db.port,
    user: db.username,
    password: typeof db.password === 'string' ? db.password : undefined,
    database: db.database,
    ssl: db.ssl as boolean | undefined,
    max: 2,
    statement_timeout: 2000,
    connectionTimeoutMillis: 2000,
    application_name: 'alliance-graph-budget',
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'request budget connection lost'));
  const limiterOptions = { points: options.points, duration: options.windowSeconds, keyPrefix: 'budget' };
  const limiter = new RateLimiterPostgres({
    ...limiterOptions,
    storeClient: pool,
    storeType: 'pool',
    tableName: REQUEST_BUDGET_TABLE,
    // Made by the migration: the API needs no CREATE.
    tableCreated: true,
    // A spent key is refused from memory until its window ends: no SQL for a caller over budget.
    inMemoryBlockOnConsumed: options.points,
    insuranceLimiter: new RateLimiterMemory(limiterOptions),
  });
  return {
    async spend(key, points) {
      try {
        await limiter.consume(key, Math.min(points, options.points));
      } catch (result) {
        if (result instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(result.msBeforeNext / 1000)));
        // Neither store answered: let the request through rather than refuse everyone.
        logger.warn({ err: result }, 'request budget unavailable');
      }
    },
    async close() {
      clearTimeout((limiter as unknown as { _clearExpiredTimeoutId?: NodeJS.Timeout })._clearExpiredTimeoutId);
      await pool.end();
    },
  };
}
