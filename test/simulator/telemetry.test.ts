import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WireEnrollment, WireEvent, WireEventSite, WireTelemetryResponse } from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/index.js';
import { startTestSim, TEST_NOW, testClock, utility } from '../support/sim.js';

describe('simulator telemetry', () => {
  let sim: Simulator;
  const clock = testClock(TEST_NOW + 123_456);
  let arizona: string;

  beforeAll(async () => {
    sim = await startTestSim({ now: clock.now, sites: 400 });
    arizona = (sim.programs[2] as { id: string }).id;
  });
  afterAll(() => sim.close());

  const devicesOf = (programId: string) =>
    z
      .array(WireEnrollment)
      .parse(sim.state.enrollments(programId))
      .flatMap((e) => e.devices ?? []);
  const latest = async (body: Record<string, unknown>) =>
    WireTelemetryResponse.parse((await utility(sim, 'POST', '/v1/telemetry/latest', { body })).json)
      .telemetry;

  it('returns one latest point per device of the program when device_ids is omitted', async () => {
    const points = await latest({ program_id: arizona });
    expect(points.map((p) => p.device_id)).toEqual(devicesOf(arizona).map((d) => d.id));
    const bucket = new Date(Math.floor(clock.now() / 300_000) * 300_000).toISOString().replace('.000Z', 'Z');
    expect(new Set(points.map((p) => p.start_time))).toEqual(new Set([bucket]));
  });

  it('leaves out unknown device ids and answers an unknown program with no points', async () => {
    const [first] = devicesOf(arizona);
    const points = await latest({ program_id: arizona, device_ids: ['nope', first?.id] });
    expect(points.map((p) => p.device_id)).toEqual([first?.id]);
    expect(await latest({ program_id: 'unknown-program' })).toEqual([]);
  });

  it('reports EV chargers with null battery fields and offline devices with null metrics', async () => {
    const points = await latest({ program_id: arizona });
    const types = new Map(devicesOf(arizona).map((d) => [d.id, d.type]));
    const online = points.filter((p) => p.last_is_online);
    const offline = points.filter((p) => p.last_is_online === false);
    expect(offline.length).toBeGreaterThan(0);
    for (const p of offline) {
      expect(p).toMatchObject({
        battery_state_of_charge_percentage: null,
        grid_power_w: null,
        last_mode: null,
      });
    }
    const chargers = online.filter((p) => types.get(p.device_id) === 'EV_CHARGER');
    expect(chargers.length).toBeGreaterThan(0);
    for (const p of chargers) {
      expect(p.battery_state_of_charge_percentage).toBeNull();
      expect(p.battery_power_discharge_w).toBeNull();
      expect(p.home_power_w).toBeGreaterThan(0);
    }
    for (const p of online.filter((x) => types.get(x.device_id) === 'BATTERY')) {
      const soc = p.battery_state_of_charge_percentage as number;
      expect(soc).toBeLessThanOrEqual(100);
      expect(soc).toBeGreaterThanOrEqual(p.battery_last_backup_reserve_percentage as number);
    }
  });

  it('moves with time: state of charge differs between morning and afternoon', async () => {
    const [id] = devicesOf(arizona)
      .filter((d) => d.type === 'BATTERY')
      .map((d) => d.id);
    const window = {
      program_id: arizona,
      device_ids: [id],
      start_time: new Date(clock.now() - 24 * 3_600_000).toISOString(),
      end_time: new Date(clock.now()).toISOString(),
    };
    const r = await utility(sim, 'POST', '/v1/telemetry/historical', { body: window });
    const points = WireTelemetryResponse.parse(r.json).telemetry;
    expect(points.length).toBe(288);
    const socs = points.map((p) => p.battery_state_of_charge_percentage as number);
    expect(Math.max(...socs) - Math.min(...socs)).toBeGreaterThan(20);
    const starts = points.map((p) => Date.parse(p.start_time));
    expect(starts.every((t, i) => i === 0 || t - (starts[i - 1] as number) === 300_000)).toBe(true);
  });

  it('answers a future window with no points', async () => {
    const r = await utility(sim, 'POST', '/v1/telemetry/historical', {
      body: {
        program_id: arizona,
        start_time: new Date(clock.now() + 3_600_000).toISOString(),
        end_time: new Date(clock.now() + 7_200_000).toISOString(),
      },
    });
    expect(r.json).toEqual({ telemetry: [] });
  });

  it('reports actual performance only for events that have started', async () => {
    const events = z.array(WireEvent).parse((await utility(sim, 'GET', '/v1/events')).json);
    const mine = events.filter((e) => e.program_id === arizona);
    const upcoming = mine.find((e) => Date.parse(e.starts_at) > clock.now()) as { id: string };
    const past = mine.find((e) => e.target_type === 'PROGRAM') as { id: string };
    const sitesOf = async (id: string) =>
      z.array(WireEventSite).parse((await utility(sim, 'GET', `/v1/events/${id}/sites`)).json);
    for (const s of await sitesOf(upcoming.id)) {
      expect(s.performance_actual_energy_wh).toBeNull();
      expect(s.performance_expected_energy_wh).toBeGreaterThanOrEqual(0);
    }
    const pastSites = await sitesOf(past.id);
    expect(pastSites).toHaveLength(sim.state.enrollments(arizona).length);
    const delivered = pastSites.filter((s) => (s.performance_actual_energy_wh ?? 0) > 0);
    expect(delivered.length).toBeGreaterThan(0);
    for (const s of pastSites.filter((x) => !x.is_participating))
      expect(s.performance_actual_energy_wh).toBe(0);
  });
});

describe('simulator: a site in two programs (crossEnrolledSites)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startTestSim({ now: () => TEST_NOW, sites: 300, crossEnrolledSites: 1 });
  });
  afterAll(() => sim.close());

  const enrollmentsOf = (programId: string) =>
    z.array(WireEnrollment).parse(sim.state.enrollments(programId));

  it('lists the site in both programs, each enrollment with its own program groups', () => {
    const [a, b] = sim.programs.map((p) => p.id) as [string, string];
    const inA = enrollmentsOf(a).at(-1)!;
    const inB = enrollmentsOf(b).find((e) => e.site.id === inA.site.id)!;
    expect(inA.id).not.toBe(inB.id);
    expect(inA.site.groups).toEqual([{ id: 'beta-testers', name: 'Beta Testers' }]);
    expect(inB.site.groups?.map((g) => g.id)).toContain('beta-testers');
    const { groups: _a, ...siteA } = inA.site;
    const { groups: _b, ...siteB } = inB.site;
    expect(siteA).toEqual(siteB);
  });

  it('moves a device by an event of either program, whichever program telemetry is asked through', async () => {
    const [a, b] = sim.programs.map((p) => p.id) as [string, string];
    const inA = enrollmentsOf(a).at(-1)!;
    const device = inA.devices!.find((d) => d.type === 'BATTERY')!;
    const latest = async (programId: string) =>
      WireTelemetryResponse.parse(
        (
          await utility(sim, 'POST', '/v1/telemetry/latest', {
            body: { program_id: programId, device_ids: [device.id] },
          })
        ).json,
      ).telemetry;
    const created = await utility(sim, 'POST', '/v1/events', {
      body: {
        program_id: b,
        target_type: 'DEVICE',
        target_ids: [device.id],
        actions: [
          { mode: 'CHARGE', starts_at: new Date(TEST_NOW - 600_000).toISOString(), duration_s: 3600 },
        ],
      },
    });
    expect(created.status).toBe(200);
    const [throughA, throughB] = [await latest(a), await latest(b)];
    expect(throughA).toEqual(throughB);
    expect(throughA[0]?.last_mode).toBe('CHARGE');
  });
});
