import { isObjectType, parse } from 'graphql';
import '../src/loaders';
import { columnsToRead, LoaderScope } from '../src/loaders/helpers';
import { declaredEntities, selectionOf } from '../src/loaders/selection';
import { entities } from '../src/database/entities';
import { getSchema } from '../src/schema';
import { startTestServer, TestServer } from './helpers/server';

describe('loaders read only the columns the document selects', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  const scope = (selection?: ReturnType<typeof selectionOf>): LoaderScope => ({ em: t.db.dataSource.manager, acting: null, selection });

  it('maps every GraphQL field of every type loaders read to columns (none falls back to reading the whole row)', () => {
    const schema = getSchema();
    const problems: string[] = [];
    // The types loaders read (src/loaders/index.ts and the modules' *.loaders.ts).
    const loaded = ['School', 'Alliance', 'SchoolMembership', 'AllianceTariff', 'AllianceTerm', 'AreaOfExpertise', 'Person'];
    for (const entity of entities.filter((e) => loaded.includes(e.name))) {
      const type = schema.getType(entity.name);
      if (!isObjectType(type)) continue;
      for (const field of Object.keys(type.getFields())) {
        const columns = columnsToRead(scope(new Map([[entity.name, new Set([field])]])), entity, 'id');
        if (!columns) problems.push(`${entity.name}.${field}`);
      }
    }
    expect(problems).toEqual([]);
    expect(declaredEntities()).toEqual(expect.arrayContaining(['School', 'Alliance', 'SchoolMembership', 'Person']));
  });

  it('collects fields by type through fragments and the Node interface', () => {
    const selection = selectionOf(
      getSchema(),
      parse(`query { node(id: "x") { id ... on School { urn } ...A } } fragment A on Alliance { slug memberSchools { edges { node { role } } } }`),
    );
    expect([...selection.get('School')!].sort()).toEqual(['id', 'urn']);
    expect([...selection.get('Alliance')!].sort()).toEqual(['id', 'memberSchools', 'slug']);
    expect([...selection.get('Person')!]).toEqual(['id']);
    expect([...selection.get('SchoolMembership')!].sort()).toEqual(['id', 'role']);
  });

  it('reads the id, the key, the tenant column, what rules read, and what the selected fields need', () => {
    const School = entities.find((e) => e.name === 'School')!;
    const Person = entities.find((e) => e.name === 'Person')!;
    const selection = selectionOf(getSchema(), parse(`{ people { edges { node { displayName email school { urn phase { code } } } } } }`));
    expect(columnsToRead(scope(selection), School, 'id')!.sort()).toEqual(['id', 'phaseCode', 'phaseName', 'urn']);
    expect(columnsToRead(scope(selection), Person, 'id')!.sort()).toEqual(['allianceId', 'email', 'familyName', 'givenName', 'id', 'schoolId']);
    // Without a selection (a service's own lookup), and for a type the document does not select: every column.
    expect(columnsToRead(scope(), School, 'id')).toBeUndefined();
    expect(columnsToRead(scope(new Map()), School, 'id')).toBeUndefined();
  });

  it('sends the narrowed column list in the loaders’ SQL and answers as before', async () => {
    const { createUser } = await import('./factories/users');
    const reader = await createUser(t.db.dataSource.manager);
    t.db.counter.reset();
    const { data, errors } = await t.execute<{ alliances: { edges: { node: { memberSchools: { edges: { node: { school: { urn: string; phase: { code: string } | null } } }[] } } }[] } }, Record<string, never>>(
      `{ alliances(first: 5) { edges { node { memberSchools(first: 5) { edges { node { role school { urn phase { code } } } } } } } } }`,
      {},
      { as: reader },
    );
    expect(errors).toBeUndefined();
    expect(data!.alliances.edges.flatMap((e) => e.node.memberSchools.edges).every((e) => /^\d{6}$/.test(e.node.school.urn))).toBe(true);
    const schools = t.db.counter.selects.find((q) => /FROM "schools" "e"/.test(q))!;
    expect(schools).toBeDefined();
    expect(schools).not.toMatch(/created_at|la_name|trust_name/);
    expect(schools).toMatch(/"e"."phase_name"/);
    const memberships = t.db.counter.selects.find((q) => /FROM "alliance_school_memberships" "e"/.test(q))!;
    expect(memberships).not.toMatch(/ends_on" AS/);
  });
});
