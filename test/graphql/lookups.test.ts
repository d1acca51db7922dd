import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEnrollment } from '../../src/flip/wire.js';
import {
  EnrollmentDetailDocument,
  SiteDetailDocument,
  type EnrollmentDetailQuery,
  type SiteDetailQuery,
} from '../../schema/client/graphql.js';
import { startService, type StartedService } from '../support/start.js';
import {
  DEVICE_FIELDS,
  SITE_FIELDS,
  askSimulator,
  enrollmentListCalls,
  expectedDevice,
  expectedEnrollment,
  expectedSite,
  expectedTelemetryPoint,
  iso,
  seedEnrollments,
  sortedCalls,
} from './helpers.js';

// A frozen simulator clock: the latest telemetry is a function of now.
const NOW = Date.UTC(2026, 5, 1, 18, 2, 0);
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

let svc: StartedService;
let programIds: string[];
let sample: WireEnrollment;
beforeAll(async () => {
  svc = await startService({ autoClose: false, sim: { now: () => NOW } });
  programIds = svc.sim.programs.map((p) => p.id);
  sample = seedEnrollments(svc.sim, programIds[1]!).find((e) => (e.site.groups ?? []).length > 0)!;
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

describe('Query.enrollment', () => {
  it('#13: answers from the configured programs, loaded once each: the Utility enrollment does not say its program', async () => {
    const fresh = await startService({ sim: { now: () => NOW } });
    const res = await fresh.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          enrollment(id: $id) {
            id
            status
            createdAt
          }
        }
      `,
      {
        id: sample.id,
      },
    );
    expect(res.body).toEqual({
      data: { enrollment: { id: sample.id, status: sample.status, createdAt: iso(sample.created_at) } },
    });
    expect(sortedCalls(fresh.sim)).toEqual(enrollmentListCalls(programIds));
  });

  it('answers an id an earlier load located with one GET /v1/enrollments/{id} (cheaper than loading every program)', async () => {
    await svc.gql(`query ($id: ID!) { program(id: $id) { stats { siteCount } } }`, { id: programIds[1] });
    // The locator learns a program's ids after the answer that loaded them.
    await new Promise((resolve) => setImmediate(resolve));
    svc.sim.journal.clear();
    const res = await svc.gql(`query ($id: ID!) { enrollment(id: $id) { id program { id } } }`, {
      id: sample.id,
    });
    expect(res.body).toEqual({ data: { enrollment: { id: sample.id, program: { id: programIds[1] } } } });
    expect(svc.sim.journal.calls()).toEqual([{ method: 'GET', route: `/v1/enrollments/${sample.id}` }]);
  });

  it('finds its program, site groups and devices through the program loads when the selection needs them', async () => {
    const res = await svc.gql<EnrollmentDetailQuery>(EnrollmentDetailDocument, { id: sample.id });
    const program = svc.sim.programs[1]!;
    const { programSpecificAttributes, ...scalars } = expectedEnrollment(sample);
    expect(res.body).toEqual({
      data: {
        enrollment: {
          ...scalars,
          program: { id: program.id, name: program.name },
          programSpecificAttributes,
          site: {
            id: sample.site.id,
            firstName: sample.site.first_name,
            lastName: sample.site.last_name,
            email: sample.site.email,
          },
          groups: (sample.site.groups ?? []).map((g) => ({ programId: program.id, ...g })),
          devices: (sample.devices ?? []).map((d) => ({
            id: d.id,
            type: d.type,
            serialNumber: d.serial_number,
            batteryCapacityWh: d.attributes?.battery_capacity_wh ?? null,
          })),
        },
      },
    });
  });

  it('locates the program of an enrollment fetched by id when asked through a fragment', async () => {
    const res = await svc.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          enrollment(id: $id) {
            id
            ...P
          }
        }
        fragment P on Enrollment {
          program {
            id
          }
        }
      `,
      { id: sample.id },
    );
    expect(res.body).toEqual({ data: { enrollment: { id: sample.id, program: { id: programIds[1] } } } });
  });

  it('answers null for an unknown id after looking in every configured program, not an error', async () => {
    const res = await svc.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          enrollment(id: $id) {
            id
          }
        }
      `,
      { id: UNKNOWN_UUID },
    );
    expect(res.body).toEqual({ data: { enrollment: null } });
    expect(sortedCalls(svc.sim)).toEqual(enrollmentListCalls(programIds));
  });
});

describe('Query.site', () => {
  it('answers the site detail: fields, groups and enrollments with their program, devices with latest telemetry', async () => {
    const res = await svc.gql<SiteDetailQuery>(SiteDetailDocument, { siteId: sample.site.id });
    const telemetry = await askSimulator(svc.sim, '/v1/telemetry/latest', {
      program_id: programIds[1],
      device_ids: (sample.devices ?? []).map((d) => d.id),
    });
    const program = svc.sim.programs[1]!;
    const pick = <T extends object>(o: T, keys: (keyof T)[]) =>
      Object.fromEntries(keys.map((k) => [k, o[k]]));
    const site = res.body.data?.site;
    expect(site).toEqual({
      ...expectedSite(sample.site),
      groups: (sample.site.groups ?? []).map((g) => ({ programId: program.id, ...g })),
      enrollments: [
        {
          ...pick(expectedEnrollment(sample), ['id', 'status', 'statusReason', 'enrolledAt', 'unenrolledAt']),
          program: { id: program.id, name: program.name },
        },
      ],
      devices: (sample.devices ?? []).map((d) => {
        const { createdAt: _c, updatedAt: _u, ...device } = expectedDevice(d);
        const point = telemetry.find((t) => t.device_id === d.id);
        return {
          ...device,
          latestTelemetry: point
            ? pick(expectedTelemetryPoint(point), [
                'deviceId',
                'startTime',
                'durationS',
                'batteryStateOfChargePercentage',
                'batteryBackupReservePercentage',
                'batteryPowerChargeW',
                'batteryPowerDischargeW',
                'gridPowerW',
                'homePowerW',
                'solarPowerW',
                'isOnline',
                'mode',
              ])
            : null,
        };
      }),
    });
  });

  it('answers null for an unknown site after looking in every configured program', async () => {
    const res = await svc.gql(/* GraphQL */ `
      {
        site(id: "no-such-site") {
          id
        }
      }
    `);
    expect(res.body).toEqual({ data: { site: null } });
    expect(sortedCalls(svc.sim)).toEqual(enrollmentListCalls(programIds));
  });
});

describe('Query.device', () => {
  it('answers the device with its site and program; null for an unknown id', async () => {
    const device = sample.devices![0]!;
    const res = await svc.gql(
      /* GraphQL */ `
      query ($id: ID!) {
        device(id: $id) { ${DEVICE_FIELDS} site { ${SITE_FIELDS} } program { id } }
        unknown: device(id: "no-such-device") { id }
      }
    `,
      { id: device.id },
    );
    expect(res.body).toEqual({
      data: {
        device: {
          ...expectedDevice(device),
          site: expectedSite(sample.site),
          program: { id: programIds[1] },
        },
        unknown: null,
      },
    });
    expect(sortedCalls(svc.sim)).toEqual(enrollmentListCalls(programIds));
  });
});
