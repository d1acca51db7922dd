import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Tracer } from '@opentelemetry/api';
import type { GraphQLSchema, ParseOptions, ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import { errorCodeOf, isServiceError, type ErrorCode } from '../errors.js';
import type { Authenticator, Caller } from './auth.js';
import { createCors } from './cors.js';
import { createDrain, type LiveConnections } from './drain.js';
import { createFormatError } from './format-error.js';
import { jitGateway } from './jit-executor.js';
import type { Logger } from './logger.js';
import { attachRequestInfo, type HttpRequestInfo } from './request-info.js';
import { withHitExtension, type ResponseCache, type ResponseRecording } from './response-cache.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { inOperationSpan } from './tracing.js';

export type { HttpRequestInfo } from './request-info.js';

export interface HttpServerOptions<TContext extends BaseContext> {
  config: Readonly<Config>;
  schema: GraphQLSchema;
  logger: Logger;
  createContext(req: HttpRequestInfo): Promise<TContext> | TContext;
  /** Extra Apollo plugins (IDE landing page, limits, logging...). */
  plugins?: ApolloServerPlugin<TContext>[];
  /** Extra plain HTTP routes (`/healthz`, `/metrics`...); return true when handled. */
  routes?: ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean)[];
  /** Replaces Apollo's default landing page (which would load from a CDN) when given. */
  landingPage?: ApolloServerPlugin<TContext>;
  /** Caller auth, decided before GraphQL runs (401/403/503 answered here). Absent: auth is off. */
  authenticator?: Authenticator;
  /** Extra validation rules (depth, aliases, directives: limits.ts). */
  validationRules?: ValidationRule[];
  /** graphql-js parser options (maxTokens: limits.ts). */
  parseOptions?: ParseOptions;
  /**
   * Resolves persisted document ids and, with TRUSTED_DOCUMENTS=only, refuses other documents
   * before Apollo parses them (trusted-documents.ts). Absent: Apollo sees every request as sent.
   */
  trustedDocuments?: TrustedDocuments;
  /**
   * Whole answers of repeated queries, looked up before Apollo once auth and trusted documents
   * passed, and filled after Apollo answered (response-cache.ts). Absent: every request executes.
   */
  responseCache?: ResponseCache;
  /** Incremented while a /graphql request is processed (metrics). */
  requestsInFlight?: { inc(): void; dec(): void };
  /** With a tracer: each operation runs in its SERVER span (tracing.ts), under the caller's traceparent. */
  tracer?: Tracer;
  /**
   * More on the same node:http server (WebSocket upgrades and SSE streams, subscriptions.ts):
   * refused from the start of a shutdown, left flowing during the grace period, closed at its end.
   */
  attach?: { attach(httpServer: Server): void } & LiveConnections;
}

export interface HttpServer {
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Starts Apollo Server 5 on node:http at config.host:config.port (0 = ephemeral). */
export async function startHttpServer<TContext extends BaseContext>(
  options: HttpServerOptions<TContext>,
): Promise<HttpServer> {
  const { config, logger } = options;
  const httpServer = createServer();
  // Stops accepting, lets in-flight requests finish, then cuts what is left after the grace.
  const drain = createDrain(httpServer);
  const apollo = new ApolloServer<TContext>({
    ...(config.executor === 'jit' ? { gateway: jitGateway(options.schema) } : { schema: options.schema }),
    // Apollo's own messages (e.g. an unexpected error processing a request) as JSON lines too.
    logger,
    // In production no "Did you mean" suggestion reaches a caller (issue 18 section 4).
    formatError: createFormatError(logger, { hideSuggestions: config.isProduction }),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: options.validationRules,
    parseOptions: options.parseOptions,
    // main.ts owns SIGTERM/SIGINT: drain, close the pools, then exit 0.
    stopOnTerminationSignals: false,
    plugins: [
      options.landingPage ?? ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver to collect hints we
      // never set (about 15% of a warm 50-node page); answers are marked no-store below instead.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo turns on inline traces (ftv1) for a subgraph (FEDERATION=true): per-field timings
      // for any caller sending `apollo-federation-include-trace`. Observability is ours (logs,
      // metrics), so a subgraph answers like the plain service.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  const cors = createCors(config.corsOrigins);
  const routes = options.routes ?? [];
  options.attach?.attach(httpServer);

  httpServer.on('request', (req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'HTTP handler failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const incomingId = req.headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID();
    res.setHeader('x-request-id', requestId);
    // Before routes and auth: a preflight never carries the token.
    if (cors(req, res)) return;
    for (const route of routes) {
      // Most routes decide synchronously: awaiting only a promise spares every request a
      // microtask per route.
      const handled = route(req, res, url);
      if (handled === true || (handled !== false && (await handled))) return;
    }
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    options.requestsInFlight?.inc();
    try {
      await handleGraphql(req, res, url, requestId);
    } finally {
      options.requestsInFlight?.dec();
    }
  }

  async function handleGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<void> {
    let caller: Caller | null = null;
    // The IDE page itself carries no data; its operations need a token like any other.
    if (options.authenticator && !(options.landingPage && asksForIdePage(req, url))) {
      try {
        caller = await options.authenticator.authenticate(req.headers.authorization);
      } catch (err) {
        refuse(res, err, requestId);
        logger.info({ requestId, status: res.statusCode, code: errorCodeOf(err) }, 'request refused');
        return;
      }
    }
    const body = await readBody(req, config.limits.maxBodyBytes);
    if (body.aborted) {
      // The caller went away mid-body: nothing to answer, nothing wrong with the service.
      logger.debug({ requestId }, 'request body aborted');
      return;
    }
    if (body.tooLarge) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, {
        errors: [{ message: 'Request body too large.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      return;
    }
    // A hit is looked up on the raw bytes, before parsing: its key only has an entry once the
    // same bytes passed trusted documents for the same role (response-cache.ts).
    const { responseCache } = options;
    const cacheKey = responseCache?.keyOf(req, body.raw, caller);
    if (responseCache && cacheKey !== undefined) {
      const stored = responseCache.lookup(cacheKey, body.raw);
      if (stored) {
        if (responseCache.debug) {
          for (const [key, value] of Object.entries(stored.headers)) {
            if (key !== 'content-length') res.setHeader(key, value);
          }
          res.statusCode = 200;
          res.end(withHitExtension(stored.body.toString('utf8'), true));
        } else {
          res.writeHead(200, stored.headers);
          res.end(stored.body);
        }
        return;
      }
    }
    let search = url.search;
    let json = parseBody(req, body.raw);
    if (options.trustedDocuments) {
      const method = req.method ?? 'GET';
      const decision = options.trustedDocuments.check({ method, search, body: json, caller });
      if (decision.kind === 'refuse') {
        sendJson(res, decision.status, {
          errors: [{ message: decision.message, extensions: { code: decision.code } }],
        });
        logger.info({ requestId, status: decision.status, code: decision.code }, 'request refused');
        return;
      }
      ({ search, body: json } = decision);
    }
    const recording =
      responseCache && cacheKey !== undefined && responseCache.mayKeep(json)
        ? responseCache.begin(cacheKey, body.raw)
        : undefined;
    await executeGraphql(req, res, { requestId, caller, search, json, recording });
  }

  async function executeGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    request: {
      requestId: string;
      caller: Caller | null;
      search: string;
      json: unknown;
      recording: ResponseRecording | undefined;
    },
  ): Promise<void> {
    const { requestId, caller, search, json, recording } = request;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body: json },
        context: async () => {
          const info: HttpRequestInfo = {
            requestId,
            headers: req.headers,
            caller,
            ...(recording ? { responseCache: recording } : {}),
          };
          const context = await options.createContext(info);
          attachRequestInfo(context, info);
          return context;
        },
      });
    const response = options.tracer
      ? await inOperationSpan(options.tracer, { headers: req.headers, caller }, execute)
      : await execute();
    // Answers carry operator data: never stored by a browser or a proxy.
    res.setHeader('cache-control', 'no-store');
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const text = response.body.string;
      if (recording) {
        options.responseCache?.end(recording, {
          status: res.statusCode,
          headers: [...response.headers],
          body: text,
        });
      }
      res.end(recording && options.responseCache?.debug ? withHitExtension(text, false) : text);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    // Stop accepting, let in-flight operations finish while subscriptions keep flowing, then
    // (nothing left open, or SHUTDOWN_GRACE_MS) close subscriptions with 1001 (going away), so
    // clients reconnect elsewhere, and cut what still runs (drain.ts). Apollo stops last.
    close: async () => {
      try {
        await drain.stop({ graceMs: config.shutdownGraceMs, live: options.attach });
      } finally {
        await apollo.stop();
      }
    },
  };
}

/** HTTP status of an authentication failure answered before GraphQL runs. */
const AUTH_FAILURE_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UPSTREAM_UNAVAILABLE: 503,
};

function refuse(res: ServerResponse, err: unknown, requestId: string): void {
  const code = errorCodeOf(err);
  const message = isServiceError(err) ? err.message : 'Internal server error.';
  const status = AUTH_FAILURE_STATUS[code] ?? 500;
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="flip-graphql"');
  sendJson(res, status, {
    errors: [{ message, extensions: { code, ...(status >= 500 ? { requestId } : {}) } }],
  });
}

/**
 * A browser asking for the IDE page: a GET accepting HTML that carries no operation. A GET with a
 * query (or a persisted query) is authenticated whatever it accepts: otherwise Apollo would
 * validate it anonymously and its errors would map the schema (issue 18 section 4).
 */
function asksForIdePage(req: IncomingMessage, url: URL): boolean {
  const carriesOperation = url.searchParams.has('query') || url.searchParams.has('extensions');
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !carriesOperation;
}

interface RequestBody {
  /** The body as sent (empty without one). */
  raw: Buffer;
  tooLarge?: boolean;
  /** The connection closed before the whole body arrived. */
  aborted?: boolean;
}

const NO_BODY: RequestBody = { raw: Buffer.alloc(0) };

/**
 * A POST's body as one Buffer, read with 'data'/'end' events (cheaper than an async iterator),
 * bounded by maxBytes.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<RequestBody> {
  if (req.method !== 'POST') return Promise.resolve(NO_BODY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: RequestBody | Error) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        settle({ raw: NO_BODY.raw, tooLarge: true });
        // The rest is read and dropped (no memory) until the 413 closes the connection.
        req.on('error', () => {});
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle({ raw: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    const onError = (err: Error) =>
      settle(req.destroyed || req.errored ? { raw: NO_BODY.raw, aborted: true } : err);
    // Closed without 'end' or 'error': the caller went away.
    const onClose = () => settle({ raw: NO_BODY.raw, aborted: true });
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** The body Apollo gets: parsed JSON, or the text as sent (Apollo answers a non-object with 400). */
function parseBody(req: IncomingMessage, raw: Buffer): unknown {
  if (req.method !== 'POST') return undefined;
  const text = raw.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json') || text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Apollo answers a string body with a 400 "POST body ... must be an object".
    return text;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
