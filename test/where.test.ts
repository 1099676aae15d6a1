import { getBaseSchema } from '../src/schema';
import { GraphQLInputObjectType } from 'graphql';
import { toGlobalId } from '../src/common/global-id';
import { MAX_WHERE_DEPTH, whereSql } from '../src/common/where/where';
import { DEPLOYMENT_WHERE } from '../src/common/where/lists';
import { Alliance } from '../src/modules/alliances/alliance.entity';
import { DeploymentStatus } from '../src/modules/deployments/deployment-enums';
import { DesignationStatus } from '../src/modules/designations/designation-enums';
import { Designation } from '../src/modules/designations/designation.entity';
import { LeadershipLevel } from '../src/modules/people/person-enums';
import { Person } from '../src/modules/people/person.entity';
import { ResearchStatus } from '../src/modules/research/research-enums';
import { School } from '../src/modules/schools/school.entity';
import { SupportRequest } from '../src/modules/support-requests/support-request.entity';
import { MembershipRole } from '../src/modules/users/user-enums';
import { addMember, createAlliance, createSchool } from './factories';
import { createDesignation } from './factories/designations';
import { createDeployment, createSupportRequest } from './factories/deployments';
import { createResearchProject } from './factories/research';
import { createPerson, createUser, TestUser } from './factories/users';
import { callsAs, startTestServer, TestServer } from './helpers/server';

/** Issue 12, item 1: the shared `where:` argument of the six root lists. */

const DEPLOYMENTS = `query($where: DeploymentWhere, $filter: DeploymentFilter, $first: Int, $after: String) {
  deployments(where: $where, filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }`;
const SUPPORT_REQUESTS = `query($where: SupportRequestWhere) { supportRequests(where: $where, first: 100) { edges { node { id } } } }`;
const SCHOOLS = `query($where: SchoolWhere, $filter: SchoolFilter) { schools(where: $where, filter: $filter, first: 100) { edges { node { urn } } } }`;
const DESIGNATIONS = `query($where: DesignationWhere) { designations(where: $where, first: 100) { edges { node { id status } } } }`;
const PEOPLE = `query($where: PersonWhere) { people(where: $where, first: 100) { edges { node { id } } } }`;
const RESEARCH = `query($where: ResearchProjectWhere) { researchProjects(where: $where, first: 100) { edges { node { id title } } } }`;

type Edges = { edges: { node: { id: string; urn?: string; title?: string } }[] };

describe('where: typed conditions shared by the six lists', () => {
  let t: TestServer;
  let alliance: Alliance;
  let home: School;
  let supported: School;
  let other: School;
  let otherHome: School;
  let coordinator: TestUser;
  let homeHead: TestUser;
  let sle: Person;
  let designation: Designation;
  let otherDesignation: Designation;
  let requestSupported: SupportRequest;
  let requestOther: SupportRequest;
  const marker = `Wheretown${Date.now()}`;
  const dep: Record<string, string> = {};
  const { run, ok, refused } = callsAs(() => t);

  const gid = (type: string, id: string) => toGlobalId(type, id);
  const ids = (data: Record<string, Edges>, list: string) => data[list].edges.map((e) => e.node.id).sort();
  const deps = (...names: string[]) => names.map((n) => gid('Deployment', dep[n])).sort();
  const deployments = async (where: unknown, as = coordinator) => ids(await ok(DEPLOYMENTS, { where, first: 100 }, as), 'deployments');

  beforeAll(async () => {
    t = await startTestServer();
    const em = t.db.dataSource.manager;
    alliance = await createAlliance(em);
    home = await createSchool(em, { town: marker, laCode: '301', statutoryLowAge: 4, statutoryHighAge: 11, openDate: '2001-09-01' });
    supported = await createSchool(em, { town: marker, laCode: '302', statutoryLowAge: 11, statutoryHighAge: 16, openDate: '2010-09-01' });
    other = await createSchool(em, { town: marker, laCode: '303', statutoryLowAge: 11, statutoryHighAge: 18, openDate: '2020-09-01' });
    otherHome = await createSchool(em, { laCode: '304' });
    for (const s of [home, supported, other, otherHome]) await addMember(em, alliance, s);
    coordinator = await createUser(em, { memberships: [{ alliance, role: MembershipRole.ALLIANCE_ADMIN }] });
    homeHead = await createUser(em, { memberships: [{ alliance, role: MembershipRole.SCHOOL_LEAD, school: home }] });
    sle = await createPerson(em, alliance, { schoolId: home.id, givenName: 'Ada', familyName: 'Wherely', leadershipLevel: LeadershipLevel.SENIOR });
    const otherSle = await createPerson(em, alliance, { schoolId: otherHome.id, givenName: 'Bo', familyName: 'Elsewhere', leadershipLevel: LeadershipLevel.MIDDLE });
    designation = await createDesignation(em, sle, { status: DesignationStatus.ACTIVE });
    otherDesignation = await createDesignation(em, otherSle, { status: DesignationStatus.APPLIED, designatedOn: null });
    requestSupported = await createSupportRequest(em, alliance, supported, { receivedOn: '2025-09-01' });
    requestOther = await createSupportRequest(em, alliance, other, { receivedOn: '2025-10-15' });
    // From home: a (PROPOSED, 2 days, starts 2025-09-15), b (ACTIVE, 5, 2025-11-01), c (COMPLETED, 8, 2026-01-10); from otherHome: d (PROPOSED, 3).
    dep.a = (await createDeployment(em, requestSupported, designation, home.id, { status: DeploymentStatus.PROPOSED, plannedDays: 2, startsOn: '2025-09-15', proposedOn: '2025-09-02' })).id;
    dep.b = (await createDeployment(em, requestOther, designation, home.id, { status: DeploymentStatus.ACTIVE, plannedDays: 5, startsOn: '2025-11-01', proposedOn: '2025-09-03', startedOn: '2025-11-01' })).id;
    dep.c = (await createDeployment(em, requestSupported, designation, home.id, { status: DeploymentStatus.COMPLETED, plannedDays: 8, startsOn: '2026-01-10', proposedOn: '2025-09-04', startedOn: '2026-01-10', completedOn: '2026-03-01' })).id;
    dep.d = (await createDeployment(em, requestOther, otherDesignation, otherHome.id, { status: DeploymentStatus.PROPOSED, plannedDays: 3, startsOn: '2025-12-01', proposedOn: '2025-09-05' })).id;
  });
  afterAll(() => t.close());

  it('generates one input per list from the shared table: conditions by kind, and/or of itself', () => {
    const type = getBaseSchema().getType('DeploymentWhere') as GraphQLInputObjectType;
    const fields = type.getFields();
    expect(String(fields.status.type)).toBe('DeploymentStatusCondition');
    expect(String(fields.startsOn.type)).toBe('DateRange');
    expect(String(fields.plannedDays.type)).toBe('FloatRange');
    expect(String(fields.supportedSchoolId.type)).toBe('IdCondition');
    expect(String(fields.and.type)).toBe('[DeploymentWhereLevel1!]');
    const deepest = getBaseSchema().getType(`DeploymentWhereLevel${MAX_WHERE_DEPTH}`) as GraphQLInputObjectType;
    expect(Object.keys(deepest.getFields())).not.toContain('or');
    // Ids at the top level only: and/or branches take the other conditions.
    expect(Object.keys((getBaseSchema().getType('DeploymentWhereLevel1') as GraphQLInputObjectType).getFields())).not.toContain('supportedSchoolId');
    for (const name of ['SchoolWhere', 'PersonWhere', 'DesignationWhere', 'SupportRequestWhere', 'ResearchProjectWhere']) expect(getBaseSchema().getType(name)).toBeDefined();
    for (const root of ['schools', 'people', 'designations', 'supportRequests', 'deployments', 'researchProjects']) {
      expect(getBaseSchema().getQueryType()!.getFields()[root].args.map((a) => a.name)).toEqual(expect.arrayContaining(['filter', 'where']));
    }
  });

  it('binds every value as a parameter, never into the SQL text', () => {
    const evil = "x'); DROP TABLE deployments; --";
    const sql = whereSql(DEPLOYMENT_WHERE, { status: { in: [evil] }, or: [{ plannedDays: { min: 1 } }] })!;
    expect(sql.sql).not.toContain('DROP');
    expect(Object.values(sql.params)).toContainEqual([evil]);
  });

  it('translates a boolean, and each range end, as a bound comparison', () => {
    const table = { open: { kind: 'boolean' as const, sql: 'e.open', description: 'Open.' }, on: { kind: 'date' as const, sql: 'e.on', description: 'On.' } };
    const sql = whereSql(table, { open: false, on: { from: '2025-01-01' } })!;
    expect(sql.sql).toBe('(e.open = :where_0 AND e.on >= CAST(:where_1 AS date))');
    expect(sql.params).toEqual({ where_0: false, where_1: '2025-01-01' });
    expect(whereSql(table, {})).toBeUndefined();
  });

  describe('each kind of condition', () => {
    it('enum: eq and in, on deployments, designations and people', async () => {
      expect(await deployments({ status: { eq: 'PROPOSED' } })).toEqual(deps('a', 'd'));
      expect(await deployments({ status: { in: ['ACTIVE', 'COMPLETED'] } })).toEqual(deps('b', 'c'));
      expect(await deployments({ status: { in: [] } })).toEqual([]);
      expect(ids(await ok(DESIGNATIONS, { where: { status: { eq: 'APPLIED' } } }, coordinator), 'designations')).toEqual([gid('Designation', otherDesignation.id)]);
      expect(ids(await ok(PEOPLE, { where: { leadershipLevel: { in: ['SENIOR'] } } }, coordinator), 'people')).toEqual([gid('Person', sle.id)]);
    });

    it('id: eq and in, by global id, on deployments and support requests', async () => {
      expect(await deployments({ supportedSchoolId: { eq: gid('School', other.id) } })).toEqual(deps('b', 'd'));
      expect(await deployments({ homeSchoolId: { in: [gid('School', home.id)] }, designationId: { eq: gid('Designation', designation.id) } })).toEqual(deps('a', 'b', 'c'));
      const requests = await ok(SUPPORT_REQUESTS, { where: { supportedSchoolId: { in: [gid('School', supported.id)] } } }, coordinator);
      expect(ids(requests, 'supportRequests')).toEqual([gid('SupportRequest', requestSupported.id)]);
    });

    it('date ranges, both ends included, either open, on deployments, support requests and schools', async () => {
      expect(await deployments({ startsOn: { from: '2025-11-01', to: '2026-01-10' } })).toEqual(deps('b', 'c', 'd'));
      expect(await deployments({ startsOn: { to: '2025-09-15' } })).toEqual(deps('a'));
      const requests = await ok(SUPPORT_REQUESTS, { where: { receivedOn: { from: '2025-10-01' } } }, coordinator);
      expect(ids(requests, 'supportRequests')).toEqual([gid('SupportRequest', requestOther.id)]);
      const schools = await ok(SCHOOLS, { where: { search: marker, openDate: { from: '2005-01-01' } } }, coordinator);
      expect(schools.schools.edges.map((e: { node: { urn: string } }) => e.node.urn).sort()).toEqual([supported.urn, other.urn].sort());
    });

    it('number ranges: floats on deployments, whole numbers on schools', async () => {
      expect(await deployments({ plannedDays: { min: 2.5, max: 5 } })).toEqual(deps('b', 'd'));
      const schools = await ok(SCHOOLS, { where: { search: marker, statutoryLowAge: { min: 11 }, statutoryHighAge: { max: 16 } } }, coordinator);
      expect(schools.schools.edges.map((e: { node: { urn: string } }) => e.node.urn)).toEqual([supported.urn]);
    });

    it('text equality and search: schools by code and by name or town, people by name, research by words', async () => {
      const schools = await ok(SCHOOLS, { where: { laCode: { in: ['301', '303'] }, search: marker } }, coordinator);
      expect(schools.schools.edges.map((e: { node: { urn: string } }) => e.node.urn).sort()).toEqual([home.urn, other.urn].sort());
      expect((await ok(SCHOOLS, { where: { urn: { eq: home.urn } } }, coordinator)).schools.edges).toHaveLength(1);
      // The search text is data: LIKE's wildcards in it match themselves.
      expect((await ok(SCHOOLS, { where: { search: '%' } }, coordinator)).schools.edges).toHaveLength(0);
      expect(ids(await ok(PEOPLE, { where: { search: 'wherely' } }, coordinator), 'people')).toEqual([gid('Person', sle.id)]);
      const em = t.db.dataSource.manager;
      const bees = await createResearchProject(em, alliance, { title: 'Bees in the playground', status: ResearchStatus.IN_PROGRESS });
      await createResearchProject(em, alliance, { title: 'Fractions by folding', status: ResearchStatus.IN_PROGRESS });
      const found = await ok(RESEARCH, { where: { search: 'bees', status: { eq: 'IN_PROGRESS' } } }, coordinator);
      expect(ids(found, 'researchProjects')).toEqual([gid('ResearchProject', bees.id)]);
    });

    it('instants: research projects and designations by when they changed', async () => {
      const future = new Date(Date.now() + 86_400_000).toISOString();
      expect(ids(await ok(DESIGNATIONS, { where: { updatedAt: { from: future } } }, coordinator), 'designations')).toEqual([]);
      expect(ids(await ok(DESIGNATIONS, { where: { updatedAt: { to: future } } }, coordinator), 'designations')).toHaveLength(2);
      expect(ids(await ok(RESEARCH, { where: { createdAt: { from: future } } }, coordinator), 'researchProjects')).toEqual([]);
    });
  });

  it('and/or combine, nest, and AND with the existing filter', async () => {
    const where = { or: [{ status: { eq: 'ACTIVE' } }, { and: [{ plannedDays: { min: 3 } }, { startsOn: { to: '2025-12-31' } }] }] };
    expect(await deployments(where)).toEqual(deps('b', 'd'));
    expect(await deployments({ ...where, homeSchoolId: { eq: gid('School', home.id) } })).toEqual(deps('b'));
    expect(ids(await ok(DEPLOYMENTS, { where, filter: { statuses: ['PROPOSED'] }, first: 100 }, coordinator), 'deployments')).toEqual(deps('d'));
    expect(await deployments({ or: [] })).toEqual([]);
    expect(await deployments({ and: [] })).toHaveLength(4);
    const three = { or: [{ and: [{ or: [{ status: { eq: 'ACTIVE' } }] }] }] };
    expect(await deployments(three)).toEqual(deps('b'));
  });

  describe('bad input is BAD_USER_INPUT naming the argument', () => {
    it(`and/or nested deeper than ${MAX_WHERE_DEPTH}`, async () => {
      const four = { or: [{ and: [{ or: [{ and: [{ status: { eq: 'ACTIVE' } }] }] }] }] };
      const error = await refused(DEPLOYMENTS, { where: four }, coordinator);
      // Refused as the variable is read, before the resolver: the message names the field and the level's type.
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(`Field "and" is not defined by type DeploymentWhereLevel${MAX_WHERE_DEPTH}`);
      // The same limit, for a caller that reaches the translation without the schema.
      expect(() => whereSql(DEPLOYMENT_WHERE, four)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'where.or.0.and.0.or.0.and' } }));
    });

    it('an inverted range', async () => {
      expect((await refused(DEPLOYMENTS, { where: { startsOn: { from: '2026-01-01', to: '2025-01-01' } } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.startsOn' });
      expect((await refused(DEPLOYMENTS, { where: { and: [{ plannedDays: { min: 5, max: 1 } }] } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.and.0.plannedDays' });
      expect((await refused(SCHOOLS, { where: { statutoryLowAge: { min: 11, max: 4 } } }, coordinator)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.statutoryLowAge' });
    });

    it('an id of another type, or no id at all', async () => {
      const error = await refused(DEPLOYMENTS, { where: { supportedSchoolId: { eq: gid('Person', sle.id) } } }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.supportedSchoolId.eq' });
      const inList = await refused(SUPPORT_REQUESTS, { where: { supportedSchoolId: { in: [gid('School', home.id), 'not-an-id'] } } }, coordinator);
      expect(inList.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.supportedSchoolId.in.1' });
    });

    it('a value of the wrong type or an unknown enum value, refused before the resolver runs', async () => {
      // graphql-jit, which reads the variables, names the innermost field at fault and the value.
      const cases: [unknown, string][] = [[{ plannedDays: { min: 'many' } }, '"many"'], [{ status: { eq: 'NOT_A_STATUS' } }, 'NOT_A_STATUS'], [{ startsOn: { from: '2025-02-30' } }, '2025-02-30']];
      for (const [where, value] of cases) {
        const error = await refused(DEPLOYMENTS, { where }, coordinator);
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.message).toContain(value);
      }
      // Written into the query instead of a variable, GraphQL's validation names the argument's path.
      const inline = await t.execute(`{ deployments(where: { plannedDays: { min: "many" } }) { totalCount } }`, {}, { as: coordinator });
      expect(inline.errors?.[0].message).toMatch(/Float cannot represent/);
    });

    it('a malformed cursor', async () => {
      const error = await refused(DEPLOYMENTS, { where: { status: { eq: 'ACTIVE' } }, after: 'bm90IGEgY3Vyc29y' }, coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  it('never widens what a role sees: a head with any or still sees only deployments into or from their school', async () => {
    const widest = { or: [{ status: { in: Object.values(DeploymentStatus) } }, { plannedDays: { min: 0 } }, { startsOn: { from: '2000-01-01' } }] };
    expect(await deployments(widest, coordinator)).toEqual(deps('a', 'b', 'c', 'd'));
    expect(await deployments(widest, homeHead)).toEqual(deps('a', 'b', 'c'));
    expect(await deployments({ ...widest, homeSchoolId: { in: [gid('School', home.id), gid('School', otherHome.id)] } }, homeHead)).toEqual(deps('a', 'b', 'c'));
    expect(await deployments({ id: { eq: gid('Deployment', dep.d) } }, homeHead)).toEqual([]);
    const data = await ok(DEPLOYMENTS, { where: widest, first: 100 }, homeHead);
    expect(data.deployments.totalCount).toBe(3);
  });

  it('sends the same statements with a where as without', async () => {
    const count = async (variables: Record<string, unknown>) => {
      t.db.counter.reset();
      await ok(DEPLOYMENTS, variables, coordinator);
      return t.db.counter.queries.length;
    };
    const without = await count({ first: 10 });
    expect(await count({ first: 10, where: { or: [{ status: { in: ['ACTIVE', 'PROPOSED'] } }, { and: [{ plannedDays: { min: 1 } }, { startsOn: { from: '2025-01-01' } }] }] } })).toBe(without);
  });

  it('keyset pages stay right while rows are inserted between pages: no duplicate, no gap', async () => {
    const em = t.db.dataSource.manager;
    const paged = await createSupportRequest(em, alliance, supported, { receivedOn: '2025-09-01' });
    const where = { supportRequestId: { eq: gid('SupportRequest', paged.id) }, plannedDays: { min: 1 } };
    // Newest proposal first (the list's default order); ties on the day broken by id.
    const days = ['2025-10-01', '2025-10-02', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05'];
    const made = [];
    for (const day of days) made.push((await createDeployment(em, paged, designation, home.id, { proposedOn: day, plannedDays: 1 })).id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let inserted: { before: string; after: string } | undefined;
    for (;;) {
      const data = await ok(DEPLOYMENTS, { where, first: 2, after }, coordinator);
      seen.push(...data.deployments.edges.map((e: { node: { id: string } }) => e.node.id));
      pages += 1;
      if (!inserted) {
        // One row that sorts before the cursor (already passed: newer) and one after it (still to come: older).
        const newer = await createDeployment(em, paged, designation, home.id, { proposedOn: '2025-12-01', plannedDays: 1 });
        const older = await createDeployment(em, paged, designation, home.id, { proposedOn: '2025-09-20', plannedDays: 1 });
        inserted = { before: gid('Deployment', newer.id), after: gid('Deployment', older.id) };
      }
      if (!data.deployments.pageInfo.hasNextPage) break;
      after = data.deployments.pageInfo.endCursor;
      expect(pages).toBeLessThan(10);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(inserted!.before);
    expect(seen.at(-1)).toBe(inserted!.after);
    expect(seen.slice(0, -1).sort()).toEqual(made.map((id) => gid('Deployment', id)).sort());
  });
});
