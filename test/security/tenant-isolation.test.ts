import { randomUUID } from 'node:crypto';
import { getNamedType, GraphQLInputObjectType, isInputObjectType } from 'graphql';
import { toGlobalId } from '../../src/common/global-id';
import { encodeCursor } from '../../src/common/connection';
import { NODE_LOADERS } from '../../src/modules/node/node.resolver';
import { getSchema } from '../../src/schema';
import { ExecuteResult, silentLogger, startTestServer, TestServer } from '../helpers/server';
import { callAs, codesOf, EVERY_ROLE, expectNoFaults, Role } from './support/callers';
import {
  argumentsWith,
  entityOf,
  idArguments,
  isTenantOwned,
  mutationsOnId,
  nodeTypeNames,
  overwritingInput,
  rootOperation,
  rowIdsOf,
  selectionFor,
} from './support/schema-sweep';
import { gid, markerPattern, NUMERIC_MARKERS, seedWorld, World } from './support/world';

/**
 * SECURITY.md T1–T5 and T7: alliance A's callers, in every role, never see alliance B's data, and a
 * B object reads exactly like one that does not exist. The sweep is generated from the schema.
 */

const schema = getSchema();
const NODE_TYPES = nodeTypeNames(schema);
const QUERY_ID_ARGUMENTS = idArguments(schema, 'query');
const MUTATIONS_ON_ID = mutationsOnId(schema);
const SIGNED_IN = (role: Role) => role !== 'anonymous';

type AnyResult = ExecuteResult<Record<string, unknown>>;

/** No trace of B's staff data or members-only numbers anywhere in a response. */
function expectNothingOfB(result: unknown) {
  const text = JSON.stringify(result);
  expect(text).not.toMatch(markerPattern('B'));
  expect(text).not.toContain(String(NUMERIC_MARKERS.B.fullDayPence));
  expect(text).not.toContain(String(NUMERIC_MARKERS.B.academicYear));
}

describe('tenant isolation (SECURITY.md T1–T5, T7)', () => {
  let t: TestServer;
  let world: World;
  const run = (source: string, variables: Record<string, unknown>, role: Role) => t.execute<Record<string, unknown>, Record<string, unknown>>(source, variables, callAs(t, world, world.A, role)) as Promise<AnyResult>;
  const ds = () => t.db.dataSource;
  /** Global ids of B's rows of a Node type (shared types: a few rows). */
  const idsOfB = async (type: string, limit = 50) => (await rowIdsOf(ds(), type, world.B.alliance.id, limit)).map((id) => toGlobalId(type, id));
  const randomId = (type: string) => toGlobalId(type, randomUUID());

  beforeAll(async () => {
    t = await startTestServer();
    // 3 named + 27 more staff records each: 30 visible people in A and 30 in B.
    world = await ds().transaction((em) => seedWorld(em, { extraPeople: 27 }));
  });
  afterAll(() => t.close());

  describe('T7: a generated sweep with B ids as every role of A', () => {
    it('sweeps every Node type, knows which are tenant-owned, and has B rows of each tenant-owned type', async () => {
      expect(NODE_TYPES).toEqual(Object.keys(NODE_LOADERS).sort());
      const tenantOwned = NODE_TYPES.filter((type) => isTenantOwned(ds(), type));
      expect(tenantOwned).toContain('Person');
      for (const type of NODE_TYPES) expect(`${type}: ${entityOf(ds(), type) ? 'has an entity' : 'unknown'}`).toBe(`${type}: has an entity`);
      for (const type of tenantOwned) expect(`${type}: ${(await idsOfB(type)).length > 0}`).toBe(`${type}: true`);
    });

    it('control: the generated selection does reach B’s markers when B’s own admin asks', async () => {
      const asB = async (type: string) =>
        JSON.stringify(await t.execute(`query($ids: [ID!]!) { nodes(ids: $ids) { ${nodeSelection(type)} } }`, { ids: await idsOfB(type) }, { as: world.B.users.ALLIANCE_ADMIN }));
      const people = await asB('Person');
      expect(people).toMatch(markerPattern('B'));
      // givenName, familyName, email, phone and jobTitle all carry the marker.
      expect(people.match(/marker_b_/gi)!.length).toBeGreaterThanOrEqual(5 * 30);
      const alliance = await asB('Alliance');
      expect(alliance).toContain(String(NUMERIC_MARKERS.B.fullDayPence));
      expect(alliance).toContain(String(NUMERIC_MARKERS.B.academicYear));
    });

    /**
     * Everything of the type an id names, two levels down: an id resolves to its own type only, so
     * this is what a selection of every Node type would reach, within the signed-in token limit.
     */
    const nodeSelection = (type: string) => `__typename ... on ${type} { ${selectionFor(schema, schema.getType(type)!, 2)} }`;

    const nodeCases = EVERY_ROLE.flatMap((role) => NODE_TYPES.map((type) => ({ role, type })));

    it.each(nodeCases)('node(id) and nodes(ids) with B $type ids as $role of A', async ({ role, type }) => {
      const tenantOwned = isTenantOwned(ds(), type);
      const selection = nodeSelection(type);
      const nodeQuery = `query($id: ID!) { node(id: $id) { ${selection} } }`;
      const nodesQuery = `query($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`;
      const ids = await idsOfB(type);

      const randomNode = await run(nodeQuery, { id: randomId(type) }, role);
      for (const id of ids.slice(0, 5)) {
        const result = await run(nodeQuery, { id }, role);
        expectNothingOfB(result);
        expectNoFaults(result);
        if (tenantOwned) {
          // T1: exactly the answer for an id that does not exist; for the signed-in, null and no error.
          expect(result).toEqual(randomNode);
          if (SIGNED_IN(role)) expect(result).toEqual({ data: { node: null } });
        }
        // Anonymous: refused, by the stricter anonymous limits for this large query or for want of a token.
        if (!SIGNED_IN(role)) expect(['UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED']).toContain(codesOf(result)[0]);
      }
      if (!SIGNED_IN(role)) expect(codesOf(await run(`query($id: ID!) { node(id: $id) { id } }`, { id: ids[0] }, role))).toEqual(['UNAUTHENTICATED']);

      const many = await run(nodesQuery, { ids: [...ids, randomId(type)] }, role);
      expectNothingOfB(many);
      expectNoFaults(many);
      if (tenantOwned && SIGNED_IN(role)) expect(many).toEqual({ data: { nodes: ids.map(() => null).concat(null) } });
      if (!tenantOwned && SIGNED_IN(role)) expect(many.errors).toBeUndefined();
      if (!SIGNED_IN(role)) expect(['UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED']).toContain(codesOf(many)[0]);
    });

    const idArgumentCases = EVERY_ROLE.flatMap((role) => QUERY_ID_ARGUMENTS.map((arg) => ({ role, ...arg, at: `${arg.field}(${arg.path.join('.')})` })));

    it.each(idArgumentCases)('$at with B ids of every Node type as $role of A', async ({ role, field, path, list }) => {
      for (const type of NODE_TYPES) {
        const tenantOwned = isTenantOwned(ds(), type);
        const call = (id: string) => {
          // Anonymous callers have stricter limits (tokens among them): the least selection, so that the refusal is the one that counts.
          const { source, variables } = rootOperation(schema, 'query', field, argumentsWith(path, list ? [id] : id), SIGNED_IN(role) ? 3 : -1);
          return run(source, variables, role);
        };
        const random = await call(randomId(type));
        for (const id of (await idsOfB(type)).slice(0, 3)) {
          const result = await call(id);
          expectNothingOfB(result);
          expectNoFaults(result);
          expect(codesOf(result)).not.toContain('GRAPHQL_VALIDATION_FAILED');
          if (!SIGNED_IN(role)) expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
          // A B object of a tenant-owned type is indistinguishable from one that does not exist.
          if (tenantOwned) expect({ type, result }).toEqual({ type, result: random });
        }
      }
    });

    it.each([
      { role: 'ANALYST' as Role, who: 'any staff record of their own alliance', person: () => world.A.colleagueAtLeadSchool },
      { role: 'PRACTITIONER' as Role, who: 'a colleague’s record', person: () => world.A.personAtOtherSchool },
      { role: 'NO_MEMBERSHIP' as Role, who: 'any staff record', person: () => world.A.colleagueAtLeadSchool },
    ])('T1 within A too: $role asking for $who gets the answer for a random id', async ({ role, person }) => {
      const query = `query($id: ID!) { node(id: $id) { id ... on Person { givenName email } } }`;
      const [own, random] = await Promise.all([run(query, { id: gid('Person', person()) }, role), run(query, { id: randomId('Person') }, role)]);
      expect(own).toEqual({ data: { node: null } });
      expect(own).toEqual(random);
    });

    it('finds every root field taking an id, and every mutation whose input has an id, in the schema', () => {
      // These lists drive the tests above and T2 below; a new field joins them by itself.
      expect(QUERY_ID_ARGUMENTS.map((a) => a.field)).toEqual(expect.arrayContaining(['node', 'nodes', 'people', 'schools']));
      expect(MUTATIONS_ON_ID.map((m) => m.field)).toEqual(expect.arrayContaining(['updatePerson']));
    });
  });

  /** The answer to updatePerson with another alliance's Person id, by role (the same as for a random id). */
  const UPDATE_EXPECTATIONS: Record<string, Record<Role, string>> = {
    updatePerson: {
      anonymous: 'UNAUTHENTICATED',
      NO_MEMBERSHIP: 'FORBIDDEN',
      PLATFORM_ADMIN: 'NOT_FOUND',
      ALLIANCE_ADMIN: 'NOT_FOUND',
      SCHOOL_LEAD: 'NOT_FOUND',
      PRACTITIONER: 'NOT_FOUND',
      ANALYST: 'FORBIDDEN',
      PLATFORM_ANALYST: 'FORBIDDEN',
    },
  };

  describe('T2: updates with a foreign id', () => {
    /** Every row of B in every table with an alliance column, and B's alliance row. */
    async function snapshotOfB(): Promise<string> {
      const tables: Record<string, unknown> = {};
      for (const entity of ds().entityMetadatas) {
        const column = entity.findColumnWithPropertyName('allianceId');
        if (column) tables[entity.tableName] = await ds().query(`SELECT * FROM "${entity.tableName}" WHERE "${column.databaseName}" = $1 ORDER BY id`, [world.B.alliance.id]);
      }
      tables.alliances = await ds().query(`SELECT * FROM alliances WHERE id = $1`, [world.B.alliance.id]);
      return JSON.stringify(tables);
    }

    const mutationCases = EVERY_ROLE.flatMap((role) => MUTATIONS_ON_ID.map(({ field, arg, input }) => ({ role, field, arg, input })));

    it.each(mutationCases)('$field with B ids as $role of A: not found, and B unchanged', async ({ role, field, arg, input }) => {
      const before = await snapshotOfB();
      for (const type of NODE_TYPES.filter((n) => isTenantOwned(ds(), n))) {
        const call = (id: string) => {
          // Anonymous callers have stricter limits: a smaller selection, so that the refusal is the one that counts.
          const { source, variables } = rootOperation(schema, 'mutation', field, { [arg]: overwritingInput(input, id) }, SIGNED_IN(role) ? 2 : 0);
          return run(source, variables, role);
        };
        const random = await call(randomId(type));
        for (const id of (await idsOfB(type)).slice(0, 3)) {
          const result = await call(id);
          expectNothingOfB(result);
          expectNoFaults(result);
          expect(result.data ?? null).toBeNull();
          expect({ type, result }).toEqual({ type, result: random });
          expect(codesOf(result)).toHaveLength(1);
          expect(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT']).toContain(codesOf(result)[0]);
          const expected = UPDATE_EXPECTATIONS[field]?.[role];
          if (expected && type === 'Person') expect(codesOf(result)).toEqual([expected]);
        }
      }
      expect(await snapshotOfB()).toBe(before);
    });

    it.each(MUTATIONS_ON_ID.map(({ field, arg, input }) => ({ field, arg, input })))(
      'control: the same $field input on an own id of its type works for A admin, so the refusal above is about tenancy',
      async ({ field, arg, input }) => {
        // updateX takes an X id: an own row of that type.
        const type = field.replace(/^[a-z]+/, '');
        const own = type === 'Person' ? world.A.people.at(-1)!.id : (await rowIdsOf(ds(), type, world.A.alliance.id, 1))[0];
        const { source, variables } = rootOperation(schema, 'mutation', field, { [arg]: overwritingInput(input as GraphQLInputObjectType, toGlobalId(type, own)) }, 1);
        const result = await run(source, variables, 'ALLIANCE_ADMIN');
        expect(result.errors).toBeUndefined();
      },
    );
  });

  describe('T3: new rows belong to the acting alliance', () => {
    const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`;
    const allianceOfNewRow = async (result: AnyResult) => {
      const id = ((result.data as { createPerson: { person: { id: string } } }).createPerson.person.id);
      const raw = Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
      return (await ds().query(`SELECT alliance_id, school_id FROM people WHERE id = $1`, [raw]))[0] as { alliance_id: string; school_id: string | null };
    };

    it('has no input field naming an alliance on any mutation', () => {
      const fieldsNamingAnAlliance: string[] = [];
      const walk = (type: GraphQLInputObjectType, path: string, seen: Set<string>) => {
        for (const f of Object.values(type.getFields())) {
          if (/alliance|tenant/i.test(f.name)) fieldsNamingAnAlliance.push(`${path}.${f.name}`);
          const named = getNamedType(f.type);
          if (isInputObjectType(named) && !seen.has(named.name)) walk(named, `${path}.${f.name}`, new Set(seen).add(named.name));
        }
      };
      for (const field of Object.values(schema.getMutationType()!.getFields())) {
        for (const a of field.args) {
          if (/alliance|tenant/i.test(a.name)) fieldsNamingAnAlliance.push(`${field.name}(${a.name})`);
          const named = getNamedType(a.type);
          if (isInputObjectType(named)) walk(named, `${field.name}(${a.name})`, new Set([named.name]));
        }
      }
      expect(fieldsNamingAnAlliance).toEqual([]);
      expect(Object.keys((schema.getType('CreatePersonInput') as GraphQLInputObjectType).getFields())).not.toContain('allianceId');
    });

    it('refuses an allianceId smuggled into the input, and creates nothing', async () => {
      const before = await ds().query(`SELECT count(*)::int AS n FROM people`);
      const result = await run(CREATE, { input: { givenName: 'Smuggled', familyName: 'Row', allianceId: world.B.alliance.id } }, 'ALLIANCE_ADMIN');
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(await ds().query(`SELECT count(*)::int AS n FROM people`)).toEqual(before);
    });

    it.each([
      { who: 'ALLIANCE_ADMIN of A', tenant: 'A' as const, options: () => ({ as: world.A.users.ALLIANCE_ADMIN }) },
      { who: 'SCHOOL_LEAD of A', tenant: 'A' as const, options: () => ({ as: world.A.users.SCHOOL_LEAD }) },
      { who: 'PLATFORM_ADMIN acting for A', tenant: 'A' as const, options: () => ({ as: world.platformAdmin, alliance: world.A.alliance.slug }) },
      { who: 'PLATFORM_ADMIN acting for B', tenant: 'B' as const, options: () => ({ as: world.platformAdmin, alliance: world.B.alliance.slug }) },
      { who: 'admin of both, acting for A', tenant: 'A' as const, options: () => ({ as: world.adminOfBoth, alliance: world.A.alliance.slug }) },
      { who: 'admin of both, acting for B', tenant: 'B' as const, options: () => ({ as: world.adminOfBoth, alliance: toGlobalId('Alliance', world.B.alliance.id) }) },
    ])('as $who the row lands in $tenant', async ({ tenant, options, who }) => {
      // A school of the other alliance changes nothing: schools are shared, the tenant is not.
      const otherTenant = tenant === 'A' ? world.B : world.A;
      const input = who.startsWith('SCHOOL_LEAD') ? { givenName: 'New', familyName: 'Lead Hire' } : { givenName: 'New', familyName: 'Hire', schoolId: gid('School', otherTenant.leadSchool) };
      const result = (await t.execute(CREATE, { input }, options())) as AnyResult;
      expect(result.errors).toBeUndefined();
      const row = await allianceOfNewRow(result);
      expect(row.alliance_id).toBe(world[tenant].alliance.id);
      if (who.startsWith('SCHOOL_LEAD')) expect(row.school_id).toBe(world.A.leadSchool.id);
      // And the other alliance cannot see it.
      const seen = await t.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: (result.data as { createPerson: { person: { id: string } } }).createPerson.person.id }, { as: otherTenant.users.ALLIANCE_ADMIN });
      expect(seen).toEqual({ data: { node: null } });
    });
  });

  describe('T4: lists hold only the caller’s rows, filtered before paging', () => {
    const PAGE = `query($first: Int, $after: String, $filter: PersonFilter) {
      people(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id givenName email jobTitle } } }
    }`;
    type Page = { people: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; givenName: string } }[] } };
    const page = async (role: Role, variables: Record<string, unknown>) => {
      const result = (await run(PAGE, variables, role)) as ExecuteResult<Page>;
      expect(result.errors).toBeUndefined();
      return result.data!.people;
    };
    const idsInDb = async (allianceId: string) => (await ds().query(`SELECT id FROM people WHERE alliance_id = $1`, [allianceId])).map((r: { id: string }) => toGlobalId('Person', r.id)).sort();

    it('gives A’s admin exactly 10 of A’s people, and a totalCount of A’s only', async () => {
      const people = await page('ALLIANCE_ADMIN', { first: 10 });
      const ofA = await idsInDb(world.A.alliance.id);
      expect(ofA.length).toBeGreaterThanOrEqual(30);
      expect(people.edges).toHaveLength(10);
      expect(people.totalCount).toBe(ofA.length);
      expect(people.pageInfo.hasNextPage).toBe(true);
      for (const { node } of people.edges) expect(ofA).toContain(node.id);
      expectNothingOfB(people);
    });

    it.each<Role>(['ALLIANCE_ADMIN', 'SCHOOL_LEAD', 'PLATFORM_ADMIN'])('pages through all of A’s people and none of B’s as %s', async (role) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const people: Page['people'] = await page(role, { first: 10, after });
        expect(people.edges.length).toBe(people.pageInfo.hasNextPage ? 10 : people.edges.length);
        seen.push(...people.edges.map((e) => e.node.id));
        expectNothingOfB(people);
        if (!people.pageInfo.hasNextPage) break;
        after = people.pageInfo.endCursor;
      }
      expect(seen.sort()).toEqual(await idsInDb(world.A.alliance.id));
    });

    it('gives a practitioner a totalCount of 1: their own record, found by first: 1', async () => {
      const people = await page('PRACTITIONER', { first: 1 });
      expect(people.totalCount).toBe(1);
      expect(people.edges.map((e) => e.node.id)).toEqual([gid('Person', world.A.practitionerPerson)]);
      expect(people.pageInfo.hasNextPage).toBe(false);
    });

    it.each([
      { what: 'a search for B’s marker', filter: { search: 'MARKER_B' } },
      { what: 'a search for B’s email domain', filter: { search: 'b.invalid' } },
    ])('finds nothing of B with $what, and counts nothing', async ({ filter }) => {
      const people = await page('ALLIANCE_ADMIN', { first: 10, filter });
      expect(people).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('keeps the tenant condition under a forged cursor: only A’s rows, from wherever it points', async () => {
      const first = await page('ALLIANCE_ADMIN', { first: 1 });
      const [tag] = JSON.parse(Buffer.from(first.pageInfo.endCursor!, 'base64url').toString('utf8'));
      const forged = encodeCursor(tag, ['', '00000000-0000-0000-0000-000000000000']);
      const people = await page('ALLIANCE_ADMIN', { first: 100, after: forged });
      expect(people.edges.map((e) => e.node.id).sort()).toEqual(await idsInDb(world.A.alliance.id));
      expectNothingOfB(people);
    });

    // SECURITY.md E2: a forged cursor is the caller's mistake, never an internal error from the database.
    it('refuses a forged cursor whose id is not a uuid with BAD_USER_INPUT, not an internal error', async () => {
      const first = await page('ALLIANCE_ADMIN', { first: 1 });
      const [tag] = JSON.parse(Buffer.from(first.pageInfo.endCursor!, 'base64url').toString('utf8'));
      const forged = encodeCursor(tag, ['x', 'not-a-uuid']);
      const result = await run(PAGE, { first: 5, after: forged }, 'ALLIANCE_ADMIN');
      expect(result.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' })]);
    });

    it('filters by B’s school (schools are shared) to A’s staff at that school only', async () => {
      const people = await page('ALLIANCE_ADMIN', { first: 100, filter: { schoolId: gid('School', world.B.leadSchool) } });
      const expected = (await ds().query(`SELECT id FROM people WHERE alliance_id = $1 AND school_id = $2`, [world.A.alliance.id, world.B.leadSchool.id])).map((r: { id: string }) => toGlobalId('Person', r.id));
      expect(people.edges.map((e) => e.node.id).sort()).toEqual(expected.sort());
      expect(people.totalCount).toBe(expected.length);
      expectNothingOfB(people);
    });
  });

  describe('T5: per-request loaders and the tenant condition in every batch', () => {
    const tenantTables = () =>
      ds()
        .entityMetadatas.filter((e) => e.findColumnWithPropertyName('allianceId'))
        // The identity lookup reads memberships by user; member schools are public profile.
        .filter((e) => !['memberships', 'alliance_school_memberships'].includes(e.tableName))
        .map((e) => e.tableName);
    const readsTable = (sql: string, table: string) => new RegExp(`(FROM|JOIN)\\s+"${table}"`, 'i').test(sql);

    it('lists 20 people with their school in one statement for people and one for schools (plus identity and count)', async () => {
      t.db.counter.reset();
      const result = await run(`{ people(first: 20) { totalCount edges { node { id displayName school { name urn } } } } }`, {}, 'ALLIANCE_ADMIN');
      expect(result.errors).toBeUndefined();
      const edges = (result.data as { people: { edges: { node: { school: { name: string } | null } }[] } }).people.edges;
      expect(edges).toHaveLength(20);
      expect(new Set(edges.map((e) => e.node.school?.name)).size).toBeGreaterThan(1);
      const selects = t.db.counter.selects;
      const onPeople = selects.filter((q) => readsTable(q, 'people'));
      const onSchools = selects.filter((q) => readsTable(q, 'schools'));
      const identity = selects.filter((q) => /FROM users/i.test(q));
      expect({ total: selects.length, people: onPeople.length, schools: onSchools.length, identity: identity.length }).toEqual({ total: 4, people: 2, schools: 1, identity: 1 });
      // The page and its count: both carry the tenant condition.
      for (const sql of onPeople) expect(sql).toMatch(/alliance_id"?\s*=\s*\$\d/);
      expect(onPeople.filter((q) => /COUNT\(/i.test(q))).toHaveLength(1);
    });

    it('loads many nodes in one batch that carries the tenant condition', async () => {
      const ids = world.A.people.slice(0, 10).map((p) => gid('Person', p));
      t.db.counter.reset();
      const result = await run(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, 'ALLIANCE_ADMIN');
      expect(result.data).toEqual({ nodes: ids.map((id) => ({ id })) });
      const onPeople = t.db.counter.selects.filter((q) => readsTable(q, 'people'));
      expect(onPeople).toHaveLength(1);
      expect(onPeople[0]).toMatch(/alliance_id"?\s*=\s*\$\d/);
    });

    it('puts the tenant condition on every statement that reads a tenant table', async () => {
      t.db.counter.reset();
      const ids = [...world.A.people.slice(0, 3), ...world.B.people.slice(0, 3)].map((p) => gid('Person', p));
      const result = await run(
        `query($ids: [ID!]!) {
          viewer { actingAlliance { settings { reviewPeriodYears } tariffs { edges { node { fullDayPence } } } termDates { edges { node { academicYear } } } } }
          alliances(first: 10) { edges { node { slug tariffs { edges { node { fullDayPence } } } termDates { edges { node { academicYear } } } } } }
          people(first: 5) { edges { node { id school { name } } } }
          nodes(ids: $ids) { ... on Person { id email } }
        }`,
        { ids },
        'ALLIANCE_ADMIN',
      );
      expect(result.errors).toBeUndefined();
      expectNothingOfB(result);
      const tables = tenantTables();
      expect(tables).toEqual(expect.arrayContaining(['people', 'alliance_tariffs', 'alliance_terms']));
      const unguarded = t.db.counter.selects.filter((sql) => tables.some((table) => readsTable(sql, table)) && !/alliance_id"?\s*=\s*(\$\d|ANY)/.test(sql));
      expect(unguarded).toEqual([]);
    });

    it('creates loaders per request, never shared between two requests', async () => {
      const make = () => t.server.createContext({ requestId: 'x', log: silentLogger, authorization: `Bearer ${world.adminOfBoth.token}`, allianceHeader: world.A.alliance.slug });
      const [one, two] = await Promise.all([make(), make()]);
      expect(one.loaders).not.toBe(two.loaders);
      for (const name of Object.keys(one.loaders) as (keyof typeof one.loaders)[]) expect(one.loaders[name]).not.toBe(two.loaders[name]);
      await Promise.all([one.end(false), two.end(false)]);
      // A row loaded for A is not served from a cache to B.
      const id = gid('Person', world.A.colleagueAtLeadSchool);
      expect((await run(`query($id: ID!) { node(id: $id) { id } }`, { id }, 'ALLIANCE_ADMIN')).data).toEqual({ node: { id } });
      expect(await t.execute(`query($id: ID!) { node(id: $id) { id } }`, { id }, { as: world.B.users.ALLIANCE_ADMIN })).toEqual({ data: { node: null } });
    });
  });
});
