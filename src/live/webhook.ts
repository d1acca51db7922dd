import { parseTelemetryWebhook, type TelemetryPointRecord } from '../flip/index.js';
import type { KeyValueStore } from '../store/index.js';
import { checkSignature } from './signature.js';

/** A Webhook-Id is remembered this long: past the 5-minute window a redelivery is refused anyway. */
const DEDUPE_TTL_S = 15 * 60;

export interface WebhookRequest {
  headers: { id?: string; timestamp?: string; signature?: string };
  rawBody: Buffer;
}

/**
 * `status` to answer at once; `process` (when present) runs after answering: Flip is told 204
 * quickly and the points are published afterwards.
 */
export interface WebhookReceipt {
  status: 204 | 401 | 404 | 503;
  process?: () => Promise<void>;
}

export interface WebhookReceiver {
  isConfigured: boolean;
  receive(request: WebhookRequest): Promise<WebhookReceipt>;
}

/**
 * POST /webhooks/flip: verify (Standard Webhooks), refuse a stale timestamp, drop a Webhook-Id
 * already seen by any instance (the shared store), then parse and publish after answering.
 * 401 means nothing was processed. 503 when the store cannot be reached: Flip may redeliver.
 */
export function createWebhookReceiver(options: {
  secrets: readonly string[];
  store: KeyValueStore;
  now: () => number;
  /** A webhook about a program this service is not configured for is counted and dropped. */
  programIds: readonly string[];
  publish: (programId: string, points: TelemetryPointRecord[]) => Promise<void>;
  observe: (outcome: string, counts?: { points?: number; rejectedPoints?: number }) => void;
}): WebhookReceiver {
  return {
    isConfigured: options.secrets.length > 0,
    async receive(request) {
      if (options.secrets.length === 0) {
        options.observe('not-configured');
        return { status: 404 };
      }
      const check = checkSignature({
        secrets: options.secrets,
        headers: request.headers,
        rawBody: request.rawBody,
        nowMs: options.now(),
      });
      if (check !== 'ok') {
        options.observe(check);
        return { status: 401 };
      }
      let isFirst: boolean;
      try {
        isFirst = await options.store.setIfAbsent(`live:webhook:${request.headers.id}`, 1, DEDUPE_TTL_S);
      } catch {
        options.observe('store-unavailable');
        return { status: 503 };
      }
      if (!isFirst) {
        options.observe('duplicate');
        return { status: 204 };
      }
      return {
        status: 204,
        process: async () => {
          const parsed = parseTelemetryWebhook(request.rawBody.toString('utf8'));
          if (!parsed.ok) {
            options.observe(parsed.reason);
            return;
          }
          if (!options.programIds.includes(parsed.programId)) {
            options.observe('unknown-program');
            return;
          }
          options.observe(parsed.rejectedPoints > 0 ? 'accepted-partly' : 'accepted', {
            points: parsed.points.length,
            rejectedPoints: parsed.rejectedPoints,
          });
          await options.publish(parsed.programId, parsed.points);
        },
      };
    },
  };
}
