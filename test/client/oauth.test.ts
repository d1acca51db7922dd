import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import { startClientHarness } from '../support/client.js';

const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('OAuth client credentials', () => {
  it('fetches one token for many calls, concurrent first calls included', async () => {
    const h = await startClientHarness({ auth: 'oauth' });

    await Promise.all([
      h.clients.utility.listEvents(),
      h.clients.utility.listGroups(h.programId),
      h.clients.utility.listEnrollments(h.programId),
    ]);
    for (let i = 0; i < 5; i++) await h.clients.utility.listGroups(h.programId);

    expect(h.sim.journal.tokenRequests()).toBe(1);
    expect(h.reports.filter((r) => r.upstream === 'oauth')).toMatchObject([
      { method: 'POST', endpoint: '/oauth/token', status: 200, attempts: 1 },
    ]);
  });

  it('refreshes the token once 80 % of its lifetime has passed', async () => {
    let nowMs = Date.parse('2026-01-01T00:00:00Z');
    const now = () => nowMs;
    const h = await startClientHarness({ auth: 'oauth', sim: { now, tokenTtlS: 100 }, client: { now } });

    await h.clients.utility.listEvents();
    nowMs += 79_000;
    await h.clients.utility.listEvents();
    expect(h.sim.journal.tokenRequests()).toBe(1);

    nowMs += 2_000;
    await h.clients.utility.listEvents();
    expect(h.sim.journal.tokenRequests()).toBe(2);

    nowMs += 50_000;
    await h.clients.utility.listEvents();
    expect(h.sim.journal.tokenRequests()).toBe(2);
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 4 });
  });

  it('retries once with a fresh token after a 401', async () => {
    const h = await startClientHarness({ auth: 'oauth' });
    h.sim.faults.add({ method: 'GET', route: '/v1/events', kind: 'status', status: 401, times: 1 });

    await h.clients.utility.listEvents();

    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 2 });
    expect(h.sim.journal.tokenRequests()).toBe(2);
  });

  it('retries even a POST once after a 401: a refused request was not applied', async () => {
    const h = await startClientHarness({ auth: 'oauth' });
    h.sim.faults.add({ method: 'POST', route: '/v1/events', kind: 'status', status: 401, times: 1 });

    const event = await h.clients.utility.createEvent({
      programId: h.programId,
      targetType: 'PROGRAM',
      targetIds: [h.programId],
      actions: [{ mode: 'CHARGE', startsAt: new Date(Date.now() + 3_600_000), durationS: 900 }],
    });

    expect(event.programId).toBe(h.programId);
    expect(h.sim.journal.counts()).toEqual({ 'POST /v1/events': 2 });
  });

  it('reports UPSTREAM_AUTH_FAILED when the fresh token is refused as well', async () => {
    const h = await startClientHarness({ auth: 'oauth' });
    h.sim.faults.add({ method: 'GET', route: '/v1/events', kind: 'status', status: 401, times: 2 });

    const error = await caught(h.clients.utility.listEvents());

    expect(errorCodeOf(error)).toBe('UPSTREAM_AUTH_FAILED');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 2 });
  });

  it('reports UPSTREAM_AUTH_FAILED for a wrong client secret, naming neither secret nor token', async () => {
    const h = await startClientHarness({ auth: { clientSecret: 'wrong_secret_do_not_log_0001' } });

    const error = await caught(h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message:
        "Flip OAuth token endpoint rejected this service's credentials (HTTP 401); an operator must fix the configuration.",
      extensions: { code: 'UPSTREAM_AUTH_FAILED' },
    });
    expect(h.sim.journal.tokenRequests()).toBe(1);
    expect(h.sim.journal.calls()).toEqual([]);
    const everything = JSON.stringify({
      error,
      ext: (error as { extensions: unknown }).extensions,
      r: h.reports,
    });
    expect(everything).not.toContain('wrong_secret');
  });

  it('never puts the token or secret in errors or reports', async () => {
    const h = await startClientHarness({ auth: 'oauth' });
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 503 });

    const error = await caught(h.clients.utility.listEvents());

    const everything = JSON.stringify({
      error,
      ext: (error as { extensions: unknown }).extensions,
      r: h.reports,
    });
    expect(everything).not.toMatch(/sim_at_|Bearer/);
    expect(everything).not.toContain(h.sim.oauthClient.clientSecret);
  });
});
