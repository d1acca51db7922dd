import type { CallOptions, UtilityClient } from '../flip/index.js';
import { RequestMemo } from './memo.js';
import type { GroupEntry } from './program-index.js';

/** One `GET /v1/programs/{id}/groups` per program per request. */
export class GroupLoader {
  private readonly memo: RequestMemo<string, GroupEntry[]>;

  constructor(utility: UtilityClient, callOptions: CallOptions, isMemoized: boolean) {
    this.memo = new RequestMemo(
      async (programId) =>
        (await utility.listGroups(programId, callOptions)).map((g) => ({
          id: g.id,
          name: g.name,
          programId,
        })),
      isMemoized,
    );
  }

  list(programId: string): Promise<GroupEntry[]> {
    return this.memo.get(programId);
  }

  async get(programId: string, id: string): Promise<GroupEntry | null> {
    return (await this.list(programId)).find((g) => g.id === id) ?? null;
  }

  invalidate(programId: string): void {
    this.memo.delete(programId);
  }
}
