import type { EnrollmentStatus } from '../flip/wire.js';
import type { CloudSiteRec, DeviceRec, EnrollmentRec, EventRec, ProgramDef } from './model.js';
import { type Rng, uuidFrom } from './prng.js';
import { renderEnrollment } from './render.js';

interface ProgramIndex {
  def: ProgramDef;
  /** Group id -> name, in creation order. */
  groups: Map<string, string>;
  enrollments: EnrollmentRec[];
  sites: Map<string, EnrollmentRec>;
  devices: Map<string, { device: DeviceRec; enrollment: EnrollmentRec }>;
}

/**
 * The simulator's mutable world and its indexes. Validation lives in the routes; this class
 * only applies changes that are already known to be valid and keeps the indexes in step.
 */
export class Store {
  private readonly programs = new Map<string, ProgramIndex>();
  private readonly enrollmentsById = new Map<string, EnrollmentRec>();
  private readonly eventsById = new Map<string, EventRec>();
  /** Creation order; GET /v1/events lists them in this order. */
  private events: EventRec[] = [];
  /** The Cloud API's sites (seeded and commissioned), in insertion order. */
  readonly cloudSites = new Map<string, CloudSiteRec>();
  /**
   * Serialized enrollments: GET /v1/enrollments of 50,000 sites would otherwise re-render and
   * re-stringify ~60 MB per call. Every write that changes an enrollment's JSON drops its entry.
   */
  private readonly enrollmentJson = new WeakMap<EnrollmentRec, string>();
  /**
   * The whole GET /v1/enrollments body per program, UTF-8 encoded: joining and encoding 60 MB
   * per call cost the simulator about a second (issue 9). Dropped with any enrollment's JSON.
   */
  private readonly enrollmentListBody = new Map<string, Buffer>();

  constructor(
    defs: readonly ProgramDef[],
    readonly now: () => number,
    private readonly rng: Rng,
  ) {
    for (const def of defs) {
      const groups = new Map(def.groups.map((g) => [g.id, g.name]));
      this.programs.set(def.id, { def, groups, enrollments: [], sites: new Map(), devices: new Map() });
    }
  }

  newId(): string {
    return uuidFrom(this.rng);
  }

  programDefs(): ProgramDef[] {
    return [...this.programs.values()].map((p) => p.def);
  }

  program(id: string): ProgramIndex | undefined {
    return this.programs.get(id);
  }

  enrollment(id: string): EnrollmentRec | undefined {
    return this.enrollmentsById.get(id);
  }

  /** The enrollment as Flip's JSON text (cached until a write changes it). */
  enrollmentAsJson(e: EnrollmentRec): string {
    let json = this.enrollmentJson.get(e);
    if (json === undefined) {
      json = JSON.stringify(renderEnrollment(e, this.programs.get(e.programId)?.groups ?? new Map()));
      this.enrollmentJson.set(e, json);
    }
    return json;
  }

  /** GET /v1/enrollments?program_id= as UTF-8 JSON (cached until a write changes an enrollment). */
  enrollmentListJson(p: ProgramIndex): Buffer {
    let body = this.enrollmentListBody.get(p.def.id);
    if (body === undefined) {
      const items = p.enrollments.map((e) => this.enrollmentAsJson(e));
      body = Buffer.from(`{"enrollments":[${items.join(',')}]}`, 'utf8');
      this.enrollmentListBody.set(p.def.id, body);
    }
    return body;
  }

  /** Drops cached JSON of every enrollment of this site (its fields changed). */
  siteChanged(siteId: string): void {
    for (const p of this.programs.values()) {
      const e = p.sites.get(siteId);
      if (e) this.forgetJson(e);
    }
  }

  addEnrollment(e: EnrollmentRec): void {
    this.enrollmentListBody.delete(e.programId);
    const p = this.programs.get(e.programId);
    if (!p) throw new Error(`unknown program ${e.programId}`);
    p.enrollments.push(e);
    p.sites.set(e.site.id, e);
    for (const device of e.devices) p.devices.set(device.id, { device, enrollment: e });
    this.enrollmentsById.set(e.id, e);
  }

  /** The enrollment's JSON changed: drop it and its program's list body. */
  private forgetJson(e: EnrollmentRec): void {
    this.enrollmentJson.delete(e);
    this.enrollmentListBody.delete(e.programId);
  }

  updateEnrollment(
    e: EnrollmentRec,
    change: { status?: EnrollmentStatus; statusReason?: string; groupIds?: string[] },
  ): void {
    const at = this.now();
    if (change.status !== undefined && change.status !== e.status) {
      e.status = change.status;
      if (change.status === 'ACTIVE') {
        e.enrolledAt ??= at;
        e.unenrolledAt = null;
      }
      if (change.status === 'UNENROLLED') e.unenrolledAt = at;
    }
    if (change.statusReason !== undefined) e.statusReason = change.statusReason;
    this.forgetJson(e);
    if (change.groupIds !== undefined) {
      // REFERENCE.md 1.3: group_ids replaces the site's groups ([] removes all). The site is one
      // record: its updated_at changes in every program's listing of it.
      e.groupIds = [...new Set(change.groupIds)];
      e.site.updatedAt = at;
      this.siteChanged(e.site.id);
    }
    e.updatedAt = at;
  }

  createGroup(programId: string, id: string, name: string): void {
    this.programs.get(programId)?.groups.set(id, name);
  }

  /** Renames and/or re-keys a group; a re-key follows into every member site. */
  updateGroup(
    programId: string,
    id: string,
    change: { id?: string; name?: string },
  ): { id: string; name: string } {
    const p = this.programs.get(programId) as ProgramIndex;
    const name = change.name ?? (p.groups.get(id) as string);
    const newId = change.id ?? id;
    if (newId === id) {
      p.groups.set(id, name);
      for (const e of p.enrollments) if (e.groupIds.includes(id)) this.forgetJson(e);
      return { id, name };
    }
    // Rebuild to keep the group at its position in the listing.
    p.groups = new Map([...p.groups].map(([k, v]) => (k === id ? [newId, name] : [k, v])));
    for (const e of p.enrollments) {
      const i = e.groupIds.indexOf(id);
      if (i >= 0) e.groupIds[i] = newId;
      if (i >= 0) this.forgetJson(e);
    }
    return { id: newId, name };
  }

  /** REFERENCE.md 1.3: members lose the group but stay in the program. */
  deleteGroup(programId: string, id: string): void {
    const p = this.programs.get(programId) as ProgramIndex;
    p.groups.delete(id);
    for (const e of p.enrollments) {
      if (!e.groupIds.includes(id)) continue;
      e.groupIds = e.groupIds.filter((g) => g !== id);
      this.forgetJson(e);
    }
  }

  /** Events not canceled, in creation order. */
  listEvents(): EventRec[] {
    return this.events.filter((e) => e.canceledAt === null);
  }

  /** Every event including canceled ones: telemetry still shows what already happened. */
  allEvents(): readonly EventRec[] {
    return this.events;
  }

  event(id: string): EventRec | undefined {
    const e = this.eventsById.get(id);
    return e && e.canceledAt === null ? e : undefined;
  }

  addEvent(e: EventRec): void {
    this.events.push(e);
    this.eventsById.set(e.id, e);
  }

  cancelEvent(e: EventRec): void {
    e.canceledAt = this.now();
    e.updatedAt = e.canceledAt;
  }

  /** Sites of a program reached by a group, resolved now. */
  sitesInGroups(programId: string, groupIds: readonly string[]): Set<string> {
    const p = this.programs.get(programId) as ProgramIndex;
    const wanted = new Set(groupIds);
    const out = new Set<string>();
    for (const e of p.enrollments) if (e.groupIds.some((g) => wanted.has(g))) out.add(e.site.id);
    return out;
  }
}
