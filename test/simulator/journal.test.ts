import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { cloud, control, oauthToken, startTestSim, TEST_NOW, testClock, utility } from '../support/sim.js';

describe('simulator journal', () => {
  let sim: Simulator;
  let programId: string;

  beforeAll(async () => {
    sim = await startTestSim({ now: testClock().now });
    programId = (sim.programs[0] as { id: string }).id;
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.journal.clear());

  it('records each call compactly, query and body only when present', async () => {
    await utility(sim, 'GET', '/v1/enrollments', { query: { program_id: programId } });
    await utility(sim, 'POST', '/v1/telemetry/latest', {
      body: { program_id: programId, device_ids: ['dev-00001-1'] },
    });
    await utility(sim, 'GET', '/v1/events');
    await cloud(sim, 'GET', '/v1/sites', { query: { skip: 0, limit: 10 } });
    expect(sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/enrollments', query: { program_id: programId } },
      {
        method: 'POST',
        route: '/v1/telemetry/latest',
        body: { program_id: programId, device_ids: ['dev-00001-1'] },
      },
      { method: 'GET', route: '/v1/events' },
      { method: 'GET', route: '/v1/sites', query: { skip: '0', limit: '10' } },
    ]);
  });

  it('counts calls per METHOD and route template', async () => {
    const [a, b] = sim.state.enrollments(programId) as { id: string }[];
    await utility(sim, 'GET', `/v1/enrollments/${a?.id}`);
    await utility(sim, 'GET', `/v1/enrollments/${b?.id}`);
    await utility(sim, 'PATCH', `/v1/enrollments/${b?.id}`, { body: {} });
    await utility(sim, 'GET', `/v1/programs/${programId}/groups`);
    expect(sim.journal.counts()).toEqual({
      'GET /v1/enrollments/{id}': 2,
      'PATCH /v1/enrollments/{id}': 1,
      'GET /v1/programs/{programId}/groups': 1,
    });
  });

  it('keeps full entries with api, template, status, request id and idempotency key', async () => {
    await utility(sim, 'POST', '/v1/events', {
      body: { program_id: programId },
      headers: { 'x-request-id': 'req-1', 'idempotency-key': 'idem-1' },
    });
    await cloud(sim, 'GET', '/v1/programs', { token: 'wrong' });
    expect(sim.journal.entries()).toEqual([
      {
        api: 'utility',
        method: 'POST',
        path: '/v1/events',
        route: '/v1/events',
        query: {},
        body: { program_id: programId },
        status: 422,
        headers: { 'x-request-id': 'req-1', 'idempotency-key': 'idem-1' },
        at: new Date(TEST_NOW).toISOString(),
      },
      {
        api: 'cloud',
        method: 'GET',
        path: '/v1/programs',
        route: '/v1/programs',
        query: {},
        status: 401,
        headers: {},
        at: new Date(TEST_NOW).toISOString(),
      },
    ]);
  });

  it('records a body that is not JSON as its raw text', async () => {
    await utility(sim, 'PATCH', '/v1/enrollments/x', { body: 'not json' });
    expect(sim.journal.calls()).toEqual([{ method: 'PATCH', route: '/v1/enrollments/x', body: 'not json' }]);
  });

  it('leaves OAuth and control calls out of the calls, counting token requests apart', async () => {
    await oauthToken(sim);
    await control(sim, 'GET', '/programs');
    expect(sim.journal.calls()).toEqual([]);
    expect(sim.journal.tokenRequests()).toBe(1);
  });

  it('is readable and clearable over HTTP at /__sim/journal', async () => {
    await utility(sim, 'GET', '/v1/events');
    const r = await control(sim, 'GET', '/journal');
    expect(r.json).toEqual({
      entries: sim.journal.entries(),
      calls: [{ method: 'GET', route: '/v1/events' }],
      counts: { 'GET /v1/events': 1 },
      token_requests: 0,
    });
    expect((await control(sim, 'DELETE', '/journal')).status).toBe(204);
    expect(sim.journal.entries()).toEqual([]);
  });

  it('hands out copies: changing a returned entry does not change the journal', async () => {
    await utility(sim, 'POST', '/v1/telemetry/latest', { body: { program_id: programId } });
    const [call] = sim.journal.calls();
    (call?.body as { program_id: string }).program_id = 'changed';
    expect(sim.journal.calls()[0]?.body).toEqual({ program_id: programId });
  });
});

describe('simulator determinism', () => {
  it('serves the same data for the same seed and clock, and other data for another seed', async () => {
    const clock = testClock();
    const [a, b, c] = await Promise.all([
      startTestSim({ seed: 7, now: clock.now }),
      startTestSim({ seed: 7, now: clock.now }),
      startTestSim({ seed: 8, now: clock.now }),
    ]);
    try {
      const programId = (a.programs[0] as { id: string }).id;
      expect(b.programs).toEqual(a.programs);
      expect(c.programs).toEqual(a.programs);
      const read = async (s: Simulator) => [
        (await utility(s, 'GET', '/v1/enrollments', { query: { program_id: programId } })).json,
        (await utility(s, 'GET', '/v1/events')).json,
        (await utility(s, 'POST', '/v1/telemetry/latest', { body: { program_id: programId } })).json,
      ];
      const [ra, rb, rc] = await Promise.all([read(a), read(b), read(c)]);
      expect(rb).toEqual(ra);
      expect(rc?.[0]).not.toEqual(ra?.[0]);
      // Ids minted at run time follow the seed too.
      const event = {
        program_id: programId,
        target_type: 'PROGRAM',
        target_ids: [programId],
        actions: [
          { mode: 'DISCHARGE', starts_at: new Date(TEST_NOW + 3_600_000).toISOString(), duration_s: 600 },
        ],
      };
      const [ea, eb] = await Promise.all([
        utility(a, 'POST', '/v1/events', { body: event }),
        utility(b, 'POST', '/v1/events', { body: event }),
      ]);
      expect(eb.json).toEqual(ea.json);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
