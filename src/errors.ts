import { GraphQLError } from 'graphql';

/**
 * The contract's error codes (../shared/contract/schema-contract.graphql header), defined once.
 * Codes are for programs and never change meaning; messages are for people.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_OUTCOME_UNKNOWN',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending input of a validation failure (`extensions.fields`, issue 14 section 4). */
export interface FieldError {
  /** The input's path in GraphQL argument names, e.g. `input.actions[0].startsAt` or `to`. */
  path: string;
  /** For people: what is wrong with this input. */
  message: string;
  /** For programs: the contract's code of this input's failure (BAD_USER_INPUT, NOT_FOUND, ...). */
  code: ErrorCode;
}

/** The only extensions a ServiceError may carry besides its code. */
export interface ErrorDetails {
  /** For BAD_USER_INPUT: the offending input paths, e.g. `input.targets[2].id` or `body.status`. */
  fieldPaths?: string[];
  /**
   * One entry per offending input, beside fieldPaths. When absent, the answer derives one entry
   * per fieldPath with the error's message and code (server/format-error.ts).
   */
  fields?: FieldError[];
  /** For RATE_LIMITED: seconds the caller should wait. */
  retryAfterS?: number;
  /** For INTERNAL_SERVER_ERROR and upstream failures: the request id to quote to support. */
  requestId?: string;
  /**
   * For a refused limit (page size, depth, aliases, directives, tokens, cost): the maximum, the
   * value the request reached, and the setting that holds the maximum (`MAX_PAGE_SIZE`...).
   */
  limit?: number;
  actual?: number;
  limitName?: string;
}

/** Every expected failure of the service. Anything else reaching the caller is a bug. */
export class ServiceError extends GraphQLError {
  readonly code: ErrorCode;
  /**
   * What Flip said about a refused request (its validation messages, already trimmed and
   * masked): for the log line of the operation, never for the caller (issue 18 section 4).
   */
  readonly upstreamDetail?: string;

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    internal: { upstreamDetail?: string } = {},
  ) {
    super(message, { extensions: { code, ...stripUndefined(details) } });
    this.code = code;
    this.name = 'ServiceError';
    if (internal.upstreamDetail) this.upstreamDetail = internal.upstreamDetail;
  }
}

/** True for a ServiceError, also across module copies (compares the shape, not the class). */
export function isServiceError(e: unknown): e is ServiceError {
  return (
    e instanceof GraphQLError &&
    typeof e.extensions?.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(e.extensions.code) &&
    'code' in e
  );
}

/** The code of any error: a ServiceError's own, otherwise INTERNAL_SERVER_ERROR. */
export function errorCodeOf(e: unknown): ErrorCode {
  return isServiceError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
}

/** For exhaustive switches. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

function stripUndefined(details: ErrorDetails): ErrorDetails {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}
