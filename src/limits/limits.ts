import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, ValidationContext, ValidationRule } from 'graphql';
import { RequestContext } from '../context/context';

export interface Limits {
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
}

/**
 * Signed-in staff and analysts write their own queries; the anonymous PedEx surface needs far less.
 * graphql-armor's cost multiplies by a literal `first` at each level: alliances(first: 50) with
 * memberSchools(first: 50) costs about 520,000 (`npm run bench` prints the costs), so the signed-in
 * limit admits a 50 × 50 nested page and little more.
 */
export const SIGNED_IN_LIMITS: Limits = { depth: 12, cost: 600_000, aliases: 30, directives: 20, tokens: 4000 };
export const ANONYMOUS_LIMITS: Limits = { depth: 7, cost: 20_000, aliases: 5, directives: 5, tokens: 1000 };

/** graphql-armor's rules; fragments are flattened so that they cannot hide depth or cost, and limits are not exposed. */
export function limitRules(limits: Limits): ValidationRule[] {
  // Reported as validation errors: thrown ones would surface as internal errors.
  const report = { exposeLimits: false, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  const common = { ...report, flattenFragments: true, ignoreIntrospection: true };
  return [
    maxDepthRule({ n: limits.depth, ...common }),
    costLimitRule({ maxCost: limits.cost, ...common }),
    maxAliasesRule({ n: limits.aliases, ...report }),
    maxDirectivesRule({ n: limits.directives, ...report }),
  ];
}

const tooLarge = () => new GraphQLError('Query is too large.', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/**
 * Apollo validates every request against the signed-in limits. Validation rules cannot depend on
 * the caller, so anonymous requests are validated a second time, once the context is known, against
 * the stricter limits; in production they may not introspect either (SECURITY.md L1, E3).
 */
export function anonymousLimitsPlugin(options: { production: boolean }): ApolloServerPlugin<RequestContext> {
  const rules = [...limitRules(ANONYMOUS_LIMITS), ...(options.production ? [NoSchemaIntrospectionCustomRule] : [])];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, source }) {
          if (contextValue.viewer) return;
          try {
            new MaxTokensParserWLexer(source, { n: ANONYMOUS_LIMITS.tokens, exposeLimits: false }).parseDocument();
          } catch {
            throw tooLarge();
          }
          const errors = validate(schema, document, rules);
          if (errors.length) throw new GraphQLError(errors[0].message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
        },
      };
    },
  };
}

/** graphql-js names the token limit in its parse error; the caller is told only that the query is too large. */
export function hideTokenLimit(message: string): string {
  return /\d+ tokens/i.test(message) ? 'Query is too large.' : message;
}
