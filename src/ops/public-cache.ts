import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ANONYMOUS_ROOT_FIELDS } from '../auth/permissions';
import { RequestContext } from '../context/context';

/**
 * Which responses a CDN may keep (SECURITY.md D4; README, "PedEx: caching and persisted documents").
 * Every GraphQL response is `private, no-store` (server.ts) unless all of these hold, when it is
 * `public, max-age=N` instead:
 *
 * - the caller is anonymous (no Authorization header reached a viewer),
 * - the operation is a query whose root fields are all anonymous ones (ANONYMOUS_ROOT_FIELDS, or
 *   `__typename`): no introspection, no staff field,
 * - the response has no errors (a refused field, a fault, a bad variable) and is not incremental.
 *
 * Apollo's cache-control plugin is off (it costs ~28 ms on a large response and knows nothing of our
 * rule); this decides once per response from the operation's root, whatever its size. The ETag is
 * Express's (a weak one over the exact body), and Express answers a matching If-None-Match with 304.
 */
export function publicCachePlugin(options: { maxAge: number }): ApolloServerPlugin<RequestContext> {
  const cacheControl = `public, max-age=${options.maxAge}`;
  const anonymous = new Set([...ANONYMOUS_ROOT_FIELDS, '__typename']);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, document, response }) {
          if (contextValue.viewer || !operation || operation.operation !== 'query' || !document) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          if (!rootFieldsOf(operation, fragments).every((name) => anonymous.has(name))) return;
          response.http.headers.set('cache-control', cacheControl);
          // The body differs by caller (a token) and by media type (Accept): a shared cache keys on both.
          response.http.headers.set('vary', 'Accept, Authorization, X-Alliance-Id');
        },
      };
    },
  };
}

/** The root fields an operation selects, through fragments and inline fragments. */
function rootFieldsOf(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        // An unknown fragment fails validation; never public.
        if (!fragment) names.push('\u0000unknown');
        else visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}
