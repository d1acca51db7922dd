import type { EventRecord } from '../../flip/index.js';
import type { EventEntry } from '../../loaders/index.js';
import type { EventStatus } from './event.type.js';

/**
 * CANCELED once cancelEvent cancelled it; else UPCOMING before startsAt; ACTIVE until the end;
 * COMPLETED from the end on. The end is endsAt, else startsAt + durationS; with neither the event
 * is open-ended and stays ACTIVE (REFERENCE.md 3: null end = until the utility ends it).
 */
export function eventStatusOf(event: EventEntry, now: Date): EventStatus {
  if (event.canceledAt) return 'CANCELED';
  if (now < event.startsAt) return 'UPCOMING';
  const end = endOf(event);
  return end !== null && now >= end ? 'COMPLETED' : 'ACTIVE';
}

function endOf(event: EventRecord): Date | null {
  if (event.endsAt) return event.endsAt;
  if (event.durationS !== null) return new Date(event.startsAt.getTime() + event.durationS * 1000);
  return null;
}

/** Events of a program (or all), of the given statuses (or all), newest first (startsAt desc, then id). */
export function eventsOf<T extends EventEntry>(
  events: readonly T[],
  {
    programId,
    status,
    now,
  }: { programId?: string | null; status?: readonly EventStatus[] | null; now: Date },
): T[] {
  const statuses = status?.length ? new Set(status) : null;
  return events
    .filter(
      (e) =>
        (programId == null || e.programId === programId) &&
        (!statuses || statuses.has(eventStatusOf(e, now))),
    )
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
