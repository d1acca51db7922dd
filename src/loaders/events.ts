import DataLoader from 'dataloader';
import type { CrossRequestCache } from '../cache/index.js';
import type { CallOptions, EventRecord, EventSiteRecord, UtilityClient } from '../flip/index.js';
import type { KeyValueStore } from '../store/index.js';
import type { BatchOptions } from './batch.js';
import { readCancelledEvents, withCancellations, type EventEntry } from './cancelled-events.js';
import { RequestMemo } from './memo.js';

/**
 * One `GET /v1/events` per request (Flip has no per-program filter and no get-one-event endpoint,
 * REFERENCE.md 1.3), through the cross-request cache when given, and one
 * `GET /v1/events/{id}/sites` per event (not cached across requests). Only events of the
 * configured programs are seen (FLIP_PROGRAMS is the service's boundary); the cancellations this
 * service recorded in the shared store are laid over Flip's list (cancelled-events.ts).
 */
export class EventLoader {
  private readonly memo: RequestMemo<'all', EventEntry[]>;
  private readonly sitesByEvent: DataLoader<string, EventSiteRecord[]>;

  constructor(
    private readonly utility: UtilityClient,
    private readonly callOptions: CallOptions,
    isMemoized: boolean,
    batching: BatchOptions,
    private readonly programIds: readonly string[],
    private readonly cache?: CrossRequestCache,
    private readonly store?: KeyValueStore,
  ) {
    this.memo = new RequestMemo(() => this.inScope(), isMemoized);
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

  list(): Promise<EventEntry[]> {
    return this.memo.get('all');
  }

  async get(id: string): Promise<EventEntry | null> {
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

  private async inScope(): Promise<EventEntry[]> {
    const [upstream, cancelled] = await Promise.all([this.fetch(), this.cancellations()]);
    return withCancellations(upstream, cancelled).filter((e) => this.programIds.includes(e.programId));
  }

  /**
   * The recorded cancellations; none when the store cannot be read (Redis away): Flip's list is
   * still right about every event it lists, and the cancelled ones come back with the store.
   */
  private async cancellations(): Promise<Map<string, EventEntry>> {
    if (!this.store) return new Map();
    try {
      return await readCancelledEvents(this.store);
    } catch {
      return new Map();
    }
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
