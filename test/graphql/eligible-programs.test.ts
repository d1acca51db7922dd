import { describe, expect, it } from 'vitest';
import { EligibleProgramsDocument, type EligibleProgramsQuery } from '../../schema/client/graphql.js';
import { startService } from '../support/start.js';

describe('Query.eligiblePrograms', () => {
  it("answers the Cloud API's programs for the device type and size, from one GET /v1/programs", async () => {
    const svc = await startService();
    svc.sim.journal.clear();
    const res = await svc.gql<EligibleProgramsQuery>(EligibleProgramsDocument, {
      deviceType: 'BATTERY',
      totalCapacityWh: 13500,
      totalPowerW: 5000,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.eligiblePrograms.length).toBeGreaterThan(0);
    expect(res.body.data?.eligiblePrograms.every((p) => p.eligibleDeviceTypes.includes('BATTERY'))).toBe(
      true,
    );
    expect(svc.sim.journal.calls()).toEqual([
      {
        method: 'GET',
        route: '/v1/programs',
        query: { device_type: 'BATTERY', total_capacity_wh: '13500', total_power_w: '5000' },
      },
    ]);
  });

  it('rejects a capacity or power below 1 with BAD_USER_INPUT naming them, before any call', async () => {
    const svc = await startService();
    svc.sim.journal.clear();
    const res = await svc.gql(EligibleProgramsDocument, {
      deviceType: 'BATTERY',
      totalCapacityWh: 0,
      totalPowerW: -5,
    });
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.fieldPaths])).toEqual([
      ['BAD_USER_INPUT', ['totalCapacityWh', 'totalPowerW']],
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });
});
