import { MembershipRole } from '../../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from '../factories';
import { createSupportRequest } from '../factories/deployments';
import { createUser, TestUser } from '../factories/users';
import { Data, startTestServer, TestServer } from '../helpers/server';

/**
 * A cursor's date values are checked as dates (cursor kind 'date'): a cursor with the right tag whose
 * date is not a calendar day is the caller's mistake, refused before it reaches SQL, where PostgreSQL
 * would refuse it as a 500.
 */
const REQUESTS = `query($orderBy: [SupportRequestOrder!], $after: String) {
  supportRequests(orderBy: $orderBy, first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`;
const forge = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('forged cursors of date sort keys (SECURITY.md S3)', () => {
  let t: TestServer;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    const school = await createSchool(em);
    await addMember(em, alliance, school);
    await createSupportRequest(em, alliance, school);
    await createSupportRequest(em, alliance, school);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
  });
  afterAll(() => t.close());

  it.each([
    ['the default order (received_on DESC)', null],
    ['PREFERRED_START', [{ field: 'PREFERRED_START' }]],
    ['RECEIVED_ON then UPDATED_AT, mixed', [{ field: 'RECEIVED_ON', direction: 'ASC' }, { field: 'UPDATED_AT', direction: 'DESC' }]],
  ])('refuses a cursor whose date is not a date as BAD_USER_INPUT on after (%s)', async (_name, orderBy) => {
    const first = await t.execute<Data, Record<string, unknown>>(REQUESTS, { orderBy }, { as: coordinator });
    expect(first.errors).toBeUndefined();
    const real = JSON.parse(Buffer.from(first.data!.supportRequests.pageInfo.endCursor, 'base64url').toString('utf8')) as unknown[];
    // Same tag, same shape; only the date value is not a date.
    const tampered = [...real];
    for (const day of ['not-a-date', '2025-02-30', '0000-01-01', '2025-1-1']) {
      tampered[1] = day;
      const result = await t.execute<Data, Record<string, unknown>>(REQUESTS, { orderBy, after: forge(tampered) }, { as: coordinator });
      expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' })]);
    }
    // The real cursor still works.
    expect((await t.execute<Data, Record<string, unknown>>(REQUESTS, { orderBy, after: first.data!.supportRequests.pageInfo.endCursor }, { as: coordinator })).errors).toBeUndefined();
  });
});
