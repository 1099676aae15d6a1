import { parse } from 'graphql';
import { ANONYMOUS_LIMITS, Limits, queryCost, SIGNED_IN_LIMITS } from '../../src/limits/limits';
import { getSchema } from '../../src/schema';
import { GraphQLBody, listen } from '../helpers/http';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * Issue 6 and SECURITY.md L1: every limit of each caller class, exactly at its boundary. The
 * numbers are pinned, so loosening one (the anonymous cost raised to the signed-in one) fails here;
 * and each is probed over HTTP, so a limit that is configured but not enforced fails too.
 */
describe('limits at their boundaries, for each caller class', () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    t = await startTestServer();
    http = await listen(t.server);
  });
  afterAll(() => t.close());

  it('are the reviewed numbers', () => {
    expect(SIGNED_IN_LIMITS).toEqual({ depth: 12, cost: 50_000, aliases: 30, directives: 20, tokens: 4000 });
    expect(ANONYMOUS_LIMITS).toEqual({ depth: 7, cost: 5_000, aliases: 5, directives: 5, tokens: 1000 });
  });

  /** Depth d: school > allianceMemberships > edges > node > school > ..., ended by a leaf of the last type. */
  function depth(d: number): { query: string } {
    const cycle = ['allianceMemberships', 'edges', 'node', 'school'];
    const leafOf: Record<string, string> = { school: 'name', allianceMemberships: 'totalCount', edges: 'cursor', node: 'role' };
    const path = ['school', ...Array.from({ length: d - 2 }, (_, i) => cycle[i % cycle.length])];
    const open = path.map((f, i) => (i === 0 ? 'school(urn: "100000")' : `${f}(first: 1)`.replace(/^(edges|node|school)\(first: 1\)$/, '$1'))).join(' { ');
    return { query: `{ ${open} { ${leafOf[path.at(-1)!]} }${' }'.repeat(path.length)}` };
  }
  /**
   * A query that costs exactly c, as the limits price it: full nested pages (each alliances × 100
   * member schools), then nodes(ids) { id }, which costs one plus the number of ids, for the rest.
   */
  function cost(c: number): { query: string; variables: { ids: string[] } } {
    const page = (k: number) => `alliances(first: 100) { edges { node { memberSchools(first: ${k}) { totalCount } } } }`;
    const priced = (fields: string[], ids = 0) => queryCost(getSchema(), parse(`query($ids: [ID!]!) { ${fields.join(' ')} n: nodes(ids: $ids) { id } }`), { ids: Array(ids).fill('x') });
    const fields: string[] = [];
    while (priced([...fields, `p${fields.length}: ${page(100)}`]) <= c) fields.push(`p${fields.length}: ${page(100)}`);
    for (let k = 99; k >= 0 && priced(fields) < c; k--) if (priced([...fields, `p${fields.length}: ${page(k)}`]) <= c) fields.push(`p${fields.length}: ${page(k)}`);
    const ids = c - priced(fields);
    const built = { query: `query($ids: [ID!]!) { ${fields.join(' ')} n: nodes(ids: $ids) { id } }`, variables: { ids: Array.from({ length: ids }, (_, i) => `id${i}`) } };
    expect(queryCost(getSchema(), parse(built.query), built.variables)).toBe(c);
    return built;
  }
  const aliases = (n: number) => ({ query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: alliances(first: 1) { totalCount }`).join(' ')} }` });
  const directives = (n: number) => ({ query: `{ ${Array.from({ length: n }, () => '__typename @include(if: true)').join(' ')} }` });
  // `{ nodes(ids: [` is 6 tokens, then one per id, then `]) { id } }` is 6 more. (graphql-js refuses a thousand repeats of one field.)
  const tokens = (n: number) => ({ query: `{ nodes(ids: [${'"x" '.repeat(n - 12)}]) { id } }` });

  const PROBES: { limit: keyof Limits; build: (n: number) => { query: string; variables?: unknown } }[] = [
    { limit: 'depth', build: depth },
    { limit: 'cost', build: cost },
    { limit: 'aliases', build: aliases },
    { limit: 'directives', build: directives },
    { limit: 'tokens', build: tokens },
  ];
  const refusedByALimit = (body: GraphQLBody) => (body.errors ?? []).some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.code === 'GRAPHQL_PARSE_FAILED');

  describe.each([
    ['anonymous', ANONYMOUS_LIMITS, () => ({})],
    ['signed in', SIGNED_IN_LIMITS, () => ({ authorization: `Bearer ${t.reader.token}` })],
  ] as const)('%s', (_who, limits, headers) => {
    it.each(PROBES)('admits $limit at the limit and refuses one more, without naming the number', async ({ limit, build }) => {
      const at = await http.gql(build(limits[limit]), headers());
      expect({ limit, refused: refusedByALimit(at), errors: at.errors?.map((e) => e.message) }).toEqual({ limit, refused: false, errors: at.errors?.map((e) => e.message) });
      const over = await http.gql(build(limits[limit] + 1), headers());
      expect({ limit, refused: refusedByALimit(over) }).toEqual({ limit, refused: true });
      expect(JSON.stringify(over.errors)).not.toContain(String(limits[limit]));
    });
  });
});
