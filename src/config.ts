import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      try {
        const parsed = new URL(v);
        if (!protocols.includes(parsed.protocol)) throw new Error();
        return v;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a ${protocols.join(' or ')} URL` });
        return z.NEVER;
      }
    });

/** An IP address or a host name (RFC 1123 labels); a typo fails here, not after the database has started. */
const host = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const hostname = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
    if (net.isIP(v) || hostname.test(v)) return v;
    ctx.addIssue({ code: 'custom', message: `must be an IP address or a host name (such as 127.0.0.1, 0.0.0.0 or localhost), got "${v}"` });
    return z.NEVER;
  });

/** Browser origins, each scheme://host[:port] exactly: responses carry personal data, so '*' and paths are refused rather than ignored. */
const origins = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const list = v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
    for (const origin of list) {
      let valid = false;
      try {
        const parsed = new URL(origin);
        valid = ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === origin.replace(/\/$/, '');
      } catch {
        // not a URL
      }
      if (!valid) {
        ctx.addIssue({
          code: 'custom',
          message: origin === '*' ? `"*" is not allowed: list each origin that may call the API from a browser, such as https://app.example.org` : `"${origin}" is not an origin: write scheme://host[:port], such as https://app.example.org, without a path`,
        });
        return z.NEVER;
      }
    }
    return list.map((o) => o.replace(/\/$/, ''));
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: host,
  PORT: int(4000, 0, 65535),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: int(0, 0, 65535),
  DB_POOL_SIZE: int(10, 1, 100),
  STATEMENT_TIMEOUT_MS: int(5000, 100, 600_000),
  AGGREGATE_MIN_GROUP_SIZE: int(5, 1, 100),
  /** Points each caller may spend per window (a request: 1, plus 1 per 1,000 of query cost), counted in PostgreSQL across processes; 0 turns the budget off. */
  REQUEST_BUDGET_POINTS: int(1200, 0, 1_000_000),
  REQUEST_BUDGET_WINDOW_SECONDS: int(60, 1, 86_400),
  /** How many proxies in front of the API may say who the client is (X-Forwarded-For); 0: the connection's address is the client's. Anonymous callers' budget is counted by it. */
  TRUST_PROXY: int(0, 0, 10),
  MIGRATE_ON_START: bool(true),
  /** Default: on, except in production, where an empty database must not get demo users. */
  DEMO_DATA: bool(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** pretty: readable lines for a terminal; json: one JSON object a line, for a log collector. Default: pretty in development, json otherwise. */
  LOG_FORMAT: z.enum(['pretty', 'json'], { error: 'must be pretty or json' }).optional(),
  CORS_ORIGINS: origins,
  /** The query editor at GET /graphql. Default: on, except in production. */
  EXPLORER: bool(true),
  /** GET /metrics. Default: on, except in production, where it needs METRICS_TOKEN (or METRICS_PORT). */
  METRICS: bool(true),
  /** When set, /metrics answers only requests with `Authorization: Bearer <METRICS_TOKEN>` (16+ characters). */
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  /** When set, /metrics is served on this port (on METRICS_HOST, default 127.0.0.1) instead of the API's. */
  METRICS_PORT: int(0, 1, 65535).optional(),
  METRICS_HOST: host,
  /** The job queue's worker (scheduled sweeps) in this process. Off in some processes when others run it; off in all, scheduled work waits. */
  JOBS_ENABLED: bool(true),
  /** Seconds a CDN or browser may keep a public PedEx response (`Cache-Control: public, max-age=N`). */
  PEDEX_CACHE_MAX_AGE: int(300, 0, 86_400),
  /** Anonymous callers may only run the PedEx manifest's documents, by hash. Default: on in production, off otherwise. */
  ANONYMOUS_PERSISTED_ONLY: bool(false),
  JWT_SECRET: z.string().optional(),
  JWKS_URL: url(['https:', 'http:']),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
});

export type Config = Omit<z.infer<typeof schema>, 'LOG_FORMAT'> & { LOG_FORMAT: 'pretty' | 'json'; dataDir: string };

export class ConfigError extends Error {}

/** Every environment variable is read here and nowhere else, so a bad value stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (config.JWKS_URL && !(config.JWT_ISSUER && config.JWT_AUDIENCE)) {
    throw new ConfigError('Invalid configuration:\n  JWKS_URL: needs JWT_ISSUER and JWT_AUDIENCE as well');
  }
  if (config.NODE_ENV === 'production' && !config.JWKS_URL && (config.JWT_SECRET ?? '').length < 32) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: must be at least 32 characters in production (or set JWKS_URL)');
  }
  if (config.NODE_ENV === 'production' && config.JWKS_URL?.startsWith('http:')) {
    throw new ConfigError('Invalid configuration:\n  JWKS_URL: must be https in production');
  }
  const production = config.NODE_ENV === 'production';
  const demoData = env.DEMO_DATA === undefined && production ? false : config.DEMO_DATA;
  const explorer = env.EXPLORER === undefined && production ? false : config.EXPLORER;
  const anonymousPersistedOnly = env.ANONYMOUS_PERSISTED_ONLY === undefined ? production : config.ANONYMOUS_PERSISTED_ONLY;
  const metrics = env.METRICS === undefined && production ? Boolean(config.METRICS_TOKEN || env.METRICS_PORT) : config.METRICS;
  const metricsPort = env.METRICS_PORT ? config.METRICS_PORT : undefined;
  if (metricsPort !== undefined && metricsPort === config.PORT) {
    throw new ConfigError(`Invalid configuration:\n  METRICS_PORT: must differ from PORT (${config.PORT})`);
  }
  if (production && metrics && !config.METRICS_TOKEN && metricsPort === undefined) {
    throw new ConfigError('Invalid configuration:\n  METRICS: in production /metrics needs METRICS_TOKEN or METRICS_PORT (off the public port)');
  }
  if (config.EMBEDDED_PG_PORT && config.EMBEDDED_PG_PORT === config.PORT) {
    throw new ConfigError(`Invalid configuration:\n  EMBEDDED_PG_PORT: must differ from PORT (${config.PORT})`);
  }
  return {
    ...config,
    DEMO_DATA: demoData,
    EXPLORER: explorer,
    ANONYMOUS_PERSISTED_ONLY: anonymousPersistedOnly,
    METRICS: metrics,
    METRICS_PORT: metricsPort,
    LOG_FORMAT: config.LOG_FORMAT ?? (config.NODE_ENV === 'development' ? 'pretty' : 'json'),
    dataDir: path.resolve(config.DATA_DIR),
  };
}

/**
 * Reads `.env` from the working directory, if there is one, the way dotenv does (Node's own parser):
 * a variable already set in the environment wins over the file. Entry points call this before
 * loadConfig; see .env.example.
 */
export function loadEnvFile(file = path.resolve('.env'), env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  let parsed: Record<string, string>;
  try {
    parsed = parseEnv(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${file}: cannot be read (${(error as Error).message})`);
  }
  for (const [key, value] of Object.entries(parsed)) if (env[key] === undefined) env[key] = value;
  return file;
}
