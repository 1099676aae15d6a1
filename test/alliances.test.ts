import { AllianceProfileDocument, AlliancesWithMembersDocument } from '../operations/generated/graphql';
import { addMember, createAlliance, createSchool } from './factories';
import { startTestServer, TestServer } from './helpers/server';

describe('alliances', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  it('lists the five demo alliances with their lead and member schools', async () => {
    const { data, errors } = await t.execute(AlliancesWithMembersDocument, { first: 10, membersFirst: 100 });
    expect(errors).toBeUndefined();
    const alliances = data!.alliances.edges.map((e) => e.node);
    expect(alliances.map((a) => a.slug).sort()).toEqual(['forest', 'fusion', 'london-south', 'pathway', 'romero']);
    expect(data!.alliances.totalCount).toBe(5);
    for (const alliance of alliances) {
      const members = alliance.memberSchools.edges.map((e) => e.node);
      expect(members.length).toBe(alliance.memberSchools.totalCount);
      expect(members.filter((m) => m.role === 'LEAD_SCHOOL').map((m) => m.school.urn)).toEqual([alliance.leadSchool!.urn]);
    }
  });

  it('pages alliances with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const { data } = await t.execute(AlliancesWithMembersDocument, { first: 2, after, membersFirst: 1 });
      seen.push(...data!.alliances.edges.map((e) => e.node.slug));
      if (!data!.alliances.pageInfo.hasNextPage) break;
      after = data!.alliances.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('orders alliances by slug, descending', async () => {
    const { data } = await t.execute<{ alliances: { edges: { node: { slug: string } }[] } }, Record<string, never>>(`{ alliances(orderBy: { field: SLUG, direction: DESC }) { edges { node { slug } } } }`);
    const slugs = data!.alliances.edges.map((e) => e.node.slug);
    expect(slugs).toEqual([...slugs].sort().reverse());
  });

  it('pages member schools per alliance', async () => {
    const first = await t.execute(AlliancesWithMembersDocument, { first: 10, membersFirst: 3 });
    const romero = first.data!.alliances.edges.find((e) => e.node.slug === 'romero')!.node;
    expect(romero.memberSchools.edges).toHaveLength(3);
    expect(romero.memberSchools.pageInfo.hasNextPage).toBe(true);
    expect(romero.memberSchools.totalCount).toBe(7);
  });

  it('lists alliances with members in one SQL statement per level, whatever the page size', async () => {
    const count = async (first: number, membersFirst: number) => {
      t.db.counter.reset();
      const { errors } = await t.execute(AlliancesWithMembersDocument, { first, membersFirst });
      expect(errors).toBeUndefined();
      return t.db.counter.selects.length;
    };
    // Two members, so the second is not already cached by the lead-school load.
    const small = await count(1, 2);
    const large = await count(5, 100);
    // The identity lookup, alliances, their count, lead memberships, member pages (one windowed query),
    // and schools: one batch when the lead and member schools are asked for in the same tick, two when not.
    for (const statements of [small, large]) {
      expect(statements).toBeGreaterThanOrEqual(6);
      expect(statements).toBeLessThanOrEqual(7);
    }
  });

  it('hides former and future members unless asked, and shows them with includeFormer', async () => {
    const em = t.db.dataSource.manager;
    const alliance = await createAlliance(em);
    await addMember(em, alliance, await createSchool(em));
    await addMember(em, alliance, await createSchool(em), { startsOn: '2015-09-01', endsOn: '2018-08-31' });
    // Joining next year: not a member yet.
    await addMember(em, alliance, await createSchool(em), { startsOn: '2099-09-01' });
    const query = `query($slug: String!) { alliance(slug: $slug) { current: memberSchools { totalCount } all: memberSchools(includeFormer: true) { totalCount edges { node { endsOn } } } } }`;
    const { data } = await t.execute<{ alliance: { current: { totalCount: number }; all: { totalCount: number } } }, { slug: string }>(query, { slug: alliance.slug });
    expect(data!.alliance.current.totalCount).toBe(1);
    expect(data!.alliance.all.totalCount).toBe(3);
  });

  it('finds an alliance by slug, and gives null for a slug that does not exist', async () => {
    const found = await t.execute(AllianceProfileDocument, { slug: 'forest' });
    expect(found.data!.alliance).toMatchObject({ slug: 'forest', name: 'Forest Learning Alliance', kind: 'TEACHING_SCHOOL_ALLIANCE' });
    const missing = await t.execute(AllianceProfileDocument, { slug: 'no-such-alliance' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.alliance).toBeNull();
  });

  it.each([101, -1])('refuses first: %i with BAD_USER_INPUT naming the argument', async (first) => {
    const { errors } = await t.execute(AlliancesWithMembersDocument, { first, membersFirst: 1 });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a cursor it did not issue', async () => {
    const { errors } = await t.execute(AlliancesWithMembersDocument, { first: 1, after: 'not-a-cursor', membersFirst: 1 });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
