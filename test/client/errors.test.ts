import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../src/errors.js';
import type { CreateEventInput } from '../../src/flip/index.js';
import { buildClients, startClientHarness } from '../support/client.js';

const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

function dispatch(programId: string, over: Partial<CreateEventInput> = {}): CreateEventInput {
  return {
    programId,
    targetType: 'PROGRAM',
    targetIds: [programId],
    actions: [{ mode: 'DISCHARGE', startsAt: new Date(Date.now() + 3_600_000), durationS: 1_800 }],
    ...over,
  };
}

function battery() {
  return {
    id: 'dev-x',
    manufacturerName: 'M',
    productName: 'P',
    serialNumber: 'S',
    type: 'BATTERY' as const,
    batteryCapacityWh: 10_000,
    batteryPowerInputW: 5_000,
    batteryPowerOutputW: 5_000,
    installDate: new Date('2024-01-01T00:00:00Z'),
  };
}

describe('upstream 400 and 422', () => {
  it('maps a 422 to BAD_USER_INPUT with the field paths of detail[].loc', async () => {
    const h = await startClientHarness();
    const input = dispatch(h.programId);
    input.actions[0]!.durationS = -5;

    const error = await caught(h.clients.utility.createEvent(input));

    expect(error).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fieldPaths: ['actions[0].duration_s'] },
    });
    // Flip's own words stay out of the message (issue 18 section 4); the log gets them.
    expect((error as Error).message).toBe(
      'Flip Utility API refused the input at actions[0].duration_s (HTTP 422).',
    );
    expect((error as { upstreamDetail?: string }).upstreamDetail).toMatch(/^actions\[0\]\.duration_s: /);
  });

  it('maps a 400 to BAD_USER_INPUT with the field paths of errors[].path', async () => {
    const h = await startClientHarness();

    const error = await caught(
      h.clients.utility.createEvent(
        dispatch(h.programId, { targetType: 'SITE', targetIds: ['no-such-site'] }),
      ),
    );

    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fieldPaths: ['target_ids[0]'] } });
    expect(h.sim.journal.counts()).toEqual({ 'POST /v1/events': 1 });
  });

  it("maps the Cloud API's bare FastAPI 422 the same way", async () => {
    const h = await startClientHarness();

    const error = await caught(
      h.clients.cloud.commission({
        site: { id: 'site-x', stateCode: 'XX' },
        devices: [battery()],
      }),
    );

    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fieldPaths: ['site.state_code'] } });
  });

  it('maps the commission 422 naming missing site attributes to their field paths', async () => {
    const h = await startClientHarness();

    const error = await caught(h.clients.cloud.commission({ site: { id: 'site-y' }, devices: [battery()] }));

    expect(error).toMatchObject({
      message: 'Flip Cloud API refused the input at site.zip_code, site.state_code (HTTP 422).',
      upstreamDetail: 'missing or invalid site.zip_code, site.state_code',
      extensions: { code: 'BAD_USER_INPUT', fieldPaths: ['site.zip_code', 'site.state_code'] },
    });
  });

  it('refuses an empty id without calling Flip', async () => {
    const h = await startClientHarness();

    const error = await caught(h.clients.utility.getEnrollment(' '));

    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fieldPaths: ['id'] } });
    expect(h.sim.journal.calls()).toEqual([]);
  });
});

describe('upstream 404 and 409', () => {
  it('maps a 404 to NOT_FOUND', async () => {
    const h = await startClientHarness();

    const error = await caught(h.clients.utility.getEnrollment('00000000-0000-4000-8000-000000000000'));

    expect(errorCodeOf(error)).toBe('NOT_FOUND');
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/enrollments/{id}': 1 });
  });

  it('maps a 409 to CONFLICT', async () => {
    const h = await startClientHarness();
    const [group] = h.sim.state.groups(h.programId);

    const error = await caught(h.clients.utility.createGroup(h.programId, { id: group!.id, name: 'Again' }));

    expect(errorCodeOf(error)).toBe('CONFLICT');
    expect(h.sim.journal.counts()).toEqual({ 'POST /v1/programs/{programId}/groups': 1 });
  });

  it('percent-encodes ids so each stays one path segment', async () => {
    const h = await startClientHarness();

    await caught(h.clients.utility.getEnrollment('a/../b?c=1'));

    expect(h.sim.journal.calls()).toEqual([{ method: 'GET', route: '/v1/enrollments/a%2F..%2Fb%3Fc%3D1' }]);
  });
});

describe('upstream 401 with a wrong key', () => {
  it('reports UPSTREAM_AUTH_FAILED after one call and never names the key', async () => {
    const h = await startClientHarness({ auth: { utilityApiKey: 'fl_wrong_key_do_not_log_0001' } });

    const error = await caught(h.clients.utility.listEvents());

    expect(error).toMatchObject({
      message:
        "Flip Utility API rejected this service's credentials (HTTP 401); an operator must fix the configuration.",
      extensions: { code: 'UPSTREAM_AUTH_FAILED' },
    });
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
    expect(
      JSON.stringify({ error, ext: (error as { extensions: unknown }).extensions, r: h.reports }),
    ).not.toContain('fl_wrong_key');
  });

  it('reports UPSTREAM_AUTH_FAILED for a wrong Cloud client token', async () => {
    const h = await startClientHarness();
    const wrong = buildClients({ ...h.sim, cloudApiKey: 'cloud_wrong_token_0001' });

    const error = await caught(wrong.clients.cloud.listSites({}));

    expect(errorCodeOf(error)).toBe('UPSTREAM_AUTH_FAILED');
  });
});

describe('upstream 429 storm', () => {
  it('retries within the budget, then reports RATE_LIMITED with retryAfterS', async () => {
    const h = await startClientHarness({ http: { retryMaxAttempts: 3 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 429, retryAfterS: 1 });

    const error = await caught(h.clients.utility.listEvents());

    expect(error).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterS: 1 } });
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 3 });
  });

  it('reports RATE_LIMITED at once when Retry-After exceeds the budget', async () => {
    const h = await startClientHarness({ http: { retryMaxTotalMs: 2_000 } });
    h.sim.faults.add({ route: '/v1/events', kind: 'status', status: 429, retryAfterS: 30 });

    const error = await caught(h.clients.utility.listEvents());

    expect(error).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterS: 30 } });
    expect(h.sim.journal.counts()).toEqual({ 'GET /v1/events': 1 });
  });
});

describe('unusable answers', () => {
  it('maps a malformed 200 on a read to UPSTREAM_UNAVAILABLE', async () => {
    const h = await startClientHarness();
    h.sim.faults.add({ route: '/v1/enrollments', kind: 'malformed' });

    const error = await caught(h.clients.utility.listEnrollments(h.programId));

    expect(error).toMatchObject({
      message: 'Flip Utility API sent an unreadable answer: not JSON (GET /v1/enrollments).',
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
  });

  it('answers UPSTREAM_UNAVAILABLE for the Cloud API when it is not configured', async () => {
    const h = await startClientHarness();
    const noCloud = buildClients({ ...h.sim, cloudUrl: '' });

    const error = await caught(noCloud.clients.cloud.listSites({}));

    expect(errorCodeOf(error)).toBe('UPSTREAM_UNAVAILABLE');
  });
});
