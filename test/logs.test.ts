import { Writable } from 'node:stream';
import { createLogger } from '../src/common/logger';
import { createServer, AppServer } from '../src/server';
import { createTestDatabase, TestDatabase } from './helpers/database';
import { listen } from './helpers/http';
import { verifyTestToken } from './helpers/server';
import { createUser, TestUser } from './factories/users';

/** docs/SECURITY.md O5: what the logs never carry, whatever the request sends. */
describe('logs', () => {
  let db: TestDatabase;
  let server: AppServer;
  let base: string;
  let user: TestUser;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    server = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: createLogger('debug', sink), verifyToken: verifyTestToken });
    base = (await listen(server)).base;
    user = await createUser(db.dataSource.manager);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('carry no token, query string or variables, and do carry a request id', async () => {
    const secret = 'needle-0f-personal-data';
    const query = `query($s: String) { schools(filter: { search: $s }) { totalCount } }`;
    await fetch(`${base}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ s: secret }))}`, {
      headers: { authorization: `Bearer ${user.token}`, 'apollo-require-preflight': 'true', cookie: `session=${secret}` },
    });
    await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}x` }, body: JSON.stringify({ query, variables: { s: secret } }) });
    const text = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/"requestId":"[0-9a-f-]{36}"/);
    expect(text).not.toContain(user.token.split('.')[2]);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('variables=');
  });
});
