import { Writable } from 'node:stream';
import { print, type DocumentNode } from 'graphql';
import { request } from 'undici';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { WireDevice, WireEnrollment, WireEvent, WireUtilitySite } from '../../src/flip/wire.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/types.js';
import type { GqlResult } from '../support/start.js';

/** The simulator's seed of a program, as GET /v1/enrollments returns it. */
export function seedEnrollments(sim: Simulator, programId: string): WireEnrollment[] {
  return sim.state.enrollments(programId) as WireEnrollment[];
}

export function seedEvents(sim: Simulator): WireEvent[] {
  return sim.state.events() as WireEvent[];
}

/** A Flip date-time as our DateTime scalar prints it (UTC, milliseconds). */
export function iso(value: string | null | undefined): string | null {
  return value == null ? null : new Date(value).toISOString();
}

/** What the GraphQL Site scalar fields should say for a seeded site. */
export function expectedSite(w: WireUtilitySite) {
  return {
    id: w.id,
    firstName: w.first_name ?? null,
    lastName: w.last_name ?? null,
    companyName: w.company_name ?? null,
    email: w.email ?? null,
    streetAddress: w.street_address ?? null,
    streetAddress2: w.street_address2 ?? null,
    city: w.city ?? null,
    stateCode: w.state_code ?? null,
    zipCode: w.zip_code ?? null,
    serviceAccountId: w.service_account_id ?? null,
    createdAt: iso(w.created_at),
    updatedAt: iso(w.updated_at),
  };
}

export function expectedDevice(w: WireDevice) {
  return {
    id: w.id,
    type: w.type,
    manufacturerName: w.manufacturer_name ?? null,
    productName: w.product_name ?? null,
    serialNumber: w.serial_number ?? null,
    installDate: iso(w.install_date),
    createdAt: iso(w.created_at),
    updatedAt: iso(w.updated_at),
    batteryCapacityWh: w.attributes?.battery_capacity_wh ?? null,
    batteryPowerInputW: w.attributes?.battery_power_input_w ?? null,
    batteryPowerOutputW: w.attributes?.battery_power_output_w ?? null,
    reservePercentage: w.configuration?.reserve_percentage ?? null,
  };
}

export function expectedEnrollment(w: WireEnrollment) {
  return {
    id: w.id,
    status: w.status,
    statusReason: w.status_reason ?? null,
    enrolledAt: iso(w.enrolled_at),
    unenrolledAt: iso(w.unenrolled_at),
    createdAt: iso(w.created_at),
    updatedAt: iso(w.updated_at),
    programSpecificAttributes: (w.program_specific_attributes ?? []).map((a) => ({
      name: a.name,
      type: a.type ?? null,
      value: a.value == null ? null : String(a.value),
    })),
  };
}

/** The GraphQL selections matching the expected* shapes above. */
export const SITE_FIELDS = /* GraphQL */ `id firstName lastName companyName email streetAddress streetAddress2
  city stateCode zipCode serviceAccountId createdAt updatedAt`;
export const DEVICE_FIELDS = /* GraphQL */ `id type manufacturerName productName serialNumber installDate createdAt
  updatedAt batteryCapacityWh batteryPowerInputW batteryPowerOutputW reservePercentage`;
export const ENROLLMENT_FIELDS = /* GraphQL */ `id status statusReason enrolledAt unenrolledAt createdAt updatedAt
  programSpecificAttributes { name type value }`;

export interface OwnSimService {
  sim: Simulator;
  gql<TData = Record<string, unknown>>(
    document: string | DocumentNode,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<TData>>;
  close(): Promise<void>;
}

/**
 * The service on a simulator of its own, as an external upstream: for configurations the embedded
 * one cannot express, such as FLIP_PROGRAMS naming only some of the simulator's programs.
 */
export async function startOnOwnSimulator(options: {
  programIds: (sim: Simulator) => string[];
  env?: Record<string, string>;
}): Promise<OwnSimService> {
  const sim = await startSimulator({ port: 0, sites: 300 });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ALLOW_ANONYMOUS: 'true',
    FLIP_UTILITY_API_URL: sim.utilityUrl,
    FLIP_UTILITY_API_KEY: sim.utilityApiKey,
    FLIP_CLOUD_API_URL: sim.cloudUrl,
    FLIP_CLOUD_API_KEY: sim.cloudApiKey,
    FLIP_PROGRAMS: options.programIds(sim).join(','),
    ...options.env,
  });
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const app = await createApp(config, { logDestination: silent });
  return {
    sim,
    async gql<TData>(document: string | DocumentNode, variables?: Record<string, unknown>) {
      const query = typeof document === 'string' ? document : print(document);
      const res = await request(app.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.body.json()) as GqlResult<TData>['body'];
      return { status: res.statusCode, headers: res.headers, body };
    },
    async close() {
      await app.close();
      await sim.close();
    },
  };
}
