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

  it('uses no wildcard, which declared-resolver mode would apply only to some fields', () => {
    for (const fields of Object.values({ ...rules, ...redactionRules })) expect(Object.keys(fields)).not.toContain('*');
  });

  it('fails on a root field without a rule', () => {
    const { Query, ...rest } = rules;
    const { people: _people, ...otherQueries } = Query;
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
