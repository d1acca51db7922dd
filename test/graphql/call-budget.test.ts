import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../support/start.js';
import {
  enrollmentListCalls,
  seedEnrollments,
  sortCalls,
  sortedCalls,
  startOnOwnSimulator,
} from './helpers.js';

// The upstream-call budgets of issue 5, asserted exactly from the simulator's journal.

let svc: StartedService;
let programIds: string[];
beforeAll(async () => {
  // 600 sites: the first program has more than 200 devices.
  svc = await startService({ autoClose: false, env: { SIM_SITES: '600' } });
  programIds = svc.sim.programs.map((p) => p.id);
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

/** `e0: enrollment(id: "...") { id } e1: ...` for the given ids. */
function aliased(field: string, ids: string[], selection = 'id'): string {
  return ids.map((id, i) => `e${i}: ${field}(id: "${id}") { ${selection} }`).join('\n');
}

describe('upstream-call budget', () => {
  it('programs { enrollments(first: 50) { nodes { site { groups devices } } } } costs one enrollments call per program', async () => {
    const res = await svc.gql(/* GraphQL */ `
      {
        programs {
          enrollments(first: 50) {
            nodes {
              site {
                groups {
                  id
                }
                devices {
                  id
                }
              }
            }
          }
        }
      }
    `);
    expect(res.body.errors).toBeUndefined();
    expect(sortedCalls(svc.sim)).toEqual(sortCalls(enrollmentListCalls(programIds)));
  });

  it('reaches one program through aliases, enrollment.program, enrollment.groups and a group, for one enrollments call', async () => {
    const p = programIds[0]!;
    const group = svc.sim.state.groups(p)[0]!.id;
    const res = await svc.gql(
      /* GraphQL */ `
        query ($p: ID!, $g: ID!) {
          a: program(id: $p) {
            enrollments(first: 5) {
              totalCount
            }
          }
          b: program(id: $p) {
            stats {
              enrollmentCount
            }
            enrollments(first: 3, filter: { status: [ACTIVE] }) {
              nodes {
                program {
                  enrollments(first: 1) {
                    totalCount
                  }
                }
                groups {
                  id
                }
              }
            }
            group(id: $g) {
              enrollments(first: 2) {
                totalCount
              }
              stats {
                siteCount
              }
            }
          }
        }
      `,
      { p, g: group },
    );
    expect(res.body.errors).toBeUndefined();
    expect(svc.sim.journal.calls()).toEqual([
      ...enrollmentListCalls([p]),
      { method: 'GET', route: `/v1/programs/${p}/groups` },
    ]);
  });

  it('#14: Site.groups, Site.devices and Site.enrollments read every configured program, once each', async () => {
    // A site may be in several programs: its fields list all of them, whichever way it was reached.
    const p = programIds[0]!;
    const res = await svc.gql(
      /* GraphQL */ `
        query ($p: ID!) {
          program(id: $p) {
            enrollments(first: 20) {
              nodes {
                site {
                  groups {
                    id
                  }
                  devices {
                    id
                  }
                  enrollments {
                    id
                  }
                }
              }
            }
          }
        }
      `,
      { p },
    );
    expect(res.body.errors).toBeUndefined();
    expect(sortedCalls(svc.sim)).toEqual(sortCalls(enrollmentListCalls(programIds)));
  });

  it('latestTelemetry on more than 200 devices of one program costs one telemetry call', async () => {
    const p = programIds[0]!;
    const res = await svc.gql<{ program: { enrollments: { nodes: { devices: { id: string }[] }[] } } }>(
      /* GraphQL */ `
        query ($p: ID!) {
          program(id: $p) {
            enrollments(first: 500) {
              nodes {
                devices {
                  id
                  latestTelemetry {
                    startTime
                  }
                }
              }
            }
          }
        }
      `,
      { p },
    );
    expect(res.body.errors).toBeUndefined();
    const deviceIds = res.body.data!.program.enrollments.nodes.flatMap((n) => n.devices.map((d) => d.id));
    expect(deviceIds.length).toBeGreaterThan(200);
    expect(svc.sim.journal.calls()).toEqual([
      ...enrollmentListCalls([p]),
      { method: 'POST', route: '/v1/telemetry/latest', body: { program_id: p, device_ids: deviceIds } },
    ]);
  });

  it('ten aliased enrollment(id:) lookups in one program cost one enrollments call per configured program, none by id', async () => {
    const ids = seedEnrollments(svc.sim, programIds[1]!)
      .slice(0, 10)
      .map((e) => e.id);
    const res = await svc.gql(`{ ${aliased('enrollment', ids, 'id status program { id }')} }`);
    expect(res.body.errors).toBeUndefined();
    expect(Object.values(res.body.data ?? {})).toHaveLength(10);
    // Ten ids against three programs: loading the programs is cheaper than ten GET /v1/enrollments/{id}.
    expect(sortedCalls(svc.sim)).toEqual(sortCalls(enrollmentListCalls(programIds)));
  });

  it('ten aliased Program.enrollment(id:) lookups cost one enrollments call', async () => {
    const p = programIds[1]!;
    const ids = seedEnrollments(svc.sim, p)
      .slice(0, 10)
      .map((e) => e.id);
    const res = await svc.gql(`{ program(id: "${p}") { ${aliased('enrollment', ids)} } }`);
    expect(Object.values((res.body.data as { program: object }).program)).toEqual(ids.map((id) => ({ id })));
    expect(svc.sim.journal.calls()).toEqual(enrollmentListCalls([p]));
  });

  it('enrollment(id:) and site(id:) beside a field that loads the same program add no call', async () => {
    const p = programIds[2]!;
    const [first, second] = seedEnrollments(svc.sim, p);
    const res = await svc.gql(
      /* GraphQL */ `
        query ($p: ID!, $e: ID!, $s: ID!) {
          enrollment(id: $e) {
            id
            status
          }
          site(id: $s) {
            id
            city
          }
          program(id: $p) {
            enrollments(first: 1) {
              totalCount
            }
          }
        }
      `,
      { p, e: first!.id, s: second!.site.id },
    );
    expect(res.body.data).toMatchObject({ enrollment: { id: first!.id }, site: { id: second!.site.id } });
    expect(svc.sim.journal.calls()).toEqual(enrollmentListCalls([p]));
  });

  it('device(id:) beside enrollment(id:) loads the programs once and reads both telemetries in one call', async () => {
    // The by-id lookup must see the program loads the device lookup started (batch.ts): no GET by id.
    const p = programIds[0]!;
    const [first, second] = seedEnrollments(svc.sim, p).filter((e) => (e.devices ?? []).length > 0);
    const res = await svc.gql(
      /* GraphQL */ `
        query ($d: ID!, $e: ID!) {
          device(id: $d) {
            latestTelemetry {
              gridPowerW
            }
          }
          enrollment(id: $e) {
            devices {
              latestTelemetry {
                gridPowerW
              }
            }
          }
        }
      `,
      { d: first!.devices![0]!.id, e: second!.id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/enrollments': programIds.length,
      'POST /v1/telemetry/latest': 1,
    });
  });
});

describe('upstream-call budget with one configured program (FLIP_PROGRAMS)', () => {
  it('ten aliased enrollment(id:) lookups cost one enrollments call', async () => {
    const own = await startOnOwnSimulator({ programIds: (sim) => [sim.programs[0]!.id] });
    try {
      const p = own.sim.programs[0]!.id;
      const ids = seedEnrollments(own.sim, p)
        .slice(0, 10)
        .map((e) => e.id);
      own.sim.journal.clear();
      const res = await own.gql(`{ ${aliased('enrollment', ids)} }`);
      expect(Object.values(res.body.data ?? {})).toEqual(ids.map((id) => ({ id })));
      expect(own.sim.journal.calls()).toEqual(enrollmentListCalls([p]));
    } finally {
      await own.close();
    }
  });
});

describe('DISABLE_BATCHING', () => {
  it('fetches per field: a program reached again below itself costs a second enrollments call', async () => {
    const naive = await startService({ env: { DISABLE_BATCHING: 'true' } });
    naive.sim.journal.clear();
    const p = programIds[0]!;
    // Sequential on purpose: the client coalesces identical concurrent reads whatever the loaders do.
    const res = await naive.gql(
      /* GraphQL */ `
        query ($p: ID!) {
          program(id: $p) {
            enrollments(first: 1) {
              nodes {
                program {
                  stats {
                    siteCount
                  }
                }
              }
            }
          }
        }
      `,
      { p },
    );
    expect(res.body.errors).toBeUndefined();
    expect(naive.sim.journal.calls()).toEqual(enrollmentListCalls([p, p]));
  });
});
