import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Config } from '../config';

export interface JwtSecret {
  secret?: string;
  /** Set when the secret was generated now, so the start can say so. */
  generatedAt?: string;
}

/**
 * JWT_SECRET when set. In development and tests without one, a random secret kept in DATA_DIR, so
 * tokens minted by `npm run token` keep working across restarts. Production refuses to start
 * without a secret or JWKS_URL (config.ts).
 */
export function resolveJwtSecret(config: Pick<Config, 'JWT_SECRET' | 'JWKS_URL' | 'NODE_ENV' | 'dataDir'>): JwtSecret {
  if (config.JWKS_URL) return {};
  if (config.JWT_SECRET) return { secret: config.JWT_SECRET };
  if (config.NODE_ENV === 'production') throw new Error('JWT_SECRET is required in production');
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return { secret: fs.readFileSync(file, 'utf8').trim() };
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return { secret, generatedAt: file };
}
