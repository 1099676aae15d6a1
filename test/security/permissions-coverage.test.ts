import { buildSchema, graphql } from 'graphql';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import { PUBLIC_TYPES, redactionRules, rules } from '../../src/auth/permissions';
import { getBaseSchema } from '../../src/schema';
import { permissionProblems } from '../helpers/schema-walk';

describe('the permissions map (SECURITY.md S1, S5, S6)', () => {
  const schema = getBaseSchema();
  const maps = [rules, redactionRules] as never[];

  it('covers every root field, attaches every rule to a resolver, and guards every way into private types', () => {
    expect(permissionProblems(schema, maps, PUBLIC_TYPES)).toEqual([]);
  });

  it('closes the root types by default, and uses no wildcard elsewhere (declared-resolver mode would apply it to some fields only)', () => {
    expect(rules.Query['*']).toBeDefined();
    expect(rules.Mutation['*']).toBeDefined();
    const withWildcard = { ...rules, Person: { ...rules.Person, '*': rules.Person.id } };
    expect(permissionProblems(schema, [withWildcard] as never[], PUBLIC_TYPES)).toContain('Person has a wildcard, which declared-resolver mode applies to some fields only');
  });

  it('never caches a rule that reads the parent or the arguments across fields (S2)', () => {
    for (const [typeName, fields] of Object.entries(rules)) {
      if (typeName === 'Query' || typeName === 'Mutation') continue;
      for (const [field, rule] of Object.entries(fields)) expect(`${typeName}.${field}: ${(rule as unknown as { cache: string }).cache}`).toBe(`${typeName}.${field}: no_cache`);
    }
  });

  it('fails on a root field without a rule', () => {
    const { Query, ...rest } = rules;
    const { people: _people, ...otherQueries } = Query;
    // The '*' that closes Query at run time does not count as a rule for people.
    expect(permissionProblems(schema, [{ ...rest, Query: otherQueries }] as never[], PUBLIC_TYPES)).toContain('Query.people has no rule');
  });

  it('fails on a rule whose field has no resolver, because such a rule is silently skipped', () => {
    const withPlainField = { ...rules, Person: { ...rules.Person, givenName: deny } };
    expect(permissionProblems(schema, [withPlainField] as never[], PUBLIC_TYPES)).toContain('rule on Person.givenName is never applied: the field has no resolver');
  });

  it('fails when a public type gains an unguarded way into a private type', () => {
    const { Alliance: _alliance, ...unguarded } = redactionRules;
    const problems = permissionProblems(schema, [rules, unguarded] as never[], PUBLIC_TYPES);
    expect(problems).toContain('Alliance.tariffs leads to private AllianceTariff without a rule');
  });

  it('shows why: in declared-resolver mode a deny on a plain field lets the value through', async () => {
    const plain = buildSchema('type Query { person: Person } type Person { email: String }');
    const root = { person: () => ({ email: 'leak@example.test' }) };
    plain.getQueryType()!.getFields().person.resolve = root.person;
    const guarded = applyMiddlewareToDeclaredResolvers(plain, shield({ Person: { email: deny } }, { allowExternalErrors: true }));
    const result = await graphql({ schema: guarded, source: '{ person { email } }' });
    expect(result.data).toEqual({ person: { email: 'leak@example.test' } });
    expect(permissionProblems(plain, [{ Query: { person: deny }, Person: { email: deny } }] as never[], [])).toContain(
      'rule on Person.email is never applied: the field has no resolver',
    );
  });
});
