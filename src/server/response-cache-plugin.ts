import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { requestInfoOf } from './request-info.js';

/**
 * Fields whose answers are never kept, wherever they appear in the document: those that read the
 * audit database (auditLog, Enrollment.history, Event.dispatchedBy/canceledBy), which no
 * generation of the cross-request cache follows (a write's audit row completes after its cache
 * invalidation); introspection is left to Apollo. By name, on any type: stricter, never looser.
 */
const UNCACHED_FIELDS = new Set(['auditLog', 'history', 'dispatchedBy', 'canceledBy', '__schema', '__type']);

/**
 * Marks the request's recording (response-cache.ts) when its answer may be kept: a query, no
 * error, a single result, no uncached field. http.ts decides the rest (status, upstream calls,
 * generations) once Apollo has answered.
 */
export function responseCachePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const recording = requestInfoOf(contextValue)?.responseCache;
      if (!recording) return;
      return {
        async willSendResponse({ response, operation, document }) {
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          if (operation?.operation !== 'query' || !document || readsUncachedField(document)) return;
          recording.isCacheable = true;
        },
      };
    },
  };
}

function readsUncachedField(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!UNCACHED_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
