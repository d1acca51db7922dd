import type { Journal, JournalCall, JournalEntry } from './types.js';

/**
 * Entries kept for entries()/calls(); the oldest are dropped beyond this so a long benchmark
 * cannot grow the journal without bound. counts() and tokenRequests() stay exact regardless.
 */
export const MAX_JOURNAL_ENTRIES = 100_000;

/** The request journal: every Utility/Cloud call, in arrival order, plus OAuth token counts. */
export interface JournalStore extends Journal {
  /** Records the call; the returned entry's status is filled in when the answer is known. */
  record(entry: JournalEntry): JournalEntry;
  countTokenRequest(): void;
}

export function createJournal(maxEntries = MAX_JOURNAL_ENTRIES): JournalStore {
  let entries: JournalEntry[] = [];
  let counts = new Map<string, number>();
  let tokenRequests = 0;
  return {
    record(entry) {
      entries.push(entry);
      // Trim in chunks: shifting one entry per call would copy the whole array each time.
      if (entries.length > maxEntries * 1.1) entries = entries.slice(entries.length - maxEntries);
      const key = `${entry.method} ${entry.route}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return entry;
    },
    countTokenRequest() {
      tokenRequests += 1;
    },
    entries: () => entries.map((e) => structuredClone(e)),
    calls: () => entries.map(toCall),
    counts: () => Object.fromEntries(counts),
    tokenRequests: () => tokenRequests,
    clear() {
      entries = [];
      counts = new Map();
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
