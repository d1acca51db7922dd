import type { JsonValue, MessageBus } from '../store/index.js';
import { createSubscriberQueue, type SubscriberQueue } from './queue.js';
import type { LiveMessage } from './types.js';

/** Which messages a subscriber hears: one kind, one program. */
export interface Topic {
  kind: LiveMessage['kind'];
  programId: string;
}

export interface SubscribeOptions<T> {
  /** The items of a message for this subscriber (none: skip it), e.g. its devices' points. */
  select(message: LiveMessage): T[];
  /** The subscriber fell too far behind and was dropped (the transport closes its connection). */
  onOverflow?: () => void;
}

/**
 * The change hub: a message published here reaches every local subscriber of its topic and, with
 * a bus (Redis pub/sub), every other instance's. Delivery is at most once across instances
 * (redis-bus.ts); locally it never blocks the publisher: each subscriber has a bounded queue.
 */
export interface LiveHub {
  /** Delivers locally at once; the bus is best effort (a failure is reported, not thrown). */
  publish(message: LiveMessage): Promise<void>;
  subscribe<T>(topic: Topic, options: SubscribeOptions<T>): SubscriberQueue<T>;
  /** Subscribers on this instance (for /metrics and tests). */
  subscriberCount(): number;
  /** Ends every subscription. */
  close(): void;
}

interface Subscriber {
  deliver(message: LiveMessage): void;
  end(): void;
}

export function createLiveHub(options: {
  queueMax: number;
  bus?: MessageBus;
  onBusError?: (error: unknown) => void;
  /** Sees every message delivered here, local or from the bus, before subscribers do. */
  onMessage?: (message: LiveMessage) => void;
}): LiveHub {
  const byTopic = new Map<string, Set<Subscriber>>();
  const keyOf = (kind: string, programId: string) => `${kind}\u0000${programId}`;

  const deliverLocally = (message: LiveMessage) => {
    options.onMessage?.(message);
    const subscribers = byTopic.get(keyOf(message.kind, message.programId));
    if (!subscribers) return;
    for (const subscriber of [...subscribers]) subscriber.deliver(message);
  };

  options.bus?.subscribe((event) => {
    // A message missed while Redis was away is lost (at most once); subscribers keep their streams.
    if ('message' in event) deliverLocally(event.message as unknown as LiveMessage);
  });

  return {
    async publish(message) {
      deliverLocally(message);
      if (!options.bus) return;
      try {
        await options.bus.publish(message as unknown as JsonValue);
      } catch (error) {
        options.onBusError?.(error);
      }
    },
    subscribe<T>(topic: Topic, subscribeOptions: SubscribeOptions<T>) {
      const key = keyOf(topic.kind, topic.programId);
      const set = byTopic.get(key) ?? new Set<Subscriber>();
      byTopic.set(key, set);
      const subscriber: Subscriber = {
        deliver(message) {
          for (const item of subscribeOptions.select(message)) if (!queue.push(item)) return;
        },
        end: () => queue.end(),
      };
      const queue: SubscriberQueue<T> = createSubscriberQueue<T>({
        cap: options.queueMax,
        onOverflow: subscribeOptions.onOverflow,
        onEnd() {
          set.delete(subscriber);
          if (set.size === 0 && byTopic.get(key) === set) byTopic.delete(key);
        },
      });
      set.add(subscriber);
      return queue;
    },
    subscriberCount() {
      let n = 0;
      for (const set of byTopic.values()) n += set.size;
      return n;
    },
    close() {
      for (const set of [...byTopic.values()]) for (const s of [...set]) s.end();
    },
  };
}
