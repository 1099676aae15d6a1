import pg from 'pg';
import { createServer, AppServer } from '../src/server';
import { createTestDatabase, TestDatabase } from './helpers/database';
import { listen } from './helpers/http';
import { silentLogger, verifyTestToken } from './helpers/server';
import { createUser, TestUser } from './factories/users';

/** Reads one sample's value from Prometheus text: metric name and labels as written, e.g. 'x_total{a="b"}'. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

describe('GET /metrics', () => {
  let db: TestDatabase;
  let server: AppServer;
  let base: string;
  let user: TestUser;
  const METRICS_TOKEN = 'metrics-token-0123456789';
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [], METRICS: true, METRICS_TOKEN }, logger: silentLogger, verifyToken: verifyTestToken });
    base = (await listen(server)).base;
    user = await createUser(db.dataSource.manager);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const scrape = async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const gql = (query: string, token?: string) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify({ query }) });

  it('needs the metrics token when one is set', async () => {
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    // A user's token is not the metrics token.
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(401);
  });

  it('counts requests by operation name and outcome, with latency and the SQL statements each ran', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await gql('query MetricsSchools { schools(first: 2) { totalCount edges { node { name } } } }', user.token)).status).toBe(200);
    await gql('query MetricsSchools { schools(first: 2) { totalCount } }', 'not.a.token');
    await gql('query MetricsRefused { people { totalCount } }');
    const after = await scrape();
    const delta = (series: string) => sample(after, series) - (Number.isNaN(sample(before, series)) ? 0 : sample(before, series));

    expect(delta('graphql_requests_total{operation="MetricsSchools",outcome="ok"}')).toBe(3);
    expect(delta('graphql_requests_total{operation="unknown",outcome="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    expect(delta('graphql_requests_total{operation="MetricsRefused",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(delta('graphql_request_duration_seconds_count{operation="MetricsSchools",outcome="ok"}')).toBe(3);
    expect(after).toMatch(/graphql_request_duration_seconds_bucket\{le="0\.1",operation="MetricsSchools",outcome="ok"\}/);
    // Each of the three ran its identity lookup and its list's statements: a few each, never none.
    const statements = delta('graphql_request_sql_statements_sum{operation="MetricsSchools"}');
    expect(statements).toBeGreaterThanOrEqual(3 * 2);
    expect(statements).toBeLessThanOrEqual(3 * 12);
    expect(delta('db_statements_total{scope="request"}')).toBeGreaterThanOrEqual(statements);
  });

  it('attributes to a request every statement sent while it runs, also those that bypass TypeORM (COMMIT)', async () => {
    const before = await scrape();
    // An independent count of everything that reaches pg while the request runs, alone on this server.
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = proto.query;
    const sent: string[] = [];
    proto.query = function (this: unknown, ...args: unknown[]) {
      sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text));
      return query.apply(this, args);
    };
    try {
      db.counter.reset();
      expect((await gql('query MetricsExact { schools(first: 3) { totalCount edges { node { name allianceMemberships { totalCount } } } } }', user.token)).status).toBe(200);
    } finally {
      proto.query = query;
    }
    const after = await scrape();
    const series = 'graphql_request_sql_statements_sum{operation="MetricsExact"}';
    expect(sent.length).toBeGreaterThanOrEqual(db.counter.queries.length);
    expect(sample(after, series) - (Number.isNaN(sample(before, series)) ? 0 : sample(before, series))).toBe(sent.length);
  });

  it('reports the pool: its size, connections by state, waiting clients, and waits under load', async () => {
    const before = await scrape();
    expect(sample(before, 'db_pool_max_connections')).toBe(4);
    expect(before).toMatch(/^db_pool_connections\{state="idle"\} \d+$/m);
    expect(before).toMatch(/^db_pool_waiting_clients \d+$/m);
    // Twenty requests at once on a pool of four: some wait for a connection.
    await Promise.all(Array.from({ length: 20 }, () => gql('query MetricsBusy { schools(first: 5) { totalCount edges { node { name } } } }', user.token)));
    const after = await scrape();
    expect(sample(after, 'graphql_request_pool_waits_count{operation="MetricsBusy"}')).toBe(20);
    expect(sample(after, 'db_pool_wait_seconds_count')).toBeGreaterThan(Number.isNaN(sample(before, 'db_pool_wait_seconds_count')) ? 0 : sample(before, 'db_pool_wait_seconds_count'));
  });

  it('carries process metrics and HTTP responses by route and status', async () => {
    const text = await scrape();
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^http_responses_total\{route="\/graphql",status="200"\} \d+$/m);
    expect(text).toMatch(/^http_responses_total\{route="\/metrics",status="401"\} \d+$/m);
  });

  it('is off by default in production, and off the public port with METRICS_PORT', async () => {
    for (const config of [{}, { METRICS: true, METRICS_PORT: 9464 }]) {
      const other = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [], ...config }, logger: silentLogger, verifyToken: verifyTestToken });
      try {
        const { base: otherBase } = await listen(other);
        expect((await fetch(`${otherBase}/metrics`)).status).toBe(404);
      } finally {
        await other.stop();
      }
    }
  });
});
