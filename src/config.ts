import path from 'node:path';
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

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).optional(),
  PORT: int(4000, 0, 65535),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: int(0, 0, 65535),
  DB_POOL_SIZE: int(10, 1, 100),
  STATEMENT_TIMEOUT_MS: int(5000, 100, 600_000),
  AGGREGATE_MIN_GROUP_SIZE: int(5, 1, 100),
  MIGRATE_ON_START: bool(true),
  /** Default: on, except in production, where an empty database must not get demo users. */
  DEMO_DATA: bool(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])),
  JWT_SECRET: z.string().optional(),
  JWKS_URL: url(['https:', 'http:']),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

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
  const demoData = env.DEMO_DATA === undefined && config.NODE_ENV === 'production' ? false : config.DEMO_DATA;
  return { ...config, DEMO_DATA: demoData, dataDir: path.resolve(config.DATA_DIR) };
}
