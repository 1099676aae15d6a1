import { Writable } from 'node:stream';
import pino from 'pino';
import { encodeCursor } from '../../src/common/connection';
import { withoutValues } from '../../src/common/logger';
import { MembershipRole } from '../../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from '../factories';
import { createPerson, createUser, TestUser } from '../factories/users';
import { startTestServer, TestServer } from '../helpers/server';

const PEOPLE = `query ($after: String, $order: [PersonOrder!]) { people(first: 1, after: $after, orderBy: $order) { pageInfo { endCursor } edges { node { id } } } }`;
const MEMBERS = `query ($after: String) { alliances(first: 5) { edges { node { memberSchools(first: 1, after: $after) { pageInfo { endCursor } edges { node { role } } } } } } }`;
const ALLIANCES = `query ($after: String) { alliances(first: 1, after: $after) { pageInfo { endCursor } } }`;
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Issue 6: every cursor is checked against the list and order it came from; nothing of it reaches SQL or a log line. */
describe('cursors', () => {
  let t: TestServer;
  let coordinator: TestUser;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const school = await createSchool(em);
    await addMember(em, alliance, school);
    await addMember(em, alliance, await createSchool(em));
    for (let i = 0; i < 3; i++) await createPerson(em, alliance, { givenName: `Zebedee${i}`, familyName: 'Secretname', schoolId: school.id });
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
  });
  afterAll(() => t.close());

  /** Runs an operation with a logger whose lines are kept, as the HTTP endpoint would log them. */
  async function run(query: string, variables: Record<string, unknown>) {
    const log = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const contextValue = await t.server.createContext({ requestId: 'cursor-test', log, authorization: `Bearer ${coordinator.token}` });
    const response = await t.server.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('single result expected');
    return response.body.singleResult;
  }

  const refused = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' })]);

  it('pages with its own cursors', async () => {
    const first = await run(PEOPLE, { order: { field: 'UPDATED_AT', direction: 'DESC' } });
    const cursor = (first.data as any).people.pageInfo.endCursor; // eslint-disable-line @typescript-eslint/no-explicit-any
    const second = await run(PEOPLE, { after: cursor, order: { field: 'UPDATED_AT', direction: 'DESC' } });
    expect(second.errors).toBeUndefined();
    expect((second.data as any).people.edges).toHaveLength(1); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('refuses a name-ordered cursor passed with another order, before SQL and without logging the name', async () => {
    const byName = await run(PEOPLE, {});
    const cursor = (byName.data as any).people.pageInfo.endCursor; // eslint-disable-line @typescript-eslint/no-explicit-any
    lines.length = 0;
    refused(await run(PEOPLE, { after: cursor, order: { field: 'UPDATED_AT', direction: 'ASC' } }));
    refused(await run(PEOPLE, { after: cursor, order: { field: 'NAME', direction: 'DESC' } }));
    expect(lines.join('')).not.toMatch(/Secretname|Zebedee/);
  });

  it('refuses a cursor of another list', async () => {
    const alliances = await run(ALLIANCES, {});
    refused(await run(PEOPLE, { after: (alliances.data as any).alliances.pageInfo.endCursor })); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it.each([1e20, 2 ** 63, -1, 1.5, '3', null])('refuses a position cursor holding %p instead of a position', async (position) => {
    const members = await run(MEMBERS, {});
    const real = (members.data as any).alliances.edges.find((e: any) => e.node.memberSchools.pageInfo.endCursor)?.node.memberSchools.pageInfo.endCursor; // eslint-disable-line @typescript-eslint/no-explicit-any
    const [tag] = JSON.parse(Buffer.from(real, 'base64url').toString('utf8'));
    refused(await run(MEMBERS, { after: forge([tag, position]) }));
  });

  it.each([
    ['a timestamp that is not one', (tag: string) => [tag, 'Secretname Zebedee0', '00000000-0000-0000-0000-000000000000']],
    ['an id that is not a uuid', (tag: string) => [tag, '2026-01-01T00:00:00.000Z', 'not-a-uuid']],
    ['too many values', (tag: string) => [tag, '2026-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000', 1]],
    ['a date that does not exist', (tag: string) => [tag, '2024-02-30T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']],
    ['a 29 February of a common year', (tag: string) => [tag, '2023-02-29T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']],
    ['the year 0', (tag: string) => [tag, '0000-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']],
  ])('refuses a cursor with the right tag but %s', async (_what, build) => {
    const page = await run(PEOPLE, { order: { field: 'UPDATED_AT', direction: 'ASC' } });
    const [tag] = JSON.parse(Buffer.from((page.data as any).people.pageInfo.endCursor, 'base64url').toString('utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any
    lines.length = 0;
    refused(await run(PEOPLE, { after: forge(build(tag)), order: { field: 'UPDATED_AT', direction: 'ASC' } }));
    expect(lines.join('')).not.toMatch(/Secretname|Zebedee/);
  });

  it.each(['not-a-cursor', '', forge('x'), forge({}), 'x'.repeat(5000)])('refuses garbage %#', async (after) => {
    refused(await run(PEOPLE, { after }));
  });

  it('encodes the tag first, so equal keys of two lists never share a cursor', () => {
    expect(encodeCursor('a', [1])).not.toEqual(encodeCursor('b', [1]));
  });

  it('logs a failed statement without the value PostgreSQL quotes, in its message or its stack', async () => {
    const error = await t.db.dataSource.query('SELECT $1::uuid', ['Secretname Zebedee']).catch((e: unknown) => e);
    const logged = JSON.stringify(withoutValues(error));
    expect(logged).toContain('22P02');
    expect(logged).not.toMatch(/Secretname|Zebedee/);
  });
});
