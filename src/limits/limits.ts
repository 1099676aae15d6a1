import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode, getIntrospectionQuery, getNamedType, getNullableType, GraphQLError, GraphQLSchema, isInputObjectType, isInterfaceType, isListType, isObjectType, isEnumType,
  MaxIntrospectionDepthRule, NoSchemaIntrospectionCustomRule, parse, validate, ValidationContext, ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/connection';
import { RequestContext } from '../context/context';
import { budgetKey, budgetPoints, RequestBudget } from './request-budget';
import { limitsFor } from './role-limits';

export interface Limits {
  depth: number;
  /** Roughly the number of values a response may hold; see queryCost. */
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
}

/**
 * Signed-in staff (coordinators, heads, practitioners, platform admins, and anyone signed in acting
 * for no alliance) run the front ends' deep documents and their own queries: a 50 × 50 nested page fits.
 */
export const SIGNED_IN_LIMITS: Limits = { depth: 12, cost: 50_000, aliases: 30, directives: 20, tokens: 4000 };
/**
 * Analysts write wide queries: twice the staff's cost (a full 100-row page of 100-row pages, or
 * several large aggregates side by side), and the staff's nesting, so that a refusal of a staff-only
 * field stays the FORBIDDEN it is for everyone rather than a limit's (role-limits.ts).
 */
export const ANALYST_LIMITS: Limits = { depth: 12, cost: 100_000, aliases: 30, directives: 20, tokens: 4000 };
/** The anonymous PedEx surface needs far less. */
export const ANONYMOUS_LIMITS: Limits = { depth: 7, cost: 5_000, aliases: 5, directives: 5, tokens: 1000 };

/** The loosest of each limit over every caller class: what Apollo checks for everyone before the caller is known; each class's own limits are checked once it is (limitsPlugin). */
export const LOOSEST_LIMITS: Limits = (['depth', 'cost', 'aliases', 'directives', 'tokens'] as const).reduce(
  (loosest, key) => ({ ...loosest, [key]: Math.max(SIGNED_IN_LIMITS[key], ANALYST_LIMITS[key], ANONYMOUS_LIMITS[key]) }),
  { ...SIGNED_IN_LIMITS },
);

/** The refusal of a query over any limit: never the numbers (SECURITY.md L1). */
export const TOO_COMPLEX = 'Query is too complex: reduce page sizes or nesting.';

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

const isIntrospectionField = (parentName: string, fieldName: string) => parentName.startsWith('__') || fieldName === '__schema' || fieldName === '__type';

/** The cost of the API's data: introspection fields are left to introspectionCost. */
export function queryCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  const dataOnly: ComplexityEstimator = (options) => (isIntrospectionField(options.type.name, options.field.name) ? 0 : pageAwareEstimator(options));
  return getComplexity({ schema, query, variables, operationName, estimators: [dataOnly] });
}

interface SchemaSizes {
  types: number;
  directives: number;
  fields: number;
  inputFields: number;
  enumValues: number;
  interfaces: number;
  possibleTypes: number;
  args: number;
  /** What the standard introspection query (every option on, as GraphiQL and codegen send it) costs on this schema. */
  standardCost: number;
}
const sizesOf = new WeakMap<GraphQLSchema, SchemaSizes>();

/**
 * Introspection is priced by the schema's real sizes (how many types, the most fields of any type,
 * the most arguments of any field, ...), so its cost is what the answer can actually hold: the
 * standard query is a few thousand, while nesting `fields { type { fields ... } }` multiplies by the
 * widest type at every level and is refused.
 */
function schemaSizes(schema: GraphQLSchema): SchemaSizes {
  let sizes = sizesOf.get(schema);
  if (sizes) return sizes;
  const types = Object.values(schema.getTypeMap());
  const most = (count: (t: (typeof types)[number]) => number) => Math.max(1, ...types.map(count));
  const fieldsOf = (t: (typeof types)[number]) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []);
  const partial = {
    types: types.length,
    directives: schema.getDirectives().length,
    fields: most((t) => fieldsOf(t).length),
    inputFields: most((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)),
    enumValues: most((t) => (isEnumType(t) ? t.getValues().length : 0)),
    interfaces: most((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0)),
    possibleTypes: most((t) => (isInterfaceType(t) ? schema.getPossibleTypes(t).length : 0)),
    args: Math.max(1, ...types.flatMap((t) => fieldsOf(t).map((f) => f.args.length)), ...schema.getDirectives().map((d) => d.args.length)),
    standardCost: 0,
  };
  sizes = partial;
  sizesOf.set(schema, sizes);
  sizes.standardCost = introspectionCost(schema, parse(getIntrospectionQuery(STANDARD_INTROSPECTION)));
  return sizes;
}

/** Every option graphql-js offers: what GraphiQL and codegen send. */
export const STANDARD_INTROSPECTION = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true } as const;

/** Introspection may cost this many times the standard query on the same schema: room for tools' variants, never a nested walk. */
export const INTROSPECTION_HEADROOM = 2;

export function introspectionCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  const sizes = schemaSizes(schema);
  const listSize: Record<string, number> = {
    types: sizes.types, directives: sizes.directives, fields: sizes.fields, inputFields: sizes.inputFields, enumValues: sizes.enumValues,
    interfaces: sizes.interfaces, possibleTypes: sizes.possibleTypes, args: sizes.args,
  };
  const estimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
    if (!isIntrospectionField(type.name, field.name)) return 0;
    const items = isListType(getNullableType(field.type)) ? (listSize[field.name] ?? PLAIN_LIST_SIZE) : 1;
    return 1 + items * childComplexity;
  };
  return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
}

/** The most an operation's introspection may cost on this schema. */
export const introspectionBudget = (schema: GraphQLSchema) => INTROSPECTION_HEADROOM * schemaSizes(schema).standardCost;

/** graphql-armor's depth, alias and directive rules; fragments are flattened so they cannot hide depth, and limits are not exposed. */
export function limitRules(limits: Limits): ValidationRule[] {
  // Reported as validation errors: thrown ones would surface as internal errors.
  const report = { exposeLimits: false, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: limits.depth, flattenFragments: true, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: limits.aliases, ...report }),
    maxDirectivesRule({ n: limits.directives, ...report }),
    // graphql-js's own bound on introspection cycles (fields { type { fields ... } } and the like).
    MaxIntrospectionDepthRule,
  ];
}

const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

export interface LimitsPluginOptions {
  production: boolean;
  /** The per-caller request budget (request-budget.ts); absent: off. */
  budget?: RequestBudget;
}

/**
 * Apollo validates every request against the loosest depth, alias and directive limits of any
 * caller class. Cost needs the variables, and each class's own limits need the caller, so they are
 * checked here, once the operation and the context are known, and before any resolver, so a query
 * over its limits runs no SQL (SECURITY.md L1, E3). A query within them then spends from its
 * caller's request budget, in proportion to its cost (L5).
 */
export function limitsPlugin(options: LimitsPluginOptions): ApolloServerPlugin<RequestContext> {
  const rulesOf = new Map<Limits, ValidationRule[]>();
  const classRules = (limits: Limits) => {
    let rules = rulesOf.get(limits);
    if (!rules) {
      rules = [...limitRules(limits), ...(limits === ANONYMOUS_LIMITS && options.production ? [NoSchemaIntrospectionCustomRule] : [])];
      rulesOf.set(limits, rules);
    }
    return rules;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, source, request, operationName }) {
          const limits = limitsFor(contextValue);
          if (limits.tokens < LOOSEST_LIMITS.tokens) {
            try {
              new MaxTokensParserWLexer(source, { n: limits.tokens, exposeLimits: false }).parseDocument();
            } catch {
              throw refused('Query is too large.');
            }
          }
          const stricter = limits.depth < LOOSEST_LIMITS.depth || limits.aliases < LOOSEST_LIMITS.aliases || limits.directives < LOOSEST_LIMITS.directives;
          if (stricter || limits === ANONYMOUS_LIMITS) {
            const errors = validate(schema, document, classRules(limits));
            if (errors.length) throw refused(errors[0].message);
          }
          let cost: number;
          let introspection: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
            introspection = introspectionCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch {
            // Variables that do not fit the operation are reported by execution, with their own code.
            return;
          }
          // Two budgets: the data a query asks for, and the introspection, priced by the schema's real sizes.
          if (cost > limits.cost || introspection > introspectionBudget(schema)) throw refused(TOO_COMPLEX);
          if (options.budget) await options.budget.spend(budgetKey(contextValue), budgetPoints(cost));
        },
      };
    },
  };
}

/** graphql-js names the token limit in its parse error; the caller is told only that the query is too large. */
export function hideTokenLimit(message: string): string {
  return /\d+ tokens/i.test(message) ? 'Query is too large.' : message;
}
