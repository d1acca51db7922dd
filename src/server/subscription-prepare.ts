import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { isServiceError, ServiceError } from '../errors.js';
import { checkOperationInputs } from '../graphql/index.js';
import type { Authenticator, Caller } from './auth.js';
import type { CostCheck } from './limits.js';
import { attachRequestInfo, type HttpRequestInfo } from './request-info.js';
import { roleRefusal } from './roles.js';
import { createSharedSubscribe } from './shared-execution.js';
import type { TrustedDocuments } from './trusted-documents.js';

export interface SubscriptionPreparerOptions {
  schema: GraphQLSchema;
  authenticator?: Authenticator;
  createContext(req: HttpRequestInfo): Promise<object> | object;
  validationRules?: ValidationRule[];
  parseOptions?: ParseOptions;
  trustedDocuments?: TrustedDocuments;
  /** MAX_PAGE_SIZE and MAX_COST as over HTTP (limits.ts). */
  checkCost?: CostCheck;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export interface SubscribeRequest {
  payload: {
    query?: unknown;
    variables?: Record<string, unknown> | null;
    operationName?: string | null;
    extensions?: unknown;
  };
  caller: Caller | null;
  headers: IncomingHttpHeaders;
  /** Closes the transport's connection (a consumer too slow for its queue). */
  onSlowConsumer(): void;
}

export interface SubscriptionPreparer {
  /** The caller of an Authorization value, null with auth off. Throws ServiceError (UNAUTHENTICATED...). */
  authenticate(authorization: unknown): Promise<Caller | null>;
  /**
   * What HTTP applies before execution, for a subscription of either transport (WebSocket, SSE):
   * trusted documents, the parser's token limit, validation with the limits' rules, "subscriptions
   * only", roles, the edge's input checks and the cost limit; then a fresh context. GraphQL errors to answer, or
   * the execution arguments. Throws ServiceError.
   */
  prepare(request: SubscribeRequest): Promise<ExecutionArgs | readonly GraphQLError[]>;
  /** Error masking as HTTP (format-error.ts). */
  format(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  /**
   * graphql-js's subscribe for the prepared arguments, each event executed once per distinct
   * (document, operation, variables, role) and shared (shared-execution.ts).
   */
  subscribe: ReturnType<typeof createSharedSubscribe>;
}

export function createSubscriptionPreparer(options: SubscriptionPreparerOptions): SubscriptionPreparer {
  const rules = [...specifiedRules, ...(options.validationRules ?? [])];
  /** What makes two subscriptions' results for one event the same (per prepared context). */
  const sharingKeys = new WeakMap<object, string>();

  function trustedQuery(payload: SubscribeRequest['payload'], caller: Caller | null): string {
    const decision = options.trustedDocuments?.check({
      method: 'POST',
      search: '',
      body: payload,
      caller,
    }) ?? {
      kind: 'pass' as const,
      body: payload,
    };
    if (decision.kind === 'refuse')
      throw new GraphQLError(decision.message, { extensions: { code: decision.code } });
    const query = (decision.body as { query?: unknown }).query;
    if (typeof query !== 'string')
      throw new ServiceError('BAD_USER_INPUT', 'The subscription carries no document.');
    return query;
  }

  return {
    async authenticate(authorization) {
      if (!options.authenticator) return null;
      return options.authenticator.authenticate(
        typeof authorization === 'string' ? authorization : undefined,
      );
    },
    async prepare({ payload, caller, headers, onSlowConsumer }) {
      const query = trustedQuery(payload, caller);
      let document: DocumentNode;
      try {
        document = parse(query, options.parseOptions);
      } catch (error) {
        return [asGraphQLError(error)];
      }
      const errors = validate(options.schema, document, rules);
      if (errors.length > 0) return errors;
      const operationName = payload.operationName ?? undefined;
      const operation = getOperationAST(document, operationName);
      if (!operation) throw new ServiceError('BAD_USER_INPUT', 'The document names no operation to run.');
      if (operation.operation !== 'subscription') {
        throw new ServiceError(
          'BAD_USER_INPUT',
          'Only subscriptions run here; send queries and mutations over HTTP.',
        );
      }
      if (options.authenticator && caller) {
        const refusal = roleRefusal(caller.role, document, operation);
        if (refusal) throw refusal;
      }
      const variables = payload.variables ?? {};
      checkOperationInputs(options.schema, document, variables);
      // Priced per subscribe like an HTTP operation: one subscription's selection is read per
      // message, and a caller may open MAX_SUBSCRIPTIONS_PER_CONNECTION of them.
      options.checkCost?.({ schema: options.schema, document, operationName, variables });
      const info: HttpRequestInfo = { requestId: randomUUID(), headers, caller, onSlowConsumer };
      const contextValue = await options.createContext(info);
      attachRequestInfo(contextValue, info);
      sharingKeys.set(
        contextValue,
        JSON.stringify([query, operationName ?? null, variables, caller?.role ?? null]),
      );
      return { schema: options.schema, document, operationName, variableValues: variables, contextValue };
    },
    format: (errors) => errors.map((error) => options.formatError(error.toJSON(), error)),
    subscribe: createSharedSubscribe((args) =>
      typeof args.contextValue === 'object' && args.contextValue !== null
        ? sharingKeys.get(args.contextValue)
        : undefined,
    ),
  };
}

export function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isServiceError(error)) return error;
  return new GraphQLError('Internal server error.', {
    originalError: error instanceof Error ? error : undefined,
  });
}
