import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookReceipt, WebhookRequest } from '../live/index.js';
import type { Logger } from './logger.js';

export const WEBHOOK_PATH = '/webhooks/flip';

/**
 * POST /webhooks/flip (REFERENCE.md 1.5): the raw body (bounded, the signature covers its bytes)
 * and the Standard Webhooks headers go to live/; the answer is sent before the points are
 * processed, so Flip sees 204 quickly. 401: bad or missing signature, stale timestamp (nothing
 * processed); 413: body too large; 404: no FLIP_WEBHOOK_SECRET configured.
 */
export function webhookRoute(options: {
  receive(request: WebhookRequest): Promise<WebhookReceipt>;
  maxBodyBytes: number;
  logger: Logger;
}) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== WEBHOOK_PATH) return false;
    if (req.method !== 'POST') {
      answer(res, 405);
      return true;
    }
    const rawBody = await readRaw(req, options.maxBodyBytes);
    if (rawBody === 'aborted') return true;
    if (rawBody === 'too-large') {
      answer(res, 413);
      return true;
    }
    const receipt = await options.receive({
      headers: {
        id: header(req, 'webhook-id'),
        timestamp: header(req, 'webhook-timestamp'),
        signature: header(req, 'webhook-signature'),
      },
      rawBody,
    });
    answer(res, receipt.status);
    receipt.process?.().catch((err: unknown) => {
      options.logger.error(
        { err: { message: err instanceof Error ? err.message : String(err) } },
        'webhook processing failed',
      );
    });
    return true;
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function answer(res: ServerResponse, status: number): void {
  res.statusCode = status;
  if (status === 401) res.setHeader('www-authenticate', 'Webhook-Signature');
  res.end();
}

async function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return 'too-large';
      chunks.push(chunk);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks);
}
