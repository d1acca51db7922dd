import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { classifyTransport, type Timeouts, type TransportFailure, type TransportKind } from './errors.js';

/**
 * One HTTP exchange on an undici dispatcher, with precise deadlines per phase:
 *
 *   queued (waiting for a pooled socket / connecting)  -> connectTimeoutMs + headersTimeoutMs
 *   sent   (written to a socket, waiting for headers)  -> headersTimeoutMs
 *   body   (headers received, reading the body)        -> bodyTimeoutMs for the whole body
 *
 * undici's own headers/body timers run on a coarse (about 1 s) clock and its bodyTimeout is per
 * idle gap, so these native timers are what bound an attempt. Knowing the phase also tells
 * whether a failed request can have reached the upstream: nothing leaves before `sent`.
 */

export type Exchange =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; text: string; bytes: number }
  | { kind: 'transport'; failure: TransportFailure; bytes: number };

export interface OutgoingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Takes the body of a response with this status as it arrives (`text` is then empty), or
 * undefined to have it collected as text. Must not throw.
 */
export type BodyConsumer = (status: number) => ((chunk: Buffer) => void) | undefined;

type Phase = 'queued' | 'sent' | 'body';

const ABANDONED = 'flip client abandoned the exchange';

export function exchange(
  dispatcher: Dispatcher,
  request: OutgoingRequest,
  timeouts: Timeouts,
  signal?: AbortSignal,
  consumeBody?: BodyConsumer,
): Promise<Exchange> {
  return new Promise<Exchange>((resolve) => {
    let phase: Phase = 'queued';
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let consume: ((chunk: Buffer) => void) | undefined;
    let bytes = 0;

    const settle = (outcome: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
      resolve(outcome);
    };
    const fail = (failure: TransportFailure) => {
      settle({ kind: 'transport', failure, bytes });
      // Destroys the socket of a running request; a queued one is stopped in onRequestStart.
      if (controller && !controller.aborted) controller.abort(new Error(ABANDONED));
    };
    const expire = (kind: TransportKind) => () =>
      fail({ kind, mayHaveReachedUpstream: phase !== 'queued', retryable: true });
    const arm = (ms: number, kind: TransportKind) => {
      clearTimeout(timer);
      timer = setTimeout(expire(kind), ms);
    };
    const onCancel = () =>
      fail({ kind: 'cancelled', mayHaveReachedUpstream: phase !== 'queued', retryable: false });

    if (signal?.aborted) return onCancel();
    signal?.addEventListener('abort', onCancel, { once: true });
    arm(timeouts.connectTimeoutMs + timeouts.headersTimeoutMs, 'queue-timeout');

    try {
      dispatcher.dispatch(
        {
          method: request.method as Dispatcher.HttpMethod,
          path: request.path,
          headers: request.headers,
          body: request.body,
        },
        {
          onRequestStart(c) {
            controller = c;
            // Abandoned while queued: abort before a byte is written.
            if (settled) return c.abort(new Error(ABANDONED));
            phase = 'sent';
            arm(timeouts.headersTimeoutMs, 'headers-timeout');
          },
          onResponseStart(_c, statusCode, responseHeaders) {
            if (settled) return;
            status = statusCode;
            headers = responseHeaders;
            consume = consumeBody?.(statusCode);
            phase = 'body';
            arm(timeouts.bodyTimeoutMs, 'body-timeout');
          },
          onResponseData(_c, chunk) {
            if (settled) return;
            if (consume) consume(chunk);
            else chunks.push(chunk);
            bytes += chunk.length;
          },
          onResponseEnd() {
            settle({
              kind: 'response',
              status,
              headers,
              text: Buffer.concat(chunks).toString('utf8'),
              bytes,
            });
          },
          onResponseError(_c, err) {
            if (!settled) fail(classifyTransport(err, { sent: phase !== 'queued' }));
          },
        },
      );
    } catch (err) {
      // undici reports most problems through onResponseError; a synchronous throw means nothing left.
      fail(classifyTransport(err, { sent: false }));
    }
  });
}
