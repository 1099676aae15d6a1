import { AuditEventsDocument, AuditEventsQueryVariables } from '../operations/generated/graphql';
import { MembershipRole } from '../src/modules/users/user-enums';
import { toGlobalId } from '../src/common/global-id';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { School } from '../src/modules/schools/school.entity';
import { addMember, createAlliance, createSchool } from './factories';
import { createPerson, createUser, TestUser } from './factories/users';
import { silentLogger, startTestServer, TestServer } from './helpers/server';

const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`;
const UPDATE = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id version } } }`;
/** Issue 9, item 9: every mutation leaves an audit row in its own transaction, readable by coordinators, unchangeable by anyone through the API. */
describe('the audit trail', () => {
  let t: TestServer;
  let alliance: Alliance;
  let school: School;
  let coordinator: TestUser;
  let head: TestUser;
  let otherCoordinator: TestUser;
  const count = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n as number;

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em);
    school = await createSchool(em);
    await addMember(em, alliance, school);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school }] });
    otherCoordinator = await createUser(em, { memberships: [{ alliance: await createAlliance(em), role: MembershipRole.ALLIANCE_ADMIN }] });
  });
  afterAll(() => t.close());

  const events = async (as: TestUser, variables: AuditEventsQueryVariables = {}) => {
    const result = await t.execute(AuditEventsDocument, variables, { as });
    expect(result.errors).toBeUndefined();
    return result.data!.auditEvents;
  };

  it('records a creation with who, in which role, and every field set', async () => {
    const created = await t.execute<{ createPerson: { person: { id: string } } }, Record<string, unknown>>(CREATE, { input: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' } }, { as: coordinator });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPerson.person.id;
    const page = await events(coordinator, { filter: { objectId: id } });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node).toMatchObject({ actorName: coordinator.user.displayName, actingRole: 'ALLIANCE_ADMIN', action: 'createPerson', objectType: 'Person', objectId: id });
    expect(page.edges[0].node.changes).toEqual(
      expect.arrayContaining([
        { field: 'givenName', before: null, after: '"Ada"' },
        { field: 'email', before: null, after: '"ada@example.org"' },
      ]),
    );
    // Unset fields are not "changes".
    expect(page.edges[0].node.changes.map((c) => c.field)).not.toContain('phone');
  });

  it('records an update as the changed fields before and after, and nothing for an update that changes nothing', async () => {
    const person = await createPerson(t.db.dataSource.manager, alliance, { givenName: 'Grace', jobTitle: 'Teacher', schoolId: school.id });
    const id = toGlobalId('Person', person.id);
    expect((await t.execute(UPDATE, { input: { id, jobTitle: 'Head of maths', givenName: 'Grace' } }, { as: head })).errors).toBeUndefined();
    const page = await events(coordinator, { filter: { objectId: id } });
    expect(page.edges.map((e) => [e.node.action, e.node.actingRole, e.node.changes])).toEqual([['updatePerson', 'SCHOOL_LEAD', [{ field: 'jobTitle', before: '"Teacher"', after: '"Head of maths"' }]]]);
    const before = await count();
    expect((await t.execute(UPDATE, { input: { id, jobTitle: 'Head of maths' } }, { as: coordinator })).errors).toBeUndefined();
    expect(await count()).toBe(before);
  });

  it('writes no audit row for a change that fails, and no change without its audit row', async () => {
    await t.execute(CREATE, { input: { givenName: 'Dup', familyName: 'One', email: 'dup@example.org' } }, { as: coordinator });
    const before = await count();
    const failed = await t.execute(CREATE, { input: { givenName: 'Dup', familyName: 'Two', email: 'dup@example.org' } }, { as: coordinator });
    expect(failed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    const unaudited = await t.db.dataSource.query(
      `SELECT p.id FROM people p WHERE p.alliance_id = $1 AND p.email LIKE '%@example.org'
         AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.object_id = p.id AND a.action = 'createPerson')`,
      [alliance.id],
    );
    expect(unaudited).toEqual([]);
  });

  it('is for the coordinators of the alliance only', async () => {
    for (const as of [head]) {
      const result = await t.execute(AuditEventsDocument, {}, { as });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const foreign = await events(otherCoordinator);
    expect(foreign).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('pages newest first with its own cursors, and filters by action and time', async () => {
    const all = await events(coordinator, { first: 100 });
    const times = all.edges.map((e) => new Date(e.node.occurredAt).toISOString());
    expect([...times].sort().reverse()).toEqual(times);
    const first = await events(coordinator, { first: 1 });
    const rest = await events(coordinator, { first: 100, after: first.pageInfo.endCursor });
    expect([first.edges[0], ...rest.edges].map((e) => e.node)).toEqual(all.edges.map((e) => e.node));
    const updates = await events(coordinator, { filter: { actions: ['updatePerson'] } });
    expect(updates.edges.every((e) => e.node.action === 'updatePerson')).toBe(true);
    expect((await events(coordinator, { filter: { since: '2100-01-01T00:00:00Z' } })).totalCount).toBe(0);
    const bad = await t.execute(AuditEventsDocument, { filter: { since: '2026-02-01T00:00:00Z', before: '2026-01-01T00:00:00Z' } }, { as: coordinator });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.since' });
  });

  it('cannot be changed or deleted by the runtime role, even by SQL that bypasses the services', async () => {
    expect(await count()).toBeGreaterThan(0);
    for (const sql of [`UPDATE audit_events SET actor_name = 'someone else'`, `DELETE FROM audit_events`, `TRUNCATE audit_events`]) {
      const ctx = await t.server.createContext({ requestId: 'audit', log: silentLogger, authorization: `Bearer ${coordinator.token}` });
      try {
        await expect(ctx.em.query(sql)).rejects.toThrow(/permission denied/);
      } finally {
        await ctx.end(false);
      }
    }
    // The moment and the id are the database's; the role is the one the caller acts in.
    for (const sql of [
      `INSERT INTO audit_events (alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes, occurred_at) VALUES ($1, $2, 'x', 'ALLIANCE_ADMIN', 'forged', 'Person', gen_random_uuid(), '[]', '2001-01-01')`,
      `INSERT INTO audit_events (alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes) VALUES ($1, $2, 'x', 'PLATFORM_ADMIN', 'forged', 'Person', gen_random_uuid(), '[]')`,
    ]) {
      const forging = await t.server.createContext({ requestId: 'audit', log: silentLogger, authorization: `Bearer ${coordinator.token}` });
      try {
        await expect(forging.em.query(sql, [alliance.id, coordinator.user.id])).rejects.toThrow(/permission denied|row-level security/);
      } finally {
        await forging.end(false);
      }
    }
    // An audit row must be the caller's own, for the alliance it acts for.
    const ctx = await t.server.createContext({ requestId: 'audit', log: silentLogger, authorization: `Bearer ${coordinator.token}` });
    try {
      await expect(
        ctx.em.query(`INSERT INTO audit_events (alliance_id, actor_user_id, actor_name, acting_role, action, object_type, object_id, changes) VALUES ($1, $2, 'x', 'x', 'forged', 'Person', gen_random_uuid(), '[]')`, [alliance.id, head.user.id]),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await ctx.end(false);
    }
  });

  it('answers a page in a fixed number of statements, whatever its size', async () => {
    for (const first of [1, 100]) {
      t.db.counter.reset();
      await events(coordinator, { first });
      // The identity lookup, the page, and its count.
      expect(t.db.counter.selects).toHaveLength(3);
    }
  });
});
