import DataLoader from 'dataloader';
import type {
  AuditFilter,
  AuditPosition,
  AuditRow,
  AuditStore,
  EnrollmentHistoryRow,
} from '../audit/index.js';
import type { BatchOptions } from './batch.js';

/** The audit entries of an event made through this service (null: not made through it). */
export interface EventAudit {
  dispatched: AuditRow | null;
  canceled: AuditRow | null;
}

/**
 * Reads of the durable audit trail for one request, batched like the upstream reads: the history
 * of every enrollment on a page is one SQL query (per page size), the authors of every event on
 * a page another. Without a trail, every read answers empty.
 */
export class AuditLoader {
  private readonly events: DataLoader<string, EventAudit>;
  private readonly histories = new Map<number, DataLoader<string, EnrollmentHistoryRow[]>>();

  constructor(
    private readonly store: AuditStore | undefined,
    private readonly batching: BatchOptions,
  ) {
    this.events = new DataLoader(
      batching.observed('auditEvents', async (ids: readonly string[]) => {
        const rows = store ? await store.eventEntries(ids) : [];
        return ids.map((id) => ({
          // The first successful dispatch (a replay of its key returns the same event later).
          dispatched: rows.find((r) => r.eventId === id && r.operation === 'dispatchEvent') ?? null,
          canceled: rows.findLast((r) => r.eventId === id && r.operation === 'cancelEvent') ?? null,
        }));
      }),
      batching.schedule,
    );
  }

  event(eventId: string): Promise<EventAudit> {
    return this.events.load(eventId);
  }

  /** Newest first, at most first + 1 (the extra one says there is more); `after` is not batched. */
  history(enrollmentId: string, first: number, after?: AuditPosition): Promise<EnrollmentHistoryRow[]> {
    const store = this.store;
    if (!store) return Promise.resolve([]);
    if (after) return store.history([enrollmentId], first, after);
    let loader = this.histories.get(first);
    if (!loader) {
      loader = new DataLoader(
        this.batching.observed('enrollmentHistory', async (ids: readonly string[]) => {
          const rows = await store.history(ids, first);
          return ids.map((id) => rows.filter((r) => r.enrollmentId === id));
        }),
        this.batching.schedule,
      );
      this.histories.set(first, loader);
    }
    return loader.load(enrollmentId);
  }

  log(filter: AuditFilter, first: number, after?: AuditPosition): Promise<AuditRow[]> {
    return this.store ? this.store.list(filter, first, after) : Promise.resolve([]);
  }
}
