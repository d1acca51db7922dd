import type { Tracer } from '@opentelemetry/api';
import type {
  AuditFilter,
  AuditPosition,
  AuditRow,
  AuditStore,
  EnrollmentHistoryRow,
} from '../audit/index.js';
import type { CrossRequestCache, ProgramLocator } from '../cache/index.js';
import type { Config, ProgramConfig } from '../config.js';
import type {
  CloudProgramRecord,
  EnrollmentRecord,
  EventSiteRecord,
  FlipClients,
  TelemetryPointRecord,
} from '../flip/index.js';
import type { KeyValueStore } from '../store/index.js';
import { AuditLoader, type EventAudit } from './audit.js';
import type { BatchObserver } from './batch.js';
import type { EventEntry } from './cancelled-events.js';
import { CloudProgramLoader } from './cloud-programs.js';
import { EventLoader } from './events.js';
import { GroupLoader } from './groups.js';
import { batchOptions, createBatchScheduler } from './batch.js';
import { Lookups } from './lookup.js';
import {
  toEnrollmentEntry,
  type DeviceEntry,
  type EnrollmentEntry,
  type GroupEntry,
  type ProgramIndex,
  type SiteEntry,
} from './program-index.js';
import { ProgramLoader } from './programs.js';
import { TelemetryLoader } from './telemetry.js';

export type { EventAudit } from './audit.js';
export type { AuditFilter, AuditPosition, AuditRow, EnrollmentHistoryRow } from '../audit/index.js';
export type { BatchObserver } from './batch.js';
export type { EventEntry } from './cancelled-events.js';
/** The shared store's record of cancelled events: written by cancelEvent, read by the event loader. */
export { CANCELLED_EVENT_TTL_S, recordCancelledEvent } from './cancelled-events.js';
export type { DeviceEntry, EnrollmentEntry, GroupEntry, ProgramIndex, SiteEntry } from './program-index.js';
/** The site and devices of an enrollment entry, as entries of the same program. */
export { toDeviceEntries, toSiteEntry } from './program-index.js';
/** A write's change to a program's kept copies, and how it is applied (issue 20). */
export { patchGroupList, patchProgramIndex, type PatchResult, type ProgramChange } from './program-patch.js';

export interface LoaderDeps {
  clients: FlipClients;
  /** The configured programs (FLIP_PROGRAMS, or the simulator's), in configuration order. */
  programs: readonly ProgramConfig[];
  config: Pick<Config, 'telemetryChunkSize' | 'disableBatching'>;
  /** Sent with every upstream call of the request (x-request-id). */
  requestId: string;
  /** Observes the size of every DataLoader batch (for /metrics), by loader name. */
  onBatch?: BatchObserver;
  /**
   * Enrollments, groups and events kept across requests (CACHE_TTL_S); absent: every request
   * fetches its own. Within a request each is still read once.
   */
  cache?: CrossRequestCache;
  /** Which program an enrollment id is in, learnt across requests (kept with the cache off). */
  locator?: ProgramLocator;
  /** The shared store: the cancellations recorded by cancelEvent are read from it. */
  store?: KeyValueStore;
  /** With a tracer: one span per DataLoader batch (loader name, key count). */
  tracer?: Tracer;
  /** The durable audit trail (auditLog, Enrollment.history, Event.dispatchedBy/canceledBy). */
  audit?: AuditStore;
}

/**
 * Per-request data access for the GraphQL layer: batched, deduplicated, one upstream call per
 * program (and per event) per request. Every method rejects with the client's ServiceError when
 * its upstream call fails; a failure stays with the keys of the failing program or event.
 * Create one per request (createLoaders) and never share it: it caches for the request only.
 */
export interface Loaders {
  /** The program's enrollments, sites, devices and group membership: one GET /v1/enrollments. */
  programIndex(programId: string): Promise<ProgramIndex>;
  /**
   * By id in the configured programs (the rule is documented in lookup.ts): the entry carries its
   * program. Null: no such enrollment, or one in a program that is not configured (FLIP_PROGRAMS
   * is the service's boundary). `opts.inProgram` is accepted from older callers and changes
   * nothing: every entry found is in a configured program.
   */
  enrollment(id: string, opts?: { inProgram?: boolean }): Promise<EnrollmentEntry | null>;
  /** By the OEM's site id across the configured programs (first in configuration order). */
  site(id: string): Promise<SiteEntry | null>;
  device(id: string): Promise<DeviceEntry | null>;
  /** For an entry fetched by id (programId null): the configured program holding it, or null. */
  programIdOfEnrollment(enrollmentId: string): Promise<string | null>;
  /** One GET /v1/programs/{id}/groups per program per request. */
  groups(programId: string): Promise<GroupEntry[]>;
  group(programId: string, id: string): Promise<GroupEntry | null>;
  /**
   * One GET /v1/events per request, in upstream order, only the configured programs' events,
   * with the cancellations recorded in the shared store (a cancelled event stays, marked).
   */
  events(): Promise<EventEntry[]>;
  /** Null: no such event, or one of a program that is not configured. */
  event(id: string): Promise<EventEntry | null>;
  /** One GET /v1/events/{id}/sites per event. */
  eventSites(eventId: string): Promise<EventSiteRecord[]>;
  /**
   * The Cloud API's record of a program (description, eligibility, earnings): one GET
   * /v1/programs per device type per request, when first asked (cloud-programs.ts says why).
   * Null when the Cloud API is not configured or does not list the program.
   */
  cloudProgram(programId: string): Promise<CloudProgramRecord | null>;
  /** Batched into one POST /v1/telemetry/latest per program (chunked). */
  latestTelemetry(programId: string, deviceId: string): Promise<TelemetryPointRecord | null>;
  /** Batched into one POST /v1/telemetry/historical per program and window (chunked). */
  telemetry(
    programId: string,
    deviceId: string,
    window: { from: Date; to: Date },
  ): Promise<TelemetryPointRecord[]>;

  /** Who dispatched and who cancelled the event through this service: batched, one SQL query. */
  eventAudit(eventId: string): Promise<EventAudit>;
  /**
   * The enrollment's status and group changes made through this service, newest first, at most
   * `first` + 1: one SQL query for every enrollment asked with the same `first` and no `after`.
   */
  enrollmentHistory(
    enrollmentId: string,
    first: number,
    after?: AuditPosition,
  ): Promise<EnrollmentHistoryRow[]>;
  /** The audit log, newest first, at most `first` + 1 rows. */
  auditLog(filter: AuditFilter, first: number, after?: AuditPosition): Promise<AuditRow[]>;

  /**
   * For writes: an enrollment's new state returned by Flip replaces the old one in every loaded
   * program of this request (stats, filters and pages see it) and in the by-id cache.
   * Returns the entry, with its program when a loaded program holds it.
   */
  primeEnrollment(record: EnrollmentRecord): EnrollmentEntry;
  /**
   * For bulk writes: primeEnrollment for many records at once, each loaded program re-indexed
   * once for the whole batch (not once per record). Entries in the order of the records.
   */
  primeEnrollments(records: readonly EnrollmentRecord[]): EnrollmentEntry[];
  /**
   * For writes: the program's enrollments are read again on the next read in this request, from
   * Flip, or from the cross-request cache with `keepCache` (a write patched it: cache/README.md).
   */
  invalidateProgram(programId: string, options?: { keepCache?: boolean }): void;
  invalidateGroups(programId: string, options?: { keepCache?: boolean }): void;
  invalidateEvents(): void;
}

/** Fresh loaders for one GraphQL request. With config.disableBatching nothing is batched or cached. */
export function createLoaders(deps: LoaderDeps): Loaders {
  const utility = deps.clients.utility;
  const callOptions = { requestId: deps.requestId };
  const isBatched = !deps.config.disableBatching;
  const observe = deps.onBatch ?? (() => undefined);
  const scheduler = createBatchScheduler(deps.tracer !== undefined);
  const batching = () => batchOptions(isBatched, observe, scheduler, deps.tracer);
  const programIds = deps.programs.map((p) => p.id);
  const cache = deps.cache;
  const programs = new ProgramLoader(utility, callOptions, programIds, isBatched, cache, deps.locator);
  const lookups = new Lookups(programs, utility, callOptions, batching(), deps.locator);
  const groups = new GroupLoader(utility, callOptions, isBatched, cache);
  const events = new EventLoader(utility, callOptions, isBatched, batching(), programIds, cache, deps.store);
  const cloudPrograms = new CloudProgramLoader(deps.clients.cloud, callOptions, isBatched);
  const telemetry = new TelemetryLoader(
    utility,
    callOptions,
    deps.config.telemetryChunkSize,
    batching(),
    cache?.latestTelemetry,
  );

  const audit = new AuditLoader(deps.audit, batching());

  const primeEnrollments = (records: readonly EnrollmentRecord[]): EnrollmentEntry[] => {
    const programOf = programs.prime(records);
    return records.map((record) => {
      const entry = toEnrollmentEntry(record, programOf.get(record.id) ?? null);
      lookups.primeEnrollment(entry);
      return entry;
    });
  };

  return {
    programIndex: (programId) => programs.index(programId),
    enrollment: (id) => lookups.enrollment(id),
    site: (id) => lookups.site(id),
    device: (id) => lookups.device(id),
    programIdOfEnrollment: (id) => lookups.programIdOfEnrollment(id),
    groups: (programId) => groups.list(programId),
    group: (programId, id) => groups.get(programId, id),
    events: () => events.list(),
    event: (id) => events.get(id),
    eventSites: (eventId) => events.sites(eventId),
    cloudProgram: (programId) => cloudPrograms.get(programId),
    latestTelemetry: (programId, deviceId) => telemetry.latest(programId, deviceId),
    telemetry: (programId, deviceId, window) => telemetry.window(programId, deviceId, window),
    eventAudit: (eventId) => audit.event(eventId),
    enrollmentHistory: (id, first, after) => audit.history(id, first, after),
    auditLog: (filter, first, after) => audit.log(filter, first, after),
    primeEnrollment(record) {
      return primeEnrollments([record])[0] as EnrollmentEntry;
    },
    primeEnrollments: (records) => primeEnrollments(records),
    invalidateProgram(programId, options) {
      programs.invalidate(programId, options);
      lookups.clearAll();
    },
    invalidateGroups: (programId, options) => groups.invalidate(programId, options),
    invalidateEvents: () => events.invalidate(),
  };
}
