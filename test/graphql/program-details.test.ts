import { describe, expect, it } from 'vitest';
import type { WireCloudProgram } from '../../src/flip/wire.js';
import {
  EligibleProgramsDocument,
  ProgramDetailsDocument,
  type EligibleProgramsQuery,
  type ProgramDetailsQuery,
} from '../../schema/client/graphql.js';
import { cloud, startTestSim } from '../support/sim.js';
import { startService } from '../support/start.js';

const LARGEST_INT = '2147483647';

describe("Program's Cloud API fields", () => {
  it('answers what the Cloud API says of each program, from one GET /v1/programs per device type', async () => {
    const svc = await startService();
    const wire = new Map<string, WireCloudProgram>();
    for (const device_type of ['BATTERY', 'EV_CHARGER'])
      for (const p of (
        await cloud(svc.sim, 'GET', '/v1/programs', {
          query: { device_type, total_capacity_wh: LARGEST_INT, total_power_w: LARGEST_INT },
        })
      ).json as WireCloudProgram[])
        wire.set(p.id, p);
    svc.sim.journal.clear();
    const res = await svc.gql<ProgramDetailsQuery>(ProgramDetailsDocument);
    expect(res.body).toEqual({
      data: {
        programs: svc.sim.programs.map((p) => {
          const w = wire.get(p.id)!;
          return {
            id: p.id,
            name: p.name,
            description: w.description ?? null,
            eligibleDeviceTypes: w.eligible_device_types,
            minimumReservePercentage: w.minimum_reserve_percentage ?? null,
            minimumCommitmentMonths: w.minimum_commitment_months ?? null,
            participationMonths: w.participation_months,
            earningsForSiteUpfront: w.earnings_for_site_upfront ?? null,
            earningsForSiteYearly: w.earnings_for_site_yearly ?? null,
          };
        }),
      },
    });
    expect(svc.sim.programs.every((p) => wire.get(p.id)?.description)).toBe(true);
    expect(svc.sim.journal.calls()).toEqual(
      ['BATTERY', 'EV_CHARGER'].map((device_type) => ({
        method: 'GET',
        route: '/v1/programs',
        query: { device_type, total_capacity_wh: LARGEST_INT, total_power_w: LARGEST_INT },
      })),
    );
  });

  it('answers null, without an error or a call, when the Cloud API is not configured', async () => {
    const sim = await startTestSim();
    try {
      const svc = await startService({ upstream: sim, env: { FLIP_CLOUD_API_URL: '' } });
      sim.journal.clear();
      const res = await svc.gql<ProgramDetailsQuery>(ProgramDetailsDocument);
      expect(res.body).toEqual({
        data: {
          programs: sim.programs.map((p) => ({
            id: p.id,
            name: p.name,
            description: null,
            eligibleDeviceTypes: null,
            minimumReservePercentage: null,
            minimumCommitmentMonths: null,
            participationMonths: null,
            earningsForSiteUpfront: null,
            earningsForSiteYearly: null,
          })),
        },
      });
      expect(sim.journal.calls()).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});

describe('EligibleProgram.program', () => {
  it('links a Cloud API program to the configured program of the same id', async () => {
    const svc = await startService();
    const res = await svc.gql<EligibleProgramsQuery>(EligibleProgramsDocument, {
      deviceType: 'BATTERY',
      totalCapacityWh: 13500,
      totalPowerW: 5000,
    });
    const eligible = res.body.data!.eligiblePrograms;
    expect(eligible.length).toBeGreaterThan(0);
    const names = new Map(svc.sim.programs.map((p) => [p.id, p.name]));
    expect(eligible.map((p) => p.program)).toEqual(
      eligible.map((p) => (names.has(p.id) ? { id: p.id, name: names.get(p.id) } : null)),
    );
    expect(eligible.some((p) => p.program !== null)).toBe(true);
  });
});
