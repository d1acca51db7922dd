import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import type { CreateEventInput } from '../../src/flip/index.js';
import { buildClients, startClientHarness, type ClientHarness } from '../support/client.js';

function dispatchInput(programId: string): CreateEventInput {
  return {
    programId,
    targetType: 'PROGRAM',
    targetIds: [programId],
    actions: [{ mode: 'DISCHARGE', startsAt: new Date(Date.now() + 3_600_000), durationS: 1_800 }],
  };
}

async function upcomingEventId(h: ClientHarness): Promise<string> {
  const event = await h.clients.utility.createEvent(dispatchInput(h.programId));
  h.sim.journal.clear();
  h.reports.length = 0;
  return event.id;
}

/** A loopback port nobody listens on: connecting is refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('POST /v1/events under failures', () => {
  it.each([
    ['503', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 503 }],
    ['500', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 500 }],
    ['429', 'RATE_LIMITED', { kind: 'status', status: 429, retryAfterS: 1 }],
    ['504 from a gateway', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'status', status: 504 }],
    ['hang', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'hang' }],
    ['reset', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'reset' }],
    ['reset after applying', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'reset', applyFirst: true }],
    ['malformed 200', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'malformed' }],
  ] as const)('sends the POST exactly once under a %s and reports %s', async (_name, code, fault) => {
    const h = await startClientHarness();
    h.sim.faults.add({ method: 'POST', route: '/v1/events', ...fault });

    const error = await h.clients.utility.createEvent(dispatchInput(h.programId)).catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe(code);
    expect(h.sim.journal.counts()).toEqual({ 'POST /v1/events': 1 });
    expect(h.sleeps).toEqual([]);
    expect(h.reports).toMatchObject([
      { method: 'POST', endpoint: '/v1/events', attempts: 1, errorCode: code },
    ]);
  });

  it('tells the caller to check the state before trying again when the outcome is unknown', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'hang' });

    const error = await h.clients.utility.createEvent(dispatchInput(h.programId)).catch((e: unknown) => e);

    expect(error).toMatchObject({
      message:
        'Flip Utility API did not answer within 300 ms (POST /v1/events); the change may or may not have been ' +
        'applied. Check the current state before trying again.',
      extensions: { code: 'UPSTREAM_OUTCOME_UNKNOWN' },
    });
  });

  it('retries a POST whose connection was refused (it never left) and reports UPSTREAM_UNAVAILABLE', async () => {
    const url = await closedPortUrl();
    const h = buildClients({
      utilityUrl: `${url}/utility`,
      cloudUrl: `${url}/cloud`,
      oauthTokenUrl: `${url}/oauth/token`,
      utilityApiKey: 'fl_test_key_0123456789',
      cloudApiKey: 'cloud_test_key_0123456789',
      oauthClient: { clientId: 'id', clientSecret: 'secret' },
    });

    const error = await h.clients.utility.createEvent(dispatchInput('p1')).catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as Error).message).toBe('Flip Utility API refused the connection (POST /v1/events).');
    expect(h.reports).toMatchObject([{ status: 0, attempts: 3, errorCode: 'UPSTREAM_UNAVAILABLE' }]);
  });
});

describe('DELETE /v1/events/{id} under failures', () => {
  it.each([
    ['503', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 503 }],
    ['hang', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'hang' }],
    ['reset', 'UPSTREAM_OUTCOME_UNKNOWN', { kind: 'reset' }],
  ] as const)('sends the DELETE exactly once under a %s and reports %s', async (_name, code, fault) => {
    const h = await startClientHarness();
    const id = await upcomingEventId(h);
    h.sim.faults.add({ method: 'DELETE', route: '/v1/events/{id}', ...fault });

    const error = await h.clients.utility.cancelEvent(id).catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe(code);
    expect(h.sim.journal.calls()).toEqual([{ method: 'DELETE', route: `/v1/events/${id}` }]);
  });

  it('cancels an upcoming event with one call', async () => {
    const h = await startClientHarness();
    const id = await upcomingEventId(h);

    await expect(h.clients.utility.cancelEvent(id)).resolves.toBeUndefined();
    expect(h.sim.journal.calls()).toEqual([{ method: 'DELETE', route: `/v1/events/${id}` }]);
  });
});

describe('PATCH under a lost answer', () => {
  it('retries a PATCH that hangs, then reports UPSTREAM_OUTCOME_UNKNOWN (it may have applied)', async () => {
    const h = await startClientHarness({ http: { retryMaxAttempts: 2 } });
    const [first] = h.sim.state.enrollments(h.programId) as { id: string }[];
    h.sim.faults.add({ method: 'PATCH', route: '/v1/enrollments/{id}', kind: 'hang' });

    const error = await h.clients.utility
      .updateEnrollment(first!.id, { statusReason: 'x' })
      .catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    expect(h.sim.journal.counts()).toEqual({ 'PATCH /v1/enrollments/{id}': 2 });
  });

  it('sends a group re-key once: repeating it would address the old id', async () => {
    const h = await startClientHarness();
    const [group] = h.sim.state.groups(h.programId);
    h.sim.faults.add({
      method: 'PATCH',
      route: '/v1/programs/{programId}/groups/{id}',
      kind: 'status',
      status: 503,
    });

    const error = await h.clients.utility
      .updateGroup(h.programId, group!.id, { id: `${group!.id}-renamed` })
      .catch((e: unknown) => e);

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
    expect(h.sim.journal.counts()).toEqual({ 'PATCH /v1/programs/{programId}/groups/{id}': 1 });
  });
});
