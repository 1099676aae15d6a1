import { AllianceMembersViewDocument, CreatePersonDocument, PeopleDocument, UpdatePersonDocument, ViewerDocument } from '../operations/generated/graphql';
import { toGlobalId } from '../src/common/global-id';
import { MembershipRole } from '../src/modules/users/user-enums';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { School } from '../src/modules/schools/school.entity';
import { addMember, createAlliance, createSchool } from './factories';
import { createUser, TestUser } from './factories/users';
import { startTestServer, TestServer } from './helpers/server';

describe('staff records', () => {
  let t: TestServer;
  let alliance: Alliance;
  let ownSchool: School;
  let otherSchool: School;
  let admin: TestUser;
  let head: TestUser;

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em);
    ownSchool = await createSchool(em);
    otherSchool = await createSchool(em);
    await addMember(em, alliance, ownSchool);
    admin = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    head = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: ownSchool }] });
  });
  afterAll(() => t.close());

  const count = async () => Number((await t.db.dataSource.query('SELECT count(*) AS n FROM people'))[0].n);
  const create = (input: Record<string, unknown>, as: TestUser = admin) =>
    t.execute(CreatePersonDocument, { input: { givenName: 'Ada', familyName: 'Lovelace', ...input } as never }, { as });

  it('creates a staff record in the acting alliance, with its school', async () => {
    const { data, errors } = await create({ email: ' Ada@Example.org ', phone: '+44 20 7946 0000', schoolId: toGlobalId('School', ownSchool.id), jobTitle: 'Head of Maths', leadershipLevel: 'MIDDLE', inLeadershipSince: '2019-09-01' });
    expect(errors).toBeUndefined();
    expect(data!.createPerson.person).toMatchObject({ email: 'ada@example.org', school: { urn: ownSchool.urn }, leadershipLevel: 'MIDDLE', version: 1 });
    const [row] = await t.db.dataSource.query('SELECT alliance_id FROM people WHERE email = $1', ['ada@example.org']);
    expect(row.alliance_id).toBe(alliance.id);
  });

  it.each([
    [{ givenName: '  ' }, 'input.givenName'],
    [{ familyName: 'x'.repeat(101) }, 'input.familyName'],
    [{ email: 'not-an-email' }, 'input.email'],
    [{ phone: 'call me' }, 'input.phone'],
    [{ inLeadershipSince: '2999-01-01' }, 'input.inLeadershipSince'],
    [{ schoolId: 'nonsense' }, 'input.schoolId'],
    [{ schoolId: toGlobalId('School', '00000000-0000-4000-8000-000000000000') }, 'input.schoolId'],
  ])('refuses %p with BAD_USER_INPUT naming %s, and writes nothing', async (input, field) => {
    const before = await count();
    const { errors } = await create(input);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it('refuses a second record with the same email in the alliance', async () => {
    await create({ email: 'twin@example.org' });
    const { errors } = await create({ email: 'TWIN@example.org' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('lets a school lead add staff to their own school only, defaulting to it', async () => {
    const own = await create({ email: 'new-teacher@example.org' }, head);
    expect(own.data!.createPerson.person.school).toEqual({ urn: ownSchool.urn });
    const other = await create({ schoolId: toGlobalId('School', otherSchool.id) }, head);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('updates only what is given, clears with null, and refuses a stale version with CONFLICT', async () => {
    const created = (await create({ email: 'grace@example.org', jobTitle: 'Teacher' })).data!.createPerson.person;
    const updated = await t.execute(UpdatePersonDocument, { input: { id: created.id, expectedVersion: 1, jobTitle: null, familyName: 'Hopper' } }, { as: admin });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updatePerson.person).toMatchObject({ givenName: 'Ada', familyName: 'Hopper', jobTitle: null, email: 'grace@example.org', version: 2 });

    const stale = await t.execute(UpdatePersonDocument, { input: { id: created.id, expectedVersion: 1, givenName: 'Late' } }, { as: admin });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const [row] = await t.db.dataSource.query('SELECT given_name, version FROM people WHERE email = $1', ['grace@example.org']);
    expect(row).toEqual({ given_name: 'Ada', version: 2 });
  });

  it('answers CONFLICT, not an internal error, while another transaction holds the record', async () => {
    const created = (await create({ email: 'locked@example.org' })).data!.createPerson.person;
    const holder = t.db.dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query('SELECT 1 FROM people WHERE email = $1 FOR UPDATE', ['locked@example.org']);
      const { errors } = await t.execute(UpdatePersonDocument, { input: { id: created.id, givenName: 'Waiting' } }, { as: admin });
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('lets a practitioner change their own contact details, but not where they work or their leadership history', async () => {
    const em = t.db.dataSource.manager;
    const { createPerson: person } = await import('./factories/users');
    const own = await person(em, alliance, { schoolId: ownSchool.id });
    const practitioner = await createUser(em, { memberships: [{ alliance, role: MembershipRole.PRACTITIONER, person: own }] });
    const id = toGlobalId('Person', own.id);
    const contact = await t.execute(UpdatePersonDocument, { input: { id, phone: '+44 1632 960 001' } }, { as: practitioner });
    expect(contact.errors).toBeUndefined();
    for (const input of [{ schoolId: toGlobalId('School', otherSchool.id) }, { leadershipLevel: 'SENIOR' as const }, { inLeadershipSince: '2010-09-01' }]) {
      const { errors } = await t.execute(UpdatePersonDocument, { input: { id, ...input } }, { as: practitioner });
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await em.query('SELECT school_id FROM people WHERE id = $1', [own.id]))[0].school_id).toBe(ownSchool.id);
  });

  it('writes nothing when a later part of an update is refused', async () => {
    const created = (await create({ email: 'half@example.org' })).data!.createPerson.person;
    const { errors } = await t.execute(UpdatePersonDocument, { input: { id: created.id, givenName: 'Changed', schoolId: toGlobalId('School', '00000000-0000-4000-8000-000000000000') } }, { as: admin });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.schoolId' });
    const [row] = await t.db.dataSource.query('SELECT given_name, version FROM people WHERE email = $1', ['half@example.org']);
    expect(row).toEqual({ given_name: 'Ada', version: 1 });
  });

  it('gives NOT_FOUND for an id that does not exist and BAD_USER_INPUT for an id of another type', async () => {
    const missing = await t.execute(UpdatePersonDocument, { input: { id: toGlobalId('Person', '00000000-0000-4000-8000-000000000000'), givenName: 'X' } }, { as: admin });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const wrongType = await t.execute(UpdatePersonDocument, { input: { id: toGlobalId('School', ownSchool.id), givenName: 'X' } }, { as: admin });
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  it('shows a school lead everyone, but contact details only of their own school', async () => {
    await create({ givenName: 'Own', familyName: 'Contactable', email: 'own@example.org', schoolId: toGlobalId('School', ownSchool.id) });
    await create({ givenName: 'Other', familyName: 'Contactable', email: 'other@example.org', schoolId: toGlobalId('School', otherSchool.id) });
    const { data } = await t.execute(PeopleDocument, { first: 100, filter: { search: 'contactable' } }, { as: head });
    const byName = new Map(data!.people.edges.map((e) => [e.node.givenName, e.node]));
    expect(byName.get('Own')!.email).toBe('own@example.org');
    expect(byName.get('Other')!.email).toBeNull();
    expect(byName.get('Other')!.phone).toBeNull();
    // Nor can the hidden email be found by searching for it.
    const probe = await t.execute(PeopleDocument, { first: 100, filter: { search: 'other@example' } }, { as: head });
    expect(probe.data!.people.totalCount).toBe(0);
  });

  it.each(['NAME', 'UPDATED_AT'] as const)('pages every record ordered by %s, both ways, without gaps or repeats', async (field) => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const seen: string[] = [];
      let after: string | null | undefined;
      let total = 0;
      for (;;) {
        const { data, errors } = await t.execute(PeopleDocument, { orderBy: { field, direction }, first: 3, after }, { as: admin });
        expect(errors).toBeUndefined();
        total = data!.people.totalCount;
        seen.push(...data!.people.edges.map((e) => e.node.id));
        if (!data!.people.pageInfo.hasNextPage) break;
        after = data!.people.pageInfo.endCursor;
      }
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it('filters by school and leadership level, and searches names', async () => {
    const bySchool = await t.execute(PeopleDocument, { first: 100, filter: { schoolId: toGlobalId('School', otherSchool.id) } }, { as: admin });
    expect(bySchool.data!.people.edges.every((e) => e.node.school?.urn === otherSchool.urn)).toBe(true);
    const middle = await t.execute(PeopleDocument, { first: 100, filter: { leadershipLevels: ['MIDDLE'] } }, { as: admin });
    expect(middle.data!.people.edges.map((e) => e.node.leadershipLevel)).toEqual(middle.data!.people.edges.map(() => 'MIDDLE'));
    const search = await t.execute(PeopleDocument, { filter: { search: 'ada hop' } }, { as: admin });
    expect(search.data!.people.edges.map((e) => e.node.familyName)).toEqual(['Hopper']);
  });
});

describe('the demo users', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  const demoUser = async (email: string): Promise<TestUser> => {
    const { signToken } = await import('../src/auth/tokens');
    const { TEST_JWT_SECRET } = await import('./factories/users');
    const [row] = await t.db.dataSource.query('SELECT id FROM users WHERE email = $1', [email]);
    return { user: row, token: await signToken(TEST_JWT_SECRET, row.id) };
  };

  it.each(['london-south', 'romero', 'fusion', 'pathway', 'forest'])('exist for %s with the roles API.md promises', async (slug) => {
    const expected = { coordinator: 'ALLIANCE_ADMIN', head: 'SCHOOL_LEAD', sle: 'PRACTITIONER', lp: 'PRACTITIONER', analyst: 'ANALYST' };
    for (const [local, role] of Object.entries(expected)) {
      const { data, errors } = await t.execute(ViewerDocument, {}, { as: await demoUser(`${local}@${slug}.demo`) });
      expect(errors).toBeUndefined();
      expect(data!.viewer).toMatchObject({ actingRole: role, actingAlliance: { slug } });
      if (role === 'PRACTITIONER') expect(data!.viewer.memberships[0].person?.displayName).toBeTruthy();
    }
    const staff = await t.execute(PeopleDocument, { first: 100 }, { as: await demoUser(`coordinator@${slug}.demo`) });
    expect(staff.data!.people.totalCount).toBeGreaterThanOrEqual(5);
  });

  it('show members their settings, tariff and terms, and others nothing', async () => {
    const coordinator = await demoUser('coordinator@forest.demo');
    const own = await t.execute(AllianceMembersViewDocument, { slug: 'forest' }, { as: coordinator });
    expect(own.errors).toBeUndefined();
    expect(own.data!.alliance).toMatchObject({ settings: { reviewPeriodYears: 4 }, tariffs: { edges: [{ node: { fullDayPence: 37500, halfDayPence: 20000, hoursPerDay: 6 } }] } });
    expect(own.data!.alliance!.termDates!.totalCount).toBe(6);
    const foreign = await t.execute(AllianceMembersViewDocument, { slug: 'romero' }, { as: coordinator });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.alliance).toEqual({ slug: 'romero', settings: null, tariffs: null, termDates: null });
  });

  it('give an analyst counts with the small groups suppressed', async () => {
    const { PeopleStatisticsDocument } = await import('../operations/generated/graphql');
    const analyst = await demoUser('analyst@fusion.demo');
    const byLevel = await t.execute(PeopleStatisticsDocument, { groupBy: ['LEADERSHIP_LEVEL'] }, { as: analyst });
    expect(byLevel.errors).toBeUndefined();
    expect(byLevel.data!.peopleStatistics.total).toBe(10);
    // Six middle leaders stay hidden: the other four groups would otherwise be known to sum to 4.
    expect(byLevel.data!.peopleStatistics.groups.every((g) => g.suppressed && g.count === null)).toBe(true);
    const byAuthority = await t.execute(PeopleStatisticsDocument, { groupBy: ['LOCAL_AUTHORITY'] }, { as: analyst });
    expect(byAuthority.data!.peopleStatistics.groups).toEqual([expect.objectContaining({ localAuthority: expect.objectContaining({ code: '919' }), count: 10, suppressed: false })]);
  });

  it('include a platform admin who acts for an alliance only when asked', async () => {
    const admin = await demoUser('admin@platform.demo');
    const none = await t.execute(ViewerDocument, {}, { as: admin });
    expect(none.data!.viewer).toMatchObject({ isPlatformAdmin: true, actingRole: null, actingAlliance: null });
    const acting = await t.execute(ViewerDocument, {}, { as: admin, alliance: 'pathway' });
    expect(acting.data!.viewer).toMatchObject({ actingRole: 'PLATFORM_ADMIN', actingAlliance: { slug: 'pathway' } });
  });
});
