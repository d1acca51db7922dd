import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { buildClients } from '../support/client.js';
import { startStubFlip } from '../support/stub-flip.js';

/**
 * The simulator only speaks documented values, so a stand-in Flip on node:http sends what a
 * future Flip might: enum values nobody documented yet, lower-case values (the older docs'
 * style), extra fields and nulls.
 */

const NOW = '2026-01-01T00:00:00Z';

const enrollments = {
  enrollments: [
    {
      id: 'e1',
      status: 'ON_HOLD',
      site: { id: 's1', groups: [{ id: 'g1', name: 'Zone 1' }], brand_new_field: { x: 1 } },
      devices: [{ id: 'd1', type: 'HEAT_PUMP', attributes: { battery_capacity_wh: 9_000 } }],
    },
    {
      id: 'e2',
      status: 'active',
      status_reason: null,
      site: { id: 's2', first_name: null, groups: null },
      devices: [{ id: 'd2', site_id: 's2', type: 'battery', install_date: 'not a date' }],
    },
  ],
};

const events = [
  {
    id: 'ev1',
    program_id: 'p1',
    target_type: 'ZONE',
    target_ids: ['z1'],
    starts_at: NOW,
    actions: [
      { mode: 'TURBO', starts_at: NOW, duration_s: 600 },
      { mode: 'discharge', starts_at: NOW, duration_s: 900, power_mode: 'MAGIC', setpoint_mode: 'EVEN' },
    ],
  },
];

const telemetry = { telemetry: [{ device_id: 'd2', start_time: NOW, duration_s: 300, last_mode: 'TURBO' }] };

const programs = [
  { id: 'cp1', name: 'Demo', can_auto_enroll: true, eligible_device_types: ['BATTERY', 'HEAT_PUMP'] },
];

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function startFutureFlip() {
  const stub = await startStubFlip((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    req.resume();
    if (path === '/utility/v1/enrollments') return json(res, enrollments);
    if (path === '/utility/v1/events') return json(res, events);
    if (path === '/utility/v1/telemetry/latest') return json(res, telemetry);
    if (path === '/cloud/v1/programs') return json(res, programs);
    res.writeHead(404).end();
  });
  return buildClients(stub);
}

describe('enum values Flip has not documented', () => {
  it('maps an unknown enrollment status to PENDING and an unknown device type to EV_CHARGER', async () => {
    const h = await startFutureFlip();

    const [first, second] = await h.clients.utility.listEnrollments('p1');

    expect(first).toMatchObject({
      status: 'PENDING',
      site: { id: 's1', groups: [{ id: 'g1', name: 'Zone 1' }] },
      devices: [{ id: 'd1', siteId: 's1', type: 'EV_CHARGER', batteryCapacityWh: 9_000 }],
    });
    expect(second).toMatchObject({
      status: 'ACTIVE',
      statusReason: null,
      site: { firstName: null, groups: [] },
      devices: [{ type: 'BATTERY', installDate: null }],
    });
  });

  it('maps an unknown target type to PROGRAM and skips actions of an unknown mode', async () => {
    const h = await startFutureFlip();

    const [event] = await h.clients.utility.listEvents();

    expect(event).toMatchObject({ targetType: 'PROGRAM', targetIds: ['z1'] });
    expect(event!.actions).toEqual([
      {
        mode: 'DISCHARGE',
        startsAt: new Date(NOW),
        durationS: 900,
        powerMode: null,
        setpointMode: 'EVEN',
        setpointW: null,
        backupReservePercentage: null,
        enableGridImport: null,
      },
    ]);
  });

  it('reads an unknown telemetry mode as null and drops unknown eligible device types', async () => {
    const h = await startFutureFlip();

    const [point] = await h.clients.utility.latestTelemetry('p1', ['d2']);
    const [program] = await h.clients.cloud.listPrograms({
      deviceType: 'BATTERY',
      totalCapacityWh: 10_000,
      totalPowerW: 5_000,
    });

    expect(point).toMatchObject({ deviceId: 'd2', mode: null });
    expect(program).toMatchObject({ eligibleDeviceTypes: ['BATTERY'], participationMonths: [] });
  });

  it('logs each unknown value once, however often it is seen', async () => {
    const h = await startFutureFlip();

    await h.clients.utility.listEnrollments('p1');
    await h.clients.utility.listEnrollments('p1');
    await h.clients.utility.listEvents();
    await h.clients.utility.listEvents();

    expect(h.warnings.map((w) => w.obj)).toEqual([
      { field: 'enrollment.status', value: 'ON_HOLD', fallback: 'PENDING' },
      { field: 'device.type', value: 'HEAT_PUMP', fallback: 'EV_CHARGER' },
      { field: 'event.target_type', value: 'ZONE', fallback: 'PROGRAM' },
      { field: 'event.actions.mode', value: 'TURBO', fallback: null },
      { field: 'event.actions.power_mode', value: 'MAGIC', fallback: null },
    ]);
  });
});
