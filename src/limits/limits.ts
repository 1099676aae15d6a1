import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode, getNamedType, getNullableType, GraphQLError, GraphQLSchema, isListType, NoSchemaIntrospectionCustomRule, validate, ValidationContext, ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/connection';
import { RequestContext } from '../context/context';

export interface Limits {
  depth: number;
  /** Roughly the number of values a response may hold; see queryCost. */
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
}

/** Signed-in staff and analysts write their own queries (a 50 × 50 nested page fits); the anonymous PedEx surface needs far less. */
export const SIGNED_IN_LIMITS: Limits = { depth: 12, cost: 50_000, aliases: 30, directives: 20, tokens: 4000 };
export const ANONYMOUS_LIMITS: Limits = { depth: 7, cost: 5_000, aliases: 5, directives: 5, tokens: 1000 };

/** What a page can hold: the default when left out, and the most allowed when the value is not a valid page size (the resolver then refuses it, but the cost must not shrink). */
function pageSize(first: unknown): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  return typeof first === 'number' && Number.isInteger(first) && first >= 0 && first <= MAX_PAGE_SIZE ? first : MAX_PAGE_SIZE;
}

/** A plain list without paging (tariffs, a school's memberships) is short; count it as this many. */
const PLAIN_LIST_SIZE = 10;

/**
 * Each field costs 1 plus its children, times the number of items it can return: `first` for a
 * connection (with its default when left out, and from the variables when passed as one), the ids
 * for nodes(ids). Computed with the request's variables, so `first: $n` cannot hide the page size.
 */
const pageAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  const named = getNamedType(field.type).name;
  let items = 1;
  if (named.endsWith('Connection')) items = pageSize(args.first);
  else if (Array.isArray(args.ids)) items = args.ids.length;
  else if (isListType(type) && !named.endsWith('Edge')) items = PLAIN_LIST_SIZE;
  return 1 + items * childComplexity;
};

export function queryCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [pageAwareEstimator] });
}

/** graphql-armor's depth, alias and directive rules; fragments are flattened so they cannot hide depth, and limits are not exposed. */
export function limitRules(limits: Limits): ValidationRule[] {
  // Reported as validation errors: thrown ones would surface as internal errors.
  const report = { exposeLimits: false, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: limits.depth, flattenFragments: true, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: limits.aliases, ...report }),
    maxDirectivesRule({ n: limits.directives, ...report }),
  ];
}

const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/**
 * Apollo validates every request against the signed-in depth, alias and directive limits. Cost
 * needs the variables, and the stricter anonymous limits need the caller, so both are checked here,
 * once the operation and the context are known (SECURITY.md L1, E3).
 */
export function limitsPlugin(options: { production: boolean }): ApolloServerPlugin<RequestContext> {
  const anonymousRules = [...limitRules(ANONYMOUS_LIMITS), ...(options.production ? [NoSchemaIntrospectionCustomRule] : [])];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, source, request, operationName }) {
          const anonymous = !contextValue.viewer;
          const limits = anonymous ? ANONYMOUS_LIMITS : SIGNED_IN_LIMITS;
          if (anonymous) {
            try {
              new MaxTokensParserWLexer(source, { n: ANONYMOUS_LIMITS.tokens, exposeLimits: false }).parseDocument();
            } catch {
              throw refused('Query is too large.');
            }
            const errors = validate(schema, document, anonymousRules);
            if (errors.length) throw refused(errors[0].message);
          }
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch {
            // Variables that do not fit the operation are reported by execution, with their own code.
            return;
          }
          if (cost > limits.cost) throw refused('Query is too complex.');
        },
      };
    },
  };
}

/** graphql-js names the token limit in its parse error; the caller is told only that the query is too large. */
export function hideTokenLimit(message: string): string {
  return /\d+ tokens/i.test(message) ? 'Query is too large.' : message;
}
