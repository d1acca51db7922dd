import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ACTION_MODES,
  DEVICE_TYPES,
  ENROLLMENT_STATUSES,
  TARGET_TYPES,
  WireCloudProgram,
  WireCloudSite,
  WireDevice,
  WireEnrollment,
  WireEnrollmentList,
  WireErrorBody,
  WireEvent,
  WireEventSite,
  WireGroup,
  WireOAuthToken,
  WireTelemetryPoint,
  WireTelemetryResponse,
  WireUtilitySite,
} from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/index.js';
import { cloud, oauthToken, startTestSim, testClock, utility } from '../support/sim.js';

/** Parses with the shared wire schema and also checks that no undocumented field is sent. */
function expectWire<S extends z.ZodObject>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  expect(parsed.success, parsed.error?.message).toBe(true);
  expect(Object.keys(value as object).sort()).toEqual(Object.keys(schema.shape).sort());
  return parsed.data as z.output<S>;
}

describe('simulator contract: every response matches src/flip/wire.ts', () => {
  let sim: Simulator;
  const clock = testClock();
  let programId: string;

  beforeAll(async () => {
    sim = await startTestSim({ now: clock.now });
    programId = (sim.programs[0] as { id: string }).id;
  });
  afterAll(() => sim.close());

  it('lists three programs with names', () => {
    expect(sim.programs.map((p) => p.name)).toEqual([
      'Texas Peak Saver',
      'California Battery Reserve',
      'Arizona EV Flex',
    ]);
  });

  it('serves enrollments with sites, groups and devices in the documented shape', async () => {
    for (const { id } of sim.programs) {
      const r = await utility(sim, 'GET', '/v1/enrollments', { query: { program_id: id } });
      expect(r.status).toBe(200);
      const { enrollments } = WireEnrollmentList.parse(r.json);
      expect(enrollments.length).toBeGreaterThan(0);
      for (const raw of (r.json as { enrollments: unknown[] }).enrollments) {
        const e = expectWire(WireEnrollment, raw);
        expectWire(WireUtilitySite, e.site);
        for (const g of e.site.groups ?? []) expectWire(WireGroup, g);
        for (const d of (raw as { devices: unknown[] }).devices) expectWire(WireDevice, d);
        expect(ENROLLMENT_STATUSES).toContain(e.status);
        for (const d of e.devices ?? []) expect(DEVICE_TYPES).toContain(d.type);
      }
    }
  });

  it('serves one enrollment as GET /v1/enrollments lists it', async () => {
    const [first] = sim.state.enrollments(programId) as { id: string }[];
    const r = await utility(sim, 'GET', `/v1/enrollments/${first?.id}`);
    expect(r.status).toBe(200);
    expectWire(WireEnrollment, r.json);
    expect(r.json).toEqual(first);
  });

  it('serves groups as a bare array of {id, name}', async () => {
    const r = await utility(sim, 'GET', `/v1/programs/${programId}/groups`);
    expect(r.status).toBe(200);
    for (const g of r.json as unknown[]) expectWire(WireGroup, g);
    expect(r.json).toEqual(sim.state.groups(programId));
  });

  it('serves events of every program as a bare array with known enums', async () => {
    const r = await utility(sim, 'GET', '/v1/events');
    expect(r.status).toBe(200);
    const events = r.json as unknown[];
    expect(new Set(events.map((e) => (e as { program_id: string }).program_id)).size).toBe(3);
    for (const raw of events) {
      const e = expectWire(WireEvent, raw);
      expect(TARGET_TYPES).toContain(e.target_type);
      for (const a of e.actions) expect(ACTION_MODES).toContain(a.mode);
    }
  });

  it('serves per-site event performance', async () => {
    const events = z.array(WireEvent).parse((await utility(sim, 'GET', '/v1/events')).json);
    const r = await utility(sim, 'GET', `/v1/events/${events[0]?.id}/sites`);
    expect(r.status).toBe(200);
    expect((r.json as unknown[]).length).toBeGreaterThan(0);
    for (const s of r.json as unknown[]) expectWire(WireEventSite, s);
  });

  it('serves latest and historical telemetry points', async () => {
    const latest = await utility(sim, 'POST', '/v1/telemetry/latest', { body: { program_id: programId } });
    expect(latest.status).toBe(200);
    WireTelemetryResponse.parse(latest.json);
    for (const p of (latest.json as { telemetry: unknown[] }).telemetry) expectWire(WireTelemetryPoint, p);
    const end = new Date(clock.now()).toISOString();
    const start = new Date(clock.now() - 3_600_000).toISOString();
    const hist = await utility(sim, 'POST', '/v1/telemetry/historical', {
      body: { program_id: programId, start_time: start, end_time: end, device_ids: ['dev-00001-1'] },
    });
    expect(hist.status).toBe(200);
    for (const p of (hist.json as { telemetry: unknown[] }).telemetry) expectWire(WireTelemetryPoint, p);
  });

  it('serves Cloud programs and sites', async () => {
    const programs = await cloud(sim, 'GET', '/v1/programs', {
      query: { device_type: 'BATTERY', total_capacity_wh: 13500, total_power_w: 5000 },
    });
    expect(programs.status).toBe(200);
    for (const p of programs.json as unknown[]) expectWire(WireCloudProgram, p);
    expect((programs.json as { id: string }[]).map((p) => p.id)).toEqual(sim.programs.map((p) => p.id));
    const sites = await cloud(sim, 'GET', '/v1/sites', { query: { limit: 5 } });
    expect(sites.status).toBe(200);
    expect(sites.json).toHaveLength(5);
    for (const s of sites.json as unknown[]) expectWire(WireCloudSite, s);
  });

  it('pages Cloud sites with skip (default 0) and limit (default 100)', async () => {
    const first = (await cloud(sim, 'GET', '/v1/sites')).json as { id: string }[];
    expect(first).toHaveLength(100);
    expect(first[0]?.id).toBe('site-00001');
    const rest = (await cloud(sim, 'GET', '/v1/sites', { query: { skip: 150 } })).json as { id: string }[];
    expect(rest.map((s) => s.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `site-${String(151 + i).padStart(5, '0')}`),
    );
  });

  it('serves OAuth tokens in the documented shape', async () => {
    const r = await oauthToken(sim);
    expect(r.status).toBe(200);
    expect(WireOAuthToken.parse(r.json)).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });

  it('answers errors in the documented error body shape', async () => {
    const r = await utility(sim, 'GET', '/v1/enrollments/00000000-0000-4000-8000-000000000000');
    expect(r.status).toBe(404);
    expect(WireErrorBody.parse(r.json)).toEqual({
      code: 'NOT_FOUND',
      message: 'enrollment 00000000-0000-4000-8000-000000000000 not found',
      status_code: 404,
    });
  });
});

describe('simulator seed data', () => {
  let sim: Simulator;
  const clock = testClock();
  beforeAll(async () => {
    sim = await startTestSim({ now: clock.now, sites: 2000 });
  });
  afterAll(() => sim.close());

  const all = () => sim.programs.flatMap((p) => z.array(WireEnrollment).parse(sim.state.enrollments(p.id)));

  it('spreads 2,000 sites over the programs, one enrollment each, with every status', () => {
    const enrollments = all();
    expect(enrollments).toHaveLength(2000);
    expect(new Set(enrollments.map((e) => e.site.id)).size).toBe(2000);
    expect(new Set(enrollments.map((e) => e.status))).toEqual(new Set(ENROLLMENT_STATUSES));
    const active = enrollments.filter((e) => e.status === 'ACTIVE').length;
    expect(active / 2000).toBeGreaterThan(0.5);
    for (const p of sim.programs) {
      const statuses = new Set(
        z
          .array(WireEnrollment)
          .parse(sim.state.enrollments(p.id))
          .map((e) => e.status),
      );
      expect(statuses).toEqual(new Set(ENROLLMENT_STATUSES));
    }
  });

  it('has batteries of several manufacturers with plausible ratings, and some EV chargers', () => {
    const devices = all().flatMap((e) => e.devices ?? []);
    const batteries = devices.filter((d) => d.type === 'BATTERY');
    expect(new Set(batteries.map((d) => d.manufacturer_name)).size).toBeGreaterThanOrEqual(5);
    for (const d of batteries) {
      expect(d.attributes?.battery_capacity_wh).toBeGreaterThanOrEqual(5000);
      expect(d.attributes?.battery_capacity_wh).toBeLessThanOrEqual(18000);
      expect(d.attributes?.battery_power_output_w).toBeGreaterThanOrEqual(3000);
    }
    const chargers = devices.filter((d) => d.type === 'EV_CHARGER');
    expect(chargers.length).toBeGreaterThan(0);
    for (const d of chargers) {
      expect(d.attributes).toMatchObject({ battery_capacity_wh: 0, battery_power_output_w: 0 });
      expect(d.configuration).toBeNull();
    }
    const perSite = all().map((e) => e.devices?.length);
    expect(new Set(perSite)).toEqual(new Set([1, 2]));
  });

  it('puts sites in zero to two groups and uses the sandbox zip codes', () => {
    const enrollments = all();
    expect(new Set(enrollments.map((e) => e.site.groups?.length))).toEqual(new Set([0, 1, 2]));
    const zips = new Set(enrollments.map((e) => e.site.zip_code));
    for (const z0 of ['88800', '88801', '88802']) expect(zips).toContain(z0);
    expect(zips.size).toBeGreaterThan(3);
  });

  it('has past, ongoing and upcoming events in every program', () => {
    const events = z.array(WireEvent).parse(sim.state.events());
    const now = clock.now();
    for (const p of sim.programs) {
      const mine = events.filter((e) => e.program_id === p.id);
      expect(mine.some((e) => Date.parse(e.ends_at as string) < now)).toBe(true);
      expect(mine.some((e) => Date.parse(e.starts_at) <= now && Date.parse(e.ends_at as string) > now)).toBe(
        true,
      );
      expect(mine.some((e) => Date.parse(e.starts_at) > now)).toBe(true);
    }
  });
});
