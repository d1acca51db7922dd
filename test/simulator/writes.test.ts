import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  WireCommissionMissing,
  WireCommissionResponse,
  WireEnrollment,
  WireEvent,
  WireEventSite,
  WireTelemetryResponse,
} from '../../src/flip/wire.js';
import type { Simulator } from '../../src/simulator/index.js';
import { cloud, startTestSim, testClock, utility } from '../support/sim.js';

const MIN = 60_000;

describe('simulator: writes follow reads', () => {
  let sim: Simulator;
  let clock: ReturnType<typeof testClock>;
  let programId: string;

  beforeEach(async () => {
    clock = testClock();
    sim = await startTestSim({ now: clock.now });
    programId = (sim.programs[0] as { id: string }).id;
  });
  afterEach(() => sim.close());

  const enrollments = () => z.array(WireEnrollment).parse(sim.state.enrollments(programId));
  const listed = async () =>
    z
      .object({ enrollments: z.array(WireEnrollment) })
      .parse((await utility(sim, 'GET', '/v1/enrollments', { query: { program_id: programId } })).json)
      .enrollments;

  describe('PATCH /v1/enrollments/{id}', () => {
    it('approves: status ACTIVE, enrolled_at and updated_at now, visible in both GETs', async () => {
      const pending = enrollments().find((e) => e.status === 'PENDING') as { id: string };
      const r = await utility(sim, 'PATCH', `/v1/enrollments/${pending.id}`, {
        body: { status: 'ACTIVE', status_reason: 'Approved by operator' },
      });
      expect(r.status).toBe(200);
      const at = new Date(clock.now()).toISOString().replace('.000Z', 'Z');
      expect(r.json).toMatchObject({
        status: 'ACTIVE',
        status_reason: 'Approved by operator',
        enrolled_at: at,
        updated_at: at,
      });
      expect((await utility(sim, 'GET', `/v1/enrollments/${pending.id}`)).json).toEqual(r.json);
      expect((await listed()).find((e) => e.id === pending.id)).toEqual(r.json);
    });

    it('unenrolls: unenrolled_at set', async () => {
      const active = enrollments().find((e) => e.status === 'ACTIVE') as { id: string };
      const r = await utility(sim, 'PATCH', `/v1/enrollments/${active.id}`, {
        body: { status: 'UNENROLLED' },
      });
      expect(r.json).toMatchObject({ status: 'UNENROLLED', unenrolled_at: expect.any(String) });
    });

    it("replaces the site's groups with group_ids, keeps them on null, removes them all with []", async () => {
      const e = enrollments()[0] as { id: string };
      const set = await utility(sim, 'PATCH', `/v1/enrollments/${e.id}`, {
        body: { group_ids: ['beta-testers', 'LZ_SOUTH'] },
      });
      expect((set.json as { site: { groups: unknown } }).site.groups).toEqual([
        { id: 'beta-testers', name: 'Beta Testers' },
        { id: 'LZ_SOUTH', name: 'Load Zone South' },
      ]);
      expect((await listed()).find((x) => x.id === e.id)?.site.groups).toHaveLength(2);
      const unchanged = await utility(sim, 'PATCH', `/v1/enrollments/${e.id}`, { body: { group_ids: null } });
      expect((unchanged.json as { site: { groups: unknown[] } }).site.groups).toHaveLength(2);
      const cleared = await utility(sim, 'PATCH', `/v1/enrollments/${e.id}`, { body: { group_ids: [] } });
      expect((cleared.json as { site: { groups: unknown } }).site.groups).toEqual([]);
    });
  });

  describe('groups', () => {
    const groups = () => utility(sim, 'GET', `/v1/programs/${programId}/groups`).then((r) => r.json);
    const members = (id: string) => enrollments().filter((e) => e.site.groups?.some((g) => g.id === id));

    it('creates a group, lists it, and accepts members through PATCH enrollment', async () => {
      const created = await utility(sim, 'POST', `/v1/programs/${programId}/groups`, {
        body: { id: 'feeder-12', name: 'Feeder 12' },
      });
      expect(created).toMatchObject({ status: 200, json: { id: 'feeder-12', name: 'Feeder 12' } });
      expect(await groups()).toContainEqual({ id: 'feeder-12', name: 'Feeder 12' });
      const e = enrollments()[3] as { id: string };
      await utility(sim, 'PATCH', `/v1/enrollments/${e.id}`, { body: { group_ids: ['feeder-12'] } });
      expect(members('feeder-12').map((m) => m.id)).toEqual([e.id]);
    });

    it('renames and re-keys a group in place, and its members follow', async () => {
      const before = members('LZ_NORTH').map((m) => m.id);
      expect(before.length).toBeGreaterThan(0);
      const r = await utility(sim, 'PATCH', `/v1/programs/${programId}/groups/LZ_NORTH`, {
        body: { id: 'LZ_NORTH_2', name: 'North (new)' },
      });
      expect(r.json).toEqual({ id: 'LZ_NORTH_2', name: 'North (new)' });
      expect((await groups()) as unknown[]).toContainEqual({ id: 'LZ_NORTH_2', name: 'North (new)' });
      expect(members('LZ_NORTH')).toEqual([]);
      expect(members('LZ_NORTH_2').map((m) => m.id)).toEqual(before);
      const listedSite = (await listed()).find((x) => x.id === before[0])?.site;
      expect(listedSite?.groups).toContainEqual({ id: 'LZ_NORTH_2', name: 'North (new)' });
    });

    it('deletes a group: 204, gone from the list, members keep their enrollment', async () => {
      const before = members('LZ_WEST').map((m) => m.id);
      const r = await utility(sim, 'DELETE', `/v1/programs/${programId}/groups/LZ_WEST`);
      expect(r).toMatchObject({ status: 204, text: '' });
      expect((await groups()) as { id: string }[]).not.toContainEqual(
        expect.objectContaining({ id: 'LZ_WEST' }),
      );
      expect(members('LZ_WEST')).toEqual([]);
      const ids = (await listed()).map((e) => e.id);
      for (const id of before) expect(ids).toContain(id);
    });
  });

  describe('events', () => {
    const HOUR = 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    /** ACTIVE batteries, online, outside every seeded event (no LZ_HOUSTON, not the first sites). */
    const quietDevices = () =>
      enrollments()
        .filter((e) => e.status === 'ACTIVE' && !e.site.groups?.some((g) => g.id === 'LZ_HOUSTON'))
        .slice(5)
        .flatMap((e) => (e.devices ?? []).filter((d) => d.type === 'BATTERY').map((d) => d.id));
    const latest = async (ids: string[]) =>
      WireTelemetryResponse.parse(
        (
          await utility(sim, 'POST', '/v1/telemetry/latest', {
            body: { program_id: programId, device_ids: ids },
          })
        ).json,
      ).telemetry;

    it('lists a POSTed event with starts_at, ends_at and duration_s spanning its actions', async () => {
      const start = clock.now() + HOUR;
      const r = await utility(sim, 'POST', '/v1/events', {
        body: {
          program_id: programId,
          target_type: 'GROUP',
          target_ids: ['LZ_SOUTH'],
          actions: [
            { mode: 'CHARGE', starts_at: iso(start), duration_s: 1800 },
            {
              mode: 'DISCHARGE',
              starts_at: iso(start + HOUR),
              duration_s: 3600,
              power_mode: 'SETPOINT',
              setpoint_w: 2500,
            },
          ],
        },
      });
      expect(r.status).toBe(200);
      const event = WireEvent.parse(r.json);
      expect(event).toMatchObject({
        program_id: programId,
        starts_at: iso(start).replace('.000Z', 'Z'),
        ends_at: iso(start + 2 * HOUR).replace('.000Z', 'Z'),
        duration_s: 7200,
      });
      expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const all = (await utility(sim, 'GET', '/v1/events')).json as unknown[];
      expect(all.at(-1)).toEqual(r.json);
      const sites = z
        .array(WireEventSite)
        .parse((await utility(sim, 'GET', `/v1/events/${event.id}/sites`)).json);
      expect(sites.length).toBeGreaterThan(0);
      for (const s of sites) {
        expect(s.performance_actual_power_w).toBeNull();
        expect(s.performance_actual_energy_wh).toBeNull();
      }
      expect(sites.filter((s) => s.is_participating).length / sites.length).toBeGreaterThan(0.5);
    });

    it('drives telemetry: state of charge falls while discharging; DELETE cancels and it recovers', async () => {
      const ids = quietDevices().slice(0, 12);
      const before = await latest(ids);
      const post = await utility(sim, 'POST', '/v1/events', {
        body: {
          program_id: programId,
          target_type: 'DEVICE',
          target_ids: ids,
          actions: [{ mode: 'DISCHARGE', starts_at: iso(clock.now() - 30 * MIN), duration_s: 7200 }],
        },
      });
      const event = WireEvent.parse(post.json);
      const sites = z
        .array(WireEventSite)
        .parse((await utility(sim, 'GET', `/v1/events/${event.id}/sites`)).json);
      const participating = new Set(sites.filter((s) => s.is_participating).map((s) => s.site_id));
      expect(participating.size).toBeGreaterThan(6);
      const online = new Set(
        before.filter((p) => p.last_is_online).map((p) => `site-${p.device_id.slice(4, 9)}`),
      );
      expect(online.size).toBeLessThan(ids.length);
      for (const s of sites.filter((x) => x.is_participating)) {
        // An offline device takes part but delivers nothing.
        if (online.has(s.site_id)) expect(s.performance_actual_energy_wh).toBeGreaterThan(0);
        else expect(s.performance_actual_energy_wh).toBe(0);
      }
      const during = await latest(ids);
      const siteOf = (deviceId: string) => `site-${deviceId.slice(4, 9)}`;
      const driven = during.filter(
        (p) => participating.has(siteOf(p.device_id)) && online.has(siteOf(p.device_id)),
      );
      expect(driven.length).toBeGreaterThan(6);
      for (const p of driven) {
        const b = before.find((x) => x.device_id === p.device_id);
        expect(p.last_mode).toBe('DISCHARGE');
        expect(p.battery_power_discharge_w).toBeGreaterThan(0);
        expect(p.battery_state_of_charge_percentage).toBeLessThan(
          b?.battery_state_of_charge_percentage as number,
        );
        expect(p.battery_state_of_charge_percentage).toBeGreaterThanOrEqual(
          p.battery_last_backup_reserve_percentage as number,
        );
      }
      clock.advance(20 * MIN);
      const later = await latest(ids);
      for (const p of driven) {
        const d = later.find((x) => x.device_id === p.device_id);
        expect(d?.battery_state_of_charge_percentage).toBeLessThanOrEqual(
          p.battery_state_of_charge_percentage as number,
        );
      }

      const del = await utility(sim, 'DELETE', `/v1/events/${event.id}`);
      expect(del).toMatchObject({ status: 204, text: '' });
      expect(
        ((await utility(sim, 'GET', '/v1/events')).json as { id: string }[]).map((e) => e.id),
      ).not.toContain(event.id);
      expect((await utility(sim, 'GET', `/v1/events/${event.id}/sites`)).status).toBe(404);
      expect((await utility(sim, 'DELETE', `/v1/events/${event.id}`)).status).toBe(404);
      for (const p of await latest(ids)) {
        expect(p.last_mode === 'DISCHARGE').toBe(false);
      }
      // Three hours after the cancel the devices read like an untouched simulator's.
      clock.advance(4 * HOUR);
      const twin = await startTestSim({ now: clock.now });
      try {
        const untouched = WireTelemetryResponse.parse(
          (
            await utility(twin, 'POST', '/v1/telemetry/latest', {
              body: { program_id: programId, device_ids: ids },
            })
          ).json,
        ).telemetry;
        // Only the lifetime discharge counter remembers the event.
        const strip = (points: typeof untouched) =>
          points.map(({ battery_total_energy_discharge_wh: _, ...rest }) => rest);
        const mine = await latest(ids);
        expect(strip(mine)).toEqual(strip(untouched));
        for (const p of driven) {
          const a = mine.find((x) => x.device_id === p.device_id)?.battery_total_energy_discharge_wh;
          const b = untouched.find((x) => x.device_id === p.device_id)?.battery_total_energy_discharge_wh;
          expect(a).toBeGreaterThan(b as number);
        }
      } finally {
        await twin.close();
      }
    });

    it('shows the discharge in historical telemetry, one point per five minutes', async () => {
      const [id] = quietDevices();
      const start = clock.now() - HOUR;
      await utility(sim, 'POST', '/v1/events', {
        body: {
          program_id: programId,
          target_type: 'PROGRAM',
          target_ids: [programId],
          actions: [
            { mode: 'DISCHARGE', starts_at: iso(start + 30 * MIN), duration_s: 3600, setpoint_w: 2000 },
          ],
        },
      });
      const r = await utility(sim, 'POST', '/v1/telemetry/historical', {
        body: { program_id: programId, device_ids: [id], start_time: iso(start), end_time: iso(clock.now()) },
      });
      const points = WireTelemetryResponse.parse(r.json).telemetry;
      expect(points).toHaveLength(12);
      expect(points.map((p) => p.duration_s)).toEqual(Array(12).fill(300));
      expect(points.slice(0, 6).every((p) => p.last_mode === 'SELF_CONSUMPTION')).toBe(true);
      expect(
        points.slice(6).every((p) => p.last_mode === 'DISCHARGE' && p.battery_power_discharge_w === 2000),
      ).toBe(true);
    });

    it('refuses to cancel an event that has already ended (409)', async () => {
      const past = z
        .array(WireEvent)
        .parse(sim.state.events())
        .find((e) => Date.parse(e.ends_at as string) < clock.now()) as { id: string };
      const r = await utility(sim, 'DELETE', `/v1/events/${past.id}`);
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ code: 'CONFLICT', status_code: 409 });
    });
  });

  describe('POST /v1/commission', () => {
    const body = (site: Record<string, unknown>, canAutoEnroll = true) => ({
      site: { id: 'oem-site-1', first_name: 'Test', last_name: 'Person', ...site },
      devices: [
        {
          id: 'oem-dev-1',
          site_id: 'oem-site-1',
          type: 'BATTERY',
          manufacturer_name: 'Tesla',
          product_name: 'Powerwall 3',
          attributes: {
            battery_capacity_wh: 13500,
            battery_power_input_w: 5000,
            battery_power_output_w: 11500,
          },
          install_date: '2025-03-01T00:00:00Z',
        },
      ],
      can_auto_enroll: canAutoEnroll,
    });

    it('answers 422 listing the missing site attributes', async () => {
      const r = await cloud(sim, 'POST', '/v1/commission', { body: body({ zip_code: '88800' }) });
      expect(r.status).toBe(422);
      expect(WireCommissionMissing.parse(r.json).enrollment.missing_site_attributes).toEqual(['state_code']);
    });

    it('stores the site, lists eligible programs and auto-enrolls it PENDING', async () => {
      const r = await cloud(sim, 'POST', '/v1/commission', {
        body: body({ zip_code: '77002', state_code: 'TX' }),
      });
      expect(r.status).toBe(200);
      const res = WireCommissionResponse.parse(r.json);
      expect(res.programs?.map((p) => p.id)).toEqual([programId]);
      expect(res.enrollment).toEqual({
        id: expect.any(String),
        status: 'PENDING',
        program_id: programId,
        site_id: 'oem-site-1',
        device_ids: ['oem-dev-1'],
        enroll_method: 'AUTO_ENROLL',
        status_reason: null,
        enrolled_at: null,
        unenrolled_at: null,
        has_agreed_to_terms_and_conditions: null,
        terms_and_conditions_version: null,
      });
      expect(res.programs?.[0]).toMatchObject({
        terms_and_conditions_version: '2025-01-01',
        terms_and_conditions_text: expect.stringContaining('**Terms and conditions**'),
        enrollment_form: [{ name: 'account_id', label: 'Utility Account Number' }],
      });
      const enrolled = (await listed()).find((e) => e.id === res.enrollment?.id);
      expect(enrolled).toMatchObject({ status: 'PENDING', site: { id: 'oem-site-1', zip_code: '77002' } });
      const sites = await cloud(sim, 'GET', '/v1/sites', { query: { skip: 200 } });
      expect(sites.json).toEqual([res.site]);
    });

    it('#13: answers the documented 422 for a device without site_id (required by the Cloud API)', async () => {
      const payload = body({ zip_code: '88800', state_code: 'TX' });
      delete (payload.devices[0] as { site_id?: string }).site_id;
      const r = await cloud(sim, 'POST', '/v1/commission', { body: payload });
      expect(r.status).toBe(422);
      expect(r.json).toEqual({
        detail: [{ loc: ['body', 'devices', 0, 'site_id'], msg: 'Field required', type: 'missing' }],
      });
    });

    it('#13: takes the date-only install_date of the Cloud API example', async () => {
      const payload = body({ id: 'oem-site-date', zip_code: '88800', state_code: 'TX' }, false);
      payload.devices[0]!.install_date = '2022-02-22';
      const r = await cloud(sim, 'POST', '/v1/commission', { body: payload });
      expect(r.status).toBe(200);
    });

    it('does not enroll without can_auto_enroll; sandbox zips qualify for every battery program', async () => {
      const r = await cloud(sim, 'POST', '/v1/commission', {
        body: body({ zip_code: '88801', state_code: 'NV' }, false),
      });
      const res = WireCommissionResponse.parse(r.json);
      expect(res.enrollment).toBeNull();
      expect(res.programs?.map((p) => p.name)).toEqual([
        'Texas Peak Saver',
        'California Battery Reserve',
        'Arizona EV Flex',
      ]);
    });
  });
});
