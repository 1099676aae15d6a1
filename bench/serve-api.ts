import 'reflect-metadata';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import pino from 'pino';
import { createTokenVerifier } from '../src/auth/tokens';
import { createDataSource } from '../src/database/data-source';
import { createServer, ServerDeps } from '../src/server';

/**
 * The API as `npm run bench` loads it, in a child process of its own so that its CPU time can be read
 * from /proc: the compiled server, production mode, real token verification and every rule.
 * Env: BENCH_DATABASE_URL, BENCH_JWT_SECRET, BENCH_OPTIONS (JSON: server options a variant changes).
 * Prints its URL on stdout.
 */
async function main(): Promise<void> {
  const dataSource = createDataSource({ url: process.env.BENCH_DATABASE_URL!, poolSize: 10, applicationName: process.env.BENCH_APPLICATION_NAME ?? 'alliance-graph-bench-api' });
  await dataSource.initialize();
  const options = JSON.parse(process.env.BENCH_OPTIONS ?? '{}') as Partial<ServerDeps>;
  const server = await createServer({
    ...options,
    dataSource,
    // As loadConfig sets production up: anonymous callers run persisted documents only, over GET.
    config: { NODE_ENV: 'production', CORS_ORIGINS: [], ANONYMOUS_PERSISTED_ONLY: true },
    // Silent: logging every request would measure pino, not the API.
    logger: pino({ level: 'silent' }),
    verifyToken: createTokenVerifier({ secret: process.env.BENCH_JWT_SECRET! }),
  });
  const url = await server.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url: url.replace('localhost', '127.0.0.1') })}\n`);
  // BENCH_PROFILE_FILE: SIGUSR2 starts the CPU profiler (after the warm-up), SIGTERM writes the profile.
  const profileFile = process.env.BENCH_PROFILE_FILE;
  const session = profileFile ? new Session() : undefined;
  if (session) {
    session.connect();
    process.on('SIGUSR2', () => {
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    });
  }
  const writeProfile = () =>
    new Promise<void>((resolve) => {
      if (!session) return resolve();
      session.post('Profiler.stop', (error, result) => {
        if (!error) fs.writeFileSync(profileFile!, JSON.stringify(result.profile));
        resolve();
      });
    });
  process.once('SIGTERM', () => {
    void writeProfile()
      .then(() => server.stop())
      .then(() => dataSource.destroy())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
