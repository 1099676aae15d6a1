import {
  getNamedType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { DataSource, EntityMetadata } from 'typeorm';

/**
 * Walks the built schema to generate the operations of the tenant sweep (SECURITY.md T7), so that a
 * new Node type, a new root field taking an id, or a new mutation on an id is swept without anyone
 * remembering to add it here.
 */

/** Object types that implement Node. */
export function nodeTypeNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'))
    .map((type) => type.name)
    .sort();
}

/**
 * Node types that carry an `allianceId` but are part of an alliance's public profile, and so are
 * readable across alliances. Reviewed list: member schools are shown on every alliance's profile.
 */
export const PUBLIC_PROFILE_TYPES: readonly string[] = ['SchoolMembership'];

/** The TypeORM entity behind a GraphQL type (entities are the GraphQL classes, same name). */
export function entityOf(dataSource: DataSource, typeName: string): EntityMetadata | undefined {
  return dataSource.entityMetadatas.find((m) => typeof m.target === 'function' && m.target.name === typeName);
}

/**
 * Tenant-owned: its entity has an alliance column and it is not on the reviewed public-profile list.
 * A Node type without a known entity counts as tenant-owned, so that it fails loudly until classified.
 */
export function isTenantOwned(dataSource: DataSource, typeName: string): boolean {
  const entity = entityOf(dataSource, typeName);
  if (!entity) return true;
  return Boolean(entity.findColumnWithPropertyName('allianceId')) && !PUBLIC_PROFILE_TYPES.includes(typeName);
}

/** Row ids of an alliance (tenant-owned and public-profile types), or a few rows of shared data. */
export async function rowIdsOf(dataSource: DataSource, typeName: string, allianceId: string, limit = 50): Promise<string[]> {
  const entity = entityOf(dataSource, typeName);
  if (!entity) throw new Error(`Node type ${typeName} has no entity named like it: classify it in test/security/support/schema-sweep.ts`);
  const tenantColumn = entity.findColumnWithPropertyName('allianceId');
  const table = `"${entity.tableName}"`;
  let rows: { id: string }[];
  if (tenantColumn) rows = await dataSource.query(`SELECT id FROM ${table} WHERE "${tenantColumn.databaseName}" = $1 ORDER BY id LIMIT ${limit}`, [allianceId]);
  else if (typeName === 'Alliance') rows = [{ id: allianceId }];
  else rows = await dataSource.query(`SELECT id FROM ${table} ORDER BY id LIMIT 3`);
  return rows.map((r) => r.id);
}

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/**
 * A selection of every field of a type that needs no argument: scalars and enums, and objects down
 * to `depth` more levels; interfaces and unions get `... on Type { … }` for every possible type.
 */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isInterfaceType(type) || isUnionType(type)) {
    const possibleTypes = schema.getPossibleTypes(type);
    // Same-named fields of different types (School vs School!) cannot share a response key.
    const typesByField = new Map<string, Set<string>>();
    for (const possible of possibleTypes) {
      for (const field of Object.values(possible.getFields())) typesByField.set(field.name, (typesByField.get(field.name) ?? new Set()).add(String(field.type)));
    }
    const clashes = new Set([...typesByField].filter(([, types]) => types.size > 1).map(([name]) => name));
    const fragments = possibleTypes.map((possible) => `... on ${possible.name} { ${objectSelection(schema, possible, depth, clashes)} }`);
    return `__typename ${fragments.join(' ')}`;
  }
  if (isObjectType(type)) return objectSelection(schema, type, depth);
  return '';
}

function objectSelection(schema: GraphQLSchema, type: GraphQLObjectType, depth: number, clashes: Set<string> = new Set()): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (hasRequiredArgs(field)) continue;
    const named = getNamedType(field.type);
    const key = clashes.has(field.name) ? `${type.name}_${field.name}: ${field.name}` : field.name;
    if (isScalarType(named) || isEnumType(named)) parts.push(key);
    // Connection and edge wrappers do not count as a level: their nodes are what the sweep must reach.
    // A small page keeps the generated query within the cost limit.
    else if (/(Connection|Edge)$/.test(named.name)) parts.push(`${key}${field.args.some((a) => a.name === 'first') ? '(first: 5)' : ''} { ${selectionFor(schema, named, depth)} }`);
    else if (depth > 0) parts.push(`${key} { ${selectionFor(schema, named, depth - 1)} }`);
  }
  return parts.join(' ');
}

export interface IdArgument {
  /** Root field, e.g. "node". */
  field: string;
  /** Path from the argument to the id, e.g. ["filter", "schoolId"]. */
  path: string[];
  /** The id sits in a list: pass [id]. */
  list: boolean;
}

/** Every place in a root field's arguments, including inside input objects, that takes an ID. */
export function idArguments(schema: GraphQLSchema, operation: 'query' | 'mutation'): IdArgument[] {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const found: IdArgument[] = [];
  for (const field of Object.values(root?.getFields() ?? {})) {
    for (const arg of field.args) walkInput(arg.type, [arg.name], new Set(), (path, list) => found.push({ field: field.name, path, list }));
  }
  return found;
}

function walkInput(type: GraphQLInputType, path: string[], seen: Set<string>, found: (path: string[], list: boolean) => void, list = false) {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return walkInput(inner.ofType, path, seen, found, true);
  if (isScalarType(inner) && inner.name === 'ID') return found(path, list);
  if (isInputObjectType(inner) && !seen.has(inner.name)) {
    const next = new Set(seen).add(inner.name);
    for (const f of Object.values(inner.getFields())) walkInput(f.type, [...path, f.name], next, found);
  }
}

/** Mutation fields with an input object that has an `id` field: the updates and deletes of T2. */
export function mutationsOnId(schema: GraphQLSchema): { field: string; arg: string; input: GraphQLInputObjectType }[] {
  const result: { field: string; arg: string; input: GraphQLInputObjectType }[] = [];
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named) && named.getFields().id) result.push({ field: field.name, arg: arg.name, input: named });
    }
  }
  return result;
}

const SCALAR_DUMMIES: Record<string, unknown> = {
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  ID: 'bm90LWFuLWlk',
  LocalDate: '2015-09-01',
  DateTime: '2020-01-01T00:00:00Z',
  AcademicYear: '2020/21',
};

/** A valid value of an input type, for a required argument the sweep does not care about. */
export function dummyValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [dummyValue(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) return SCALAR_DUMMIES[inner.name] ?? 'x';
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = dummyValue(f.type);
    return value;
  }
  throw new Error(`no dummy for ${String(type)}`);
}

/**
 * The input of an update-style mutation that would overwrite as much as it can: the given id, and
 * every optional string, date or enum field set to an obvious new value.
 */
export function overwritingInput(input: GraphQLInputObjectType, id: string): Record<string, unknown> {
  const value: Record<string, unknown> = { id };
  for (const f of Object.values(input.getFields())) {
    if (f.name === 'id') continue;
    const named = getNamedType(f.type);
    if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = dummyValue(f.type);
    else if (isListType(isNonNullType(f.type) ? f.type.ofType : f.type)) continue;
    else if (isEnumType(named)) value[f.name] = named.getValues()[0].value;
    else if (named.name === 'String') value[f.name] = /email/i.test(f.name) ? 'overwritten@sweep.invalid' : /phone/i.test(f.name) ? '020 7946 0999' : 'OVERWRITTEN';
    else if (named.name === 'LocalDate') value[f.name] = '2015-09-01';
  }
  return value;
}

/** Sets `value` at `path` inside a fresh arguments object. */
export function argumentsWith(path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  return { [head]: rest.length ? argumentsWith(rest, value) : value };
}

/**
 * An operation calling one root field with the given arguments as variables (one per top-level
 * argument; required arguments left out get a dummy value), selecting everything down to `depth`
 * (below 0: `__typename` alone).
 */
export function rootOperation(
  schema: GraphQLSchema,
  operation: 'query' | 'mutation',
  fieldName: string,
  args: Record<string, unknown>,
  depth: number,
): { source: string; variables: Record<string, unknown> } {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[fieldName];
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    let value = args[arg.name];
    if (value === undefined && isNonNullType(arg.type) && arg.defaultValue === undefined) value = dummyValue(arg.type);
    if (value === undefined) continue;
    variables[arg.name] = value;
    declarations.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ` { ${depth < 0 ? '__typename' : selectionFor(schema, named, depth)} }` : '';
  const header = declarations.length ? `(${declarations.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return { source: `${operation} Sweep${header} { ${fieldName}${call}${selection} }`, variables };
}
