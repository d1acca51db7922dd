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
 * `enrollment(id)`, `site(id)`, `device(id)` without a program. FLIP_PROGRAMS is the service's
 * boundary (issue 13 §2.1): an object of a program that is not configured answers null, as an
 * unknown id does. The rule, per batch of ids asked in the same tick:
 * 1. Wait for the programs already loaded or loading in this request, or held by the
 *    cross-request cache, and look there first: an id beside a field that loads its program
 *    costs nothing.
 * 2. For the ids still missing: when an earlier load (any request: the locator) told each id's
 *    configured program and fewer ids remain than configured programs not yet loaded, one
 *    `GET /v1/enrollments/{id}` per id, tagged with that program (enrollments only). Otherwise
 *    load those programs (one call each, in parallel). An id the locator does not know is never
 *    fetched by id: the Utility enrollment has no program_id (REFERENCE.md 1.3), so Flip's answer
 *    could not tell whether it is in scope.
 * 3. Still missing once every configured program is read: null (not in scope, or no such id),
 *    unless a program failed to load, then that failure: the id may be in the program we could
 *    not read.
 * Batches run one at a time, after the request's pending promise jobs (batch.ts), so that
 * sibling fields and earlier batches of the operation have started their program loads before
 * step 1 looks.
 */
export class Lookups {
  private readonly enrollments: DataLoader<string, EnrollmentEntry | null>;
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
    const fetch = (located: string[]) => this.fetchLocatedEnrollments(located);
    this.enrollments = new DataLoader(
      observed('enrollment', (ids) => this.find(ids, byEnrollmentId, fetch)),
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

  /** The enrollment in a configured program, carrying that program; null when none. */
  enrollment(id: string): Promise<EnrollmentEntry | null> {
    return this.enrollments.load(id);
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
    this.enrollments.clear(entry.id);
    // Only an entry known to be in a configured program may answer later lookups.
    if (entry.programId !== null && this.programs.configuredIds.includes(entry.programId))
      this.enrollments.prime(entry.id, entry);
    this.sites.clearAll();
    this.devices.clearAll();
  }

  clearAll(): void {
    this.enrollments.clearAll();
    this.sites.clearAll();
    this.devices.clearAll();
  }

  private async find<T>(
    ids: readonly string[],
    find: Find<T>,
    fetchLocated?: (ids: string[]) => Promise<Map<string, Outcome<T>>>,
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
    const isLocated = missing.every((id) => this.locatedProgram(id) !== undefined);
    if (missing.length > 0 && fetchLocated && isLocated && missing.length < rest.length) {
      for (const [id, outcome] of await fetchLocated(missing)) found.set(id, outcome);
      missing = missingOf(missing);
    } else if (missing.length > 0 && rest.length > 0) {
      const second = await this.programs.settle(rest);
      collect(second, missing, find, found);
      failures = [...failures, ...second.failures];
      missing = missingOf(missing);
    }
    // In no configured program: null, unless a program could not be read, then its failure.
    const failure = failures[0]?.error;
    for (const id of missing) found.set(id, failure === undefined ? null : asError(failure));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * GET /v1/enrollments/{id} per id, in parallel, for ids the locator placed in a configured
   * program: the entry carries that program.
   */
  private async fetchLocatedEnrollments(ids: string[]): Promise<Map<string, Outcome<EnrollmentEntry>>> {
    const outcomes = await Promise.all(
      ids.map(async (id): Promise<Outcome<EnrollmentEntry>> => {
        try {
          const record = await this.utility.getEnrollment(id, this.callOptions);
          return toEnrollmentEntry(record, this.locatedProgram(id) ?? null);
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
