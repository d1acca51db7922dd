import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import { createFormatError } from './format-error.js';
import type { Logger } from './logger.js';

/** What the server knows of an HTTP request when it builds the GraphQL context. */
export interface HttpRequestInfo {
  requestId: string;
  headers: IncomingMessage['headers'];
}

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
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      options.landingPage ?? ApolloServerPluginLandingPageDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

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
    for (const route of options.routes ?? []) {
      if (await route(req, res, url)) return;
    }
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    const body = await readBody(req, config.limits.maxBodyBytes);
    if (body.tooLarge) {
      sendJson(res, 413, {
        errors: [{ message: 'Request body too large.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: body.json },
      context: async () => options.createContext({ requestId, headers: req.headers }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
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
    // apollo.stop() runs the drain plugin: stop accepting, let in-flight operations finish.
    close: () => apollo.stop(),
  };
}

async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ json: unknown; tooLarge: boolean }> {
  if (req.method !== 'POST') return { json: undefined, tooLarge: false };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return { json: undefined, tooLarge: true };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json') || text === '') return { json: text, tooLarge: false };
  try {
    return { json: JSON.parse(text) as unknown, tooLarge: false };
  } catch {
    // Apollo answers a string body with a 400 "POST body ... must be an object".
    return { json: text, tooLarge: false };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
