import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './redis.js';
import type { JsonValue } from './types.js';

/**
 * Messages between the instances sharing one Redis (pub/sub on one channel): what one instance
 * publishes, every other instance hears; an instance never hears itself. Delivery is at most
 * once: a message sent while a subscriber was disconnected is lost, so a subscriber is told
 * `missed` when its connection comes back and must assume it missed anything.
 */
export interface MessageBus {
  /** Rejects when Redis is unreachable. */
  publish(message: JsonValue): Promise<void>;
  /** `missed` after the subscription came back from a disconnect. */
  subscribe(listener: (event: { message: JsonValue } | { missed: true }) => void): void;
}

export function createRedisBus(connection: RedisConnection, channel: string): MessageBus {
  const origin = randomUUID();
  const listeners: ((event: { message: JsonValue } | { missed: true }) => void)[] = [];
  const { client, subscriber } = connection;
  let hasSubscribed = false;

  const join = () => {
    subscriber.subscribe(channel).then(
      () => {
        if (hasSubscribed) for (const listener of listeners) listener({ missed: true });
        hasSubscribed = true;
      },
      // Not connected yet: the next 'ready' tries again.
      () => undefined,
    );
  };
  subscriber.on('ready', join);
  if (subscriber.status === 'ready') join();
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let parsed: { origin?: unknown; message?: JsonValue };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.origin === origin || parsed.message === undefined) return;
    for (const listener of listeners) listener({ message: parsed.message });
  });

  return {
    async publish(message) {
      await client.publish(channel, JSON.stringify({ origin, message }));
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}
