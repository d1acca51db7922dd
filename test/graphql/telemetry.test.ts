import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeviceTelemetryDocument, type DeviceTelemetryQuery } from '../../schema/client/graphql.js';
import { startService, type StartedService } from '../support/start.js';
import { TELEMETRY_FIELDS, askSimulator, expectedTelemetryPoint, seedEnrollments } from './helpers.js';

// A frozen simulator clock: telemetry values are a function of now.
const NOW = Date.UTC(2026, 5, 1, 18, 2, 0);
const HOUR_MS = 3_600_000;

const LATEST = /* GraphQL */ `
  query ($id: ID!, $first: Int) {
    program(id: $id) { enrollments(first: $first) { nodes { devices { id latestTelemetry { ${TELEMETRY_FIELDS} } } } } }
  }
`;

interface LatestData {
  program: { enrollments: { nodes: { devices: { id: string; latestTelemetry: unknown }[] }[] } };
}

let svc: StartedService;
let programId: string;
beforeAll(async () => {
  svc = await startService({ autoClose: false, sim: { now: () => NOW } });
  programId = svc.sim.programs[0]!.id;
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

describe('Device.latestTelemetry', () => {
  it("answers Flip's newest point of every device, from one POST /v1/telemetry/latest", async () => {
    const res = await svc.gql<LatestData>(LATEST, { id: programId, first: 60 });
    expect(res.body.errors).toBeUndefined();
    const devices = res.body.data!.program.enrollments.nodes.flatMap((n) => n.devices);
    const deviceIds = devices.map((d) => d.id);
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/enrollments', query: { program_id: programId } },
      {
        method: 'POST',
        route: '/v1/telemetry/latest',
        body: { program_id: programId, device_ids: deviceIds },
      },
    ]);
    const points = await askSimulator(svc.sim, '/v1/telemetry/latest', {
      program_id: programId,
      device_ids: deviceIds,
    });
    expect(devices).toEqual(
      deviceIds.map((id) => {
        const point = points.find((p) => p.device_id === id);
        return { id, latestTelemetry: point ? expectedTelemetryPoint(point) : null };
      }),
    );
    expect(devices.filter((d) => d.latestTelemetry !== null).length).toBeGreaterThan(0);
  });
});

describe('Device.telemetry', () => {
  it("answers Flip's points in the window, oldest first, one POST /v1/telemetry/historical per window", async () => {
    const device = seedEnrollments(svc.sim, programId).find((e) => e.status === 'ACTIVE')!.devices![0]!;
    const windows = [
      { from: new Date(NOW - 2 * HOUR_MS).toISOString(), to: new Date(NOW - HOUR_MS).toISOString() },
      { from: new Date(NOW - 30 * 60_000).toISOString(), to: new Date(NOW).toISOString() },
    ];
    const results = await Promise.all(
      windows.map((w) =>
        svc.gql<DeviceTelemetryQuery>(DeviceTelemetryDocument, { deviceId: device.id, ...w }),
      ),
    );
    expect(svc.sim.journal.counts()).toMatchObject({ 'POST /v1/telemetry/historical': 2 });
    for (const [i, w] of windows.entries()) {
      const points = await askSimulator(svc.sim, '/v1/telemetry/historical', {
        program_id: programId,
        start_time: w.from,
        end_time: w.to,
        device_ids: [device.id],
      });
      expect(points.length).toBeGreaterThan(0);
      const fields = Object.keys(results[i]!.body.data!.device!.telemetry![0]!);
      expect(results[i]!.body.data!.device!.telemetry).toEqual(
        points.map((p) => {
          const full = expectedTelemetryPoint(p) as Record<string, unknown>;
          return Object.fromEntries(fields.map((f) => [f, full[f]]));
        }),
      );
    }
  });

  it('rejects a window whose end is not after its start with BAD_USER_INPUT naming to', async () => {
    const device = seedEnrollments(svc.sim, programId)[0]!.devices![0]!;
    const at = new Date(NOW - HOUR_MS).toISOString();
    const res = await svc.gql<DeviceTelemetryQuery>(DeviceTelemetryDocument, {
      deviceId: device.id,
      from: at,
      to: at,
    });
    expect(res.body.data?.device?.telemetry).toBeNull();
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.fieldPaths])).toEqual([
      [['device', 'telemetry'], 'BAD_USER_INPUT', ['to']],
    ]);
    expect(svc.sim.journal.counts()['POST /v1/telemetry/historical']).toBeUndefined();
  });

  it('rejects a DateTime without an offset as invalid input', async () => {
    const device = seedEnrollments(svc.sim, programId)[0]!.devices![0]!;
    const res = await svc.gql(DeviceTelemetryDocument, {
      deviceId: device.id,
      from: '2026-06-01T10:00:00',
      to: '2026-06-01T11:00:00Z',
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

describe('TELEMETRY_CHUNK_SIZE', () => {
  it("splits one program's latestTelemetry device ids into chunks of at most that size", async () => {
    const chunked = await startService({ env: { TELEMETRY_CHUNK_SIZE: '25' }, sim: { now: () => NOW } });
    chunked.sim.journal.clear();
    const res = await chunked.gql<LatestData>(LATEST, { id: programId, first: 80 });
    expect(res.body.errors).toBeUndefined();
    const deviceIds = res.body.data!.program.enrollments.nodes.flatMap((n) => n.devices.map((d) => d.id));
    const bodies = chunked.sim.journal
      .calls()
      .filter((c) => c.route === '/v1/telemetry/latest')
      .map((c) => c.body as { device_ids: string[] });
    expect(bodies.length).toBe(Math.ceil(deviceIds.length / 25));
    expect(bodies.every((b) => b.device_ids.length <= 25)).toBe(true);
    expect(bodies.flatMap((b) => b.device_ids).sort()).toEqual([...deviceIds].sort());
  });
});
