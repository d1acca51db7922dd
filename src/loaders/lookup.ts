import DataLoader from 'dataloader';
import type { ProgramLocator } from '../cache/index.js';
import { isServiceError } from '../errors.js';
import type { CallOptions, UtilityClient } from '../flip/index.js';
import {
  toEnrollmentEntry,
  type DeviceEntry,
  type EnrollmentEntry,
  type ProgramIndex,
  type SiteEntry,
} from './program-index.js';
import type { BatchOptions } from './batch.js';
import type { ProgramLoader, SettledPrograms } from './programs.js';

type Find<T> = (index: ProgramIndex, id: string) => T | undefined;
type Outcome<T> = T | null | Error;

/**
 * `enrollment(id)`, `site(id)`, `device(id)` without a program. The rule, per batch of ids asked
 * in the same tick:
 * 1. Wait for the programs already loaded or loading in this request, or held by the
 *    cross-request cache, and look there first: an id beside a field that loads its program
 *    costs nothing.
 * 2. For the ids still missing, pick the cheaper way. Enrollments: when fewer ids remain than
 *    configured programs not yet loaded, one `GET /v1/enrollments/{id}` per id; otherwise load
 *    those programs (one call each, in parallel). With `inProgram` the by-id way is taken only
 *    when an earlier load (any request: the locator) told each id's program, which tags the entry. Sites and devices have no by-id endpoint
 *    (REFERENCE.md 1.3), so they always load the remaining programs.
 * 3. Enrollments still missing after the program loads: GET /v1/enrollments/{id}, which is
 *    authoritative (an enrollment outside the configured programs is found, with no program;
 *    a 404 means none). Sites and devices still missing: null, unless a program failed to
 *    load, then that failure: the id may be in the program we could not read.
 * Batches run one at a time, after the request's pending promise jobs (batch.ts), so that
 * sibling fields and earlier batches of the operation have started their program loads before
 * step 1 looks.
 */
export class Lookups {
  private readonly enrollments: DataLoader<string, EnrollmentEntry | null>;
  private readonly enrollmentsInPrograms: DataLoader<string, EnrollmentEntry | null>;
  private readonly sites: DataLoader<string, SiteEntry | null>;
  private readonly devices: DataLoader<string, DeviceEntry | null>;

  constructor(
    private readonly programs: ProgramLoader,
    private readonly utility: UtilityClient,
    private readonly callOptions: CallOptions,
    { schedule, observed }: BatchOptions,
    /** Programs of enrollment ids seen in earlier loads (any request); see find() step 2. */
    private readonly locator?: ProgramLocator,
  ) {
    const byEnrollmentId: Find<EnrollmentEntry> = (index, id) => index.enrollmentById.get(id);
    const fetch = (missing: string[], opts: { isLocated: boolean }) => this.fetchEnrollments(missing, opts);
    this.enrollments = new DataLoader(
      observed('enrollment', (ids) => this.find(ids, byEnrollmentId, { fetch, isFirstChoice: true })),
      schedule,
    );
    this.enrollmentsInPrograms = new DataLoader(
      observed('enrollment', (ids) => this.find(ids, byEnrollmentId, { fetch, isFirstChoice: false })),
      schedule,
    );
    this.sites = new DataLoader(
      observed('site', (ids) => this.find(ids, (index, id) => index.siteById.get(id))),
      schedule,
    );
    this.devices = new DataLoader(
      observed('device', (ids) => this.find(ids, (index, id) => index.deviceById.get(id))),
      schedule,
    );
  }

  /**
   * With `inProgram: true` step 2 always loads the programs (by id only for what they lack), so the
   * entry carries its program: for selections that need the program anyway.
   */
  enrollment(id: string, opts: { inProgram?: boolean } = {}): Promise<EnrollmentEntry | null> {
    return (opts.inProgram ? this.enrollmentsInPrograms : this.enrollments).load(id);
  }

  site(id: string): Promise<SiteEntry | null> {
    return this.sites.load(id);
  }

  device(id: string): Promise<DeviceEntry | null> {
    return this.devices.load(id);
  }

  /**
   * The configured program an enrollment belongs to: known from an earlier load (the locator),
   * else found by loading the configured programs; null: none.
   */
  async programIdOfEnrollment(id: string): Promise<string | null> {
    const located = this.locatedProgram(id);
    if (located !== undefined) return located;
    const settled = await this.programs.settle(this.programs.configuredIds);
    const index = settled.indexes.find((i) => i.enrollmentById.has(id));
    if (index) return index.programId;
    if (settled.failures[0]) throw settled.failures[0].error;
    return null;
  }

  /** After a write: later by-id reads in this request see the new state. */
  primeEnrollment(entry: EnrollmentEntry): void {
    for (const loader of [this.enrollments, this.enrollmentsInPrograms])
      loader.clear(entry.id).prime(entry.id, entry);
    this.sites.clearAll();
    this.devices.clearAll();
  }

  clearAll(): void {
    for (const loader of [this.enrollments, this.enrollmentsInPrograms]) loader.clearAll();
    this.sites.clearAll();
    this.devices.clearAll();
  }

  private async find<T>(
    ids: readonly string[],
    find: Find<T>,
    byId?: {
      fetch: (ids: string[], opts: { isLocated: boolean }) => Promise<Map<string, Outcome<T>>>;
      isFirstChoice: boolean;
    },
  ): Promise<Outcome<T>[]> {
    const found = new Map<string, Outcome<T>>();
    // Programs this request has started, and those the cross-request cache holds: free to read.
    const started = this.programs.availableIds();
    const first = await this.programs.settle(started);
    collect(first, ids, find, found);
    const missingOf = (list: readonly string[]) => list.filter((id) => !found.has(id));
    let missing = missingOf(ids);
    const rest = this.programs.configuredIds.filter((id) => !started.includes(id));
    let failures = first.failures;
    // Located ids need no program load even when the entry must carry its program.
    const isLocated = missing.every((id) => this.locatedProgram(id) !== undefined);
    const isByIdCheaper =
      byId !== undefined && (byId.isFirstChoice || isLocated) && missing.length < rest.length;
    if (missing.length > 0 && !isByIdCheaper && rest.length > 0) {
      const second = await this.programs.settle(rest);
      collect(second, missing, find, found);
      failures = [...failures, ...second.failures];
      missing = missingOf(missing);
    }
    // Not in any configured program: by id (authoritative: Flip's 404 means absent), else null
    // unless a program could not be read, then its failure.
    if (missing.length > 0 && byId) {
      const fetched = await byId.fetch(missing, { isLocated: !byId.isFirstChoice && isLocated });
      for (const [id, outcome] of fetched) found.set(id, outcome);
    }
    const failure = failures[0]?.error;
    for (const id of missingOf(missing)) found.set(id, failure === undefined ? null : asError(failure));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * GET /v1/enrollments/{id} per id, in parallel. Flip does not say the program: with `isLocated`
   * the entry carries the one the locator knows, else none (found lazily when a field needs it).
   */
  private async fetchEnrollments(
    ids: string[],
    { isLocated }: { isLocated: boolean },
  ): Promise<Map<string, Outcome<EnrollmentEntry>>> {
    const outcomes = await Promise.all(
      ids.map(async (id): Promise<Outcome<EnrollmentEntry>> => {
        try {
          const record = await this.utility.getEnrollment(id, this.callOptions);
          return toEnrollmentEntry(record, isLocated ? (this.locatedProgram(id) ?? null) : null);
        } catch (error) {
          // Unknown ids answer null. Flip answers 404, or 422 for an id that is not a UUID
          // (its path parameter is typed uuid, REFERENCE.md 1.3): either way no such enrollment.
          if (isServiceError(error) && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT'))
            return null;
          return asError(error);
        }
      }),
    );
    return new Map(ids.map((id, i) => [id, outcomes[i] ?? null]));
  }

  /** The configured program the locator knows for the enrollment, if any. */
  private locatedProgram(enrollmentId: string): string | undefined {
    const programId = this.locator?.programOf(enrollmentId);
    return programId !== undefined && this.programs.configuredIds.includes(programId) ? programId : undefined;
  }
}

function collect<T>(
  settled: SettledPrograms,
  ids: readonly string[],
  find: Find<T>,
  found: Map<string, Outcome<T>>,
): void {
  for (const id of ids) {
    if (found.has(id)) continue;
    for (const index of settled.indexes) {
      const hit = find(index, id);
      if (hit !== undefined) {
        found.set(id, hit);
        break;
      }
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
