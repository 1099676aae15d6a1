import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { createHash } from 'node:crypto';
import { BadUserInput } from './errors';
import { isUuid } from './text';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a page of a list stands, for fetching the next one.' })
export class PageInfo {
  @Field({ description: 'Whether more objects follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; pass it as `after` for the next page. Null on an empty page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** totalCount is a function so the count query runs only when a client asks for it. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number> | number;
}

export function ConnectionType<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} in a page of a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this edge; pass it as `after` to start the next page after it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} objects.` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The objects on this page, in order.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether a next page exists and where it starts.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many objects the whole list has, across pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

export function checkFirst(first: number | null | undefined, field = 'first'): number {
  const value = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadUserInput(`${field} must be from 0 to ${MAX_PAGE_SIZE}`, field);
  }
  return value;
}

/** What a cursor's values may be; checked before any of them reaches SQL. */
export type CursorKind = 'string' | 'integer' | 'position' | 'uuid' | 'timestamp' | 'date';

const MAX_INT4 = 2 ** 31 - 1;
const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const validKind: Record<CursorKind, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string' && v.length <= 1000 && !v.includes('\0'),
  integer: (v) => typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) <= MAX_INT4,
  position: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_INT4,
  uuid: (v) => typeof v === 'string' && isUuid(v),
  // A calendar date PostgreSQL accepts too: JavaScript reads 2024-02-30 as 1 March, and knows a year 0.
  timestamp: (v) => typeof v === 'string' && ISO_MILLISECONDS.test(v) && !v.startsWith('0000') && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v,
  date: (v) => typeof v === 'string' && ISO_DATE.test(v) && !v.startsWith('0000') && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
};

/**
 * The list and order a cursor was issued for, as a short hash. A cursor carries it, so that a cursor
 * of another list or another order is refused as the caller's mistake instead of reaching SQL as a
 * value of the wrong type (and a failed statement's log line).
 */
export function cursorTag(identity: string): string {
  let tag = tags.get(identity);
  if (!tag) {
    tag = createHash('sha256').update(identity).digest('base64url').slice(0, 10);
    tags.set(identity, tag);
  }
  return tag;
}

// A list's identity is fixed in the code (table, order, condition) or picked from a bounded set (a root
// list's orderBy: at most MAX_ORDER_KEYS of its few fields, two directions each), so this map stays small.
const tags = new Map<string, string>();

/** Cursors are opaque to clients: base64url of a JSON array of the list's tag and the sort key. */
export function encodeCursor(tag: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([tag, ...key]), 'utf8').toString('base64url');
}

/** The sort key of a cursor of this list and order, each value of its kind; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined, tag: string, kinds: readonly CursorKind[], field = 'after'): (string | number)[] | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = cursor.length <= 4096 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === kinds.length + 1 && parsed[0] === tag && kinds.every((kind, i) => validKind[kind](parsed[i + 1]))) {
    return parsed.slice(1) as (string | number)[];
  }
  throw new BadUserInput(`${field} is not a cursor from this list and order`, field);
}
