import type { ActionMode, DeviceType, EnrollmentStatus, PowerMode, TargetType } from './wire.js';

/**
 * camelCase records above the REST boundary (map.ts builds them from wire.ts shapes).
 * Dates are Date objects; enum fields hold only known values (unknown upstream values are
 * mapped to the documented fallback in map.ts).
 */

export type { ActionMode, DeviceType, EnrollmentStatus, PowerMode, TargetType };

export interface GroupRecord {
  id: string;
  name: string;
}

export interface DeviceRecord {
  id: string;
  siteId: string;
  type: DeviceType;
  manufacturerName: string | null;
  productName: string | null;
  serialNumber: string | null;
  installDate: Date | null;
  batteryCapacityWh: number | null;
  batteryPowerInputW: number | null;
  batteryPowerOutputW: number | null;
  reservePercentage: number | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface SiteRecord {
  id: string;
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
  /** Ids of the site's groups in the enrollment's program (names come from the groups list). */
  groups: GroupRecord[];
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface ProgramSpecificAttributeRecord {
  name: string;
  type: string | null;
  value: string | null;
}

export interface EnrollmentRecord {
  id: string;
  status: EnrollmentStatus;
  statusReason: string | null;
  enrolledAt: Date | null;
  unenrolledAt: Date | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  programSpecificAttributes: ProgramSpecificAttributeRecord[];
  site: SiteRecord;
  devices: DeviceRecord[];
}

export interface ActionRecord {
  mode: ActionMode;
  startsAt: Date;
  durationS: number;
  powerMode: PowerMode | null;
  setpointMode: string | null;
  setpointW: number | null;
  backupReservePercentage: number | null;
  enableGridImport: boolean | null;
}

export interface EventRecord {
  id: string;
  programId: string;
  targetType: TargetType;
  targetIds: string[];
  actions: ActionRecord[];
  startsAt: Date;
  endsAt: Date | null;
  durationS: number | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface EventSiteRecord {
  siteId: string;
  isParticipating: boolean;
  expectedPowerW: number | null;
  actualPowerW: number | null;
  expectedEnergyWh: number | null;
  actualEnergyWh: number | null;
}

export interface TelemetryPointRecord {
  deviceId: string;
  startTime: Date;
  durationS: number;
  batteryStateOfChargePercentage: number | null;
  batteryBackupReservePercentage: number | null;
  batteryPowerChargeW: number | null;
  batteryPowerDischargeW: number | null;
  batteryTotalEnergyChargeWh: number | null;
  batteryTotalEnergyDischargeWh: number | null;
  gridPowerW: number | null;
  gridTotalEnergyWh: number | null;
  homePowerW: number | null;
  homeTotalEnergyWh: number | null;
  solarPowerW: number | null;
  solarTotalEnergyWh: number | null;
  isOnline: boolean | null;
  mode: ActionMode | null;
}

export interface CloudProgramRecord {
  id: string;
  name: string;
  description: string | null;
  eligibleDeviceTypes: DeviceType[];
  canAutoEnroll: boolean;
  minimumReservePercentage: number | null;
  minimumCommitmentMonths: number | null;
  participationMonths: number[];
  earningsForSiteUpfront: number | null;
  earningsForSiteYearly: number | null;
  /** What the homeowner must fill in on enrollment (seed 002: enrollment_form). */
  enrollmentForm: EnrollmentFormFieldRecord[];
  /** Current terms and conditions: the version (not to show) and the Markdown text (to show). */
  termsAndConditionsVersion: string | null;
  termsAndConditionsText: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface EnrollmentFormFieldRecord {
  name: string;
  label: string | null;
  type: string | null;
  hint: string | null;
}

/** The enrollment commissioning created or found (Cloud Enrollment shape, seed 002). */
export interface CommissionEnrollmentRecord {
  id: string;
  programId: string | null;
  siteId: string | null;
  deviceIds: string[];
  /** AUTO_ENROLL or USER_ACTION; passed through as Flip says it. */
  enrollMethod: string | null;
  status: EnrollmentStatus;
  statusReason: string | null;
  enrolledAt: Date | null;
  unenrolledAt: Date | null;
  hasAgreedToTermsAndConditions: boolean | null;
  termsAndConditionsVersion: string | null;
}

export interface CloudSiteRecord {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  stateCode: string | null;
  city: string | null;
  zipCode: string | null;
  streetAddress: string | null;
  streetAddress2: string | null;
  serviceAccountId: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface CommissionResultRecord {
  programs: CloudProgramRecord[];
  enrollmentId: string | null;
  enrollmentStatus: EnrollmentStatus | null;
  enrollment: CommissionEnrollmentRecord | null;
}

// ---------------- inputs (camelCase; the client maps them to snake_case bodies) ----------------

export interface UpdateEnrollmentPatch {
  status?: EnrollmentStatus;
  statusReason?: string;
  /** Replaces the site's groups; [] removes all. */
  groupIds?: string[];
}

export interface ActionInput {
  mode: ActionMode;
  startsAt: Date;
  durationS: number;
  powerMode?: PowerMode;
  setpointW?: number;
  backupReservePercentage?: number;
  enableGridImport?: boolean;
}

export interface CreateEventInput {
  programId: string;
  targetType: TargetType;
  targetIds: string[];
  actions: ActionInput[];
}

export interface CommissionInput {
  site: {
    id: string;
    firstName?: string | null;
    lastName?: string | null;
    companyName?: string | null;
    email?: string | null;
    stateCode?: string | null;
    city?: string | null;
    zipCode?: string | null;
    streetAddress?: string | null;
    streetAddress2?: string | null;
  };
  devices: {
    id: string;
    manufacturerName: string;
    productName: string;
    serialNumber: string;
    type: DeviceType;
    batteryCapacityWh: number;
    batteryPowerInputW: number;
    batteryPowerOutputW: number;
    installDate: Date;
  }[];
  canAutoEnroll?: boolean;
}

/** Reported for every upstream call (observability hook; logs and metrics subscribe). */
export interface UpstreamCallReport {
  upstream: 'utility' | 'cloud' | 'oauth';
  method: string;
  /** Route template, e.g. `/v1/enrollments/{id}`: bounded cardinality for metrics. */
  endpoint: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  durationMs: number;
  attempts: number;
  bytes: number;
  requestId: string;
  /** The error code when the call failed. */
  errorCode?: string;
}

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Sent as x-request-id (one per GraphQL request); generated when absent. */
  requestId?: string;
  signal?: AbortSignal;
  /** Told the size of the response body the result came from (sizes the cross-request cache). */
  onResponseBytes?: (bytes: number) => void;
}

/** Utility API client: one typed method per endpoint. Every method throws ServiceError. */
export interface UtilityClient {
  /**
   * The program's enrollments, read while the body downloads. Identical concurrent calls share one
   * request and one result (the list can hold 50,000 enrollments): never mutate it or its records.
   */
  listEnrollments(programId: string, opts?: CallOptions): Promise<readonly EnrollmentRecord[]>;
  getEnrollment(id: string, opts?: CallOptions): Promise<EnrollmentRecord>;
  updateEnrollment(id: string, patch: UpdateEnrollmentPatch, opts?: CallOptions): Promise<EnrollmentRecord>;
  listGroups(programId: string, opts?: CallOptions): Promise<GroupRecord[]>;
  createGroup(programId: string, group: GroupRecord, opts?: CallOptions): Promise<GroupRecord>;
  updateGroup(
    programId: string,
    id: string,
    patch: { id?: string; name?: string },
    opts?: CallOptions,
  ): Promise<GroupRecord>;
  deleteGroup(programId: string, id: string, opts?: CallOptions): Promise<void>;
  listEvents(opts?: CallOptions): Promise<EventRecord[]>;
  createEvent(input: CreateEventInput, opts?: CallOptions): Promise<EventRecord>;
  cancelEvent(id: string, opts?: CallOptions): Promise<void>;
  listEventSites(eventId: string, opts?: CallOptions): Promise<EventSiteRecord[]>;
  latestTelemetry(
    programId: string,
    deviceIds: string[] | undefined,
    opts?: CallOptions,
  ): Promise<TelemetryPointRecord[]>;
  historicalTelemetry(
    programId: string,
    window: { from: Date; to: Date },
    deviceIds: string[] | undefined,
    opts?: CallOptions,
  ): Promise<TelemetryPointRecord[]>;
}

/** Cloud API client (commissioning and programs). Every method throws ServiceError. */
export interface CloudClient {
  /** False without FLIP_CLOUD_API_URL: every method then throws UPSTREAM_UNAVAILABLE saying so. */
  readonly isConfigured: boolean;
  commission(input: CommissionInput, opts?: CallOptions): Promise<CommissionResultRecord>;
  listPrograms(
    filter: { deviceType: DeviceType; totalCapacityWh: number; totalPowerW: number },
    opts?: CallOptions,
  ): Promise<CloudProgramRecord[]>;
  listSites(page: { skip?: number; limit?: number }, opts?: CallOptions): Promise<CloudSiteRecord[]>;
}

export interface FlipClients {
  utility: UtilityClient;
  cloud: CloudClient;
  /** Closes the connection pools (graceful shutdown). */
  close(): Promise<void>;
}
