import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnvFile } from '../src/config';

const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };

describe('settings validated before anything starts', () => {
  it.each([
    [{ HOST: 'local host' }, 'HOST: must be an IP address or a host name'],
    [{ HOST: 'http://0.0.0.0' }, 'HOST: must be an IP address or a host name'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS: "\\*" is not allowed'],
    [{ CORS_ORIGINS: 'https://app.example.org,app.example.org' }, 'CORS_ORIGINS: "app.example.org" is not an origin'],
    [{ CORS_ORIGINS: 'https://app.example.org/path' }, 'CORS_ORIGINS: "https://app.example.org/path" is not an origin'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT: must be pretty or json'],
    [{ EXPLORER: 'maybe' }, 'EXPLORER: must be true or false'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN: must be at least 16 characters'],
    [{ PORT: '4000', METRICS_PORT: '4000' }, 'METRICS_PORT: must differ from PORT'],
    [{ PORT: '4000', EMBEDDED_PG_PORT: '4000' }, 'EMBEDDED_PG_PORT: must differ from PORT'],
    [{ ...production, METRICS: 'true' }, 'METRICS: in production /metrics needs METRICS_TOKEN or METRICS_PORT'],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(message));
  });

  it('accepts hosts and origins as an operator writes them', () => {
    const config = loadConfig({ HOST: 'localhost', CORS_ORIGINS: 'https://app.example.org, http://localhost:3000/' });
    expect(config.CORS_ORIGINS).toEqual(['https://app.example.org', 'http://localhost:3000']);
    expect(loadConfig({ HOST: '::1' }).HOST).toBe('::1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('logs pretty in development and JSON elsewhere, unless told', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('pretty');
    expect(loadConfig(production).LOG_FORMAT).toBe('json');
    expect(loadConfig({ ...production, LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
  });

  it('turns the explorer and /metrics off in production unless a setting turns them on', () => {
    expect(loadConfig({})).toMatchObject({ EXPLORER: true, METRICS: true });
    expect(loadConfig(production)).toMatchObject({ EXPLORER: false, METRICS: false });
    expect(loadConfig({ ...production, EXPLORER: 'true' }).EXPLORER).toBe(true);
    expect(loadConfig({ ...production, METRICS_TOKEN: 'm'.repeat(16) }).METRICS).toBe(true);
    expect(loadConfig({ ...production, METRICS_PORT: '9464' })).toMatchObject({ METRICS: true, METRICS_PORT: 9464 });
  });

  it('reads .env the standard way, the environment winning over the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-graph-env-'));
    const saved = { ...process.env };
    try {
      const file = path.join(dir, '.env');
      expect(loadEnvFile(file)).toBeUndefined();
      fs.writeFileSync(file, '# a comment\nAG_TEST_LOG_LEVEL=debug\nAG_TEST_PORT=4321\nAG_TEST_ORIGINS="https://a.example.org"\n');
      process.env.AG_TEST_PORT = '5555';
      expect(loadEnvFile(file)).toBe(file);
      expect([process.env.AG_TEST_LOG_LEVEL, process.env.AG_TEST_PORT, process.env.AG_TEST_ORIGINS]).toEqual(['debug', '5555', 'https://a.example.org']);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
