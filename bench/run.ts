import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import pino from 'pino';
import { createTokenVerifier, signToken } from '../src/auth/tokens';
import { createDataSource } from '../src/database/data-source';
import { ANONYMOUS_LIMITS } from '../src/limits/limits';
import { getSchema } from '../src/schema';
import { createServer } from '../src/server';
import { post, runLoad } from './http-load';
import { checkLimits } from './query-cost';
import { graphqlRequest, REFERENCE_QUERIES, ReferenceContext, ReferenceQuery } from './reference';
import { diff } from './compare';
import { ensurePlatformAnalyst, readScaleMark, SCALE_MARK, ScaleInfo } from './scale/scale-mark';
import { Cleanups, openStatementStats, planFacts, StatementCounter } from './setup';

const USAGE = `Usage: DATABASE_URL=postgres://user@127.0.0.1:5432/ag_scale npm run bench -- [--duration 5] [--compare graphql-js,semi-space-64]

Loads the API (the compiled server in production mode, real tokens, every rule) and a raw-SQL
baseline (one hand-written statement per query, JSON built by PostgreSQL) with the reference
queries, in the same run, at 1 and 10 connections, and prints each as a fraction of its baseline.
DATABASE_URL must name a database built by \`npm run seed:scale\`.

  --duration  seconds of load per run (default 5)
  --compare   API variants loaded beside the API as it ships: ${'${VARIANTS}'}
  --build     name=<dist folder>: another build's API as one more variant (bench/build-at.sh <commit> <folder>)
  --plans-only  statements per request and their plans only, no load (the cost-growth check)
  --queries   only these reference queries, by key (${'${KEYS}'}), e.g. --queries designations,rounds
  --out       folder for the JSON and markdown results (default bench/results)
`;

/** Server options or Node flags a variant changes; each runs as its own child process, in the same run. */
const VARIANTS: Record<string, { description: string; nodeFlags?: string[]; options?: Record<string, unknown>; script?: string }> = {
  api: { description: 'the API as it ships' },
  'graphql-js': { description: "graphql-js's own executor instead of the compiled one", options: { executor: 'graphql-js' } },
  'no-wall': { description: 'without the second wall: no request transaction, no runtime role (the cost of row-level security)', options: { wall: false } },
  'semi-space-16': { description: 'Node\'s default young generation (--max-semi-space-size=16)', nodeFlags: ['--max-semi-space-size=16'] },
  'semi-space-64': { description: 'a larger young generation (--max-semi-space-size=64)', nodeFlags: ['--max-semi-space-size=64'] },
};
const CONNECTIONS = [1, 10];
const CLOCK_TICK_MS = 10;
const SCAN_MIN_ROWS = 10_000;

const cleanups: Cleanups = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error('cleanup step failed:', error));
  })();
  return cleaning;
}

interface Target {
  name: string;
  url: string;
  child: ChildProcess;
  /** pg application_name of its connections, to find its backends. */
  applicationName: string;
  /** Appended to the URL: the baseline serves each query on a path of its own. */
  pathFor: (q: ReferenceQuery) => string;
}

interface Row {
  query: string;
  target: string;
  connections: number;
  requestsPerSecond: number;
  ofBaseline: number | null;
  p50: number;
  p99: number;
  nodeCpuMsPerRequest: number | null;
  pgCpuMsPerRequest: number | null;
  requests: number;
  failures: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      compare: { type: 'string', default: '' },
      build: { type: 'string', multiple: true, default: [] },
      'plans-only': { type: 'boolean', default: false },
      queries: { type: 'string', default: '' },
      out: { type: 'string', default: path.join('bench', 'results') },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const compare = values.compare ? values.compare.split(',').map((v) => v.trim()) : [];
  const unknown = compare.filter((v) => !VARIANTS[v] && !values.build.some((b) => b.startsWith(`${v}=`)));
  // --build name=<dist folder>: the API of another build (e.g. an earlier commit, see bench/build-at.sh) as one more variant.
  const builds = new Map<string, string>();
  for (const spec of values.build) {
    const [name, dist] = spec.split('=');
    if (!name || !dist || !fs.existsSync(path.join(dist, 'bench', 'serve-api.js'))) {
      process.stderr.write(`bench: --build ${spec}: expected name=<dist folder> with bench/serve-api.js in it (bench/build-at.sh makes one)\n`);
      return 2;
    }
    builds.set(name, path.resolve(dist));
    VARIANTS[name] = { description: `the API built from ${dist}`, script: path.join(path.resolve(dist), 'bench', 'serve-api.js') };
    compare.push(name);
  }
  const usage = USAGE.replace('${VARIANTS}', Object.keys(VARIANTS).filter((v) => v !== 'api').join(', ')).replace('${KEYS}', REFERENCE_QUERIES.map((q) => q.key).join(', '));
  const keys = values.queries ? values.queries.split(',').map((k) => k.trim()) : REFERENCE_QUERIES.map((q) => q.key);
  const unknownKeys = keys.filter((k) => !REFERENCE_QUERIES.some((q) => q.key === k));
  const queries = REFERENCE_QUERIES.filter((q) => keys.includes(q.key));
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const duration = Number(values.duration);
  if (!(duration >= 1 && duration <= 60) || unknown.length || unknownKeys.length) {
    const why = unknown.length ? `unknown variant(s) ${unknown.join(', ')}` : unknownKeys.length ? `unknown quer(y/ies) ${unknownKeys.join(', ')}` : '--duration must be 1 to 60 seconds';
    process.stderr.write(`bench: ${why}\n\n${usage}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  const scale = url ? await readScaleMark(url).catch((error: Error) => error) : undefined;
  if (!url || scale === undefined || scale instanceof Error) {
    const why = !url ? 'DATABASE_URL is not set' : scale instanceof Error ? `cannot read ${redact(url)}: ${scale.message}` : `${redact(url)} holds no scale dataset`;
    process.stderr.write(
      `bench: ${why}. The benchmark measures the national-size dataset, not an empty or demo database; one built before the current mark (${SCALE_MARK}: with research) lacks rows the reference queries read. Build it (about 40 s):\n\n` +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/ag_scale npm run seed:scale -- --replace\n\nthen run\n\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/ag_scale npm run bench\n',
    );
    return 1;
  }
  assertLoopback(url);
  await applyMigrations(url);

  const started = performance.now();
  const cpus = os.cpus();
  const header = [
    `node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `date ${new Date().toISOString()}, load average at start ${os.loadavg()[0].toFixed(2)}${os.loadavg()[0] > cpus.length / 2 ? ' (other work on this machine: expect noisy figures)' : ''}`,
    `data: scale dataset at fraction ${scale.fraction}: ${scale.schools} schools, ${scale.alliances} alliances, ${scale.peoplePerAlliance * scale.alliances} staff records`,
    `load: autocannon over loopback, ${duration} s a run, ${CONNECTIONS.join(' and ')} connection(s), as an ALLIANCE_ADMIN (the platform's statistics as a platform analyst, PedEx's search anonymously: a persisted document by hash over GET); API variants: ${['api', ...compare].join(', ')}`,
  ];
  header.forEach((line) => console.log(line));

  const db = new Client({ connectionString: url });
  await db.connect();
  cleanups.push(() => db.end());
  const admin = await db.query<{ user_id: string; alliance_id: string }>(
    "SELECT u.id AS user_id, m.alliance_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = 'admin@scale-01.scale.invalid'",
  );
  if (!admin.rows.length) throw new Error('the scale dataset has no admin@scale-01.scale.invalid: rebuild it with npm run seed:scale -- --replace');
  const context: ReferenceContext = { allianceId: admin.rows[0].alliance_id };
  const leaders = await db.query<{ designations: string; active: string; rounds: string }>(
    "SELECT (SELECT count(*) FROM designations) AS designations, (SELECT count(*) FROM designations WHERE status = 'ACTIVE') AS active, (SELECT count(*) FROM recruitment_rounds) AS rounds",
  );
  const { designations, active, rounds } = leaders.rows[0];
  header[2] += `, ${Number(designations).toLocaleString('en-GB')} designations (${Number(active).toLocaleString('en-GB')} active), ${rounds} recruitment rounds`;
  const research = await db.query<{ projects: string; published: string }>(
    "SELECT count(*) AS projects, count(*) FILTER (WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC') AS published FROM research_projects",
  );
  const { projects, published } = research.rows[0];
  header[2] += `, ${Number(projects).toLocaleString('en-GB')} research projects (${Number(published).toLocaleString('en-GB')} in PedEx)`;
  console.log(`system leaders: ${Number(designations).toLocaleString('en-GB')} designations (${Number(active).toLocaleString('en-GB')} active), ${rounds} recruitment rounds; research: ${Number(projects).toLocaleString('en-GB')} projects, ${Number(published).toLocaleString('en-GB')} published in PedEx${queries.length < REFERENCE_QUERIES.length ? `; queries: ${queries.map((q) => q.key).join(', ')}` : ''}`);
  const secret = randomBytes(32).toString('base64url');
  const coordinatorToken = await signToken(secret, admin.rows[0].user_id, { ttl: '1h' });
  const platformAnalystToken = await signToken(secret, await ensurePlatformAnalyst(db), { ttl: '1h' });
  const tokenFor = (q: ReferenceQuery) => (q.caller === 'anonymous' ? undefined : q.caller === 'platformAnalyst' ? platformAnalystToken : coordinatorToken);

  // The server's own limits, before any load: a refused query would benchmark an error.
  for (const q of queries) {
    const cost = checkLimits(getSchema(), q.graphql, { variables: q.variables, limits: q.caller === 'anonymous' ? ANONYMOUS_LIMITS : undefined });
    if (!cost.accepted) throw new Error(`the server's limits refuse "${q.name}" (cost ${cost.cost}, limit ${cost.limit})`);
  }

  // Statements per request, and their plans, from an in-process server whose data source counts them.
  const counted = await countStatements(url, secret, tokenFor, db, queries);
  if (values['plans-only']) {
    console.log(`\n${renderMarkdown(header, [], counted, new Map(), {}, scale)}`);
    return 0;
  }

  const baseline = await startChild('baseline', path.join(__dirname, 'serve-baseline.js'), [], { BENCH_DATABASE_URL: url, BENCH_CONTEXT: JSON.stringify(context) }, 'alliance-graph-bench-baseline', (q) => `/${q.key}`);
  const apis: Target[] = [];
  for (const name of ['api', ...compare]) {
    const variant = VARIANTS[name];
    const applicationName = `alliance-graph-bench-${name}`;
    apis.push(
      await startChild(name, variant.script ?? path.join(__dirname, 'serve-api.js'), variant.nodeFlags ?? [], {
        BENCH_DATABASE_URL: url,
        BENCH_JWT_SECRET: secret,
        BENCH_OPTIONS: JSON.stringify(variant.options ?? {}),
        BENCH_APPLICATION_NAME: applicationName,
      }, applicationName, () => ''),
    );
  }

  // Same answers before any timing: the baseline is only a baseline if it serves the same data.
  const sizes = new Map<string, { rows: number; bytes: number }>();
  for (const q of queries) {
    const expected = await fetchBaseline(baseline.url + baseline.pathFor(q));
    for (const api of apis) {
      const answer = await post(api.url, graphqlRequest(q, tokenFor(q)));
      if (answer.errors?.length) throw new Error(`${api.name}: "${q.name}" answered errors: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      const differences = diff(expected.data, answer.data, 'data');
      if (differences.length) {
        throw new Error(`${api.name} and the baseline answer "${q.name}" differently (${differences.length} value(s)); the first ones:\n  ${differences.slice(0, 10).join('\n  ')}`);
      }
      sizes.set(q.key, { rows: q.rows(answer.data), bytes: answer.bytes });
    }
    if (!q.rows(expected.data)) throw new Error(`"${q.name}" returns no rows: the data or the query is wrong`);
  }
  console.log('answers: the API and the baseline return the same data for every query');

  const rows: Row[] = [];
  for (const q of queries) {
    for (const connections of CONNECTIONS) {
      let baselineRate = 0;
      for (const target of [baseline, ...apis]) {
        const isBaseline = target === baseline;
        let before: CpuSample = { node: null, pg: new Map() };
        const load = await runLoad({
          // The baseline takes any POST on the query's path; the API gets the query as its caller sends it.
          url: target.url + target.pathFor(q), request: isBaseline ? { query: q.graphql } : graphqlRequest(q, tokenFor(q)), durationSeconds: duration, connections,
          beforeRun: async () => {
            before = await cpuSample(target, db);
          },
        });
        const after = await cpuSample(target, db);
        if (isBaseline) baselineRate = load.requestsPerSecond;
        const perRequest = (a: number | null, b: number | null) => (a === null || b === null || !load.total ? null : ((b - a) * CLOCK_TICK_MS) / load.total);
        const row: Row = {
          query: q.name,
          target: target.name,
          connections,
          requestsPerSecond: load.requestsPerSecond,
          ofBaseline: isBaseline ? null : load.requestsPerSecond / baselineRate,
          p50: load.p50,
          p99: load.p99,
          nodeCpuMsPerRequest: perRequest(before.node, after.node),
          pgCpuMsPerRequest: perRequest(0, pgTicksDuring(before.pg, after.pg)),
          requests: load.total,
          failures: load.failures,
        };
        rows.push(row);
        process.stderr.write(`  ${q.key} ${target.name} c=${connections}: ${row.requestsPerSecond.toFixed(1)} req/s${row.ofBaseline === null ? '' : ` (${pct(row.ofBaseline)} of baseline)`}\n`);
      }
    }
  }
  const peakRss = Object.fromEntries([baseline, ...apis].map((t) => [t.name, peakRssMiB(t.child.pid)]));

  const markdown = renderMarkdown(header, rows, counted, sizes, peakRss, scale);
  console.log(`\n${markdown}`);
  fs.mkdirSync(values.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.join(values.out, `bench-${stamp}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ header, scale, variants: ['api', ...compare].map((n) => ({ name: n, ...VARIANTS[n] })), rows, statements: counted, sizes: Object.fromEntries(sizes), peakRssMiB: peakRss }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `${markdown}\n`);
  console.log(`written: ${base}.json, ${base}.md (in ${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const failed = rows.reduce((sum, r) => sum + r.failures, 0);
  if (failed) throw new Error(`${failed} request(s) failed during the load runs: the figures above are not trustworthy`);
  return 0;
}

/** The API needs the current migrations; a scale dataset built before a migration gets it here. */
async function applyMigrations(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1, statementTimeoutMs: null, applicationName: 'alliance-graph-bench-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) console.log(`migrations applied first: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

interface Counted {
  key: string;
  edges: number;
  large: number;
  small: number;
  source: string;
  sequentialScans: string[];
  /** Of the large page's statements, by EXPLAIN ANALYZE: shared buffers touched and execution time. */
  buffers: number;
  executionMs: number;
}

/** Data statements per request at the reference page sizes and at 5, and any sequential scan of a large table in their plans. */
async function countStatements(url: string, secret: string, tokenFor: (q: ReferenceQuery) => string | undefined, db: Client, queries: ReferenceQuery[]): Promise<Counted[]> {
  const counter = new StatementCounter();
  const dataSource = createDataSource({ url, poolSize: 10, applicationName: 'alliance-graph-bench-count' });
  dataSource.setOptions({ logger: counter, logging: ['query'] });
  await dataSource.initialize();
  const stats = await openStatementStats(url);
  try {
    const server = await createServer({ dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [], ANONYMOUS_PERSISTED_ONLY: true }, logger: pino({ level: 'silent' }), verifyToken: createTokenVerifier({ secret }) });
    try {
      const apiUrl = (await server.listen(0, '127.0.0.1')).replace('localhost', '127.0.0.1');
      const result: Counted[] = [];
      for (const q of queries) {
        const counts: number[] = [];
        const scans = new Set<string>();
        let buffers = 0;
        let executionMs = 0;
        // The reference page, then pages of 5: in the document's text, or in its variables (a persisted document's text is fixed).
        const small = q.variables && 'first' in q.variables ? graphqlRequest(q, tokenFor(q), { ...q.variables, first: 5 }) : { ...graphqlRequest(q, tokenFor(q)), query: q.graphql.replace(/first: \d+/g, 'first: 5') };
        for (const request of [graphqlRequest(q, tokenFor(q)), small]) {
          const before = stats ? await stats.calls() : 0;
          const statements = await counter.record(async () => {
            const answer = await post(apiUrl, request);
            if (answer.errors?.length) throw new Error(`"${q.name}" answered errors: ${JSON.stringify(answer.errors).slice(0, 500)}`);
          });
          // The stats view counts its own reading query once.
          counts.push(stats ? (await stats.calls()) - before : statements.length);
          for (const statement of statements) {
            const facts = await planFacts(db, statement, SCAN_MIN_ROWS);
            facts.sequentialScans.forEach((table) => scans.add(table));
            if (counts.length === 1) {
              buffers += facts.buffers;
              executionMs += facts.executionMs;
            }
          }
        }
        result.push({ key: q.key, edges: q.edges, large: counts[0], small: counts[1], source: stats ? 'pg_stat_statements' : 'driver', sequentialScans: [...scans], buffers, executionMs });
      }
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    await stats?.close();
    await dataSource.destroy();
  }
}

async function startChild(name: string, script: string, nodeFlags: string[], env: Record<string, string>, applicationName: string, pathFor: (q: ReferenceQuery) => string): Promise<Target> {
  const child = spawn(process.execPath, [...nodeFlags, script], { env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it started`)));
  });
  return { name, url: (JSON.parse(first) as { url: string }).url, child, applicationName, pathFor };
}

async function fetchBaseline(url: string): Promise<{ data: unknown }> {
  const response = await fetch(url, { method: 'POST' });
  const text = await response.text();
  if (!response.ok) throw new Error(`baseline ${url}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as { data: unknown };
}

interface CpuSample {
  node: number | null;
  /** Clock ticks of each PostgreSQL backend of the target, by pid. */
  pg: Map<number, number | null>;
}

/** CPU clock ticks so far of the target's process and of its PostgreSQL backends (null where /proc cannot tell). */
async function cpuSample(target: Target, db: Client): Promise<CpuSample> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [target.applicationName]);
  return { node: cpuTicks(target.child.pid), pg: new Map(rows.map((r) => [r.pid, cpuTicks(r.pid)])) };
}

/** Ticks the backends spent between two samples; a backend that started in between counts whole. */
function pgTicksDuring(before: Map<number, number | null>, after: Map<number, number | null>): number | null {
  let sum = 0;
  for (const [pid, ticks] of after) {
    if (ticks === null) return null;
    const earlier = before.get(pid);
    if (earlier === null) return null;
    sum += ticks - (earlier ?? 0);
  }
  return after.size ? sum : null;
}

function cpuTicks(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function peakRssMiB(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const num = (x: number | null, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));

function renderMarkdown(header: string[], rows: Row[], counted: Counted[], sizes: Map<string, { rows: number; bytes: number }>, peakRss: Record<string, number | null>, scale: ScaleInfo): string {
  const lines = ['# npm run bench', '', ...header.map((h) => `- ${h}`), ''];
  lines.push('| Query | Server | Conns | req/s | of baseline | p50 ms | p99 ms | Node CPU ms/req | PostgreSQL CPU ms/req |', '| --- | --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of rows) {
    lines.push(`| ${r.query} | ${r.target} | ${r.connections} | ${r.requestsPerSecond.toFixed(1)} | ${r.ofBaseline === null ? '' : pct(r.ofBaseline)} | ${r.p50} | ${r.p99} | ${num(r.nodeCpuMsPerRequest)} | ${num(r.pgCpuMsPerRequest)} |`);
  }
  lines.push('', `Statements per request (data statements; transaction control aside) and their plans (EXPLAIN ANALYZE of the large page's statements, identity included), at ${scale.schools} schools:`, '');
  lines.push('| Query | Rows | KiB | Relation edges | SQL statements | at first: 5 | counted by | Buffers touched | PostgreSQL execution ms | Sequential scans of tables over 10,000 rows |', '| --- | --: | --: | --: | --: | --: | --- | --: | --: | --- |');
  for (const c of counted) {
    const q = REFERENCE_QUERIES.find((r) => r.key === c.key)!;
    const size = sizes.get(c.key);
    lines.push(`| ${q.name} | ${size?.rows ?? ''} | ${size ? (size.bytes / 1024).toFixed(1) : ''} | ${c.edges} ${q.caller === 'anonymous' ? '(anonymous: no identity)' : '(+1 identity)'} | ${c.large} | ${c.small} | ${c.source} | ${c.buffers} | ${c.executionMs.toFixed(1)} | ${c.sequentialScans.join(', ') || 'none'} |`);
  }
  lines.push('', `Peak RSS (MiB): ${Object.entries(peakRss).map(([name, mib]) => `${name} ${mib ?? 'n/a'}`).join(', ')}`);
  return lines.join('\n');
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!/^127\.\d+\.\d+\.\d+$/.test(host) && host !== 'localhost' && host !== '[::1]') throw new Error(`refusing to load ${host}: benchmarks run against loopback only`);
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    setTimeout(() => {
      console.error('warning: a handle was still open 5 s after cleanup; exiting anyway');
      process.exit();
    }, 5000).unref();
  });
