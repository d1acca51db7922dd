import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import { startClientHarness } from '../support/client.js';

describe('identical concurrent GETs', () => {
  it('share one upstream request; the enrollment list is one shared, frozen-by-contract result', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/enrollments', kind: 'latency', latencyMs: 50 });

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.clients.utility.listEnrollments(h.programId, { requestId: `req-${i}` }),
      ),
    );

    expect(h.sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/enrollments', query: { program_id: h.programId } },
    ]);
    // Mapped once while it downloads (issue 9); the type is readonly and no caller mutates it.
    expect(results[9]).toBe(results[0]);
    expect(results[0]!.length).toBeGreaterThan(0);
    expect(h.reports).toMatchObject([{ endpoint: '/v1/enrollments', attempts: 1, requestId: 'req-0' }]);
  });

  it('does not share requests that differ in their query', async () => {
    const h = await startClientHarness();
    const [a, b] = h.sim.programs;

    await Promise.all([h.clients.utility.listGroups(a!.id), h.clients.utility.listGroups(b!.id)]);

    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/programs/{programId}/groups': 2 });
  });

  it('does not cache: a call after the first settled goes upstream again', async () => {
    const h = await startClientHarness();

    await h.clients.utility.listEvents();
    await h.clients.utility.listEvents();

    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 2 });
  });

  it('gives every waiting caller the shared failure', async () => {
    const h = await startClientHarness({ http: { retryMaxAttempts: 1 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 500 });

    const settled = await Promise.allSettled(Array.from({ length: 3 }, () => h.clients.utility.listEvents()));

    expect(settled.map((s) => (s.status === 'rejected' ? errorCodeOf(s.reason) : 'ok'))).toEqual([
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_UNAVAILABLE',
    ]);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });

  it('keeps the shared request alive while one caller still waits', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/events', kind: 'latency', latencyMs: 100 });
    const leaving = new AbortController();

    const gone = h.clients.utility
      .listEvents({ signal: leaving.signal })
      .catch((e: unknown) => errorCodeOf(e));
    const staying = h.clients.utility.listEvents();
    leaving.abort();

    await expect(staying).resolves.toBeInstanceOf(Array);
    expect(await gone).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });
});

describe('concurrent writes', () => {
  it('are never coalesced', async () => {
    const h = await startClientHarness();
    const [first] = h.sim.state.enrollments(h.programId) as { id: string }[];

    await Promise.all([
      h.clients.utility.updateEnrollment(first!.id, { statusReason: 'same' }),
      h.clients.utility.updateEnrollment(first!.id, { statusReason: 'same' }),
    ]);

    expect(h.sim.journal.counts()).toEqual({ 'PATCH /v1/enrollments/{id}': 2 });
  });
});
