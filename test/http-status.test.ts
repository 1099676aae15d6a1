import { UserStatus } from '../src/modules/users/user-enums';
import { createUser, TestUser } from './factories/users';
import { listen } from './helpers/http';
import { startTestServer, TestServer } from './helpers/server';

/**
 * One rule for status codes (docs/API.md, "HTTP status codes"): a request refused as a whole answers
 * 4xx (400 malformed or over a limit, 401 a token that does not verify, 403 a caller or alliance that
 * may not act, 405 a wrong method, 406, 413); an executed operation answers 200, with each refused
 * field's error in `errors` (UNAUTHENTICATED without a token, FORBIDDEN for a role, NOT_FOUND, ...).
 */
describe('HTTP status codes of refusals', () => {
  let t: TestServer;
  let base: string;
  let suspended: TestUser;
  beforeAll(async () => {
    t = await startTestServer();
    base = (await listen(t.server)).base;
    suspended = await createUser(t.db.dataSource.manager, { status: UserStatus.SUSPENDED });
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = (query: string, headers: Record<string, string> = {}) => fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, { headers });
  const auth = () => ({ authorization: `Bearer ${t.reader.token}` });
  const Q = { query: '{ alliances { totalCount } }' };

  type Case = [name: string, send: () => Promise<Response>, status: number, code: string, headers?: Record<string, RegExp>];
  const cases: Case[] = [
    // The whole request refused: who is calling cannot be settled, or may not act.
    ['a token that does not verify', () => post(Q, { authorization: 'Bearer a.b.c' }), 401, 'UNAUTHENTICATED', { 'www-authenticate': /^Bearer realm="alliance-graph", error="invalid_token"$/ }],
    ['an Authorization header that is not a bearer token', () => post(Q, { authorization: 'Basic dXNlcjpwdw==' }), 401, 'UNAUTHENTICATED', { 'www-authenticate': /^Bearer / }],
    ['a suspended account', () => post(Q, { authorization: `Bearer ${suspended.token}` }), 403, 'FORBIDDEN'],
    ['an X-Alliance-Id the caller is not a member of', () => post(Q, { ...auth(), 'x-alliance-id': 'no-such-alliance' }), 403, 'FORBIDDEN'],
    // The whole request refused: malformed, over a limit, or the wrong method.
    ['a syntax error', () => post({ query: '{ alliances {' }, auth()), 400, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', () => post({ query: '{ nope }' }, auth()), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a query over the cost limit', () => post({ query: '{ alliances(first: 100) { edges { node { memberSchools(first: 100) { edges { node { school { id name urn } } } } } } } }' }, auth()), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['anonymous introspection in production', () => post({ query: '{ __schema { queryType { name } } }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['variables of the wrong type', () => post({ query: 'query($n: Int) { alliances(first: $n) { totalCount } }', variables: { n: 'x' } }, auth()), 400, 'BAD_USER_INPUT'],
    ['a batch', () => post([Q], auth()), 400, 'BAD_REQUEST'],
    ['malformed JSON', () => post('{"query": ', auth()), 400, 'BAD_REQUEST'],
    ['no query', () => post({}, auth()), 400, 'BAD_REQUEST'],
    ['a GET without a CSRF-safe header', () => get(Q.query, auth()), 400, 'BAD_REQUEST'],
    ['a mutation over GET', () => get('mutation { createPerson(input: { givenName: "a", familyName: "b" }) { person { id } } }', { ...auth(), 'apollo-require-preflight': 'true' }), 405, 'BAD_REQUEST', { allow: /^POST$/ }],
    ['PUT', () => fetch(`${base}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json', ...auth() }, body: JSON.stringify(Q) }), 405, 'BAD_REQUEST', { allow: /^GET, POST$/ }],
    ['an Accept the API cannot answer', () => post(Q, { ...auth(), accept: 'text/xml' }), 406, 'BAD_REQUEST'],
    ['a body over 100 kB', () => post({ ...Q, variables: { padding: 'x'.repeat(110_000) } }, auth()), 413, 'BAD_REQUEST'],
    // Executed: each refused field carries its code, and the status is 200.
    ['a field that needs sign-in, without a token (anonymous is a valid caller)', () => post(Q), 200, 'UNAUTHENTICATED'],
    ['a field the role may not read', () => post({ query: '{ people { totalCount } }' }, auth()), 200, 'FORBIDDEN'],
    ['the same with the GraphQL-over-HTTP media type', () => post(Q, { accept: 'application/graphql-response+json' }), 200, 'UNAUTHENTICATED'],
  ];

  it.each(cases)('%s: %#', async (_name, send, status, code, headers = {}) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    // A request refused as a whole never executed: no data. An executed one has its data entry.
    if (status === 200) expect(body).toHaveProperty('data');
    else expect(body.data ?? undefined).toBeUndefined();
    for (const [name, pattern] of Object.entries(headers)) expect(response.headers.get(name)).toMatch(pattern);
    if (status !== 401) expect(response.headers.get('www-authenticate')).toBeNull();
  });
});
