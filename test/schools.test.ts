import { SchoolDocument, SchoolsDocument } from '../operations/generated/graphql';
import { createSchool } from './factories';
import { startTestServer, TestServer } from './helpers/server';

describe('schools', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demoData: true });
  });
  afterAll(() => t.close());

  const urnsOf = (data: { schools: { edges: { node: { urn: string } }[] } } | null | undefined) => data!.schools.edges.map((e) => e.node.urn);

  it('gives one school by URN with its GIAS pairs and memberships', async () => {
    const { data, errors } = await t.execute(SchoolDocument, { urn: '990001' });
    expect(errors).toBeUndefined();
    expect(data!.school).toMatchObject({
      urn: '990001',
      localAuthority: { code: '208', name: 'Lambeth' },
      establishmentTypeGroup: { code: '10', name: 'Academies' },
      allianceMemberships: { edges: [{ node: { role: 'LEAD_SCHOOL', alliance: { slug: 'london-south' } } }] },
    });
  });

  it('gives null for a URN that does not exist, and BAD_USER_INPUT for one that is not a URN', async () => {
    const missing = await t.execute(SchoolDocument, { urn: '123456' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.school).toBeNull();
    const bad = await t.execute(SchoolDocument, { urn: '12ab' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'urn' });
  });

  it('searches name, town and postcode, case-insensitively, treating % and _ literally', async () => {
    const em = t.db.dataSource.manager;
    await createSchool(em, { name: 'Quillfeather Primary', town: 'Wivenhoe', postcode: 'CO7 9AB' });
    for (const search of ['quillfeather', 'WIVENHOE', 'co79ab', 'CO7 9AB']) {
      const { data } = await t.execute(SchoolsDocument, { filter: { search } });
      expect(data!.schools.edges.map((e) => e.node.name)).toEqual(['Quillfeather Primary']);
    }
    const { data } = await t.execute(SchoolsDocument, { filter: { search: '%' } });
    expect(data!.schools.totalCount).toBe(0);
  });

  it('filters by LA, phase, category and alliance, all together', async () => {
    const byLa = await t.execute(SchoolsDocument, { filter: { laCodes: ['331'] }, first: 100 });
    expect(byLa.data!.schools.edges.every((e) => e.node.localAuthority?.code === '331')).toBe(true);
    expect(byLa.data!.schools.totalCount).toBeGreaterThan(0);

    const nursery = await t.execute(SchoolsDocument, { filter: { categories: ['NURSERY'] }, first: 100 });
    expect(urnsOf(nursery.data)).toContain('990030');

    const specials = await t.execute(SchoolsDocument, { filter: { categories: ['SPECIAL'], alliance: 'fusion' }, first: 100 });
    expect(urnsOf(specials.data)).toEqual(['990017']);

    const primaryInRomero = await t.execute(SchoolsDocument, { filter: { alliance: 'romero', phaseCodes: ['02'] }, first: 100 });
    expect(primaryInRomero.data!.schools.edges.every((e) => e.node.phase?.code === '2')).toBe(true);
    expect(primaryInRomero.data!.schools.totalCount).toBeGreaterThan(3);
  });

  it('matches no school for an unknown alliance', async () => {
    const { data, errors } = await t.execute(SchoolsDocument, { filter: { alliance: 'nowhere' } });
    expect(errors).toBeUndefined();
    expect(data!.schools.totalCount).toBe(0);
  });

  it.each(['NAME', 'URN'] as const)('pages the whole register by %s in both directions without gaps or repeats', async (field) => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const seen: string[] = [];
      let after: string | null | undefined;
      let total = 0;
      for (;;) {
        const { data, errors } = await t.execute(SchoolsDocument, { orderBy: { field, direction }, first: 7, after });
        expect(errors).toBeUndefined();
        total = data!.schools.totalCount;
        seen.push(...urnsOf(data));
        if (!data!.schools.pageInfo.hasNextPage) break;
        after = data!.schools.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      if (field === 'URN') expect(seen).toEqual([...seen].sort((a, b) => (direction === 'ASC' ? a.localeCompare(b) : b.localeCompare(a))));
    }
  });

  it('counts the memberships of a page of schools without a statement per school, members or not', async () => {
    t.db.counter.reset();
    const { errors } = await t.execute(`{ schools(first: 45) { edges { node { allianceMemberships { totalCount edges { node { role } } } } } } }`);
    expect(errors).toBeUndefined();
    // the identity lookup, the schools, and one windowed query for all their memberships
    expect(t.db.counter.selects).toHaveLength(3);
  });

  it('refuses a malformed URN in a filter, naming its place', async () => {
    const { errors } = await t.execute(SchoolsDocument, { filter: { urns: ['990001', 'x'] } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.urns.1' });
  });

  it('keeps the URN immutable, even against direct SQL', async () => {
    const em = t.db.dataSource.manager;
    const school = await createSchool(em);
    await expect(em.query('UPDATE schools SET urn = $1 WHERE id = $2', ['999999', school.id])).rejects.toThrow(/URN cannot change/);
    await em.query('UPDATE schools SET name = $1 WHERE id = $2', ['Renamed', school.id]);
    expect(await em.query('SELECT urn, name FROM schools WHERE id = $1', [school.id])).toEqual([{ urn: school.urn, name: 'Renamed' }]);
  });
});
