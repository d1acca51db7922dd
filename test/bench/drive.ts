import autocannon from 'autocannon';
import { Pool } from 'undici';
import { API_KEY } from './processes.js';

/** What one measured run came to. Latencies in ms, per operation. */
export interface Measured {
  ops: number;
  durationS: number;
  opsPerS: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Non-2xx answers and socket errors/timeouts. */
  failures: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at]!;
}

function summarise(latencies: number[], durationS: number, failures: number): Measured {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ops: sorted.length,
    durationS,
    opsPerS: sorted.length / durationS,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    failures,
  };
}

/**
 * autocannon against the service: each request is one GraphQL operation whose body `next()`
 * makes (cycling through ids). Latency of every response is recorded (autocannon's own table has
 * no p95).
 */
export async function driveGraphql(options: {
  url: string;
  connections: number;
  durationS: number;
  next: () => string;
}): Promise<Measured> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationS,
        timeout: 60,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: options.next() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTimeMs) => {
      if (status >= 200 && status < 300) latencies.push(responseTimeMs);
    });
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  return summarise(latencies, options.durationS, failures);
}

/** One frontend operation: the REST calls a frontend would make for the same data. */
export type DirectOp = (upstream: Pool) => Promise<void>;

/**
 * The direct-REST baseline: `connections` workers each run `op` in a loop for `durationS`, on one
 * keep-alive pool to the simulator; an operation's latency is that of all its calls (in parallel
 * where a frontend could, in sequence where one needs the other). Bodies are downloaded, not parsed.
 */
export async function driveDirect(options: {
  utilityUrl: string;
  connections: number;
  durationS: number;
  op: DirectOp;
}): Promise<Measured> {
  const pool = new Pool(new URL(options.utilityUrl).origin, { connections: options.connections * 4 });
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + options.durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        await options.op(pool);
        latencies.push(performance.now() - started);
      } catch {
        failures++;
      }
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsedS = (performance.now() - startedAt) / 1000;
  await pool.close();
  return summarise(latencies, elapsedS, failures);
}

/** One REST call for a direct op; throws on a non-2xx. */
export async function call(
  pool: Pool,
  utility: { utilityUrl: string; utilityKey: string },
  spec: { method: 'GET' | 'POST' | 'PATCH'; path: string; json?: unknown },
): Promise<unknown> {
  const base = new URL(utility.utilityUrl).pathname.replace(/\/$/, '');
  const res = await pool.request({
    method: spec.method,
    path: `${base}${spec.path}`,
    headers: {
      authorization: `Bearer ${utility.utilityKey}`,
      ...(spec.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: spec.json === undefined ? undefined : JSON.stringify(spec.json),
  });
  const body = await res.body.arrayBuffer();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`${spec.path}: ${res.statusCode}`);
  return body;
}

/** Times one GraphQL request (for cold measurements). */
export async function timeOne(url: string, body: string): Promise<{ ms: number; text: string }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body,
  });
  const text = await res.text();
  return { ms: performance.now() - started, text };
}
