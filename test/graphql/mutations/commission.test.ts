import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CommissionSiteDocument, type CommissionSiteMutation } from '../../../schema/client/graphql.js';
import { startService, type StartedService } from '../../support/start.js';
import { errorsOf, inMinutes } from './helpers.js';

let svc: StartedService;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const battery = {
  id: 'bat-new-1',
  manufacturerName: 'DeviceMaker',
  productName: 'Model 1',
  serialNumber: 'SN-0001',
  type: 'BATTERY',
  batteryCapacityWh: 15_000,
  batteryPowerInputW: 6_000,
  batteryPowerOutputW: 7_500,
  installDate: '2024-02-22T00:00:00Z',
};

describe('Mutation.commissionSite', () => {
  it('sends one POST /v1/commission with a snake_case body and maps the programs and enrollment', async () => {
    const input = {
      site: { id: 'oem-site-1', firstName: 'Ada', stateCode: 'tx', zipCode: '88800' },
      devices: [battery],
      canAutoEnroll: true,
    };
    const res = await svc.gql<CommissionSiteMutation>(CommissionSiteDocument, { input });
    const result = res.body.data?.commissionSite;
    expect(result?.programs.length).toBeGreaterThan(0);
    expect(result?.enrollmentStatus).toBe('PENDING');
    expect(result?.enrollmentId).toEqual(expect.any(String));
    expect(svc.sim.journal.calls()).toEqual([
      {
        method: 'POST',
        route: '/v1/commission',
        body: {
          site: { id: 'oem-site-1', first_name: 'Ada', state_code: 'TX', zip_code: '88800' },
          devices: [
            {
              id: 'bat-new-1',
              manufacturer_name: 'DeviceMaker',
              product_name: 'Model 1',
              serial_number: 'SN-0001',
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
      },
    ]);
  });

  it('lists every invalid field at once and sends nothing', async () => {
    const input = {
      site: { id: ' ', stateCode: 'XX', email: 'not-an-email', zipCode: '8880' },
      devices: [
        battery,
        {
          ...battery,
          serialNumber: '',
          batteryCapacityWh: 0,
          batteryPowerOutputW: -1,
          installDate: inMinutes(60 * 24),
        },
      ],
    };
    const res = await svc.gql(CommissionSiteDocument, { input });
    expect(errorsOf(res)).toEqual([
      {
        code: 'BAD_USER_INPUT',
        fieldPaths: [
          'input.site.id',
          'input.site.stateCode',
          'input.site.email',
          'input.site.zipCode',
          'input.devices[1].serialNumber',
          'input.devices[1].batteryCapacityWh',
          'input.devices[1].batteryPowerOutputW',
          'input.devices[1].installDate',
          'input.devices[1].id',
        ],
      },
    ]);
    expect(res.body.errors?.[0]?.message).not.toContain('not-an-email');
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it("turns Flip's 422 missing attributes into BAD_USER_INPUT naming them", async () => {
    const res = await svc.gql(CommissionSiteDocument, {
      input: { site: { id: 'oem-site-2' }, devices: [battery] },
    });
    expect(errorsOf(res)).toEqual([
      { code: 'BAD_USER_INPUT', fieldPaths: ['input.site.zipCode', 'input.site.stateCode'] },
    ]);
    expect(res.body.errors?.[0]?.message).toBe(
      'Flip refused the input at input.site.zipCode, input.site.stateCode.',
    );
    expect(svc.sim.journal.counts()).toEqual({ 'POST /v1/commission': 1 });
  });
});
