import { z } from 'zod';
import { ServiceError } from '../errors.js';
import type { UnknownEnumReporter } from './enums.js';
import type { HttpClient } from './http.js';
import { toCloudProgramRecord, toCloudSiteRecord, toCommissionResultRecord } from './map.js';
import type { CloudClient, CommissionInput } from './records.js';
import { WireCloudProgram, WireCloudSite, WireCommissionResponse } from './wire.js';

/** The Cloud API endpoints the service uses (REFERENCE.md section 2.2). */

const WireCloudProgramList = z.array(WireCloudProgram);
const WireCloudSiteList = z.array(WireCloudSite);

function commissionBody(input: CommissionInput) {
  const s = input.site;
  return {
    site: {
      id: s.id,
      first_name: s.firstName,
      last_name: s.lastName,
      company_name: s.companyName,
      email: s.email,
      state_code: s.stateCode,
      city: s.city,
      zip_code: s.zipCode,
      street_address: s.streetAddress,
      street_address2: s.streetAddress2,
    },
    devices: input.devices.map((d) => ({
      id: d.id,
      // Required by the Cloud API for every device (seed 002_7edede9bb4ff2399).
      site_id: s.id,
      manufacturer_name: d.manufacturerName,
      product_name: d.productName,
      serial_number: d.serialNumber,
      type: d.type,
      attributes: {
        battery_capacity_wh: d.batteryCapacityWh,
        battery_power_input_w: d.batteryPowerInputW,
        battery_power_output_w: d.batteryPowerOutputW,
      },
      install_date: d.installDate.toISOString(),
    })),
    can_auto_enroll: input.canAutoEnroll,
  };
}

export function createCloudClient(http: HttpClient, report: UnknownEnumReporter): CloudClient {
  return {
    isConfigured: true,
    commission: async (input, opts) =>
      http.request({
        method: 'POST',
        endpoint: '/v1/commission',
        path: '/v1/commission',
        json: commissionBody(input),
        safety: 'write',
        schema: WireCommissionResponse,
        map: (w) => toCommissionResultRecord(w, report),
        opts,
      }),

    listPrograms: async (filter, opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/programs',
        path: '/v1/programs',
        query: {
          device_type: filter.deviceType,
          total_capacity_wh: filter.totalCapacityWh,
          total_power_w: filter.totalPowerW,
        },
        safety: 'read',
        coalesce: true,
        schema: WireCloudProgramList,
        map: (w) => w.map((p) => toCloudProgramRecord(p, report)),
        opts,
      }),

    listSites: async (page, opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/sites',
        path: '/v1/sites',
        query: { skip: page.skip, limit: page.limit },
        safety: 'read',
        coalesce: true,
        schema: WireCloudSiteList,
        map: (w) => w.map(toCloudSiteRecord),
        opts,
      }),
  };
}

/** Without FLIP_CLOUD_API_URL the Utility side works and every Cloud call says why it cannot. */
export function createUnconfiguredCloudClient(): CloudClient {
  const fail = async (): Promise<never> => {
    throw new ServiceError(
      'UPSTREAM_UNAVAILABLE',
      'The Flip Cloud API is not configured for this service (FLIP_CLOUD_API_URL is not set).',
    );
  };
  return { isConfigured: false, commission: fail, listPrograms: fail, listSites: fail };
}
