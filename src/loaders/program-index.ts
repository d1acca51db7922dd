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

/**
 * Builds the index in one pass; O(enrollments + devices + memberships). It adopts the records:
 * each enrollment, its site and its devices become the entries themselves, tagged in place with
 * their program (and enrollment), instead of being copied. Pass records fresh from the client or
 * the entries of an index of the same program, never records shared with anything else.
 * Why in place: copying every enrollment, site and device made a 50,000-site program cost
 * seconds of allocation and garbage collection on a 2-core machine (issue 9).
 */
export function buildProgramIndex(programId: string, records: readonly EnrollmentRecord[]): ProgramIndex {
  const enrollments: EnrollmentEntry[] = [];
  const enrollmentById = new Map<string, EnrollmentEntry>();
  const siteById = new Map<string, SiteEntry>();
  const enrollmentsBySiteId = new Map<string, EnrollmentEntry[]>();
  const devicesBySiteId = new Map<string, DeviceEntry[]>();
  const deviceById = new Map<string, DeviceEntry>();
  const enrollmentsByGroupId = new Map<string, EnrollmentEntry[]>();
  const siteIdsByGroupId = new Map<string, string[]>();

  for (const record of records) {
    const enrollment = adoptEnrollment(record, programId);
    enrollments.push(enrollment);
    enrollmentById.set(enrollment.id, enrollment);
    const siteId = enrollment.site.id;
    push(enrollmentsBySiteId, siteId, enrollment);
    const isNewSite = !siteById.has(siteId);
    if (isNewSite)
      siteById.set(siteId, Object.assign(enrollment.site, { programId, enrollmentId: enrollment.id }));
    for (const record of enrollment.devices) {
      if (deviceById.has(record.id)) continue;
      const device = Object.assign(record, { programId, enrollmentId: enrollment.id });
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

/** The record as its entry, tagged in place (see buildProgramIndex). */
function adoptEnrollment(record: EnrollmentRecord, programId: string): EnrollmentEntry {
  return Object.assign(record, { programId });
}

/** The index with one enrollment replaced (or appended), after a write returned its new state. */
export function replaceEnrollment(index: ProgramIndex, record: EnrollmentRecord): ProgramIndex {
  const at = index.enrollments.findIndex((e) => e.id === record.id);
  // A copy: the index adopts what it is given, and the caller's record may be indexed elsewhere.
  const copy = { ...record, site: { ...record.site }, devices: record.devices.map((d) => ({ ...d })) };
  const records: EnrollmentRecord[] = [...index.enrollments];
  if (at === -1) records.push(copy);
  else records[at] = copy;
  return buildProgramIndex(index.programId, records);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
