import { getIntrospectionQuery } from 'graphql';
import { getSchema } from '../src/schema';
import { introspectionBudget, introspectionCost } from '../src/limits/limits';
import { listen } from './helpers/http';
import { startTestServer, TestServer } from './helpers/server';
import { parse } from 'graphql';

/** Item: explorers and tools (GraphiQL, codegen from a URL) send the full standard introspection query. */
describe('introspection', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  // Every option, as GraphiQL sends it (inputValueDeprecation is what tipped the old cost over).
  const standard = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });

  it('answers the standard query with every option (input-value deprecations included) for a signed-in user', async () => {
    const result = await t.execute<{ __schema: { types: { name: string }[] } }, Record<string, never>>(standard);
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.types.map((x) => x.name)).toContain('Query');
  });

  it('answers codegen-style variants (no descriptions, no deprecations)', async () => {
    const result = await t.execute(getIntrospectionQuery({ descriptions: false }));
    expect(result.errors).toBeUndefined();
  });

  it('refuses anonymous introspection in production, over HTTP too', async () => {
    const result = await t.execute(standard, {}, { as: 'anonymous' });
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const http = await listen(t.server);
    const response = await http.post({ query: standard });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).not.toContain('"__schema"');
  });

  it('refuses a nested walk of the schema as too complex or too deep', async () => {
    const nested = '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
    const result = await t.execute(nested);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Even past graphql-js's depth rule, its price alone is far beyond the budget.
    expect(introspectionCost(getSchema(), parse(nested))).toBeGreaterThan(introspectionBudget(getSchema()));
  });

  it('keeps the data budget apart: introspection does not make room for a bigger data query', async () => {
    const tooBig = `{ __schema { queryType { name } } alliances(first: 100) { edges { node { memberSchools(first: 100) { edges { node { school { id name urn } } } } } } } }`;
    const result = await t.execute(tooBig);
    expect(result.errors?.[0].message).toBe('Query is too complex: reduce page sizes or nesting.');
  });
});
