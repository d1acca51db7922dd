import { createHmac, randomUUID } from 'node:crypto';
import type { FormattedExecutionResult as ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { request } from 'undici';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';

/** What a subscription saw: results in order, its end (complete, error or close) when it ended. */
export interface LiveSubscription<TData = Record<string, unknown>> {
  results: ExecutionResult<TData>[];
  /** Resolves with the nth result (1-based) once it arrived; rejects when the stream ends first. */
  nth(n: number): Promise<ExecutionResult<TData>>;
  /** Resolves when the subscription ended: `complete`, or the error (GraphQL errors or a CloseEvent). */
  ended: Promise<{ kind: 'complete' } | { kind: 'error'; error: unknown }>;
  unsubscribe(): void;
}

export interface LiveClient {
  client: Client;
  subscribe<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): LiveSubscription<TData>;
  /** Resolves with the close code once the socket closed. */
  closed: Promise<number>;
  dispose(): Promise<void>;
}

/** A graphql-ws client (the protocol of Apollo's GraphQLWsLink) on `ws://.../graphql`, no retries. */
export function liveClient(graphqlUrl: string, connectionParams?: Record<string, unknown>): LiveClient {
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed((event as { code: number }).code) },
  });
  const live: LiveClient = {
    client,
    closed,
    subscribe<T>(query: string, variables?: Record<string, unknown>): LiveSubscription<T> {
      const results: ExecutionResult<T>[] = [];
      const waiters: { n: number; resolve(r: ExecutionResult<T>): void; reject(e: unknown): void }[] = [];
      let settle: (end: { kind: 'complete' } | { kind: 'error'; error: unknown }) => void = () => undefined;
      const ended = new Promise<{ kind: 'complete' } | { kind: 'error'; error: unknown }>((resolve) => {
        settle = resolve;
      });
      const finish = (end: { kind: 'complete' } | { kind: 'error'; error: unknown }) => {
        settle(end);
        for (const w of waiters.splice(0))
          w.reject(new Error(`subscription ended (${end.kind}) before result ${w.n}`));
      };
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next(result) {
            results.push(result as ExecutionResult<T>);
            for (const w of [...waiters]) {
              if (results.length >= w.n) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(results[w.n - 1]!);
              }
            }
          },
          error: (error) => finish({ kind: 'error', error }),
          complete: () => finish({ kind: 'complete' }),
        },
      );
      return {
        results,
        ended,
        unsubscribe,
        nth(n) {
          if (results.length >= n) return Promise.resolve(results[n - 1]!);
          return new Promise<ExecutionResult<T>>((resolve, reject) => waiters.push({ n, resolve, reject }));
        },
      };
    },
    dispose: () => Promise.resolve(client.dispose()),
  };
  try {
    onTestFinished(() => live.dispose());
  } catch {
    // Outside a test: the caller disposes it.
  }
  return live;
}

/** A fresh `whsec_` key. */
export function webhookSecret(): string {
  return `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
}

/** Posts a body to /webhooks/flip signed the Standard Webhooks way (written here, apart from src/). */
export async function postWebhook(
  serviceUrl: string,
  body: string,
  options: { secret?: string; id?: string; timestampS?: number; headers?: Record<string, string> } = {},
): Promise<number> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestampS ?? Math.floor(Date.now() / 1000);
  const signature = options.secret
    ? `v1,${createHmac('sha256', Buffer.from(options.secret.slice('whsec_'.length), 'base64'))
        .update(`${id}.${timestamp}.${body}`)
        .digest('base64')}`
    : undefined;
  const res = await request(`${serviceUrl}/webhooks/flip`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      ...(signature ? { 'webhook-signature': signature } : {}),
      ...options.headers,
    },
    body,
  });
  await res.body.dump();
  return res.statusCode;
}
