import DataLoader from 'dataloader';
import type { CallOptions, EventRecord, EventSiteRecord, UtilityClient } from '../flip/index.js';
import type { BatchOptions } from './batch.js';
import { RequestMemo } from './memo.js';

/**
 * One `GET /v1/events` per request (Flip has no per-program filter and no get-one-event endpoint,
 * REFERENCE.md 1.3), and one `GET /v1/events/{id}/sites` per event.
 */
export class EventLoader {
  private readonly memo: RequestMemo<'all', EventRecord[]>;
  private readonly sitesByEvent: DataLoader<string, EventSiteRecord[]>;

  constructor(utility: UtilityClient, callOptions: CallOptions, isMemoized: boolean, batching: BatchOptions) {
    this.memo = new RequestMemo(() => utility.listEvents(callOptions), isMemoized);
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
    this.sitesByEvent.clearAll();
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
