import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEventSite } from '../../src/flip/wire.js';
import { EventResultsDocument, type EventResultsQuery } from '../../schema/client/graphql.js';
import { utility } from '../support/sim.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments, seedEvents } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

/** The oldest seeded event: completed, so Flip's figures no longer move with the clock. */
function completedEvent() {
  return [...seedEvents(svc.sim)].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))[0]!;
}

async function wireRows(eventId: string): Promise<WireEventSite[]> {
  const rows = (await utility(svc.sim, 'GET', `/v1/events/${eventId}/sites`)).json as WireEventSite[];
  svc.sim.journal.clear();
  return rows;
}

describe('Event.performance', () => {
  it("sums Flip's participation rows, a null value counting as 0", async () => {
    const event = completedEvent();
    const rows = await wireRows(event.id);
    const sum = (f: (r: WireEventSite) => number | null | undefined) =>
      rows.reduce((s, r) => s + (f(r) ?? 0), 0);
    const res = await svc.gql<EventResultsQuery>(EventResultsDocument, { id: event.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.event?.performance).toEqual({
      targetedSiteCount: rows.length,
      participatingSiteCount: rows.filter((r) => r.is_participating).length,
      expectedPowerW: sum((r) => r.performance_expected_power_w),
      actualPowerW: sum((r) => r.performance_actual_power_w),
      expectedEnergyWh: sum((r) => r.performance_expected_energy_wh),
      actualEnergyWh: sum((r) => r.performance_actual_energy_wh),
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.some((r) => r.is_participating)).toBe(true);
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/events' },
      { method: 'GET', route: `/v1/events/${event.id}/sites` },
      // targets of a PROGRAM event come from configuration: no enrollments call.
    ]);
  });

  it('shares one GET /v1/events/{id}/sites per event with sites, and equals the sum of sites', async () => {
    const res = await svc.gql<{
      events: {
        id: string;
        performance: Record<string, number>;
        sites: {
          isParticipating: boolean;
          expectedPowerW: number | null;
          actualPowerW: number | null;
          expectedEnergyWh: number | null;
          actualEnergyWh: number | null;
        }[];
        siteParticipations: { totalCount: number };
      }[];
    }>(/* GraphQL */ `
      {
        events {
          id
          performance {
            targetedSiteCount
            participatingSiteCount
            expectedPowerW
            actualPowerW
            expectedEnergyWh
            actualEnergyWh
          }
          sites {
            isParticipating
            expectedPowerW
            actualPowerW
            expectedEnergyWh
            actualEnergyWh
          }
          siteParticipations(first: 1) {
            totalCount
          }
        }
      }
    `);
    expect(res.body.errors).toBeUndefined();
    const events = res.body.data!.events;
    for (const event of events) {
      const sum = (k: 'expectedPowerW' | 'actualPowerW' | 'expectedEnergyWh' | 'actualEnergyWh') =>
        event.sites.reduce((s, r) => s + (r[k] ?? 0), 0);
      expect(event.performance).toEqual({
        targetedSiteCount: event.sites.length,
        participatingSiteCount: event.sites.filter((r) => r.isParticipating).length,
        expectedPowerW: sum('expectedPowerW'),
        actualPowerW: sum('actualPowerW'),
        expectedEnergyWh: sum('expectedEnergyWh'),
        actualEnergyWh: sum('actualEnergyWh'),
      });
      expect(event.siteParticipations.totalCount).toBe(event.sites.length);
    }
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/events': 1,
      'GET /v1/events/{id}/sites': seedEvents(svc.sim).length,
    });
  });
});

describe('Event.siteParticipations', () => {
  it("pages Flip's rows in order, filtered by participating, every row once", async () => {
    const event = completedEvent();
    const rows = await wireRows(event.id);
    for (const participating of [true, false, null]) {
      const expected = rows
        .filter((r) => participating === null || r.is_participating === participating)
        .map((r) => r.site_id);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const res: { body: { data?: EventResultsQuery | null } } = await svc.gql<EventResultsQuery>(
          EventResultsDocument,
          { id: event.id, first: 7, after, participating },
        );
        const conn = res.body.data!.event!.siteParticipations!;
        expect(conn.totalCount).toBe(expected.length);
        seen.push(...conn.nodes.map((n) => n.siteId));
        expect(conn.nodes.every((n) => participating === null || n.isParticipating === participating)).toBe(
          true,
        );
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor!;
      }
      expect(seen).toEqual(expected);
    }
    expect(rows.some((r) => !r.is_participating)).toBe(true);
  });

  it('refuses a cursor of another event or filter with BAD_USER_INPUT naming after', async () => {
    const [a, b] = seedEvents(svc.sim);
    const first = await svc.gql<EventResultsQuery>(EventResultsDocument, { id: a!.id, first: 1 });
    const cursor = first.body.data!.event!.siteParticipations!.pageInfo.endCursor;
    for (const vars of [
      { id: b!.id, first: 1, after: cursor },
      { id: a!.id, first: 1, after: cursor, participating: true },
    ]) {
      const res = await svc.gql(EventResultsDocument, vars);
      expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.fieldPaths])).toEqual([
        ['BAD_USER_INPUT', ['after']],
      ]);
    }
  });
});

describe('Event.targets', () => {
  it('resolves each kind through the loaders and counts a target that no longer exists', async () => {
    const program = svc.sim.programs[0]!;
    const enrollments = seedEnrollments(svc.sim, program.id);
    const group = (await utility(svc.sim, 'GET', `/v1/programs/${program.id}/groups`)).json as {
      id: string;
      name: string;
    }[];
    const device = enrollments.find((e) => (e.devices ?? []).length > 0)!.devices![0]!;
    await utility(svc.sim, 'POST', `/v1/programs/${program.id}/groups`, {
      body: { id: 'soon-gone', name: 'Soon gone' },
    });
    const starts = new Date(Date.now() + 48 * 3600_000).toISOString();
    const dispatch = async (target_type: string, target_ids: string[]) =>
      (
        (
          await utility(svc.sim, 'POST', '/v1/events', {
            body: {
              program_id: program.id,
              target_type,
              target_ids,
              actions: [{ mode: 'DISCHARGE', starts_at: starts, duration_s: 3600 }],
            },
          })
        ).json as { id: string }
      ).id;
    const groupEvent = await dispatch('GROUP', [group[0]!.id, 'soon-gone']);
    const deviceEvent = await dispatch('DEVICE', [device.id]);
    const siteEvent = seedEvents(svc.sim).find(
      (e) => e.target_type === 'SITE' && e.program_id === program.id,
    )!;
    await utility(svc.sim, 'DELETE', `/v1/programs/${program.id}/groups/soon-gone`);
    svc.sim.journal.clear();

    const query = /* GraphQL */ `
      query ($g: ID!, $d: ID!, $s: ID!) {
        g: event(id: $g) { missingTargetCount targets { __typename ... on Group { programId id name } } }
        d: event(id: $d) { missingTargetCount targets { __typename ... on Device { id } } }
        s: event(id: $s) { missingTargetCount targets { __typename ... on Site { id } } }
        p: events(programId: "${program.id}") { targetType targets { __typename ... on Program { id name } } }
      }
    `;
    const res = await svc.gql<{
      p: { targetType: string; targets: unknown[] }[];
      [k: string]: unknown;
    }>(query, { g: groupEvent, d: deviceEvent, s: siteEvent.id });
    expect(res.body.errors).toBeUndefined();
    expect({ g: res.body.data!.g, d: res.body.data!.d, s: res.body.data!.s }).toEqual({
      g: {
        missingTargetCount: 1,
        targets: [{ __typename: 'Group', programId: program.id, id: group[0]!.id, name: group[0]!.name }],
      },
      d: { missingTargetCount: 0, targets: [{ __typename: 'Device', id: device.id }] },
      s: {
        missingTargetCount: 0,
        targets: siteEvent.target_ids.map((id) => ({ __typename: 'Site', id })),
      },
    });
    expect(res.body.data!.p.filter((e) => e.targetType === 'PROGRAM').map((e) => e.targets)).toEqual([
      [{ __typename: 'Program', id: program.id, name: program.name }],
    ]);
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/events': 1,
      'GET /v1/programs/{programId}/groups': 1,
      'GET /v1/enrollments': 1,
    });
  });
});
