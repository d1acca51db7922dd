import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { requestInfoOf } from './request-info.js';
import { rootFields } from './roles.js';

/**
 * Root fields whose answers are never kept: the audit log reads the audit database, which no
 * generation of the cross-request cache follows; introspection is left to Apollo.
 */
const UNCACHED_FIELDS = new Set(['auditLog', '__schema', '__type']);

/**
 * Marks the request's recording (response-cache.ts) when its answer may be kept: a query, no
 * error, a single result, no uncached root field. http.ts decides the rest (status, upstream
 * calls, generations) once Apollo has answered.
 */
export function responseCachePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const recording = requestInfoOf(contextValue)?.responseCache;
      if (!recording) return;
      return {
        async willSendResponse({ response, operation, document }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          if (operation?.operation !== 'query' || !document) return;
          if (rootFields(document, operation.selectionSet).some((name) => UNCACHED_FIELDS.has(name))) return;
          recording.isCacheable = true;
        },
      };
    },
  };
}
