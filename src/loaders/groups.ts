import type { CrossRequestCache } from '../cache/index.js';
import type { CallOptions, GroupRecord, UtilityClient } from '../flip/index.js';
import { RequestMemo } from './memo.js';
import type { GroupEntry } from './program-index.js';

/** One `GET /v1/programs/{id}/groups` per program per request (through the cache when given). */
export class GroupLoader {
  private readonly memo: RequestMemo<string, GroupEntry[]>;

  constructor(
    private readonly utility: UtilityClient,
    private readonly callOptions: CallOptions,
    isMemoized: boolean,
    private readonly cache?: CrossRequestCache,
  ) {
    this.memo = new RequestMemo((programId) => this.fetch(programId), isMemoized);
  }

  list(programId: string): Promise<GroupEntry[]> {
    return this.memo.get(programId);
  }

  async get(programId: string, id: string): Promise<GroupEntry | null> {
    return (await this.list(programId)).find((g) => g.id === id) ?? null;
  }

  invalidate(programId: string, options: { keepCache?: boolean } = {}): void {
    this.memo.delete(programId);
    if (!options.keepCache) this.cache?.forget('groups', programId);
  }

  private async fetch(programId: string): Promise<GroupEntry[]> {
    const toEntries = (records: readonly GroupRecord[]) =>
      records.map((g) => ({ id: g.id, name: g.name, programId }));
    if (!this.cache) return toEntries(await this.utility.listGroups(programId, this.callOptions));
    // Shared by requests: handed out as a copy, so a caller may sort or extend its list.
    const entries = await this.cache.get('groups', programId, {
      load: async () => {
        let bytes = 0;
        const records = await this.utility.listGroups(programId, {
          ...this.callOptions,
          onResponseBytes: (n) => (bytes = n),
        });
        return { records, bytes };
      },
      derive: toEntries,
      recordsOf: (list): readonly GroupRecord[] => list.map((g) => ({ id: g.id, name: g.name })),
    });
    return [...entries];
  }
}
