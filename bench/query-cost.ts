import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLSchema, parse, validate } from 'graphql';
import { limitRules, SIGNED_IN_LIMITS } from '../src/limits/limits';

export interface CostCheck {
  /** graphql-armor's cost, computed as the server's rule computes it (it multiplies by `first`). */
  cost: number;
  /** Whether the server's own validation rules for signed-in callers accept the query. */
  accepted: boolean;
}

/** Checks a query against the limits the server applies, before any load is sent. */
export function checkLimits(schema: GraphQLSchema, query: string): CostCheck {
  const document = parse(query);
  let cost = NaN;
  validate(schema, document, [costLimitRule({ maxCost: Infinity, flattenFragments: true, ignoreIntrospection: true, onAccept: [(_context, { n }) => (cost = n)] })]);
  return { cost, accepted: validate(schema, document, limitRules(SIGNED_IN_LIMITS)).length === 0 };
}
