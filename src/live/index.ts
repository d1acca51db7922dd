import type { FlipClients, TelemetryPointRecord } from '../flip/index.js';
import type { KeyValueStore, MessageBus } from '../store/index.js';
import { changeOfWrite, type WriteOutcome } from './changes.js';
import { createLiveHub, type LiveHub } from './hub.js';
import { createTelemetryPoller, type TelemetryPoller } from './poller.js';
import { createSignal } from './signals.js';
import { createWebhookReceiver, type WebhookReceiver } from './webhook.js';
import {
  fromWireChange,
  fromWirePoint,
  toWireChange,
  toWirePoint,
  type LiveMessage,
  type ProgramChangeRecord,
  type WireChange,
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
  /**
   * Ticks when an event's status or performance may have changed: a write of this service naming
   * it (any instance), telemetry of its program (a webhook or a poll), and every TELEMETRY_POLL_S
   * (one timer per event, shared by its subscribers, so their reads coincide and are coalesced).
   * Ticks coalesce while the consumer recomputes.
   */
  eventSignals(programId: string, eventId: string): AsyncIterableIterator<void>;
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
  /** eventId -> the shared period timer and who listens to it. */
  const eventTimers = new Map<string, { timer: NodeJS.Timeout; listeners: Set<() => void> }>();
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
      const pick = (points: readonly WirePoint[]) => pointsOf(points, wanted).map(recordOf);
      const release = poller?.want(programId, deviceIds);
      const queue = hub.subscribe<TelemetryPointRecord>(
        { kind: 'telemetry', programId },
        {
          select: (message) => (message.kind === 'telemetry' ? pick(message.points) : []),
          onOverflow: subscription.onOverflow,
        },
      );
      const known = latest.get(programId);
      const first =
        wanted === null
          ? [...(known?.values() ?? [])]
          : [...wanted].flatMap((deviceId) => known?.get(deviceId) ?? []);
      for (const point of first.map(recordOf)) queue.push(point);
      return withCleanup(queue, () => release?.());
    },
    programChanges(programId, subscription = {}) {
      return hub.subscribe<ProgramChangeRecord>(
        { kind: 'program-change', programId },
        {
          select: (message) => (message.kind === 'program-change' ? [changeOf(message.change)] : []),
          onOverflow: subscription.onOverflow,
        },
      );
    },
    eventSignals(programId, eventId) {
      const stops: (() => void)[] = [];
      const signal = createSignal(() => {
        for (const stop of stops) stop();
      });
      const notify = () => signal.notify();
      const changes = hub.subscribe<never>(
        { kind: 'program-change', programId },
        {
          select: (message) => {
            if (message.kind === 'program-change' && message.change.targetIds.includes(eventId)) notify();
            return [];
          },
        },
      );
      const telemetry = hub.subscribe<never>(
        { kind: 'telemetry', programId },
        { select: () => (notify(), []) },
      );
      stops.push(
        () => void changes.return?.(),
        () => void telemetry.return?.(),
      );
      const shared = eventTimers.get(eventId) ?? {
        timer: setInterval(() => {
          for (const listener of eventTimers.get(eventId)?.listeners ?? []) listener();
        }, options.telemetryPollS * 1000).unref(),
        listeners: new Set<() => void>(),
      };
      eventTimers.set(eventId, shared);
      shared.listeners.add(notify);
      stops.push(() => {
        shared.listeners.delete(notify);
        if (shared.listeners.size === 0) {
          clearInterval(shared.timer);
          eventTimers.delete(eventId);
        }
      });
      return signal;
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
      for (const { timer } of eventTimers.values()) clearInterval(timer);
      eventTimers.clear();
      poller?.close();
      hub.close();
    },
  };
}

/**
 * One record per message item, the same object for every subscriber that gets it: the transports
 * execute a subscription once per distinct document for an object (server/shared-execution.ts).
 */
const records = new WeakMap<WirePoint, TelemetryPointRecord>();
const changes = new WeakMap<WireChange, ProgramChangeRecord>();

function recordOf(point: WirePoint): TelemetryPointRecord {
  let record = records.get(point);
  if (!record) {
    record = fromWirePoint(point);
    records.set(point, record);
  }
  return record;
}

function changeOf(change: WireChange): ProgramChangeRecord {
  let record = changes.get(change);
  if (!record) {
    record = fromWireChange(change);
    changes.set(change, record);
  }
  return record;
}

/** Where each device's points are in a telemetry batch: built once per message, for all its subscribers. */
const positionsByBatch = new WeakMap<readonly WirePoint[], Map<string, number[]>>();

/**
 * The points of `wanted` devices (all when null), in the batch's order. A 2,000-point webhook
 * and 1,000 subscribers of 2 devices each: 2,000 look-ups in a per-batch index instead of each
 * subscriber scanning the whole batch (2,000,000 checks per webhook).
 */
function pointsOf(points: readonly WirePoint[], wanted: ReadonlySet<string> | null): readonly WirePoint[] {
  if (wanted === null) return points;
  if (wanted.size >= points.length) return points.filter((p) => wanted.has(p.deviceId));
  let positions = positionsByBatch.get(points);
  if (!positions) {
    positions = new Map();
    for (let i = 0; i < points.length; i++) {
      const deviceId = points[i]!.deviceId;
      const list = positions.get(deviceId);
      if (list) list.push(i);
      else positions.set(deviceId, [i]);
    }
    positionsByBatch.set(points, positions);
  }
  const picked: number[] = [];
  for (const deviceId of wanted) for (const i of positions.get(deviceId) ?? []) picked.push(i);
  return picked.sort((a, b) => a - b).map((i) => points[i]!);
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
