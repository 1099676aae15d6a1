
import { createTestDatabase } from './helpers/database';
import { listen } from './helpers/http';
import { createTestServer, startTestServer, TestServer } from './helpers/server';

describe('HTTP', () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    t = await startTestServer();
    http = await listen(t.server);
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${http.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${http.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
  });

  it('is not ready on a database without the migrations', async () => {
    const empty = await createTestDatabase({ empty: true });
    const server = await createTestServer(empty);
    const other = await listen(server);
    try {
      const ready = await fetch(`${other.base}/readyz`);
      expect(ready.status).toBe(503);
    } finally {
      await server.stop();
      await empty.drop();
    }
  });

  it('serves queries over POST and GET, and echoes or creates a request id', async () => {
    const auth = { authorization: `Bearer ${t.reader.token}` };
    const post = await http.post({ query: '{ alliances { totalCount } }' }, { 'x-request-id': 'abc-123', ...auth });
    expect(post.status).toBe(200);
    expect(post.headers.get('x-request-id')).toBe('abc-123');
    expect(await post.json()).toEqual({ data: { alliances: { totalCount: 0 } } });

    const get = await fetch(`${http.base}/graphql?query=${encodeURIComponent('{ alliances { totalCount } }')}`, { headers: { 'apollo-require-preflight': 'true', ...auth } });
    expect(get.status).toBe(200);
    expect(get.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over 100 kB with 413', async () => {
    const response = await http.post({ query: `{ alliances { totalCount } }`, variables: { padding: 'x'.repeat(110_000) } });
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(JSON.stringify(body)).not.toMatch(/stack|node_modules/);
  });

  it('refuses malformed JSON with 400 and no internals', async () => {
    const response = await http.post('{"query": ');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).not.toMatch(/stack|node_modules|SyntaxError/);
  });

  it('refuses a batch of operations', async () => {
    const response = await http.post([{ query: '{ alliances { totalCount } }' }, { query: '{ alliances { totalCount } }' }]);
    expect(response.status).toBe(400);
  });
});
