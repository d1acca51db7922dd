import type { IncomingMessage } from 'node:http';
import type { Caller } from './auth.js';
import type { ResponseRecording } from './response-cache.js';

/** What the server knows of an HTTP request when it builds the GraphQL context. */
export interface HttpRequestInfo {
  requestId: string;
  headers: IncomingMessage['headers'];
  /** The authenticated caller; null when auth is off. */
  caller: Caller | null;
  /** A subscription's: closes its connection when it falls too far behind (subscriptions.ts). */
  onSlowConsumer?: () => void;
  /** What the request reads, when its answer may go to the response cache (response-cache.ts). */
  responseCache?: ResponseRecording;
}

// Server plugins (roles, logs, error ids) find the request behind an Apollo context here, so
// they do not depend on the shape of the GraphQL layer's context object. A symbol property, not a
// WeakMap: Apollo shallow-clones the context (Object.assign copies enumerable symbol keys).
const REQUEST_INFO = Symbol('flip-graphql.requestInfo');

export function attachRequestInfo(context: object, info: HttpRequestInfo): void {
  Object.defineProperty(context, REQUEST_INFO, { value: info, enumerable: true });
}

export function requestInfoOf(context: object): HttpRequestInfo | undefined {
  return (context as { [REQUEST_INFO]?: HttpRequestInfo })[REQUEST_INFO];
}
