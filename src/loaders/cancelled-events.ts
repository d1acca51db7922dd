import { z } from 'zod';
import type { EventRecord } from '../flip/index.js';
import type { JsonValue, KeyValueStore } from '../store/index.js';

/** One record in the shared store holding every cancelled event, one field per event id. */
const STORE_KEY = 'cancelled-events';
/** How long a cancellation stays visible after the last one recorded (the record's TTL). */
export const CANCELLED_EVENT_TTL_S = 90 * 86_400;

/** An event as the service shows it: Flip's record, and our record of its cancellation if any. */
export interface EventEntry extends EventRecord {
  /** When `cancelEvent` succeeded through this service (any instance); absent otherwise. */
  canceledAt?: Date;
  /** The caller id that cancelled it; null when the caller was anonymous. */
  canceledBy?: string | null;
}

const isoDate = z.string().transform((s, ctx) => {
  const date = new Date(s);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return date;
});
const nullableIsoDate = z.union([z.null(), isoDate]);

const StoredAction = z.object({
  mode: z.string(),
  startsAt: isoDate,
  durationS: z.number(),
  powerMode: z.string().nullable(),
  setpointMode: z.string().nullable(),
  setpointW: z.number().nullable(),
  backupReservePercentage: z.number().nullable(),
  enableGridImport: z.boolean().nullable(),
});

const StoredCancellation = z.object({
  event: z.object({
    id: z.string(),
    programId: z.string(),
    targetType: z.string(),
    targetIds: z.array(z.string()),
    actions: z.array(StoredAction),
    startsAt: isoDate,
    endsAt: nullableIsoDate,
    durationS: z.number().nullable(),
    createdAt: nullableIsoDate,
    updatedAt: nullableIsoDate,
  }),
  canceledAt: isoDate,
  canceledBy: z.string().nullable(),
});

/**
 * Flip's `DELETE /v1/events/{id}` leaves nothing to read back (a cancelled event leaves
 * `GET /v1/events` in the simulator; REFERENCE.md says nothing), so the service keeps its own
 * record of each cancellation in the shared store (memory, or Redis across instances): the
 * event as it was before the DELETE, when and by whom. Rejects when the store is unavailable.
 */
export async function recordCancelledEvent(
  store: KeyValueStore,
  event: EventRecord,
  cancellation: { canceledAt: Date; canceledBy: string | null },
): Promise<EventEntry> {
  // JSON round trip: Dates become ISO strings, undefined fields disappear.
  const value = JSON.parse(
    JSON.stringify({ event, canceledAt: cancellation.canceledAt, canceledBy: cancellation.canceledBy }),
  ) as JsonValue;
  await store.setField(STORE_KEY, event.id, value, CANCELLED_EVENT_TTL_S);
  return { ...event, ...cancellation };
}

/** Every recorded cancellation, by event id. A record that does not parse is skipped. */
export async function readCancelledEvents(store: KeyValueStore): Promise<Map<string, EventEntry>> {
  const fields = await store.fields(STORE_KEY);
  const entries = new Map<string, EventEntry>();
  for (const [id, value] of Object.entries(fields)) {
    const parsed = StoredCancellation.safeParse(value);
    if (!parsed.success) continue;
    const { event, canceledAt, canceledBy } = parsed.data;
    // The stored event is one this service read from Flip and mapped, so its enums are ours.
    entries.set(id, { ...(event as unknown as EventRecord), canceledAt, canceledBy });
  }
  return entries;
}

/**
 * Flip's list with the cancellations laid over it: a listed event that was cancelled carries
 * its cancellation; a cancelled one Flip no longer lists is added back.
 */
export function withCancellations(
  upstream: readonly EventRecord[],
  cancelled: ReadonlyMap<string, EventEntry>,
): EventEntry[] {
  const listed = new Set(upstream.map((e) => e.id));
  const merged: EventEntry[] = upstream.map((e) => {
    const c = cancelled.get(e.id);
    return c ? { ...e, canceledAt: c.canceledAt, canceledBy: c.canceledBy ?? null } : e;
  });
  for (const [id, entry] of cancelled) if (!listed.has(id)) merged.push(entry);
  return merged;
}
