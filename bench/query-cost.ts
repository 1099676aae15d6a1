import { GraphQLSchema, parse, validate } from 'graphql';
import { limitRules, queryCost, SIGNED_IN_LIMITS } from '../src/limits/limits';

export interface CostCheck {
  /** The cost the server computes for the query (see queryCost in src/limits). */
  cost: number;
  /** Whether the server's limits for signed-in callers accept the query. */
  accepted: boolean;
}

/** Checks a query against the limits the server applies, before any load is sent. */
export function checkLimits(schema: GraphQLSchema, query: string): CostCheck {
  const document = parse(query);
  const cost = queryCost(schema, document);
  return { cost, accepted: cost <= SIGNED_IN_LIMITS.cost && validate(schema, document, limitRules(SIGNED_IN_LIMITS)).length === 0 };
}
