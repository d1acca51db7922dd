import { describe, expect, it } from 'vitest';
import { startClientHarness } from '../support/client.js';

/** Each typed method against the simulator: the request Flip sees and the records we return. */

interface WireEnrollmentLike {
  id: string;
  status: string;
  site: { id: string; groups: { id: string; name: string }[] };
  devices: { id: string }[];
}

describe('Utility API methods', () => {
  it('lists a program’s enrollments as records with Dates, sites, groups and devices', async () => {
    const h = await startClientHarness();
    const wire = h.sim.state.enrollments(h.programId) as WireEnrollmentLike[];

    const records = await h.clients.utility.listEnrollments(h.programId);

    expect(records.map((r) => r.id)).toEqual(wire.map((w) => w.id));
    const [record] = records;
    expect(record).toMatchObject({
      status: wire[0]!.status,
      site: { id: wire[0]!.site.id, groups: wire[0]!.site.groups },
      devices: wire[0]!.devices.map((d) => expect.objectContaining({ id: d.id, siteId: wire[0]!.site.id })),
    });
    expect(record!.createdAt).toBeInstanceOf(Date);
  });

  it('gets one enrollment equal to its list entry', async () => {
    const h = await startClientHarness();
    const [listed] = await h.clients.utility.listEnrollments(h.programId);

    await expect(h.clients.utility.getEnrollment(listed!.id)).resolves.toEqual(listed);
  });

  it('patches an enrollment with a snake_case body of only the given fields', async () => {
    const h = await startClientHarness();
    const [wire] = h.sim.state.enrollments(h.programId) as WireEnrollmentLike[];
    const [group] = h.sim.state.groups(h.programId);

    const updated = await h.clients.utility.updateEnrollment(wire!.id, {
      status: 'PAUSED',
      statusReason: 'maintenance',
      groupIds: [group!.id],
    });

    expect(updated).toMatchObject({
      status: 'PAUSED',
      statusReason: 'maintenance',
      site: { groups: [group] },
    });
    expect(h.sim.journal.calls()).toEqual([
      {
        method: 'PATCH',
        route: `/v1/enrollments/${wire!.id}`,
        body: { status: 'PAUSED', status_reason: 'maintenance', group_ids: [group!.id] },
      },
    ]);
  });

  it('creates, renames and deletes a group', async () => {
    const h = await startClientHarness();
    const p = h.programId;

    await expect(h.clients.utility.createGroup(p, { id: 'zone-z', name: 'Zone Z' })).resolves.toEqual({
      id: 'zone-z',
      name: 'Zone Z',
    });
    await expect(h.clients.utility.updateGroup(p, 'zone-z', { name: 'Zone Zed' })).resolves.toEqual({
      id: 'zone-z',
      name: 'Zone Zed',
    });
    await expect(h.clients.utility.deleteGroup(p, 'zone-z')).resolves.toBeUndefined();

    expect(h.sim.journal.calls()).toEqual([
      { method: 'POST', route: `/v1/programs/${p}/groups`, body: { id: 'zone-z', name: 'Zone Z' } },
      { method: 'PATCH', route: `/v1/programs/${p}/groups/zone-z`, body: { name: 'Zone Zed' } },
      { method: 'DELETE', route: `/v1/programs/${p}/groups/zone-z` },
    ]);
    expect(await h.clients.utility.listGroups(p)).not.toContainEqual(
      expect.objectContaining({ id: 'zone-z' }),
    );
  });

  it('dispatches an event, lists it and its sites', async () => {
    const h = await startClientHarness();
    const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);

    const event = await h.clients.utility.createEvent({
      programId: h.programId,
      targetType: 'PROGRAM',
      targetIds: [h.programId],
      actions: [{ mode: 'DISCHARGE', startsAt, durationS: 1_800, powerMode: 'SETPOINT', setpointW: 3_000 }],
    });
    const sites = await h.clients.utility.listEventSites(event.id);
    const events = await h.clients.utility.listEvents();

    expect(event).toMatchObject({
      programId: h.programId,
      targetType: 'PROGRAM',
      startsAt,
      actions: [{ mode: 'DISCHARGE', startsAt, durationS: 1_800, powerMode: 'SETPOINT', setpointW: 3_000 }],
    });
    expect(events.map((e) => e.id)).toContain(event.id);
    expect(sites.length).toBeGreaterThan(0);
    expect(h.sim.journal.calls()[0]).toEqual({
      method: 'POST',
      route: '/v1/events',
      body: {
        program_id: h.programId,
        target_type: 'PROGRAM',
        target_ids: [h.programId],
        actions: [
          {
            mode: 'DISCHARGE',
            starts_at: startsAt.toISOString(),
            duration_s: 1_800,
            power_mode: 'SETPOINT',
            setpoint_w: 3_000,
          },
        ],
      },
    });
  });

  it('queries latest and historical telemetry with JSON filter bodies', async () => {
    const h = await startClientHarness();
    const [wire] = h.sim.state.enrollments(h.programId) as WireEnrollmentLike[];
    const deviceId = wire!.devices[0]!.id;
    const to = new Date(Math.floor(Date.now() / 300_000) * 300_000);
    const from = new Date(to.getTime() - 3_600_000);

    const latest = await h.clients.utility.latestTelemetry(h.programId, undefined);
    const history = await h.clients.utility.historicalTelemetry(h.programId, { from, to }, [deviceId]);

    expect(latest.length).toBeGreaterThan(0);
    expect(latest[0]!.startTime).toBeInstanceOf(Date);
    expect(new Set(history.map((p) => p.deviceId))).toEqual(new Set([deviceId]));
    expect(h.sim.journal.calls()).toEqual([
      { method: 'POST', route: '/v1/telemetry/latest', body: { program_id: h.programId } },
      {
        method: 'POST',
        route: '/v1/telemetry/historical',
        body: {
          program_id: h.programId,
          start_time: from.toISOString(),
          end_time: to.toISOString(),
          device_ids: [deviceId],
        },
      },
    ]);
  });
});

describe('Cloud API methods', () => {
  it('lists eligible programs with the filter as query parameters', async () => {
    const h = await startClientHarness();

    const programs = await h.clients.cloud.listPrograms({
      deviceType: 'BATTERY',
      totalCapacityWh: 20_000,
      totalPowerW: 10_000,
    });

    expect(programs.length).toBeGreaterThan(0);
    expect(programs[0]!.eligibleDeviceTypes).toContain('BATTERY');
    expect(h.sim.journal.calls()).toEqual([
      {
        method: 'GET',
        route: '/v1/programs',
        query: { device_type: 'BATTERY', total_capacity_wh: '20000', total_power_w: '10000' },
      },
    ]);
  });

  it('pages sites with skip and limit', async () => {
    const h = await startClientHarness();

    const page = await h.clients.cloud.listSites({ skip: 5, limit: 3 });

    expect(page).toHaveLength(3);
    expect(h.sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/sites', query: { skip: '5', limit: '3' } },
    ]);
  });

  it('commissions a site and its devices', async () => {
    const h = await startClientHarness();

    const result = await h.clients.cloud.commission({
      site: { id: 'site-new-1', zipCode: '88800', stateCode: 'CA', firstName: 'Ada' },
      devices: [
        {
          id: 'dev-new-1',
          manufacturerName: 'Maker',
          productName: 'Model 1',
          serialNumber: 'SN1',
          type: 'BATTERY',
          batteryCapacityWh: 15_000,
          batteryPowerInputW: 6_000,
          batteryPowerOutputW: 7_500,
          installDate: new Date('2024-02-22T00:00:00Z'),
        },
      ],
      canAutoEnroll: true,
    });

    expect(result.programs.length).toBeGreaterThan(0);
    expect(h.sim.journal.calls()[0]).toMatchObject({
      method: 'POST',
      route: '/v1/commission',
      body: {
        site: { id: 'site-new-1', zip_code: '88800', state_code: 'CA', first_name: 'Ada' },
        devices: [
          {
            id: 'dev-new-1',
            type: 'BATTERY',
            attributes: {
              battery_capacity_wh: 15_000,
              battery_power_input_w: 6_000,
              battery_power_output_w: 7_500,
            },
            install_date: '2024-02-22T00:00:00.000Z',
          },
        ],
        can_auto_enroll: true,
      },
    });
  });
});
