import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import { startClientHarness } from '../support/client.js';

const list = (programId: string) => ({
  method: 'GET',
  route: '/v1/enrollments',
  query: { program_id: programId },
});

describe('GET under transient failures', () => {
  it('retries through two 503s and succeeds on the third call', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ method: 'GET', route: '/v1/enrollments', kind: 'status', status: 503, times: 2 });

    const enrollments = await h.clients.utility.listEnrollments(h.programId);

    expect(enrollments.length).toBe(h.sim.state.enrollments(h.programId).length);
    expect(h.sim.journal.calls()).toEqual([list(h.programId), list(h.programId), list(h.programId)]);
    expect(h.reports).toMatchObject([{ endpoint: '/v1/enrollments', status: 200, attempts: 3 }]);
  });

  it.each([502, 504, 429])('retries a %i once and succeeds', async (status) => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/programs/{programId}/groups', kind: 'status', status, times: 1 });

    await h.clients.utility.listGroups(h.programId);

    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/programs/{programId}/groups': 2 });
  });

  it('retries after a connection reset', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/events', method: 'GET', kind: 'reset', times: 1 });

    await h.clients.utility.listEvents();

    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 2 });
  });

  it('does not retry a 500', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 500 });

    const error = await h.clients.utility.listEvents().catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });

  it('backs off exponentially with full jitter', async () => {
    const jitter = [0.5, 0.25, 0.999];
    const harness = await startClientHarness({
      http: { retryBaseDelayMs: 100, retryMaxAttempts: 4 },
      client: { random: () => jitter.shift() ?? 0 },
    });
    harness.sim.faults.add({ route: '/v1/events', kind: 'status', status: 503, times: 3 });

    await harness.clients.utility.listEvents();

    // Ceilings 100, 200, 400 ms: uniform in [0, ceiling).
    expect(harness.sleeps).toEqual([50, 50, 399]);
    expect(harness.sim.journal.counts()).toEqual({ 'GET /v1/events': 4 });
  });

  it('waits at least Retry-After before the next attempt', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 429, retryAfterS: 2, times: 1 });

    await h.clients.utility.listEvents();

    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(2_000);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 2 });
  });

  it('stops after retryMaxAttempts with UPSTREAM_UNAVAILABLE', async () => {
    const h = await startClientHarness({ http: { retryMaxAttempts: 3 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 503 });

    const error = await h.clients.utility.listEvents().catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 3 });
    expect(h.reports).toMatchObject([{ status: 503, attempts: 3, errorCode: 'UPSTREAM_UNAVAILABLE' }]);
  });

  it('gives up at once when Retry-After exceeds the remaining total budget', async () => {
    const h = await startClientHarness({ http: { retryMaxTotalMs: 1_000 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 503, retryAfterS: 5 });

    const error = await h.clients.utility.listEvents().catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sleeps).toEqual([]);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });
});

describe('idempotent requests that are not GETs', () => {
  it('retries a PATCH of an enrollment through a 503', async () => {
    const h = await startClientHarness();
    const [first] = h.sim.state.enrollments(h.programId) as { id: string }[];
    h.sim.faults.add({
      method: 'PATCH',
      route: '/v1/enrollments/{id}',
      kind: 'status',
      status: 503,
      times: 1,
    });

    const updated = await h.clients.utility.updateEnrollment(first!.id, { statusReason: 'checked' });

    expect(updated.statusReason).toBe('checked');
    expect(h.sim.journal.counts()).toEqual({ 'PATCH /v1/enrollments/{id}': 2 });
  });

  it('retries the latest-telemetry query (a POST that only reads) through a 503', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/telemetry/latest', kind: 'status', status: 503, times: 1 });

    await h.clients.utility.latestTelemetry(h.programId, undefined);

    expect(h.sim.journal.counts()).toEqual({ 'POST /v1/telemetry/latest': 2 });
  });
});
