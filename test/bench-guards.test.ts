import { parse, validate } from 'graphql';
import { diff } from '../bench/compare';
import { checkLimits } from '../bench/query-cost';
import { createHash } from 'node:crypto';
import manifest from '../operations/generated/pedex/persisted-documents.json';
import { ANONYMOUS_LIMITS } from '../src/limits/limits';
import { graphqlRequest, REFERENCE_QUERIES } from '../bench/reference';
import { OPEN_REQUEST, readScaleMark, SCALE_MARK, scaleRowId, scaleRowIdSql, scaleSize } from '../bench/scale/scale-mark';
import { getSchema } from '../src/schema';
import { createTestDatabase, TestDatabase } from './helpers/database';

describe('the benchmark refuses what it cannot measure', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('finds no scale dataset in a database that seed:scale did not build, and reads the sizes of one it did', async () => {
    expect(await readScaleMark(db.url)).toBeUndefined();
    await db.dataSource.query(`COMMENT ON DATABASE ${db.name} IS '${SCALE_MARK} ${JSON.stringify({ fraction: 0.1, ...scaleSize(0.1) })}'`);
    expect(await readScaleMark(db.url)).toEqual({ fraction: 0.1, schools: 5000, alliances: 50, peoplePerAlliance: 120, formerMembersPerAlliance: 40 });
  });

  it('names a seeded row by the same id in SQL as in Node, so a reference query can name one', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT ${scaleRowIdSql(OPEN_REQUEST, '$1', '$2::int')} AS id`, ['scale-01', 0]);
    expect(id).toBe(scaleRowId(OPEN_REQUEST, 'scale-01', 0));
  });

  it('names each value where the API and the baseline differ', () => {
    const baseline = { people: { totalCount: 3, edges: [{ node: { email: 'a@x' } }, { node: { email: 'b@x' } }] } };
    const api = { people: { totalCount: 3, edges: [{ node: { email: 'a@x' } }, { node: { email: null } }] } };
    expect(diff(baseline, api, 'data')).toEqual(['data.people.edges[1].node.email: baseline "b@x", API null']);
    expect(diff(baseline, { people: { ...api.people, edges: api.people.edges.slice(0, 1) } }, 'data')).toContain('data.people.edges: 2 items in the baseline, 1 from the API');
    expect(diff(baseline, baseline, 'data')).toEqual([]);
  });

  it('benchmarks every reference query as the schema and the server\'s limits accept it, designations, rounds, deployments, broker matches and research among them', () => {
    const keys = REFERENCE_QUERIES.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([
      'nested', 'schools', 'people', 'designations', 'rounds', 'deployments', 'brokerMatches', 'deploymentStatistics', 'platformStatistics', 'researchProjects', 'publishedResearch',
    ]));
    for (const q of REFERENCE_QUERIES) {
      expect({ key: q.key, errors: validate(getSchema(), parse(q.graphql)).map((e) => e.message) }).toEqual({ key: q.key, errors: [] });
      const limits = q.caller === 'anonymous' ? ANONYMOUS_LIMITS : undefined;
      expect({ key: q.key, accepted: checkLimits(getSchema(), q.graphql, { limits, variables: q.variables }).accepted }).toEqual({ key: q.key, accepted: true });
      // The statement count at `first: 5` is only a check if the query pages (in its text, or in its variables); an aggregate has no page.
      if (q.aggregate) expect(q.graphql).not.toMatch(/first:/);
      else if (q.variables && 'first' in q.variables) expect(q.graphql).toMatch(/first: \$first\b/);
      else expect(q.graphql).toMatch(/first: \d+/);
    }
  });

  it('asks as an anonymous PedEx reader asks in production: a document of the manifest, by its hash, over GET, without a token', () => {
    const anonymous = REFERENCE_QUERIES.filter((q) => q.caller === 'anonymous');
    expect(anonymous.map((q) => q.key)).toContain('publishedResearch');
    for (const q of anonymous) {
      const id = `sha256:${createHash('sha256').update(q.graphql).digest('hex')}`;
      expect((manifest as Record<string, string>)[id]).toBe(q.graphql);
      expect(graphqlRequest(q, 'a token')).toEqual({ query: q.graphql, variables: q.variables, persisted: true });
    }
  });
});
