import { GraphQLSchema, parse, validate } from 'graphql';
import { Limits, limitRules, queryCost, SIGNED_IN_LIMITS } from '../src/limits/limits';

export interface CostCheck {
  /** The cost the server computes for the query (see queryCost in src/limits). */
  cost: number;
  /** Whether the server's limits for the caller (signed-in callers' unless told) accept the query. */
  accepted: boolean;
  /** The cost limit it was checked against. */
  limit: number;
}

/** Checks a query, with its variables, against the limits the server applies to its caller, before any load is sent. */
export function checkLimits(schema: GraphQLSchema, query: string, options: { limits?: Limits; variables?: Record<string, unknown> } = {}): CostCheck {
  const limits = options.limits ?? SIGNED_IN_LIMITS;
  const document = parse(query);
  const cost = queryCost(schema, document, options.variables);
  return { cost, accepted: cost <= limits.cost && validate(schema, document, limitRules(limits)).length === 0, limit: limits.cost };
}
