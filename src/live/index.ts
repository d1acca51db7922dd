import type { FlipClients, TelemetryPointRecord } from '../flip/index.js';
import type { KeyValueStore, MessageBus } from '../store/index.js';
import { changeOfWrite, type WriteOutcome } from './changes.js';
import { createLiveHub, type LiveHub } from './hub.js';
import { createTelemetryPoller, type TelemetryPoller } from './poller.js';
import { createWebhookReceiver, type WebhookReceiver } from './webhook.js';
import {
  fromWireChange,
  fromWirePoint,
  toWireChange,
  toWirePoint,
  type LiveMessage,
  type ProgramChangeRecord,
  type WirePoint,
} from './types.js';

/**
 * The live boundary (issue 15): the change hub behind GraphQL subscriptions. Writes (through
 * their audit hook) and Flip's webhooks publish here; subscribers on this instance and, with
 * REDIS_URL, on every instance hear it; without webhooks, telemetry is polled for the devices
 * that have subscribers, once per program per period across all instances.
 */

export type { ProgramChangeKind, ProgramChangeRecord } from './types.js';
export type { WriteOutcome } from './changes.js';
export type { WebhookReceipt, WebhookRequest } from './webhook.js';

export interface LiveOptions {
  clients: FlipClients;
  store: KeyValueStore;
  /** Redis pub/sub between instances; absent: this instance only. */
  bus?: MessageBus;
  queueMax: number;
  /** FLIP_WEBHOOK_SECRET keys; empty: no webhooks, telemetry is polled. */
  webhookSecrets: readonly string[];
  telemetryPollS: number;
  /** The configured programs: webhooks about others are dropped. */
  programIds: readonly string[];
  /** Logs and metrics (never throws): bus failures, poll failures, webhook outcomes. */
  observe?: (event: LiveEvent) => void;
  now?: () => number;
}

export type LiveEvent =
  | { kind: 'bus-failed'; error: unknown }
  | { kind: 'poll-failed'; programId: string; error: unknown }
  | { kind: 'webhook'; outcome: string; points?: number; rejectedPoints?: number };

export interface SubscriptionOptions {
  /** The subscriber fell SUBSCRIPTION_QUEUE_MAX messages behind: close its connection. */
  onOverflow?: () => void;
}

export interface Live {
  /** Telemetry points of a program's devices (all when deviceIds is null), latest known first. */
  telemetry(
    programId: string,
    deviceIds: readonly string[] | null,
    options?: SubscriptionOptions,
  ): AsyncIterableIterator<TelemetryPointRecord>;
  programChanges(
    programId: string,
    options?: SubscriptionOptions,
  ): AsyncIterableIterator<ProgramChangeRecord>;
  /** The write layer's audit hook: a successful write is announced to the program's subscribers. */
  onWrite(write: WriteOutcome): void;
  publishTelemetry(programId: string, points: TelemetryPointRecord[]): Promise<void>;
  /** POST /webhooks/flip (server/webhooks.ts answers with its status). */
  webhooks: WebhookReceiver;
  subscriberCount(): number;
  close(): void;
}

export function createLive(options: LiveOptions): Live {
  const observe = options.observe ?? (() => undefined);
  const now = options.now ?? Date.now;
  const hub: LiveHub = createLiveHub({
    queueMax: options.queueMax,
    bus: options.bus,
    onBusError: (error) => observe({ kind: 'bus-failed', error }),
    onMessage: (message) => remember(message),
  });
  /** programId -> deviceId -> latest point heard (from a webhook, a poll, or another instance). */
  const latest = new Map<string, Map<string, WirePoint>>();

  const publishTelemetry = async (programId: string, points: TelemetryPointRecord[]) => {
    if (points.length === 0) return;
    await hub.publish({ kind: 'telemetry', programId, points: points.map(toWirePoint) });
  };
  const isPolling = options.webhookSecrets.length === 0;
  const poller: TelemetryPoller | undefined = isPolling
    ? createTelemetryPoller({
        clients: options.clients,
        store: options.store,
        pollS: options.telemetryPollS,
        publish: publishTelemetry,
        onError: (programId, error) => observe({ kind: 'poll-failed', programId, error }),
        now,
      })
    : undefined;

  function remember(message: LiveMessage): void {
    if (message.kind !== 'telemetry') return;
    const devices = latest.get(message.programId) ?? new Map<string, WirePoint>();
    latest.set(message.programId, devices);
    for (const point of message.points) devices.set(point.deviceId, point);
  }

  return {
    telemetry(programId, deviceIds, subscription = {}) {
      const wanted = deviceIds === null ? null : new Set(deviceIds);
      const pick = (points: readonly WirePoint[]) =>
        points.filter((p) => wanted === null || wanted.has(p.deviceId)).map(fromWirePoint);
      const release = poller?.want(programId, deviceIds);
      const queue = hub.subscribe<TelemetryPointRecord>(
        { kind: 'telemetry', programId },
        {
          select: (message) => (message.kind === 'telemetry' ? pick(message.points) : []),
          onOverflow: subscription.onOverflow,
        },
      );
      for (const point of pick([...(latest.get(programId)?.values() ?? [])])) queue.push(point);
      return withCleanup(queue, () => release?.());
    },
    programChanges(programId, subscription = {}) {
      return hub.subscribe<ProgramChangeRecord>(
        { kind: 'program-change', programId },
        {
          select: (message) => (message.kind === 'program-change' ? [fromWireChange(message.change)] : []),
          onOverflow: subscription.onOverflow,
        },
      );
    },
    onWrite(write) {
      const change = changeOfWrite(write, new Date(now()));
      if (!change) return;
      void hub.publish({ kind: 'program-change', programId: change.programId, change: toWireChange(change) });
    },
    publishTelemetry,
    webhooks: createWebhookReceiver({
      secrets: options.webhookSecrets,
      store: options.store,
      now,
      programIds: options.programIds,
      publish: publishTelemetry,
      observe: (outcome, counts) => observe({ kind: 'webhook', outcome, ...counts }),
    }),
    subscriberCount: () => hub.subscriberCount(),
    close() {
      poller?.close();
      hub.close();
    },
  };
}

/** The same iterator, running `cleanup` once when it ends (the subscriber left or was dropped). */
function withCleanup<T>(iterator: AsyncIterableIterator<T>, cleanup: () => void): AsyncIterableIterator<T> {
  let isClean = false;
  const clean = () => {
    if (isClean) return;
    isClean = true;
    cleanup();
  };
  const wrapped: AsyncIterableIterator<T> = {
    async next() {
      const result = await iterator.next();
      if (result.done) clean();
      return result;
    },
    async return() {
      clean();
      return (await iterator.return?.()) ?? { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}
