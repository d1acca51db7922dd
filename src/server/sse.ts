import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import type { Config } from '../config.js';
import { errorCodeOf, isServiceError } from '../errors.js';
import type { Caller } from './auth.js';
import type { Logger } from './logger.js';
import { asGraphQLError, type SubscriptionPreparer } from './subscription-prepare.js';

/** HTTP status of an authentication failure (as http.ts answers queries). */
const AUTH_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UPSTREAM_UNAVAILABLE: 503,
};

/**
 * Subscriptions over Server-Sent Events (graphql-sse, distinct connections mode) for clients
 * behind proxies that do not pass WebSockets: a POST (or GET) to /graphql that accepts
 * `text/event-stream`. The Authorization header is checked before anything else (401/403 as for
 * queries); then the same preparation as WebSocket subscriptions (subscription-prepare.ts).
 * At most MAX_CONNECTIONS streams at once per instance (503 beyond).
 */
export function sseRoute(options: {
  config: Readonly<Config>;
  logger: Logger;
  preparer: SubscriptionPreparer;
  /** Tracks the stream so a shutdown ends it after the grace period (subscriptions.ts). */
  streams?: { openStream(res: ServerResponse): boolean };
}) {
  const { preparer, logger } = options;
  const limits = options.config.live;
  const callers = new WeakMap<IncomingMessage, Caller | null>();
  let streams = 0;
  const handler = createHandler<Record<PropertyKey, unknown>>({
    async onSubscribe(req, params) {
      const raw = req.raw;
      try {
        const args = await preparer.prepare({
          payload: params,
          caller: callers.get(raw) ?? null,
          headers: raw.headers,
          onSlowConsumer: () => {
            logger.warn({ limit: limits.queueMax }, 'slow subscriber: closing its event stream');
            raw.socket.destroy();
          },
        });
        if (!('document' in args)) return refusal(args);
        return { ...args, contextValue: args.contextValue as Record<PropertyKey, unknown> };
      } catch (error) {
        return refusal([asGraphQLError(error)]);
      }
    },
    subscribe: (args) => preparer.subscribe(args),
    onNext: (_ctx, _req, result) =>
      'errors' in result && result.errors
        ? ({ ...result, errors: preparer.format(result.errors) } as unknown as ExecutionResult)
        : undefined,
  });

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/graphql' || !(req.headers.accept ?? '').includes('text/event-stream'))
      return false;
    try {
      callers.set(req, await preparer.authenticate(req.headers.authorization));
    } catch (error) {
      const code = errorCodeOf(error);
      res.statusCode = AUTH_STATUS[code] ?? 500;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      const message = isServiceError(error) ? error.message : 'Internal server error.';
      res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
      return true;
    }
    if (streams >= limits.maxConnections || options.streams?.openStream(res) === false) {
      res.statusCode = 503;
      res.end();
      return true;
    }
    streams++;
    res.once('close', () => streams--);
    // graphql-sse may write one more event to a stream that was just ended (client gone, or the
    // shutdown ended it): the stream then emits 'error', which must not reach the process.
    res.on('error', (err) => logger.debug({ err: { message: err.message } }, 'event stream write failed'));
    res.setHeader('cache-control', 'no-store');
    await handler(req, res);
    return true;
  };
}

/**
 * A refused subscription as one `next` event then `complete` (onNext masks its errors). graphql-sse takes an onSubscribe
 * result for an answer only when it has a `data` key; without one it would run it as execution
 * arguments and answer 400 "Unable to detect operation AST".
 */
function refusal(errors: readonly unknown[]): ExecutionResult {
  return { data: null, errors } as unknown as ExecutionResult;
}
