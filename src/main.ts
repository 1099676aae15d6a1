import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import { ConfigError, loadConfig, loadEnvFile } from './config';
import { createLogger } from './common/logger';
import { logDestination } from './common/log-output';
import { assertCanListen, ListenError } from './ops/listen-check';
import { connectDatabase, Database } from './database/connect';
import { migrate } from './database/migrate';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { loadDemoDataIfEmpty } from './demo/load-demo-data';
import { AppServer, createServer } from './server';
import { resolveJwtSecret } from './auth/jwt-secret';
import { createTokenVerifier } from './auth/tokens';
import { JobWorker, startJobWorker } from './jobs/worker';

/** What start-up is doing, so that a failure can say where it stopped and what to check. */
let phase = 'reading the configuration';
let databaseUrl: string | undefined;

const ADVICE: Record<string, string> = {
  'connecting to the database': 'check that the server runs and that DATABASE_URL names the right host, port, user, password and database',
  'applying migrations': 'the database user must own the database (it creates tables, types and policies); see `npm run db:migrate`',
  'loading the demo data': 'start with DEMO_DATA=false, or an empty database',
  'starting the HTTP server': 'check PORT and HOST',
  'starting the job queue': 'the database user must be able to create the graphile_worker schema in the database; or set JOBS_ENABLED=false',
};

/** Start-up only: configuration, database, migrations, demo data, server, and an orderly shutdown. */
async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  databaseUrl = config.DATABASE_URL;
  const logger = createLogger(config.LOG_LEVEL, logDestination(config.LOG_FORMAT));
  let database: Database | undefined;
  let server: AppServer | undefined;
  let metricsServer: http.Server | undefined;
  let jobs: JobWorker | undefined;

  let stopping = false;
  let starting: Promise<void> | undefined;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      // A signal during start-up waits for it, so that an embedded PostgreSQL being started is stopped too.
      await starting?.catch(() => undefined);
      await server?.stop();
      // Before the database: a running job finishes and gives its connections back.
      await jobs?.stop();
      metricsServer?.close();
      await database?.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A closed terminal: without this Node would die and leave the embedded PostgreSQL running.
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  starting = (async () => {
    // Before anything is started: a taken port or a foreign HOST is found now, not after migrating.
    phase = 'checking the ports';
    await assertCanListen(config.PORT, config.HOST);
    if (config.METRICS_PORT !== undefined) await assertCanListen(config.METRICS_PORT, config.METRICS_HOST ?? '127.0.0.1', 'METRICS_PORT');
    phase = config.DATABASE_URL ? 'connecting to the database' : 'starting the embedded database';
    database = await connectDatabase(config, logger);
    // Start-up's own long work (a migration, the demo data) must not be cut by the request timeouts.
    if (config.MIGRATE_ON_START || config.DEMO_DATA) await database.withoutTimeouts(async (maintenance) => {
      if (config.MIGRATE_ON_START) {
        phase = 'applying migrations';
        const applied = await migrate(maintenance);
        if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      }
      phase = 'loading the demo data';
      if (config.DEMO_DATA && (await loadDemoDataIfEmpty(maintenance))) logger.info('demo data loaded into the empty database');
    });
    const { secret, generatedAt } = resolveJwtSecret(config);
    if (generatedAt) {
      logger.warn({ file: generatedAt }, 'no JWT_SECRET set: generated a development secret');
      process.stderr.write(`\n  No JWT_SECRET set: generated a development secret in ${generatedAt} (production needs JWT_SECRET or JWKS_URL)\n`);
    }
    const verifyToken = createTokenVerifier({ secret, jwksUrl: config.JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
    server = await createServer({ dataSource: database.dataSource, config, logger, verifyToken });
    phase = 'starting the HTTP server';
    const url = await server.listen(config.PORT, config.HOST);
    let metricsUrl = config.METRICS ? url.replace(/\/graphql$/, '/metrics') : undefined;
    if (config.METRICS && config.METRICS_PORT !== undefined) {
      // Off the public port: a listener of its own, on the loopback interface unless METRICS_HOST says otherwise.
      const metricsHost = config.METRICS_HOST ?? '127.0.0.1';
      metricsServer = http.createServer(express().disable('x-powered-by').get('/metrics', server.metrics.handler));
      await new Promise<void>((resolve, reject) => metricsServer!.once('error', reject).listen(config.METRICS_PORT, metricsHost, resolve));
      metricsUrl = `http://${metricsHost}:${config.METRICS_PORT}/metrics`;
    }
    if (config.JOBS_ENABLED) {
      phase = 'starting the job queue';
      jobs = await startJobWorker({ connectionString: (database.dataSource.options as { url: string }).url, logger });
    }
    logger.info({ url, database: database.description }, 'Alliance Graph is ready');
    process.stderr.write(
      [
        '',
        `  Alliance Graph is ready at ${url}`,
        `  Database: ${database.description}`,
        ...(config.EXPLORER ? [`  Query editor: open ${url} in a browser`] : []),
        ...(metricsUrl ? [`  Metrics: ${metricsUrl}${config.METRICS_TOKEN ? ' (needs the METRICS_TOKEN bearer)' : ''}`] : []),
        '',
        '  Sign in as a demo user (coordinator|head|sle|lp|analyst @ london-south|romero|fusion|pathway|forest .demo, or admin@platform.demo):',
        '    TOKEN=$(npm run -s token -- --email coordinator@romero.demo)',
        `    curl -s ${url} -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { user { email } actingRole } }"}'`,
        '',
        '',
      ]
        .filter((line) => config.DEMO_DATA || !/demo user|TOKEN=|curl/.test(line))
        .join('\n'),
    );
  })();

  try {
    await starting;
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    metricsServer?.close();
    await database?.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof ListenError) {
    process.stderr.write(`${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    process.stderr.write(`Cannot listen: ${(error as Error).message}. Set PORT to a free port.\n`);
  } else if (typeof (error as { code?: unknown })?.code === 'string') {
    // An operational failure (a refused connection, a PostgreSQL error): what, where and what to check; no stack.
    const { code, message } = error as { code: string; message: string };
    const where = phase === 'connecting to the database' && databaseUrl ? ` (${redactUrl(databaseUrl)})` : '';
    process.stderr.write(`Start failed while ${phase}${where}: ${message} [${code}]${ADVICE[phase] ? `; ${ADVICE[phase]}` : ''}. Nothing is left running.\n`);
  } else {
    process.stderr.write(`Start failed while ${phase}: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
