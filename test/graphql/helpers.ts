import { Writable } from 'node:stream';
import { print, type DocumentNode } from 'graphql';
import { request } from 'undici';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type {
  WireDevice,
  WireEnrollment,
  WireEvent,
  WireTelemetryPoint,
  WireUtilitySite,
} from '../../src/flip/wire.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { JournalCall, Simulator } from '../../src/simulator/types.js';
import { utility } from '../support/sim.js';
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
    // Per-request call budgets are asserted; the cross-request cache has its own tests.
    CACHE_TTL_S: '0',
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

/** The journal's calls in a canonical order: parallel calls arrive in any order. */
export function sortedCalls(sim: Simulator): JournalCall[] {
  return sortCalls(sim.journal.calls());
}

export function sortCalls(calls: JournalCall[]): JournalCall[] {
  return [...calls].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** GET /v1/enrollments?program_id= of each program, as the journal shows them. */
export function enrollmentListCalls(programIds: readonly string[]): JournalCall[] {
  return programIds.map((id) => ({ method: 'GET', route: '/v1/enrollments', query: { program_id: id } }));
}

/** A Flip telemetry point as the GraphQL TelemetryPoint says it. */
export function expectedTelemetryPoint(w: WireTelemetryPoint) {
  return {
    deviceId: w.device_id,
    startTime: iso(w.start_time),
    durationS: w.duration_s,
    batteryStateOfChargePercentage: w.battery_state_of_charge_percentage ?? null,
    batteryBackupReservePercentage: w.battery_last_backup_reserve_percentage ?? null,
    batteryPowerChargeW: w.battery_power_charge_w ?? null,
    batteryPowerDischargeW: w.battery_power_discharge_w ?? null,
    batteryTotalEnergyChargeWh: w.battery_total_energy_charge_wh ?? null,
    batteryTotalEnergyDischargeWh: w.battery_total_energy_discharge_wh ?? null,
    gridPowerW: w.grid_power_w ?? null,
    gridTotalEnergyWh: w.grid_total_energy_wh ?? null,
    homePowerW: w.home_power_w ?? null,
    homeTotalEnergyWh: w.home_total_energy_wh ?? null,
    solarPowerW: w.solar_power_w ?? null,
    solarTotalEnergyWh: w.solar_total_energy_wh ?? null,
    isOnline: w.last_is_online ?? null,
    mode: w.last_mode ?? null,
  };
}

export const TELEMETRY_FIELDS = /* GraphQL */ `deviceId startTime durationS batteryStateOfChargePercentage
  batteryBackupReservePercentage batteryPowerChargeW batteryPowerDischargeW batteryTotalEnergyChargeWh
  batteryTotalEnergyDischargeWh gridPowerW gridTotalEnergyWh homePowerW homeTotalEnergyWh solarPowerW
  solarTotalEnergyWh isOnline mode`;

/** Asks the simulator directly (outside the service), then forgets the call in its journal. */
export async function askSimulator(
  sim: Simulator,
  path: string,
  body: unknown,
): Promise<WireTelemetryPoint[]> {
  const reply = await utility(sim, 'POST', path, { body });
  sim.journal.clear();
  return (reply.json as { telemetry: WireTelemetryPoint[] }).telemetry;
}
