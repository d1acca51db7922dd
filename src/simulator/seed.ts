import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../flip/wire.js';
import {
  BATTERY_MODELS,
  type DeviceModel,
  EV_CHARGER_MODELS,
  FIRST_NAMES,
  FIRST_NAMES_2,
  LAST_NAMES,
  PROGRAM_DEFS,
  SANDBOX_ZIPS,
  STREETS,
} from './catalog.js';
import type { DeviceRec, EnrollmentRec, ProgramDef, ProgramSpecificAttr, SiteRec } from './model.js';
import { createRng, pick, pickWeighted, type Rng, uuidFrom } from './prng.js';
import { seedEvents } from './seed-events.js';
import { Store } from './store.js';

/**
 * Builds the seeded world. Everything except event times derives from the seed alone (created
 * dates are absolute), so two starts with one seed serve the same data; events sit around the
 * clock's `now` at start so that past, ongoing and upcoming ones always exist.
 */

const DAY_MS = 86_400_000;
/** Seeded sites were created over this window. */
const SITES_FROM = Date.UTC(2024, 1, 1);
const SITES_SPAN_DAYS = 480;

const STATUS_WEIGHTS: readonly (readonly [EnrollmentStatus, number])[] = [
  ['ACTIVE', 70],
  ['PENDING', 7],
  ['SUBMITTED', 4],
  ['CREATED', 3],
  ['NEEDS_ACTION', 4],
  ['PAUSED', 4],
  ['REJECTED', 3],
  ['UNENROLLED', 5],
];

const STATUS_REASONS: Partial<Record<EnrollmentStatus, string>> = {
  NEEDS_ACTION: 'Utility account number missing',
  PAUSED: 'Paused by the utility',
  REJECTED: 'Device not eligible for this program',
  UNENROLLED: 'Homeowner request',
};

/** How many groups a seeded site belongs to. */
const GROUP_COUNT_WEIGHTS = [
  [0, 15],
  [1, 65],
  [2, 20],
] as const;

const weighted = (models: readonly DeviceModel[]) => models.map((m) => [m, m.weight] as const);
const BATTERY_WEIGHTS = weighted(BATTERY_MODELS);
const EV_WEIGHTS = weighted(EV_CHARGER_MODELS);

export interface SeedOptions {
  sites: number;
  seed: number;
  now: () => number;
  /** Sites of the second program also enrolled in the first (see crossEnroll); default 0. */
  crossEnrolledSites?: number;
}

export function seedStore(opts: SeedOptions): Store {
  const rng = createRng(opts.seed);
  // Run-time ids come from a second stream so adding a seeded field never changes them.
  const store = new Store(PROGRAM_DEFS, opts.now, createRng(opts.seed ^ 0x5eed));
  const counts = splitSites(opts.sites, PROGRAM_DEFS);
  let n = 0;
  PROGRAM_DEFS.forEach((def, p) => {
    for (let i = 0; i < (counts[p] as number); i++) {
      n += 1;
      const e = seedEnrollment(rng, def, n, i);
      store.addEnrollment(e);
      store.cloudSites.set(e.site.id, { site: e.site, devices: e.devices });
    }
  });
  seedEvents(store, rng, opts.now());
  // Its own stream, after everything else: the default world is the same with or without it.
  crossEnroll(store, opts.crossEnrolledSites ?? 0, createRng(opts.seed ^ 0xc2055));
  return store;
}

/**
 * A site in two programs, as Flip allows: the first `count` sites of the second program that
 * have a device the first program accepts get a second, ACTIVE enrollment in the first program
 * (the same site record and devices, appended to its list). Group ids both programs have (the
 * catalog's `beta-testers`) are put on both enrollments, so one site is in two groups that share
 * an id. Tests of path-independent fields use it (issue 14).
 */
function crossEnroll(store: Store, count: number, rng: Rng): void {
  const [first, second] = store.programDefs().map((d) => store.program(d.id));
  if (count <= 0 || !first || !second) return;
  const shared = first.def.groups.map((g) => g.id).filter((id) => second.groups.has(id));
  const candidates = second.enrollments.filter((e) =>
    e.devices.some((d) => first.def.eligibleDeviceTypes.includes(d.type)),
  );
  for (const other of candidates.slice(0, count)) {
    const createdAt = other.createdAt + 10 * DAY_MS;
    for (const id of shared) if (!other.groupIds.includes(id)) other.groupIds.push(id);
    store.addEnrollment({
      id: uuidFrom(rng),
      programId: first.def.id,
      status: 'ACTIVE',
      statusReason: null,
      enrolledAt: createdAt + 3 * DAY_MS,
      unenrolledAt: null,
      createdAt,
      updatedAt: createdAt,
      programSpecificAttributes: programAttributes(rng, first.def, other.site.n),
      groupIds: [...shared],
      site: other.site,
      devices: other.devices.filter((d) => first.def.eligibleDeviceTypes.includes(d.type)),
    });
  }
}

function splitSites(total: number, defs: readonly ProgramDef[]): number[] {
  const counts = defs.map((d) => Math.floor(total * d.share));
  counts[0] = (counts[0] as number) + total - counts.reduce((s, c) => s + c, 0);
  return counts;
}

function seedEnrollment(rng: Rng, def: ProgramDef, n: number, i: number): EnrollmentRec {
  const { site, groupIds } = seedSite(rng, def, n);
  const devices = seedDevices(rng, def, site);
  // The first sites of each program cycle through every status so each is always present.
  const status =
    i >= 2 && i < 2 + ENROLLMENT_STATUSES.length
      ? (ENROLLMENT_STATUSES[i - 2] as EnrollmentStatus)
      : pickWeighted(rng, STATUS_WEIGHTS);
  const createdAt = site.createdAt;
  const updatedAt = createdAt + Math.floor(rng() * 30 * 86_400) * 1000;
  const enrolled = status === 'ACTIVE' || status === 'PAUSED' || status === 'UNENROLLED';
  return {
    id: uuidFrom(rng),
    programId: def.id,
    status,
    statusReason: STATUS_REASONS[status] ?? null,
    enrolledAt: enrolled ? createdAt + 3 * DAY_MS : null,
    unenrolledAt: status === 'UNENROLLED' ? updatedAt : null,
    createdAt,
    updatedAt,
    programSpecificAttributes: programAttributes(rng, def, n),
    groupIds,
    site,
    devices,
  };
}

function seedSite(rng: Rng, def: ProgramDef, n: number): { site: SiteRec; groupIds: string[] } {
  const num = String(n).padStart(5, '0');
  const first = pick(rng, n % 2 === 0 ? FIRST_NAMES : FIRST_NAMES_2);
  const last = pick(rng, LAST_NAMES);
  const place = pick(rng, def.cities);
  const sandbox = rng() < 0.6;
  const zip = sandbox ? (SANDBOX_ZIPS[n % SANDBOX_ZIPS.length] as string) : place.zip;
  const groupCount = pickWeighted(rng, GROUP_COUNT_WEIGHTS);
  const groupIds: string[] = [];
  while (groupIds.length < groupCount) {
    const g = pick(rng, def.groups).id;
    if (!groupIds.includes(g)) groupIds.push(g);
  }
  const createdAt = SITES_FROM + Math.floor(rng() * SITES_SPAN_DAYS * 86_400) * 1000;
  const isCompany = rng() < 0.04;
  const site: SiteRec = {
    id: flat`site-${num}`,
    n,
    firstName: first,
    lastName: last,
    companyName: isCompany ? flat`${last} Simulated Holdings LLC` : null,
    email: flat`${first.toLowerCase()}.${last.toLowerCase()}.${num}@example.test`,
    streetAddress: flat`${1 + (n % 9000)} ${pick(rng, STREETS)}`,
    streetAddress2: rng() < 0.1 ? flat`Unit ${1 + Math.floor(rng() * 40)}` : null,
    city: place.city,
    stateCode: def.states[0] as string,
    zipCode: zip,
    serviceAccountId: flat`SA-${def.states[0]}-${num}`,
    createdAt,
    updatedAt: createdAt,
  };
  return { site, groupIds };
}

function seedDevices(rng: Rng, def: ProgramDef, site: SiteRec): DeviceRec[] {
  const allowsEv = def.eligibleDeviceTypes.includes('EV_CHARGER');
  const firstIsEv = allowsEv && rng() < 0.3;
  const count = rng() < 0.2 ? 2 : 1;
  const solarPeakW = rng() < 0.7 ? 4000 + 500 * Math.floor(rng() * 13) : 0;
  const models: DeviceModel[] = [
    firstIsEv ? pickWeighted(rng, EV_WEIGHTS) : pickWeighted(rng, BATTERY_WEIGHTS),
  ];
  if (count === 2) {
    const secondIsEv = firstIsEv || rng() < (allowsEv ? 0.6 : 0.25);
    models.push(secondIsEv && !firstIsEv ? pickWeighted(rng, EV_WEIGHTS) : (models[0] as DeviceModel));
  }
  return models.map((model, k) => {
    const installDate = Math.floor((site.createdAt - Math.floor(rng() * 200) * DAY_MS) / DAY_MS) * DAY_MS;
    const isBattery = model.type === 'BATTERY';
    return {
      id: flat`dev-${site.id.slice(5)}-${k + 1}`,
      n: site.n * 4 + k,
      siteId: site.id,
      type: model.type,
      manufacturerName: model.manufacturer,
      productName: model.product,
      serialNumber: flat`SIM${String(site.n * 10 + k + 1).padStart(9, '0')}`,
      installDate,
      capacityWh: pick(rng, model.capacitiesWh),
      powerInputW: model.inputW,
      powerOutputW: model.outputW,
      reservePercentage: isBattery
        ? Math.max(def.minimumReservePercentage, pick(rng, [20, 25, 30, 40]))
        : null,
      isOffline: rng() < 0.03,
      solarPeakW,
      createdAt: site.createdAt,
      updatedAt: site.createdAt,
    };
  });
}

/**
 * A template tag that returns one flat string. Plain template literals leave V8 ropes (one node
 * per piece) alive in 100,000 seeded records; joining an array flattens them.
 */
function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) parts.push(String(values[i]));
  });
  return parts.join('');
}

function programAttributes(rng: Rng, def: ProgramDef, n: number): ProgramSpecificAttr[] {
  return def.enrollmentForm.map((f) => ({
    name: f.name,
    type: f.type,
    value: f.type === 'boolean' ? rng() < 0.8 : flat`${1000000 + n}-${Math.floor(rng() * 10)}`,
  }));
}
