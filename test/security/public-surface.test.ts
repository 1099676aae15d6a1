import { getSchema } from '../../src/schema';
import { ANONYMOUS_ROOT_FIELDS, PUBLIC_TYPES } from '../../src/auth/permissions';
import { rootOperations } from '../helpers/generate-operation';
import { reachableTypes } from '../helpers/schema-walk';
import { startTestServer, TestServer } from '../helpers/server';

/** SECURITY.md D1: no public type has a field for any of these. */
const PERSONAL_FIELD = /email|phone|address|street|postcode|birth|trn|teacherReference|salary|contract|appraisal|absence|health|send|safeguarding|ethnic|religio/i;

describe('the public surface (SECURITY.md T8, D1)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const schema = getSchema();

  it.each([...rootOperations(schema, 'query'), ...rootOperations(schema, 'mutation')].filter((op) => !ANONYMOUS_ROOT_FIELDS.includes(op.field)))(
    'refuses $field to anonymous callers with UNAUTHENTICATED',
    async ({ source }) => {
      const { data, errors } = await t.execute(source, {}, { as: 'anonymous' });
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(data ?? null)).not.toMatch(/[0-9a-f]{8}-/);
    },
  );

  it('reaches only public PedEx types, without personal fields, from the anonymous root fields', () => {
    const reachable = reachableTypes(schema, [...ANONYMOUS_ROOT_FIELDS]);
    for (const name of reachable) {
      expect(`${name}: ${PUBLIC_TYPES.includes(name as never) || name.startsWith('Public') ? 'public' : 'staff-only'}`).toBe(`${name}: public`);
    }
  });

  it('would notice a path from an anonymous field to a staff-only type or a personal field', () => {
    // The same walk from a staff field finds the staff record and its contact fields.
    const reachable = reachableTypes(schema, ['people']);
    expect(reachable.has('Person')).toBe(true);
    const personFields = Object.keys((schema.getType('Person') as import('graphql').GraphQLObjectType).getFields());
    expect(personFields.filter((f) => PERSONAL_FIELD.test(f))).toEqual(['email', 'phone']);
  });

  it('gives no public or reference type a personal-data field', () => {
    for (const name of PUBLIC_TYPES) {
      const type = schema.getType(name) as import('graphql').GraphQLObjectType;
      const personal = Object.keys(type.getFields()).filter((f) => PERSONAL_FIELD.test(f) && !(name === 'School' && /postcode|religiousCharacter/.test(f)));
      expect(`${name}: ${personal.join(',')}`).toBe(`${name}: `);
    }
  });
});
