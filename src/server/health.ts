import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProgramConfig } from '../config.js';
import { errorCodeOf, type ErrorCode } from '../errors.js';
import type { FlipClients } from '../flip/index.js';
import type { Logger } from './logger.js';

/** Probes within this window share one upstream check, so probes never hammer Flip. */
const READY_CACHE_MS = 5_000;
/** A readiness check slower than this counts as Flip unreachable. */
const READY_TIMEOUT_MS = 5_000;

type Readiness = { ready: true } | { ready: false; code: ErrorCode | 'STOPPING' };

export interface HealthOptions {
  clients: FlipClients;
  programs: readonly ProgramConfig[];
  logger: Logger;
  /** True once shutdown began: /readyz answers 503 so balancers stop sending traffic. */
  isStopping(): boolean;
  now?: () => number;
}

/**
 * `GET /healthz`: 200 while the process serves HTTP. `GET /readyz`: 200 when Flip answers with
 * our credentials (one GET /v1/programs/{id}/groups of the first program, at most every 5 s),
 * else 503 `{ status: 'unavailable', code }` (UPSTREAM_AUTH_FAILED, UPSTREAM_UNAVAILABLE...).
 * A 429 counts as ready: Flip is reachable and knows us; failing every instance would not help.
 */
export function healthRoute(options: HealthOptions) {
  const now = options.now ?? Date.now;
  let cached: { at: number; result: Promise<Readiness> } | undefined;

  async function check(): Promise<Readiness> {
    const program = options.programs[0];
    if (!program) return { ready: true };
    try {
      await options.clients.utility.listGroups(program.id, {
        requestId: `readyz-${randomUUID()}`,
        signal: AbortSignal.timeout(READY_TIMEOUT_MS),
      });
      return { ready: true };
    } catch (err) {
      const code = errorCodeOf(err);
      if (code === 'RATE_LIMITED') return { ready: true };
      options.logger.warn({ code }, 'readiness check failed');
      return { ready: false, code };
    }
  }

  function readiness(): Promise<Readiness> {
    if (options.isStopping()) return Promise.resolve({ ready: false, code: 'STOPPING' });
    if (!cached || now() - cached.at >= READY_CACHE_MS) cached = { at: now(), result: check() };
    return cached.result;
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname === '/healthz') {
      send(res, 200, { status: 'ok' });
      return true;
    }
    if (url.pathname !== '/readyz') return false;
    const result = await readiness();
    if (result.ready) send(res, 200, { status: 'ok' });
    else send(res, 503, { status: 'unavailable', code: result.code });
    return true;
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}
