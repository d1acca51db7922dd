import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEventSite } from '../../src/flip/wire.js';
import { EventResultsDocument, type EventResultsQuery } from '../../schema/client/graphql.js';
import { utility } from '../support/sim.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEvents } from './helpers.js';

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

describe('Event.performance', () => {
  it("sums Flip's participation rows, a null value counting as 0", async () => {
    const event = completedEvent();
    const rows = (await utility(svc.sim, 'GET', `/v1/events/${event.id}/sites`)).json as WireEventSite[];
    svc.sim.journal.clear();
    const sum = (f: (r: WireEventSite) => number | null | undefined) =>
      rows.reduce((s, r) => s + (f(r) ?? 0), 0);
    const res = await svc.gql<EventResultsQuery>(EventResultsDocument, { id: event.id });
    expect(res.body).toEqual({
      data: {
        event: {
          id: event.id,
          status: 'COMPLETED',
          performance: {
            targetedSiteCount: rows.length,
            participatingSiteCount: rows.filter((r) => r.is_participating).length,
            expectedPowerW: sum((r) => r.performance_expected_power_w),
            actualPowerW: sum((r) => r.performance_actual_power_w),
            expectedEnergyWh: sum((r) => r.performance_expected_energy_wh),
            actualEnergyWh: sum((r) => r.performance_actual_energy_wh),
          },
        },
      },
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.some((r) => r.is_participating)).toBe(true);
    expect(svc.sim.journal.calls()).toEqual([
      { method: 'GET', route: '/v1/events' },
      { method: 'GET', route: `/v1/events/${event.id}/sites` },
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
    }
    expect(svc.sim.journal.counts()).toEqual({
      'GET /v1/events': 1,
      'GET /v1/events/{id}/sites': seedEvents(svc.sim).length,
    });
  });
});
