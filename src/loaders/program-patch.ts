import type { EnrollmentRecord, GroupRecord } from '../flip/index.js';
import { replaceEnrollments, type GroupEntry, type ProgramIndex } from './program-index.js';

/**
 * What a write changed in a program, as Flip answered it: kept copies of the program (the
 * cross-request cache, here and on the other instances through Redis) are patched with it instead
 * of being dropped and downloaded again (issue 20). Plain data: it travels between instances.
 */
export type ProgramChange =
  /** PATCH /v1/enrollments/{id} answered these enrollments (status, reason, site groups). */
  | { kind: 'enrollments'; records: EnrollmentRecord[] }
  | { kind: 'group-created'; group: GroupRecord }
  /** Sites embed their groups' names: the enrollments scope is patched with it too. */
  | { kind: 'group-renamed'; group: GroupRecord }
  /** Member sites lose the group (REFERENCE.md 1.3): both scopes. */
  | { kind: 'group-deleted'; groupId: string };

/** The patched value, or why it cannot be patched (the caller then drops it: one reload). */
export type PatchResult<V> = { value: V } | { unapplicable: string };

/**
 * A program's index with the change applied; the same index when nothing in it changes (so the
 * stats and pages derived from it stay). One re-index for the whole change (replaceEnrollments).
 * Ordering: each enrollment's version is its `updated_at` with its site's (a group change moves
 * the site's): an answer older than the cached enrollment is skipped (the cache holds what Flip
 * said later); one that cannot be ordered (a missing time, or the same times with other content)
 * is unapplicable. An enrollment the index lacks is unapplicable too (the index is older than it).
 */
export function patchProgramIndex(index: ProgramIndex, change: unknown): PatchResult<ProgramIndex> {
  if (!isChange(change)) return { unapplicable: 'the change is not readable' };
  switch (change.kind) {
    case 'group-created':
      return { value: index };
    case 'group-renamed':
    case 'group-deleted':
      return { value: withGroupChange(index, change) };
    case 'enrollments':
      return withRecords(index, change.records);
  }
}

/** The program's group list with the change applied (a new array; entries are never mutated). */
export function patchGroupList(
  list: readonly GroupEntry[],
  change: unknown,
  programId: string,
): PatchResult<GroupEntry[]> {
  if (!isChange(change)) return { unapplicable: 'the change is not readable' };
  switch (change.kind) {
    case 'enrollments':
      return { value: [...list] };
    case 'group-deleted':
      return { value: list.filter((g) => g.id !== change.groupId) };
    case 'group-created':
    case 'group-renamed': {
      const entry = { id: change.group.id, name: change.group.name, programId };
      const at = list.findIndex((g) => g.id === entry.id);
      if (at === -1 && change.kind === 'group-renamed')
        return { unapplicable: `group ${entry.id} is not in the cached list` };
      return { value: at === -1 ? [...list, entry] : list.map((g, i) => (i === at ? entry : g)) };
    }
  }
}

function withRecords(index: ProgramIndex, records: readonly EnrollmentRecord[]): PatchResult<ProgramIndex> {
  const newer: EnrollmentRecord[] = [];
  for (const record of records) {
    const cached = index.enrollmentById.get(record.id);
    if (!cached) return { unapplicable: `enrollment ${record.id} is not in the cached program` };
    const order = compareVersions(record, cached);
    if (order === 'newer') newer.push(record);
    else if (order === 'unordered' || (order === 'same' && !sameWrittenFields(record, cached)))
      return { unapplicable: `enrollment ${record.id}: the answer cannot be ordered with the cached one` };
  }
  return { value: newer.length === 0 ? index : replaceEnrollments(index, newer) };
}

/** Every enrollment whose site is in the group, with the group renamed or removed. */
function withGroupChange(
  index: ProgramIndex,
  change: Extract<ProgramChange, { kind: 'group-renamed' | 'group-deleted' }>,
): ProgramIndex {
  const groupId = change.kind === 'group-renamed' ? change.group.id : change.groupId;
  const changed: EnrollmentRecord[] = [];
  for (const e of index.enrollments) {
    if (!e.site.groups.some((g) => g.id === groupId)) continue;
    const groups =
      change.kind === 'group-renamed'
        ? e.site.groups.map((g) => (g.id === groupId ? { id: g.id, name: change.group.name } : g))
        : e.site.groups.filter((g) => g.id !== groupId);
    changed.push({ ...e, site: { ...e.site, groups } });
  }
  return changed.length === 0 ? index : replaceEnrollments(index, changed);
}

type Order = 'newer' | 'same' | 'older' | 'unordered';

/** The answer's version against the cached one: enrollment and site `updated_at` together. */
function compareVersions(answer: EnrollmentRecord, cached: EnrollmentRecord): Order {
  const a = [timeOf(answer.updatedAt), timeOf(answer.site.updatedAt)];
  const c = [timeOf(cached.updatedAt), timeOf(cached.site.updatedAt)];
  if ([...a, ...c].some((t) => Number.isNaN(t))) return 'unordered';
  const later = a.some((t, i) => t > c[i]!);
  const earlier = a.some((t, i) => t < c[i]!);
  if (later && earlier) return 'unordered';
  return later ? 'newer' : earlier ? 'older' : 'same';
}

function timeOf(at: Date | null | undefined): number {
  return at instanceof Date ? at.getTime() : NaN;
}

/** What the service's writes change: equal at the same version, or the versions mean nothing. */
function sameWrittenFields(a: EnrollmentRecord, b: EnrollmentRecord): boolean {
  const written = (r: EnrollmentRecord) =>
    JSON.stringify([
      r.status,
      r.statusReason,
      r.enrolledAt,
      r.unenrolledAt,
      r.site.groups.map((g) => [g.id, g.name]),
    ]);
  return written(a) === written(b);
}

/** A change as sent: from another instance it is checked before it touches anything. */
function isChange(value: unknown): value is ProgramChange {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  switch (change.kind) {
    case 'enrollments':
      return Array.isArray(change.records) && change.records.every(isEnrollmentRecord);
    case 'group-created':
    case 'group-renamed':
      return isGroup(change.group);
    case 'group-deleted':
      return typeof change.groupId === 'string';
    default:
      return false;
  }
}

function isEnrollmentRecord(value: unknown): value is EnrollmentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof EnrollmentRecord, unknown>>;
  const site = r.site as { id?: unknown; groups?: unknown } | undefined;
  return (
    typeof r.id === 'string' &&
    typeof r.status === 'string' &&
    Array.isArray(r.devices) &&
    Array.isArray(r.programSpecificAttributes) &&
    typeof site === 'object' &&
    site !== null &&
    typeof site.id === 'string' &&
    Array.isArray(site.groups) &&
    site.groups.every(isGroup)
  );
}

function isGroup(value: unknown): value is GroupRecord {
  const g = value as { id?: unknown; name?: unknown } | null;
  return typeof g === 'object' && g !== null && typeof g.id === 'string' && typeof g.name === 'string';
}
