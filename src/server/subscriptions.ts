import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
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
import type { Context as WsContext, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config.js';
import { errorCodeOf, isServiceError, ServiceError } from '../errors.js';
import { checkOperationInputs } from '../graphql/index.js';
import type { Authenticator, Caller } from './auth.js';
import type { Logger } from './logger.js';
import { attachRequestInfo, type HttpRequestInfo } from './request-info.js';
import { roleRefusal } from './roles.js';
import type { TrustedDocuments } from './trusted-documents.js';

/** A consumer that fell SUBSCRIPTION_QUEUE_MAX messages behind is closed with this (RFC 6455 "try again later"). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
/** How long a closed slow consumer has to complete the close handshake before it is cut. */
const CLOSE_HANDSHAKE_MS = 5_000;
/** Close code of a shutdown (RFC 6455 "going away"): clients reconnect, to another instance. */
export const GOING_AWAY_CLOSE_CODE = 1001;

export interface SubscriptionServerOptions {
  config: Readonly<Config>;
  schema: GraphQLSchema;
  logger: Logger;
  authenticator?: Authenticator;
  createContext(req: HttpRequestInfo): Promise<object> | object;
  validationRules?: ValidationRule[];
  parseOptions?: ParseOptions;
  trustedDocuments?: TrustedDocuments;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Open WebSocket connections (metrics). */
  connections?: { set(n: number): void };
}

export interface SubscriptionServer {
  /** Handles the HTTP upgrade of `/graphql`; attach it to the node:http server. */
  attach(httpServer: Server): void;
  /** Stops accepting and closes every socket with 1001 (going away). */
  close(): Promise<void>;
}

type ConnectionExtra = {
  socket: WebSocket;
  request: IncomingMessage;
  caller?: Caller | null;
};

/**
 * GraphQL over WebSocket (graphql-ws, the protocol of Apollo's GraphQLWsLink and urql) on the
 * same port and path as HTTP: the API key or JWT in `connectionParams.authorization`, checked at
 * connect and again at each subscribe; the same roles, validation limits, input checks, trusted
 * documents and error masking as HTTP. Only subscriptions: queries and mutations go over HTTP,
 * where the cost limit, operation log and idempotency live.
 */
export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { config, logger } = options;
  const limits = config.live;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxBodyBytes });
  const rules = [...specifiedRules, ...(options.validationRules ?? [])];
  let isClosing = false;

  const authenticate = async (params: Record<string, unknown> | undefined): Promise<Caller | null> => {
    if (!options.authenticator) return null;
    const value = params?.authorization ?? params?.Authorization;
    return options.authenticator.authenticate(typeof value === 'string' ? value : undefined);
  };

  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => options.formatError(error.toJSON(), error));

  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: options.schema,
      async onConnect(ctx) {
        try {
          ctx.extra.caller = await authenticate(ctx.connectionParams);
          return true;
        } catch (error) {
          logger.info({ code: errorCodeOf(error) }, 'subscription connection refused');
          // graphql-ws closes with 4403 Forbidden.
          return false;
        }
      },
      async onSubscribe(ctx, _id, payload) {
        try {
          return await prepare(ctx, payload);
        } catch (error) {
          return [asGraphQLError(error)];
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
    limits.keepAliveMs > 0 ? limits.keepAliveMs : 0,
  );

  async function prepare(
    ctx: WsContext<Record<string, unknown> | undefined, ConnectionExtra>,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    // graphql-ws has registered this subscription's id already.
    if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
      throw new ServiceError(
        'RATE_LIMITED',
        `At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection (MAX_SUBSCRIPTIONS_PER_CONNECTION).`,
      );
    }
    // Again at each subscribe: a token may have expired or a key been revoked since connect.
    const caller = await authenticate(ctx.connectionParams);
    const query = trustedQuery(payload, caller);
    let document: DocumentNode;
    try {
      document = parse(query, options.parseOptions);
    } catch (error) {
      return [asGraphQLError(error)];
    }
    const errors = validate(options.schema, document, rules);
    if (errors.length > 0) return errors;
    const operation = getOperationAST(document, payload.operationName);
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
    const socket = ctx.extra.socket;
    const info: HttpRequestInfo = {
      requestId: randomUUID(),
      headers: ctx.extra.request.headers,
      caller,
      onSlowConsumer: () => {
        logger.warn({ limit: limits.queueMax }, 'slow subscriber: closing its connection');
        socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Subscriber too slow');
        // A consumer that reads nothing never answers the close handshake either.
        setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS).unref();
      },
    };
    const contextValue = await options.createContext(info);
    attachRequestInfo(contextValue, info);
    return {
      schema: options.schema,
      document,
      operationName: payload.operationName,
      variableValues: variables,
      contextValue,
    };
  }

  function trustedQuery(payload: SubscribePayload, caller: Caller | null): string {
    if (!options.trustedDocuments) return payload.query;
    const decision = options.trustedDocuments.check({ method: 'POST', search: '', body: payload, caller });
    if (decision.kind === 'refuse')
      throw new GraphQLError(decision.message, { extensions: { code: decision.code } });
    const query = (decision.body as { query?: unknown }).query;
    if (typeof query !== 'string')
      throw new ServiceError('BAD_USER_INPUT', 'The subscription carries no document.');
    return query;
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql' || isClosing) {
      refuseUpgrade(socket, isClosing ? 503 : 404);
      return;
    }
    if (wss.clients.size >= limits.maxConnections) {
      logger.warn(
        { limit: limits.maxConnections },
        'subscription connection refused: MAX_CONNECTIONS reached',
      );
      refuseUpgrade(socket, 503);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      options.connections?.set(wss.clients.size);
      ws.once('close', () => options.connections?.set(wss.clients.size));
      wss.emit('connection', ws, request);
    });
  };

  return {
    attach(httpServer) {
      httpServer.on('upgrade', onUpgrade);
    },
    async close() {
      isClosing = true;
      await server.dispose();
    },
  };
}

function refuseUpgrade(socket: Duplex, status: 404 | 503): void {
  const reason = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isServiceError(error)) return error;
  return new GraphQLError('Internal server error.', {
    originalError: error instanceof Error ? error : undefined,
  });
}
