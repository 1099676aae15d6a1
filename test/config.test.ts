import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has defaults that run the API on port 4000 with the embedded database', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(config.JOBS_ENABLED).toBe(true);
    expect(config.dataDir).toBe(path.resolve('.data'));
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MIGRATE_ON_START: 'perhaps' }, 'MIGRATE_ON_START'],
    [{ JOBS_ENABLED: 'perhaps' }, 'JOBS_ENABLED'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ STATEMENT_TIMEOUT_MS: '0' }, 'STATEMENT_TIMEOUT_MS'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWKS_URL: 'http://idp.example/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWKS_URL'],
  ])('refuses %p, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: `));
  });

  it('loads demo data by default, but not in production unless asked', () => {
    expect(loadConfig({}).DEMO_DATA).toBe(true);
    const secret = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(secret).DEMO_DATA).toBe(false);
    expect(loadConfig({ ...secret, DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
  });

  it('reads HOST, PORT and switches', () => {
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '8080', MIGRATE_ON_START: 'false', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 8080, MIGRATE_ON_START: false, DATABASE_URL: 'postgres://u@h:5432/db' });
  });
});
