import type { CrossRequestCache, ProgramLocator } from '../cache/index.js';
import type { CallOptions, EnrollmentRecord, UtilityClient } from '../flip/index.js';
import { RequestMemo } from './memo.js';
import { buildProgramIndex, replaceEnrollments, type ProgramIndex } from './program-index.js';

/** What a batch of program loads came to: the indexes that loaded and the failures, by program. */
export interface SettledPrograms {
  indexes: ProgramIndex[];
  failures: { programId: string; error: unknown }[];
}

/**
 * One `GET /v1/enrollments?program_id=` per program per request, indexed once
 * (program-index.ts). Every field reached through a program is served from that one fetch.
 * With a cross-request cache the request's one read goes through it: the index is shared by
 * the requests within the TTL (entries are never mutated; a write builds a new index).
 */
export class ProgramLoader {
  private readonly memo: RequestMemo<string, ProgramIndex>;

  constructor(
    private readonly utility: UtilityClient,
    private readonly callOptions: CallOptions,
    /** Configured program ids, in configuration order (the search order of by-id lookups). */
    readonly configuredIds: readonly string[],
    isMemoized: boolean,
    private readonly cache?: CrossRequestCache,
    /** Told every program's enrollment ids on each load (lookup.ts locates by-id entries with it). */
    private readonly locator?: ProgramLocator,
  ) {
    this.memo = new RequestMemo((programId) => this.fetch(programId), isMemoized);
  }

  /** The program's index; rejects with the client's ServiceError when the fetch fails. */
  index(programId: string): Promise<ProgramIndex> {
    return this.memo.get(programId);
  }

  /** Programs whose load was started in this request (loaded, loading or failed). */
  startedIds(): string[] {
    return this.memo.startedKeys();
  }

  /** Started in this request, or in the cross-request cache: reading them costs no call now. */
  availableIds(): string[] {
    const started = this.startedIds();
    const cached = this.configuredIds.filter(
      (id) => !started.includes(id) && this.cache?.has('enrollments', id),
    );
    return [...started, ...cached];
  }

  /** Waits for the given programs (starting those not started), in configuration order. */
  async settle(programIds: readonly string[]): Promise<SettledPrograms> {
    const ordered = this.inConfiguredOrder(programIds);
    const results = await Promise.allSettled(ordered.map((id) => this.index(id)));
    const settled: SettledPrograms = { indexes: [], failures: [] };
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') settled.indexes.push(result.value);
      else settled.failures.push({ programId: ordered[i] as string, error: result.reason });
    });
    return settled;
  }

  /**
   * Writes returned these enrollments' new state: each loaded index holding any of them is
   * rebuilt once with all of them. Returns, by enrollment id, the first program that held it.
   */
  prime(records: readonly EnrollmentRecord[]): Map<string, string> {
    const programOf = new Map<string, string>();
    for (const id of this.startedIds()) {
      const index = this.memo.peek(id);
      if (!index) continue;
      const held = records.filter((r) => index.enrollmentById.has(r.id));
      if (held.length === 0) continue;
      this.memo.set(id, replaceEnrollments(index, held));
      for (const r of held) if (!programOf.has(r.id)) programOf.set(r.id, id);
    }
    return programOf;
  }

  /** Forgets the program's enrollments: the next read in this request fetches them again. */
  invalidate(programId: string, options: { keepCache?: boolean } = {}): void {
    this.memo.delete(programId);
    if (!options.keepCache) this.cache?.forget('enrollments', programId);
  }

  private inConfiguredOrder(programIds: readonly string[]): string[] {
    const rank = (id: string) => {
      const at = this.configuredIds.indexOf(id);
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    return [...new Set(programIds)].sort((a, b) => rank(a) - rank(b));
  }

  private async fetch(programId: string): Promise<ProgramIndex> {
    if (!this.cache)
      return this.indexed(programId, await this.utility.listEnrollments(programId, this.callOptions));
    return this.cache.get('enrollments', programId, {
      load: async () => {
        let bytes = 0;
        const records = await this.utility.listEnrollments(programId, {
          ...this.callOptions,
          onResponseBytes: (n) => (bytes = n),
        });
        return { records, bytes };
      },
      derive: (records: readonly EnrollmentRecord[]) => this.indexed(programId, records),
      recordsOf: (index) => index.enrollments,
    });
  }

  private indexed(programId: string, records: readonly EnrollmentRecord[]): ProgramIndex {
    const index = buildProgramIndex(programId, records);
    const locator = this.locator;
    // After this request's answer: 50,000 ids cost ~30 ms that the page being asked for can skip.
    // A by-id lookup meanwhile only misses a shortcut (lookup.ts), never a result.
    if (locator)
      setImmediate(() =>
        locator.learn(
          programId,
          index.enrollments.map((e) => e.id),
        ),
      );
    return index;
  }
}
