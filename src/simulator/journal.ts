import type { Journal, JournalCall, JournalEntry } from './types.js';

/** The request journal: every Utility/Cloud call, in arrival order, plus OAuth token counts. */
export interface JournalStore extends Journal {
  /** Records the call; the returned entry's status is filled in when the answer is known. */
  record(entry: JournalEntry): JournalEntry;
  countTokenRequest(): void;
}

export function createJournal(): JournalStore {
  let entries: JournalEntry[] = [];
  let tokenRequests = 0;
  return {
    record(entry) {
      entries.push(entry);
      return entry;
    },
    countTokenRequest() {
      tokenRequests += 1;
    },
    entries: () => entries.map((e) => structuredClone(e)),
    calls: () => entries.map(toCall),
    counts() {
      const counts: Record<string, number> = {};
      for (const e of entries) {
        const key = `${e.method} ${e.route}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    tokenRequests: () => tokenRequests,
    clear() {
      entries = [];
      tokenRequests = 0;
    },
  };
}

function toCall(e: JournalEntry): JournalCall {
  const call: JournalCall = { method: e.method, route: e.path };
  if (Object.keys(e.query).length > 0) call.query = { ...e.query };
  if (e.body !== undefined) call.body = structuredClone(e.body);
  return call;
}
