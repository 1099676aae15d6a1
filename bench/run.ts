import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createTokenVerifier } from '../src/auth/tokens';
import { getSchema } from '../src/schema';
import { SIGNED_IN_LIMITS } from '../src/limits/limits';
import { createServer } from '../src/server';
import { LoadResult, post, runLoad } from './http-load';
import { Cleanups, createBenchDatabase, PEOPLE_ALLIANCE, seedBenchData } from './setup';
import { checkLimits, CostCheck } from './query-cost';
import { measureShieldOverhead } from './shield-overhead';

/**
 * `npm run bench`: prints figures, asserts nothing but sanity (no GraphQL errors, no failed
 * requests). Everything it starts (database, server) is stopped in `finally` and on SIGINT/SIGTERM.
 */
const LOAD = { durationSeconds: 8, connections: 10 };
// The time budget caps the comparison on a slow or busy machine; the run count says how many fitted.
const SHIELD = { warmup: 10, runs: 200, budgetMs: 40_000 };

interface Benchmark {
  name: string;
  query: (first: number) => string;
  small: number;
  large: number;
  /** Rows in an answer, for the sanity check and the table. */
  rows: (data: any) => number; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'a. alliances × memberSchools',
    query: (n) => `{ alliances(first: ${n}) { edges { node { slug name leadSchool { urn name } memberSchools(first: ${n}) { totalCount edges { node { role school { urn name categories phase { code name } } } } } } } } }`,
    small: 5,
    large: 50,
    rows: (d) => d.alliances.edges.reduce((sum: number, e: any) => sum + 1 + e.node.memberSchools.edges.length, 0), // eslint-disable-line @typescript-eslint/no-explicit-any
  },
  {
    name: 'b. schools search "primary"',
    query: (n) => `{ schools(first: ${n}, filter: { search: "primary" }) { totalCount edges { node { urn name localAuthority { code name } } } } }`,
    small: 10,
    large: 100,
    rows: (d) => d.schools.edges.length,
  },
  {
    name: `c. people (admin, ${PEOPLE_ALLIANCE})`,
    query: (n) => `{ people(first: ${n}) { totalCount edges { node { id displayName email school { name } } } } }`,
    small: 10,
    large: 100,
    // Counts only rows whose email and school came through: the admin sees all, so fewer than the page means a rule misfired.
    rows: (d) => d.people.edges.filter((e: any) => e.node.email !== null && e.node.school !== null).length, // eslint-disable-line @typescript-eslint/no-explicit-any
  },
];

let cleaning: Promise<void> | undefined;
const cleanups: Cleanups = [];
/** Runs once, in reverse order; a failing step does not stop the others. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error('cleanup step failed:', error));
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpus = os.cpus();
  console.log('Alliance Graph benchmarks');
  console.log(`  node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  console.log(`  date ${new Date().toISOString()}`);
  // Other processes on the same cores skew every figure below; say how busy the machine was.
  const [load1] = os.loadavg();
  console.log(`  load average at start ${load1.toFixed(2)}${load1 > cpus.length / 2 ? ' (other work on this machine: expect noisy figures)' : ''}`);

  const db = await createBenchDatabase(cleanups);
  console.log(`  database: ${db.kind}`);
  const seedStart = performance.now();
  const data = await seedBenchData(db.dataSource);
  const { rows } = data;
  console.log(`  data: ${rows.schools} schools, ${rows.alliances} alliances, ${rows.memberships} school memberships, ${rows.people} people (seeded in ${seconds(seedStart)})`);
  console.log(`  load: autocannon, ${LOAD.connections} connections, ${LOAD.durationSeconds} s a run, 127.0.0.1, as an ALLIANCE_ADMIN`);

  // The server's own limit rules, checked before any load: a refused query would benchmark an error.
  const costs = BENCHMARKS.map((b) => ({ small: checkLimits(getSchema(), b.query(b.small)), large: checkLimits(getSchema(), b.query(b.large)) }));
  const refused = costs.flatMap((c) => [c.small, c.large]).filter((c) => !c.accepted);
  if (refused.length) throw new Error(`the server's limits refuse ${refused.length} benchmark queries (cost limit ${SIGNED_IN_LIMITS.cost}): fix the benchmark or the limit`);
  const server = await createServer({
    dataSource: db.dataSource,
    config: { NODE_ENV: 'production', CORS_ORIGINS: [] },
    // Silent: logging every request would measure pino, not the API.
    logger: pino({ level: 'silent' }),
    verifyToken: createTokenVerifier({ secret: data.secret }),
  });
  cleanups.push(() => server.stop());
  const url = await server.listen(0, '127.0.0.1');

  // Statements per request, at two page sizes: batching means the count does not grow with the page.
  const statements: string[][] = [];
  const sizes: { rows: number; bytes: number; statements: number }[] = [];
  const costCell = (c: CostCheck) => `${Math.round(c.cost)}${c.accepted ? '' : ' REFUSED'}`;
  for (const [i, b] of BENCHMARKS.entries()) {
    const measure = db.counter.measure.bind(db.counter);
    const small = await countedRequest(url, b, b.small, data.token, measure);
    const large = await countedRequest(url, b, b.large, data.token, measure);
    statements.push([b.name, `first: ${b.small}`, String(small.rows), String(small.statements), costCell(costs[i].small)]);
    statements.push(['', `first: ${b.large}`, String(large.rows), String(large.statements), costCell(costs[i].large)]);
    sizes.push(large);
  }

  console.log(`\nSQL statements for one request (context included), by page size; query cost as the server counts it (limit ${SIGNED_IN_LIMITS.cost})`);
  printTable(['benchmark', 'page', 'rows', 'SQL statements', 'cost'], statements);

  const load: LoadResult[] = [];
  for (const b of BENCHMARKS) load.push(await runLoad({ url, query: b.query(b.large), token: data.token, ...LOAD }));

  console.log('\nHTTP load: POST /graphql over loopback, the large page of each query');
  printTable(
    ['benchmark', 'rows', 'KiB', 'SQL/req', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'requests', 'failed'],
    BENCHMARKS.map((b, i) => [b.name, String(sizes[i].rows), (sizes[i].bytes / 1024).toFixed(1), String(sizes[i].statements), load[i].requestsPerSecond.toFixed(1), String(load[i].p50), String(load[i].p975), String(load[i].p99), String(load[i].total), String(load[i].failures)]),
  );


  const shieldQuery = BENCHMARKS[0].query(BENCHMARKS[0].large);
  const overhead = await measureShieldOverhead(server, data.token, shieldQuery, SHIELD);
  console.log(`\nShield overhead (SECURITY.md S5): query a (first: ${BENCHMARKS[0].large}), graphql execute in-process, ${overhead.declared.runs} runs each, alternating, after ${SHIELD.warmup} warm-up runs`);
  printTable(
    ['schema', 'mean ms', 'p50 ms', 'min ms'],
    [
      ['getSchema(): shield on declared resolvers', overhead.declared.meanMs.toFixed(2), overhead.declared.p50Ms.toFixed(2), overhead.declared.minMs.toFixed(2)],
      ['applyMiddleware: shield on every field', overhead.everyField.meanMs.toFixed(2), overhead.everyField.p50Ms.toFixed(2), overhead.everyField.minMs.toFixed(2)],
    ],
  );
  console.log(`  every field / declared only: ${overhead.ratio.toFixed(2)}× the mean time per query, ${(overhead.everyField.p50Ms / overhead.declared.p50Ms).toFixed(2)}× the median`);

  const failed = load.reduce((sum, l) => sum + l.failures, 0);
  if (failed) throw new Error(`${failed} request(s) failed during the load runs: the figures above are not trustworthy`);
  console.log(`\ndone in ${seconds(started)}`);
}

async function countedRequest(url: string, b: Benchmark, first: number, token: string, measure: (work: () => Promise<unknown>) => Promise<number>) {
  let answer: Awaited<ReturnType<typeof post>> | undefined;
  const statementCount = await measure(async () => {
    answer = await post(url, b.query(first), token);
  });
  if (!answer || answer.errors?.length || !answer.data) throw new Error(`${b.name} (first: ${first}) failed: ${JSON.stringify(answer?.errors ?? answer)}`);
  const rows = b.rows(answer.data);
  if (rows === 0) throw new Error(`${b.name} (first: ${first}) returned no rows: the data or the query is wrong`);
  return { rows, bytes: answer.bytes, statements: statementCount };
}

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  // Text left, numbers right.
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || !/^[\d.]+$/.test(c) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server and the database`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

main()
  .catch((error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    // Everything is stopped; if some handle still lingers, say so instead of hanging.
    setTimeout(() => {
      console.error('warning: a handle was still open 5 s after cleanup; exiting anyway');
      process.exit();
    }, 5000).unref();
  });
