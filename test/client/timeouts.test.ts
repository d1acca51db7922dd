import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import { buildClients, startClientHarness } from '../support/client.js';
import { startStubFlip } from '../support/stub-flip.js';

/** Scheduling slack on a shared 2-core machine; the bounds asserted are correctness bounds. */
const MARGIN_MS = 400;

async function timed<T>(work: () => Promise<T>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, elapsedMs: performance.now() - started };
}

describe('GET under a hang', () => {
  it('fails within headersTimeoutMs with UPSTREAM_UNAVAILABLE', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 300, retryMaxAttempts: 1 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'hang' });

    const { error, elapsedMs } = await timed(() => h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message: 'Flip Utility API did not answer within 300 ms (GET /v1/events).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(300 + MARGIN_MS);
  });

  it('bounds every retry by the same timeout', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 200, retryMaxAttempts: 3 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'hang' });

    const { error, elapsedMs } = await timed(() => h.clients.utility.listEvents());

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 3 });
    expect(elapsedMs).toBeLessThan(3 * 200 + MARGIN_MS);
  });

  it('answers normally when the upstream is slow but within the timeout', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 500 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: 150 });

    await expect(h.clients.utility.listEvents()).resolves.toBeInstanceOf(Array);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });

  it('stops waiting as soon as the caller aborts', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 5_000 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'hang' });
    const controller = new AbortController();
    const call = h.clients.utility.listEvents({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 }));

    const { error, elapsedMs } = await timed(async () => {
      controller.abort();
      throw await call;
    });

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(elapsedMs).toBeLessThan(MARGIN_MS);
  });
});

describe('GET whose body stalls', () => {
  it('fails within bodyTimeoutMs once the headers arrived', async () => {
    const stub = await startStubFlip((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"id": "e1", ');
    });
    const h = buildClients(stub, { http: { bodyTimeoutMs: 400, retryMaxAttempts: 1 } });

    const { error, elapsedMs } = await timed(() => h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message: 'Flip Utility API did not finish its answer within 400 ms (GET /v1/events).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(elapsedMs).toBeLessThan(400 + MARGIN_MS);
  });

  it('bounds the whole body, not only the gaps between chunks', async () => {
    const stub = await startStubFlip((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 50);
      res.on('close', () => clearInterval(drip));
    });
    const h = buildClients(stub, { http: { bodyTimeoutMs: 400, retryMaxAttempts: 1 } });

    const { error, elapsedMs } = await timed(() => h.clients.utility.listEvents());

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(elapsedMs).toBeLessThan(400 + MARGIN_MS);
  });
});
