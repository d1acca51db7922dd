import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ENROLLMENT_STATUSES, type WireEnrollment } from '../../src/flip/wire.js';
import {
  FleetOverviewDocument,
  GroupManagementDocument,
  type FleetOverviewQuery,
  type GroupManagementQuery,
} from '../../schema/client/graphql.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments } from './helpers.js';

/** FleetStats recomputed from the seed, independently of the service's code. */
function statsOf(enrollments: WireEnrollment[]) {
  const active = enrollments.filter((e) => e.status === 'ACTIVE');
  const batteries = new Map(
    active.flatMap((e) =>
      (e.devices ?? []).filter((d) => d.type === 'BATTERY').map((d) => [d.id, d] as const),
    ),
  );
  const sum = (key: 'battery_capacity_wh' | 'battery_power_input_w' | 'battery_power_output_w') =>
    [...batteries.values()].reduce((total, d) => total + (d.attributes?.[key] ?? 0), 0);
  return {
    enrollmentCount: enrollments.length,
    siteCount: new Set(enrollments.map((e) => e.site.id)).size,
    deviceCount: new Set(enrollments.flatMap((e) => (e.devices ?? []).map((d) => d.id))).size,
    byStatus: ENROLLMENT_STATUSES.map((status) => ({
      status,
      count: enrollments.filter((e) => e.status === status).length,
    })),
    activeBatteryCount: batteries.size,
    activeBatteryCapacityWh: sum('battery_capacity_wh'),
    activeBatteryPowerInputW: sum('battery_power_input_w'),
    activeBatteryPowerOutputW: sum('battery_power_output_w'),
  };
}

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

describe('Query.programs', () => {
  it('lists the configured programs with their display names, without an upstream call', async () => {
    const res = await svc.gql(/* GraphQL */ `
      {
        programs {
          id
          name
        }
      }
    `);
    expect(res.body).toEqual({
      data: { programs: svc.sim.programs.map((p) => ({ id: p.id, name: p.name })) },
    });
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

describe('Query.program', () => {
  it('answers a configured program and null for an unknown id, without an upstream call', async () => {
    const [first] = svc.sim.programs;
    const res = await svc.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          known: program(id: $id) {
            id
            name
          }
          unknown: program(id: "no-such-program") {
            id
          }
        }
      `,
      { id: first!.id },
    );
    expect(res.body).toEqual({ data: { known: { id: first!.id, name: first!.name }, unknown: null } });
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});

describe('Program.stats', () => {
  it('counts by status (all eight, in enum order), sites, devices, and sums ACTIVE batteries', async () => {
    const res = await svc.gql<FleetOverviewQuery>(FleetOverviewDocument);
    expect(res.body.errors).toBeUndefined();
    const expected = svc.sim.programs.map((p) => {
      const {
        activeBatteryCount: _,
        activeBatteryPowerInputW: __,
        ...stats
      } = statsOf(seedEnrollments(svc.sim, p.id));
      return { id: p.id, name: p.name, stats };
    });
    expect(res.body.data?.programs).toEqual(expected);
  });

  it('covers only the enrollments matching its filter', async () => {
    const program = svc.sim.programs[0]!;
    const res = await svc.gql(
      /* GraphQL */ `
        query ($id: ID!) {
          program(id: $id) {
            stats(filter: { status: [ACTIVE], deviceType: BATTERY }) {
              enrollmentCount
              siteCount
              deviceCount
              byStatus {
                status
                count
              }
              activeBatteryCount
              activeBatteryCapacityWh
              activeBatteryPowerInputW
              activeBatteryPowerOutputW
            }
          }
        }
      `,
      { id: program.id },
    );
    const matching = seedEnrollments(svc.sim, program.id).filter(
      (e) => e.status === 'ACTIVE' && (e.devices ?? []).some((d) => d.type === 'BATTERY'),
    );
    expect(res.body).toEqual({ data: { program: { stats: statsOf(matching) } } });
  });
});

describe('Program.groups and Group.stats', () => {
  it("lists the program's groups, each with stats over the enrollments of its sites", async () => {
    const program = svc.sim.programs[0]!;
    const res = await svc.gql<GroupManagementQuery>(GroupManagementDocument, { programId: program.id });
    const seed = seedEnrollments(svc.sim, program.id);
    expect(res.body).toEqual({
      data: {
        program: {
          id: program.id,
          name: program.name,
          groups: svc.sim.state.groups(program.id).map((g) => ({
            ...g,
            programId: program.id,
            stats: statsOf(seed.filter((e) => (e.site.groups ?? []).some((sg) => sg.id === g.id))),
          })),
        },
      },
    });
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': 1,
      'GET /v1/programs/{programId}/groups': 1,
    });
  });

  it('answers Program.group for a known id and null for an unknown one', async () => {
    const program = svc.sim.programs[0]!;
    const group = svc.sim.state.groups(program.id)[0]!;
    const res = await svc.gql(
      /* GraphQL */ `
        query ($p: ID!, $g: ID!) {
          program(id: $p) {
            known: group(id: $g) {
              id
              name
              program {
                id
              }
            }
            unknown: group(id: "nope") {
              id
            }
          }
        }
      `,
      { p: program.id, g: group.id },
    );
    expect(res.body).toEqual({
      data: { program: { known: { ...group, program: { id: program.id } }, unknown: null } },
    });
  });

  it('pages Group.enrollments over the enrollments whose site is in the group, with filters', async () => {
    const program = svc.sim.programs[0]!;
    const group = svc.sim.state.groups(program.id)[2]!;
    const res = await svc.gql<{
      program: {
        group: { all: { totalCount: number; nodes: { id: string }[] }; active: { nodes: { id: string }[] } };
      };
    }>(
      /* GraphQL */ `
        query ($p: ID!, $g: ID!) {
          program(id: $p) {
            group(id: $g) {
              all: enrollments(first: 500) {
                totalCount
                nodes {
                  id
                }
              }
              active: enrollments(first: 500, filter: { status: [ACTIVE] }) {
                nodes {
                  id
                }
              }
            }
          }
        }
      `,
      { p: program.id, g: group.id },
    );
    const time = (s: string | null | undefined) => (s ? Date.parse(s) : -Infinity);
    const members = seedEnrollments(svc.sim, program.id)
      .filter((e) => (e.site.groups ?? []).some((g) => g.id === group.id))
      .sort((a, b) => time(a.created_at) - time(b.created_at) || (a.id < b.id ? -1 : 1));
    expect(members.length).toBeGreaterThan(0);
    const found = res.body.data!.program.group;
    expect(found.all).toEqual({ totalCount: members.length, nodes: members.map((e) => ({ id: e.id })) });
    expect(found.active.nodes).toEqual(
      members.filter((e) => e.status === 'ACTIVE').map((e) => ({ id: e.id })),
    );
  });
});
