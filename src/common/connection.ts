import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
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
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
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

/** Cursors are opaque to clients: base64url of a JSON array of the sort key. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number, field = 'after'): unknown[] | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((k) => ['string', 'number'].includes(typeof k) || k === null)) return key;
  } catch {
    // fall through to the error
  }
  throw new BadUserInput(`${field} is not a cursor from this list`, field);
}
