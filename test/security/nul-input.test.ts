import { MembershipRole } from '../../src/modules/users/user-enums';
import { createAlliance } from '../factories';
import { createUser, TestUser } from '../factories/users';
import { GraphQLBody, listen } from '../helpers/http';
import { startTestServer, TestServer } from '../helpers/server';

/** Issue 6: a NUL character in any string argument is the caller's mistake, refused before anything runs. */
describe('a NUL character in string input', () => {
  let t: TestServer;
  let admin: TestUser;
  let http: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    t = await startTestServer();
    const alliance = await createAlliance(t.db.dataSource.manager);
    admin = await createUser(t.db.dataSource.manager, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    http = await listen(t.server);
  });
  afterAll(() => t.close());

  const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`;

  it.each([
    ['a variable of a mutation', CREATE, { input: { givenName: 'Ada\u0000', familyName: 'Lovelace' } }, 'input.givenName'],
    ['a variable of a query', `query($s: String) { schools(filter: { search: $s }) { totalCount } }`, { s: 'x\u0000' }, 'filter.search'],
    ['a literal argument', `{ people(filter: { search: "a\\u0000b" }) { totalCount } }`, undefined, 'filter.search'],
    ['a cursor', `query($after: String) { alliances(after: $after) { totalCount } }`, { after: '\u0000' }, 'after'],
    ['a list of ids', `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['ok', 'b\u0000d'] }, 'ids.1'],
  ])('refuses it in %s as BAD_USER_INPUT naming the argument, with no SQL run', async (_what, query, variables, field) => {
    t.db.counter.reset();
    const response = await http.post({ query, variables }, { authorization: `Bearer ${admin.token}` });
    const body = (await response.json()) as GraphQLBody;
    expect(response.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } })]);
    expect(body.data).toBeUndefined();
    // The identity lookup and the request's settings only: nothing of the operation ran.
    expect(t.db.counter.selects.filter((q) => !/FROM "?users"?/i.test(q))).toEqual([]);
  });

  it('writes nothing', async () => {
    await http.post({ query: CREATE, variables: { input: { givenName: 'Nul', familyName: 'Byte\u0000' } } }, { authorization: `Bearer ${admin.token}` });
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM people WHERE given_name = 'Nul'`)).toEqual([{ n: 0 }]);
  });

  it('answers the same to an anonymous caller', async () => {
    const response = await http.post({ query: `query($s: String) { schools(filter: { search: $s }) { totalCount } }`, variables: { s: '\u0000' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphQLBody).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });
});
