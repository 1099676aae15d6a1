import { ClassType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { BadUserInput } from '../errors';
import { expectGlobalId } from '../global-id';
import { DateTime, LocalDate } from '../scalars';

/** type-graphql's `() => Type` argument of @Field, which it does not export. */
type ReturnTypeFunc = Parameters<typeof Field>[0] & ((...args: never[]) => unknown);

/**
 * The analysts' `where:` argument (issue 12, item 1), one mechanism for every list: each list declares
 * a table of the fields it may be filtered on (the SQL expression on the list's alias, written in the
 * code, and the field's kind); the input type is generated from the table and translated to SQL here.
 * Values only ever reach SQL as bound parameters. A table names only what the caller already sees of
 * a row they may see (no redacted field), and the condition is ANDed onto the list's own scoped query,
 * so `where` narrows and never widens (SECURITY.md T4).
 */
export type WhereKind = 'id' | 'enum' | 'text' | 'search' | 'date' | 'timestamp' | 'float' | 'int' | 'boolean';

export interface WhereField {
  kind: WhereKind;
  /** SQL expression on the list's alias, e.g. `e.status`. Code, never input. Not used by `search`. */
  sql?: string;
  description: string;
  /** `id`: the type a global id must name. */
  idType?: string;
  /** `enum`: the type-graphql enum object and its GraphQL name. */
  enumType?: object;
  enumName?: string;
  /** `search`: the SQL condition for a trimmed, non-empty text, with `param` binding a value. */
  search?: (text: string, param: (value: unknown) => string) => string;
}

export type WhereTable = Record<string, WhereField>;

/** and/or nest at most this deep: `where.or.0.and.0.or` is depth 3. */
export const MAX_WHERE_DEPTH = 3;
/** Entries of an `in` list, and branches of one `and`/`or`. */
export const MAX_WHERE_LIST = 100;
export const MAX_WHERE_BRANCHES = 20;
export const MAX_SEARCH_LENGTH = 100;

@InputType({ description: 'Matches an id: `eq` one, `in` any of a list (an empty list matches nothing). Ids of another type are refused.' })
export class IdCondition {
  @Field(() => ID, { nullable: true, description: 'Equal to this id.' })
  eq?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Any of these ids (at most 100).' })
  in?: string[] | null;
}

@InputType({ description: 'Matches a text exactly: `eq` one value, `in` any of a list (an empty list matches nothing).' })
export class TextCondition {
  @Field(() => String, { nullable: true, description: 'Equal to this text.' })
  eq?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these texts (at most 100).' })
  in?: string[] | null;
}

@InputType({ description: 'Days from `from` to `to`, both included; either end may be left open. A null date matches no range.' })
export class DateRange {
  @Field(() => LocalDate, { nullable: true, description: 'On or after this day.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'On or before this day.' })
  to?: string | null;
}

@InputType({ description: 'Instants from `from` to `to`, both included; either end may be left open.' })
export class DateTimeRange {
  @Field(() => DateTime, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'At or before this instant.' })
  to?: Date | null;
}

@InputType({ description: 'Numbers from `min` to `max`, both included; either end may be left open. A null number matches no range.' })
export class FloatRange {
  @Field(() => Float, { nullable: true, description: 'At least this.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'At most this.' })
  max?: number | null;
}

@InputType({ description: 'Whole numbers from `min` to `max`, both included; either end may be left open. A null number matches no range.' })
export class IntRange {
  @Field(() => Int, { nullable: true, description: 'At least this.' })
  min?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this.' })
  max?: number | null;
}

interface Condition<T> {
  eq?: T | null;
  in?: T[] | null;
}

const enumConditions = new Map<string, ClassType>();

/** `<Enum>Condition { eq, in }`, one per enum: an unknown value is refused by GraphQL before the resolver runs. */
export function enumCondition(enumType: object, enumName: string): ClassType {
  let type = enumConditions.get(enumName);
  if (!type) {
    const Condition = { [`${enumName}Condition`]: class {} }[`${enumName}Condition`];
    Field(() => enumType, { nullable: true, description: 'Equal to this value.' })(Condition.prototype, 'eq');
    Field(() => [enumType], { nullable: true, description: 'Any of these values (at most 100).' })(Condition.prototype, 'in');
    InputType(`${enumName}Condition`, { description: `Matches a ${enumName}: \`eq\` one value, \`in\` any of a list (an empty list matches nothing).` })(Condition);
    type = Condition;
    enumConditions.set(enumName, type);
  }
  return type;
}

function graphqlType(field: WhereField): ReturnTypeFunc {
  switch (field.kind) {
    case 'id': return () => IdCondition;
    case 'enum': {
      // Made now, not in the thunk: type-graphql reads its decorators' metadata before it calls thunks.
      const condition = enumCondition(field.enumType!, field.enumName!);
      return () => condition;
    }
    case 'text': return () => TextCondition;
    case 'search': return () => String;
    case 'date': return () => DateRange;
    case 'timestamp': return () => DateTimeRange;
    case 'float': return () => FloatRange;
    case 'int': return () => IntRange;
    case 'boolean': return () => Boolean;
  }
}

/**
 * The generated input, e.g. `DeploymentWhere { status: DeploymentStatusCondition, startsOn: DateRange, and: [DeploymentWhereLevel1!], or: [...] }`.
 * The nesting is spelled out as one type per level (`…Level1` to `…Level${MAX_WHERE_DEPTH}`, the last without
 * and/or), not as a type that refers to itself: graphql-jit, which executes operations, cannot compile a
 * variable of a recursive input type (zalando-incubator/graphql-jit#81). So the schema itself bounds the depth;
 * whereSql checks it again for any caller that does not come through the schema.
 */
export function whereInput(name: string, what: string, table: WhereTable): ClassType {
  let inner: ClassType | undefined;
  for (let level = MAX_WHERE_DEPTH; level >= 0; level -= 1) {
    const typeName = level === 0 ? name : `${name}Level${level}`;
    const Where = { [typeName]: class {} }[typeName];
    for (const [key, field] of Object.entries(table)) {
      if (field.kind !== 'search' && !field.sql) throw new Error(`${name}.${key} has no SQL`);
      // Ids are conditions of the top level only (`in` gives alternatives): every id argument of the
      // schema is one that the tenant sweep tries with another alliance's ids (SECURITY.md T7), and
      // ids at each level would multiply them by the levels.
      if (level > 0 && field.kind === 'id') continue;
      Field(graphqlType(field), { nullable: true, description: field.description })(Where.prototype, key);
    }
    if (inner) {
      const branch = inner;
      const left = MAX_WHERE_DEPTH - level;
      Field(() => [branch], { nullable: true, description: `All of these (an empty list matches all); and/or nest ${left} more level${left === 1 ? '' : 's'} at most.` })(Where.prototype, 'and');
      Field(() => [branch], { nullable: true, description: `Any of these (an empty list matches none); and/or nest ${left} more level${left === 1 ? '' : 's'} at most.` })(Where.prototype, 'or');
    }
    const description = level === 0
      ? `A condition on ${what}: every field given must hold; \`and\`/\`or\` combine conditions, ${MAX_WHERE_DEPTH} levels deep at most. Applied on top of \`filter\` and of what you may see.`
      : `A condition on ${what} inside ${level} level${level === 1 ? '' : 's'} of and/or (ids are conditions of the top level only)${level === MAX_WHERE_DEPTH ? ': the deepest, without and/or' : ''}.`;
    InputType(typeName, { description })(Where);
    inner = Where;
  }
  return inner!;
}

export interface WhereSql {
  sql: string;
  params: Record<string, unknown>;
}

type WhereValue = Record<string, unknown> & { and?: WhereValue[] | null; or?: WhereValue[] | null };

/**
 * The condition as parameterised SQL (`undefined` when it is empty), or BAD_USER_INPUT naming the
 * argument path at fault: an id of another type, an inverted range, an over-deep and/or, an overlong list.
 */
export function whereSql(table: WhereTable, where: object | null | undefined, argument = 'where'): WhereSql | undefined {
  if (where == null) return undefined;
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (value: unknown) => {
    const name = `where_${n++}`;
    params[name] = value;
    return `:${name}`;
  };

  const list = <T>(values: T[], path: string, max = MAX_WHERE_LIST): T[] => {
    if (values.length > max) throw new BadUserInput(`${path} has more than ${max} entries`, path);
    return values;
  };

  function condition(key: string, field: WhereField, value: unknown, path: string): string[] {
    const sql = field.sql!;
    switch (field.kind) {
      case 'id': {
        const c = value as Condition<string>;
        const out: string[] = [];
        if (c.eq != null) out.push(`${sql} = ${param(expectGlobalId(c.eq, field.idType!, `${path}.eq`))}`);
        if (c.in != null) out.push(`${sql} = ANY(CAST(${param(list(c.in, `${path}.in`).map((id, i) => expectGlobalId(id, field.idType!, `${path}.in.${i}`)))} AS uuid[]))`);
        return out;
      }
      case 'enum':
      case 'text': {
        const c = value as Condition<string>;
        const out: string[] = [];
        if (c.eq != null) out.push(`${sql} = ${param(c.eq)}`);
        if (c.in != null) out.push(`${sql} = ANY(${param(list(c.in, `${path}.in`))})`);
        return out;
      }
      case 'search': {
        const text = (value as string).trim();
        if (text.length > MAX_SEARCH_LENGTH) throw new BadUserInput(`${path} must be at most ${MAX_SEARCH_LENGTH} characters`, path);
        return text ? [field.search!(text, param)] : [];
      }
      case 'date':
      case 'timestamp': {
        const r = value as { from?: string | Date | null; to?: string | Date | null };
        const time = (v: string | Date) => (v instanceof Date ? v.getTime() : v);
        if (r.from != null && r.to != null && time(r.from) > time(r.to)) throw new BadUserInput(`${path} runs backwards: from is after to`, path);
        const cast = field.kind === 'timestamp' ? 'timestamptz' : 'date';
        const out: string[] = [];
        if (r.from != null) out.push(`${sql} >= CAST(${param(r.from)} AS ${cast})`);
        if (r.to != null) out.push(`${sql} <= CAST(${param(r.to)} AS ${cast})`);
        return out;
      }
      case 'float':
      case 'int': {
        const r = value as { min?: number | null; max?: number | null };
        if (r.min != null && r.max != null && r.min > r.max) throw new BadUserInput(`${path} runs backwards: min is above max`, path);
        const cast = field.kind === 'int' ? 'integer' : 'numeric';
        const out: string[] = [];
        if (r.min != null) out.push(`${sql} >= CAST(${param(r.min)} AS ${cast})`);
        if (r.max != null) out.push(`${sql} <= CAST(${param(r.max)} AS ${cast})`);
        return out;
      }
      case 'boolean':
        return [`${sql} = ${param(value)}`];
    }
    throw new Error(`unknown kind of ${key}`);
  }

  function node(value: WhereValue, path: string, depth: number): string | undefined {
    const parts: string[] = [];
    for (const [key, field] of Object.entries(table)) {
      if (value[key] != null) parts.push(...condition(key, field, value[key], `${path}.${key}`));
    }
    for (const op of ['and', 'or'] as const) {
      const branches = value[op];
      if (branches == null) continue;
      const at = `${path}.${op}`;
      if (depth >= MAX_WHERE_DEPTH) throw new BadUserInput(`${at} nests and/or deeper than ${MAX_WHERE_DEPTH} levels`, at);
      const sqls = list(branches, at, MAX_WHERE_BRANCHES).map((b, i) => node(b, `${at}.${i}`, depth + 1) ?? 'true');
      if (op === 'and') parts.push(...sqls.map((s) => `(${s})`));
      else parts.push(sqls.length ? `(${sqls.map((s) => `(${s})`).join(' OR ')})` : 'false');
    }
    return parts.length ? parts.join(' AND ') : undefined;
  }

  const sql = node(where as WhereValue, argument, 0);
  return sql ? { sql: `(${sql})`, params } : undefined;
}

/** ANDs the condition onto a list's query, which already holds the tenant, the visibility and `filter`. */
export function applyWhere<Q extends { andWhere(sql: string, params?: Record<string, unknown>): Q }>(qb: Q, table: WhereTable, where: object | null | undefined, argument = 'where'): Q {
  const condition = whereSql(table, where, argument);
  return condition ? qb.andWhere(condition.sql, condition.params) : qb;
}
