import { Logger as GraphileLogger, LogLevel, ParsedCronItem, run, Runner, TaskList, WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { Logger } from '../common/logger';
import { JobCount, reportJobQueue } from '../ops/metrics';
import { cronItems } from './schedule';
import { taskList } from './tasks';

export const JOBS_SCHEMA = 'graphile_worker';

export interface JobWorkerOptions {
  /** The owner's connection (the database URL the API uses), never the request role: the worker creates and migrates its schema, and tasks work across alliances. */
  connectionString: string;
  logger: Logger;
  /** Tests replace the tasks or the schedule; the API runs its own. */
  tasks?: TaskList;
  cron?: ParsedCronItem[];
}

export interface JobWorker {
  events: WorkerEvents;
  /** Finishes the running job (if any), stops scheduling and closes the worker's connections. */
  stop(): Promise<void>;
}

/**
 * The PostgreSQL job queue (graphile-worker) inside the API process: scheduled work such as the
 * review sweep. Any number of API processes may run it; each job runs once between them (jobs are
 * taken with SKIP LOCKED, and a recurring job is scheduled once per minute it is due, see
 * schedule.ts). One job at a time: the jobs are rare and must not compete with requests.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const log = options.logger.child({ component: 'jobs' });
  const tasks = options.tasks ?? taskList(log);
  // A pool of its own: a long job must not hold a request connection, nor run under the request timeouts.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 4, application_name: 'alliance-graph-jobs', options: '-c TimeZone=Europe/London' });
  // An idle connection that breaks (a restarted server) must not take the API down; the worker reconnects.
  pool.on('error', (error) => log.warn({ err: error }, 'job queue connection lost'));
  pool.on('connect', (client) => client.on('error', (error) => log.warn({ err: error }, 'job queue connection failed')));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      schema: JOBS_SCHEMA,
      concurrency: 1,
      // main.ts owns the signals and stops the worker before the database.
      noHandleSignals: true,
      taskList: tasks,
      parsedCronItems: options.cron ?? cronItems(),
      logger: graphileLogger(log),
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const stopped = runner.promise.catch((error: unknown) => log.error({ err: error }, 'job worker stopped on an error'));
  const forget = reportJobQueue(() => queueDepth(pool, Object.keys(tasks)));
  let stopping: Promise<void> | undefined;
  return {
    events: runner.events,
    stop: () =>
      (stopping ??= (async () => {
        forget();
        await runner.stop();
        await stopped;
        await pool.end();
      })()),
  };
}

/** Jobs by task and state; a known task with none reads 0 rather than vanishing from the graph. */
async function queueDepth(pool: pg.Pool, tasks: string[]): Promise<JobCount[]> {
  const { rows } = await pool.query<JobCount>(
    `SELECT task_identifier AS task,
            CASE WHEN attempts >= max_attempts THEN 'failed' WHEN locked_at IS NOT NULL THEN 'running' ELSE 'waiting' END AS state,
            count(*)::int AS jobs
     FROM ${JOBS_SCHEMA}.jobs
     GROUP BY 1, 2`,
  );
  const zeros = tasks.flatMap((task) => (['waiting', 'running', 'failed'] as const).map((state) => ({ task, state, jobs: 0 })));
  return [...zeros, ...rows];
}

const LEVELS: Record<LogLevel, 'error' | 'warn' | 'info' | 'debug'> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' } as Record<LogLevel, 'error' | 'warn' | 'info' | 'debug'>;

/**
 * graphile-worker's messages through the app's pino logger. Of their metadata only an error passes:
 * the rest can hold the worker's options, connection settings included.
 */
function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => {
    const scoped = log.child({ ...(scope.workerId ? { workerId: scope.workerId } : {}), ...(scope.taskIdentifier ? { task: scope.taskIdentifier } : {}), ...(scope.jobId ? { jobId: scope.jobId } : {}) });
    return (level, message, meta) => {
      const error = meta?.error;
      scoped[LEVELS[level] ?? 'info'](error ? { err: error } : {}, message);
    };
  });
}
