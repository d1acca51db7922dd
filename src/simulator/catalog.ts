import type { DeviceType } from '../flip/wire.js';
import type { ProgramDef } from './model.js';

/**
 * Fixed catalogue of the seeded world: programs (same ids for every seed, so FLIP_PROGRAMS and
 * docs can name them), device models with plausible manufacturer ratings, synthetic names.
 */

const PROGRAMS_CREATED_AT = Date.UTC(2024, 0, 15);

/** Sandbox programs match these zip codes (REFERENCE.md 1.4). */
export const SANDBOX_ZIPS = ['88800', '88801', '88802'];

export const PROGRAM_DEFS: readonly ProgramDef[] = [
  {
    id: '5d3e6c1a-8f2b-4c7e-9a41-2b7f0c9e1a01',
    name: 'Texas Peak Saver',
    description: 'Summer peak shaving for home batteries in ERCOT load zones.',
    states: ['TX'],
    cities: [
      { city: 'Houston', zip: '77002' },
      { city: 'Dallas', zip: '75201' },
      { city: 'Austin', zip: '78701' },
      { city: 'San Antonio', zip: '78205' },
    ],
    share: 0.5,
    eligibleDeviceTypes: ['BATTERY'],
    canAutoEnroll: true,
    minimumReservePercentage: 20,
    minimumCommitmentMonths: 12,
    participationMonths: [6, 7, 8, 9],
    earningsUpfront: 500,
    earningsYearly: 250,
    minCapacityWh: 5000,
    minPowerW: 3000,
    groups: [
      { id: 'LZ_HOUSTON', name: 'Load Zone Houston' },
      { id: 'LZ_NORTH', name: 'Load Zone North' },
      { id: 'LZ_SOUTH', name: 'Load Zone South' },
      { id: 'LZ_WEST', name: 'Load Zone West' },
      { id: 'beta-testers', name: 'Beta Testers' },
    ],
    termsAndConditions: {
      version: '2025-01-01',
      text: '**Terms and conditions** Your battery may be discharged during summer peak events.',
    },
    enrollmentForm: [
      { name: 'account_id', label: 'Utility Account Number', type: 'string', hint: 'From your bill' },
    ],
    createdAt: PROGRAMS_CREATED_AT,
  },
  {
    id: '7a9c2e4b-1d3f-4a6b-8c5d-3e8f1a0b2c02',
    name: 'California Battery Reserve',
    description: 'Year-round grid support from home batteries with a generous backup reserve.',
    states: ['CA'],
    cities: [
      { city: 'San Francisco', zip: '94105' },
      { city: 'Los Angeles', zip: '90012' },
      { city: 'San Diego', zip: '92101' },
      { city: 'Sacramento', zip: '95814' },
    ],
    share: 0.35,
    eligibleDeviceTypes: ['BATTERY'],
    canAutoEnroll: false,
    minimumReservePercentage: 30,
    minimumCommitmentMonths: null,
    participationMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    earningsUpfront: 750,
    earningsYearly: 400,
    minCapacityWh: 10000,
    minPowerW: 5000,
    groups: [
      { id: 'zone-a', name: 'Zone A' },
      { id: 'zone-b', name: 'Zone B' },
      { id: 'zone-c', name: 'Zone C' },
      { id: 'beta-testers', name: 'Beta Testers' },
    ],
    termsAndConditions: {
      version: '2024-11-15',
      text: '**Terms and conditions** A reserve of 40 % is always kept for backup.',
    },
    enrollmentForm: [
      { name: 'has_smart_meter', label: 'Smart meter installed', type: 'boolean', hint: null },
    ],
    createdAt: PROGRAMS_CREATED_AT,
  },
  {
    id: '9b1d4f6a-3c5e-4b8d-a0f2-4c9a2b1d3e03',
    name: 'Arizona EV Flex',
    description: 'Flexible EV charging and battery dispatch during monsoon-season peaks.',
    states: ['AZ'],
    cities: [
      { city: 'Phoenix', zip: '85004' },
      { city: 'Tucson', zip: '85701' },
      { city: 'Mesa', zip: '85201' },
    ],
    share: 0.15,
    eligibleDeviceTypes: ['BATTERY', 'EV_CHARGER'],
    canAutoEnroll: true,
    minimumReservePercentage: 15,
    minimumCommitmentMonths: 6,
    participationMonths: [5, 6, 7, 8, 9, 10],
    earningsUpfront: 250,
    earningsYearly: 150,
    minCapacityWh: 1,
    minPowerW: 3000,
    groups: [
      { id: 'phoenix-metro', name: 'Phoenix Metro' },
      { id: 'tucson', name: 'Tucson' },
      { id: 'ev-pilot', name: 'EV Pilot' },
    ],
    termsAndConditions: null,
    enrollmentForm: [],
    createdAt: PROGRAMS_CREATED_AT,
  },
];

export interface DeviceModel {
  type: DeviceType;
  manufacturer: string;
  product: string;
  /** Capacity choices in Wh (EV chargers: 0, see src/flip/README.md, "Unknowns we decided"). */
  capacitiesWh: number[];
  inputW: number;
  outputW: number;
  weight: number;
}

export const BATTERY_MODELS: readonly DeviceModel[] = [
  m('Tesla', 'Powerwall 2', [13500], 5000, 5000, 30),
  m('Tesla', 'Powerwall 3', [13500], 5000, 11500, 20),
  m('Enphase', 'IQ Battery 5P', [5000], 3840, 3840, 12),
  m('Generac', 'PWRcell', [9000, 12000, 15000, 18000], 4500, 6700, 10),
  m('FranklinWH', 'aPower', [13600], 5000, 5000, 10),
  m('LG Energy Solution', 'RESU 16H Prime', [16000], 7000, 7000, 8),
  m('SolarEdge', 'Home Battery', [9700], 5000, 5000, 10),
];

/** EV chargers carry a zero capacity and their charging rating as input power. */
export const EV_CHARGER_MODELS: readonly DeviceModel[] = [
  ev('ChargePoint', 'Home Flex', 11520, 35),
  ev('Tesla', 'Wall Connector', 11500, 30),
  ev('Enphase', 'IQ EV Charger 2', 9600, 20),
  ev('Emporia', 'EV Charger', 11500, 15),
];

export const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Linus'];
export const FIRST_NAMES_2 = ['Donald', 'Frances', 'John', 'Radia', 'Niklaus', 'Sophie', 'Tim', 'Hedy'];
export const LAST_NAMES = ['Sample', 'Example', 'Testwell', 'Mockford', 'Fakeley', 'Dummond', 'Placeholder'];
export const STREETS = ['Simulator Way', 'Fixture Lane', 'Sandbox Street', 'Seed Avenue', 'Mock Road'];

function m(manufacturer: string, product: string, caps: number[], inW: number, outW: number, w: number) {
  return {
    type: 'BATTERY' as const,
    manufacturer,
    product,
    capacitiesWh: caps,
    inputW: inW,
    outputW: outW,
    weight: w,
  };
}

function ev(manufacturer: string, product: string, ratingW: number, w: number): DeviceModel {
  return {
    type: 'EV_CHARGER',
    manufacturer,
    product,
    capacitiesWh: [0],
    inputW: ratingW,
    outputW: 0,
    weight: w,
  };
}
