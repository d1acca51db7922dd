import { createHmac, timingSafeEqual } from 'node:crypto';

/** REFERENCE.md 1.5: a timestamp more than 5 minutes from now is refused (replay window). */
export const WEBHOOK_TOLERANCE_S = 5 * 60;

export type SignatureCheck = 'ok' | 'missing-headers' | 'stale-timestamp' | 'bad-signature';

export interface WebhookHeaders {
  id?: string;
  timestamp?: string;
  signature?: string;
}

/**
 * Standard Webhooks verification: HMAC-SHA256 over `{id}.{timestamp}.{raw body}` with the base64
 * key after `whsec_`, compared in constant time with every `v1,<base64>` entry of the signature
 * header, against every configured key (several during a rotation).
 */
export function checkSignature(options: {
  secrets: readonly string[];
  headers: WebhookHeaders;
  rawBody: Buffer;
  nowMs: number;
}): SignatureCheck {
  const { id, timestamp, signature } = options.headers;
  if (!id || !timestamp || !signature) return 'missing-headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'stale-timestamp';
  if (Math.abs(options.nowMs / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_S) return 'stale-timestamp';
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), options.rawBody]);
  const offered = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  for (const secret of options.secrets) {
    const expected = createHmac('sha256', keyOf(secret)).update(signed).digest();
    if (offered.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected))) return 'ok';
  }
  return 'bad-signature';
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}
