import { createHmac, randomUUID } from 'node:crypto';
import type { WireTelemetryWebhook } from '../flip/wire.js';
import { devicesOfProgram } from './routes/telemetry.js';
import type { Store } from './store.js';
import { latestPoint } from './telemetry.js';
import type { WebhookDelivery, WebhookFault, WebhookTarget } from './types.js';

/** A late delivery's timestamp: past the receiver's 5-minute window (REFERENCE.md 1.5). */
const LATE_BY_S = 6 * 60;

/**
 * Flip's `telemetry.published` webhooks as the simulator sends them: the latest point of every
 * device of a program, in the envelope of wire.ts WireTelemetryWebhook, signed the Standard
 * Webhooks way (HMAC-SHA256 over `id.timestamp.body`, key = base64 after `whsec_`). Signing is
 * written here on its own, not shared with the receiver, so the two cannot agree on a bug.
 */
export async function deliverWebhooks(
  store: Store,
  target: WebhookTarget,
  fault?: WebhookFault,
): Promise<WebhookDelivery[]> {
  const deliveries: WebhookDelivery[] = [];
  for (const program of store.programDefs()) {
    const nowMs = store.now();
    const payload: WireTelemetryWebhook = {
      type: 'telemetry.published',
      timestamp: new Date(nowMs).toISOString(),
      data: {
        program_id: program.id,
        telemetry: devicesOfProgram(store, program.id, undefined).map((ctx) => latestPoint(ctx, nowMs)),
      },
    };
    const body = JSON.stringify(payload);
    const id = `msg_${randomUUID()}`;
    const timestamp = Math.floor(nowMs / 1000) - (fault === 'late-timestamp' ? LATE_BY_S : 0);
    const secret =
      fault === 'bad-signature' ? `whsec_${Buffer.from('not the key').toString('base64')}` : target.secret;
    const headers = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1,${sign(secret, id, timestamp, body)}`,
    };
    const times = fault === 'duplicate' ? 2 : 1;
    for (let i = 0; i < times; i++) {
      const res = await fetch(target.url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      deliveries.push({
        id,
        programId: program.id,
        status: res.status,
        points: payload.data.telemetry.length,
      });
    }
  }
  return deliveries;
}

/** Sends every `intervalS` until the returned stop function is called; failures are dropped. */
export function scheduleWebhooks(store: Store, target: WebhookTarget & { intervalS: number }): () => void {
  let isSending = false;
  const timer = setInterval(() => {
    if (isSending) return;
    isSending = true;
    deliverWebhooks(store, target)
      .catch(() => undefined)
      .finally(() => {
        isSending = false;
      });
  }, target.intervalS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}
