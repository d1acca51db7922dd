import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, type ErrorCode, type FieldError } from '../errors.js';
import type { Logger } from './logger.js';
import { PERSISTED_QUERY_CODES } from './persisted-queries.js';

/**
 * Every `extensions.code` the service answers with (the README's "Error codes" lists them all):
 * the contract's, and graphql-js / Apollo codes that are expected and pass through unchanged.
 */
export const ANSWERED_CODES: readonly string[] = [
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  ...PERSISTED_QUERY_CODES,
];
const PASS_THROUGH_CODES = new Set<string>(ANSWERED_CODES);

// formatError gets no context; the operation plugin records each error's request id here first
// (didEncounterErrors runs before formatting, with the same error objects).
const requestIdByError = new WeakMap<object, string>();

/** Remembers the request id of errors about to be formatted (called from didEncounterErrors). */
export function rememberRequestId(errors: readonly GraphQLError[], requestId: string): void {
  for (const error of errors) requestIdByError.set(error, requestId);
}

/**
 * Sets the HTTP status Apollo answers with when this error ends a request before execution
 * (Apollo reads `extensions.http` and removes it from the response).
 */
export function withHttpStatus<T extends GraphQLError>(error: T, status: number): T {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}

/**
 * Apollo's formatError: expected errors keep their message, code and allowed details; anything
 * else is a bug, logged once and answered as INTERNAL_SERVER_ERROR with a generic message and
 * the request id. Never throws; never lets a stack trace, upstream body or secret through.
 */
export function createFormatError(logger: Logger, options: { hideSuggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const code = codeOf(formatted, error);
      const requestId = requestIdOf(error);
      if (PASS_THROUGH_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
        const message = options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
        return {
          message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: pickExtensions(formatted.extensions ?? {}, code, message),
        };
      }
      const original = unwrapResolverError(error);
      logger.error(
        { err: original, path: formatted.path, requestId },
        'unexpected error answered as INTERNAL_SERVER_ERROR',
      );
      return {
        message: 'Internal server error.' + (requestId ? ` Quote request id ${requestId} to support.` : ''),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
      };
    } catch {
      return { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  };
}

/**
 * graphql-js suggests names of fields, arguments, types, input fields and enum values ("Did you
 * mean "first"?", "Did you mean the enum value "ACTIVE"?"), in validation and in variable
 * coercion alike: in production they would map the schema for a caller without introspection.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trim();
}

/**
 * The code to answer with. A scalar's BAD_USER_INPUT raised while the document is validated (an
 * impossible DateTime literal, given its fieldPaths by input-checks.ts) keeps its code: Apollo
 * files every validation error under GRAPHQL_VALIDATION_FAILED. So does a refused limit (depth,
 * aliases, directives while validating; tokens while parsing: limits.ts), which names its limit.
 */
function codeOf(formatted: GraphQLFormattedError, error: unknown): string {
  const code = String(formatted.extensions?.code ?? '');
  const original = (error as { originalError?: { extensions?: Record<string, unknown> } } | null)
    ?.originalError?.extensions;
  const isInputError =
    original?.code === 'BAD_USER_INPUT' &&
    (Array.isArray(original.fieldPaths) || typeof original.limit === 'number');
  const isEdgeError = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED';
  return isEdgeError && isInputError ? 'BAD_USER_INPUT' : code;
}

function pickExtensions(
  ext: Record<string, unknown>,
  code: string,
  message: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { code };
  if (Array.isArray(ext.fieldPaths)) {
    out.fieldPaths = ext.fieldPaths;
    out.fields = fieldsOf(ext, code, message);
  }
  if (typeof ext.retryAfterS === 'number') out.retryAfterS = ext.retryAfterS;
  if (typeof ext.requestId === 'string') out.requestId = ext.requestId;
  if (typeof ext.limit === 'number') out.limit = ext.limit;
  if (typeof ext.actual === 'number') out.actual = ext.actual;
  if (typeof ext.limitName === 'string') out.limitName = ext.limitName;
  return out;
}

/**
 * `extensions.fields` (issue 14 section 4): one `{ path, message, code }` per offending input,
 * as the error gave them (writes' Violations, upstream paths mapped to input paths), else one per
 * fieldPath with the error's message and code. Only those three keys leave, as strings.
 */
function fieldsOf(ext: Record<string, unknown>, code: string, message: string): FieldError[] {
  const given = Array.isArray(ext.fields) ? ext.fields.filter(isFieldError) : [];
  if (given.length > 0) return given.map(({ path, message: m, code: c }) => ({ path, message: m, code: c }));
  return (ext.fieldPaths as unknown[]).map((path) => ({
    path: String(path),
    message,
    code: code as ErrorCode,
  }));
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as Partial<FieldError> | null;
  return (
    typeof v?.path === 'string' &&
    typeof v.message === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code as string)
  );
}

function requestIdOf(error: unknown): string | undefined {
  const remembered = error !== null && typeof error === 'object' ? requestIdByError.get(error) : undefined;
  if (remembered) return remembered;
  const ext = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  return typeof ext?.requestId === 'string' ? ext.requestId : undefined;
}
