import http from 'node:http';
import { Pool } from 'pg';
import { REFERENCE_QUERIES, ReferenceContext } from './reference';

/**
 * The raw-SQL baseline, run by `npm run bench` as a child process: POST /<key> runs that reference
 * query's one statement and writes the JSON PostgreSQL built, as it comes. No GraphQL, no auth.
 * Env: BENCH_DATABASE_URL, BENCH_CONTEXT (JSON ReferenceContext). Prints its URL on stdout.
 */
const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10, application_name: 'alliance-graph-bench-baseline', options: '-c TimeZone=Europe/London' });
const context = JSON.parse(process.env.BENCH_CONTEXT ?? '{}') as ReferenceContext;
const queries = new Map(REFERENCE_QUERIES.map((q) => [`/${q.key}`, { sql: q.sql, params: q.params(context) }]));

const server = http.createServer((req, res) => {
  const query = queries.get(req.url ?? '');
  req.resume();
  req.on('end', () => {
    if (!query) {
      res.writeHead(404).end();
      return;
    }
    pool.query<{ body: string }>(query.sql, query.params).then(
      ({ rows }) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0].body);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`);
});

process.once('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
