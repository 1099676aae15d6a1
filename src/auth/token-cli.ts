import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createLogger } from '../common/logger';
import { loadConfig, loadEnvFile } from '../config';
import { connectDatabase } from '../database/connect';
import { User } from '../modules/users/user.entity';
import { UserStatus } from '../modules/users/user-enums';
import { resolveJwtSecret } from './jwt-secret';
import { signToken } from './tokens';

const USAGE = 'usage: npm run -s token -- --email <email> [--ttl 8h]';

/** Prints a signed token for an existing user on stdout, and nothing else there: TOKEN=$(npm run -s token -- --email x). */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, ttl: { type: 'string', default: '8h' } }, strict: true });
  if (!values.email) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const ttl = /^(\d+)([smhd])$/.exec(values.ttl!);
  const seconds = ttl ? Number(ttl[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[ttl[2] as 's' | 'm' | 'h' | 'd'] : 0;
  if (!seconds || seconds > 30 * 86400) {
    process.stderr.write(`--ttl must look like 30m, 8h or 7d, and be at most 30d\n${USAGE}\n`);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  const { secret } = resolveJwtSecret(config);
  if (!secret) {
    process.stderr.write('tokens come from your identity provider when JWKS_URL is set\n');
    return 1;
  }
  // Logs go to stderr: stdout carries the token alone.
  const database = await connectDatabase(config, createLogger('warn', 2, { command: 'token' }), { shareRunning: true, tool: true });
  try {
    const user = await database.dataSource.getRepository(User).findOneBy({ email: values.email.trim().toLowerCase() });
    if (!user) {
      process.stderr.write(`no user with the email ${values.email}\n`);
      return 1;
    }
    if (user.status !== UserStatus.ACTIVE) process.stderr.write(`warning: ${user.email} is suspended; the API will refuse this token\n`);
    process.stdout.write(`${await signToken(secret, user.id, { ttl: values.ttl, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE })}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
