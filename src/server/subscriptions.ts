import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config.js';
import { errorCodeOf, ServiceError } from '../errors.js';
import type { Logger } from './logger.js';
import { asGraphQLError, type SubscriptionPreparer } from './subscription-prepare.js';

/** A consumer that fell SUBSCRIPTION_QUEUE_MAX messages behind is closed with this (RFC 6455 "try again later"). */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
/** How long a closed slow consumer has to complete the close handshake before it is cut. */
const CLOSE_HANDSHAKE_MS = 5_000;
/** Close code of a shutdown (RFC 6455 "going away"): clients reconnect, to another instance. */
export const GOING_AWAY_CLOSE_CODE = 1001;
/** How long a client has to answer the shutdown's close before its socket is cut. */
const SHUTDOWN_CLOSE_HANDSHAKE_MS = 1_000;

export interface SubscriptionServerOptions {
  config: Readonly<Config>;
  logger: Logger;
  preparer: SubscriptionPreparer;
  /** Open WebSocket connections (metrics). */
  connections?: { set(n: number): void };
}

export interface SubscriptionServer {
  /** Handles the HTTP upgrade of `/graphql`; attach it to the node:http server. */
  attach(httpServer: Server): void;
  /**
   * An SSE stream (sse.ts) to end at close(); false once stopping (the route answers 503).
   * Forgotten when the response closes.
   */
  openStream(res: ServerResponse): boolean;
  /** Shutdown begins: new WebSockets and SSE streams are refused (503); open ones keep flowing. */
  stopAccepting(): void;
  /** Closes every WebSocket with 1001 (going away) and ends every SSE stream. */
  close(): Promise<void>;
}

type ConnectionExtra = {
  socket: WebSocket;
  request: IncomingMessage;
};

/**
 * GraphQL over WebSocket (graphql-ws, the protocol of Apollo's GraphQLWsLink and urql) on the
 * same port and path as HTTP: the API key or JWT in `connectionParams.authorization`, checked at
 * connect and again at each subscribe; the same roles, validation limits, input checks, trusted
 * documents and error masking as HTTP (subscription-prepare.ts). Only subscriptions: queries and
 * mutations go over HTTP, where the cost limit, operation log and idempotency live.
 */
export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { config, logger, preparer } = options;
  const limits = config.live;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxBodyBytes });
  let isClosing = false;
  const streams = new Set<ServerResponse>();
  const authorizationOf = (params: Record<string, unknown> | undefined) =>
    params?.authorization ?? params?.Authorization;

  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      async onConnect(ctx) {
        try {
          await preparer.authenticate(authorizationOf(ctx.connectionParams));
          return true;
        } catch (error) {
          logger.info({ code: errorCodeOf(error) }, 'subscription connection refused');
          // graphql-ws closes with 4403 Forbidden.
          return false;
        }
      },
      async onSubscribe(ctx, _id, payload) {
        try {
          // graphql-ws has registered this subscription's id already.
          if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
            throw new ServiceError(
              'RATE_LIMITED',
              `At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection (MAX_SUBSCRIPTIONS_PER_CONNECTION).`,
            );
          }
          const socket = ctx.extra.socket;
          return await preparer.prepare({
            payload,
            // Again at each subscribe: a token may have expired or a key been revoked since connect.
            caller: await preparer.authenticate(authorizationOf(ctx.connectionParams)),
            headers: ctx.extra.request.headers,
            onSlowConsumer: () => {
              logger.warn({ limit: limits.queueMax }, 'slow subscriber: closing its connection');
              socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Subscriber too slow');
              // A consumer that reads nothing never answers the close handshake either.
              setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS).unref();
            },
          });
        } catch (error) {
          return [asGraphQLError(error)];
        }
      },
      subscribe: preparer.subscribe,
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: preparer.format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => preparer.format(errors),
    },
    wss,
    limits.keepAliveMs > 0 ? limits.keepAliveMs : 0,
  );

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
    openStream(res) {
      if (isClosing) return false;
      streams.add(res);
      res.once('close', () => streams.delete(res));
      return true;
    },
    stopAccepting() {
      isClosing = true;
    },
    async close() {
      isClosing = true;
      // graphql-sse stops writing once the response is no longer writable; EventSource-style
      // clients reconnect when a stream ends.
      for (const res of streams) res.end();
      // A client that never answers the close would hold the shutdown for ws's 30 s.
      const cut = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, SHUTDOWN_CLOSE_HANDSHAKE_MS);
      try {
        await server.dispose();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

function refuseUpgrade(socket: Duplex, status: 404 | 503): void {
  const reason = status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
