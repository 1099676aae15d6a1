import { GraphQLError } from 'graphql';

/** The API's error codes (API.md). Anything else reaching formatError becomes INTERNAL_SERVER_ERROR. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR';

export const EXPOSED_CODES: ReadonlySet<string> = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED']);

export class NotFound extends GraphQLError {
  constructor(what = 'object') {
    super(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
  }
}

/**
 * `httpStatus` only for refusals before execution (building the context), where the whole request
 * is refused; inside execution a refusal is one field's error and the response stays 200.
 */
export class Forbidden extends GraphQLError {
  constructor(message = 'not allowed', httpStatus?: 403) {
    super(message, { extensions: { code: 'FORBIDDEN', ...(httpStatus && { http: { status: httpStatus } }) } });
  }
}

export class Unauthenticated extends GraphQLError {
  constructor(message = 'sign in required', httpStatus?: 401) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', ...(httpStatus && { http: { status: httpStatus } }) } });
  }
}

/** `field` is the argument or input path at fault, e.g. "input.email", so a form can point at it. */
export class BadUserInput extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
}

/** `details` name the rule at fault and its figures, e.g. `{ rule: 'CAPACITY', availableDays: 2 }`. */
export class Conflict extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code: 'CONFLICT' } });
  }
}
