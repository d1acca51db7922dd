import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { cloud, startTestSim, testClock, utility } from '../support/sim.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('simulator validation and error statuses', () => {
  let sim: Simulator;
  const clock = testClock();
  let programId: string;
  let enrollmentId: string;

  beforeAll(async () => {
    sim = await startTestSim({ now: clock.now });
    programId = (sim.programs[0] as { id: string }).id;
    enrollmentId = (sim.state.enrollments(programId)[0] as { id: string }).id;
  });
  afterAll(() => sim.close());

  const soon = () => new Date(clock.now() + 3_600_000).toISOString();
  const event = (over: Record<string, unknown> = {}) => ({
    program_id: programId,
    target_type: 'PROGRAM',
    target_ids: [programId],
    actions: [{ mode: 'DISCHARGE', starts_at: soon(), duration_s: 3600 }],
    ...over,
  });

  it('answers 422 with detail loc query.program_id when program_id is missing', async () => {
    const r = await utility(sim, 'GET', '/v1/enrollments');
    expect(r.status).toBe(422);
    expect(r.json).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Field required',
      status_code: 422,
      detail: [{ loc: ['query', 'program_id'], msg: 'Field required', type: 'missing' }],
    });
  });

  it('answers 200 with no enrollments for an unknown program', async () => {
    const r = await utility(sim, 'GET', '/v1/enrollments', { query: { program_id: 'nope' } });
    expect(r).toMatchObject({ status: 200, json: { enrollments: [] } });
  });

  it('answers 422 at body.status for an unknown enrollment status', async () => {
    const r = await utility(sim, 'PATCH', `/v1/enrollments/${enrollmentId}`, {
      body: { status: 'APPROVED' },
    });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({
      status_code: 422,
      detail: [{ loc: ['body', 'status'], type: 'invalid_value' }],
    });
  });

  it('answers 422 at the field of an undocumented body key', async () => {
    const r = await utility(sim, 'PATCH', `/v1/enrollments/${enrollmentId}`, { body: { colour: 'red' } });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ detail: [{ loc: ['body', 'colour'], type: 'extra_forbidden' }] });
  });

  it('answers 422 at body for a body that is not JSON', async () => {
    const r = await utility(sim, 'PATCH', `/v1/enrollments/${enrollmentId}`, { body: '{"status":' });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ detail: [{ loc: ['body'], type: 'json_invalid' }] });
  });

  it('answers 400 with errors[].path for unknown group ids in PATCH', async () => {
    const r = await utility(sim, 'PATCH', `/v1/enrollments/${enrollmentId}`, {
      body: { group_ids: ['LZ_HOUSTON', 'no-such-group'] },
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      code: 'BAD_REQUEST',
      message: 'group no-such-group not found in the program',
      status_code: 400,
      errors: [{ message: 'group no-such-group not found in the program', path: 'group_ids[1]' }],
    });
  });

  it('answers 404 for unknown enrollments, events, groups and programs', async () => {
    const statuses = await Promise.all([
      utility(sim, 'GET', `/v1/enrollments/${UNKNOWN_ID}`),
      utility(sim, 'PATCH', `/v1/enrollments/${UNKNOWN_ID}`, { body: { status: 'ACTIVE' } }),
      utility(sim, 'DELETE', `/v1/events/${UNKNOWN_ID}`),
      utility(sim, 'GET', `/v1/events/${UNKNOWN_ID}/sites`),
      utility(sim, 'PATCH', `/v1/programs/${programId}/groups/nope`, { body: { name: 'x' } }),
      utility(sim, 'DELETE', `/v1/programs/${programId}/groups/nope`),
      utility(sim, 'GET', `/v1/programs/${UNKNOWN_ID}/groups`),
      utility(sim, 'POST', `/v1/programs/${UNKNOWN_ID}/groups`, { body: { id: 'a', name: 'A' } }),
    ]);
    expect(statuses.map((r) => [r.status, (r.json as { code: string }).code])).toEqual(
      Array(8).fill([404, 'NOT_FOUND']),
    );
  });

  it('answers 404 for an unknown route and 405 for a known path with another method', async () => {
    expect((await utility(sim, 'GET', '/v1/nothing')).status).toBe(404);
    expect((await utility(sim, 'PUT', '/v1/events')).status).toBe(405);
  });

  it('answers 422 for a group id outside ^[\\w-]+$ and 409 for a duplicate group id', async () => {
    const bad = await utility(sim, 'POST', `/v1/programs/${programId}/groups`, {
      body: { id: 'has space', name: 'x' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ detail: [{ loc: ['body', 'id'] }] });
    const dup = await utility(sim, 'POST', `/v1/programs/${programId}/groups`, {
      body: { id: 'LZ_HOUSTON', name: 'Again' },
    });
    expect(dup.status).toBe(409);
    expect(dup.json).toEqual({
      code: 'CONFLICT',
      message: 'group LZ_HOUSTON already exists in the program',
      status_code: 409,
    });
    const rekey = await utility(sim, 'PATCH', `/v1/programs/${programId}/groups/LZ_HOUSTON`, {
      body: { id: 'LZ_NORTH' },
    });
    expect(rekey.status).toBe(409);
  });

  it('answers 422 with the action path for an invalid event body', async () => {
    const r = await utility(sim, 'POST', '/v1/events', {
      body: event({ actions: [{ mode: 'DISCHARGE', starts_at: soon(), duration_s: -5 }] }),
    });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ detail: [{ loc: ['body', 'actions', 0, 'duration_s'] }] });
    const mode = await utility(sim, 'POST', '/v1/events', { body: event({ target_type: 'program' }) });
    expect(mode.json).toMatchObject({ detail: [{ loc: ['body', 'target_type'] }] });
    const date = await utility(sim, 'POST', '/v1/events', {
      body: event({ actions: [{ mode: 'DISCHARGE', starts_at: 'tomorrow', duration_s: 60 }] }),
    });
    expect(date.json).toMatchObject({ detail: [{ loc: ['body', 'actions', 0, 'starts_at'] }] });
  });

  it('answers 400 with target_ids[i] paths for targets outside the program', async () => {
    const devices = await utility(sim, 'POST', '/v1/events', {
      body: event({ target_type: 'DEVICE', target_ids: ['dev-00001-1', 'dev-nope', 'dev-00002-1', 'x'] }),
    });
    expect(devices.status).toBe(400);
    expect((devices.json as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'target_ids[1]',
      'target_ids[3]',
    ]);
    const groups = await utility(sim, 'POST', '/v1/events', {
      body: event({ target_type: 'GROUP', target_ids: ['zone-a'] }),
    });
    expect(groups.json).toMatchObject({ status_code: 400, errors: [{ path: 'target_ids[0]' }] });
    const program = await utility(sim, 'POST', '/v1/events', { body: event({ target_ids: ['other'] }) });
    expect(program.json).toMatchObject({ status_code: 400, errors: [{ path: 'target_ids[0]' }] });
    const unknownProgram = await utility(sim, 'POST', '/v1/events', { body: event({ program_id: 'nope' }) });
    expect(unknownProgram.json).toMatchObject({ status_code: 400, errors: [{ path: 'program_id' }] });
  });

  it('answers 422 for a historical window that is inverted or longer than 7 days', async () => {
    const body = (startMs: number, endMs: number) => ({
      program_id: programId,
      start_time: new Date(startMs).toISOString(),
      end_time: new Date(endMs).toISOString(),
    });
    const now = clock.now();
    const inverted = await utility(sim, 'POST', '/v1/telemetry/historical', { body: body(now, now - 1000) });
    expect(inverted.status).toBe(422);
    expect(inverted.json).toMatchObject({ detail: [{ loc: ['body', 'end_time'] }] });
    const long = await utility(sim, 'POST', '/v1/telemetry/historical', {
      body: body(now - 8 * 86_400_000, now),
    });
    expect(long.status).toBe(422);
    const missing = await utility(sim, 'POST', '/v1/telemetry/latest', { body: {} });
    expect(missing.json).toMatchObject({ detail: [{ loc: ['body', 'program_id'], type: 'missing' }] });
  });

  it('answers Cloud validation failures as bare FastAPI 422 bodies', async () => {
    const none = await cloud(sim, 'GET', '/v1/programs');
    expect(none.status).toBe(422);
    expect(none.json).toEqual({
      detail: [
        { loc: ['query', 'device_type'], msg: 'Field required', type: 'missing' },
        { loc: ['query', 'total_capacity_wh'], msg: 'Field required', type: 'missing' },
        { loc: ['query', 'total_power_w'], msg: 'Field required', type: 'missing' },
      ],
    });
    const bad = await cloud(sim, 'GET', '/v1/programs', {
      query: { device_type: 'SOLAR', total_capacity_wh: 0, total_power_w: 1.5 },
    });
    expect((bad.json as { detail: { loc: string[]; type: string }[] }).detail.map((d) => d.type)).toEqual([
      'enum',
      'greater_than_equal',
      'int_parsing',
    ]);
    const limit = await cloud(sim, 'GET', '/v1/sites', { query: { limit: 1001 } });
    expect(limit.json).toMatchObject({ detail: [{ loc: ['query', 'limit'], type: 'less_than_equal' }] });
    const commission = await cloud(sim, 'POST', '/v1/commission', { body: { site: {} } });
    expect(commission.status).toBe(422);
    expect(commission.json).toMatchObject({
      detail: expect.arrayContaining([
        { loc: ['body', 'site', 'id'], msg: 'Field required', type: 'missing' },
      ]),
    });
  });
});
