import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isServiceError } from '../errors.js';
import { checkOperationInputs, inputPathOf } from '../graphql/index.js';
import { withHttpStatus } from './format-error.js';

/**
 * Ids, names and date-times checked at the edge (graphql/input-checks.ts), for every operation,
 * before any resolver runs: BAD_USER_INPUT with fieldPaths and HTTP 400, nothing sent upstream.
 * A literal the DateTime scalar refuses while the document is validated gets its argument path
 * here (the scalar sees only its value); formatError then answers it with the scalar's code.
 */
export function inputChecksPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors?: readonly Error[]) => {
            for (const error of errors ?? []) {
              if (error instanceof GraphQLError) nameLiteralPath(document, error);
            }
          };
        },
        async didResolveOperation({ request, document, schema }) {
          try {
            checkOperationInputs(schema, document, request.variables ?? {});
          } catch (err) {
            throw isServiceError(err) ? withHttpStatus(err, 400) : err;
          }
        },
      };
    },
  };
}

function nameLiteralPath(document: Parameters<typeof inputPathOf>[0], error: GraphQLError): void {
  const node = error.nodes?.[0];
  if (error.extensions.code !== 'BAD_USER_INPUT' || !node || error.extensions.fieldPaths) return;
  const path = inputPathOf(document, node);
  if (path !== null) (error.extensions as Record<string, unknown>).fieldPaths = [path];
}
