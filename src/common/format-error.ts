import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { hideTokenLimit } from '../limits/limits';
import { EXPOSED_CODES } from './errors';

// Apollo's own request errors: the client sent something wrong, and the message says what.
const APOLLO_CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

const isExposed = (code: unknown) => EXPOSED_CODES.has(String(code)) || APOLLO_CLIENT_CODES.has(String(code));

/**
 * A row another request holds, waited for until lock_timeout (55P03), or a change that met another
 * at the same moment and lost (a deadlock, 40P01; a serialization failure, 40001): nothing was
 * written, and the caller should try again.
 */
const TRY_AGAIN = new Set(['55P03', '40P01', '40001']);
const isLockWait = (error: unknown) => TRY_AGAIN.has(String((unwrapResolverError(error) as { driverError?: { code?: string } } | undefined)?.driverError?.code));

/**
 * Our own codes and Apollo's request errors pass through; anything else is a fault of ours and leaves
 * as a generic INTERNAL_SERVER_ERROR with no stack or SQL (SECURITY.md E1, E2). In production no
 * message suggests names ("Did you mean ...?"): Apollo hides them in validation errors only, not in
 * errors about variable values.
 */
export function createFormatError(options: { production: boolean }) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    if (isLockWait(error)) {
      return { message: 'someone else is changing this object; try again', locations: formatted.locations, path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    // Errors thrown while building the context (a bad token) would otherwise carry Apollo's prefix.
    let message = hideTokenLimit(formatted.message.replace(/^Context creation failed: /, ''));
    if (options.production) message = message.replace(/ ?Did you mean .*$/s, '');
    if (isExposed(formatted.extensions?.code)) return { ...formatted, message, extensions };
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Logs each unexpected error with the request's logger, which carries its request id. */
export const errorLoggingPlugin: ApolloServerPlugin<{ log?: { error(o: object, m: string): void } }> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (isExposed(error.extensions?.code) || isLockWait(error.originalError)) continue;
          contextValue.log?.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
        }
      },
    };
  },
};
