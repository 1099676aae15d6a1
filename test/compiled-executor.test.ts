import { buildSchema, parse } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { signToken } from '../src/auth/tokens';
import { CompiledDocuments } from '../src/execution/compiled-executor';
import { getBaseSchema, getSchema } from '../src/schema';
import { AppServer, createServer } from '../src/server';
import { TEST_JWT_SECRET } from './factories/users';
import { silentLogger, startTestServer, TestServer, verifyTestToken } from './helpers/server';

describe('the compiled executor', () => {
  describe('its cache of compiled documents', () => {
    it('keeps at most its bound, dropping the least recently used', () => {
      const documents = new CompiledDocuments<{ data: object }>(2);
      const compiled: string[] = [];
      const get = (key: string) => documents.get(key, () => (compiled.push(key), { data: {} }));
      get('a');
      get('b');
      get('a'); // a is now the most recently used
      get('c'); // evicts b
      get('a');
      get('b'); // compiled again
      expect(compiled).toEqual(['a', 'b', 'c', 'b']);
      expect(documents.size).toBe(2);
    });
  });

  describe('where graphql-jit differs from graphql-js', () => {
    it('does not call a function-valued property by itself, which is why the schema gives such fields a resolver', async () => {
      const plain = buildSchema('type Query { list: Connection } type Connection { totalCount: Int }');
      const compiled = compileQuery(plain, parse('{ list { totalCount } }'));
      const rootValue = { list: { totalCount: () => 3 } };
      const result = await (compiled as { query: (r: unknown, c: unknown, v: unknown) => Promise<{ data: unknown; errors?: unknown[] }> }).query(rootValue, {}, {});
      // Without a resolver the function reaches the Int serializer and fails.
      expect(result.errors?.length).toBe(1);
    });

    it('gives every totalCount of the executable schema a resolver, and leaves the base schema as built', () => {
      const connections = Object.values(getSchema().getTypeMap()).filter((t) => t.name.endsWith('Connection'));
      expect(connections.length).toBeGreaterThan(3);
      for (const type of connections) expect((type as { getFields(): Record<string, { resolve?: unknown }> }).getFields().totalCount.resolve).toBeDefined();
    });

    it('reads entity getters directly for instances, and through type-graphql for anything else', async () => {
      const { School } = await import('../src/modules/schools/school.entity');
      const school = Object.assign(Object.create(School.prototype) as InstanceType<typeof School>, { id: '00000000-0000-4000-8000-000000000001', phaseCode: '2', phaseName: 'Primary' });
      const fields = (getSchema().getType('School') as unknown as { getFields(): Record<string, { resolve: (...a: unknown[]) => unknown }> }).getFields();
      const info = {} as never;
      expect(fields.phase.resolve(school, {}, {}, info)).toEqual({ code: '2', name: 'Primary' });
      expect(fields.id.resolve(school, {}, {}, info)).toBe(Buffer.from(`School:${school.id}`).toString('base64url'));
      expect(await fields.phase.resolve({ phaseCode: '4', phaseName: 'Secondary' }, {}, {}, info)).toEqual({ code: '4', name: 'Secondary' });
    });

    it('wraps only the fields the permissions map and the redactions name', () => {
      const base = getBaseSchema();
      const guarded = getSchema();
      const wrapped: string[] = [];
      for (const type of Object.values(guarded.getTypeMap())) {
        if (!('getFields' in type) || type.name.startsWith('__') || !('isTypeOf' in type)) continue;
        const baseType = base.getType(type.name) as typeof type;
        for (const [name, field] of Object.entries((type as { getFields(): Record<string, { resolve?: unknown }> }).getFields())) {
          const before = (baseType as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[name].resolve;
          if (before && field.resolve !== before) wrapped.push(`${type.name}.${name}`);
        }
      }
      expect(wrapped.filter((f) => !f.startsWith('Query.') && !f.startsWith('Mutation.')).sort()).toEqual(
        [
          'Alliance.settings', 'Alliance.tariffs', 'Alliance.termDates', 'Person.email', 'Person.id', 'Person.phone', 'Person.school',
          'Designation.id', 'Designation.person', 'Designation.references', 'Designation.releaseCommitments', 'Designation.reviews',
          'Designation.assessors', 'Designation.assessmentNotes', 'Designation.decisionReason', 'RecruitmentRound.id', 'RecruitmentRound.progress',
          'Designation.capacity', 'SupportRequest.id', 'Deployment.id', 'ResearchProject.id', 'ResearchCall.id',
        ].sort(),
      );
      const rootFields = [...Object.keys(guarded.getQueryType()!.getFields()), ...Object.keys(guarded.getMutationType()!.getFields())];
      expect(wrapped.filter((f) => f.startsWith('Query.') || f.startsWith('Mutation.'))).toHaveLength(rootFields.length);
    });
  });

  describe('answers as graphql-js does, on the real schema and data', () => {
    let t: TestServer;
    let reference: AppServer;
    let tokens: Record<string, string>;

    beforeAll(async () => {
      t = await startTestServer({ demoData: true });
      reference = await createServer({ dataSource: t.db.dataSource, config: { NODE_ENV: 'production', CORS_ORIGINS: [] }, logger: silentLogger, verifyToken: verifyTestToken, executor: 'graphql-js' });
      const users: { id: string; email: string }[] = await t.db.dataSource.query(`SELECT id, email FROM users WHERE email IN ('coordinator@romero.demo', 'head@romero.demo', 'analyst@romero.demo', 'sle@romero.demo')`);
      tokens = Object.fromEntries(await Promise.all(users.map(async (u) => [u.email.split('@')[0], await signToken(TEST_JWT_SECRET, u.id, { ttl: '1h' })])));
    });
    afterAll(async () => {
      await reference.stop();
      await t.close();
    });

    async function both(query: string, variables: Record<string, unknown>, who: string) {
      const run = async (server: AppServer) => {
        const contextValue = await server.createContext({ requestId: 'test', log: silentLogger, authorization: `Bearer ${tokens[who]}` });
        const response = await server.apollo.executeOperation({ query, variables }, { contextValue });
        if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
        return { body: response.body.singleResult, status: response.http.status };
      };
      return { compiled: await run(t.server), reference: await run(reference) };
    }

    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        'nested connections with their lazy totalCount at both levels',
        `{ alliances(first: 3) { totalCount edges { cursor node { id slug leadSchool { urn } memberSchools(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { role startsOn school { urn categories phase { code name } } } } } } } } }`,
        {},
        'coordinator',
      ],
      ['redactions: null outside the alliance, values inside', `{ alliances(first: 5) { edges { node { slug settings { reviewPeriodYears } tariffs { totalCount } termDates { totalCount } } } } }`, {}, 'coordinator'],
      ['contact details a head may not see are null', `{ people(first: 50) { totalCount edges { node { id displayName email phone school { urn } } } } }`, {}, 'head'],
      ['a refused root field: FORBIDDEN and null data', `{ people(first: 5) { totalCount } }`, {}, 'analyst'],
      ['abstract types: node and nodes through the Node interface', `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on School { urn } ... on Alliance { slug } ... on Person { displayName } } }`, { ids: [] }, 'coordinator'],
      ['variables, coerced', `query($n: Int, $s: String) { schools(first: $n, filter: { search: $s }) { totalCount edges { node { urn name } } } }`, { n: 3, s: 'a' }, 'coordinator'],
      ['a variable of the wrong type: BAD_USER_INPUT before execution', `query($n: Int) { schools(first: $n) { totalCount } }`, { n: 'three' }, 'coordinator'],
      ['an input object with an unknown field: BAD_USER_INPUT', `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, { input: { givenName: 'A', familyName: 'B', nope: 1 } }, 'coordinator'],
      ['a domain error in a nullable position keeps its code and path', `{ schools(first: 1000) { totalCount } alliances(first: 1) { totalCount } }`, {}, 'coordinator'],
      ['a practitioner sees only their own record', `{ people { totalCount edges { node { displayName email } } } }`, {}, 'sle'],
      // orderBy lists: a key's direction left out of a variable, null, or unset takes its default (ascending); a single object is a list of one.
      ['orderBy: keys with their direction left out or spelt out', `query($o: [SchoolOrder!]) { schools(first: 5, orderBy: $o) { edges { cursor node { urn } } } }`, { o: [{ field: 'NAME', direction: 'DESC' }, { field: 'URN' }] }, 'coordinator'],
      ['orderBy: a key with a null direction', `query($o: [SchoolOrder!]) { schools(first: 5, orderBy: $o) { edges { cursor node { urn } } } }`, { o: [{ field: 'URN', direction: null }] }, 'coordinator'],
      ['orderBy: a single object as the variable', `query($o: [SchoolOrder!]) { schools(first: 5, orderBy: $o) { edges { node { urn } } } }`, { o: { field: 'URN' } }, 'coordinator'],
      ['orderBy: an unset variable as a direction', `query($d: OrderDirection) { schools(first: 5, orderBy: [{ field: URN, direction: $d }]) { edges { node { urn } } } }`, {}, 'coordinator'],
      ['orderBy: a field named twice is BAD_USER_INPUT', `{ schools(first: 5, orderBy: [{ field: URN }, { field: URN, direction: DESC }]) { totalCount } }`, {}, 'coordinator'],
    ];

    it.each(cases)('%s', async (_name, query, variables, who) => {
      if ('ids' in variables) {
        const rows: { type: string; id: string }[] = await t.db.dataSource.query(
          `(SELECT 'School' AS type, id FROM schools ORDER BY urn LIMIT 2) UNION ALL (SELECT 'Alliance', id FROM alliances ORDER BY slug LIMIT 2) UNION ALL (SELECT 'Person', id FROM people ORDER BY email LIMIT 2)`,
        );
        variables = { ids: [...rows.map((r) => Buffer.from(`${r.type}:${r.id}`).toString('base64url')), 'bm90IGFuIGlk'] };
      }
      const { compiled, reference: expected } = await both(query, variables, who);
      // The one difference: graphql-jit words the reason a variable is refused a little differently.
      const variableReason = (result: typeof compiled) => ({
        ...result,
        body: { ...result.body, errors: result.body.errors?.map((e) => ({ ...e, message: e.message.replace(/ got invalid value .*$/s, ' got invalid value …') })) },
      });
      expect(variableReason(compiled)).toEqual(variableReason(expected));
      // Key order aside (graphql-js writes errors first), the same answer.
      expect(compiled.status).toBe(expected.status);
    });
  });
});
