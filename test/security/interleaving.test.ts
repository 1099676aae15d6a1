import { toGlobalId } from '../../src/common/global-id';
import { listen } from '../helpers/http';
import { ExecuteOptions, startTestServer, TestServer } from '../helpers/server';
import { gid, markerPattern, NUMERIC_MARKERS, seedWorld, Tenant, TenantKey, World } from './support/world';

/**
 * SECURITY.md T6: interleaved requests of two alliances, and parallel root fields in one request,
 * never mix. Every response must hold its own alliance's markers and none of the other's.
 */

const REQUESTS = 60;

const LIST_AND_NODES = `query($ids: [ID!]!) {
  people(first: 100) { totalCount edges { node { id givenName email phone jobTitle school { id } } } }
  nodes(ids: $ids) { id ... on Person { givenName familyName email } }
  viewer { actingRole actingAlliance { slug tariffs { edges { node { fullDayPence } } } termDates { edges { node { academicYear } } } } }
}`;

type ListAndNodes = {
  people: { totalCount: number; edges: { node: { id: string; givenName: string } }[] };
  nodes: ({ id: string; givenName: string } | null)[];
  viewer: { actingRole: string; actingAlliance: { slug: string } };
};

const other = (key: TenantKey): TenantKey => (key === 'A' ? 'B' : 'A');

/** Everything of `key`'s alliance, nothing of the other's. */
function expectOnly(key: TenantKey, response: unknown) {
  const text = JSON.stringify(response);
  expect(text).toMatch(markerPattern(key));
  expect(text).not.toMatch(markerPattern(other(key)));
  expect(text).not.toContain(String(NUMERIC_MARKERS[other(key)].fullDayPence));
  expect(text).not.toContain(String(NUMERIC_MARKERS[other(key)].academicYear));
}

describe('interleaved requests and parallel root fields (SECURITY.md T6)', () => {
  let t: TestServer;
  let world: World;
  beforeAll(async () => {
    t = await startTestServer();
    world = await t.db.dataSource.transaction((em) => seedWorld(em, { extraPeople: 12 }));
  });
  afterAll(() => t.close());

  const ownIds = (tenant: Tenant) => tenant.people.map((p) => gid('Person', p));

  /** Who calls in request i: admins of A and B, the admin of both with either header, and A's practitioner. */
  function caller(i: number): { key: TenantKey; options: ExecuteOptions; practitioner?: boolean } {
    switch (i % 5) {
      case 0:
        return { key: 'A', options: { as: world.A.users.ALLIANCE_ADMIN } };
      case 1:
        return { key: 'B', options: { as: world.B.users.ALLIANCE_ADMIN } };
      case 2:
        return { key: 'A', options: { as: world.adminOfBoth, alliance: world.A.alliance.slug } };
      case 3:
        return { key: 'B', options: { as: world.adminOfBoth, alliance: toGlobalId('Alliance', world.B.alliance.id) } };
      default:
        return { key: 'A', options: { as: world.A.users.PRACTITIONER }, practitioner: true };
    }
  }

  it(`keeps ${REQUESTS} concurrent requests of A and B apart`, async () => {
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const { key, options, practitioner } = caller(i);
        const tenant = world[key];
        // Every request also asks for the other alliance's people by id: they must read as null.
        const ids = [...ownIds(tenant), ...ownIds(world[other(key)]).slice(0, 3)];
        return { i, key, practitioner, tenant, result: await t.execute<ListAndNodes, { ids: string[] }>(LIST_AND_NODES, { ids }, options) };
      }),
    );
    for (const { key, tenant, practitioner, result } of results) {
      expect(result.errors).toBeUndefined();
      expectOnly(key, result);
      const { people, nodes, viewer } = result.data!;
      expect(viewer.actingAlliance.slug).toBe(tenant.alliance.slug);
      if (practitioner) {
        // A practitioner's request, interleaved with admins' of the same alliance, still sees one record.
        expect(people.edges.map((e) => e.node.id)).toEqual([gid('Person', tenant.practitionerPerson)]);
        expect(nodes.filter(Boolean).map((n) => n!.id)).toEqual([gid('Person', tenant.practitionerPerson)]);
      } else {
        expect(people.edges.map((e) => e.node.id).sort()).toEqual(ownIds(tenant).sort());
        expect(people.totalCount).toBe(tenant.people.length);
        expect(nodes.map((n) => n?.id ?? null)).toEqual([...ownIds(tenant), null, null, null]);
      }
    }
  });

  const PARALLEL_ROOT_FIELDS = `query($own: ID!, $foreign: ID!, $ownIds: [ID!]!, $foreignSlug: String!) {
    viewer { actingRole actingAlliance { slug settings { reviewPeriodYears } tariffs { edges { node { fullDayPence } } } } }
    people(first: 100) { totalCount edges { node { id givenName email } } }
    a: people(first: 5) { totalCount edges { node { id givenName jobTitle } } }
    b: node(id: $own) { id ... on Person { givenName email phone } }
    c: node(id: $foreign) { id ... on Person { givenName } }
    d: nodes(ids: $ownIds) { id }
    e: alliance(slug: $foreignSlug) { slug settings { reviewPeriodYears } tariffs { edges { node { fullDayPence } } } termDates { edges { node { academicYear } } } }
  }`;

  type Parallel = {
    viewer: { actingRole: string; actingAlliance: { slug: string } };
    people: { totalCount: number; edges: { node: { id: string } }[] };
    a: { totalCount: number; edges: { node: { id: string } }[] };
    b: { id: string; email: string } | null;
    c: unknown;
    d: ({ id: string } | null)[];
    e: { slug: string; settings: unknown; tariffs: unknown; termDates: unknown };
  };

  const parallelFor = (key: TenantKey) => {
    const tenant = world[key];
    const foreign = world[other(key)];
    return t.execute<Parallel, Record<string, unknown>>(
      PARALLEL_ROOT_FIELDS,
      { own: gid('Person', tenant.colleagueAtLeadSchool), foreign: gid('Person', foreign.colleagueAtLeadSchool), ownIds: ownIds(tenant).slice(0, 5), foreignSlug: foreign.alliance.slug },
      { as: world.adminOfBoth, alliance: tenant.alliance.slug },
    );
  };

  it.each<TenantKey>(['A', 'B'])('answers parallel root fields in one request acting for %s with that alliance’s data only', async (key) => {
    const tenant = world[key];
    const result = await parallelFor(key);
    expect(result.errors).toBeUndefined();
    expectOnly(key, result);
    const data = result.data!;
    expect(data.viewer).toMatchObject({ actingRole: 'ALLIANCE_ADMIN', actingAlliance: { slug: tenant.alliance.slug } });
    expect(data.people.edges.map((e) => e.node.id).sort()).toEqual(ownIds(tenant).sort());
    // The aliased page is the start of the same list, and counts the same rows.
    expect(data.a.edges.map((e) => e.node.id)).toEqual(data.people.edges.slice(0, 5).map((e) => e.node.id));
    expect(data.a.totalCount).toBe(data.people.totalCount);
    expect(data.b).toMatchObject({ id: gid('Person', tenant.colleagueAtLeadSchool), email: tenant.colleagueAtLeadSchool.email });
    expect(data.c).toBeNull();
    expect(data.d.map((n) => n?.id)).toEqual(ownIds(tenant).slice(0, 5));
    expect(data.e).toEqual({ slug: world[other(key)].alliance.slug, settings: null, tariffs: null, termDates: null });
  });

  it('keeps parallel root fields apart under concurrency too', async () => {
    const keys = Array.from({ length: 30 }, (_, i): TenantKey => (i % 2 ? 'B' : 'A'));
    const results = await Promise.all(keys.map(parallelFor));
    results.forEach((result, i) => {
      expect(result.errors).toBeUndefined();
      expectOnly(keys[i], result);
      expect(result.data!.c).toBeNull();
    });
  });

  describe('over real HTTP, one user who is a member of both, the header choosing each time', () => {
    let http: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      http = await listen(t.server);
    });

    it(`keeps ${REQUESTS} concurrent HTTP requests apart`, async () => {
      const responses = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const key: TenantKey = i % 2 ? 'B' : 'A';
          const tenant = world[key];
          // Slug and global id in turn.
          const header = i % 4 < 2 ? tenant.alliance.slug : toGlobalId('Alliance', tenant.alliance.id);
          const ids = [...ownIds(tenant), ...ownIds(world[other(key)]).slice(0, 3)];
          const response = await http.post({ query: LIST_AND_NODES, variables: { ids } }, { authorization: `Bearer ${world.adminOfBoth.token}`, 'x-alliance-id': header });
          return { key, tenant, status: response.status, vary: response.headers.get('vary'), body: (await response.json()) as { data: ListAndNodes; errors?: unknown } };
        }),
      );
      for (const { key, tenant, status, vary, body } of responses) {
        expect(status).toBe(200);
        // A shared cache must key on the header that chose the alliance.
        expect(vary).toMatch(/X-Alliance-Id/i);
        expect(body.errors).toBeUndefined();
        expectOnly(key, body);
        expect(body.data.viewer.actingAlliance.slug).toBe(tenant.alliance.slug);
        expect(body.data.people.edges.map((e) => e.node.id).sort()).toEqual(ownIds(tenant).sort());
        expect(body.data.nodes.map((n) => n?.id ?? null)).toEqual([...ownIds(tenant), null, null, null]);
      }
    });
  });

  // Last: it adds staff records, which the lists above would otherwise count.
  it('puts each of 30 concurrent createPerson calls, alternating the header, in the header’s alliance', async () => {
    const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`;
    const results = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const key: TenantKey = i % 2 ? 'B' : 'A';
        const familyName = `Concurrent ${key} ${i}`;
        const result = await t.execute(CREATE, { input: { givenName: 'New', familyName } }, { as: world.adminOfBoth, alliance: world[key].alliance.slug });
        return { key, familyName, result };
      }),
    );
    for (const { key, familyName, result } of results) {
      expect(result.errors).toBeUndefined();
      const rows = await t.db.dataSource.query(`SELECT alliance_id FROM people WHERE family_name = $1`, [familyName]);
      expect(rows).toEqual([{ alliance_id: world[key].alliance.id }]);
    }
  });
});
