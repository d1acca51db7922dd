import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * GRAPHQL_EXECUTOR=jit: executes operations with graphql-jit behind Apollo Server's executor
 * interface (the gateway hooks, which are how Apollo Server 5 takes another executor): each
 * document is compiled once into a function and then run like graphql-js's execute, with the same
 * resolvers, context and scalars. Apollo still parses, validates, runs the plugins (auth, roles,
 * cost, logs) and formats errors; only execution changes. Measured (issue 9, test/bench/
 * README.md): the warm program dashboard answers 1.6-2x the requests per second, with
 * byte-identical answers (test/server/executor.test.ts), but the warm 50,000-site program's
 * resident memory settles about 400 MB higher than with graphql-js under the same load (issue 20:
 * 866-1,017 MB against 509-546 MB; not a cache of compiled queries, one per document here). So
 * it is opt-in; graphql-js's execute stays the default.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  /** Apollo hands the same DocumentNode to every request with the same query text. */
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (!query) {
      query = compileQuery<Record<string, unknown>, Record<string, unknown>>(
        schema,
        document,
        operationName ?? undefined,
      );
      byOperation.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    // Variables are checked by graphql-js first, as its execute would: its errors (with the
    // variable's node) are what Apollo answers as BAD_USER_INPUT with HTTP 400; graphql-jit's own
    // are plain errors that would be masked as internal ones.
    const inputs = requestContext.request.variables ?? {};
    const coerced = getVariableValues(schema, requestContext.operation.variableDefinitions ?? [], inputs);
    if (coerced.errors) return { errors: coerced.errors };
    const query = compiledFor(requestContext.document, requestContext.operationName);
    // Not compiled: an unknown operation name and the like, reported as graphql-js would.
    if (!isCompiledQuery(query)) return query;
    return query.query(undefined, requestContext.context, inputs);
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
