import { isServiceError, ServiceError, type ErrorCode } from '../errors.js';

/**
 * Calls over a cluster IPC channel, both ways: `call(op, payload)` sends a request and resolves
 * with the other side's answer; `handle(op, fn)` answers the other side's requests. Messages are
 * tagged so node:cluster's own messages pass by. A call that gets no answer within its timeout,
 * or whose channel is closed, rejects with UPSTREAM_UNAVAILABLE (see `unavailable`).
 */
export interface Endpoint {
  call<T>(op: string, payload?: unknown, options?: { timeoutMs?: number }): Promise<T>;
  handle(op: string, handler: (payload: unknown) => unknown): void;
  /** Feeds a message received on the channel (ignores messages that are not ours). */
  receive(message: unknown): void;
  /** The channel is gone: every pending call rejects now, later ones at once. */
  close(): void;
}

const TAG = 'flip-graphql:ipc';
const DEFAULT_TIMEOUT_MS = 5_000;

type Message =
  | { tag: typeof TAG; kind: 'call'; id: number; op: string; payload: unknown }
  | { tag: typeof TAG; kind: 'reply'; id: number; value?: unknown; error?: WireError };

interface WireError {
  message: string;
  code?: ErrorCode;
  extensions?: Record<string, unknown>;
}

/** The refusal of a worker that cannot reach the primary: nothing was done. */
export function unavailable(what: string): ServiceError {
  return new ServiceError(
    'UPSTREAM_UNAVAILABLE',
    `The primary process (${what}) is unavailable; nothing was sent to Flip. Try again shortly.`,
  );
}

export function createEndpoint(options: {
  /** Sends one message; rejects (or throws) when the channel is closed. */
  send(message: unknown): Promise<void>;
  /** What the channel's other end is called in errors ("shared state"). */
  name: string;
  timeoutMs?: number;
}): Endpoint {
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const handlers = new Map<string, (payload: unknown) => unknown>();
  const pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: unknown): void; timer: NodeJS.Timeout }
  >();
  let nextId = 1;
  let isClosed = false;

  const send = (message: Message) => options.send(message);

  const answer = async (id: number, op: string, payload: unknown) => {
    const handler = handlers.get(op);
    let reply: Message;
    try {
      if (!handler) throw new Error(`no handler for ${op}`);
      reply = { tag: TAG, kind: 'reply', id, value: await handler(payload) };
    } catch (error) {
      reply = { tag: TAG, kind: 'reply', id, error: toWire(error) };
    }
    // The caller is gone: its call times out or was rejected on close.
    await send(reply).catch(() => undefined);
  };

  return {
    call<T>(op: string, payload?: unknown, callOptions: { timeoutMs?: number } = {}) {
      if (isClosed) return Promise.reject(unavailable(options.name));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(unavailable(options.name));
        }, callOptions.timeoutMs ?? defaultTimeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        const fail = () => {
          if (!pending.delete(id)) return;
          clearTimeout(timer);
          reject(unavailable(options.name));
        };
        try {
          send({ tag: TAG, kind: 'call', id, op, payload }).catch(fail);
        } catch {
          fail();
        }
      });
    },
    handle(op, handler) {
      handlers.set(op, handler);
    },
    receive(raw) {
      if (typeof raw !== 'object' || raw === null || (raw as { tag?: unknown }).tag !== TAG) return;
      const message = raw as Message;
      if (message.kind === 'call') {
        void answer(message.id, message.op, message.payload);
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error) waiting.reject(fromWire(message.error));
      else waiting.resolve(message.value);
    },
    close() {
      isClosed = true;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        clearTimeout(waiting.timer);
        waiting.reject(unavailable(options.name));
      }
    },
  };
}

/** A ServiceError keeps its code and extensions; any other error only its message. */
function toWire(error: unknown): WireError {
  if (isServiceError(error)) {
    const { code, ...extensions } = error.extensions as { code: ErrorCode } & Record<string, unknown>;
    return { message: error.message, code, extensions };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

function fromWire(wire: WireError): Error {
  return wire.code
    ? new ServiceError(wire.code, wire.message, wire.extensions as never)
    : new Error(wire.message);
}
