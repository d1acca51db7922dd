import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WireOAuthToken } from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/index.js';
import { cloud, control, oauthToken, startTestSim, testClock, utility } from '../support/sim.js';

describe('simulator auth', () => {
  let sim: Simulator;
  const clock = testClock();
  let programId: string;

  beforeAll(async () => {
    sim = await startTestSim({ now: clock.now, tokenTtlS: 60 });
    programId = (sim.programs[0] as { id: string }).id;
  });
  afterAll(() => sim.close());

  const enrollments = (token: string | null) =>
    utility(sim, 'GET', '/v1/enrollments', { query: { program_id: programId }, token });

  it('answers 401 UNAUTHORIZED without a bearer token', async () => {
    const r = await enrollments(null);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ code: 'UNAUTHORIZED', message: 'Missing bearer token', status_code: 401 });
  });

  it('answers 401 for a wrong key, and for the Cloud key on the Utility API', async () => {
    expect((await enrollments('fl_wrong')).status).toBe(401);
    expect((await enrollments(sim.cloudApiKey)).status).toBe(401);
  });

  it('accepts the static Utility API key', async () => {
    expect((await enrollments(sim.utilityApiKey)).status).toBe(200);
  });

  it('accepts an OAuth access token it issued until it expires', async () => {
    const token = WireOAuthToken.parse((await oauthToken(sim)).json);
    expect(token.expires_in).toBe(60);
    expect((await enrollments(token.access_token)).status).toBe(200);
    clock.advance(59_000);
    expect((await enrollments(token.access_token)).status).toBe(200);
    clock.advance(2_000);
    const expired = await enrollments(token.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ code: 'UNAUTHORIZED', status_code: 401 });
  });

  it('answers 401 invalid_client for wrong client credentials', async () => {
    const r = await oauthToken(sim, { clientId: sim.oauthClient.clientId, clientSecret: 'nope' });
    expect(r).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
  });

  it('answers 400 unsupported_grant_type for another grant', async () => {
    const res = await fetch(sim.oauthTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&client_id=x&client_secret=y',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'unsupported_grant_type' });
  });

  it('accepts client credentials in an HTTP Basic header', async () => {
    const basic = Buffer.from(`${sim.oauthClient.clientId}:${sim.oauthClient.clientSecret}`).toString(
      'base64',
    );
    const res = await fetch(sim.oauthTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
  });

  it('counts token requests apart from API calls', async () => {
    sim.journal.clear();
    await oauthToken(sim);
    await oauthToken(sim);
    expect(sim.journal.tokenRequests()).toBe(2);
    expect(sim.journal.calls()).toEqual([]);
  });

  it('guards the Cloud API with its client token, FastAPI style', async () => {
    const query = { device_type: 'BATTERY', total_capacity_wh: 10000, total_power_w: 5000 };
    expect((await cloud(sim, 'GET', '/v1/programs', { query })).status).toBe(200);
    const wrong = await cloud(sim, 'GET', '/v1/programs', { query, token: sim.utilityApiKey });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({
      detail: [
        { loc: ['header', 'authorization'], msg: 'Invalid or missing client token', type: 'invalid_token' },
      ],
    });
    expect((await cloud(sim, 'GET', '/v1/sites', { token: null })).status).toBe(401);
  });

  it('needs no auth on the control API', async () => {
    const r = await control(sim, 'GET', '/programs');
    expect(r.status).toBe(200);
    expect(r.json).toEqual(sim.programs);
  });
});
