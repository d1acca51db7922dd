import type { ActionMode, DeviceType, EnrollmentStatus, TargetType } from '../flip/wire.js';

/**
 * The simulator's internal records. Times are epoch milliseconds; render.ts turns them into the
 * snake_case wire shapes. Kept flat and string-light so 100,000 seeded sites stay cheap.
 */

export interface ProgramDef {
  id: string;
  name: string;
  description: string;
  states: string[];
  cities: { city: string; zip: string }[];
  /** Share of the seeded sites. */
  share: number;
  eligibleDeviceTypes: DeviceType[];
  canAutoEnroll: boolean;
  minimumReservePercentage: number;
  minimumCommitmentMonths: number | null;
  participationMonths: number[];
  earningsUpfront: number;
  earningsYearly: number;
  /** Eligibility thresholds used by the Cloud API's GET /v1/programs and commissioning. */
  minCapacityWh: number;
  minPowerW: number;
  groups: { id: string; name: string }[];
  enrollmentForm: { name: string; label: string; type: string; hint: string | null }[];
  /** Terms and conditions the homeowner agrees to (seed 002): version and Markdown text, or none. */
  termsAndConditions: { version: string; text: string } | null;
  createdAt: number;
}

export interface SiteRec {
  id: string;
  /** Seed ordinal (1-based), for cheap deterministic per-site variation. */
  n: number;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  email: string | null;
  streetAddress: string | null;
  streetAddress2: string | null;
  city: string | null;
  stateCode: string | null;
  zipCode: string | null;
  serviceAccountId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeviceRec {
  id: string;
  /** Ordinal used by telemetry noise. */
  n: number;
  siteId: string;
  type: DeviceType;
  manufacturerName: string;
  productName: string;
  serialNumber: string;
  installDate: number;
  capacityWh: number;
  powerInputW: number;
  powerOutputW: number;
  /** null for EV chargers. */
  reservePercentage: number | null;
  /** Offline devices report null metrics and last_is_online false. */
  isOffline: boolean;
  /** Rooftop solar at the site, W peak (0 = none). */
  solarPeakW: number;
  createdAt: number;
  updatedAt: number;
}

export interface ProgramSpecificAttr {
  name: string;
  type: string;
  value: string | number | boolean;
}

export interface EnrollmentRec {
  id: string;
  programId: string;
  status: EnrollmentStatus;
  statusReason: string | null;
  enrolledAt: number | null;
  unenrolledAt: number | null;
  createdAt: number;
  updatedAt: number;
  programSpecificAttributes: ProgramSpecificAttr[];
  /**
   * The site's group ids in this enrollment's program, in insertion order. Groups belong to a
   * program, so a site enrolled in two programs has one list per enrollment (Flip shows them as
   * the site's `groups`).
   */
  groupIds: string[];
  /** Shared by every enrollment of the same site. */
  site: SiteRec;
  devices: DeviceRec[];
}

export interface ActionRec {
  mode: ActionMode;
  startsAt: number;
  durationS: number;
  powerMode?: string;
  setpointMode?: string;
  setpointW?: number;
  backupReservePercentage?: number;
  enableGridImport?: boolean;
}

export interface EventRec {
  id: string;
  programId: string;
  targetType: TargetType;
  targetIds: string[];
  actions: ActionRec[];
  startsAt: number;
  endsAt: number;
  createdAt: number;
  updatedAt: number;
  /** Sites the targets resolved to when the event was created (groups change later). */
  /** null = every site of the program, also those enrolled later (PROGRAM targets). */
  siteIds: Set<string> | null;
  /** DEVICE targets: only these devices act; otherwise every device of siteIds. */
  deviceIds: Set<string> | null;
  /** Set by DELETE: hidden from lists; effects stop at this instant. */
  canceledAt: number | null;
}

/** A Cloud API site (commissioned or seeded), keyed by the OEM's site id. */
export interface CloudSiteRec {
  site: SiteRec;
  devices: DeviceRec[];
}
