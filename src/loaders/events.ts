import DataLoader from 'dataloader';
import type { CrossRequestCache } from '../cache/index.js';
import type { CallOptions, EventRecord, EventSiteRecord, UtilityClient } from '../flip/index.js';
import type { BatchOptions } from './batch.js';
import { RequestMemo } from './memo.js';

/**
 * One `GET /v1/events` per request (Flip has no per-program filter and no get-one-event endpoint,
 * REFERENCE.md 1.3), through the cross-request cache when given, and one
 * `GET /v1/events/{id}/sites` per event (not cached across requests).
 */
export class EventLoader {
  private readonly memo: RequestMemo<'all', EventRecord[]>;
  private readonly sitesByEvent: DataLoader<string, EventSiteRecord[]>;

  constructor(
    private readonly utility: UtilityClient,
    private readonly callOptions: CallOptions,
    isMemoized: boolean,
    batching: BatchOptions,
    private readonly cache?: CrossRequestCache,
  ) {
    this.memo = new RequestMemo(() => this.fetch(), isMemoized);
    // Flip has one call per event: the batch only dedupes, and a failed event errs alone.
    this.sitesByEvent = new DataLoader(
      batching.observed('eventSites', (ids) =>
        Promise.all(
          ids.map((id) => utility.listEventSites(id, callOptions).catch((e: unknown) => asError(e))),
        ),
      ),
      batching.schedule,
    );
  }

  list(): Promise<EventRecord[]> {
    return this.memo.get('all');
  }

  async get(id: string): Promise<EventRecord | null> {
    return (await this.list()).find((e) => e.id === id) ?? null;
  }

  sites(eventId: string): Promise<EventSiteRecord[]> {
    return this.sitesByEvent.load(eventId);
  }

  invalidate(): void {
    this.memo.delete('all');
    this.cache?.forget('events', null);
    this.sitesByEvent.clearAll();
  }

  private async fetch(): Promise<EventRecord[]> {
    if (!this.cache) return this.utility.listEvents(this.callOptions);
    const records = await this.cache.get('events', null, {
      load: async () => {
        let bytes = 0;
        const records = await this.utility.listEvents({
          ...this.callOptions,
          onResponseBytes: (n) => (bytes = n),
        });
        return { records, bytes };
      },
      derive: (records: readonly EventRecord[]) => records,
      recordsOf: (records) => records,
    });
    // Shared by requests: each gets its own list (the records themselves are never mutated).
    return [...records];
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
