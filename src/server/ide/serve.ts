import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { IdePage } from './page.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli quality for the ~9 MB page: 11 takes tens of seconds of CPU for a few % less; 9 gets
 * it to about a tenth in well under a second or two, once per process.
 */
const BROTLI_QUALITY = 9;

/** The page's bytes, each encoding compressed once, on first demand, and its ETag. */
export interface EncodedPage {
  page: IdePage;
  etag: string;
  body(encoding: Encoding): Promise<Buffer>;
}

export type Encoding = 'br' | 'gzip' | 'identity';

export function encodePage(page: IdePage): EncodedPage {
  const raw = Buffer.from(page.html, 'utf8');
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
  const bodies = new Map<Encoding, Promise<Buffer>>();
  return {
    page,
    etag,
    body(encoding) {
      let body = bodies.get(encoding);
      if (!body) {
        body =
          encoding === 'br'
            ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
            : encoding === 'gzip'
              ? gzipAsync(raw, { level: 9 })
              : Promise.resolve(raw);
        bodies.set(encoding, body);
      }
      return body;
    },
  };
}

/** The encoding to answer with: brotli, then gzip, when the browser lists it (q=0 refuses). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Answers the page: compressed as the browser asks, with an ETag so a reload costs a 304, and
 * `no-cache` (revalidate each time: the page changes with the examples and the service version).
 * Everything the page needs is inlined in it, so there is no other asset to cache.
 */
export async function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  encoded: EncodedPage,
): Promise<void> {
  for (const [name, value] of Object.entries(encoded.page.headers)) res.setHeader(name, value);
  res.setHeader('etag', encoded.etag);
  res.setHeader('cache-control', 'no-cache');
  const vary = res.getHeader('vary');
  res.setHeader('vary', [vary, 'Accept, Accept-Encoding'].filter(Boolean).join(', '));
  if (req.headers['if-none-match'] === encoded.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const body = await encoded.body(encoding);
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}
