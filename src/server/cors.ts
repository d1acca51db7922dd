import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a browser page may send: the token, JSON, Apollo's CSRF header, a trace context, debug. */
const ALLOWED_HEADERS =
  'authorization, content-type, apollo-require-preflight, traceparent, x-request-id, x-debug-cost';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What a page may read from an answer besides the simple headers. */
const EXPOSED_HEADERS = 'x-request-id, www-authenticate';
/** Seconds a browser may reuse a preflight answer (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE_S = 600;

export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * CORS from config.corsOrigins (exact origins, `scheme://host:*`, or `*`). Sets the headers of an
 * allowed origin on every answer and answers a preflight itself, before auth: a browser never
 * sends the token on a preflight. Returns true when the request is fully answered (a preflight).
 * A refused origin gets no CORS header at all, so the browser keeps the answer from the page.
 */
export function createCors(origins: readonly string[]): CorsHandler {
  const isAllowed = originMatcher(origins);
  const isWildcard = origins.includes('*');
  return (req, res) => {
    const origin = req.headers.origin;
    if (origins.length > 0) res.setHeader('vary', 'Origin');
    if (typeof origin !== 'string' || !isAllowed(origin)) {
      if (isPreflight(req, origin)) {
        res.statusCode = 403;
        res.end();
        return true;
      }
      return false;
    }
    if (isWildcard) {
      // Credentials never go with a wildcard (the browser would refuse it anyway).
      res.setHeader('access-control-allow-origin', '*');
    } else {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
    }
    if (!isPreflight(req, origin)) {
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      return false;
    }
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_S));
    res.statusCode = 204;
    res.end();
    return true;
  };
}

function isPreflight(req: IncomingMessage, origin: unknown): boolean {
  return (
    req.method === 'OPTIONS' &&
    typeof origin === 'string' &&
    typeof req.headers['access-control-request-method'] === 'string'
  );
}

function originMatcher(origins: readonly string[]): (origin: string) => boolean {
  if (origins.includes('*')) return () => true;
  const exact = new Set(origins.filter((o) => !o.endsWith(':*')));
  const anyPort = origins.filter((o) => o.endsWith(':*')).map((o) => o.slice(0, -2));
  return (origin) => {
    const normalized = origin.toLowerCase();
    if (exact.has(normalized)) return true;
    // `http://localhost:*` allows http://localhost and http://localhost:<port>, nothing else.
    return anyPort.some(
      (base) => normalized === base || new RegExp(`^${escape(base)}:\\d{1,5}$`).test(normalized),
    );
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
