import { Logger, runMigrations, TimestampDigest } from 'graphile-worker';
import pino from 'pino';
import { registry } from '../src/ops/metrics';
import { atLondonTime, REVIEW_SWEEP_TIME } from '../src/jobs/schedule';
import { REVIEW_SWEEP, taskList } from '../src/jobs/tasks';
import { JOBS_SCHEMA, JobWorker, startJobWorker } from '../src/jobs/worker';
import { createAlliance } from './factories';
import { createPerson } from './factories/users';
import { createTestDatabase, TestDatabase } from './helpers/database';

const silent = pino({ level: 'silent' });
const digest = (at: Date): TimestampDigest => ({ min: at.getUTCMinutes(), hour: at.getUTCHours(), date: at.getUTCDate(), month: at.getUTCMonth() + 1, dow: at.getUTCDay() });

/** The last minute, before now, at which the daily sweep was due (02:15 in England). */
function lastSweepTime(): Date {
  const matches = atLondonTime(REVIEW_SWEEP_TIME.hour, REVIEW_SWEEP_TIME.minute);
  const at = new Date();
  at.setUTCSeconds(0, 0);
  while (!matches(digest(at))) at.setUTCMinutes(at.getUTCMinutes() - 1);
  return at;
}

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Handles by kind, to show that a stopped worker leaves none behind (Jest would hang on one). */
const handles = () => process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap').reduce<Record<string, number>>((counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {});

describe('the job queue', () => {
  let db: TestDatabase;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => db.dataSource.query(text, params);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('runs the daily review sweep once between two API processes, and reports its depth on /metrics', async () => {
    const alliance = await createAlliance(db.dataSource.manager);
    const person = await createPerson(db.dataSource.manager, alliance);
    const [{ id }] = await sql<{ id: string }>(
      `INSERT INTO designations (alliance_id, person_id, type, status, applied_on, designated_on, review_due_on) VALUES ($1, $2, 'LP', 'ACTIVE', '2022-03-01', '2022-09-01', '2023-09-01') RETURNING id`,
      [alliance.id, person.id],
    );
    // The schedule has been known since just before its last due time, when no process ran: both workers find that run missed at start.
    const due = lastSweepTime();
    await runMigrations({ connectionString: db.url, schema: JOBS_SCHEMA, logger: new Logger(() => () => undefined) });
    await sql(`INSERT INTO ${JOBS_SCHEMA}._private_known_crontabs (identifier, known_since) VALUES ($1, $2)`, [REVIEW_SWEEP, new Date(+due - 60_000)]);

    const started: string[] = [];
    // Each worker's tasks record their own runs: a listener attached after start could miss a run that began at once.
    const recorded = (n: number) =>
      Object.fromEntries(Object.entries(taskList(silent)).map(([name, task]) => [name, ((payload, helpers) => (started.push(`${name} on worker ${n}`), task!(payload, helpers))) as typeof task]));
    const workers: JobWorker[] = await Promise.all([1, 2].map((n) => startJobWorker({ connectionString: db.url, logger: silent, tasks: recorded(n) })));
    try {
      await until(async () => (await sql(`SELECT 1 FROM designation_reviews WHERE designation_id = $1`, [id])).length === 1, 'the sweep');
      await until(async () => (await sql(`SELECT 1 FROM ${JOBS_SCHEMA}.jobs`)).length === 0, 'the job to complete');
      // Long enough for a second job, had another process scheduled one.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(started).toHaveLength(1);
      expect(started[0]).toMatch(/^review_sweep on worker [12]$/);
      expect((await sql<{ status: string }>(`SELECT status FROM designations WHERE id = $1`, [id]))[0].status).toBe('UNDER_REVIEW');
      const [known] = await sql<{ last_execution: Date }>(`SELECT last_execution FROM ${JOBS_SCHEMA}._private_known_crontabs WHERE identifier = $1`, [REVIEW_SWEEP]);
      expect(known.last_execution).toEqual(due);

      const depth = async (state: string) => (await registry.getSingleMetric('job_queue_jobs')!.get()).values.filter((v) => v.labels.task === REVIEW_SWEEP && v.labels.state === state).reduce((sum, v) => sum + v.value, 0);
      expect(await depth('waiting')).toBe(0);
      await sql(`SELECT ${JOBS_SCHEMA}.add_job($1, run_at := now() + interval '1 hour')`, [REVIEW_SWEEP]);
      expect(await depth('waiting')).toBe(1);
      expect(await registry.metrics()).toMatch(/^job_queue_jobs\{task="review_sweep",state="waiting"\} 1$/m);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    // Stopped workers no longer report.
    expect((await registry.getSingleMetric('job_queue_jobs')!.get()).values).toEqual([]);
  }, 60_000);

  it('starts and stops without leaving a connection or a timer behind', async () => {
    // The previous test's connections close a moment after its workers stopped.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = handles();
    const worker = await startJobWorker({ connectionString: db.url, logger: silent });
    let stopped = false;
    try {
      expect(handles().TCPSocketWrap ?? handles().TCPWrap ?? 0).toBeGreaterThan(before.TCPSocketWrap ?? before.TCPWrap ?? 0);
      await worker.stop();
      stopped = true;
      // A second stop (a second signal) is harmless.
      await worker.stop();
    } finally {
      if (!stopped) await worker.stop();
    }
    const noMore = () => Object.entries(handles()).every(([kind, n]) => n <= (before[kind] ?? 0));
    await until(async () => noMore(), 'the handles to close', 5_000).catch(() => undefined);
    expect(noMore() || { before, after: handles() }).toBe(true);
  });
});
