import { GraphQLField, GraphQLNamedType, GraphQLSchema, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { getNamedType } from 'graphql';

/** Connection and edge wrappers are transparent: a PersonConnection leads to Person. */
const WRAPPER = /(Connection|Edge)$/;

/** The object types a field leads to, through lists, wrappers, interfaces and unions. */
export function targetsOf(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): string[] {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    if (isObjectType(type) && WRAPPER.test(type.name)) {
      seen.add(type.name);
      for (const inner of Object.values(type.getFields())) visit(getNamedType(inner.type));
      return;
    }
    if (isInterfaceType(type)) {
      seen.add(type.name);
      schema.getImplementations(type).objects.forEach(visit);
      return;
    }
    if (isUnionType(type)) {
      seen.add(type.name);
      type.getTypes().forEach(visit);
      return;
    }
    if (isObjectType(type)) seen.add(type.name);
  };
  visit(getNamedType(field.type));
  return [...seen].filter((name) => isObjectType(schema.getType(name)) && !WRAPPER.test(name));
}

export interface RuleMaps {
  [type: string]: { [field: string]: unknown };
}

export interface CoverageProblem {
  problem: string;
}

/** A root type's '*' (closed by default) is not a rule of its own: each root field still needs one. */
const hasRule = (maps: RuleMaps[], type: string, field: string) => maps.some((m) => m[type]?.[field] !== undefined);
const ROOT_TYPES = ['Query', 'Mutation'];

/**
 * The checks of SECURITY.md S1 and S6, as a function so that a test can also show it failing:
 * every root field has a rule; every rule's field exists and has a resolver (or the rule would be
 * silently skipped); and no field leads from a root or a public type into a private type without a rule.
 */
export function permissionProblems(schema: GraphQLSchema, maps: RuleMaps[], publicTypes: readonly string[]): string[] {
  const problems: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.keys(root.getFields())) {
      if (!hasRule(maps, root.name, field)) problems.push(`${root.name}.${field} has no rule`);
    }
  }
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) {
        problems.push(`rule for unknown type ${typeName}`);
        continue;
      }
      for (const fieldName of Object.keys(fields)) {
        if (fieldName === '*') {
          if (!ROOT_TYPES.includes(typeName)) problems.push(`${typeName} has a wildcard, which declared-resolver mode applies to some fields only`);
          continue;
        }
        const field = type.getFields()[fieldName];
        if (!field) problems.push(`rule for unknown field ${typeName}.${fieldName}`);
        else if (!field.resolve) problems.push(`rule on ${typeName}.${fieldName} is never applied: the field has no resolver`);
      }
    }
  }
  const isPublic = (name: string) => publicTypes.includes(name);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || WRAPPER.test(type.name)) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    if (!isRoot && !isPublic(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const privateTargets = targetsOf(schema, field).filter((t) => !isPublic(t));
      if (privateTargets.length && !hasRule(maps, type.name, field.name)) {
        problems.push(`${type.name}.${field.name} leads to private ${privateTargets.join(', ')} without a rule`);
      }
    }
  }
  return problems;
}

/** Every type reachable from these root fields, following every field. */
export function reachableTypes(schema: GraphQLSchema, rootFields: string[]): Set<string> {
  const query = schema.getQueryType()!;
  const seen = new Set<string>();
  const queue = rootFields.flatMap((name) => targetsOf(schema, query.getFields()[name]));
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const type = schema.getType(name);
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) queue.push(...targetsOf(schema, field));
  }
  return seen;
}
