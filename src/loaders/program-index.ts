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

/** The enrollment's site as an entry: itself when an index tagged it, else a tagged copy. */
export function toSiteEntry(enrollment: EnrollmentEntry): SiteEntry {
  const site = enrollment.site as SiteRecord & Partial<SiteEntry>;
  if (isTaggedBy(site, enrollment)) return site as SiteEntry;
  return { ...enrollment.site, programId: enrollment.programId, enrollmentId: enrollment.id };
}

/** The enrollment's devices as entries: themselves when an index tagged them, else tagged copies. */
export function toDeviceEntries(enrollment: EnrollmentEntry): DeviceEntry[] {
  return enrollment.devices.map((record) => {
    const device = record as DeviceRecord & Partial<DeviceEntry>;
    if (isTaggedBy(device, enrollment)) return device as DeviceEntry;
    return { ...record, programId: enrollment.programId, enrollmentId: enrollment.id };
  });
}

function isTaggedBy(
  record: { programId?: string | null; enrollmentId?: string },
  enrollment: EnrollmentEntry,
): boolean {
  return record.programId === enrollment.programId && record.enrollmentId === enrollment.id;
}

/**
 * Builds the index; O(enrollments + devices + memberships). It adopts the records: each
 * enrollment, its site and its devices become the entries themselves, tagged in place with their
 * program (and enrollment), instead of being copied. Pass records fresh from the client (which
 * coalesced callers of the same program share: tagging them twice writes the same values) or the
 * entries of an index of the same program, never records shared with anything else.
 * The enrollment list is built and every site and device tagged at once; the maps by id and
 * the site, device and group maps on first use (many operations need none of them).
 * Why: copying every entry and filling seven maps up front made a 50,000-site program cost
 * seconds of allocation and garbage collection on a 2-core machine (issue 9).
 */
export function buildProgramIndex(programId: string, records: readonly EnrollmentRecord[]): ProgramIndex {
  const enrollments: EnrollmentEntry[] = new Array<EnrollmentEntry>(records.length);
  for (let i = 0; i < records.length; i++) {
    const enrollment = adoptEnrollment(records[i] as EnrollmentRecord, programId);
    enrollments[i] = enrollment;
    // Each enrollment has its own site and device objects: tagging them with it is always true.
    adoptInEnrollment(enrollment.site, enrollment);
    for (const device of enrollment.devices) adoptInEnrollment(device, enrollment);
  }
  return new IndexedProgram(programId, enrollments);
}

/** The relations below the enrollments, built together in one pass. */
interface Relations {
  siteById: Map<string, SiteEntry>;
  enrollmentsBySiteId: Map<string, EnrollmentEntry[]>;
  devicesBySiteId: Map<string, DeviceEntry[]>;
  deviceById: Map<string, DeviceEntry>;
  enrollmentsByGroupId: Map<string, EnrollmentEntry[]>;
  siteIdsByGroupId: Map<string, string[]>;
}

class IndexedProgram implements ProgramIndex {
  private built?: Relations;
  private byId?: ReadonlyMap<string, EnrollmentEntry>;

  constructor(
    readonly programId: string,
    readonly enrollments: readonly EnrollmentEntry[],
    /** Each id's position in `enrollments`: shared by the indexes patched from this one. */
    private positions?: Map<string, number>,
  ) {}

  /** On first use too: a page or stats of a cold 50,000-enrollment program never needs it. */
  get enrollmentById(): ReadonlyMap<string, EnrollmentEntry> {
    this.byId ??= new ByPosition(this.positionsOf(), this.enrollments);
    return this.byId;
  }

  /**
   * A new index with these enrollments replaced where they stand (each already a copy the index
   * may adopt), or null when one is not in it. Only the replaced entries are tagged; the positions
   * are shared, so a write to one enrollment of 50,000 costs a copy of the list, not a re-index.
   * The relations are built again on first use (they hold the replaced entries).
   */
  withReplaced(copies: ReadonlyMap<string, EnrollmentRecord>): IndexedProgram | null {
    const positions = this.positionsOf();
    const next = this.enrollments.slice();
    for (const [id, record] of copies) {
      const at = positions.get(id);
      if (at === undefined) return null;
      const enrollment = adoptEnrollment(record, this.programId);
      adoptInEnrollment(enrollment.site, enrollment);
      for (const device of enrollment.devices) adoptInEnrollment(device, enrollment);
      next[at] = enrollment;
    }
    return new IndexedProgram(this.programId, next, positions);
  }

  private positionsOf(): Map<string, number> {
    if (!this.positions) {
      // A repeated id: the last one, as a Map built from the list would keep.
      const positions = new Map<string, number>();
      this.enrollments.forEach((e, i) => positions.set(e.id, i));
      this.positions = positions;
    }
    return this.positions;
  }

  get siteById(): ReadonlyMap<string, SiteEntry> {
    return this.relations().siteById;
  }
  get enrollmentsBySiteId(): ReadonlyMap<string, readonly EnrollmentEntry[]> {
    return this.relations().enrollmentsBySiteId;
  }
  get devicesBySiteId(): ReadonlyMap<string, readonly DeviceEntry[]> {
    return this.relations().devicesBySiteId;
  }
  get deviceById(): ReadonlyMap<string, DeviceEntry> {
    return this.relations().deviceById;
  }
  get enrollmentsByGroupId(): ReadonlyMap<string, readonly EnrollmentEntry[]> {
    return this.relations().enrollmentsByGroupId;
  }
  get siteIdsByGroupId(): ReadonlyMap<string, readonly string[]> {
    return this.relations().siteIdsByGroupId;
  }

  private relations(): Relations {
    this.built ??= buildRelations(this.enrollments);
    return this.built;
  }
}

/** The enrollments by id, read through the shared positions (no map of entries per index). */
class ByPosition implements ReadonlyMap<string, EnrollmentEntry> {
  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly enrollments: readonly EnrollmentEntry[],
  ) {}
  get size(): number {
    return this.positions.size;
  }
  get(id: string): EnrollmentEntry | undefined {
    const at = this.positions.get(id);
    return at === undefined ? undefined : this.enrollments[at];
  }
  has(id: string): boolean {
    return this.positions.has(id);
  }
  forEach(
    callback: (value: EnrollmentEntry, key: string, map: ReadonlyMap<string, EnrollmentEntry>) => void,
  ): void {
    for (const [id, entry] of this.entries()) callback(entry, id, this);
  }
  *entries(): MapIterator<[string, EnrollmentEntry]> {
    for (const [id, at] of this.positions) yield [id, this.enrollments[at] as EnrollmentEntry];
  }
  keys(): MapIterator<string> {
    return this.positions.keys();
  }
  *values(): MapIterator<EnrollmentEntry> {
    for (const at of this.positions.values()) yield this.enrollments[at] as EnrollmentEntry;
  }
  [Symbol.iterator](): MapIterator<[string, EnrollmentEntry]> {
    return this.entries();
  }
}

function buildRelations(enrollments: readonly EnrollmentEntry[]): Relations {
  const r: Relations = {
    siteById: new Map(),
    enrollmentsBySiteId: new Map(),
    devicesBySiteId: new Map(),
    deviceById: new Map(),
    enrollmentsByGroupId: new Map(),
    siteIdsByGroupId: new Map(),
  };
  for (const enrollment of enrollments) {
    const siteId = enrollment.site.id;
    push(r.enrollmentsBySiteId, siteId, enrollment);
    const isNewSite = !r.siteById.has(siteId);
    if (isNewSite) r.siteById.set(siteId, toSiteEntry(enrollment));
    for (const device of toDeviceEntries(enrollment)) {
      if (r.deviceById.has(device.id)) continue;
      r.deviceById.set(device.id, device);
      push(r.devicesBySiteId, siteId, device);
    }
    for (const group of enrollment.site.groups) {
      push(r.enrollmentsByGroupId, group.id, enrollment);
      if (isNewSite) push(r.siteIdsByGroupId, group.id, siteId);
    }
  }
  return r;
}

// The records as their entries, tagged in place (see buildProgramIndex). Plain property writes:
// Object.assign with a literal cost about twice as much at 50,000 enrollments.
function adoptEnrollment(record: EnrollmentRecord, programId: string): EnrollmentEntry {
  const entry = record as EnrollmentRecord & { programId?: string | null };
  entry.programId = programId;
  return entry as EnrollmentEntry;
}

function adoptInEnrollment(record: SiteRecord | DeviceRecord, enrollment: EnrollmentEntry): void {
  const entry = record as (SiteRecord | DeviceRecord) & { programId?: string | null; enrollmentId?: string };
  entry.programId = enrollment.programId;
  entry.enrollmentId = enrollment.id;
}

/**
 * The index with these enrollments replaced (or appended), after writes returned their new
 * state: one pass and one rebuild for the whole batch, O(enrollments + records), so a bulk write
 * of 1,000 ids on a 50,000-enrollment program costs one re-index, not 1,000 (issue 13 §2.7).
 * When all of them are in the index, they replace their entries in place: a copy of the list,
 * no re-index (IndexedProgram.withReplaced).
 * A record repeated in the batch: the last one wins.
 */
export function replaceEnrollments(index: ProgramIndex, records: readonly EnrollmentRecord[]): ProgramIndex {
  // Copies: the index adopts what it is given, and the caller's records may be indexed elsewhere.
  const copies = new Map<string, EnrollmentRecord>();
  for (const record of records)
    copies.set(record.id, {
      ...record,
      site: { ...record.site },
      devices: record.devices.map((d) => ({ ...d })),
    });
  // Every record already in the index (a write's answers): replaced in place (issue 20).
  const replaced = index instanceof IndexedProgram ? index.withReplaced(copies) : null;
  if (replaced) return replaced;
  const next: EnrollmentRecord[] = index.enrollments.map((e) => {
    const copy = copies.get(e.id);
    if (copy === undefined) return e;
    copies.delete(e.id);
    return copy;
  });
  next.push(...copies.values());
  return buildProgramIndex(index.programId, next);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
