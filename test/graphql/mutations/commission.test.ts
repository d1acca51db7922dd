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
  it('#13: sends one POST /v1/commission with site_id on every device and answers the whole documented response', async () => {
    const input = {
      site: { id: 'oem-site-1', firstName: 'Ada', stateCode: 'tx', zipCode: '88800' },
      // The date-only install date of the Cloud API's own example.
      devices: [{ ...battery, installDate: '2022-02-22' }],
      canAutoEnroll: true,
    };
    const res = await svc.gql<CommissionSiteMutation>(CommissionSiteDocument, { input });
    const result = res.body.data?.commissionSite;
    const texas = svc.sim.programs[0]!.id;
    expect(result?.programs[0]).toEqual({
      id: texas,
      name: 'Texas Peak Saver',
      canAutoEnroll: true,
      enrollmentForm: [
        { name: 'account_id', label: 'Utility Account Number', type: 'string', hint: 'From your bill' },
      ],
      termsAndConditionsVersion: '2025-01-01',
      termsAndConditionsText: expect.stringContaining('**Terms and conditions**'),
      createdAt: '2024-01-15T00:00:00.000Z',
      updatedAt: '2024-01-15T00:00:00.000Z',
    });
    expect(result?.programs.find((p) => p.name === 'Arizona EV Flex')).toMatchObject({
      termsAndConditionsVersion: null,
      termsAndConditionsText: null,
    });
    expect(result?.enrollmentStatus).toBe('PENDING');
    expect(result?.enrollment).toEqual({
      id: result?.enrollmentId,
      programId: texas,
      siteId: 'oem-site-1',
      deviceIds: ['bat-new-1'],
      enrollMethod: 'AUTO_ENROLL',
      status: 'PENDING',
      statusReason: null,
      enrolledAt: null,
      unenrolledAt: null,
    });
    expect(svc.sim.journal.calls()).toEqual([
      {
        method: 'POST',
        route: '/v1/commission',
        body: {
          site: { id: 'oem-site-1', first_name: 'Ada', state_code: 'TX', zip_code: '88800' },
          devices: [
            {
              id: 'bat-new-1',
              site_id: 'oem-site-1',
              manufacturer_name: 'DeviceMaker',
              product_name: 'Model 1',
              serial_number: 'SN-0001',
              type: 'BATTERY',
              attributes: {
                battery_capacity_wh: 15_000,
                battery_power_input_w: 6_000,
                battery_power_output_w: 7_500,
              },
              install_date: '2022-02-22T00:00:00.000Z',
            },
          ],
          can_auto_enroll: true,
        },
      },
    ]);
  });

  it('#13: refuses an impossible date-only install date before sending', async () => {
    const input = {
      site: { id: 'oem-site-2', zipCode: '88800' },
      devices: [{ ...battery, installDate: '2022-02-30' }],
    };
    const res = await svc.gql(CommissionSiteDocument, { input });
    expect(errorsOf(res)[0]?.code).toBe('BAD_USER_INPUT');
    expect(svc.sim.journal.calls()).toEqual([]);
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
