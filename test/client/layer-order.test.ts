import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import { startClientHarness } from '../support/client.js';

// The client is layers around one exchange (src/flip/http.ts): coalesce, report, readBody,
// retry, refreshOn401, countAttempt, limit. Each test here fails under another order.

const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

const events = { method: 'GET', route: '/v1/events' };

describe('the 401 repeat inside the retry policy', () => {
  it('does not use up retryMaxAttempts', async () => {
    const h = await startClientHarness({ auth: 'oauth', http: { retryMaxAttempts: 2 } });
    h.sim.faults.add({ ...events, kind: 'status', status: 401, times: 1 });
    h.sim.faults.add({ ...events, kind: 'status', status: 503, times: 1 });

    await h.clients.utility.listEvents();

    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 3 });
    expect(h.sim.journal.tokenRequests()).toBe(2);
    expect(h.reports.filter((r) => r.upstream === 'utility')).toMatchObject([{ status: 200, attempts: 3 }]);
  });

  it('happens once per call, not once per retry', async () => {
    const h = await startClientHarness({ auth: 'oauth' });
    h.sim.faults.add({ ...events, kind: 'status', status: 401, times: 1 });
    h.sim.faults.add({ ...events, kind: 'status', status: 503, times: 1 });
    h.sim.faults.add({ ...events, kind: 'status', status: 401, times: 1 });

    const error = await caught(h.clients.utility.listEvents());

    expect(errorCodeOf(error)).toBe('UPSTREAM_AUTH_FAILED');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 3 });
    expect(h.sim.journal.tokenRequests()).toBe(2);
    expect(h.reports.filter((r) => r.upstream === 'utility')).toMatchObject([
      { status: 401, attempts: 3, errorCode: 'UPSTREAM_AUTH_FAILED' },
    ]);
  });

  it('repeats a POST refused with 401 once, and never after it may have reached Flip', async () => {
    const h = await startClientHarness({ auth: 'oauth' });
    h.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'status', status: 401, times: 1 });
    h.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'status', status: 503, times: 1 });

    const error = await caught(
      h.clients.utility.createEvent({
        programId: h.programId,
        targetType: 'PROGRAM',
        targetIds: [h.programId],
        actions: [{ mode: 'CHARGE', startsAt: new Date(Date.now() + 3_600_000), durationS: 900 }],
      }),
    );

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sim.journal.counts()).toEqual({ 'POST /v1/events': 2 });
    expect(h.sleeps).toEqual([]);
  });
});

describe('the in-flight bound below the retry policy', () => {
  it('lets another call go while a call backs off', async () => {
    const h = await startClientHarness({ http: { maxInFlight: 1 } });
    h.sim.faults.add({ ...events, kind: 'status', status: 503, times: 1 });

    // The events call takes the only slot first; its 503 hands the slot to the groups call, and
    // its retry waits for the slot again instead of keeping it through the back-off.
    await Promise.all([h.clients.utility.listEvents(), h.clients.utility.listGroups(h.programId)]);

    expect(h.sim.journal.entries().map((e) => e.route)).toEqual([
      '/v1/events',
      '/v1/programs/{programId}/groups',
      '/v1/events',
    ]);
  });
});

describe('coalescing above the retry policy and the report', () => {
  it('gives identical reads one call, its retries and one report', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ ...events, kind: 'status', status: 503, times: 1 });

    const results = await Promise.all(
      Array.from({ length: 3 }, (_, i) => h.clients.utility.listEvents({ requestId: `req-${i}` })),
    );

    expect(results[2]).toEqual(results[0]);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 2 });
    expect(h.sleeps).toHaveLength(1);
    expect(h.reports).toMatchObject([
      { endpoint: '/v1/events', status: 200, attempts: 2, requestId: 'req-0' },
    ]);
  });
});
