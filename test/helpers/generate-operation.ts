import {
  getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isInterfaceType, isScalarType, isUnionType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';

/** A literal for a required argument: enough to pass validation, so that the rules are what answers. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return JSON.stringify(toGlobalId('Person', randomUUID()));
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'true';
      case 'LocalDate':
        return '"2024-09-01"';
      case 'AcademicYear':
        return '"2024/25"';
      case 'DateTime':
        return '"2024-09-01T09:00:00Z"';
      default:
        return '"123456"';
    }
  }
  throw new Error(`no literal for ${String(type)}`);
}

const requiredArgs = (args: readonly GraphQLArgument[]) => {
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length ? `(${required.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
};

/** A selection of one field's leaves, one level down, with __typename so that any object type gets a valid selection. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isObjectType(type) || isInterfaceType(type) || isUnionType(type)) return ' { __typename }';
  return '';
}

/** `query { field(required args) { __typename } }` for every root field of an operation type. */
export function rootOperations(schema: GraphQLSchema, kind: 'query' | 'mutation'): { field: string; source: string }[] {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) return [];
  return Object.values(root.getFields()).map((field) => ({
    field: field.name,
    source: `${kind} { ${field.name}${requiredArgs(field.args)}${selection(field)} }`,
  }));
}
