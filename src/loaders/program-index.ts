import type { DeviceRecord, EnrollmentRecord, GroupRecord, SiteRecord } from '../flip/index.js';

/**
 * The records of one program as the GraphQL layer sees them: each carries the program it was
 * found in, so relations below it (groups, telemetry, stats) stay in that program.
 * `programId` is null only for an enrollment fetched by id (GET /v1/enrollments/{id}) whose
 * program is not known yet: the Utility enrollment has no program_id field (REFERENCE.md 1.3).
 */
export interface EnrollmentEntry extends EnrollmentRecord {
  programId: string | null;
}

/** A site as found in a program; `enrollmentId` is the (first) enrollment it came with. */
export interface SiteEntry extends SiteRecord {
  programId: string | null;
  enrollmentId: string;
}

export interface DeviceEntry extends DeviceRecord {
  programId: string | null;
  enrollmentId: string;
}

export interface GroupEntry extends GroupRecord {
  programId: string;
}

/** One `GET /v1/enrollments?program_id=` indexed once, for every field of the request. */
export interface ProgramIndex {
  programId: string;
  /** In upstream order. */
  enrollments: readonly EnrollmentEntry[];
  enrollmentById: ReadonlyMap<string, EnrollmentEntry>;
  /** A site listed by several enrollments of the program appears once, from the first of them. */
  siteById: ReadonlyMap<string, SiteEntry>;
  enrollmentsBySiteId: ReadonlyMap<string, readonly EnrollmentEntry[]>;
  devicesBySiteId: ReadonlyMap<string, readonly DeviceEntry[]>;
  deviceById: ReadonlyMap<string, DeviceEntry>;
  /** Group membership hangs off the site (REFERENCE.md 1.3); enrollments in upstream order. */
  enrollmentsByGroupId: ReadonlyMap<string, readonly EnrollmentEntry[]>;
  siteIdsByGroupId: ReadonlyMap<string, readonly string[]>;
}

export function toEnrollmentEntry(record: EnrollmentRecord, programId: string | null): EnrollmentEntry {
  return { ...record, programId };
}

export function toSiteEntry(enrollment: EnrollmentEntry): SiteEntry {
  return { ...enrollment.site, programId: enrollment.programId, enrollmentId: enrollment.id };
}

export function toDeviceEntries(enrollment: EnrollmentEntry): DeviceEntry[] {
  return enrollment.devices.map((d) => ({
    ...d,
    programId: enrollment.programId,
    enrollmentId: enrollment.id,
  }));
}

/** Builds the index in one pass; O(enrollments + devices + memberships). */
export function buildProgramIndex(programId: string, records: readonly EnrollmentRecord[]): ProgramIndex {
  const enrollments = records.map((r) => toEnrollmentEntry(r, programId));
  const enrollmentById = new Map<string, EnrollmentEntry>();
  const siteById = new Map<string, SiteEntry>();
  const enrollmentsBySiteId = new Map<string, EnrollmentEntry[]>();
  const devicesBySiteId = new Map<string, DeviceEntry[]>();
  const deviceById = new Map<string, DeviceEntry>();
  const enrollmentsByGroupId = new Map<string, EnrollmentEntry[]>();
  const siteIdsByGroupId = new Map<string, string[]>();

  for (const enrollment of enrollments) {
    enrollmentById.set(enrollment.id, enrollment);
    const siteId = enrollment.site.id;
    push(enrollmentsBySiteId, siteId, enrollment);
    const isNewSite = !siteById.has(siteId);
    if (isNewSite) siteById.set(siteId, toSiteEntry(enrollment));
    for (const device of toDeviceEntries(enrollment)) {
      if (deviceById.has(device.id)) continue;
      deviceById.set(device.id, device);
      push(devicesBySiteId, siteId, device);
    }
    for (const group of enrollment.site.groups) {
      push(enrollmentsByGroupId, group.id, enrollment);
      if (isNewSite) push(siteIdsByGroupId, group.id, siteId);
    }
  }
  return {
    programId,
    enrollments,
    enrollmentById,
    siteById,
    enrollmentsBySiteId,
    devicesBySiteId,
    deviceById,
    enrollmentsByGroupId,
    siteIdsByGroupId,
  };
}

/** The index with one enrollment replaced (or appended), after a write returned its new state. */
export function replaceEnrollment(index: ProgramIndex, record: EnrollmentRecord): ProgramIndex {
  const at = index.enrollments.findIndex((e) => e.id === record.id);
  const records: EnrollmentRecord[] = [...index.enrollments];
  if (at === -1) records.push(record);
  else records[at] = record;
  return buildProgramIndex(index.programId, records);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
