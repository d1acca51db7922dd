import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import type { Simulator } from '../../src/simulator/types.js';
import { buildClients, startClientHarness } from '../support/client.js';
import { startStubFlip } from '../support/stub-flip.js';

// No wall-clock upper bounds (they fail on a loaded machine): each upstream here WOULD answer,
// well after the bound under test, so a bound that does not hold turns into a success or another
// error, and each test asserts the client gave up before the upstream answered (order).

/** How much later than the bound under test the upstream answers. */
const LATE_ANSWER_MS = 5_000;

/** Settles the call: its error (undefined when it succeeded) and how long it took. */
async function settle<T>(work: () => Promise<T>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, elapsedMs: performance.now() - started };
}

/** The statuses the simulator journaled: 0 for a call it has not answered (yet). */
const answered = (sim: Simulator) => sim.journal.entries().map((e) => e.status);

describe('GET without headers in time', () => {
  it('fails with UPSTREAM_UNAVAILABLE once headersTimeoutMs passes, before a slower upstream answers', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 300, retryMaxAttempts: 1 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: LATE_ANSWER_MS });

    const { error, elapsedMs } = await settle(() => h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message: 'Flip Utility API did not answer within 300 ms (GET /v1/events).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(answered(h.sim)).toEqual([0]);
    // A lower bound only: it waited for the timeout (a loaded machine only makes this later).
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
  });

  it('bounds every retry by the same timeout', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 200, retryMaxAttempts: 3 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: LATE_ANSWER_MS });

    const { error } = await settle(() => h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message: 'Flip Utility API did not answer within 200 ms (GET /v1/events).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    // Three attempts, each given up before the simulator answered it.
    expect(answered(h.sim)).toEqual([0, 0, 0]);
  });

  it('answers normally when the upstream is slow but within the timeout', async () => {
    const h = await startClientHarness({ http: { headersTimeoutMs: 500 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: 150 });

    await expect(h.clients.utility.listEvents()).resolves.toBeInstanceOf(Array);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });

  it('stops waiting as soon as the caller aborts', async () => {
    // Neither the timeout nor the upstream ends the call first: the abort has to.
    const h = await startClientHarness({ http: { headersTimeoutMs: 60_000 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: LATE_ANSWER_MS });
    const controller = new AbortController();
    let settled = false;
    const call = h.clients.utility
      .listEvents({ signal: controller.signal })
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await vi.waitFor(() => expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 }));
    expect(settled).toBe(false);

    controller.abort();
    const error = await call;

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as Error).message).toMatch(/was cancelled/);
    expect(answered(h.sim)).toEqual([0]);
  });
});

/** A stand-in that sends headers and `start`, then (unless the client gave up) `end` much later. */
async function stallingBody(start: string, end: string, drip?: { chunk: string; everyMs: number }) {
  const state = { ended: false };
  const stub = await startStubFlip((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(start);
    const dripping = drip && setInterval(() => res.write(drip.chunk), drip.everyMs);
    const late = setTimeout(() => {
      state.ended = true;
      res.end(end);
    }, LATE_ANSWER_MS);
    res.on('close', () => {
      clearInterval(dripping);
      clearTimeout(late);
    });
  });
  return { stub, state };
}

describe('GET whose body stalls', () => {
  it('fails with UPSTREAM_UNAVAILABLE once bodyTimeoutMs passes after the headers arrived', async () => {
    // Complete and valid once it ends: only the body timeout makes this call fail.
    const { stub, state } = await stallingBody('[', ']');
    const h = buildClients(stub, { http: { bodyTimeoutMs: 400, retryMaxAttempts: 1 } });

    const { error } = await settle(() => h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message: 'Flip Utility API did not finish its answer within 400 ms (GET /v1/events).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(state.ended).toBe(false);
  });

  it('bounds the whole body, not only the gaps between chunks', async () => {
    // A byte every 50 ms: a bound on the gaps alone would wait for the (valid) end.
    const { stub, state } = await stallingBody('[', ']', { chunk: ' ', everyMs: 50 });
    const h = buildClients(stub, { http: { bodyTimeoutMs: 400, retryMaxAttempts: 1 } });

    const { error } = await settle(() => h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message: 'Flip Utility API did not finish its answer within 400 ms (GET /v1/events).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(state.ended).toBe(false);
  });
});
