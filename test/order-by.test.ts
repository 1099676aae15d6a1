import { toGlobalId } from '../src/common/global-id';
import { getBaseSchema } from '../src/schema';
import { MAX_ORDER_KEYS } from '../src/common/order-direction';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { Designation } from '../src/modules/designations/designation.entity';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Deployment } from '../src/modules/deployments/deployment.entity';
import { School } from '../src/modules/schools/school.entity';
import { SupportRequest } from '../src/modules/support-requests/support-request.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation } from './factories/designations';
import { createDeployment, createSupportRequest } from './factories/deployments';
import { createResearchProject } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { Data, callsAs, startTestServer, TestServer } from './helpers/server';

/** The analysts issue, item 1: `orderBy` lists of keys on the seven root lists, ties broken by id. */

const DEPLOYMENTS = `query($orderBy: [DeploymentOrder!], $first: Int, $after: String) {
  deployments(orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

/** Each list as a page query taking orderBy, first and after (and the filter that keeps it to this file's rows). */
const LISTS = {
  schools: `query($orderBy: [SchoolOrder!], $first: Int, $after: String, $town: String) {
    schools(filter: { search: $town }, orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
  alliances: `query($orderBy: [AllianceOrder!], $first: Int, $after: String) {
    alliances(orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
  people: `query($orderBy: [PersonOrder!], $first: Int, $after: String) {
    people(orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
  designations: `query($orderBy: [DesignationOrder!], $first: Int, $after: String) {
    designations(orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
  supportRequests: `query($orderBy: [SupportRequestOrder!], $first: Int, $after: String) {
    supportRequests(orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
  deployments: DEPLOYMENTS,
  researchProjects: `query($orderBy: [ResearchProjectOrder!], $first: Int, $after: String) {
    researchProjects(orderBy: $orderBy, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
};
type List = keyof typeof LISTS;

type Order = { field: string; direction?: 'ASC' | 'DESC' }[];
type Refused = { extensions: Record<string, unknown>; message: string };

describe('orderBy: a list of keys, applied in order, ties broken by id', () => {
  let t: TestServer;
  let alliance: Alliance;
  let coordinator: TestUser;
  let analyst: TestUser;
  const town = `Ordertown${Date.now()}`;
  const { ok, refused, run } = callsAs(() => t);
  const db = () => t.db.dataSource;

  /** Every id of a list, walking pages of `size` with `after`. */
  async function walk(list: List, orderBy: unknown, size: number, as: TestUser, between?: (page: number) => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 1; page <= 200; page++) {
      const data: Data = await ok(LISTS[list], { orderBy, first: size, after, town }, as);
      ids.push(...data[list].edges.map((e: { node: { id: string } }) => e.node.id));
      if (!data[list].pageInfo.hasNextPage) return ids;
      after = data[list].pageInfo.endCursor;
      await between?.(page);
    }
    throw new Error('too many pages');
  }

  /** The global ids of `sql`'s rows, in its order: what the list must answer, ordered by PostgreSQL. */
  const inSql = async (type: string, sql: string, params: unknown[]) => ((await db().query(sql, params)) as { id: string }[]).map((r) => toGlobalId(type, r.id));

  /** An alliance of its own with `n` deployments whose start dates (some unset) and proposal dates tie in groups. */
  async function deploymentWorld(n: number) {
    const em = db().manager;
    const own = await createAlliance(em);
    const home = await createSchool(em);
    const supported = await createSchool(em);
    for (const s of [home, supported]) await addMember(em, own, s);
    const person = await createPerson(em, own, { schoolId: home.id });
    const designation = await createDesignation(em, person, { status: DesignationStatus.ACTIVE });
    const request = await createSupportRequest(em, own, supported);
    const starts = [null, '2025-10-01', '2025-11-01'];
    const proposed = ['2025-09-01', '2025-09-02'];
    for (let i = 0; i < n; i++) await createDeployment(em, request, designation, home.id, { startsOn: starts[i % 3], proposedOn: proposed[Math.floor(i / 3) % 2] });
    const user = await createUser(em, { memberships: [{ alliance: own, role: MembershipRole.ALLIANCE_ADMIN }] });
    return { alliance: own, coordinator: user, request, designation, home };
  }

  /** The deployments of an alliance as PostgreSQL orders them by start (unset last ascending), proposal and id in the given directions. */
  const deploymentsInSql = (allianceId: string, starts: 'ASC' | 'DESC', proposed: 'ASC' | 'DESC', id: 'ASC' | 'DESC') =>
    inSql('Deployment', `SELECT id FROM deployments WHERE alliance_id = $1 ORDER BY coalesce(starts_on, DATE '9999-12-31') ${starts}, proposed_on ${proposed}, id ${id}`, [allianceId]);

  beforeAll(async () => {
    t = await startTestServer();
    const em = db().manager;
    alliance = await createAlliance(em, { name: `Order alliance ${town}` });
    // Alliances whose names tie, for a second key to decide.
    for (let i = 0; i < 3; i++) await createAlliance(em, { name: `Order twin ${town}` });
    const schools: School[] = [];
    for (let i = 0; i < 5; i++) schools.push(await createSchool(em, { town, name: `Twin school ${i % 2}` }));
    for (const s of schools) await addMember(em, alliance, s);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    analyst = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ANALYST }] });
    // Six people, names in pairs; designations whose dates tie (and are unset for applications).
    const designations: Designation[] = [];
    for (let i = 0; i < 6; i++) {
      const person = await createPerson(em, alliance, { schoolId: schools[i % 5].id, givenName: 'Pat', familyName: `Twin${i % 3}` });
      const active = i % 3 !== 0;
      designations.push(
        await createDesignation(em, person, {
          status: active ? DesignationStatus.ACTIVE : DesignationStatus.APPLIED,
          appliedOn: ['2024-01-10', '2024-01-11'][i % 2],
          ...(active ? { approvedOn: '2024-03-01', designatedOn: ['2024-04-01', '2024-05-01'][i % 2], reviewDueOn: ['2028-04-01', '2029-04-01'][Math.floor(i / 2) % 2] } : { designatedOn: null, reviewDueOn: null }),
        }),
      );
    }
    const requests: SupportRequest[] = [];
    for (let i = 0; i < 5; i++) {
      requests.push(await createSupportRequest(em, alliance, schools[1 + (i % 4)], { receivedOn: ['2025-09-01', '2025-09-02'][i % 2], preferredStart: [null, '2025-10-01'][Math.floor(i / 2) % 2] }));
    }
    for (let i = 0; i < 5; i++) {
      await createDeployment(em, requests[i], designations[1], schools[0].id, { startsOn: ['2025-10-01', null][i % 2], proposedOn: ['2025-09-01', '2025-09-02', '2025-09-03'][i % 3] });
    }
    for (let i = 0; i < 5; i++) await createResearchProject(em, alliance, { title: `Twin project ${i % 2}` });
  });
  afterAll(() => t.close());

  describe('two keys of mixed directions, walked page by page', () => {
    it.each([
      ['DESC', 'ASC'],
      ['ASC', 'DESC'],
    ] as const)('deployments by start %s then proposal %s: every page size gives the order PostgreSQL and JavaScript give, the id following the last key', async (starts, proposed) => {
      const world = await deploymentWorld(14);
      const orderBy = [{ field: 'STARTS_ON', direction: starts }, { field: 'PROPOSED_ON', direction: proposed }];
      const expected = await deploymentsInSql(world.alliance.id, starts, proposed, proposed);
      // The same order, computed here from the rows.
      const rows = await db().getRepository(Deployment).findBy({ allianceId: world.alliance.id });
      const sign = (d: 'ASC' | 'DESC') => (d === 'ASC' ? 1 : -1);
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      rows.sort((a, b) => sign(starts) * cmp(a.startsOn ?? '9999-12-31', b.startsOn ?? '9999-12-31') || sign(proposed) * cmp(a.proposedOn, b.proposedOn) || sign(proposed) * cmp(a.id, b.id));
      expect(rows.map((r) => toGlobalId('Deployment', r.id))).toEqual(expected);
      // The id breaks ties in the last key's direction: the other way round is another order.
      expect(await deploymentsInSql(world.alliance.id, starts, proposed, proposed === 'ASC' ? 'DESC' : 'ASC')).not.toEqual(expected);

      for (const size of [1, 2, 3, 4, 5]) {
        // A boundary inside a tie of the first key, and of both keys, for the pages to cross.
        const key = (i: number) => rows[i].startsOn ?? 'none';
        const boundaries = Array.from({ length: Math.floor((rows.length - 1) / size) }, (_, k) => (k + 1) * size);
        if (size > 1) expect(boundaries.some((b) => key(b - 1) === key(b))).toBe(true);
        expect(await walk('deployments', orderBy, size, world.coordinator)).toEqual(expected);
      }
    });

    it('three keys in three runs of directions (designations by designation DESC, application ASC, review DESC)', async () => {
      const orderBy = [
        { field: 'DESIGNATED_ON', direction: 'DESC' },
        { field: 'APPLIED_ON', direction: 'ASC' },
        { field: 'REVIEW_DUE_ON', direction: 'DESC' },
      ];
      const expected = await inSql(
        'Designation',
        `SELECT id FROM designations WHERE alliance_id = $1
         ORDER BY coalesce(designated_on, DATE '9999-12-31') DESC, applied_on ASC, coalesce(review_due_on, DATE '9999-12-31') DESC, id DESC`,
        [alliance.id],
      );
      expect(expected).toHaveLength(6);
      for (const size of [1, 2, 4]) expect(await walk('designations', orderBy, size, coordinator)).toEqual(expected);
    });

    it('keeps the row comparison, which an index serves, when every direction is equal, and expands to OR terms only for mixed ones', async () => {
      const world = await deploymentWorld(6);
      const counter = t.db.counter;
      const logQuery = counter.logQuery;
      let sent: { sql: string; parameters: unknown[] }[] = [];
      counter.logQuery = (sql: string, parameters?: unknown[]) => (sent.push({ sql, parameters: parameters ?? [] }), logQuery.call(counter, sql));
      /** The statement of the second page, with its parameters. */
      const statement = async (orderBy: Order | undefined) => {
        const first = await ok(DEPLOYMENTS, { orderBy, first: 2 }, world.coordinator);
        sent = [];
        await ok(DEPLOYMENTS, { orderBy, first: 2, after: first.deployments.pageInfo.endCursor }, world.coordinator);
        const page = sent.find((q) => /FROM "deployments"/.test(q.sql) && /LIMIT/.test(q.sql))!;
        return { ...page, plain: page.sql.replace(/"/g, '') };
      };
      try {
        const byDefault = await statement(undefined);
        // The id in ORDER BY is the selected column's alias when the page reads only the selected columns (e_id): the same column.
        expect(byDefault.plain).toMatch(/ AND \(\(e\.proposed_on, e\.id\) < \(\$\d+, \$\d+\)\) ORDER BY e\.proposed_on DESC, e[._]id DESC LIMIT/);
        expect(byDefault.plain).not.toMatch(/ OR /);
        // The plan of the default order's second page: the alliance's index, bounded by the row comparison, and no sort.
        const plan = await db().transaction(async (em) => {
          await em.query('SET LOCAL enable_seqscan = off');
          return ((await em.query(`EXPLAIN ${byDefault.sql}`, byDefault.parameters)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
        });
        expect(plan).toMatch(/Index Scan using deployments_alliance/);
        expect(plan).toMatch(/Index Cond: .*ROW\(proposed_on, id\) < ROW\(/);
        expect(plan).not.toMatch(/Sort/);
        const sameWay = await statement([{ field: 'STARTS_ON', direction: 'DESC' }, { field: 'PROPOSED_ON', direction: 'DESC' }]);
        expect(sameWay.plain).toMatch(/\(\(coalesce\(e\.starts_on, DATE '9999-12-31'\), e\.proposed_on, e\.id\) < \(\$\d+, \$\d+, \$\d+\)\)/);
        expect(sameWay.plain).not.toMatch(/ OR /);
        const mixed = await statement([{ field: 'STARTS_ON', direction: 'DESC' }, { field: 'PROPOSED_ON', direction: 'ASC' }]);
        expect(mixed.plain).toMatch(/\(coalesce\(e\.starts_on, DATE '9999-12-31'\) <= \$\d+ AND \(\(coalesce\(e\.starts_on, DATE '9999-12-31'\) < \$\d+\) OR \(coalesce\(e\.starts_on, DATE '9999-12-31'\) = \$\d+ AND \(e\.proposed_on, e\.id\) > \(\$\d+, \$\d+\)\)\)\)/);
      } finally {
        counter.logQuery = logQuery;
      }
    });
  });

  it('stays stable while rows are inserted between pages: none twice, none skipped, and new ones only after the cursor', async () => {
    const world = await deploymentWorld(12);
    const orderBy = [{ field: 'STARTS_ON', direction: 'DESC' }, { field: 'PROPOSED_ON', direction: 'ASC' }];
    const em = db().manager;
    let before = '';
    let inTie = '';
    const ids = await walk('deployments', orderBy, 3, world.coordinator, async (page) => {
      if (page !== 1) return;
      // Page 1 holds unset starts (last ascending, so first descending); one more of those, proposed earliest, sorts before the cursor.
      before = (await createDeployment(em, world.request, world.designation, world.home.id, { startsOn: null, proposedOn: '2025-08-01' })).id;
      // One inside a later tie of both keys.
      inTie = (await createDeployment(em, world.request, world.designation, world.home.id, { startsOn: '2025-10-01', proposedOn: '2025-09-01' })).id;
    });
    const now = await deploymentsInSql(world.alliance.id, 'DESC', 'ASC', 'ASC');
    expect(now).toHaveLength(14);
    expect(ids).toEqual(now.filter((id) => id !== toGlobalId('Deployment', before)));
    expect(ids).toContain(toGlobalId('Deployment', inTie));
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('cursors', () => {
    const pageOf = async (orderBy: unknown, after?: string) => run(DEPLOYMENTS, { orderBy, first: 2, after }, coordinator);
    const cursorOf = async (orderBy: unknown) => (await ok(DEPLOYMENTS, { orderBy, first: 2 }, coordinator)).deployments.pageInfo.endCursor as string;
    const twoKeys = [{ field: 'STARTS_ON', direction: 'DESC' }, { field: 'PROPOSED_ON', direction: 'ASC' }];

    it.each([
      ['the second key the other way', [{ field: 'STARTS_ON', direction: 'DESC' }, { field: 'PROPOSED_ON', direction: 'DESC' }]],
      ['the keys swapped', [{ field: 'PROPOSED_ON', direction: 'ASC' }, { field: 'STARTS_ON', direction: 'DESC' }]],
      ['the first key alone', [{ field: 'STARTS_ON', direction: 'DESC' }]],
      ['a third key added', [...twoKeys, { field: 'UPDATED_AT', direction: 'ASC' }]],
      ['the default order', null],
    ])('refuses a cursor of another order: %s', async (_what, other) => {
      const cursor = await cursorOf(twoKeys);
      expect((await pageOf(twoKeys, cursor)).errors).toBeUndefined();
      const result = await pageOf(other, cursor);
      expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' })]);
    });

    it("refuses a two-key order's cursor, and takes the default's, under the default spelt out or left empty", async () => {
      const byDefault = await cursorOf(undefined);
      expect((await pageOf(twoKeys, byDefault)).errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
      const spelt = await pageOf([{ field: 'PROPOSED_ON', direction: 'DESC' }], byDefault);
      const empty = await pageOf([], byDefault);
      const absent = await pageOf(undefined, byDefault);
      expect(spelt.errors).toBeUndefined();
      expect(spelt.data).toEqual(absent.data);
      expect(empty.data).toEqual(absent.data);
    });
  });

  describe('what orderBy refuses', () => {
    it('a field named twice, naming orderBy', async () => {
      const error = (await refused(DEPLOYMENTS, { orderBy: [{ field: 'STARTS_ON' }, { field: 'PROPOSED_ON' }, { field: 'STARTS_ON', direction: 'DESC' }] }, coordinator)) as Refused;
      expect(error.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'orderBy' }));
      expect(error.message).toMatch(/STARTS_ON/);
    });

    it(`more than ${MAX_ORDER_KEYS} keys, naming orderBy; ${MAX_ORDER_KEYS} are fine`, async () => {
      const four = [{ field: 'REVIEW_DUE_ON' }, { field: 'APPLIED_ON', direction: 'DESC' }, { field: 'DESIGNATED_ON' }, { field: 'UPDATED_AT', direction: 'DESC' }];
      expect(four).toHaveLength(MAX_ORDER_KEYS);
      expect((await walk('designations', four, 4, coordinator)).length).toBe(6);
      const error = (await refused(LISTS.designations, { orderBy: [...four, { field: 'APPLIED_ON' }] }, coordinator)) as Refused;
      expect(error.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'orderBy' }));
      expect(error.message).toMatch(new RegExp(`at most ${MAX_ORDER_KEYS}`));
    });
  });

  describe('what orderBy still accepts', () => {
    const names = (data: Data) => data.schools.edges.map((e: { node: { id: string } }) => e.node.id);
    const SCHOOLS_BY_LITERAL = (orderBy: string) => `query($town: String) { schools(filter: { search: $town }, orderBy: ${orderBy}, first: 100) { edges { node { id } } } }`;

    it('a single object, written in the document or passed as the variable, as a list of one (GraphQL list input coercion)', async () => {
      const byName = await inSql('School', `SELECT id FROM schools WHERE town = $1 ORDER BY name ASC, id ASC`, [town]);
      const byUrnDesc = await inSql('School', `SELECT id FROM schools WHERE town = $1 ORDER BY urn DESC, id DESC`, [town]);
      expect(names(await ok(SCHOOLS_BY_LITERAL('{ field: NAME }'), { town }, analyst))).toEqual(byName);
      expect(names(await ok(SCHOOLS_BY_LITERAL('{ field: URN, direction: DESC }'), { town }, analyst))).toEqual(byUrnDesc);
      expect(names(await ok(LISTS.schools, { town, first: 100, orderBy: { field: 'URN', direction: 'DESC' } }, analyst))).toEqual(byUrnDesc);
    });

    it('a key whose direction is left out (ascending) or null, in a variable too, which the compiled executor must not refuse', async () => {
      const byUrn = await inSql('School', `SELECT id FROM schools WHERE town = $1 ORDER BY urn ASC, id ASC`, [town]);
      expect(names(await ok(LISTS.schools, { town, first: 100, orderBy: [{ field: 'URN' }] }, analyst))).toEqual(byUrn);
      expect(names(await ok(LISTS.schools, { town, first: 100, orderBy: [{ field: 'URN', direction: null }] }, analyst))).toEqual(byUrn);
      const unset = `query($town: String, $direction: OrderDirection) { schools(filter: { search: $town }, orderBy: [{ field: URN, direction: $direction }], first: 100) { edges { node { id } } } }`;
      expect(names(await ok(unset, { town }, analyst))).toEqual(byUrn);
    });

    it('an empty list or null as the default order', async () => {
      const byDefault = names(await ok(LISTS.schools, { town, first: 100 }, analyst));
      expect(names(await ok(LISTS.schools, { town, first: 100, orderBy: [] }, analyst))).toEqual(byDefault);
      expect(names(await ok(LISTS.schools, { town, first: 100, orderBy: null }, analyst))).toEqual(byDefault);
      expect(byDefault).toEqual(await inSql('School', `SELECT id FROM schools WHERE town = $1 ORDER BY name ASC, id ASC`, [town]));
    });
  });

  describe('every root list takes a two-key list', () => {
    const CASES: Record<List, { as: () => TestUser; orderBy: Order; type: string; sql: string; params: () => unknown[] }> = {
      schools: {
        as: () => analyst,
        orderBy: [{ field: 'NAME', direction: 'DESC' }, { field: 'URN' }],
        type: 'School',
        sql: 'SELECT id FROM schools WHERE town = $1 ORDER BY name DESC, urn ASC, id ASC',
        params: () => [town],
      },
      alliances: {
        as: () => analyst,
        orderBy: [{ field: 'NAME', direction: 'DESC' }, { field: 'SLUG', direction: 'DESC' }],
        type: 'Alliance',
        sql: 'SELECT id FROM alliances ORDER BY name DESC, slug DESC, id DESC',
        params: () => [],
      },
      people: {
        as: () => coordinator,
        orderBy: [{ field: 'NAME' }, { field: 'UPDATED_AT', direction: 'DESC' }],
        type: 'Person',
        sql: `SELECT id FROM people WHERE alliance_id = $1 ORDER BY family_name || ' ' || given_name ASC, date_trunc('milliseconds', updated_at) DESC, id DESC`,
        params: () => [alliance.id],
      },
      designations: {
        as: () => coordinator,
        orderBy: [{ field: 'REVIEW_DUE_ON' }, { field: 'APPLIED_ON', direction: 'DESC' }],
        type: 'Designation',
        sql: `SELECT id FROM designations WHERE alliance_id = $1 ORDER BY coalesce(review_due_on, DATE '9999-12-31') ASC, applied_on DESC, id DESC`,
        params: () => [alliance.id],
      },
      supportRequests: {
        as: () => coordinator,
        orderBy: [{ field: 'PREFERRED_START', direction: 'DESC' }, { field: 'RECEIVED_ON' }],
        type: 'SupportRequest',
        sql: `SELECT id FROM support_requests WHERE alliance_id = $1 ORDER BY coalesce(preferred_start, DATE '9999-12-31') DESC, received_on ASC, id ASC`,
        params: () => [alliance.id],
      },
      deployments: {
        as: () => coordinator,
        orderBy: [{ field: 'PROPOSED_ON' }, { field: 'STARTS_ON', direction: 'DESC' }],
        type: 'Deployment',
        sql: `SELECT id FROM deployments WHERE alliance_id = $1 ORDER BY proposed_on ASC, coalesce(starts_on, DATE '9999-12-31') DESC, id DESC`,
        params: () => [alliance.id],
      },
      researchProjects: {
        as: () => coordinator,
        orderBy: [{ field: 'TITLE', direction: 'DESC' }, { field: 'CREATED_AT' }],
        type: 'ResearchProject',
        sql: `SELECT id FROM research_projects WHERE alliance_id = $1 ORDER BY title DESC, date_trunc('milliseconds', created_at) ASC, id ASC`,
        params: () => [alliance.id],
      },
    };

    it('has a case for each of the seven, and each takes a list of its own order input', () => {
      const query = getBaseSchema().getQueryType()!.getFields();
      for (const list of Object.keys(CASES)) expect(String(query[list].args.find((a) => a.name === 'orderBy')?.type)).toMatch(/^\[\w+Order!\]$/);
      expect(Object.keys(CASES)).toHaveLength(7);
    });

    it.each(Object.keys(CASES) as List[])('%s', async (list) => {
      const c = CASES[list];
      const expected = await inSql(c.type, c.sql, c.params());
      expect(expected.length).toBeGreaterThan(2);
      expect(await walk(list, c.orderBy, 2, c.as())).toEqual(expected);
    });
  });
});
