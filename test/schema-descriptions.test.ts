import {
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';
import { getBaseSchema } from '../src/schema';

/**
 * Every named type, field, argument, input field and enum value people can see in the schema,
 * without a description (issue 12, item 5). Exempt: GraphQL's own introspection types and built-in
 * scalars, and the names of the root types Query, Mutation and Subscription (type-graphql gives them
 * no description; every root field and argument is described).
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (text: string | null | undefined, where: string) => {
    if (!text || !text.trim()) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!(isObjectType(type) && ['Query', 'Mutation', 'Subscription'].includes(type.name))) {
      need(type.description, type.name);
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(field.description, `${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) need(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    } else if (!isScalarType(type) && !isUnionType(type)) {
      missing.push(`${String(type)} (unknown kind)`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(getBaseSchema())).toEqual([]);
  });
});
