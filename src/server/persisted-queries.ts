import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';

/**
 * Automatic persisted queries (Apollo's APQ, on by default) fail with a PERSISTED_QUERY_* code and
 * HTTP 400: unknown hash PERSISTED_QUERY_NOT_FOUND, unsupported version
 * PERSISTED_QUERY_NOT_SUPPORTED, a hash that is not the query's PERSISTED_QUERY_HASH_MISMATCH
 * (Apollo Router's code). Apollo answers the first with 200 and the other two without a code,
 * which formatError took for a bug (INTERNAL_SERVER_ERROR, logged with its stack).
 */
export const PERSISTED_QUERY_CODES = [
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
] as const;

const MESSAGES: Record<(typeof PERSISTED_QUERY_CODES)[number], string> = {
  PERSISTED_QUERY_NOT_FOUND: 'PersistedQueryNotFound',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Only persisted query version 1 is supported.',
  PERSISTED_QUERY_HASH_MISMATCH: 'The persisted query hash is not the SHA-256 of the query.',
};

export function persistedQueryPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ request, document, errors }) {
          const persisted = (request.extensions as { persistedQuery?: { version?: unknown } } | undefined)
            ?.persistedQuery;
          if (!persisted) return;
          for (const error of errors) {
            const code = codeOf(error, persisted.version, document !== undefined);
            if (code === null) continue;
            const extensions = error.extensions as Record<string, unknown>;
            extensions.code = code;
            extensions.http = { status: 400 };
            (error as { message: string }).message = MESSAGES[code];
          }
        },
      };
    },
  };
}

/**
 * The code of a persisted-query failure, or null for any other error. Apollo's two uncoded
 * failures come before the document exists, with a persistedQuery extension: the version decides.
 */
function codeOf(
  error: GraphQLError,
  version: unknown,
  hasDocument: boolean,
): (typeof PERSISTED_QUERY_CODES)[number] | null {
  const code = error.extensions.code;
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED') return code;
  if (code !== undefined || hasDocument) return null;
  return version === 1 ? 'PERSISTED_QUERY_HASH_MISMATCH' : 'PERSISTED_QUERY_NOT_SUPPORTED';
}
