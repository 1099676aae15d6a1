import { Writable } from 'node:stream';
import { createLogger } from '../../src/common/logger';
import { createDataSource } from '../../src/database/data-source';
import { createServer } from '../../src/server';
import { createTestDatabase } from '../helpers/database';
import { GraphQLBody, listen } from '../helpers/http';
import { startTestServer, TestServer, verifyTestToken } from '../helpers/server';

/** A query of depth 2 + 4n: school > allianceMemberships > edges > node > school > ... > name. */
const nested = (n: number) => `{ school(urn: "990001") { ${'allianceMemberships { edges { node { school { '.repeat(n)}name${' } } } }'.repeat(n)} } }`;

describe('HTTP hardening (SECURITY.md L1-L4, E1-E3, D4)', () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    http = await listen(t.server);
    auth = { authorization: `Bearer ${t.reader.token}` };
  });
  afterAll(() => t.close());

  const codes = (body: GraphQLBody) => body.errors?.map((e) => e.extensions?.code);

  it('marks every GraphQL response private, no-store', async () => {
    for (const headers of [auth, {}]) {
      const response = await http.post({ query: '{ alliances { totalCount } }' }, headers);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('refuses mutations over GET', async () => {
    const response = await fetch(`${http.base}/graphql?query=${encodeURIComponent('mutation { createPerson(input: { givenName: "a", familyName: "b" }) { person { id } } }')}`, {
      headers: { 'apollo-require-preflight': 'true', ...auth },
    });
    expect(response.status).toBe(405);
  });

  it('prevents CSRF: a GET without a preflight header, or a form-encoded POST, is refused', async () => {
    const get = await fetch(`${http.base}/graphql?query=${encodeURIComponent('{ alliances { totalCount } }')}`, { headers: auth });
    expect(get.status).toBe(400);
    const form = await fetch(`${http.base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: JSON.stringify({ query: '{ alliances { totalCount } }' }) });
    expect(form.status).toBe(400);
  });

  it('allows introspection to signed-in users only', async () => {
    const query = '{ __schema { queryType { name } } }';
    const signedIn = await http.gql({ query }, auth);
    expect(signedIn.data.__schema.queryType.name).toBe('Query');
    const anonymous = await http.gql({ query });
    expect(codes(anonymous)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('gives no "Did you mean" suggestion, in the query or in its variables, signed in or not', async () => {
    const body = await http.gql({ query: '{ alliancez { totalCount } }' }, auth);
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    const mutation = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }';
    for (const headers of [auth, {}]) {
      const variables = await http.gql({ query: mutation, variables: { input: { givenNam: 'A', familyName: 'B' } } }, headers);
      expect(new Set(codes(variables))).toEqual(new Set(['BAD_USER_INPUT']));
      expect(JSON.stringify(variables)).not.toMatch(/Did you mean/);
    }
  });

  it('limits depth without revealing the limit, also through fragments', async () => {
    const ok = await http.gql({ query: nested(2) }, auth);
    expect(ok.errors).toBeUndefined();
    const deep = await http.gql({ query: nested(3) }, auth);
    expect(codes(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(deep.errors)).not.toMatch(/\d/);

    const viaFragments = `
      query { schools(first: 1) { edges { node { ...A } } } }
      fragment A on School { allianceMemberships { edges { node { alliance { memberSchools { edges { node { ...B } } } } } } } }
      fragment B on SchoolMembership { school { allianceMemberships { edges { node { alliance { memberSchools { edges { node { school { name } } } } } } } } } }`;
    expect(codes(await http.gql({ query: viaFragments }, auth))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('is stricter for anonymous callers: a depth fine for staff is refused before any rule runs', async () => {
    const query = nested(2);
    expect((await http.gql({ query }, auth)).errors).toBeUndefined();
    const anonymous = await http.gql({ query });
    expect(codes(anonymous)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('limits aliases and tokens without naming numbers', async () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: alliances { totalCount }`).join(' ')} }`;
    const aliased = await http.gql({ query: aliases }, auth);
    expect(codes(aliased)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(aliased.errors)).not.toMatch(/\d/);

    const tokens = `{ alliances { ${'totalCount '.repeat(5000)} } }`;
    const long = await http.gql({ query: tokens }, auth);
    expect(long.errors?.[0].message).toBe('Query is too large.');
  });

  it('limits cost with the page sizes the variables give, and the default when none is given', async () => {
    const query = `query($n: Int) { alliances(first: $n) { edges { node { memberSchools(first: $n) { edges { node { school {
      allianceMemberships(first: 100) { edges { node { role } } } } } } } } } } }`;
    expect((await http.gql({ query, variables: { n: 5 } }, auth)).errors).toBeUndefined();
    const big = await http.gql({ query, variables: { n: 100 } }, auth);
    expect(codes(big)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(big.errors?.[0].message).toBe('Query is too complex: reduce page sizes or nesting.');
    // Left out, first counts as its default of 20: 20 × 20 × 100 memberships is too many.
    const defaulted = query.replace(/\(first: \$n\)/g, '').replace('query($n: Int)', 'query');
    expect(codes(await http.gql({ query: defaulted }, auth))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // A negative page elsewhere in the query must not cancel the cost out.
    const offset = query.replace('memberSchools(first: $n) {', 'negative: tariffs(first: -100000000) { totalCount } memberSchools(first: $n) {');
    expect(codes(await http.gql({ query: offset, variables: { n: 100 } }, auth))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('limits directives', async () => {
    const fields = Array.from({ length: 25 }, () => 'totalCount @include(if: true)').join(' ');
    const body = await http.gql({ query: `{ alliances { ${fields} } }` }, auth);
    expect(codes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(body.errors)).not.toMatch(/\d/);
  });

  it('bounds every statement with a statement timeout', async () => {
    expect(await t.db.dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '5s' }]);
    expect(await t.db.dataSource.query('SHOW lock_timeout')).toEqual([{ lock_timeout: '2500ms' }]);
    expect(await t.db.dataSource.query('SHOW TimeZone')).toEqual([{ TimeZone: 'Europe/London' }]);
    const impatient = createDataSource({ url: t.db.url, poolSize: 1, statementTimeoutMs: 200 });
    await impatient.initialize();
    try {
      await expect(impatient.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    } finally {
      await impatient.destroy();
    }
  });

  it('turns an unexpected fault into a generic INTERNAL_SERVER_ERROR, logged with the request id', async () => {
    const db = await createTestDatabase();
    const lines: string[] = [];
    const logger = createLogger('error', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const server = await createServer({ dataSource: db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger, verifyToken: verifyTestToken });
    const other = await listen(server);
    try {
      await db.dataSource.query('ALTER TABLE areas_of_expertise RENAME TO areas_gone');
      const { createUser } = await import('../factories/users');
      const { token } = await createUser(db.dataSource.manager);
      const body = await other.gql({ query: '{ areasOfExpertise { totalCount } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'fault-42' });
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(body)).not.toMatch(/areas_of_expertise|relation|SELECT|at .*\.js/);
      expect(lines.join('')).toMatch(/fault-42/);
      expect(lines.join('')).toMatch(/areas_of_expertise/);

      // A fault while writing personal data is logged without the values.
      const { createAlliance } = await import('../factories');
      const { MembershipRole } = await import('../../src/modules/users/user-enums');
      const alliance = await createAlliance(db.dataSource.manager);
      const admin = await createUser(db.dataSource.manager, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
      await db.dataSource.query(`ALTER TABLE people ADD CONSTRAINT no_one CHECK (given_name = 'nobody')`);
      const write = await other.gql(
        { query: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', variables: { input: { givenName: 'Secretia', familyName: 'Private', email: 'secretia@example.org' } } },
        { authorization: `Bearer ${admin.token}`, 'x-request-id': 'fault-43' },
      );
      expect(codes(write)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(lines.join('')).toMatch(/fault-43/);
      expect(lines.join('')).not.toMatch(/Secretia|secretia@example/);

      // A fault while building the context is logged too, with the request id.
      await db.dataSource.query('ALTER TABLE users RENAME TO users_gone');
      const failed = await other.post({ query: '{ viewer { isPlatformAdmin } }' }, { authorization: `Bearer ${token}`, 'x-request-id': 'fault-44' });
      expect(failed.status).toBe(500);
      expect(JSON.stringify(await failed.json())).not.toMatch(/users|relation/);
      expect(lines.join('')).toMatch(/fault-44.*context creation failed|context creation failed.*fault-44/);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
